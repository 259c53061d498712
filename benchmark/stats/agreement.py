"""Percentile bootstrap intervals of the agreement statistics, resampling documents.

An agreement row (:mod:`benchmark.scoring.agreement`, :mod:`benchmark.scoring.agreement_links`)
keeps its counts per document. A resample draws as many documents as there are, uniformly with
replacement (:func:`benchmark.stats.resampling.bootstrap_sums`, seeded PCG64), sums their counts
and applies the row's statistic (pairwise F1, Cohen's kappa, share of agreeing links) to the
sums; the interval is the (1 - c) / 2 and (1 + c) / 2 quantiles of the resampled values. Units
are documents, not sentences: the items of one passage (one writer, one event) are not
independent, and the passages were sampled as wholes. Resamples in which the statistic is
undefined (F1 of a resample without any item, kappa over one label, a share of nothing) are
left out; with fewer than two
documents, or with an undefined point estimate, there is no interval (None). The same seed is
used for every row, so every row of a comparison is resampled over the same documents.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

import numpy as np

from benchmark.scoring.agreement_counts import DocumentCounts
from benchmark.scoring.agreement_statistics import F1, KAPPA, SHARE, kappa_rows, share_rows
from benchmark.stats.counts import ZERO_DIVISION, f1_rows
from benchmark.stats.resampling import (
    MAX_CELLS_PER_CHUNK,
    bootstrap_sums,
    check_confidence,
    percentile_interval,
)


def _f1_or_nan(sums: np.ndarray) -> np.ndarray:
    """Return F1 per row of (tp, fp, fn) sums; NaN for a resample with no item at all."""
    values = f1_rows(sums, zero_division=ZERO_DIVISION)
    values[sums.sum(axis=1) == 0] = np.nan
    return values


RESAMPLED: Mapping[str, Callable[[np.ndarray], np.ndarray]] = MappingProxyType(
    {F1: _f1_or_nan, KAPPA: kappa_rows, SHARE: share_rows}
)
"""Statistic name -> its function of summed counts, vectorised over resamples."""

N_RESAMPLES = 1000
"""Default number of resamples."""
SEED = 0
"""Default seed."""
CONFIDENCE = 0.95
"""Default coverage."""


def document_interval(
    counts: DocumentCounts,
    statistic: str,
    *,
    n_resamples: int = N_RESAMPLES,
    seed: int = SEED,
    confidence: float = CONFIDENCE,
) -> tuple[float, float] | None:
    """Return the percentile interval of ``statistic`` over resampled documents, or None."""
    check_confidence(confidence)
    if len(counts.doc_ids) < 2:
        return None
    matrix = np.asarray(counts.rows, dtype=np.int64).T.reshape(len(counts.columns), -1)
    sums = bootstrap_sums(matrix, n_resamples=n_resamples, seed=seed, max_cells=MAX_CELLS_PER_CHUNK)
    values = RESAMPLED[statistic](sums)
    values = values[~np.isnan(values)]
    if values.size == 0:
        return None
    return percentile_interval(values, confidence=confidence)


def row_interval(
    row: object,
    *,
    n_resamples: int = N_RESAMPLES,
    seed: int = SEED,
    confidence: float = CONFIDENCE,
) -> tuple[float, float] | None:
    """Return the interval of one agreement row (None when its point estimate is undefined)."""
    value = {F1: "f1", KAPPA: "kappa", SHARE: "share"}[row.statistic]
    if getattr(row, value) is None or row.counts is None:
        return None
    return document_interval(
        row.counts, row.statistic, n_resamples=n_resamples, seed=seed, confidence=confidence
    )
