"""Sentences: offset lookup, the per-sentence units, and the sentence-level ``uncertain`` labels.

Units. Per-sentence counts (for the bootstrap) are kept for every gold sentence, in document
order, as (doc_id, sentence_id). A predicted item whose sentence is unknown (an attribution all
of whose spans are unaligned) is counted in the extra unit (doc_id, -1).

Uncertain labels (CoNLL-2010 Task 1). The gold label of a sentence is ``Sentence.uncertain``.
A submission labels sentences with ``{"sentence_id", "uncertain"}``; a sentence it does not
label counts as CERTAIN (the negative class), so leaving a sentence out never earns credit for
the uncertain class. Scores are P/R/F1 of the uncertain class, which equal scikit-learn's
``precision_recall_fscore_support(pos_label=True, average="binary", zero_division=0.0)`` over
all gold sentences (a test checks it).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping

from benchmark.dataset.schema import UNKNOWN_SENTENCE, Annotations, Document

SentenceLabels = Mapping[tuple[str, int], bool]
"""Sentence-level ``uncertain`` labels by (doc_id, sentence_id)."""


class SentenceIndex:
    """Finds the sentence that holds a character offset, per document."""

    def __init__(self, documents: Iterable[Document]) -> None:
        """Index the sentence starts of ``documents``."""
        self._starts: dict[str, list[int]] = {}
        self._ids: dict[str, list[int]] = {}
        for document in documents:
            ordered = sorted(document.sentences, key=lambda s: s.start)
            self._starts[document.doc_id] = [s.start for s in ordered]
            self._ids[document.doc_id] = [s.sentence_id for s in ordered]

    def __call__(self, doc_id: str, offset: int) -> int:
        """Return the id of the last sentence starting at or before ``offset``, else -1."""
        starts = self._starts.get(doc_id)
        if not starts or offset < 0:
            return UNKNOWN_SENTENCE
        position = bisect.bisect_right(starts, offset) - 1
        return self._ids[doc_id][position] if position >= 0 else UNKNOWN_SENTENCE


def sentence_units(documents: Iterable[Document]) -> tuple[tuple[str, int], ...]:
    """Return (doc_id, sentence_id) of every sentence, documents and sentences in order."""
    return tuple(
        (document.doc_id, sentence.sentence_id)
        for document in documents
        for sentence in document.sentences
    )


def gold_sentence_labels(annotations: Annotations) -> dict[tuple[str, int], bool]:
    """Return the ``uncertain`` label of every sentence of the documents of ``annotations``."""
    return {
        (document.doc_id, sentence.sentence_id): sentence.uncertain
        for document in annotations.documents
        for sentence in document.sentences
    }
