"""Casualty subtasks: the items each one counts.

- ``victim``: one item per record, its victim span (untyped). Its alignment (per mode) is the
  one-to-one alignment of records used by ``slots``.
- ``record``: one item per record; status (label), count value and count qualifier must be
  equal and the victim spans must match (exact: identical offsets; overlap: shared characters,
  one-to-one assignment among records with the same status, count and qualifier). Other fields
  are not part of the record key (they are scored by ``slots``).
- ``slots``: records are aligned one-to-one by victim span (the ``victim`` alignment). Then
  every NON-NULL field value of a record is an item (id ``C2/count``), anchored to its record:
  a gold value is a tp when the aligned predicted record has the same value (span fields
  ``count_span``, ``location``, ``time``: identical offsets in exact mode, shared characters in
  overlap mode), else a fn; a predicted non-null value that is wrong or whose record is not
  aligned is a fp. A null value is no item: null == null is not counted, a predicted null for a
  gold value is a fn, a predicted value for a gold null is a fp. Fields: status, count,
  count_qualifier, count_span, victim_group, location, time, polarity, certainty; the per-type
  breakdown is per field.
"""

from __future__ import annotations

from benchmark.scoring.items import Item, Side, Subtask, offsets

TASK = "casualties"
"""Task name (and submission key)."""

VALUE_FIELDS: tuple[str, ...] = (
    "status",
    "count",
    "count_qualifier",
    "victim_group",
    "polarity",
    "certainty",
)
"""Slot fields compared by value."""
SPAN_FIELDS: tuple[str, ...] = ("count_span", "location", "time")
"""Slot fields compared as spans (by the match mode)."""


def victim(side: Side) -> list[Item]:
    """Return one item per record: its victim span."""
    return [
        Item(c.casualty_id, c.doc_id, c.sentence_id, (offsets(c.victim),))
        for c in side.annotations.casualties
    ]


def record(side: Side) -> list[Item]:
    """Return one item per record: victim span, status (label), count and qualifier."""
    return [
        Item(
            c.casualty_id,
            c.doc_id,
            c.sentence_id,
            (offsets(c.victim),),
            label=c.status,
            attrs=(c.count, c.count_qualifier),
        )
        for c in side.annotations.casualties
    ]


def slots(side: Side) -> list[Item]:
    """Return one item per non-null field value, anchored to its (aligned) record."""
    items = []
    for c in side.annotations.casualties:
        anchor = side.anchor(c.doc_id, c.casualty_id)
        for name in VALUE_FIELDS:
            value = getattr(c, name)
            if value is not None:
                items.append(
                    Item(
                        f"{c.casualty_id}/{name}",
                        c.doc_id,
                        c.sentence_id,
                        (),
                        label=name,
                        attrs=(anchor, value),
                    )
                )
        for name in SPAN_FIELDS:
            span = getattr(c, name)
            if span is not None:
                items.append(
                    Item(
                        f"{c.casualty_id}/{name}",
                        c.doc_id,
                        c.sentence_id,
                        (offsets(span),),
                        label=name,
                        attrs=(anchor,),
                    )
                )
    return items


SUBTASKS: tuple[Subtask, ...] = (
    Subtask("victim", victim, TASK),
    Subtask("record", record, TASK),
    Subtask("slots", slots, TASK, anchor_subtask="victim"),
)
"""The casualty subtasks in report order (anchor subtasks come first)."""
