"""The paired sign-flip permutation test of two systems, exact on few differing units.

Under the null hypothesis the two systems are exchangeable: on every unit (a sentence, or the
block of predictions no sentence holds) either system could have produced either output.
Swapping a unit where both systems have the same counts changes nothing, so only the k units
where they differ matter, and the 2^k swap patterns are equally likely under the null.

- k <= :data:`MAX_EXACT_UNITS` (20): every pattern is enumerated; the two-sided p-value is the
  share of patterns with |F1(b') - F1(a')| >= |delta| (ties included), exactly. It is at
  least 2 / 2^k (the observed pattern and its mirror): 0.5 for 2 differing units, 0.25 for 3;
  1.0 when no unit differs.
- k > 20: the approximate randomisation test of :mod:`benchmark.stats.randomization` (random
  patterns, p = (r + 1) / (rounds + 1)).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from benchmark.stats.counts import TIE_TOLERANCE, ZERO_DIVISION, check_pair, delta_f1, f1_rows
from benchmark.stats.randomization import approximate_randomization
from benchmark.stats.resampling import MAX_CELLS_PER_CHUNK

MAX_EXACT_UNITS = 20
"""Largest number of differing units tested exactly (2^20 patterns)."""

EXACT = "exact"
"""Method: every swap pattern enumerated."""
APPROXIMATE = "approximate"
"""Method: random swap patterns (approximate randomisation)."""


@dataclass(frozen=True)
class PermutationResult:
    """Paired permutation test of system b against system a."""

    delta: float
    """Observed micro F1(b) - F1(a)."""
    p_value: float
    """Two-sided p-value (exact share, or (r + 1) / (rounds + 1) when approximate)."""
    method: str
    """``exact`` or ``approximate``."""
    n_differing: int
    """Units on which the two systems' (tp, fp, fn) differ."""
    n_patterns: int
    """Swap patterns evaluated: 2^n_differing (exact) or the rounds drawn (approximate)."""
    n_at_least_as_extreme: int
    """Patterns with |delta'| >= |delta|."""


def differing_units(counts_a: np.ndarray, counts_b: np.ndarray) -> np.ndarray:
    """Return the indices of the units (columns) where the two 3 x n arrays differ."""
    return np.flatnonzero(np.any(counts_a != counts_b, axis=0))


def permutation_test(
    a: Sequence[np.ndarray],
    b: Sequence[np.ndarray],
    *,
    n_rounds: int = 10000,
    seed: int = 0,
    max_exact: int = MAX_EXACT_UNITS,
    zero_division: float = ZERO_DIVISION,
    max_cells: int = MAX_CELLS_PER_CHUNK,
) -> PermutationResult:
    """Two-sided paired permutation test of F1(b) - F1(a); exact when few units differ.

    ``a`` and ``b`` are (tp, fp, fn) triples over the same units; ``n_rounds`` and ``seed``
    are used only by the approximate test (more than ``max_exact`` differing units).
    """
    counts_a, counts_b = check_pair(a, b)
    differing = differing_units(counts_a, counts_b)
    k = len(differing)
    if k > max_exact:
        # swapping the units where both systems agree changes nothing: all units go in
        approximate = approximate_randomization(
            counts_a,
            counts_b,
            n_rounds=n_rounds,
            seed=seed,
            zero_division=zero_division,
            max_cells=max_cells,
        )
        return PermutationResult(
            delta=approximate.delta,
            p_value=approximate.p_value,
            method=APPROXIMATE,
            n_differing=k,
            n_patterns=n_rounds,
            n_at_least_as_extreme=approximate.n_at_least_as_extreme,
        )
    sum_a, sum_b = counts_a.sum(axis=1), counts_b.sum(axis=1)
    delta = delta_f1(sum_a, sum_b, zero_division=zero_division)
    difference = (counts_b - counts_a)[:, differing].T  # k x 3
    n_patterns = 1 << k
    step = max(1, max_cells // max(k, 1))
    n_extreme = 0
    for start in range(0, n_patterns, step):
        codes = np.arange(start, min(start + step, n_patterns), dtype=np.int64)
        swaps = (codes[:, None] >> np.arange(k, dtype=np.int64)) & 1
        moved = swaps @ difference
        f1_a = f1_rows(sum_a + moved, zero_division=zero_division)
        f1_b = f1_rows(sum_b - moved, zero_division=zero_division)
        n_extreme += int(np.count_nonzero(np.abs(f1_b - f1_a) >= abs(delta) - TIE_TOLERANCE))
    return PermutationResult(
        delta=delta,
        p_value=n_extreme / n_patterns,
        method=EXACT,
        n_differing=k,
        n_patterns=n_patterns,
        n_at_least_as_extreme=n_extreme,
    )
