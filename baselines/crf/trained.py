"""CRFs trained on given gold sentences, tagging new documents: the crf's model for new text.

:class:`TrainedCrf` trains the four taggers (:mod:`baselines.crf.model`) on token rows and
decodes their tags of a new document into layers (:mod:`baselines.crf.layers`). As a guard,
:meth:`TrainedCrf.extract` refuses a document that repeats a training sentence (an exact
sentence text of at least :data:`MIN_GUARDED_CHARS` characters): its predictions would be
trained on themselves.
"""

from __future__ import annotations

from collections.abc import Sequence

from baselines.crf.features import quote_mask, sentence_features
from baselines.crf.layers import TaggedSentence, annotations_from_tags
from baselines.crf.model import TAG_COLUMNS, CrfParams, SentenceTagger
from benchmark.dataset.schema import Annotations, Document, TokenRow
from benchmark.dataset.text import tokenize
from benchmark.errors import DataError

MIN_GUARDED_CHARS = 20
"""Shorter training sentences (e.g. a bare photo credit) may recur in new text: not guarded."""


class TrainedCrf:
    """The four CRFs, trained on given sentences, for tagging documents they did not see."""

    def __init__(self, *, params: CrfParams) -> None:
        """Prepare an untrained model with ``params``."""
        self.params = params
        """Training options."""
        self._tagger: SentenceTagger | None = None
        self._seen: frozenset[str] = frozenset()

    def fit(self, tokens_rows: Sequence[TokenRow], documents: Sequence[Document]) -> TrainedCrf:
        """Train on every sentence of ``tokens_rows`` (offsets into ``documents``); return self.

        :meth:`extract` then refuses text repeating one of THESE sentences (not the other
        sentences of ``documents``).
        """
        by_id = {document.doc_id: document for document in documents}
        masks = {doc_id: quote_mask(document) for doc_id, document in by_id.items()}
        ordered = sorted(tokens_rows, key=lambda row: (row.doc_id, row.sentence_id))
        for row in ordered:
            if row.doc_id not in by_id:
                raise DataError(
                    "doc_id is not among the given documents",
                    item=f"{row.doc_id}#{row.sentence_id}",
                    field="doc_id",
                )
        features = [
            sentence_features(
                by_id[row.doc_id].text, row.token_starts, row.token_ends, mask=masks[row.doc_id]
            )
            for row in ordered
        ]
        tags = {column: [getattr(row, column) for row in ordered] for column in TAG_COLUMNS}
        self._tagger = SentenceTagger(params=self.params).fit(features, tags)
        # Only the sentences actually trained on are guarded: a document may hold more
        # sentences than the rows given (leave-source-paragraph-out, baselines.crf.heldout).
        trained = {(row.doc_id, row.sentence_id) for row in ordered}
        self._seen = frozenset(
            document.text[sentence.start : sentence.end].strip()
            for document in documents
            for sentence in document.sentences
            if (document.doc_id, sentence.sentence_id) in trained
        )
        return self

    def extract(self, document: Document) -> Annotations:
        """Return the CRF predictions for ``document``; DataError if it repeats training text."""
        if self._tagger is None:
            raise RuntimeError("the model is not trained: call fit() first")
        tagger = self._tagger
        for sentence in document.sentences:
            sentence_text = document.text[sentence.start : sentence.end].strip()
            if len(sentence_text) >= MIN_GUARDED_CHARS and sentence_text in self._seen:
                raise DataError(
                    f"document {document.doc_id!r}, sentence {sentence.sentence_id}, is a "
                    "training sentence of the crf baseline; its honest gold predictions are "
                    "the cross-validated ones (predict_crf_cross_validated, kharkiv-ie reproduce)"
                )
        mask = quote_mask(document)
        offsets = [tokenize(document.text, s.start, s.end) for s in document.sentences]
        starts = [tuple(start for start, _ in pairs) for pairs in offsets]
        ends = [tuple(end for _, end in pairs) for pairs in offsets]
        features = [
            sentence_features(document.text, first, last, mask=mask)
            for first, last in zip(starts, ends, strict=True)
        ]
        tags = tagger.predict(features)
        tagged = [
            TaggedSentence(
                sentence_id=sentence.sentence_id,
                starts=starts[position],
                ends=ends[position],
                **{column: tuple(tags[column][position]) for column in TAG_COLUMNS},
            )
            for position, sentence in enumerate(document.sentences)
        ]
        return annotations_from_tags(document, tagged, mask=mask)
