import numpy as np
import pytest

from benchmark.errors import DataError
from benchmark.stats.counts import f1_from_counts
from benchmark.stats.randomization import approximate_randomization


def triple(units):
    """(tp, fp, fn) int arrays from a list of per-unit (tp, fp, fn)."""
    return tuple(np.array(column, dtype=np.int64) for column in zip(*units, strict=True))


# Case 1, three units, all 8 swap patterns worked out by hand (delta = F1(b') - F1(a')):
#   u1 a (0,0,2) b (2,0,0); u2 a (0,0,1) b (1,0,0); u3 a (0,1,1) b (1,0,0)
#   {}      a' (0,1,4) F1 0,    b' (4,0,0) F1 1    -> +1
#   {u1}    a' (2,1,2) F1 4/7,  b' (2,0,2) F1 2/3  -> +2/21
#   {u2}    a' (1,1,3) F1 1/3,  b' (3,0,1) F1 6/7  -> +11/21
#   {u3}    a' (1,0,3) F1 2/5,  b' (3,1,1) F1 3/4  -> +7/20
#   the complements {u1,u2,u3}, {u2,u3}, {u1,u3}, {u1,u2} give the negatives.
#   |delta| >= 1 for 2 of 8 patterns: exact two-sided p = 0.25.
CASE_1 = (
    triple([(0, 0, 2), (0, 0, 1), (0, 1, 1)]),
    triple([(2, 0, 0), (1, 0, 0), (1, 0, 0)]),
)
# Case 2: u1 is the same in both systems, so swapping it changes nothing.
#   u1 a = b = (1,0,0); u2 a (0,1,1) b (1,0,0); u3 a (0,0,1) b (1,0,0)
#   {}: a' (1,1,2) F1 2/5, b' (3,0,0) F1 1 -> +3/5;  {u2}: a' (2,0,1) 4/5, b' (2,1,1) 2/3 -> -2/15
#   {u3}: +2/15;  {u2,u3}: -3/5; each also with u1 swapped.
#   |delta| >= 3/5 for 4 of 8 patterns: exact p = 0.5.
CASE_2 = (
    triple([(1, 0, 0), (0, 1, 1), (0, 0, 1)]),
    triple([(1, 0, 0), (1, 0, 0), (1, 0, 0)]),
)


def test_hand_computed_deltas_of_case_1():
    (atp, afp, afn), (btp, bfp, bfn) = CASE_1
    swap_u2 = np.array([False, True, False])
    a_tp, b_tp = np.where(swap_u2, btp, atp), np.where(swap_u2, atp, btp)
    a_fp, b_fp = np.where(swap_u2, bfp, afp), np.where(swap_u2, afp, bfp)
    a_fn, b_fn = np.where(swap_u2, bfn, afn), np.where(swap_u2, afn, bfn)
    delta = f1_from_counts(b_tp, b_fp, b_fn)[2] - f1_from_counts(a_tp, a_fp, a_fn)[2]
    assert delta == pytest.approx(11 / 21)


@pytest.mark.parametrize(("case", "exact_p"), [(CASE_1, 0.25), (CASE_2, 0.5)])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_approaches_exact_permutation_p_value(case, exact_p, seed):
    # r ~ Binomial(20000, p): sd of r/n <= sqrt(0.25 / 20000) = 0.0035, and (r+1)/(n+1)
    # adds a bias below 1/20001. Tolerance 0.015 is > 4 sd (false failure ~ 3e-5), while
    # the usual mistakes land far away: one-sided (0.125 / 0.25), ties excluded (0 / 0.25).
    result = approximate_randomization(*case, n_rounds=20000, seed=seed)
    assert result.p_value == pytest.approx(exact_p, abs=0.015)
    assert result.delta == pytest.approx(1.0 if case is CASE_1 else 0.6)


def test_identical_systems_p_is_exactly_one():
    system = triple([(i % 3, i % 2, (i + 1) % 4) for i in range(22)])
    result = approximate_randomization(system, system, n_rounds=1000)
    assert result.delta == 0.0
    assert result.n_at_least_as_extreme == 1000
    assert result.p_value == 1.0


def test_strictly_better_on_all_30_units_is_significant():
    # only 2 of 2^30 swap patterns reach |delta| = 1: expected r over 1000 rounds ~ 2e-6
    a = triple([(0, 1, 1)] * 30)
    b = triple([(1, 0, 0)] * 30)
    result = approximate_randomization(a, b, n_rounds=1000)
    assert result.delta == 1.0
    assert result.n_at_least_as_extreme == 0
    assert result.p_value == 1 / 1001
    assert result.p_value < 0.01
    # two-sided: the direction does not matter
    assert approximate_randomization(b, a, n_rounds=1000).p_value == 1 / 1001


def test_same_seed_same_numbers_different_seed_differs():
    first = approximate_randomization(*CASE_2, n_rounds=500, seed=3)
    assert first == approximate_randomization(*CASE_2, n_rounds=500, seed=3)
    assert first.n_at_least_as_extreme != (
        approximate_randomization(*CASE_2, n_rounds=500, seed=4).n_at_least_as_extreme
    )


def test_chunk_size_does_not_change_the_result():
    assert approximate_randomization(*CASE_1, n_rounds=777, max_cells=2) == (
        approximate_randomization(*CASE_1, n_rounds=777)
    )


def test_zero_division_both_systems_empty():
    empty = triple([(0, 0, 0)] * 4)
    result = approximate_randomization(empty, empty, n_rounds=100)
    assert (result.delta, result.p_value) == (0.0, 1.0)


def test_rejects_bad_options():
    with pytest.raises(DataError, match="field n_rounds: expected an integer >= 1, got 0"):
        approximate_randomization(*CASE_1, n_rounds=0)
    with pytest.raises(DataError, match="field seed: expected an integer >= 0, got -1"):
        approximate_randomization(*CASE_1, seed=-1)
