"""Plain functions behind ``kharkiv-ie score`` and ``kharkiv-ie compare``.

``evaluate`` = read the submission (validating it against the gold) -> :func:`score` -> a 95%
bootstrap interval for every F1 -> a :class:`~benchmark.results.Results` with provenance.
``compare`` scores two submissions and runs the paired tests of :mod:`benchmark.stats` on
every (task, subtask, mode) that both attempted.

Per-type breakdown entries with no gold item and no prediction (tp = fp = fn = 0) are left
out of the results: a label nobody used has no precision or recall, and writing it as 0.0
would make a perfect submission look imperfect. Every label that occurs on either side is kept.

Contrast split: the results also get a ``contrast_consistency`` section
(:mod:`benchmark.results_contrast`): for every scored match mode, the contrast consistency of
each phenomenon (:func:`benchmark.scoring.consistency.consistency` over the groups of
:func:`benchmark.contrast.groups.contrast_groups`, read from the gold folder's spec).

Bootstrap: each F1 gets its own percentile interval, from ``n_bootstrap`` resamples of the
sentence units (:func:`benchmark.stats.bootstrap_ci`) drawn with the same ``seed``, so the
figures are reproducible run to run; ``n_bootstrap = 0`` writes ``ci95: null``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from benchmark.errors import DataError
from benchmark.provenance import dataset_info, provenance
from benchmark.results import Results
from benchmark.results_contrast import ConsistencySection, sections_from_consistency
from benchmark.schema import Annotations
from benchmark.scoring.keys import MATCH_MODES
from benchmark.scoring.report import PerUnit, ScoreReport, SubtaskResult
from benchmark.scoring.run import TASKS, score
from benchmark.scoring.sentences import sentence_units
from benchmark.stats import (
    PairedBootstrapResult,
    RandomizationResult,
    approximate_randomization,
    bootstrap_ci,
    paired_bootstrap,
)
from benchmark.submission import Submission, read_submission

SPLITS: tuple[str, ...] = ("test", "contrast")
"""Gold splits a submission can be scored against."""

CONTRAST_SPLIT = "contrast"
"""The split scored with contrast consistency as well."""

CONFIDENCE = 0.95
"""Coverage of every interval written (the results field is ``ci95``)."""


@dataclass(frozen=True)
class Gold:
    """The gold annotations of one split and the folder they came from."""

    annotations: Annotations
    """Every gold layer, as schema objects."""
    split: str
    """``test`` or ``contrast``."""
    data_dir: Path
    """The HF dataset folder (its content hash goes into the results)."""


@dataclass(frozen=True)
class Evaluation:
    """One scored submission."""

    results: Results
    """Scores, intervals, dataset, system and provenance (what ``--out`` writes)."""
    submission: Submission
    """The validated submission (warnings, unaligned spans, attempted tasks)."""


@dataclass(frozen=True)
class Comparison:
    """Paired tests of system B against system A on one (task, subtask, mode)."""

    task: str
    """Task name."""
    subtask: str
    """Subtask name."""
    mode: str
    """Match mode."""
    f1_a: float
    """F1 of A."""
    f1_b: float
    """F1 of B."""
    bootstrap: PairedBootstrapResult
    """Paired bootstrap (delta = F1(B) - F1(A), one-sided p)."""
    randomization: RandomizationResult
    """Approximate randomisation (two-sided p)."""

    @property
    def delta(self) -> float:
        """F1(B) - F1(A)."""
        return self.f1_b - self.f1_a


def load_split(*, split: str = "test", data_dir: str | Path | None = None) -> Gold:
    """Load the gold of ``split``; DataError (one line) when the split does not exist."""
    from benchmark.loading import data_dir as default_data_dir  # imports datasets: slow
    from benchmark.loading import load_gold

    if split not in SPLITS:
        raise DataError(f"unknown split {split!r}; expected one of {list(SPLITS)}", field="split")
    folder = Path(data_dir).resolve() if data_dir is not None else default_data_dir()
    try:
        annotations = load_gold(split=split, data_dir=folder)
    except DataError as error:
        if split == "test":
            raise
        raise DataError(
            f"the {split!r} split cannot be loaded from {folder} (is it built yet?): {error}"
        ) from None
    return Gold(annotations=annotations, split=split, data_dir=folder)


def evaluate(
    submission_path: str | Path,
    *,
    gold: Gold,
    tasks: Sequence[str] | None = None,
    modes: Sequence[str] = MATCH_MODES,
    n_bootstrap: int = 1000,
    seed: int = 0,
    system_name: str | None = None,
) -> Evaluation:
    """Validate and score the submission at ``submission_path``; raise DataError if invalid."""
    tasks = tuple(TASKS) if tasks is None else tuple(tasks)
    modes = tuple(modes)
    _check_options(tasks=tasks, modes=modes, n_bootstrap=n_bootstrap)
    path = Path(submission_path)
    submission = read_submission(path, gold=gold.annotations)
    report = _score(submission, gold=gold, tasks=tasks, modes=modes)
    report = with_intervals(report, n_bootstrap=n_bootstrap, seed=seed)
    config = {
        "split": gold.split,
        "tasks": list(tasks),
        "modes": list(modes),
        "bootstrap": n_bootstrap,
        "seed": seed,
        "confidence": CONFIDENCE,
    }
    results = Results(
        dataset=dataset_info(data_dir=gold.data_dir),
        system={
            "name": system_name if system_name is not None else path.stem,
            "submission_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "submitted_file": str(path),
        },
        provenance=provenance(config=config),
        report=report,
        contrast_consistency=contrast_sections(report, gold=gold, modes=modes),
    )
    return Evaluation(results=results, submission=submission)


def contrast_sections(
    report: ScoreReport, *, gold: Gold, modes: Sequence[str]
) -> tuple[ConsistencySection, ...]:
    """Return the consistency per mode for the contrast split; ``()`` for any other split."""
    if gold.split != CONTRAST_SPLIT:
        return ()
    from benchmark.contrast.groups import contrast_groups
    from benchmark.scoring.consistency import consistency

    groups = contrast_groups(data_dir=gold.data_dir)
    return sections_from_consistency(
        {
            mode: consistency(report, gold=gold.annotations, groups=groups, mode=mode)
            for mode in modes
        }
    )


def with_intervals(report: ScoreReport, *, n_bootstrap: int, seed: int) -> ScoreReport:
    """Return ``report`` with a bootstrap CI on every result (unchanged when n_bootstrap = 0)."""
    if n_bootstrap == 0:
        return report
    results = []
    for result in report.results:
        if result.per_unit is None:
            raise DataError(f"{_name(result)} has no per-sentence counts", field="per_unit")
        low, high = bootstrap_ci(
            *result.per_unit.arrays(), n_resamples=n_bootstrap, seed=seed, confidence=CONFIDENCE
        )
        results.append(result.with_ci95(low, high))
    return replace(report, results=tuple(results))


def compare(
    path_a: str | Path,
    path_b: str | Path,
    *,
    gold: Gold,
    n_bootstrap: int = 1000,
    n_rounds: int = 10000,
    seed: int = 0,
) -> tuple[tuple[Comparison, ...], int]:
    """Compare B with A on every (task, subtask, mode) both attempted; return (rows, units).

    The per-sentence counts of both are put on the same units (every gold sentence in gold
    order, then any extra unit of either side, sorted) before the paired tests.
    """
    _check_options(tasks=tuple(TASKS), modes=MATCH_MODES, n_bootstrap=n_bootstrap)
    if n_bootstrap < 1 or n_rounds < 1:
        raise DataError("--bootstrap and --rounds must be >= 1 for compare", field="bootstrap")
    reports = [
        _score(read_submission(Path(p), gold=gold.annotations), gold=gold, tasks=TASKS)
        for p in (path_a, path_b)
    ]
    units_gold = tuple(sentence_units(gold.annotations.documents))
    rows = []
    n_units = len(units_gold)
    for a in reports[0].results:
        try:
            b = reports[1].get(a.task, a.subtask, a.mode)
        except KeyError:
            continue
        units = _union_units(units_gold, a.per_unit, b.per_unit)
        n_units = max(n_units, len(units))
        counts_a = a.per_unit.reindexed(units).arrays()
        counts_b = b.per_unit.reindexed(units).arrays()
        rows.append(
            Comparison(
                task=a.task,
                subtask=a.subtask,
                mode=a.mode,
                f1_a=a.f1,
                f1_b=b.f1,
                bootstrap=paired_bootstrap(
                    counts_a, counts_b, n_resamples=n_bootstrap, seed=seed, confidence=CONFIDENCE
                ),
                randomization=approximate_randomization(
                    counts_a, counts_b, n_rounds=n_rounds, seed=seed
                ),
            )
        )
    return tuple(rows), n_units


def _score(
    submission: Submission, *, gold: Gold, tasks: Sequence[str], modes: Sequence[str] = MATCH_MODES
) -> ScoreReport:
    """Score a validated submission and drop per-type entries empty on both sides."""
    labels = submission.sentence_labels if "sentences" in submission.attempted else None
    report = score(
        gold.annotations,
        submission.annotations,
        attempted=submission.attempted,
        sentence_labels=labels,
        tasks=tasks,
        modes=modes,
    )
    return replace(report, results=tuple(without_empty_types(r) for r in report.results))


def without_empty_types(result: SubtaskResult) -> SubtaskResult:
    """Leave out breakdown entries with tp = fp = fn = 0 (see the module docstring)."""
    kept = {k: c for k, c in result.per_type.items() if c.tp or c.fp or c.fn}
    return result if len(kept) == len(result.per_type) else replace(result, per_type=kept)


def _union_units(
    gold_units: tuple[tuple[str, int], ...], a: PerUnit | None, b: PerUnit | None
) -> tuple[tuple[str, int], ...]:
    """Gold sentence units in gold order, then the extra units of either side, sorted."""
    known = set(gold_units)
    extra = {u for per_unit in (a, b) if per_unit is not None for u in per_unit.units} - known
    return (*gold_units, *sorted(extra))


def _check_options(*, tasks: Sequence[str], modes: Sequence[str], n_bootstrap: int) -> None:
    """Raise DataError for unknown task or mode names and a negative resample count."""
    for option, values, known in (("tasks", tasks, TASKS), ("modes", modes, MATCH_MODES)):
        unknown = [v for v in values if v not in known]
        if unknown or not values:
            raise DataError(
                f"unknown {option} {unknown or list(values)}; expected names from {list(known)}",
                field=option,
            )
    if isinstance(n_bootstrap, bool) or not isinstance(n_bootstrap, int) or n_bootstrap < 0:
        raise DataError(f"expected an integer >= 0, got {n_bootstrap!r}", field="bootstrap")


def _name(result: SubtaskResult) -> str:
    return f"{result.task}/{result.subtask}/{result.mode}"
