"""Contrast consistency (Gardner et al. 2020) per phenomenon of the contrast split.

A group (an original paragraph and its edited variants,
:func:`benchmark.dataset.contrast.groups.contrast_groups`) is *consistent* when EVERY document
of the group is fully right for the layer the group concerns. A document is fully right for a
layer when, in the chosen match mode, none of the layer's judged subtasks
(:attr:`benchmark.scoring.items.TaskSpec.judged`) has a missed (fn) or spurious (fp) item in
that document — so a document without gold items is right only when nothing was predicted:

- ``hedges``: ``cue_typed`` (cue span and type), ``scope`` (cue and scope spans) and
  ``uncertain`` (sentence labels);
- ``casualties``: ``record`` (victim span, status, count, count_high, qualifier) and ``slots``
  (every other field of the record but its attribution link);
- ``attributions``: ``relation_typed`` (cue, content and source spans and the type),
  ``source_resolved`` (the source through its antecedent) and ``nesting`` (parent);
- ``events``: ``trigger_classification``, ``argument_classification`` and ``factuality``
  (polarity and certainty).

Consistency of a phenomenon = consistent groups / groups (0.0 when there is no group, the
project's zero-division policy). When a subtask a layer needs was not scored (not attempted),
the phenomena judged on that layer get ``consistency=None``: no number, never a zero.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from benchmark.dataset.schema import Annotations
from benchmark.errors import DataError
from benchmark.scoring.metrics import ZERO_DIVISION
from benchmark.scoring.modes import EXACT
from benchmark.scoring.scores import Scores
from benchmark.scoring.tasks import TASKS


@dataclass(frozen=True)
class Group:
    """A contrast group as the metric needs it (``GroupInfo`` of the contrast split fits)."""

    group: str
    """Group id."""
    phenomenon: str
    """Phenomenon the group flips."""
    layer: str
    """Layer judged (a task of :data:`benchmark.scoring.tasks.TASKS`)."""
    doc_ids: tuple[str, ...]
    """The group's documents."""


@dataclass(frozen=True)
class Consistency:
    """Contrast consistency of one phenomenon."""

    phenomenon: str
    """Phenomenon name."""
    groups: int
    """Number of groups."""
    consistent: int
    """Groups whose every document is fully right."""
    consistency: float | None
    """consistent / groups; None when a needed subtask was not scored."""
    inconsistent_groups: tuple[str, ...]
    """Ids of the groups with at least one document not fully right."""


def wrong_documents(report: Scores, *, layer: str, mode: str = EXACT.name) -> set[str] | None:
    """Return the doc_ids with a missed or spurious item in ``layer``; None if not scored."""
    if layer not in TASKS:
        raise DataError(f"unknown layer {layer!r}; expected one of {', '.join(TASKS)}")
    wrong: set[str] = set()
    for task, subtask in ((layer, name) for name in TASKS[layer].judged):
        try:
            result = report.get(task, subtask, mode)
        except KeyError:
            return None
        wrong.update(doc_id for doc_id, _ in result.missed)
        wrong.update(doc_id for doc_id, _ in result.spurious)
    return wrong


def consistency(
    report: Scores,
    *,
    gold: Annotations,
    groups: Iterable[Group],
    mode: str = EXACT.name,
) -> dict[str, Consistency]:
    """Return phenomenon -> :class:`Consistency`, phenomena in first-seen group order.

    ``report`` is :func:`benchmark.scoring.run.score` of the prediction against ``gold`` (the
    contrast split); every document of every group must be a gold document.
    """
    known = {document.doc_id for document in gold.documents}
    by_phenomenon: dict[str, list[Group]] = {}
    for group in groups:
        missing = [doc_id for doc_id in group.doc_ids if doc_id not in known]
        if missing:
            raise DataError(f"group {group.group}: document {missing[0]!r} is not in the gold")
        by_phenomenon.setdefault(group.phenomenon, []).append(group)
    wrong_by_layer: dict[str, set[str] | None] = {}
    results = {}
    for phenomenon, members in by_phenomenon.items():
        inconsistent, not_scored = [], False
        for group in members:
            if group.layer not in wrong_by_layer:
                wrong_by_layer[group.layer] = wrong_documents(report, layer=group.layer, mode=mode)
            wrong = wrong_by_layer[group.layer]
            if wrong is None:
                not_scored = True
            elif any(doc_id in wrong for doc_id in group.doc_ids):
                inconsistent.append(group.group)
        consistent = len(members) - len(inconsistent)
        value = None if not_scored else (consistent / len(members) if members else ZERO_DIVISION)
        results[phenomenon] = Consistency(
            phenomenon=phenomenon,
            groups=len(members),
            consistent=consistent if not not_scored else 0,
            consistency=value,
            inconsistent_groups=tuple(inconsistent),
        )
    return results
