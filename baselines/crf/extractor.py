"""The ``crf`` baseline: :class:`CrfExtractor`, built from ``conf/baseline/crf.yaml``.

Its training material is the gold of the splits ``train_splits`` names (the Kharkiv ``test``
article and the ``wikinews_dev`` passages; a held-out split is refused). For NEW text
(``kharkiv-ie predict --baseline crf``), :meth:`CrfExtractor.extract` tags with CRFs trained on
every training sentence (:class:`~baselines.crf.trained.TrainedCrf`, which refuses a document
repeating a training sentence). Scored on gold documents, the baseline goes through its
out-of-fold protocol (:class:`baselines.base.OutOfFold`),
:meth:`CrfExtractor.predict_out_of_fold`: training documents by cross-validation
(:func:`baselines.crf.crossval.predict_crf_cross_validated`: one document by ``folds`` sentence
folds, several by
``document_folds`` folds of whole documents), the other training documents in every fold's
training; any other document by CRFs trained on all the training material minus the sentences
it repeats (:func:`predict_crf_leaving_out`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from baselines.base import TrainingData, merge_results
from baselines.crf.crossval import load_token_rows, predict_crf_cross_validated
from baselines.crf.folds import SentenceKey
from baselines.crf.heldout import training_rows
from baselines.crf.model import CrfParams
from baselines.crf.trained import TrainedCrf
from benchmark.dataset.gold import check_trainable, read_gold
from benchmark.dataset.schema import Annotations, Document, TokenRow
from benchmark.errors import DataError


class CrfExtractor:
    """CRF sequence labeller over the four ``tokens`` tag columns (see ``baselines.crf``)."""

    name = "crf"
    """Registry name."""

    def __init__(
        self,
        *,
        folds: int,
        document_folds: int,
        seed: int,
        c1: float,
        c2: float,
        max_iterations: int,
        train_splits: Sequence[str],
        data_dir: str | Path | None = None,
    ) -> None:
        """Prepare an extractor with the options of ``conf/baseline/crf.yaml``.

        :meth:`extract` trains on the gold of ``train_splits`` in ``data_dir`` (None: the
        repository's ``data/``) at first use. DataError for an empty ``train_splits``, an
        unknown split or a held-out one.
        """
        if isinstance(train_splits, str) or not train_splits:
            raise DataError("train_splits must be a non-empty list of splits", field="train_splits")
        self.folds = folds
        """Sentence folds of the cross-validation of ONE training document."""
        self.document_folds = document_folds
        """Folds of whole documents of the cross-validation of several training documents."""
        self.seed = seed
        """Seed of the fold assignment."""
        self.params = CrfParams(c1=c1, c2=c2, max_iterations=max_iterations)
        """Training options of every CRF."""
        self.train_splits = tuple(check_trainable(name) for name in train_splits)
        """Gold splits whose sentences the CRFs train on (none of them held out)."""
        self.data_dir = data_dir
        """Gold data folder for :meth:`extract` (None: the repository's ``data/``)."""
        self._model: TrainedCrf | None = None

    def fit(self, tokens_rows: Sequence[TokenRow], documents: Sequence[Document]) -> CrfExtractor:
        """Train on every sentence of ``tokens_rows`` (offsets into ``documents``); return self.

        :meth:`extract` then refuses text repeating one of THESE sentences.
        """
        self._model = TrainedCrf(params=self.params).fit(tokens_rows, documents)
        return self

    def extract(self, document: Document) -> Annotations:
        """Return the CRF predictions for ``document``; DataError if it repeats training text."""
        if self._model is None:
            self.fit(
                [
                    row
                    for split in self.train_splits
                    for row in load_token_rows(split=split, data_dir=self.data_dir)
                ],
                [
                    document
                    for split in self.train_splits
                    for document in read_gold(split=split, data_dir=self.data_dir).documents
                ],
            )
        return self._model.extract(document)

    def predict_out_of_fold(
        self, documents: Sequence[Document], *, training: TrainingData
    ) -> Annotations:
        """Return predictions of ``documents`` by CRFs that never saw them (see the module)."""
        training_ids = {document.doc_id for document in training.documents}
        inside = [document for document in documents if document.doc_id in training_ids]
        parts = []
        if inside:
            inside_ids = {document.doc_id for document in inside}
            parts.append(
                predict_crf_cross_validated(
                    [row for row in training.rows if row.doc_id in inside_ids],
                    inside,
                    folds=self.folds,
                    document_folds=self.document_folds,
                    seed=self.seed,
                    params=self.params,
                    background_rows=[r for r in training.rows if r.doc_id not in inside_ids],
                    background_documents=[
                        d for d in training.documents if d.doc_id not in inside_ids
                    ],
                )
            )
        batches: dict[frozenset[SentenceKey], list[Document]] = {}
        for document in documents:
            if document.doc_id not in training_ids:
                excluded = training.held_out.get(document.doc_id, frozenset())
                batches.setdefault(excluded, []).append(document)
        for excluded, members in sorted(batches.items(), key=lambda pair: sorted(pair[0])):
            parts.append(
                predict_crf_leaving_out(
                    training.rows,
                    train_documents=training.documents,
                    documents=members,
                    excluded=excluded,
                    params=self.params,
                )
            )
        return merge_results(documents, parts)


def predict_crf_leaving_out(
    tokens_rows: Sequence[TokenRow],
    *,
    train_documents: Sequence[Document],
    documents: Sequence[Document],
    excluded: Collection[SentenceKey],
    params: CrfParams,
) -> Annotations:
    """Train on ``tokens_rows`` minus ``excluded`` and predict ``documents``, in order.

    ``train_documents`` hold the text the rows' offsets point into. DataError for an unknown
    excluded key, an empty training set, or a document repeating a training sentence.
    """
    model = TrainedCrf(params=params).fit(
        training_rows(tokens_rows, excluded=excluded), train_documents
    )
    return merge_results(documents, (model.extract(document) for document in documents))
