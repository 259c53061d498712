"""The training material of a learned baseline scored on gold documents.

:func:`training_data` gathers the gold of the splits a learned baseline trains on (its
``train_splits``, from ``training_splits`` in ``conf/config.yaml``; a held-out split is
refused, :func:`benchmark.dataset.gold.check_trainable`) and, per document to predict, the
training sentences it repeats, which its model must not see: none for an annotations split, the
source paragraph's sentences for a contrast document (:func:`source_paragraph_sentences`,
worked out here because an extractor does not import ``benchmark.dataset.contrast``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from baselines.base import TrainingData
from benchmark.dataset import splits
from benchmark.dataset.configs import TOKENS, resolve_data_dir
from benchmark.dataset.gold import check_trainable, read_config, read_gold
from benchmark.dataset.layers import SentenceKey
from benchmark.dataset.schema import Document
from benchmark.errors import DataError


def training_data(
    documents: Sequence[Document], *, split: str, data_dir: Any, train_splits: Sequence[str]
) -> TrainingData:
    """Return the gold of ``train_splits`` as training data for ``documents`` of ``split``.

    DataError when a training split is held out (:func:`benchmark.dataset.gold.check_trainable`).
    """
    names = [check_trainable(name) for name in train_splits]
    documents_of = [read_gold(split=name, data_dir=data_dir).documents for name in names]
    train_documents = tuple(document for group in documents_of for document in group)
    held_out = HELD_OUT[splits.split(split).kind](
        documents, train_documents=train_documents, data_dir=data_dir
    )
    rows = tuple(r for name in names for r in read_config(TOKENS, split=name, data_dir=data_dir))
    return TrainingData(rows=rows, documents=train_documents, held_out=held_out)


def _nothing_held_out(
    documents: Sequence[Document], *, train_documents: Sequence[Document], data_dir: Any
) -> dict[str, frozenset[SentenceKey]]:
    """Return no held-out sentence: an annotated split repeats no training sentence."""
    return {}


def source_paragraph_sentences(
    documents: Sequence[Document], *, train_documents: Sequence[Document], data_dir: Any
) -> dict[str, frozenset[SentenceKey]]:
    """Return contrast doc_id -> the test sentence keys of its group's source paragraph.

    The paragraph is the spec's ``paragraph`` (0-based, :func:`benchmark.dataset.text.
    paragraphs` of the source document); a sentence belongs to it when their offsets overlap.
    Membership comes from :func:`benchmark.dataset.contrast.groups.group_doc_ids`. DataError
    when the source document is not among ``train_documents``, a paragraph index is out of
    range, or one of ``documents`` is in no group.
    """
    from benchmark.dataset.contrast.groups import SPEC_PATH, group_doc_ids, verified_spec
    from benchmark.dataset.text import paragraphs

    folder = resolve_data_dir(data_dir)
    spec = verified_spec(data_dir=folder)
    source = next((d for d in train_documents if d.doc_id == spec.doc_id), None)
    if source is None:
        raise DataError(f"source document {spec.doc_id!r} of the contrast spec is not in test")
    spans = paragraphs(source.text)
    found: dict[str, frozenset[SentenceKey]] = {}
    for group in spec.groups:
        if not 0 <= group.paragraph < len(spans):
            raise DataError(
                f"group {group.group}: paragraph {group.paragraph} out of range",
                file=folder / SPEC_PATH,
                field="paragraph",
            )
        start, end = spans[group.paragraph]
        keys = frozenset(
            (source.doc_id, s.sentence_id)
            for s in source.sentences
            if s.start < end and start < s.end
        )
        for doc_id in group_doc_ids(spec, group):
            found[doc_id] = keys
    for document in documents:
        if document.doc_id not in found:
            raise DataError(f"contrast document {document.doc_id!r} is in no contrast group")
    return found


HeldOut = Callable[..., dict[str, frozenset[SentenceKey]]]
"""``(documents, *, train_documents, data_dir) -> doc_id -> training sentences to leave out``."""

HELD_OUT: Mapping[str, HeldOut] = {
    splits.ANNOTATIONS: _nothing_held_out,
    splits.CONTRAST: source_paragraph_sentences,
}
"""Split kind -> how the training sentences each of its documents repeats are found."""
