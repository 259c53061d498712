"""CRF predictions for the contrast split: leave the source paragraph out.

A contrast document is an edited copy of ONE paragraph of a test document (its group's
source paragraph); its unchanged sentences are test sentences word for word. A model trained
on the whole test gold would therefore be scored on sentences it was trained on. The
documents of a group built from paragraph ``p`` are predicted by a
:class:`~baselines.crf.extractor.CrfExtractor` trained on every test sentence OUTSIDE ``p``
(the same ``c1``/``c2``/``max_iterations`` as the test cross-validation;
:func:`baselines.crf.extractor.predict_crf_leaving_out`); :func:`training_rows` selects them.

Which sentences to leave out is the caller's business (``excluded``, ``(doc_id,
sentence_id)`` keys; ``TrainingData.held_out`` of :mod:`baselines.base`): the split's group
structure lives in ``benchmark.dataset.contrast``, which an extractor does not import; the
pipeline (:mod:`baselines.pipeline`) computes the keys. As a second guard the extractor
refuses any document that repeats a training sentence.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from baselines.crf.folds import SentenceKey
from benchmark.dataset.schema import TokenRow
from benchmark.errors import DataError


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
