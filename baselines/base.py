"""The interfaces every baseline implements, and merging per-document results.

Every baseline is an :class:`Extractor`. A learned baseline is also :class:`OutOfFold`: it
predicts gold documents without ever predicting a sentence with a model trained on it; the
pipeline calls that method for every learned baseline and never looks at a baseline's name.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from benchmark.dataset.layers import LAYER_NAMES, SentenceKey
from benchmark.dataset.schema import Annotations, Document, TokenRow


@runtime_checkable
class Extractor(Protocol):
    """A deterministic extractor: one document in, its annotation layers out.

    ``extract`` returns an :class:`~benchmark.dataset.schema.Annotations` holding exactly that
    document in ``documents`` and the predicted items of it. Item ids are the extractor's own
    (``E1``, ``C1``, ``A1``, ``H1``...), unique within the document; references
    (``attribution_id``, ``event_id``, ``parent_id``) point at ids of the same result. The
    same input always gives the same output. A learned baseline also implements this
    interface (trained on the whole gold, for new text).
    """

    name: str
    """Name of the baseline (``empty``, ``naive``, ``rules``...)."""

    def extract(self, document: Document) -> Annotations:
        """Return the predicted layers of ``document``."""
        ...


@dataclass(frozen=True)
class TrainingData:
    """The gold a learned baseline may train on, and what it must leave out per document."""

    rows: tuple[TokenRow, ...]
    """The ``tokens`` view of the training splits (one row per sentence)."""
    documents: tuple[Document, ...]
    """The documents the rows' offsets point into."""
    held_out: Mapping[str, frozenset[SentenceKey]]
    """doc_id of a document to predict that is not a training document -> the training
    sentences it repeats (its model must not be trained on them); absent: none."""


@runtime_checkable
class OutOfFold(Protocol):
    """A learned baseline's protocol for scoring it on gold documents."""

    train_splits: tuple[str, ...]
    """The gold splits it trains on (the pipeline builds :class:`TrainingData` from them)."""

    def predict_out_of_fold(
        self, documents: Sequence[Document], *, training: TrainingData
    ) -> Annotations:
        """Return predictions of ``documents`` (in order) by models that never saw them.

        A document that is one of ``training.documents`` is predicted out of fold
        (cross-validation; the training documents not predicted stay in every fold's
        training); any other by a model trained on the training data minus the sentences
        ``training.held_out`` lists for it.
        """
        ...


def merge_results(documents: Sequence[Document], results: Iterable[Annotations]) -> Annotations:
    """Return one result over ``documents`` holding every item of ``results``.

    Items are grouped by document in the order of ``documents``; within a document they keep
    the order of ``results``. Every item's ``doc_id`` must be one of ``documents``.
    """
    order = {document.doc_id: index for index, document in enumerate(documents)}
    results = list(results)
    return Annotations(
        documents=tuple(documents),
        **{
            layer: tuple(
                sorted(
                    (item for result in results for item in getattr(result, layer)),
                    key=lambda item: order[item.doc_id],
                )
            )
            for layer in LAYER_NAMES
        },
    )
