"""Precision, recall and F1 from raw counts: the ONE place where they are derived.

Zero-division policy (named, seqeval/scikit-learn style keyword ``zero_division``): a ratio
whose denominator is zero is :data:`ZERO_DIVISION` (0.0). So an empty prediction has precision
0.0 and recall 0.0 (not 1.0 and not NaN), and a subtask with no gold and no prediction items
scores 0.0 everywhere. F1 is 2tp / (2tp + fp + fn), which equals the harmonic mean of precision
and recall whenever that is defined, and is 0.0 when tp = 0.

Macro-F1 (:func:`macro_f1`) is the unweighted mean of the per-type F1 values of a typed
subtask, over the types that occur in the gold or in the prediction (a type absent from both
has no F1 and is left out, like the per-type rows of the results); micro-F1 is :func:`f1` of
the summed counts. Counts may be fractional (credits of the partial mode).
"""

from __future__ import annotations

from collections.abc import Iterable

ZERO_DIVISION = 0.0
"""Value of a ratio whose denominator is zero (the project's named policy)."""


def precision(tp: int, fp: int, *, zero_division: float = ZERO_DIVISION) -> float:
    """Return tp / (tp + fp), or ``zero_division`` when nothing was predicted."""
    return tp / (tp + fp) if tp + fp else float(zero_division)


def recall(tp: int, fn: int, *, zero_division: float = ZERO_DIVISION) -> float:
    """Return tp / (tp + fn), or ``zero_division`` when there is no gold item."""
    return tp / (tp + fn) if tp + fn else float(zero_division)


def f1(tp: int, fp: int, fn: int, *, zero_division: float = ZERO_DIVISION) -> float:
    """Return 2tp / (2tp + fp + fn), or ``zero_division`` when all three counts are 0."""
    denominator = 2 * tp + fp + fn
    return 2 * tp / denominator if denominator else float(zero_division)


def macro_f1(
    counts: Iterable[tuple[float, float, float]], *, zero_division: float = ZERO_DIVISION
) -> float | None:
    """Return the mean F1 over the ``(tp, fp, fn)`` triples that are not all zero, or None."""
    values = [
        f1(tp, fp, fn, zero_division=zero_division) for tp, fp, fn in counts if tp or fp or fn
    ]
    return sum(values) / len(values) if values else None


def prf(
    tp: int, fp: int, fn: int, *, zero_division: float = ZERO_DIVISION
) -> tuple[float, float, float]:
    """Return ``(precision, recall, f1)`` under the same zero-division policy."""
    return (
        precision(tp, fp, zero_division=zero_division),
        recall(tp, fn, zero_division=zero_division),
        f1(tp, fp, fn, zero_division=zero_division),
    )
