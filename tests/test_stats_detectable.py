import numpy as np
import pytest

from benchmark.errors import DataError
from benchmark.stats.detectable import minimal_detectable_difference, units_needed
from benchmark.stats.permutation import permutation_test


def test_units_needed_by_hand():
    # 2^(1-k) <= alpha: k = 5 gives 1/16 = 0.0625 > 0.05, k = 6 gives 1/32 = 0.03125
    assert units_needed(0.05) == 6
    assert units_needed(0.5) == 2  # 2^-1 = 0.5
    assert units_needed(0.25) == 3
    assert units_needed(0.01) == 8  # 2^-6 = 0.0156 > 0.01, 2^-7 = 0.0078


def test_the_permutation_test_rejects_from_k_star_units_on():
    # the model: B right where A has one wrong prediction, on one item in each of k units
    for k, expected in ((5, 2 / 2**5), (6, 2 / 2**6)):
        a = (np.zeros(8, int), np.array([1] * k + [0] * (8 - k)), np.array([1] * k + [0] * (8 - k)))
        b = (np.array([1] * k + [0] * (8 - k)), np.zeros(8, int), np.zeros(8, int))
        assert permutation_test(a, b).p_value == pytest.approx(expected)
    assert 2 / 2**6 <= 0.05 < 2 / 2**5


def test_one_item_per_sentence_needs_six_items():
    # m items always fall in m distinct sentences: m = 6 = k*, MDD 6/22
    found = minimal_detectable_difference([1] * 22)
    assert (found.units, found.units_with_gold, found.gold_items) == (22, 22, 22)
    assert found.units_needed == 6
    assert found.mdd == pytest.approx(6 / 22)
    assert minimal_detectable_difference([1] * 100).mdd == pytest.approx(0.06)


def test_too_few_sentences_with_gold_detect_nothing():
    found = minimal_detectable_difference([5, 5, 0, 5, 5, 5, 0])
    assert (found.units, found.units_with_gold, found.gold_items) == (7, 5, 25)
    assert found.mdd is None
    assert minimal_detectable_difference([0, 0, 0]).mdd is None
    assert minimal_detectable_difference([]).mdd is None


def test_six_pairs_by_hand():
    # 6 sentences of 2 items (G = 12): all 6 must hold a difference. m = 10 leaves 2 items
    # out, which miss a sentence only when they are its pair: P = 1 - 6/66 = 0.909 >= 0.8;
    # m = 9 leaves 3 out, holding a whole pair with P = 6 * 10 / 220 = 0.273: P = 0.727.
    assert minimal_detectable_difference([2] * 6).mdd == pytest.approx(10 / 12)


def test_seeded_and_deterministic():
    counts = [3, 0, 1, 2, 5, 1, 1, 0, 2, 4, 1, 1]
    first = minimal_detectable_difference(counts, seed=4, simulations=500)
    assert first == minimal_detectable_difference(counts, seed=4, simulations=500)
    assert first.seed == 4 and first.simulations == 500


@pytest.mark.parametrize(
    ("counts", "options", "field"),
    [
        ([1, -1], {}, "gold_per_unit"),
        ([1], {"alpha": 0.0}, "alpha"),
        ([1], {"power": 1.0}, "power"),
        ([1], {"simulations": 0}, "simulations"),
    ],
)
def test_bad_options_are_data_errors(counts, options, field):
    with pytest.raises(DataError) as error:
        minimal_detectable_difference(counts, **options)
    assert error.value.field == field
