import numpy as np
import pytest

from benchmark.errors import DataError
from benchmark.stats.counts import (
    ZERO_DIVISION,
    check_counts,
    check_pair,
    delta_f1,
    f1_from_counts,
    f1_rows,
)


def test_zero_division_policy_is_zero():
    assert ZERO_DIVISION == 0.0


def test_f1_from_counts_sums_units_micro():
    # tp 2+1=3, fp 1+2=3, fn 0+1=1 -> P 3/6, R 3/4, F1 6/(6+3+1)
    p, r, f1 = f1_from_counts(np.array([2, 1]), np.array([1, 2]), np.array([0, 1]))
    assert (p, r, f1) == (0.5, 0.75, 0.6)


def test_f1_from_counts_accepts_plain_ints():
    assert f1_from_counts(1, 1, 0) == (0.5, 1.0, 2 / 3)


@pytest.mark.parametrize(
    ("counts", "zero_division", "expected"),
    [
        ((0, 0, 0), 0.0, (0.0, 0.0, 0.0)),
        ((0, 0, 0), 1.0, (1.0, 1.0, 1.0)),
        # nothing in gold, 2 spurious: R undefined, F1 = 0/(0+2+0) = 0 whatever the policy
        ((0, 2, 0), 0.0, (0.0, 0.0, 0.0)),
        ((0, 2, 0), 1.0, (0.0, 1.0, 0.0)),
        # nothing predicted, 3 missed: P undefined
        ((0, 0, 3), 0.0, (0.0, 0.0, 0.0)),
        ((0, 0, 3), 1.0, (1.0, 0.0, 0.0)),
        ((0, 1, 1), 1.0, (0.0, 0.0, 0.0)),
    ],
)
def test_f1_from_counts_zero_division(counts, zero_division, expected):
    assert f1_from_counts(*counts, zero_division=zero_division) == expected


def test_f1_rows_matches_scalar_formula():
    sums = np.array([[3, 3, 1], [0, 0, 0], [0, 2, 0], [2, 0, 0]])
    assert f1_rows(sums, zero_division=0.0).tolist() == [0.6, 0.0, 0.0, 1.0]
    assert f1_rows(sums, zero_division=1.0).tolist() == [0.6, 1.0, 0.0, 1.0]


def test_delta_f1_is_b_minus_a():
    # a: F1 = 2/(2+1+1) = 0.5, b: F1 = 1
    assert delta_f1(np.array([1, 1, 1]), np.array([2, 0, 0]), zero_division=0.0) == 0.5


def test_check_counts_stacks_int64():
    counts = check_counts(([1, 2], np.array([0, 1], dtype=np.uint8), [3, 0]), name="a")
    assert counts.dtype == np.int64
    assert counts.tolist() == [[1, 2], [0, 1], [3, 0]]


@pytest.mark.parametrize(
    ("counts", "message"),
    [
        (([1], [0]), "field a: expected a (tp, fp, fn) triple, got 2 arrays"),
        ((["1"], [0], [0]), "field a.tp: expected a 1-D array of counts, got 1-D <U1"),
        (([[1]], [0], [0]), "field a.tp: expected a 1-D array of counts, got 2-D int64"),
        (([float("nan")], [0], [0]), "field a.tp: counts must be finite"),
        (([1], [-1], [0]), "field a.fp: counts must be >= 0"),
        (([1, 2], [0], [0, 1]), "field a: tp, fp and fn must have the same length, got 2, 1, 2"),
        (([], [], []), "field a: no units: at least one sentence unit is needed"),
    ],
)
def test_check_counts_rejects_bad_input(counts, message):
    arrays = tuple(np.array(c, dtype=np.int64) if c == [] else c for c in counts)
    with pytest.raises(DataError) as info:
        check_counts(arrays, name="a")
    assert str(info.value) == message


def test_check_pair_needs_same_number_of_units():
    with pytest.raises(DataError) as info:
        check_pair(([1], [0], [0]), ([1, 1], [0, 0], [0, 0]))
    assert str(info.value) == (
        "field b: a has 1 units, b has 2: paired tests need counts over the same units"
    )


def test_f1_rows_agrees_with_the_scorer_metrics():
    from benchmark.scoring.metrics import f1

    sums = [(3, 3, 1), (0, 0, 0), (0, 2, 0), (2, 0, 0), (5, 1, 7)]
    for zero_division in (0.0, 1.0):
        expected = [f1(*row, zero_division=zero_division) for row in sums]
        assert f1_rows(np.array(sums), zero_division=zero_division).tolist() == expected


def test_fractional_counts_are_floats_and_sum_as_floats():
    # partial-mode credits: tp 0.5 + 2/3 over two units; F1 = 2tp / (2tp + fp + fn) with
    # tp 7/6, fp 5/6 (2 predictions), fn 5/6 (2 gold): 7/3 / (7/3 + 5/3) = 7/12
    counts = check_counts(([0.5, 2 / 3], [0.5, 1 / 3], [0.5, 1 / 3]), name="a")
    assert counts.dtype == np.float64
    assert f1_from_counts(*counts)[2] == pytest.approx(7 / 12)
    # one float array makes all three float
    assert check_counts(([1], [0.5], [0]), name="a").dtype == np.float64
