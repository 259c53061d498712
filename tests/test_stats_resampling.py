import time

import numpy as np
import pytest

from benchmark.errors import DataError
from benchmark.stats.resampling import (
    bootstrap_sums,
    check_confidence,
    chunk_rows,
    make_rng,
    percentile_interval,
    shared_bootstrap_sums,
)


@pytest.mark.parametrize(
    ("n_rows", "n_units", "max_cells", "expected"),
    [
        (10, 3, 7, [2, 2, 2, 2, 2]),  # 7 // 3 = 2 rows per chunk
        (7, 3, 9, [3, 3, 1]),
        (5, 10, 4, [1, 1, 1, 1, 1]),  # a chunk holds at least one row
        (7, 1, 100, [7]),
    ],
)
def test_chunk_rows(n_rows, n_units, max_cells, expected):
    assert list(chunk_rows(n_rows, n_units, max_cells=max_cells)) == expected


def test_bootstrap_sums_draws_n_units_per_resample():
    # a row of ones sums to the number of units drawn, whichever units they are
    counts = np.array([[1, 1, 1, 1], [0, 1, 2, 3]])
    sums = bootstrap_sums(counts, n_resamples=50, seed=3, max_cells=1000)
    assert sums.shape == (50, 2)
    assert sums[:, 0].tolist() == [4] * 50
    assert sums[:, 1].min() >= 0 and sums[:, 1].max() <= 12


def test_bootstrap_sums_single_unit_repeats_it():
    sums = bootstrap_sums(np.array([[2], [1], [5]]), n_resamples=4, seed=0, max_cells=10)
    assert sums.tolist() == [[2, 1, 5]] * 4


def test_bootstrap_sums_do_not_depend_on_chunk_size():
    counts = np.arange(3 * 17).reshape(3, 17)
    one_chunk = bootstrap_sums(counts, n_resamples=101, seed=5, max_cells=10**6)
    tiny_chunks = bootstrap_sums(counts, n_resamples=101, seed=5, max_cells=1)
    odd_chunks = bootstrap_sums(counts, n_resamples=101, seed=5, max_cells=17 * 7)
    assert np.array_equal(one_chunk, tiny_chunks)
    assert np.array_equal(one_chunk, odd_chunks)


def test_make_rng_is_seeded():
    assert make_rng(4).integers(0, 10**9, size=3).tolist() == (
        make_rng(4).integers(0, 10**9, size=3).tolist()
    )


@pytest.mark.parametrize("seed", [-1, True, 1.5, "0"])
def test_make_rng_rejects_bad_seed(seed):
    with pytest.raises(DataError) as info:
        make_rng(seed)
    assert str(info.value) == f"field seed: expected an integer >= 0, got {seed!r}"


def test_percentile_interval_linear_interpolation():
    values = np.array([4.0, 0.0, 2.0, 1.0, 3.0])
    # sorted 0..4: quantile q sits at position 4q
    assert percentile_interval(values, confidence=0.5) == (1.0, 3.0)
    assert percentile_interval(values, confidence=0.8) == pytest.approx((0.4, 3.6))


@pytest.mark.parametrize("confidence", [0, 1, 1.5, -0.2, True, "0.95"])
def test_check_confidence_rejects(confidence):
    with pytest.raises(DataError) as info:
        check_confidence(confidence)
    assert str(info.value) == f"field confidence: expected a number in (0, 1), got {confidence!r}"


def test_shared_sums_equal_one_draw_per_array_bit_for_bit():
    rng = np.random.default_rng(7)
    integer = rng.integers(0, 4, size=(3, 40))
    credits = integer + rng.random((3, 40)) * (integer > 0)  # partial-mode style floats
    arrays = [integer, credits, integer.copy(), np.zeros((3, 40), int), rng.integers(0, 2, (3, 9))]
    shared = shared_bootstrap_sums(arrays, n_resamples=300, seed=5, max_cells=100)
    for array, sums in zip(arrays, shared, strict=True):
        alone = bootstrap_sums(array, n_resamples=300, seed=5, max_cells=100)
        assert sums.dtype == alone.dtype
        assert np.array_equal(sums, alone)  # exact equality: floats summed in the same order


def test_shared_sums_stay_linear_on_a_large_score():
    # 30 results over 2,000 units, 1,000 resamples: one draw and one product, not 30 draws
    rng = np.random.default_rng(0)
    arrays = [rng.integers(0, 3, size=(3, 2000)) for _ in range(30)]
    started = time.process_time()
    shared = shared_bootstrap_sums(arrays, n_resamples=1000, seed=0, max_cells=1 << 18)
    assert time.process_time() - started < 5  # the old per-array draws took far longer
    assert np.array_equal(
        shared[17], bootstrap_sums(arrays[17], n_resamples=1000, seed=0, max_cells=1 << 18)
    )
