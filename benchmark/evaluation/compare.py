"""Paired significance tests between two submissions (``kharkiv-ie compare``).

Both submissions are read and scored against the same gold; for every (task, subtask, mode)
both attempted, the per-sentence counts of both are put on the same units (every gold
sentence in gold order, then the units of predictions without a sentence, sentence -1, of
either side, sorted) and compared with two two-sided tests of :mod:`benchmark.stats`:

- the paired sign-flip permutation test over every unit, exact (all 2^k patterns) when the
  systems differ on at most 20 units, approximate randomisation above that; a unit without a
  sentence is exchangeable like any other;
- the paired bootstrap over the sentences, with its 95% percentile interval of delta; the
  predictions without a sentence are added to every resample (they are not a sentence).

Each row also gives the number of units where A and B differ: with k differing units the
exact test cannot give a p-value below 2 / 2^k.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from benchmark.errors import DataError
from benchmark.evaluation import defaults
from benchmark.evaluation.defaults import CONFIDENCE
from benchmark.evaluation.evaluate import Gold, check_options, score_submission
from benchmark.scoring.modes import MATCH_MODES, MatchMode
from benchmark.scoring.scores import PerUnit
from benchmark.scoring.sentences import sentence_units
from benchmark.scoring.tasks import TASKS
from benchmark.stats.bootstrap import PairedBootstrapResult, paired_bootstrap
from benchmark.stats.permutation import PermutationResult, permutation_test
from benchmark.submission import read_submission
from benchmark.submission.label_map import label_map_1x


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
    """Paired bootstrap (delta = F1(B) - F1(A), two-sided p, interval of delta)."""
    permutation: PermutationResult
    """Paired permutation test (two-sided p; exact on at most 20 differing units)."""

    @property
    def delta(self) -> float:
        """F1(B) - F1(A)."""
        return self.f1_b - self.f1_a

    @property
    def n_differing(self) -> int:
        """Units on which A and B have different counts."""
        return self.permutation.n_differing


def compare(
    path_a: str | Path,
    path_b: str | Path,
    *,
    gold: Gold,
    n_bootstrap: int = defaults.BOOTSTRAP,
    n_rounds: int = defaults.ROUNDS,
    seed: int = defaults.SEED,
    mode_table: Mapping[str, MatchMode] = MATCH_MODES,
    schema_1x: tuple[bool, bool] = (False, False),
    lenient: bool = False,
) -> tuple[tuple[Comparison, ...], int]:
    """Compare B with A on every (task, subtask, mode) both attempted; return (rows, units).

    ``schema_1x``: for A and B, whether the file was written for schema 1.x (its labels read
    through the gold folder's ``label_map_1x.tsv``); ``lenient``: items with errors are kept
    as false positives (:mod:`benchmark.submission.rejected`) instead of refusing the file.
    """
    modes = check_options(
        tasks=tuple(TASKS), modes=tuple(mode_table), n_bootstrap=n_bootstrap, table=mode_table
    )
    if n_bootstrap < 1 or n_rounds < 1:
        raise DataError("--bootstrap and --rounds must be >= 1 for compare", field="bootstrap")
    label_map = label_map_1x(data_dir=gold.data_dir) if any(schema_1x) else None
    reports = [
        score_submission(
            read_submission(
                Path(p),
                gold=gold.annotations,
                label_map=label_map if old else None,
                lenient=lenient,
            ),
            gold=gold,
            tasks=TASKS,
            modes=modes,
        )
        for p, old in zip((path_a, path_b), schema_1x, strict=True)
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
        per_a, per_b = a.per_unit.reindexed(units), b.per_unit.reindexed(units)
        placed_a, unplaced_a = per_a.placed_and_unplaced()
        placed_b, unplaced_b = per_b.placed_and_unplaced()
        rows.append(
            Comparison(
                task=a.task,
                subtask=a.subtask,
                mode=a.mode,
                f1_a=a.f1,
                f1_b=b.f1,
                bootstrap=paired_bootstrap(
                    placed_a,
                    placed_b,
                    n_resamples=n_bootstrap,
                    seed=seed,
                    confidence=CONFIDENCE,
                    fixed_a=unplaced_a,
                    fixed_b=unplaced_b,
                ),
                permutation=permutation_test(
                    per_a.arrays(),
                    per_b.arrays(),
                    n_rounds=n_rounds,
                    seed=seed,
                    max_exact=defaults.MAX_EXACT_UNITS,
                ),
            )
        )
    return tuple(rows), n_units


def _union_units(
    gold_units: tuple[tuple[str, int], ...], a: PerUnit | None, b: PerUnit | None
) -> tuple[tuple[str, int], ...]:
    """Gold sentence units in gold order, then the extra units of either side, sorted."""
    known = set(gold_units)
    extra = {u for per_unit in (a, b) if per_unit is not None for u in per_unit.units} - known
    return (*gold_units, *sorted(extra))
