import pytest

from baselines.crf.folds import (
    FoldError,
    document_fold_assignment,
    fold_assignment,
    held_out_keys,
    training_keys,
)

KEYS = [("doc-a", i) for i in range(7)] + [("doc-b", i) for i in range(5)]


def test_folds_partition_the_sentences_with_sizes_differing_by_one():
    assignment = fold_assignment(KEYS, folds=5, seed=0)
    assert sorted(assignment) == sorted(KEYS)
    held = [held_out_keys(assignment, fold=f) for f in range(5)]
    assert sorted(key for fold in held for key in fold) == sorted(KEYS)
    assert sorted(len(fold) for fold in held) == [2, 2, 2, 3, 3]


def test_no_sentence_is_in_its_own_training_fold():
    assignment = fold_assignment(KEYS, folds=5, seed=0)
    for fold in range(5):
        train = set(training_keys(assignment, fold=fold))
        held = set(held_out_keys(assignment, fold=fold))
        assert not train & held
        assert train | held == set(KEYS)
    for key, fold in assignment.items():
        assert key not in training_keys(assignment, fold=fold)


def test_same_seed_same_folds_and_input_order_does_not_matter():
    first = fold_assignment(KEYS, folds=5, seed=0)
    second = fold_assignment(list(reversed(KEYS)), folds=5, seed=0)
    assert first == second


def test_the_permutation_is_the_documented_one():
    keys = [("d", i) for i in range(4)]
    # numpy.random.default_rng(0).permutation(4) == [2, 0, 1, 3]: position p -> fold p % 2
    expected = {("d", 2): 0, ("d", 0): 1, ("d", 1): 0, ("d", 3): 1}
    assert fold_assignment(keys, folds=2, seed=0) == expected


def test_another_seed_changes_the_folds():
    assert fold_assignment(KEYS, folds=5, seed=0) != fold_assignment(KEYS, folds=5, seed=1)


@pytest.mark.parametrize(
    ("folds", "message"),
    [
        (1, "folds must be an integer >= 2, got 1"),
        (13, "folds=13 exceeds the number of sentences (12)"),
        (True, "folds must be an integer >= 2, got True"),
    ],
)
def test_impossible_fold_counts_raise(folds, message):
    with pytest.raises(FoldError) as caught:
        fold_assignment(KEYS, folds=folds, seed=0)
    assert str(caught.value) == message


def test_document_folds_keep_every_document_whole():
    keys = [(f"wn-{d}", i) for d in range(5) for i in range(d + 1)]
    assignment = document_fold_assignment(keys, folds=2, seed=0)
    assert set(assignment) == set(keys)
    for d in range(5):
        assert len({assignment[(f"wn-{d}", i)] for i in range(d + 1)}) == 1
    per_fold = [sorted({doc for (doc, _), f in assignment.items() if f == fold}) for fold in (0, 1)]
    # 5 documents in 2 folds: 3 and 2 documents
    assert sorted(len(docs) for docs in per_fold) == [2, 3]
    assert document_fold_assignment(list(reversed(keys)), folds=2, seed=0) == assignment


def test_document_folds_follow_the_seeded_permutation_of_doc_ids():
    import numpy as np

    keys = [("b", 0), ("a", 0), ("c", 0), ("a", 1)]
    permutation = np.random.default_rng(5).permutation(3)  # over the sorted ids a, b, c
    fold_of = {"abc"[int(index)]: position % 2 for position, index in enumerate(permutation)}
    expected = {key: fold_of[key[0]] for key in keys}
    assert document_fold_assignment(keys, folds=2, seed=5) == expected


@pytest.mark.parametrize(
    ("folds", "message"),
    [
        (1, "document folds must be an integer >= 2"),
        (4, "document folds=4 exceed the number of documents (3)"),
    ],
)
def test_impossible_document_folds(folds, message):
    keys = [("a", 0), ("b", 0), ("c", 0)]
    with pytest.raises(FoldError, match=message.replace("(", "\\(").replace(")", "\\)")):
        document_fold_assignment(keys, folds=folds, seed=0)
