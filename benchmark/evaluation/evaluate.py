"""Plain functions behind ``kharkiv-ie score`` and ``kharkiv-ie compare``.

``load_split`` reads the gold of a split (without ``datasets``: :mod:`benchmark.dataset.gold`).
``evaluate`` = read the submission (validating it against the gold) -> :func:`score` -> a 95%
bootstrap interval for every F1 -> a :class:`~benchmark.evaluation.results.Results` with
provenance. ``compare`` (:mod:`benchmark.evaluation.compare`) scores two submissions and runs
the paired tests of :mod:`benchmark.stats` on every (task, subtask, mode) both attempted.

Match modes are given by name and looked up in ``mode_table`` (default
:data:`benchmark.scoring.modes.MATCH_MODES`): a caller may pass a table with other modes.

Per-type breakdown entries with no gold item and no prediction (tp = fp = fn = 0) are left
out of the results: a label nobody used has no precision or recall, and writing it as 0.0
would make a perfect submission look imperfect. Every label that occurs on either side is kept.

Contrast split: the results also get a ``contrast_consistency`` section
(:mod:`benchmark.evaluation.results_contrast`): for every scored match mode, the contrast
consistency of each phenomenon (:func:`benchmark.scoring.consistency.consistency` over the groups of
:func:`benchmark.dataset.contrast.groups.contrast_groups`, read from the gold folder's spec).

Bootstrap: each F1 gets its own percentile interval, from ``n_bootstrap`` resamples of the
sentence units (:func:`benchmark.stats.bootstrap_ci`) drawn with the same ``seed``, so the
figures are reproducible run to run; ``n_bootstrap = 0`` writes ``ci95: null``. Predictions
without a sentence (sentence -1: every span unaligned) are added to every resample, not
resampled as a sentence.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from benchmark.dataset import splits
from benchmark.dataset.annotation_1x import SCHEMA_1X
from benchmark.dataset.configs import resolve_data_dir
from benchmark.dataset.gold import read_gold
from benchmark.dataset.schema import Annotations
from benchmark.errors import DataError
from benchmark.evaluation import defaults
from benchmark.evaluation.defaults import CONFIDENCE
from benchmark.evaluation.provenance import dataset_info, provenance
from benchmark.evaluation.results import Results
from benchmark.evaluation.results_contrast import ConsistencySection, sections_from_consistency
from benchmark.scoring.modes import MATCH_MODES, MODE_NAMES, MatchMode, resolve_modes
from benchmark.scoring.run import check_names, score
from benchmark.scoring.scores import Scores, SubtaskResult
from benchmark.scoring.tasks import TASKS
from benchmark.stats.bootstrap import bootstrap_ci
from benchmark.submission import Submission, read_submission
from benchmark.submission.format import SENTENCES
from benchmark.submission.label_map import label_map_1x


@dataclass(frozen=True)
class Gold:
    """The gold annotations of one split and the folder they came from."""

    annotations: Annotations
    """Every gold layer, as schema objects."""
    split: str
    """A split of :data:`benchmark.dataset.splits.SPLITS`."""
    data_dir: Path
    """The HF dataset folder (its content hash goes into the results)."""


@dataclass(frozen=True)
class Evaluation:
    """One scored submission."""

    results: Results
    """Scores, intervals, dataset, system and provenance (what ``--out`` writes)."""
    submission: Submission
    """The validated submission (warnings, unaligned spans, attempted tasks)."""


def load_split(*, split: str = splits.MAIN_SPLIT, data_dir: str | Path | None = None) -> Gold:
    """Load the gold of ``split``; DataError (one line) when the split does not exist."""
    splits.split(split)
    folder = resolve_data_dir(data_dir)
    try:
        annotations = read_gold(split=split, data_dir=folder)
    except DataError as error:
        if split == splits.MAIN_SPLIT:
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
    modes: Sequence[str] = MODE_NAMES,
    mode_table: Mapping[str, MatchMode] = MATCH_MODES,
    n_bootstrap: int = defaults.BOOTSTRAP,
    seed: int = defaults.SEED,
    system_name: str | None = None,
    lenient: bool = False,
    schema_1x: bool = False,
) -> Evaluation:
    """Validate and score the submission at ``submission_path``; raise DataError if invalid.

    ``lenient``: items with errors are kept as listed false positives
    (:mod:`benchmark.submission.rejected`) instead of rejecting the file. ``schema_1x``: the
    submission was written for schema 1.x (before dataset 2.0.0); its labels are read through
    the gold folder's ``label_map_1x.tsv`` (:func:`benchmark.submission.label_map.label_map_1x`),
    and the results' config records ``"schema": "1.x"``.
    """
    tasks = tuple(TASKS) if tasks is None else tuple(tasks)
    chosen = check_options(tasks=tasks, modes=modes, n_bootstrap=n_bootstrap, table=mode_table)
    modes = tuple(mode.name for mode in chosen)
    path = Path(submission_path)
    label_map = label_map_1x(data_dir=gold.data_dir) if schema_1x else None
    submission = read_submission(path, gold=gold.annotations, label_map=label_map, lenient=lenient)
    report = score_submission(submission, gold=gold, tasks=tasks, modes=chosen)
    report = with_intervals(report, n_bootstrap=n_bootstrap, seed=seed)
    config = {
        "split": gold.split,
        "tasks": list(tasks),
        "modes": list(modes),
        "bootstrap": n_bootstrap,
        "seed": seed,
        "confidence": CONFIDENCE,
        "lenient": lenient,
    }
    if schema_1x:
        config["schema"] = SCHEMA_1X  # only then: results of 2.0 submissions keep their bytes
    results = Results(
        dataset=dataset_info(data_dir=gold.data_dir, split=gold.split),
        system={
            "name": system_name if system_name is not None else path.stem,
            "submission_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "submitted_file": str(path),
        },
        provenance=provenance(config=config),
        scores=report,
        contrast_consistency=contrast_sections(report, gold=gold, modes=modes),
    )
    return Evaluation(results=results, submission=submission)


def contrast_sections(
    report: Scores, *, gold: Gold, modes: Sequence[str]
) -> tuple[ConsistencySection, ...]:
    """Return the consistency per mode for a contrast split; ``()`` for any other split."""
    if splits.split(gold.split).kind != splits.CONTRAST:
        return ()
    from benchmark.dataset.contrast.groups import contrast_groups
    from benchmark.scoring.consistency import consistency

    groups = contrast_groups(data_dir=gold.data_dir)
    return sections_from_consistency(
        {
            mode: consistency(report, gold=gold.annotations, groups=groups, mode=mode)
            for mode in modes
        }
    )


def with_intervals(report: Scores, *, n_bootstrap: int, seed: int) -> Scores:
    """Return ``report`` with a bootstrap CI on every result (unchanged when n_bootstrap = 0)."""
    if n_bootstrap == 0:
        return report
    results = []
    for result in report.results:
        if result.per_unit is None:
            raise DataError(f"{_name(result)} has no per-sentence counts", field="per_unit")
        placed, unplaced = result.per_unit.placed_and_unplaced()
        low, high = bootstrap_ci(
            *placed, n_resamples=n_bootstrap, seed=seed, confidence=CONFIDENCE, fixed=unplaced
        )
        results.append(result.with_ci95(low, high))
    return replace(report, results=tuple(results))


def score_submission(
    submission: Submission,
    *,
    gold: Gold,
    tasks: Sequence[str],
    modes: Sequence[MatchMode] = tuple(MATCH_MODES.values()),
) -> Scores:
    """Score a validated submission and drop per-type entries empty on both sides."""
    labels = submission.sentence_labels if SENTENCES in submission.attempted else None
    report = score(
        gold.annotations,
        submission.annotations,
        attempted=submission.attempted,
        sentence_labels=labels,
        tasks=tasks,
        modes=modes,
        rejected=submission.rejected,
    )
    return replace(report, results=tuple(without_empty_types(r) for r in report.results))


def without_empty_types(result: SubtaskResult) -> SubtaskResult:
    """Leave out breakdown entries with tp = fp = fn = 0 (see the module docstring)."""
    kept = {k: c for k, c in result.per_type.items() if c.tp or c.fp or c.fn}
    return result if len(kept) == len(result.per_type) else replace(result, per_type=kept)


def check_options(
    *,
    tasks: Sequence[str],
    modes: Sequence[str],
    n_bootstrap: int,
    table: Mapping[str, MatchMode] = MATCH_MODES,
) -> tuple[MatchMode, ...]:
    """Return the chosen modes; DataError for unknown names and a negative resample count."""
    check_names("tasks", tasks, TASKS, allow_empty=False)
    chosen = resolve_modes(modes, table=table)
    if isinstance(n_bootstrap, bool) or not isinstance(n_bootstrap, int) or n_bootstrap < 0:
        raise DataError(f"expected an integer >= 0, got {n_bootstrap!r}", field="bootstrap")
    return chosen


def _name(result: SubtaskResult) -> str:
    return f"{result.task}/{result.subtask}/{result.mode}"
