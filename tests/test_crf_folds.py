import pytest

from baselines.crf.folds import FoldError, fold_assignment, held_out_keys, training_keys

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
