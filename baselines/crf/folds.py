"""Sentence folds for the ``crf`` baseline's k-fold cross-validation.

The sentence keys ``(doc_id, sentence_id)`` are sorted, permuted with
``numpy.random.default_rng(seed).permutation``, and the sentence at position ``p`` of the
permutation goes to fold ``p % folds``: folds differ in size by at most one, every sentence
is in exactly one fold, and the same seed always gives the same folds. The model that
predicts fold ``f`` is trained on the sentences of every other fold, so no sentence is ever
predicted by a model that saw it.

Several documents (the Wikinews passages) are folded by DOCUMENT instead
(:func:`document_fold_assignment`, the same seeded rule over doc ids): the sentences of one
passage share its topic, names and numbers, so a passage split between training and
prediction would leak.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from benchmark.errors import DataError

SentenceKey = tuple[str, int]
"""``(doc_id, sentence_id)``: a sentence of the corpus."""


class FoldError(DataError):
    """A fold count that cannot split the given sentences (a configuration error: exit 2)."""


def fold_assignment(
    keys: Iterable[SentenceKey], *, folds: int, seed: int
) -> dict[SentenceKey, int]:
    """Return ``sentence key -> fold index`` (``0 .. folds - 1``) for the distinct ``keys``.

    Raises :class:`FoldError` when ``folds`` is below 2 or above the number of sentences
    (a fold would be empty, or a model would have nothing to train on).
    """
    ordered = sorted(set(keys))
    if isinstance(folds, bool) or not isinstance(folds, int) or folds < 2:
        raise FoldError(f"folds must be an integer >= 2, got {folds!r}")
    if folds > len(ordered):
        raise FoldError(f"folds={folds} exceeds the number of sentences ({len(ordered)})")
    permutation = np.random.default_rng(seed).permutation(len(ordered))
    return {ordered[int(index)]: position % folds for position, index in enumerate(permutation)}


def training_keys(assignment: dict[SentenceKey, int], *, fold: int) -> list[SentenceKey]:
    """Return the sentence keys the model for ``fold`` trains on (every other fold), sorted."""
    return sorted(key for key, assigned in assignment.items() if assigned != fold)


def held_out_keys(assignment: dict[SentenceKey, int], *, fold: int) -> list[SentenceKey]:
    """Return the sentence keys of ``fold`` (predicted by the model for ``fold``), sorted."""
    return sorted(key for key, assigned in assignment.items() if assigned == fold)


def document_fold_assignment(
    keys: Iterable[SentenceKey], *, folds: int, seed: int
) -> dict[SentenceKey, int]:
    """Return ``sentence key -> fold index`` with every document's sentences in one fold.

    The distinct ``doc_id`` values are sorted and assigned to folds exactly as
    :func:`fold_assignment` assigns sentences (seeded permutation, position modulo
    ``folds``); each sentence gets its document's fold. Raises :class:`FoldError` when
    ``folds`` is below 2 or above the number of documents.
    """
    ordered = sorted(set(keys))
    doc_ids = sorted({doc_id for doc_id, _ in ordered})
    if isinstance(folds, bool) or not isinstance(folds, int) or folds < 2:
        raise FoldError(f"document folds must be an integer >= 2, got {folds!r}")
    if folds > len(doc_ids):
        raise FoldError(f"document folds={folds} exceed the number of documents ({len(doc_ids)})")
    permutation = np.random.default_rng(seed).permutation(len(doc_ids))
    fold_of = {doc_ids[int(index)]: position % folds for position, index in enumerate(permutation)}
    return {key: fold_of[key[0]] for key in ordered}
