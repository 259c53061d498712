"""Micro P/R/F1 from (tp, fp, fn) counts, and checks of per-unit count arrays."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from benchmark.errors import DataError
from benchmark.scoring.metrics import ZERO_DIVISION, prf

__all__ = ["ZERO_DIVISION", "check_counts", "check_pair", "delta_f1", "f1_from_counts", "f1_rows"]

TIE_TOLERANCE = 1e-12
"""F1 deltas closer than this count as equal: ratios of different integer sums
that are equal as fractions can differ in the last bit once subtracted."""


def f1_from_counts(
    tp: np.ndarray | int,
    fp: np.ndarray | int,
    fn: np.ndarray | int,
    *,
    zero_division: float = ZERO_DIVISION,
) -> tuple[float, float, float]:
    """Sum the counts and return micro (precision, recall, F1).

    The ratios come from :func:`benchmark.scoring.metrics.prf`, the one place
    where the project derives them: a zero denominator gives ``zero_division``,
    and F1 is 2tp / (2tp + fp + fn), so it is 0 (not ``zero_division``) when
    tp = 0 but fp + fn > 0.
    """
    tp_sum, fp_sum, fn_sum = (_total(x) for x in (tp, fp, fn))
    precision, recall, f1 = prf(tp_sum, fp_sum, fn_sum, zero_division=zero_division)
    return float(precision), float(recall), float(f1)


def _total(values: np.ndarray | int | float) -> int | float:
    """Sum counts: an int for integer counts, a float for credits."""
    array = np.asarray(values)
    return int(array.sum()) if array.dtype.kind in "iub" else float(array.sum())


def f1_rows(sums: np.ndarray, *, zero_division: float) -> np.ndarray:
    """Micro F1 of each row of an (m, 3) array of summed (tp, fp, fn).

    The formula and zero-division rule of :func:`benchmark.scoring.metrics.f1`,
    vectorised over resamples (a test checks that the two agree).
    """
    tp, fp, fn = (sums[:, i].astype(np.float64) for i in range(3))
    denominator = 2 * tp + fp + fn
    out = np.full(denominator.shape, zero_division, dtype=np.float64)
    np.divide(2 * tp, denominator, out=out, where=denominator > 0)
    return out


def delta_f1(sum_a: np.ndarray, sum_b: np.ndarray, *, zero_division: float) -> float:
    """F1(b) - F1(a) from summed (tp, fp, fn), computed exactly as for resamples."""
    f1s = f1_rows(np.stack([sum_a, sum_b]), zero_division=zero_division)
    return float(f1s[1] - f1s[0])


def check_counts(counts: Sequence[np.ndarray], *, name: str) -> np.ndarray:
    """Return a (tp, fp, fn) triple as a 3 x n_units array, or raise DataError.

    int64 when every count is an integer; float64 when any array holds credits (the partial
    match mode's fractional true positives), which must be finite.
    """
    if len(counts) != 3:
        raise DataError(f"expected a (tp, fp, fn) triple, got {len(counts)} arrays", field=name)
    arrays = []
    for label, values in zip(("tp", "fp", "fn"), counts, strict=True):
        array = np.asarray(values)
        if array.ndim != 1 or array.dtype.kind not in "iuf":
            raise DataError(
                f"expected a 1-D array of counts, got {array.ndim}-D {array.dtype}",
                field=f"{name}.{label}",
            )
        if array.dtype.kind == "f" and not np.all(np.isfinite(array)):
            raise DataError("counts must be finite", field=f"{name}.{label}")
        if array.size and array.min() < 0:
            raise DataError("counts must be >= 0", field=f"{name}.{label}")
        arrays.append(array)
    dtype = np.float64 if any(array.dtype.kind == "f" for array in arrays) else np.int64
    arrays = [array.astype(dtype) for array in arrays]
    if len({array.shape for array in arrays}) != 1:
        shapes = ", ".join(str(array.shape[0]) for array in arrays)
        raise DataError(f"tp, fp and fn must have the same length, got {shapes}", field=name)
    if arrays[0].size == 0:
        raise DataError("no units: at least one sentence unit is needed", field=name)
    return np.stack(arrays)


def check_pair(a: Sequence[np.ndarray], b: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Check two systems' triples and that they cover the same number of units."""
    counts_a = check_counts(a, name="a")
    counts_b = check_counts(b, name="b")
    if counts_a.shape != counts_b.shape:
        raise DataError(
            f"a has {counts_a.shape[1]} units, b has {counts_b.shape[1]}: "
            "paired tests need counts over the same units",
            field="b",
        )
    return counts_a, counts_b
