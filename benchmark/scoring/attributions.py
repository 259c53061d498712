"""Attribution subtasks (PARC 3.0 elements): the items each one counts.

Items are counted in the sentence that holds the cue (or, when the cue is unaligned, the
content, then the source); an attribution none of whose spans is aligned is counted in the
unknown sentence -1. Only ``relation_typed`` is typed.

- ``source``: one item per relation with a non-null source: the source span. Null (implicit)
  sources are not items.
- ``source_resolved``: one item per relation whose source is known, through its antecedent when
  it has one: (cue span, ``source_antecedent`` when not null, else ``source``). A relation with
  neither is no item. So an anaphoric source ("Il funzionario") counts only with the right
  antecedent, and an implicit one (a dropped subject) with its antecedent; the cue ties the
  source to its relation.
- ``cue``: one item per relation: the cue span.
- ``content``: one item per relation: the content span.
- ``relation``: one item per relation: cue, content and source must all match (exact:
  identical offsets; overlap: each shares characters with its counterpart, one-to-one
  assignment of whole relations). A null source matches only a null source.
- ``relation_typed``: ``relation`` with the ``attribution_type`` (``direct``, ``indirect``,
  ``mixed``) as the label; the per-type breakdown is per type.
- ``nesting``: one item per relation: (its cue, content and source spans, and its parent's
  cue, content and source spans, or three null spans for a top-level relation). It is a tp when
  a predicted relation matches as in ``relation`` AND its parent matches the gold parent in the
  same way (or both parents are null); every span is compared by the match mode, one-to-one
  maximum matching of whole items. It does not go through the ``relation`` alignment, so it is
  monotone (exact tp <= overlap tp; adding a prediction never lowers recall).
"""

from __future__ import annotations

from benchmark.dataset.schema import Attribution, Span, unaligned_span
from benchmark.scoring.items import UNALIGNED, Item, Side, Subtask, TaskSpec, offsets, span_item

TASK = "attributions"
"""Task name (and submission key)."""


def source(side: Side) -> list[Item]:
    """Return one item per relation with a non-null source."""
    return [
        span_item(a.attribution_id, a.doc_id, _sentence(side, a), (a.source,))
        for a in side.annotations.attributions
        if a.source is not None
    ]


def source_resolved(side: Side) -> list[Item]:
    """Return one item per relation with a known source: (cue, antecedent or source)."""
    return [
        span_item(
            a.attribution_id,
            a.doc_id,
            _sentence(side, a),
            (a.cue, a.source_antecedent or a.source),
        )
        for a in side.annotations.attributions
        if a.source_antecedent is not None or a.source is not None
    ]


def cue(side: Side) -> list[Item]:
    """Return one item per relation: the cue span."""
    return [
        span_item(a.attribution_id, a.doc_id, _sentence(side, a), (a.cue,))
        for a in side.annotations.attributions
    ]


def content(side: Side) -> list[Item]:
    """Return one item per relation: the content span."""
    return [
        span_item(a.attribution_id, a.doc_id, _sentence(side, a), (a.content,))
        for a in side.annotations.attributions
    ]


def relation(side: Side) -> list[Item]:
    """Return one item per relation: (cue, content, source or null)."""
    return [
        span_item(a.attribution_id, a.doc_id, _sentence(side, a), _relation_spans(a))
        for a in side.annotations.attributions
    ]


def relation_typed(side: Side) -> list[Item]:
    """Return one item per relation: (cue, content, source or null), its type as the label."""
    return [
        span_item(
            a.attribution_id,
            a.doc_id,
            _sentence(side, a),
            _relation_spans(a),
            label=a.attribution_type,
        )
        for a in side.annotations.attributions
    ]


def nesting(side: Side) -> list[Item]:
    """Return one item per relation: (its spans, its parent's spans or nulls)."""
    by_id = {(a.doc_id, a.attribution_id): a for a in side.annotations.attributions}
    items = []
    for a in side.annotations.attributions:
        if a.parent_id is None:
            parent_spans: tuple[Span | None, ...] = (None, None, None)
        elif (a.doc_id, a.parent_id) in by_id:
            parent_spans = _relation_spans(by_id[a.doc_id, a.parent_id])
        else:  # a dangling reference (validation rejects it): never matches
            parent_spans = (unaligned_span(a.parent_id), None, None)
        items.append(
            span_item(
                a.attribution_id,
                a.doc_id,
                _sentence(side, a),
                (*_relation_spans(a), *parent_spans),
            )
        )
    return items


def _relation_spans(attribution: Attribution) -> tuple[Span | None, ...]:
    """Return (cue, content, source): the cue first, it is never null and the sweep uses it."""
    return (attribution.cue, attribution.content, attribution.source)


def _sentence(side: Side, attribution: Attribution) -> int:
    """Sentence of the cue, else of the content, else of the source (-1 when none aligned)."""
    for span in (attribution.cue, attribution.content, attribution.source):
        if span is not None and offsets(span) != UNALIGNED:
            return side.sentence_of(attribution.doc_id, span.start)
    return side.sentence_of(attribution.doc_id, -1)


SUBTASKS: tuple[Subtask, ...] = (
    Subtask("source", source, TASK),
    Subtask("source_resolved", source_resolved, TASK),
    Subtask("cue", cue, TASK),
    Subtask("content", content, TASK),
    Subtask("relation", relation, TASK),
    Subtask("relation_typed", relation_typed, TASK),
    Subtask("nesting", nesting, TASK),
)
"""The attribution subtasks in report order."""

SPEC = TaskSpec(
    TASK,
    SUBTASKS,
    main="relation",
    judged=("relation_typed", "source_resolved", "nesting"),
    identification="cue",
    span_agreement=("source", "source_resolved", "cue", "content", "relation", "nesting"),
    label_agreement=(("attribution_type", "attribution_type"),),
    field_agreement=("source_antecedent",),
)
"""The task: its subtasks and how the leaderboard, consistency and agreement read them."""
