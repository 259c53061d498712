"""Seeded, chunked random draws over sentence units, and percentile intervals."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

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


def shared_bootstrap_sums(
    counts: Sequence[np.ndarray], *, n_resamples: int, seed: int, max_cells: int
) -> list[np.ndarray]:
    """Return ``bootstrap_sums(c, ...)`` for every ``c`` in ``counts``, drawing the resamples once.

    Every call of :func:`bootstrap_sums` with one seed and one number of units draws the same
    indices, so they are drawn once per number of units and applied to all the count arrays of
    that size together; the sums are bit-identical to one call per array. Integer counts are
    summed as (resamples x units) multiplicities times the counts, a matrix product that is
    exact because every product and partial sum is an integer below 2**53 (checked, else they
    are summed like float counts); float counts (credits) are gathered and summed exactly as
    :func:`bootstrap_sums` does, so their rounding is the same too.
    """
    check_positive_int(n_resamples, field="n_resamples")
    check_positive_int(max_cells, field="max_cells")
    out: list[np.ndarray | None] = [None] * len(counts)
    by_units: dict[int, list[int]] = {}
    for i, array in enumerate(counts):
        by_units.setdefault(array.shape[1], []).append(i)
    for n_units, members in by_units.items():
        if n_units == 0:  # nothing to draw: keep the single-array behaviour
            for i in members:
                out[i] = bootstrap_sums(
                    counts[i], n_resamples=n_resamples, seed=seed, max_cells=max_cells
                )
            continue
        exact = [i for i in members if _matmul_exact(counts[i], n_units)]
        gathered = [i for i in members if i not in set(exact)]
        for i, part in zip(
            (*exact, *gathered),
            _draw_sums(
                counts,
                exact,
                gathered,
                n_units,
                n_resamples=n_resamples,
                seed=seed,
                max_cells=max_cells,
            ),
            strict=True,
        ):
            out[i] = part
    return out  # type: ignore[return-value]


def _matmul_exact(array: np.ndarray, n_units: int) -> bool:
    """Return True for integer counts whose resample sums stay below 2**53 in float64."""
    if array.dtype.kind not in "iu":
        return False
    return array.size == 0 or int(array.max()) * n_units < 2**53


def _draw_sums(
    counts: Sequence[np.ndarray],
    exact: list[int],
    gathered: list[int],
    n_units: int,
    *,
    n_resamples: int,
    seed: int,
    max_cells: int,
) -> list[np.ndarray]:
    """Return the resample sums of ``counts[exact]`` then ``counts[gathered]`` (one draw)."""
    # Identical count rows (the same per-unit counts in several modes, all-zero rows) have
    # identical sums: each distinct row is summed once.
    exact_stack, exact_back = _distinct_rows([counts[i] for i in exact], np.float64)
    gathered_stack, gathered_back = _distinct_rows([counts[i] for i in gathered], None)
    rng = make_rng(seed)
    exact_parts, gathered_parts = [], []
    for rows in chunk_rows(n_resamples, n_units, max_cells=max_cells):
        indices = rng.integers(0, n_units, size=(rows, n_units))
        if exact_stack is not None:
            offsets = (np.arange(rows, dtype=np.int64) * n_units)[:, None]
            multiplicity = np.bincount((indices + offsets).ravel(), minlength=rows * n_units)
            multiplicity = multiplicity.reshape(rows, n_units).astype(np.float64)
            exact_parts.append(multiplicity @ exact_stack.T)
        if gathered_stack is not None:
            gathered_parts.append(gathered_stack[:, indices].sum(axis=2).T)
    sums = []
    if exact_stack is not None:
        summed = np.rint(np.concatenate(exact_parts)).astype(np.int64)[:, exact_back]
        sums += _split_columns(summed, counts, exact)
    if gathered_stack is not None:
        summed = np.concatenate(gathered_parts)[:, gathered_back]
        sums += _split_columns(summed, counts, gathered)
    return sums


def _distinct_rows(
    arrays: list[np.ndarray], dtype: type | None
) -> tuple[np.ndarray | None, np.ndarray | None]:
    """Return the distinct rows of the stacked ``arrays`` and each stacked row's index in them."""
    if not arrays:
        return None, None
    stacked = np.concatenate(arrays)
    distinct, back = np.unique(stacked, axis=0, return_inverse=True)
    distinct = distinct if dtype is None else distinct.astype(dtype)
    return np.ascontiguousarray(distinct), back.reshape(-1)


def _split_columns(
    stacked: np.ndarray, counts: Sequence[np.ndarray], members: list[int]
) -> list[np.ndarray]:
    """Cut (resamples, sum of k) sums back into one (resamples, k) block per member."""
    bounds = np.cumsum([0, *(counts[i].shape[0] for i in members)]).tolist()
    return [stacked[:, a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


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
