"""One-line descriptions of scored items, for the lists of missed and spurious items.

An item id of any subtask (``E3``, ``E3/arg2``, ``C1/count``, ``A4``, ``H2``, ``s5``) is
resolved to the annotation it comes from; the description names its spans and values, and the
sentence is the one that holds the item's main span.
"""

from __future__ import annotations

from dataclasses import dataclass

from benchmark.dataset.layers import LAYERS
from benchmark.dataset.schema import Annotations, Casualty, Document, Span

_MAX_QUOTE = 90
"""Longest quoted span text; longer ones are shortened with an ellipsis."""


@dataclass(frozen=True)
class Described:
    """What the page says about one item."""

    text: str
    """One-line description of the item."""
    sentence_id: int | None
    """Sentence of the item's main span; None when unknown (unaligned)."""
    sentence: str
    """That sentence's text, or a note saying why there is none."""


def quote(span: Span | None) -> str:
    """Return the span text in quotes (shortened), ``—`` for a null span."""
    if span is None:
        return "—"
    text = span.text if len(span.text) <= _MAX_QUOTE else span.text[: _MAX_QUOTE - 1] + "…"
    marker = " (unaligned)" if span.unaligned else ""
    return f"“{text}”{marker}"


def describe(
    layer: str, subtask: str, annotations: Annotations, doc_id: str, item_id: str
) -> Described:
    """Describe item ``item_id`` of ``subtask`` in ``layer`` of ``annotations``."""
    document = next(d for d in annotations.documents if d.doc_id == doc_id)
    base, _, part = item_id.partition("/")
    if layer == "hedges" and subtask == "uncertain":
        sentence_id = int(item_id.removeprefix("s"))
        return _located(document, f"sentence {sentence_id} labelled uncertain", sentence_id)
    found = _find(layer, annotations, doc_id, base)
    if found is None:
        return Described(f"{item_id} (not found)", None, "(unknown)")
    text, span = _DESCRIBERS[layer](found, part, subtask)
    return _located(document, f"{item_id}: {text}", _sentence_of(document, span))


def _find(layer: str, annotations: Annotations, doc_id: str, item_id: str) -> object | None:
    id_field = LAYERS[layer].id_field
    for item in getattr(annotations, layer):
        if item.doc_id == doc_id and getattr(item, id_field) == item_id:
            return item
    return None


def _event(event, part: str, subtask: str) -> tuple[str, Span]:
    head = f"{event.event_type} trigger {quote(event.trigger)}"
    if part.startswith("arg"):
        argument = event.arguments[int(part[3:]) - 1]
        return f"{argument.role} {quote(argument.span)} of {head}", argument.span
    if subtask == "factuality":
        return f"{head}, polarity {event.polarity}, certainty {event.certainty}", event.trigger
    return head, event.trigger


def count_text(record: Casualty) -> str:
    """Return a record's figure: ``at_least 21``, ``range 10-15``, or ``no count``."""
    if record.count is None:
        return "no count"
    high = f"-{record.count_high}" if record.count_high is not None else ""
    return f"{record.count_qualifier} {record.count}{high}"


def _casualty(record, part: str, subtask: str) -> tuple[str, Span]:
    count = count_text(record)
    head = f"{record.status}, {count}, victim {quote(record.victim)}"
    if part:
        value = getattr(record, part)
        shown = quote(value) if isinstance(value, Span) else str(value)
        span = value if isinstance(value, Span) and not value.unaligned else record.victim
        return f"{part} = {shown} (record: {head})", span
    return head, record.victim


def _attribution(relation, part: str, subtask: str) -> tuple[str, Span]:
    text = (
        f"source {quote(relation.source)} · cue {quote(relation.cue)} · "
        f"content {quote(relation.content)} ({relation.attribution_type})"
    )
    if subtask == "nesting":
        text += f", parent {relation.parent_id or 'none'}"
    main = {"source": relation.source, "content": relation.content}.get(subtask, relation.cue)
    return text, main


def _hedge(hedge, part: str, subtask: str) -> tuple[str, Span]:
    text = f"{hedge.cue_type} cue {quote(hedge.cue)}"
    if subtask == "scope":
        text += f", scope {quote(hedge.scope)}"
    return text, hedge.cue


_DESCRIBERS = {
    "events": _event,
    "casualties": _casualty,
    "attributions": _attribution,
    "hedges": _hedge,
}


def _sentence_of(document: Document, span: Span | None) -> int | None:
    """Return the id of the sentence holding ``span``'s start, None if unaligned or outside."""
    if span is None or span.unaligned:
        return None
    for sentence in document.sentences:
        if sentence.start <= span.start < sentence.end:
            return sentence.sentence_id
    return None


def _located(document: Document, text: str, sentence_id: int | None) -> Described:
    if sentence_id is None:
        return Described(text, None, "(position unknown: unaligned span)")
    sentence = document.sentences[sentence_id]
    return Described(text, sentence_id, document.text[sentence.start : sentence.end])
