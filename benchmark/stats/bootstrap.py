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


@dataclass(frozen=True)
class PairedBootstrapResult:
    """Paired bootstrap comparison of system b against system a."""

    delta: float
    """Observed micro F1(b) - F1(a) on the whole sample."""
    p_value: float
    """One-sided p-value in the direction of ``delta`` (Berg-Kirkpatrick et al. 2012)."""
    ci_low: float
    """Lower end of the percentile interval of the delta."""
    ci_high: float
    """Upper end of the percentile interval of the delta."""
    n_at_least_as_extreme: int
    """Resamples with delta_i at least 2 x delta (in the direction of delta)."""
    n_resamples: int
    """Number of bootstrap resamples drawn."""
    seed: int
    """Seed of the PCG64 generator."""
    confidence: float
    """Coverage of the interval, e.g. 0.95."""


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
) -> tuple[float, float]:
    """Return the percentile bootstrap interval (lo, hi) of micro F1.

    Each resample draws ``n_units`` sentence units uniformly with replacement,
    sums their (tp, fp, fn) and computes F1. The interval is the
    (1 - confidence) / 2 and (1 + confidence) / 2 quantiles of the resampled F1
    values (numpy's default linear interpolation). With one unit, or with all
    units identical, every resample has the point F1, and so does the interval.
    """
    counts = check_counts((tp, fp, fn), name="counts")
    check_confidence(confidence)
    sums = bootstrap_sums(counts, n_resamples=n_resamples, seed=seed, max_cells=max_cells)
    return percentile_interval(f1_rows(sums, zero_division=zero_division), confidence=confidence)


def paired_bootstrap(
    a: Sequence[np.ndarray],
    b: Sequence[np.ndarray],
    *,
    n_resamples: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
    zero_division: float = ZERO_DIVISION,
    max_cells: int = MAX_CELLS_PER_CHUNK,
) -> PairedBootstrapResult:
    """Compare b with a by resampling the same sentence units for both.

    ``a`` and ``b`` are (tp, fp, fn) triples over the SAME units in the same
    order. Resample i gives delta_i = F1(b_i) - F1(a_i); the interval is the
    percentile interval of the delta_i.

    p-value, after Berg-Kirkpatrick, Burkett and Klein (2012, sec. 2): the
    delta_i are centred on the observed delta, not on 0; shifting them by delta
    approximates the null distribution, so the p-value is the share of
    resamples with delta_i - delta >= delta, i.e. delta_i >= 2 delta (mirrored,
    delta_i <= 2 delta, when delta < 0). It is one-sided, in the direction of
    the observed difference: it asks whether the observed winner's margin could
    come from sampling alone. We prefer it to the share of resamples in which
    the winner loses (Koehn 2004), which measures the sign of a distribution
    centred on delta rather than a tail of a null centred on 0. Ties count as
    at least as extreme, so identical systems get p = 1 (BK 2012 write a strict
    ">", which would give them p = 0). The p-value is (count + 1) /
    (n_resamples + 1), never 0 (Davison and Hinkley 1997, sec. 4.2).
    """
    counts_a, counts_b = check_pair(a, b)
    check_confidence(confidence)
    delta = delta_f1(counts_a.sum(axis=1), counts_b.sum(axis=1), zero_division=zero_division)
    sums = bootstrap_sums(
        np.concatenate([counts_a, counts_b]),
        n_resamples=n_resamples,
        seed=seed,
        max_cells=max_cells,
    )
    f1_a = f1_rows(sums[:, :3], zero_division=zero_division)
    f1_b = f1_rows(sums[:, 3:], zero_division=zero_division)
    deltas = f1_b - f1_a
    if delta >= 0:
        n_extreme = int(np.count_nonzero(deltas >= 2 * delta - TIE_TOLERANCE))
    else:
        n_extreme = int(np.count_nonzero(deltas <= 2 * delta + TIE_TOLERANCE))
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
