"""The leaderboard's statement of a split's statistical power (one block per split section).

The figures come from :func:`benchmark.evaluation.power.split_power` on the split's gold: the
number of documents and sentences, and per task the minimal detectable F1 difference of the
paired permutation test (:mod:`benchmark.stats.detectable`, a lower bound).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from benchmark.evaluation.power import SplitPower, mdd_text


def power_notes(
    names: Iterable[str], *, data_dir: str | Path | None = None
) -> dict[str, list[str]]:
    """Return split -> its :func:`power_block`, from the gold of ``data_dir`` (None: ``data/``)."""
    from benchmark.evaluation.evaluate import load_split
    from benchmark.evaluation.power import split_power

    return {
        name: power_block(split_power(load_split(split=name, data_dir=data_dir))) for name in names
    }


def power_block(power: SplitPower | None) -> list[str]:
    """Return the Markdown lines stating ``power`` (none when it is None)."""
    if power is None:
        return []
    first = next(iter(power.tasks.values()), None)
    lines = [
        f"**Power.** {power.documents} document(s), {power.sentences} sentences (the unit the "
        "intervals and paired tests resample)."
    ]
    if first is not None:
        lines[0] += (
            " Smallest F1 difference between two systems that the paired permutation test "
            f"could detect here (alpha {first.alpha}, power {first.power}; a lower bound: "
            "`benchmark/stats/detectable.py`):"
        )
        lines += [""] + [f"- {task}: {mdd_text(found)}" for task, found in power.tasks.items()]
    return [*lines, ""]
