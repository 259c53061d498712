"""Seeded, chunked random draws over sentence units, and percentile intervals."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from benchmark.errors import DataError

MAX_CELLS_PER_CHUNK = 1 << 18
"""Cells (rows x units) drawn at once, about 2 MB per int64 matrix; a chunk has
at least one row, so it holds max(MAX_CELLS_PER_CHUNK, n_units) cells at most."""


def make_rng(seed: int) -> np.random.Generator:
    """Return the PCG64 generator for ``seed`` (an int >= 0), or raise DataError."""
    check_positive_int(seed, field="seed", minimum=0)
    return np.random.Generator(np.random.PCG64(seed))


def chunk_rows(n_rows: int, n_units: int, *, max_cells: int) -> Iterator[int]:
    """Yield row counts summing to ``n_rows``, each chunk at most ``max_cells`` cells."""
    step = max(1, max_cells // n_units)
    for start in range(0, n_rows, step):
        yield min(step, n_rows - start)


def bootstrap_sums(
    counts: np.ndarray, *, n_resamples: int, seed: int, max_cells: int
) -> np.ndarray:
    """Return (n_resamples, k) summed counts of bootstrap resamples of ``counts``.

    ``counts`` is k x n_units. Each resample is a row of ``n_units`` indices
    drawn uniformly with replacement (``Generator.integers``); the same
    resamples apply to all k rows, which is what makes a paired bootstrap paired.
    """
    check_positive_int(n_resamples, field="n_resamples")
    check_positive_int(max_cells, field="max_cells")
    rng = make_rng(seed)
    n_units = counts.shape[1]
    parts = []
    for rows in chunk_rows(n_resamples, n_units, max_cells=max_cells):
        indices = rng.integers(0, n_units, size=(rows, n_units))
        parts.append(counts[:, indices].sum(axis=2).T)
    return np.concatenate(parts)


def percentile_interval(values: np.ndarray, *, confidence: float) -> tuple[float, float]:
    """Return the (1 - c) / 2 and (1 + c) / 2 quantiles of ``values`` (linear interpolation)."""
    check_confidence(confidence)
    low, high = np.quantile(values, [(1 - confidence) / 2, (1 + confidence) / 2])
    return float(low), float(high)


def check_positive_int(value: int, *, field: str, minimum: int = 1) -> None:
    """Raise DataError unless ``value`` is an int (not a bool) >= ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < minimum:
        raise DataError(f"expected an integer >= {minimum}, got {value!r}", field=field)


def check_confidence(confidence: float) -> None:
    """Raise DataError unless ``confidence`` is a number strictly between 0 and 1."""
    if isinstance(confidence, bool) or not isinstance(confidence, int | float | np.floating):
        raise DataError(f"expected a number in (0, 1), got {confidence!r}", field="confidence")
    if not 0 < confidence < 1:
        raise DataError(f"expected a number in (0, 1), got {confidence!r}", field="confidence")
