"""The scored tasks: one :class:`~benchmark.scoring.items.TaskSpec` per annotation layer.

Each task module (:mod:`~benchmark.scoring.events`, :mod:`~benchmark.scoring.casualties`,
:mod:`~benchmark.scoring.attributions`, :mod:`~benchmark.scoring.hedges`) defines its
subtasks, the subtask that ranks the leaderboard and the subtasks judged for contrast
consistency; this explicit table lists them in layer order.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from benchmark.scoring import attributions, casualties, events, hedges
from benchmark.scoring.items import TaskSpec
from benchmark.submission.format import SENTENCES

TASKS: Mapping[str, TaskSpec] = MappingProxyType(
    {spec.name: spec for spec in (events.SPEC, casualties.SPEC, attributions.SPEC, hedges.SPEC)}
)
"""Task name -> its spec, in layer order (explicit table, no registry)."""

TASK_NAMES: tuple[str, ...] = tuple(TASKS)
"""Task names in report order (the layer names)."""

SUBMISSION_KEYS: tuple[str, ...] = (*TASKS, SENTENCES)
"""Keys a submission may attempt."""
