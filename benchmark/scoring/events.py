"""Event subtasks: the items each one counts (TextEE / ACE 2005 conventions).

- ``trigger_identification`` (Tri-I): one item per event mention, its trigger span; untyped.
- ``trigger_classification`` (Tri-C): the trigger span plus the event type (label).
- ``argument_identification`` (Arg-I): one item per argument (id ``E3/arg1``, 1-based position
  in the event's argument list): the argument span, labelled with the event type, ATTACHED to
  its event: it counts only when its event's trigger is matched by the trigger_classification
  alignment of the same mode (exact: identical trigger offsets and type; overlap: the one-to-one
  trigger assignment). A correct argument of an unmatched trigger is a false positive and the
  gold argument a false negative.
- ``argument_classification`` (Arg-C): as Arg-I plus the role (label: the role).
- ``factuality``: one item per event mention: its trigger must be matched by the
  trigger_identification alignment of the same mode AND both polarity and certainty must be
  right. Breakdown: ``polarity`` (trigger matched + polarity right) and ``certainty`` (trigger
  matched + certainty right), counted the same way.
"""

from __future__ import annotations

from benchmark.scoring.items import Item, Side, Subtask, offsets

TASK = "events"
"""Task name (and submission key)."""


def trigger_identification(side: Side) -> list[Item]:
    """Return one untyped trigger item per event mention."""
    return [
        Item(e.event_id, e.doc_id, e.sentence_id, (offsets(e.trigger),))
        for e in side.annotations.events
    ]


def trigger_classification(side: Side) -> list[Item]:
    """Return one trigger item per event mention, labelled with the event type."""
    return [
        Item(e.event_id, e.doc_id, e.sentence_id, (offsets(e.trigger),), label=e.event_type)
        for e in side.annotations.events
    ]


def argument_identification(side: Side) -> list[Item]:
    """Return one item per argument: span, event type, anchored to the event's trigger."""
    return [
        Item(
            f"{e.event_id}/arg{i}",
            e.doc_id,
            e.sentence_id,
            (offsets(argument.span),),
            label=e.event_type,
            attrs=(side.anchor(e.doc_id, e.event_id),),
        )
        for e in side.annotations.events
        for i, argument in enumerate(e.arguments, start=1)
    ]


def argument_classification(side: Side) -> list[Item]:
    """Return one item per argument: span, role (label), anchored to the event's trigger."""
    return [
        Item(
            f"{e.event_id}/arg{i}",
            e.doc_id,
            e.sentence_id,
            (offsets(argument.span),),
            label=argument.role,
            attrs=(side.anchor(e.doc_id, e.event_id), e.event_type),
        )
        for e in side.annotations.events
        for i, argument in enumerate(e.arguments, start=1)
    ]


def factuality(side: Side) -> list[Item]:
    """Return one item per event: (matched trigger, polarity, certainty)."""
    return _attribute_items(side, ("polarity", "certainty"))


def polarity(side: Side) -> list[Item]:
    """Return one item per event: (matched trigger, polarity)."""
    return _attribute_items(side, ("polarity",))


def certainty(side: Side) -> list[Item]:
    """Return one item per event: (matched trigger, certainty)."""
    return _attribute_items(side, ("certainty",))


def _attribute_items(side: Side, names: tuple[str, ...]) -> list[Item]:
    return [
        Item(
            e.event_id,
            e.doc_id,
            e.sentence_id,
            (),
            attrs=(side.anchor(e.doc_id, e.event_id), *(getattr(e, name) for name in names)),
        )
        for e in side.annotations.events
    ]


SUBTASKS: tuple[Subtask, ...] = (
    Subtask("trigger_identification", trigger_identification, TASK),
    Subtask("trigger_classification", trigger_classification, TASK),
    Subtask(
        "argument_identification",
        argument_identification,
        TASK,
        anchor_subtask="trigger_classification",
    ),
    Subtask(
        "argument_classification",
        argument_classification,
        TASK,
        anchor_subtask="trigger_classification",
    ),
    Subtask(
        "factuality",
        factuality,
        TASK,
        anchor_subtask="trigger_identification",
        breakdown=(("polarity", polarity), ("certainty", certainty)),
    ),
)
"""The event subtasks in report order (anchor subtasks come first)."""
