"""When a system on the leaderboard was made, relative to the gold of the split it is scored on.

A results file may carry ``system.timing``: ``pre-registered`` for a submission committed before
any gold of its split existed and scored as committed (``baselines/preregistered.py``),
``developed after the test gold existed`` for a system whose code may have changed since. The
leaderboard lists the timings in :data:`TIMINGS` order and explains them with
:func:`timing_note`.
"""

from __future__ import annotations

from collections.abc import Sequence

PREREGISTERED = "pre-registered"
"""Timing of a submission committed before the gold of its split existed."""
AFTER_GOLD = "developed after the test gold existed"
"""Timing of a system whose code may have changed after the gold of the split existed."""
TIMINGS: tuple[str, ...] = (PREREGISTERED, AFTER_GOLD)
"""The timings a results file may carry, in page order (rows without one come last)."""


def timing_note(timings: Sequence[str | None]) -> list[str]:
    """Return the page lines that explain ``timings`` (those of one split); none when all None."""
    if not any(timings):
        return []
    return [
        "The first rows are the **pre-registered** submissions: predictions committed before",
        "any gold of this split existed, scored as committed (written for schema 1.x, their",
        "labels read through `data/label_map_1x.tsv`; read leniently, so an item the reader",
        "refuses counts as a false positive). Rows marked **developed after the test",
        "gold existed** are the same baselines run with the current code, which may have changed",
        "since the gold existed: they are not held-out figures. Each group is ranked apart.",
        "",
    ]
