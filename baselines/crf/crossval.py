"""Out-of-fold CRF predictions for the whole gold: the ``crf`` baseline's scored output.

:func:`predict_crf_cross_validated` splits the gold sentences into ``folds`` folds
(:mod:`baselines.crf.folds`, seeded), trains a :class:`~baselines.crf.model.SentenceTagger`
on all folds but one and tags the held-out fold, for every fold. Every sentence is thus
predicted by a model that never saw it. The tags of all sentences are then decoded into the
four layers per document (:mod:`baselines.crf.layers`). Training sentences are given to
crfsuite in ``(doc_id, sentence_id)`` order, so the same seed gives identical output.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from baselines.base import merge_results
from baselines.crf.features import FeatureDict, quote_mask, sentence_features
from baselines.crf.folds import (
    SentenceKey,
    document_fold_assignment,
    fold_assignment,
    held_out_keys,
    training_keys,
)
from baselines.crf.layers import TaggedSentence, annotations_from_tags
from baselines.crf.model import TAG_COLUMNS, CrfParams, SentenceTagger
from benchmark.dataset.configs import TOKENS
from benchmark.dataset.gold import read_config
from benchmark.dataset.schema import Annotations, Document, TokenRow
from benchmark.errors import DataError


def load_token_rows(
    *, split: str | None = None, data_dir: str | Path | None = None
) -> tuple[TokenRow, ...]:
    """Return the gold ``tokens`` config of ``split`` (None: the main split) as token rows.

    Read and checked by :func:`benchmark.dataset.gold.read_config` (manifest, schema).
    """
    if split is None:
        return read_config(TOKENS, data_dir=data_dir)
    return read_config(TOKENS, split=split, data_dir=data_dir)


def _check_row(row: TokenRow, documents: dict[str, Document]) -> None:
    """Raise DataError unless ``row`` belongs to a given document and its tokens match its text."""
    item = f"{row.doc_id}#{row.sentence_id}"
    document = documents.get(row.doc_id)
    if document is None:
        raise DataError("doc_id is not among the given documents", item=item, field="doc_id")
    for index, (word, start, end) in enumerate(
        zip(row.tokens, row.token_starts, row.token_ends, strict=True)
    ):
        if document.text[start:end] != word:
            raise DataError(
                f"token {word!r} does not match the document text at {start}..{end}",
                item=item,
                field=f"tokens[{index}]",
            )


def predict_crf_cross_validated(
    tokens_rows: Sequence[TokenRow],
    documents: Sequence[Document],
    *,
    folds: int,
    document_folds: int,
    seed: int,
    params: CrfParams,
    background_rows: Sequence[TokenRow] = (),
    background_documents: Sequence[Document] = (),
) -> Annotations:
    """Return the out-of-fold predictions of every sentence of ``tokens_rows``, as layers.

    ``documents`` are the gold documents the rows come from (their text and paragraphs give
    the offsets and the quotation state); the result holds them all, in the given order.
    Rows of one document are split into ``folds`` sentence folds, rows of several documents
    into ``document_folds`` folds of whole documents (both seeded by ``seed``).
    ``background_rows`` (offsets into ``background_documents``) are added to the training
    sentences of every fold and never predicted. Raises
    :class:`~baselines.crf.folds.FoldError` for impossible folds and DataError for a row
    whose document or tokens do not match, or a document both predicted and background.
    """
    by_id = {document.doc_id: document for document in documents}
    rows, features = _rows_and_features(tokens_rows, by_id)
    background_ids = {document.doc_id: document for document in background_documents}
    overlap = sorted(set(by_id) & set(background_ids))
    if overlap:
        raise DataError(
            "a document is both predicted and background", item=overlap[0], field="doc_id"
        )
    extra_rows, extra_features = _rows_and_features(background_rows, background_ids)
    background = sorted(extra_rows)
    if len({doc_id for doc_id, _ in rows}) > 1:
        assignment = document_fold_assignment(rows, folds=document_folds, seed=seed)
    else:
        assignment = fold_assignment(rows, folds=folds, seed=seed)
    predicted: dict[SentenceKey, dict[str, list[str]]] = {}
    for fold in sorted(set(assignment.values())):
        train = training_keys(assignment, fold=fold)
        train_features = [features[key] for key in train] + [extra_features[k] for k in background]
        train_rows = [rows[key] for key in train] + [extra_rows[key] for key in background]
        tagger = SentenceTagger(params=params).fit(
            train_features,
            {column: [getattr(row, column) for row in train_rows] for column in TAG_COLUMNS},
        )
        held_out = held_out_keys(assignment, fold=fold)
        tags = tagger.predict([features[key] for key in held_out])
        for position, key in enumerate(held_out):
            predicted[key] = {column: tags[column][position] for column in TAG_COLUMNS}
    masks = {doc_id: quote_mask(document) for doc_id, document in by_id.items()}
    tagged: dict[str, list[TaggedSentence]] = {doc_id: [] for doc_id in by_id}
    for key in sorted(rows):
        row = rows[key]
        tagged[row.doc_id].append(
            TaggedSentence(
                sentence_id=row.sentence_id,
                starts=row.token_starts,
                ends=row.token_ends,
                **{column: tuple(predicted[key][column]) for column in TAG_COLUMNS},
            )
        )
    layers = [
        annotations_from_tags(document, tagged[document.doc_id], mask=masks[document.doc_id])
        for document in documents
    ]
    return merge_results(documents, layers)


def _rows_and_features(
    tokens_rows: Sequence[TokenRow], by_id: dict[str, Document]
) -> tuple[dict[SentenceKey, TokenRow], dict[SentenceKey, list[FeatureDict]]]:
    """Return key -> row and key -> token features for ``tokens_rows`` (checked, no repeats)."""
    masks = {doc_id: quote_mask(document) for doc_id, document in by_id.items()}
    rows: dict[SentenceKey, TokenRow] = {}
    features: dict[SentenceKey, list[FeatureDict]] = {}
    for row in tokens_rows:
        _check_row(row, by_id)
        key = (row.doc_id, row.sentence_id)
        if key in rows:
            raise DataError("duplicate sentence", item=f"{key[0]}#{key[1]}", field="sentence_id")
        rows[key] = row
        text = by_id[row.doc_id].text
        features[key] = sentence_features(
            text, row.token_starts, row.token_ends, mask=masks[row.doc_id]
        )
    return rows, features
