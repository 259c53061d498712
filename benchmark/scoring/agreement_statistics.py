"""The agreement statistics as functions of summed counts: ONE formula each, vectorised.

Every agreement row (:mod:`benchmark.scoring.agreement`) keeps its counts per document; its
statistic is a function of their column sums. The functions here take an ``(m, k)`` array of
``m`` sums of the ``k`` count columns and return ``m`` values: the point estimate is the
function of the one row of totals, a bootstrap resample (:mod:`benchmark.stats.agreement`) the
function of the resampled sums, so both use the same formula. An undefined value is NaN.

- ``f1``: columns (tp, fp, fn); 2tp / (2tp + fp + fn) (:func:`benchmark.scoring.metrics.f1`,
  vectorised for resamples by :func:`benchmark.stats.counts.f1_rows`). Pairwise F1 agreement is
  symmetric in the two passes (Hripcsak and Rothschild 2005).
- ``kappa``: columns the L x L cells of a contingency table, row-major (first pass's label,
  second pass's label), labels in a fixed order. Cohen's kappa (p_o - p_e) / (1 - p_e) with
  p_o the share of pairs on the diagonal and p_e the sum over labels of the product of the two
  passes' shares; undefined (NaN) without pairs or when p_e = 1 (one label used throughout).
  It equals scikit-learn's ``cohen_kappa_score`` (a test checks it).
- ``share``: columns (agreeing, compared); agreeing / compared, NaN when nothing is compared.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType

import numpy as np

F1 = "f1"
"""Statistic name: pairwise F1 from (tp, fp, fn)."""
KAPPA = "kappa"
"""Statistic name: Cohen's kappa from a flattened contingency table."""
SHARE = "share"
"""Statistic name: agreeing / compared."""


def kappa_rows(sums: np.ndarray) -> np.ndarray:
    """Return Cohen's kappa per row of flattened L x L contingency sums (NaN if undefined)."""
    sums = np.asarray(sums, dtype=np.float64)
    size = math.isqrt(sums.shape[1])
    if size * size != sums.shape[1]:
        raise ValueError(f"{sums.shape[1]} cells do not make a square contingency table")
    tables = sums.reshape(-1, size, size)
    n = tables.sum(axis=(1, 2))
    with np.errstate(invalid="ignore", divide="ignore"):
        observed = np.trace(tables, axis1=1, axis2=2) / n
        expected = (tables.sum(axis=2) * tables.sum(axis=1)).sum(axis=1) / (n * n)
        kappa = (observed - expected) / (1 - expected)
    # p_e = 1 up to rounding: one label throughout, kappa undefined (not 0/0 noise).
    kappa[~(n > 0) | np.isclose(expected, 1.0, rtol=0.0, atol=1e-12)] = np.nan
    return kappa


def share_rows(sums: np.ndarray) -> np.ndarray:
    """Return agreeing / compared per row of (agreeing, compared) sums (NaN if 0 compared)."""
    sums = np.asarray(sums, dtype=np.float64)
    out = np.full(sums.shape[0], np.nan)
    np.divide(sums[:, 0], sums[:, 1], out=out, where=sums[:, 1] > 0)
    return out


RATIO_STATISTICS: Mapping[str, Callable[[np.ndarray], np.ndarray]] = MappingProxyType(
    {KAPPA: kappa_rows, SHARE: share_rows}
)
"""Statistic name -> its vectorised function, for the statistics this module defines."""


def point(statistic: str, totals: Sequence[int]) -> float | None:
    """Return ``statistic`` (kappa or share) of one row of totals; None when undefined."""
    value = float(RATIO_STATISTICS[statistic](np.asarray([totals], dtype=np.float64))[0])
    return None if math.isnan(value) else value
