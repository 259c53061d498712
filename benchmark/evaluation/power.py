"""How much a split can tell apart: its units and the smallest detectable F1 difference per task.

For ``compare`` and the leaderboard. :func:`split_power` counts the split's documents and
sentences (the paired tests' resampling units), scores the gold against an empty prediction to
get every sentence's number of gold items of each task's main subtask (the leaderboard's
ranking subtask), and runs :func:`benchmark.stats.detectable.minimal_detectable_difference`
on them (exact match: the other modes pair the same gold items, so the counts are the same).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from benchmark.dataset.schema import Annotations
from benchmark.evaluation.evaluate import Gold
from benchmark.scoring.modes import EXACT
from benchmark.scoring.run import score
from benchmark.scoring.sentences import sentence_units
from benchmark.scoring.tasks import TASKS
from benchmark.stats.detectable import ALPHA, POWER, DetectableDifference
from benchmark.stats.detectable import minimal_detectable_difference as mdd_of

POWER_SEED = 0
"""Seed of the power simulations (fixed: the figures are a property of the split)."""


@dataclass(frozen=True)
class SplitPower:
    """The size of one split and the MDD of the paired permutation test on it, per task."""

    split: str
    """Split name."""
    documents: int
    """Documents (passages) in the split."""
    sentences: int
    """Sentences: the resampling units of the paired tests."""
    tasks: Mapping[str, DetectableDifference]
    """Task -> the MDD on its main subtask's gold items (exact match)."""


def split_power(gold: Gold, *, tasks: Sequence[str] | None = None) -> SplitPower:
    """Return the :class:`SplitPower` of ``gold`` for ``tasks`` (default: all four)."""
    tasks = tuple(TASKS) if tasks is None else tuple(tasks)
    units = sentence_units(gold.annotations.documents)
    empty = Annotations(documents=gold.annotations.documents)
    report = score(gold.annotations, empty, attempted=set(tasks), tasks=tasks, modes=(EXACT,))
    found = {}
    for task in tasks:
        result = report.get(task, TASKS[task].main, EXACT.name)
        _, _, fn = result.per_unit.reindexed(units).arrays()
        found[task] = mdd_of(fn.tolist(), alpha=ALPHA, power=POWER, seed=POWER_SEED)
    return SplitPower(
        split=gold.split,
        documents=len(gold.annotations.documents),
        sentences=len(units),
        tasks=found,
    )


def power_lines(power: SplitPower) -> list[str]:
    """Return the split-specific low-power statement: sizes, then one MDD line per task."""
    first = next(iter(power.tasks.values()), None)
    lines = [
        f"Split {power.split!r}: {power.documents} document(s), {power.sentences} sentences "
        "(the resampling unit of the paired tests)."
    ]
    if first is not None:
        lines.append(
            f"Smallest F1 difference the paired permutation test could detect here "
            f"(alpha {first.alpha}, power {first.power}; {first.simulations} simulations, "
            f"seed {first.seed}; a lower bound, benchmark/stats/detectable.py):"
        )
    for task, found in power.tasks.items():
        lines.append(f"  {task}: {mdd_text(found)}")
    return lines


def mdd_text(found: DetectableDifference) -> str:
    """Return ``MDD x.x F1 points (G gold items in U of N sentences)`` or why there is none."""
    where = f"{found.gold_items} gold items in {found.units_with_gold} of {found.units} sentences"
    if found.mdd is None:
        return f"none detectable ({where}; the test needs {found.units_needed} sentences to differ)"
    return f"{100 * found.mdd:.1f} F1 points ({where})"
