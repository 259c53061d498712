"""Event subtasks: the items each one counts (TextEE / ACE 2005 conventions).

- ``trigger_identification`` (Tri-I): one item per event mention, its trigger span; untyped.
- ``trigger_classification`` (Tri-C): the trigger span plus the event type (label).
- ``argument_identification`` (Arg-I): one item per argument (id ``E3/arg1``, 1-based position
  in the event's argument list): (argument span, trigger span), labelled with the event type.
  This is the TextEE / ACE "attached" convention: an argument counts only together with its
  trigger, which must match as well (exact: identical trigger offsets; overlap: overlapping
  triggers) with the same event type. A correct argument under a wrong trigger is a false
  positive and the gold argument a false negative. Each argument is matched on its own
  (one-to-one, see :mod:`benchmark.scoring.matching`): two arguments of one predicted event may
  pair with arguments of two gold events whose triggers both overlap the predicted trigger.
- ``argument_classification`` (Arg-C): as Arg-I plus the role (label: the role; the event type
  is still part of the identity).
- ``factuality``: one item per event mention: (trigger span, polarity, certainty), untyped: the
  trigger must match (exact or overlap, as for ``trigger_identification``) AND both polarity and
  certainty must be right. Breakdown: ``polarity`` (trigger + polarity) and ``certainty``
  (trigger + certainty), counted the same way.

Not scored (:data:`SPEC` ``unscored``, with the reason): ``attribution_id``.

No subtask depends on another subtask's alignment: every item is matched directly by the
generic matcher, so exact tp <= overlap tp and adding a prediction never lowers recall.
"""

from __future__ import annotations

from benchmark.scoring.items import Item, Side, Subtask, TaskSpec, span_item

TASK = "events"
"""Task name (and submission key)."""


def trigger_identification(side: Side) -> list[Item]:
    """Return one untyped trigger item per event mention."""
    return [
        span_item(e.event_id, e.doc_id, e.sentence_id, (e.trigger,))
        for e in side.annotations.events
    ]


def trigger_classification(side: Side) -> list[Item]:
    """Return one trigger item per event mention, labelled with the event type."""
    return [
        span_item(e.event_id, e.doc_id, e.sentence_id, (e.trigger,), label=e.event_type)
        for e in side.annotations.events
    ]


def argument_identification(side: Side) -> list[Item]:
    """Return one item per argument: (argument span, trigger), labelled with the event type."""
    return _argument_items(side, with_role=False)


def argument_classification(side: Side) -> list[Item]:
    """Return one item per argument: (argument span, trigger), role (label), event type."""
    return _argument_items(side, with_role=True)


def _argument_items(side: Side, *, with_role: bool) -> list[Item]:
    # Without the role the event type is the label; with it the role is, the type an attr.
    return [
        span_item(
            f"{e.event_id}/arg{i}",
            e.doc_id,
            e.sentence_id,
            # The argument span first: the overlap sweep cuts components on it.
            (argument.span, e.trigger),
            label=argument.role if with_role else e.event_type,
            attrs=(e.event_type,) if with_role else (),
        )
        for e in side.annotations.events
        for i, argument in enumerate(e.arguments, start=1)
    ]


def factuality(side: Side) -> list[Item]:
    """Return one item per event: (trigger, polarity, certainty)."""
    return _attribute_items(side, ("polarity", "certainty"))


def polarity(side: Side) -> list[Item]:
    """Return one item per event: (trigger, polarity)."""
    return _attribute_items(side, ("polarity",))


def certainty(side: Side) -> list[Item]:
    """Return one item per event: (trigger, certainty)."""
    return _attribute_items(side, ("certainty",))


def _attribute_items(side: Side, names: tuple[str, ...]) -> list[Item]:
    return [
        span_item(
            e.event_id,
            e.doc_id,
            e.sentence_id,
            (e.trigger,),
            attrs=tuple(getattr(e, name) for name in names),
        )
        for e in side.annotations.events
    ]


SUBTASKS: tuple[Subtask, ...] = (
    Subtask("trigger_identification", trigger_identification, TASK),
    Subtask("trigger_classification", trigger_classification, TASK),
    Subtask("argument_identification", argument_identification, TASK),
    Subtask("argument_classification", argument_classification, TASK),
    Subtask(
        "factuality",
        factuality,
        TASK,
        breakdown=(("polarity", polarity), ("certainty", certainty)),
    ),
)
"""The event subtasks in report order."""

SPEC = TaskSpec(
    TASK,
    SUBTASKS,
    main="trigger_classification",
    judged=("trigger_classification", "argument_classification", "factuality"),
    identification="trigger_identification",
    span_agreement=(
        "trigger_identification",
        "trigger_classification",
        "argument_identification",
        "argument_classification",
    ),
    label_agreement=(
        ("event_type", "event_type"),
        ("event polarity", "polarity"),
        ("event certainty", "certainty"),
    ),
    unscored=(
        (
            "attribution_id",
            "follows from the spans by rule (GUIDELINES 3.8: the innermost attribution whose "
            "content contains the trigger); that content is scored by attributions/content",
        ),
    ),
)
"""The task: its subtasks and how the leaderboard, consistency and agreement read them."""
