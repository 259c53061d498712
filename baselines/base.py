"""The interfaces baselines implement, and merging per-document results.

A baseline is an :class:`Extractor` (schema objects with offsets) or a
:class:`SubmissionProducer` (submission lines, spans as text). A learned extractor is also
:class:`OutOfFold`: it predicts gold documents without ever predicting a sentence with a model
trained on it. The pipeline chooses by these protocols and never looks at a baseline's name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

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


@runtime_checkable
class SubmissionProducer(Protocol):
    """A baseline whose output is submission LINES, with spans given as text (a generative one).

    It has no character offsets: it writes a span as its text and leaves its placement to the
    scorer's documented alignment (``docs/submission-format.md``, "Alignment rule for
    text-only spans"). Turning its lines into schema objects first would re-implement that
    alignment outside the scorer, so the pipeline writes its lines as the submission file, one
    JSON object per line, and the scorer reads them like any submission. Contract of
    :meth:`predict_lines`:

    - one dict per document of ``documents``, in the same order, ``doc_id`` the document's;
    - the same layer keys on every line (a task is attempted iff its key is on every line),
      each a list (``[]``: predicted nothing); items follow the submission format;
    - the lines are JSON-serialisable, and the same inputs (and the same stored answers, for a
      producer that keeps them) give equal lines;
    - bad options or a service that cannot be reached raise
      :class:`~benchmark.errors.DataError` (one line) before any line is returned.
    """

    name: str
    """Name of the kind of baseline (``llm``); the system name is the config's ``name``."""

    def predict_lines(
        self,
        documents: Sequence[Document],
        *,
        usage_path: Path | None,
        progress: Callable[[str], None],
    ) -> list[dict[str, Any]]:
        """Return one submission line per document of ``documents``, in order.

        ``usage_path`` is a JSONL file of the run folder for one record per document of what
        it cost (None: keep none); ``progress`` is called with one line of text per step.
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
