"""The official scorer: generic matching of items, one definition module per task.

How the package is split (one concept per module):

- :mod:`~benchmark.scoring.items`: the :class:`~benchmark.scoring.items.Item` record, the
  :class:`~benchmark.scoring.items.Subtask` and :class:`~benchmark.scoring.items.TaskSpec`
  definitions every task module fills in; :mod:`~benchmark.scoring.tasks` lists the tasks.
- :mod:`~benchmark.scoring.modes`: ONE :class:`~benchmark.scoring.modes.MatchMode` per match
  mode (key function, candidate rule, credit), in :data:`~benchmark.scoring.modes.MATCH_MODES`.
- :mod:`~benchmark.scoring.matching`: the generic matcher (equal keys; overlapping spans:
  optimal one-to-one assignment, :mod:`~benchmark.scoring.intervals`,
  :mod:`~benchmark.scoring.assignment`).
- :mod:`~benchmark.scoring.counting`: the generic counter (tp, fp, fn, ids, per type, per
  sentence); :mod:`~benchmark.scoring.scores`: the result objects.
- :mod:`~benchmark.scoring.metrics`: precision, recall and F1, with the named zero-division policy.
- :mod:`~benchmark.scoring.events`, :mod:`~benchmark.scoring.casualties`,
  :mod:`~benchmark.scoring.attributions`, :mod:`~benchmark.scoring.hedges`: item definitions
  only, one function per subtask.
- :mod:`~benchmark.scoring.sentences`: sentence lookup, the per-sentence units and the
  sentence-level ``uncertain`` labels.
- :mod:`~benchmark.scoring.run`: :func:`score`, the public entry point.
- :mod:`~benchmark.scoring.consistency`: contrast consistency; :mod:`~benchmark.scoring.
  agreement`: inter-annotator agreement (the scorer with one pass as the gold).
"""

from __future__ import annotations

from typing import Any

SCORER_VERSION = "1.3.0"
"""Version of the scoring rules; bump the minor on any change that can move a number."""

__all__ = ["SCORER_VERSION", "score"]


def __getattr__(name: str) -> Any:
    """Give ``benchmark.scoring.score`` without importing the task modules eagerly."""
    if name == "score":
        from benchmark.scoring.run import score

        return score
    raise AttributeError(f"module 'benchmark.scoring' has no attribute {name!r}")
