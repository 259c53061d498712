"""Percentile bootstrap CI of micro F1, and the paired bootstrap test of two systems."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from benchmark.stats.counts import (
    TIE_TOLERANCE,
    ZERO_DIVISION,
    check_counts,
    check_pair,
    delta_f1,
    f1_rows,
)
from benchmark.stats.resampling import (
    MAX_CELLS_PER_CHUNK,
    bootstrap_sums,
    check_confidence,
    percentile_interval,
)

Fixed = Sequence[np.ndarray] | None
"""Counts added to every resample and never resampled (the predictions no sentence holds)."""


@dataclass(frozen=True)
class PairedBootstrapResult:
    """Paired bootstrap comparison of system b against system a."""

    delta: float
    """Observed micro F1(b) - F1(a) on the whole sample."""
    p_value: float
    """Two-sided p-value: (resamples with |delta_i - delta| >= |delta|, + 1) / (B + 1)."""
    ci_low: float
    """Lower end of the percentile interval of the delta."""
    ci_high: float
    """Upper end of the percentile interval of the delta."""
    n_at_least_as_extreme: int
    """Resamples with |delta_i - delta| >= |delta| (the shifted null at least as extreme)."""
    n_resamples: int
    """Number of bootstrap resamples drawn."""
    seed: int
    """Seed of the PCG64 generator."""
    confidence: float
    """Coverage of the interval, e.g. 0.95."""

    @property
    def at_floor(self) -> bool:
        """True when no resample was as extreme: p is its floor 1 / (B + 1), a bound only."""
        return self.n_at_least_as_extreme == 0


def bootstrap_ci(
    tp: np.ndarray,
    fp: np.ndarray,
    fn: np.ndarray,
    *,
    n_resamples: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
    zero_division: float = ZERO_DIVISION,
    max_cells: int = MAX_CELLS_PER_CHUNK,
    fixed: Fixed = None,
) -> tuple[float, float]:
    """Return the percentile bootstrap interval (lo, hi) of micro F1.

    Each resample draws ``n_units`` sentence units uniformly with replacement,
    sums their (tp, fp, fn), adds the ``fixed`` (tp, fp, fn) when given, and
    computes F1. The interval is the (1 - confidence) / 2 and (1 + confidence) / 2
    quantiles of the resampled F1 values (numpy's default linear interpolation).
    With one unit, or with all units identical, every resample has the point F1,
    and so does the interval.
    """
    counts = check_counts((tp, fp, fn), name="counts")
    check_confidence(confidence)
    sums = bootstrap_sums(counts, n_resamples=n_resamples, seed=seed, max_cells=max_cells)
    sums = sums + _fixed_sums(fixed, name="fixed")
    return percentile_interval(f1_rows(sums, zero_division=zero_division), confidence=confidence)


def _fixed_sums(fixed: Fixed, *, name: str) -> np.ndarray:
    """Return the summed fixed (tp, fp, fn), zeros when there are none."""
    if fixed is None:
        return np.zeros(3, dtype=np.int64)
    return check_counts(fixed, name=name).sum(axis=1)


def paired_bootstrap(
    a: Sequence[np.ndarray],
    b: Sequence[np.ndarray],
    *,
    n_resamples: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
    zero_division: float = ZERO_DIVISION,
    max_cells: int = MAX_CELLS_PER_CHUNK,
    fixed_a: Fixed = None,
    fixed_b: Fixed = None,
) -> PairedBootstrapResult:
    """Compare b with a by resampling the same sentence units for both.

    ``a`` and ``b`` are (tp, fp, fn) triples over the SAME units in the same
    order; ``fixed_a`` / ``fixed_b`` are counts added to every resample of that
    system (its predictions that no sentence holds: they are part of the system's
    output, not a sentence of the sample). Resample i gives delta_i = F1(b_i) -
    F1(a_i); the interval is the percentile interval of the delta_i.

    p-value, after Berg-Kirkpatrick, Burkett and Klein (2012, sec. 2): the
    delta_i are centred on the observed delta, not on 0; shifting them by delta
    approximates the null distribution. Two-sided: the p-value is the share of
    resamples with |delta_i - delta| >= |delta| (ties included, so identical
    systems get p = 1). It is (count + 1) / (n_resamples + 1), never 0 (Davison
    and Hinkley 1997, sec. 4.2); when no resample is as extreme the p-value is
    that floor, a bound rather than an estimate (:attr:`PairedBootstrapResult.
    at_floor`). With few differing sentences the resamples take few distinct
    values: the exact permutation test (:mod:`benchmark.stats.permutation`) is the
    one to read then.
    """
    counts_a, counts_b = check_pair(a, b)
    check_confidence(confidence)
    extra_a, extra_b = _fixed_sums(fixed_a, name="fixed_a"), _fixed_sums(fixed_b, name="fixed_b")
    delta = delta_f1(
        counts_a.sum(axis=1) + extra_a, counts_b.sum(axis=1) + extra_b, zero_division=zero_division
    )
    sums = bootstrap_sums(
        np.concatenate([counts_a, counts_b]),
        n_resamples=n_resamples,
        seed=seed,
        max_cells=max_cells,
    )
    f1_a = f1_rows(sums[:, :3] + extra_a, zero_division=zero_division)
    f1_b = f1_rows(sums[:, 3:] + extra_b, zero_division=zero_division)
    deltas = f1_b - f1_a
    n_extreme = int(np.count_nonzero(np.abs(deltas - delta) >= abs(delta) - TIE_TOLERANCE))
    ci_low, ci_high = percentile_interval(deltas, confidence=confidence)
    return PairedBootstrapResult(
        delta=delta,
        p_value=(n_extreme + 1) / (n_resamples + 1),
        ci_low=ci_low,
        ci_high=ci_high,
        n_at_least_as_extreme=n_extreme,
        n_resamples=n_resamples,
        seed=seed,
        confidence=confidence,
    )
