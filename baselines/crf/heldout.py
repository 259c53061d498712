"""CRF predictions for the contrast split: leave the source paragraph out.

A contrast document is an edited copy of ONE paragraph of a test document (its group's
source paragraph); its unchanged sentences are test sentences word for word. A model trained
on the whole test gold would therefore be scored on sentences it was trained on. For the
documents of a group built from paragraph ``p``, :func:`predict_crf_leaving_out` trains a
:class:`~baselines.crf.extractor.CrfExtractor` on every test sentence OUTSIDE ``p`` (the same
``c1``/``c2``/``max_iterations`` as the test cross-validation) and predicts the documents.

Which sentences to leave out is the caller's business (``excluded``, ``(doc_id,
sentence_id)`` keys): the split's group structure lives in ``benchmark.contrast``, which an
extractor does not import; the pipeline (:mod:`baselines.pipeline`) computes the keys.
As a second guard the extractor refuses any document that repeats a training sentence.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from baselines.base import merge_results
from baselines.crf.extractor import CrfExtractor
from baselines.crf.folds import SentenceKey
from benchmark.errors import DataError
from benchmark.schema import Annotations, Document, TokenRow


def training_rows(
    tokens_rows: Sequence[TokenRow], *, excluded: Collection[SentenceKey]
) -> list[TokenRow]:
    """Return the rows whose ``(doc_id, sentence_id)`` is not in ``excluded``.

    Raises DataError when a key of ``excluded`` names no row (a wrong key would silently
    leave the source sentences in the training data) or when nothing is left to train on.
    """
    known = {(row.doc_id, row.sentence_id) for row in tokens_rows}
    unknown = sorted(set(excluded) - known)
    if unknown:
        doc_id, sentence_id = unknown[0]
        raise DataError(
            "sentence to leave out is not a training sentence",
            item=f"{doc_id}#{sentence_id}",
            field="excluded",
        )
    kept = [row for row in tokens_rows if (row.doc_id, row.sentence_id) not in excluded]
    if not kept:
        raise DataError("no training sentence is left after leaving out the source paragraph")
    return kept


def predict_crf_leaving_out(
    tokens_rows: Sequence[TokenRow],
    *,
    train_documents: Sequence[Document],
    documents: Sequence[Document],
    excluded: Collection[SentenceKey],
    c1: float = 0.1,
    c2: float = 0.1,
    max_iterations: int = 100,
) -> Annotations:
    """Train on ``tokens_rows`` minus ``excluded`` and predict ``documents``, in order.

    ``train_documents`` hold the text the rows' offsets point into. DataError for an unknown
    excluded key, an empty training set, or a document repeating a training sentence.
    """
    extractor = CrfExtractor(c1=c1, c2=c2, max_iterations=max_iterations).fit(
        training_rows(tokens_rows, excluded=excluded), train_documents
    )
    return merge_results(documents, (extractor.extract(document) for document in documents))
