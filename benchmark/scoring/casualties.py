"""Casualty subtasks: the items each one counts.

- ``victim``: one item per record, its victim span (untyped).
- ``record``: one item per record; status (label), count value, upper bound (``count_high``,
  null unless the qualifier is ``range``) and count qualifier must be equal and the victim spans
  must match (exact: identical offsets; overlap: shared characters, one-to-one assignment among
  records with the same status, count, upper bound and qualifier). Other fields are not part of
  the record key (they are scored by ``slots``).
- ``slots``: every NON-NULL field value of a record is an item (id ``C2/count``) that carries
  its record's victim span: (victim span, field, value) for value fields, (victim span, field,
  value span) for span fields. A gold slot is a tp when a predicted slot of the same field has
  the same value and a matching victim span (exact: identical victim and value-span offsets;
  the other modes: both spans match in that mode; one-to-one assignment), else a fn; an
  unmatched predicted slot is a fp. A null value is no item: null == null is not counted, a
  predicted null for a gold value is a fn, a predicted value for a gold null is a fp. Fields:
  status, count, count_high, count_qualifier, victim_group, polarity, certainty (values);
  count_span, qualifier_span, trigger, location, time (spans); the per-type breakdown is per
  field.
  Slots are matched one by one, not through one alignment of whole records: two slots of one
  predicted record may pair with slots of two gold records whose victims both overlap its
  victim. In exchange the subtask is monotone (exact tp <= overlap tp; adding a prediction
  never lowers recall).

  The link to the causing event (``event_id``) is the slot ``event_id``: (victim span, the
  linked event's trigger span).

Not scored (:data:`SPEC` ``unscored``, with the reason): ``attribution_id``.
"""

from __future__ import annotations

from benchmark.dataset.schema import unaligned_span
from benchmark.scoring.items import Item, Side, Subtask, TaskSpec, span_item

TASK = "casualties"
"""Task name (and submission key)."""

VALUE_FIELDS: tuple[str, ...] = (
    "status",
    "count",
    "count_high",
    "count_qualifier",
    "victim_group",
    "polarity",
    "certainty",
)
"""Slot fields compared by value."""
SPAN_FIELDS: tuple[str, ...] = ("count_span", "qualifier_span", "trigger", "location", "time")
"""Slot fields compared as spans (by the match mode)."""


def victim(side: Side) -> list[Item]:
    """Return one item per record: its victim span."""
    return [
        span_item(c.casualty_id, c.doc_id, c.sentence_id, (c.victim,))
        for c in side.annotations.casualties
    ]


def record(side: Side) -> list[Item]:
    """Return one item per record: victim span, status (label), count, upper bound, qualifier."""
    return [
        span_item(
            c.casualty_id,
            c.doc_id,
            c.sentence_id,
            (c.victim,),
            label=c.status,
            attrs=(c.count, c.count_high, c.count_qualifier),
        )
        for c in side.annotations.casualties
    ]


def slots(side: Side) -> list[Item]:
    """Return one item per non-null field value, carrying its record's victim span."""
    triggers = {(e.doc_id, e.event_id): e.trigger for e in side.annotations.events}
    items = []
    for c in side.annotations.casualties:
        if c.event_id is not None:
            # a dangling reference (validation rejects it) never matches
            trigger = triggers.get((c.doc_id, c.event_id), unaligned_span(c.event_id))
            items.append(
                span_item(
                    f"{c.casualty_id}/event_id", c.doc_id, c.sentence_id, (c.victim, trigger),
                    label="event_id",
                )
            )  # fmt: skip
        for name in (*VALUE_FIELDS, *SPAN_FIELDS):
            value = getattr(c, name)
            if value is None:
                continue
            # A value field is compared as an attr, a span field as a second span component.
            is_span = name in SPAN_FIELDS
            items.append(
                span_item(
                    f"{c.casualty_id}/{name}",
                    c.doc_id,
                    c.sentence_id,
                    (c.victim, value) if is_span else (c.victim,),
                    label=name,
                    attrs=() if is_span else (value,),
                )
            )
    return items


SUBTASKS: tuple[Subtask, ...] = (
    Subtask("victim", victim, TASK),
    Subtask("record", record, TASK),
    Subtask("slots", slots, TASK),
)
"""The casualty subtasks in report order."""

SPEC = TaskSpec(
    TASK,
    SUBTASKS,
    main="record",
    judged=("record", "slots"),
    identification="victim",
    span_agreement=("victim", "record"),
    label_agreement=(
        ("casualty status", "status"),
        ("count_qualifier", "count_qualifier"),
        ("victim_group", "victim_group"),
        ("casualty polarity", "polarity"),
        ("casualty certainty", "certainty"),
    ),
    field_agreement=("count_span", "qualifier_span", "trigger", "location", "time", "count_high"),
    unscored=(
        (
            "attribution_id",
            "follows from the spans by rule (GUIDELINES 4.9, 3.8: the innermost attribution "
            "whose content contains the count span, else the trigger, else the victim); that "
            "content is scored by attributions/content",
        ),
    ),
)
"""The task: its subtasks and how the leaderboard, consistency and agreement read them."""
