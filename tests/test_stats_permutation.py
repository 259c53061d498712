"""The paired permutation test: exact on at most 20 differing units, approximate above."""

import numpy as np
import pytest

from benchmark.stats.bootstrap import paired_bootstrap
from benchmark.stats.permutation import (
    APPROXIMATE,
    EXACT,
    MAX_EXACT_UNITS,
    differing_units,
    permutation_test,
)


def triple(units):
    """(tp, fp, fn) arrays from a list of per-unit (tp, fp, fn)."""
    return tuple(np.array(column) for column in zip(*units, strict=True))


def sentences(counts, n=22):
    """22 units, zero except ``counts``: {unit index: (tp, fp, fn)}."""
    return triple([counts.get(i, (0, 0, 0)) for i in range(n)])


# The casualty case: A predicts nothing; the gold records are in sentences 6, 15 (two),
# 16 and 18; B finds all but the one of sentence 6. F1(A) = 0, F1(B) = 2*4 / (8 + 0 + 1) = 8/9.
# A and B differ in 3 sentences (15, 16, 18); sentence 6 is (0, 0, 1) for both.
# Swap patterns S over {15, 16, 18} (the others change nothing):
#   {}:      A (0,0,5) F1 0,          B (4,0,1) F1 8/9          -> +8/9
#   {15}:    A (2,0,3) F1 4/7,        B (2,0,3) F1 4/7          -> 0
#   {16}:    A (1,0,4) F1 2/6 = 1/3,  B (3,0,2) F1 6/8 = 3/4    -> +5/12
#   {18}:    the same as {16}                                   -> +5/12
#   complements: the negatives. |delta| >= 8/9 for 2 of 8 patterns: p = 1/4 exactly.
CASUALTIES_A = sentences({6: (0, 0, 1), 15: (0, 0, 2), 16: (0, 0, 1), 18: (0, 0, 1)})
CASUALTIES_B = sentences({6: (0, 0, 1), 15: (2, 0, 0), 16: (1, 0, 0), 18: (1, 0, 0)})

# Two differing sentences: A misses the hedges of sentences 2 and 5, B finds both:
# F1(A) = 0, F1(B) = 1. Patterns over {2, 5}: {} +1; {2}: A (1,0,1) 2/3, B (1,0,1) 2/3 -> 0;
# {5}: 0; {2, 5}: -1. |delta| >= 1 for 2 of 4: p = 1/2 exactly.
HEDGES_A = sentences({2: (0, 0, 1), 5: (0, 0, 1)})
HEDGES_B = sentences({2: (1, 0, 0), 5: (1, 0, 0)})


def test_three_differing_sentences_give_the_exact_quarter():
    result = permutation_test(CASUALTIES_A, CASUALTIES_B)
    assert result.delta == pytest.approx(8 / 9)
    assert (result.method, result.n_differing, result.n_patterns) == (EXACT, 3, 8)
    assert (result.n_at_least_as_extreme, result.p_value) == (2, 0.25)
    assert differing_units(np.stack(CASUALTIES_A), np.stack(CASUALTIES_B)).tolist() == [
        15,
        16,
        18,
    ]


def test_two_differing_sentences_give_the_exact_half():
    result = permutation_test(HEDGES_A, HEDGES_B)
    assert (result.delta, result.method, result.n_differing) == (1.0, EXACT, 2)
    assert (result.n_at_least_as_extreme, result.n_patterns, result.p_value) == (2, 4, 0.5)


def test_the_bootstrap_of_the_same_cases_is_two_sided_and_not_at_its_floor():
    # casualties: the shifted null is as extreme as delta = 8/9 when delta_i <= 0, i.e. when a
    # resample draws none of sentences 15, 16, 18: (19/22)^22 = 0.0398 (delta_i >= 16/9 is
    # impossible). sd of the share over 5000 draws 0.0028; tolerance 0.012.
    casualties = paired_bootstrap(CASUALTIES_A, CASUALTIES_B, n_resamples=5000, seed=0)
    assert casualties.p_value == pytest.approx((19 / 22) ** 22, abs=0.012)
    assert not casualties.at_floor
    # hedges: as extreme as delta = 1 when neither sentence 2 nor 5 is drawn (both F1 0):
    # (20/22)^22 = 0.1228; sd 0.0046, tolerance 0.02
    hedges = paired_bootstrap(HEDGES_A, HEDGES_B, n_resamples=5000, seed=0)
    assert hedges.p_value == pytest.approx((20 / 22) ** 22, abs=0.02)


def test_identical_systems_have_no_differing_unit_and_p_one():
    result = permutation_test(HEDGES_A, HEDGES_A)
    assert (result.n_differing, result.n_patterns, result.p_value) == (0, 1, 1.0)


def test_more_than_twenty_differing_units_use_approximate_randomisation():
    # 21 units, B right and A wrong on each: only the identity and the full swap reach |1|,
    # 2 of 2^21 patterns; 2000 random rounds almost surely hit neither: p = 1/2001
    a = triple([(0, 1, 1)] * (MAX_EXACT_UNITS + 1))
    b = triple([(1, 0, 0)] * (MAX_EXACT_UNITS + 1))
    result = permutation_test(a, b, n_rounds=2000, seed=0)
    assert (result.method, result.n_differing, result.n_patterns) == (APPROXIMATE, 21, 2000)
    assert result.p_value == 1 / 2001 and result.delta == 1.0
    # the same 21 units are tested exactly when the limit is raised: 2 / 2^21
    exact = permutation_test(a, b, max_exact=21)
    assert (exact.method, exact.p_value) == (EXACT, 2 / 2**21)


def test_the_exact_test_does_not_depend_on_the_chunk_size():
    assert permutation_test(CASUALTIES_A, CASUALTIES_B, max_cells=2) == permutation_test(
        CASUALTIES_A, CASUALTIES_B
    )


def test_fractional_counts():
    # partial-mode credits on two units: a (0.5,0.5,0.5) and (0,0,1); b (1,0,0) and (1,0,0).
    # delta = 1 - 2*0.5/(1 + 0.5 + 1.5) = 1 - 1/3 = 2/3.
    # {u1}: a (1,0,1) 2/3, b (1.5,0.5,0.5) 3/4 -> 1/12; {u2}: a (1.5,0.5,0.5) 3/4,
    # b (1,0,1) 2/3 -> -1/12; {u1,u2}: -2/3. |delta| >= 2/3 for 2 of 4: p = 1/2
    a = triple([(0.5, 0.5, 0.5), (0.0, 0.0, 1.0)])
    b = triple([(1.0, 0.0, 0.0), (1.0, 0.0, 0.0)])
    result = permutation_test(a, b)
    assert result.delta == pytest.approx(2 / 3)
    assert (result.n_differing, result.p_value) == (2, 0.5)
