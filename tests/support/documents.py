"""Builders for the small hand-written documents of the scoring tests."""

from __future__ import annotations

from benchmark.dataset.documents import sentence_offsets
from benchmark.dataset.schema import (
    Annotations,
    Argument,
    Document,
    Event,
    Paragraph,
    Sentence,
    Span,
)


def document(text: str, *, doc_id: str = "d1", uncertain: tuple[int, ...] = ()) -> Document:
    """Return a one-paragraph document segmented by the project's sentence splitter."""
    sentences = tuple(
        Sentence(i, start, end, i in uncertain)
        for i, (start, end) in enumerate(sentence_offsets(text))
    )
    return Document(doc_id, text, "it", (Paragraph(0, len(text), "body"),), sentences)


def span(text: str, words: str, occurrence: int = 1) -> Span:
    """Return the span of the ``occurrence``-th (1-based) occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(occurrence):
        start = text.index(words, start + 1)
    return Span(start, start + len(words), words)


def annotations(doc: Document, **layers) -> Annotations:
    """Return Annotations of one document with the given layers (tuples)."""
    return Annotations((doc,), **{name: tuple(items) for name, items in layers.items()})


def counts(report, task: str, subtask: str, mode: str) -> tuple[int, int, int]:
    """Return (tp, fp, fn) of one result of a report."""
    result = report.get(task, subtask, mode)
    return result.tp, result.fp, result.fn


def event(text, event_id, sentence_id, trigger, event_type, arguments, polarity, certainty):
    """Return an event of document ``d1`` whose spans are words of ``text`` (first occurrences).

    ``arguments`` are ``(role, words)`` pairs; the event has no attribution.
    """
    args = tuple(Argument(role, span(text, words)) for role, words in arguments)
    return Event(
        event_id,
        "d1",
        sentence_id,
        span(text, trigger),
        event_type,
        args,
        polarity,
        certainty,
        None,
    )
