"""Approximate randomization (permutation) test of the F1 difference of two systems."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from benchmark.stats.counts import TIE_TOLERANCE, ZERO_DIVISION, check_pair, delta_f1, f1_rows
from benchmark.stats.resampling import (
    MAX_CELLS_PER_CHUNK,
    check_positive_int,
    chunk_rows,
    make_rng,
)


@dataclass(frozen=True)
class RandomizationResult:
    """Approximate randomization test of system b against system a."""

    delta: float
    """Observed micro F1(b) - F1(a) on the whole sample."""
    p_value: float
    """Two-sided p-value, (r + 1) / (n_rounds + 1)."""
    n_at_least_as_extreme: int
    """r: rounds whose absolute delta reached the observed absolute delta."""
    n_rounds: int
    """Number of random swap patterns drawn."""
    seed: int
    """Seed of the PCG64 generator."""


def approximate_randomization(
    a: Sequence[np.ndarray],
    b: Sequence[np.ndarray],
    *,
    n_rounds: int = 10000,
    seed: int = 0,
    zero_division: float = ZERO_DIVISION,
    max_cells: int = MAX_CELLS_PER_CHUNK,
) -> RandomizationResult:
    """Two-sided approximate randomization test of F1(b) - F1(a).

    ``a`` and ``b`` are (tp, fp, fn) triples over the SAME units in the same
    order. Each round swaps every unit's counts between the two systems with
    probability 0.5 (a uniform double < 0.5) and recomputes the delta; r counts
    the rounds with |delta_round| >= |delta| (ties included, within
    TIE_TOLERANCE). The p-value is (r + 1) / (n_rounds + 1) (Noreen 1989;
    Riezler and Maxwell 2005; Dror et al. 2018): it is never 0, and identical
    systems get exactly 1.0. As n_rounds grows it tends to the exact share of
    the 2^n_units swap patterns at least as extreme as the observed one.
    """
    counts_a, counts_b = check_pair(a, b)
    check_positive_int(n_rounds, field="n_rounds")
    check_positive_int(max_cells, field="max_cells")
    rng = make_rng(seed)
    sum_a = counts_a.sum(axis=1)
    sum_b = counts_b.sum(axis=1)
    delta = delta_f1(sum_a, sum_b, zero_division=zero_division)
    n_units = counts_a.shape[1]
    # Swapping a set S of units moves sum over S of (b - a) from b to a: one matrix
    # product per chunk. float64 is exact for integer counts (small integers); credits (the
    # partial mode) stay floats.
    difference = (counts_b - counts_a).T.astype(np.float64)
    integral = counts_a.dtype.kind in "iu" and counts_b.dtype.kind in "iu"
    n_extreme = 0
    for rows in chunk_rows(n_rounds, n_units, max_cells=max_cells):
        swaps = (rng.random((rows, n_units)) < 0.5).astype(np.float64)
        moved = swaps @ difference
        if integral:
            moved = np.rint(moved).astype(np.int64)
        f1_a = f1_rows(sum_a + moved, zero_division=zero_division)
        f1_b = f1_rows(sum_b - moved, zero_division=zero_division)
        n_extreme += int(np.count_nonzero(np.abs(f1_b - f1_a) >= abs(delta) - TIE_TOLERANCE))
    return RandomizationResult(
        delta=delta,
        p_value=(n_extreme + 1) / (n_rounds + 1),
        n_at_least_as_extreme=n_extreme,
        n_rounds=n_rounds,
        seed=seed,
    )
