import numpy as np
import pytest

from benchmark.errors import DataError
from benchmark.stats.bootstrap import bootstrap_ci, paired_bootstrap


def triple(units):
    """(tp, fp, fn) int arrays from a list of per-unit (tp, fp, fn)."""
    return tuple(np.array(column, dtype=np.int64) for column in zip(*units, strict=True))


# 30 units with varied counts, for reproducibility checks
VARIED = triple([(i % 4, (i * 7) % 3, (i * 5) % 4) for i in range(30)])


def test_identical_units_collapse_the_interval_to_the_point():
    # every resample of 10 copies of (2, 1, 1) sums to (20, 10, 10): F1 = 40/60
    assert bootstrap_ci(*triple([(2, 1, 1)] * 10), n_resamples=200) == (2 / 3, 2 / 3)


def test_one_unit_interval_is_the_point():
    # F1 = 2*1 / (2 + 2 + 0) = 0.5
    assert bootstrap_ci(*triple([(1, 2, 0)]), n_resamples=50) == (0.5, 0.5)


def test_two_units_hand_computed_distribution():
    # u1 = (1,0,0), u2 = (0,1,1). Resamples of size 2: {u1,u1} p=1/4 -> F1 1;
    # {u1,u2} p=1/2 -> (1,1,1) F1 0.5; {u2,u2} p=1/4 -> F1 0.
    counts = triple([(1, 0, 0), (0, 1, 1)])
    assert bootstrap_ci(*counts, n_resamples=2000, confidence=0.95) == (0.0, 1.0)
    # quantiles 0.3 and 0.7 both fall inside the F1 = 0.5 mass (cumulative 0.25 .. 0.75);
    # the share of zeros among 2000 draws has sd 0.0097, 5 sd away from 0.3
    assert bootstrap_ci(*counts, n_resamples=2000, confidence=0.4) == (0.5, 0.5)


def test_interval_contains_point_and_is_ordered():
    low, high = bootstrap_ci(*VARIED, n_resamples=500)
    tp, fp, fn = (int(x.sum()) for x in VARIED)
    point = 2 * tp / (2 * tp + fp + fn)
    assert 0.0 <= low < point < high <= 1.0


def test_same_seed_same_numbers_different_seed_differs():
    assert bootstrap_ci(*VARIED, seed=7) == bootstrap_ci(*VARIED, seed=7)
    assert bootstrap_ci(*VARIED, seed=7) != bootstrap_ci(*VARIED, seed=8)


def test_chunk_size_does_not_change_the_interval():
    assert bootstrap_ci(*VARIED, n_resamples=300, max_cells=1) == bootstrap_ci(
        *VARIED, n_resamples=300
    )


def test_zero_division_all_empty_units():
    empty = triple([(0, 0, 0)] * 5)
    assert bootstrap_ci(*empty, n_resamples=20) == (0.0, 0.0)
    assert bootstrap_ci(*empty, n_resamples=20, zero_division=1.0) == (1.0, 1.0)


def test_bootstrap_ci_rejects_bad_options():
    with pytest.raises(DataError, match="field n_resamples: expected an integer >= 1, got 0"):
        bootstrap_ci(*VARIED, n_resamples=0)
    with pytest.raises(DataError, match=r"field confidence: expected a number in \(0, 1\)"):
        bootstrap_ci(*VARIED, confidence=95)


def test_paired_identical_systems():
    result = paired_bootstrap(VARIED, VARIED, n_resamples=500, seed=1)
    assert result.delta == 0.0
    # every delta_i is 0: |0 - 0| >= |0| for all 500, p = 501/501
    assert result.n_at_least_as_extreme == 500
    assert result.p_value == 1.0 and not result.at_floor
    assert (result.ci_low, result.ci_high) == (0.0, 0.0)


def test_paired_b_better_on_every_unit():
    a = triple([(0, 1, 1)] * 30)  # F1 0 on any resample
    b = triple([(1, 0, 0)] * 30)  # F1 1 on any resample
    result = paired_bootstrap(a, b, n_resamples=999)
    assert result.delta == 1.0
    # every delta_i is 1: |1 - 1| = 0 < 1, none as extreme: p is its floor 1/1000, flagged
    assert result.n_at_least_as_extreme == 0
    assert result.p_value == 1 / 1000 and result.at_floor
    assert (result.ci_low, result.ci_high) == (1.0, 1.0)
    mirrored = paired_bootstrap(b, a, n_resamples=999)
    assert (mirrored.delta, mirrored.p_value) == (-1.0, 1 / 1000)
    assert (mirrored.ci_low, mirrored.ci_high) == (-1.0, -1.0)


def test_paired_two_units_hand_computed():
    # a: u1 (1,0,0), u2 (0,1,1) -> (1,1,1) F1 0.5; b: u1 (1,0,0), u2 (1,0,0) -> F1 1; delta 0.5.
    # {u1,u1} p=1/4: 1 - 1 = 0; {u1,u2} p=1/2: 0.5; {u2,u2} p=1/4: a (0,2,2) F1 0, b 1 -> 1.
    # two-sided: |delta_i - 0.5| >= 0.5 for delta_i = 0 and 1: p -> 1/4 + 1/4 = 0.5 (sd of the
    # share over 4000 draws 0.0079; tolerance 0.04 is 5 sd, far from the one-sided 0.25).
    a = triple([(1, 0, 0), (0, 1, 1)])
    b = triple([(1, 0, 0), (1, 0, 0)])
    result = paired_bootstrap(a, b, n_resamples=4000, seed=2)
    assert result.delta == 0.5
    assert result.p_value == pytest.approx(0.5, abs=0.04)
    assert (result.ci_low, result.ci_high) == (0.0, 1.0)
    assert (result.n_resamples, result.seed, result.confidence) == (4000, 2, 0.95)


def test_paired_p_value_is_berg_kirkpatrick_two_sided():
    # a: u1 (1,0,0), u2 (1,0,0), u3 (0,1,0); b: the same but u2 (2,0,0).
    # A resample taking u1, u2, u3 k1, k2, k3 times has a = (k1+k2, k3, 0),
    # b = (k1+2k2, k3, 0); probability 3!/(k1! k2! k3!) / 27. Observed (1,1,1): 6/7 - 4/5 = 2/35.
    #   k2 = 0 or k3 = 0 (or k3 = 3): delta 0, probability 8/27 + 8/27 - 1/27 = 15/27
    #   (1,1,1): 2/35, 6/27;  (0,2,1): 8/9 - 4/5 = 4/45, 3/27;  (0,1,2): 2/3 - 1/2 = 1/6, 3/27
    # The null is the delta_i shifted by -2/35; two-sided, |delta_i - 2/35| >= 2/35 for
    # delta_i = 0 (15/27) and 1/6 (1/6 - 2/35 = 23/210 >= 2/35; 3/27), not for 4/45
    # (|4/45 - 2/35| = 2/63 < 2/35): p -> 18/27 = 2/3. (One-sided BK would give 3/27.) sd of
    # the share over 6000 draws 0.0061; tolerance 0.03 (~5 sd). 95% interval of delta_i:
    # 2.5% quantile in the 0 mass, 97.5% in the 1/6 mass (top 3/27 = 11%).
    a = triple([(1, 0, 0), (1, 0, 0), (0, 1, 0)])
    b = triple([(1, 0, 0), (2, 0, 0), (0, 1, 0)])
    result = paired_bootstrap(a, b, n_resamples=6000, seed=4)
    assert result.delta == pytest.approx(2 / 35)
    assert result.p_value == pytest.approx(2 / 3, abs=0.03)
    assert (result.ci_low, result.ci_high) == pytest.approx((0.0, 1 / 6))


def test_paired_reproducible_and_chunk_independent():
    b = triple([(t + 1, f, max(n - 1, 0)) for t, f, n in zip(*VARIED, strict=True)])
    first = paired_bootstrap(VARIED, b, n_resamples=300, seed=11)
    assert first == paired_bootstrap(VARIED, b, n_resamples=300, seed=11, max_cells=5)
    assert first != paired_bootstrap(VARIED, b, n_resamples=300, seed=12)


def test_paired_rejects_different_unit_counts():
    with pytest.raises(DataError, match="field b: a has 30 units, b has 1"):
        paired_bootstrap(VARIED, triple([(1, 0, 0)]))


def test_fixed_counts_are_in_every_resample_and_never_resampled():
    # 10 identical units (1, 0, 0) plus a fixed block (0, 2, 0) (predictions with no
    # sentence): every resample sums to (10, 0, 0) + (0, 2, 0): F1 = 20 / 22, a point
    units = triple([(1, 0, 0)] * 10)
    fixed = triple([(0, 2, 0)])
    assert bootstrap_ci(*units, fixed=fixed, n_resamples=200) == (20 / 22, 20 / 22)
    # resampled as an 11th unit instead, the block would make the interval wide
    as_unit = triple([(1, 0, 0)] * 10 + [(0, 2, 0)])
    low, high = bootstrap_ci(*as_unit, n_resamples=200)
    assert low < 20 / 22 < high


def test_paired_fixed_counts_enter_delta_and_every_resample():
    # a and b identical on the sentences ((1,0,0) x 5); b has 5 fixed false positives:
    # F1(a) = 1, F1(b) = 10 / 15 = 2/3, delta -1/3 in every resample: interval a point,
    # no resample as extreme under the shifted null: p at its floor
    units = triple([(1, 0, 0)] * 5)
    result = paired_bootstrap(units, units, fixed_b=triple([(0, 5, 0)]), n_resamples=300, seed=0)
    assert result.delta == pytest.approx(-1 / 3)
    assert (result.ci_low, result.ci_high) == pytest.approx((-1 / 3, -1 / 3))
    assert result.at_floor and result.p_value == 1 / 301


def test_fractional_counts_are_resampled_like_integers():
    # one unit of credits (1.5, 0.5, 0.5): F1 3 / 4.0 on every resample
    assert bootstrap_ci(np.array([1.5]), np.array([0.5]), np.array([0.5]), n_resamples=20) == (
        0.75,
        0.75,
    )
