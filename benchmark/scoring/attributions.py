"""Attribution subtasks (PARC 3.0 elements): the items each one counts.

Items are counted in the sentence that holds the cue (or, when the cue is unaligned, the
content, then the source); an attribution none of whose spans is aligned is counted in the
unknown sentence -1. All subtasks are untyped (``attribution_type`` is not scored).

- ``source``: one item per relation with a non-null source: the source span. Null (implicit)
  sources are not items.
- ``cue``: one item per relation: the cue span.
- ``content``: one item per relation: the content span.
- ``relation``: one item per relation: cue, content and source must all match (exact:
  identical offsets; overlap: each shares characters with its counterpart, one-to-one
  assignment of whole relations). A null source matches only a null source.
- ``nesting``: one item per relation: the relation must be matched by the ``relation``
  alignment of the same mode AND its parent must be the relation matched to the gold parent,
  or both parents are null.
"""

from __future__ import annotations

from benchmark.schema import Attribution
from benchmark.scoring.items import UNALIGNED, Item, Side, Subtask, offsets

TASK = "attributions"
"""Task name (and submission key)."""


def source(side: Side) -> list[Item]:
    """Return one item per relation with a non-null source."""
    return [
        Item(a.attribution_id, a.doc_id, _sentence(side, a), (offsets(a.source),))
        for a in side.annotations.attributions
        if a.source is not None
    ]


def cue(side: Side) -> list[Item]:
    """Return one item per relation: the cue span."""
    return [
        Item(a.attribution_id, a.doc_id, _sentence(side, a), (offsets(a.cue),))
        for a in side.annotations.attributions
    ]


def content(side: Side) -> list[Item]:
    """Return one item per relation: the content span."""
    return [
        Item(a.attribution_id, a.doc_id, _sentence(side, a), (offsets(a.content),))
        for a in side.annotations.attributions
    ]


def relation(side: Side) -> list[Item]:
    """Return one item per relation: (cue, content, source or null)."""
    return [
        Item(
            a.attribution_id,
            a.doc_id,
            _sentence(side, a),
            # The cue comes first: it is never null, and the overlap sweep uses it.
            (offsets(a.cue), offsets(a.content), offsets(a.source)),
        )
        for a in side.annotations.attributions
    ]


def nesting(side: Side) -> list[Item]:
    """Return one item per relation: (matched relation, matched parent or null)."""
    return [
        Item(
            a.attribution_id,
            a.doc_id,
            _sentence(side, a),
            (),
            attrs=(
                side.anchor(a.doc_id, a.attribution_id),
                None if a.parent_id is None else side.anchor(a.doc_id, a.parent_id),
            ),
        )
        for a in side.annotations.attributions
    ]


def _sentence(side: Side, attribution: Attribution) -> int:
    """Sentence of the cue, else of the content, else of the source (-1 when none aligned)."""
    for span in (attribution.cue, attribution.content, attribution.source):
        if span is not None and offsets(span) != UNALIGNED:
            return side.sentence_of(attribution.doc_id, span.start)
    return side.sentence_of(attribution.doc_id, -1)


SUBTASKS: tuple[Subtask, ...] = (
    Subtask("source", source, TASK),
    Subtask("cue", cue, TASK),
    Subtask("content", content, TASK),
    Subtask("relation", relation, TASK),
    Subtask("nesting", nesting, TASK, anchor_subtask="relation"),
)
"""The attribution subtasks in report order (anchor subtasks come first)."""
