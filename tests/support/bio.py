"""Test oracle: BIO2 conversion of flat span layers and the seqeval cross-check.

The ``tokens`` view tags triggers (by event type) and hedge cues (by cue type) in BIO2. For
IOB2-valid data (token-aligned spans that do not overlap within a layer), seqeval's strict
entity F1 (``f1_score(mode="strict", scheme=IOB2)``; without ``scheme`` seqeval silently falls
back to its lenient default) must equal our exact-match ``trigger_classification`` and
``cue_typed`` F1. :func:`seqeval_strict_f1` computes the seqeval side; a test compares it
with :func:`benchmark.scoring.run.score`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from seqeval.metrics import f1_score
from seqeval.scheme import IOB2

from benchmark.dataset import text as segmentation
from benchmark.dataset.schema import Annotations
from benchmark.errors import DataError

TokenOffsets = Mapping[tuple[str, int], Sequence[tuple[int, int]]]
"""(doc_id, sentence_id) -> (start, end) of each token."""

LAYERS = ("events", "hedges")
"""Flat span layers with a BIO2 tag column: event triggers and hedge cues."""


def typed_spans(annotations: Annotations, *, layer: str) -> list[tuple[str, int, int, int, str]]:
    """Return (doc_id, sentence_id, start, end, label) of a flat layer's typed spans."""
    if layer == "events":
        return [
            (e.doc_id, e.sentence_id, e.trigger.start, e.trigger.end, e.event_type)
            for e in annotations.events
        ]
    if layer == "hedges":
        return [
            (h.doc_id, h.sentence_id, h.cue.start, h.cue.end, h.cue_type)
            for h in annotations.hedges
        ]
    raise DataError(f"unknown layer {layer!r}; expected one of {list(LAYERS)}", field="layer")


def token_offsets(annotations: Annotations) -> dict[tuple[str, int], list[tuple[int, int]]]:
    """Tokenise every sentence of the documents with :func:`benchmark.dataset.text.tokenize`."""
    return {
        (document.doc_id, sentence.sentence_id): segmentation.tokenize(
            document.text, sentence.start, sentence.end
        )
        for document in annotations.documents
        for sentence in document.sentences
    }


def bio2_sequences(
    annotations: Annotations, *, layer: str, tokens: TokenOffsets
) -> list[list[str]]:
    """Return one BIO2 tag sequence per sentence of ``tokens`` (in its key order).

    Raises :class:`DataError` for spans that BIO2 cannot represent: not token-aligned, or
    overlapping another span of the layer in the same sentence.
    """
    by_sentence: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
    for doc_id, sentence_id, start, end, label in typed_spans(annotations, layer=layer):
        by_sentence.setdefault((doc_id, sentence_id), []).append((start, end, label))
    sequences = []
    for unit, offsets in tokens.items():
        tags = ["O"] * len(offsets)
        index_of_start = {start: i for i, (start, _) in enumerate(offsets)}
        index_of_end = {end: i for i, (_, end) in enumerate(offsets)}
        for start, end, label in by_sentence.pop(unit, []):
            first, last = index_of_start.get(start), index_of_end.get(end)
            if first is None or last is None or last < first:
                raise DataError(f"span {start}-{end} of {unit} is not token-aligned", field=layer)
            if any(tag != "O" for tag in tags[first : last + 1]):
                raise DataError(f"span {start}-{end} of {unit} overlaps another span", field=layer)
            tags[first : last + 1] = [f"B-{label}"] + [f"I-{label}"] * (last - first)
        sequences.append(tags)
    if by_sentence:
        raise DataError(f"spans in sentences without tokens: {sorted(by_sentence)[:3]}")
    return sequences


def seqeval_strict_f1(
    gold: Annotations, pred: Annotations, *, layer: str, tokens: TokenOffsets | None = None
) -> float:
    """Return seqeval's strict IOB2 micro F1 of ``pred`` against ``gold`` on one layer."""
    tokens = token_offsets(gold) if tokens is None else tokens
    y_true = bio2_sequences(gold, layer=layer, tokens=tokens)
    y_pred = bio2_sequences(pred, layer=layer, tokens=tokens)
    return float(f1_score(y_true, y_pred, mode="strict", scheme=IOB2, zero_division=0))
