"""The flat ``tokens`` view: one BIO2-tagged :class:`TokenRow` per sentence.

Generated from a document and its annotation layers, never annotated by hand.
Tokens are :func:`benchmark.dataset.text.tokenize` within each sentence. Tag columns (each
layer's :class:`~benchmark.dataset.layers.BioColumn`):

- ``event_tags``: event triggers, ``B-``/``I-<event_type>``;
- ``hedge_tags``: hedge cues, ``B-``/``I-<cue_type>``;
- ``attribution_tags``: ``SOURCE``, ``CUE`` and ``CONTENT`` of the OUTERMOST
  attribution relations only (``parent_id`` is None); nested relations are not
  tagged because BIO2 cannot nest;
- ``casualty_tags``: ``COUNT`` (``count_span``) and ``VICTIM`` (``victim``).

A token belongs to a span when their character ranges overlap. A span that
crosses a sentence boundary is tagged on its part inside each sentence; the part
in the later sentence starts again with ``B-``.

Conflict policy, per tag column, over the whole document: identical spans with
the same label (e.g. two casualty records sharing one victim span) are tagged
once (and reported once if dropped). Otherwise, when two spans overlap, the
span that starts first is kept; on equal starts the longer one; then the one
with the lower item id (``E2`` before ``E10``); then the label that comes first
in the inventory. A span that overlaps an already kept span is dropped ENTIRELY
(tagging only its non-overlapping part would create a fragment nobody
annotated). Every dropped span is returned as a :class:`DroppedSpan` so that
the dataset card can list it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from benchmark.dataset.layers import BIO_COLUMNS, LAYERS, TAG_COLUMNS
from benchmark.dataset.schema import Document, Span, TokenRow
from benchmark.dataset.text import tokenize


@dataclass(frozen=True)
class TaggedSpan:
    """A span that one tag column should tag."""

    column: str
    """Tag column (one of TAG_COLUMNS)."""
    label: str
    """Type part of the tag (``Conflict:Attack``, ``CUE``, ``VICTIM``...)."""
    item_id: str
    """Id of the annotation item the span comes from."""
    span: Span
    """The span itself."""


@dataclass(frozen=True)
class DroppedSpan:
    """A span left out of the flat view because it overlaps a kept span."""

    doc_id: str
    """Document of the span."""
    dropped: TaggedSpan
    """The span that was not tagged."""
    kept: TaggedSpan
    """The earlier kept span it overlaps."""


@dataclass(frozen=True)
class TokensView:
    """The token rows of one document and what the conflict policy dropped."""

    rows: tuple[TokenRow, ...]
    """One row per sentence, in sentence order."""
    dropped: tuple[DroppedSpan, ...]
    """Spans not tagged, in the order they were considered."""


def tagged_spans(**layers: Iterable[object]) -> list[TaggedSpan]:
    """Return every span the flat view should tag, before conflict resolution.

    ``layers`` maps layer names (``events=...``) to their items; each layer's
    :class:`~benchmark.dataset.layers.BioColumn` says which spans are tagged and how.
    """
    spans = []
    for name, items in layers.items():
        spec = LAYERS[name]
        bio = spec.bio
        if bio is None:
            continue
        for item in items:
            if bio.top_level_only is not None and getattr(item, bio.top_level_only) is not None:
                continue
            for position, field in enumerate(bio.spans):
                span = getattr(item, field)
                if span is None:
                    continue
                label = getattr(item, bio.type_field) if bio.type_field else bio.types[position]
                spans.append(TaggedSpan(bio.column, label, getattr(item, spec.id_field), span))
    return spans


def _id_key(item_id: str) -> tuple[str, int, str]:
    """Order ids naturally: ``E2`` before ``E10``."""
    match = re.fullmatch(r"(\D*)(\d+)(.*)", item_id)
    if not match:
        return (item_id, -1, "")
    return (match.group(1), int(match.group(2)), match.group(3))


_LABEL_ORDER = {
    name: position
    for position, name in enumerate(name for bio in BIO_COLUMNS.values() for name in bio.types)
}


def _priority(tagged: TaggedSpan) -> tuple:
    """Sort key of the conflict policy (see module docstring)."""
    span = tagged.span
    return (
        span.start,
        -(span.end - span.start),
        _id_key(tagged.item_id),
        _LABEL_ORDER.get(tagged.label, len(_LABEL_ORDER)),
        tagged.label,
    )


def resolve_conflicts(
    spans: Iterable[TaggedSpan], *, doc_id: str
) -> tuple[list[TaggedSpan], list[DroppedSpan]]:
    """Apply the conflict policy per column; return (kept spans, dropped spans)."""
    kept: list[TaggedSpan] = []
    dropped: list[DroppedSpan] = []
    seen: set[tuple[str, str, int, int]] = set()
    for candidate in sorted(spans, key=_priority):
        identity = (candidate.column, candidate.label, candidate.span.start, candidate.span.end)
        if identity in seen:
            continue
        seen.add(identity)
        clash = next(
            (
                other
                for other in kept
                if other.column == candidate.column
                and other.span.start < candidate.span.end
                and candidate.span.start < other.span.end
            ),
            None,
        )
        if clash is not None:
            dropped.append(DroppedSpan(doc_id=doc_id, dropped=candidate, kept=clash))
            continue
        kept.append(candidate)
    return kept, dropped


def build_tokens_view(document: Document, **layers: Iterable[object]) -> TokensView:
    """Return the token rows of ``document`` tagged from the given layers (``events=...``)."""
    spans = tagged_spans(**layers)
    kept, dropped = resolve_conflicts(spans, doc_id=document.doc_id)
    rows = []
    for sentence in document.sentences:
        offsets = tokenize(document.text, sentence.start, sentence.end)
        columns = {column: ["O"] * len(offsets) for column in TAG_COLUMNS}
        for tagged in kept:
            tags = columns[tagged.column]
            inside = [
                index
                for index, (start, end) in enumerate(offsets)
                if start < tagged.span.end and tagged.span.start < end
            ]
            for position, index in enumerate(inside):
                tags[index] = f"{'B' if position == 0 else 'I'}-{tagged.label}"
        rows.append(
            TokenRow(
                doc_id=document.doc_id,
                sentence_id=sentence.sentence_id,
                tokens=tuple(document.text[start:end] for start, end in offsets),
                token_starts=tuple(start for start, _ in offsets),
                token_ends=tuple(end for _, end in offsets),
                **{column: tuple(columns[column]) for column in TAG_COLUMNS},
                uncertain=sentence.uncertain,
            )
        )
    return TokensView(rows=tuple(rows), dropped=tuple(dropped))
