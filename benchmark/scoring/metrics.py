"""Precision, recall and F1 from raw counts: the ONE place where they are derived.

Zero-division policy (named, seqeval/scikit-learn style keyword ``zero_division``): a ratio
whose denominator is zero is :data:`ZERO_DIVISION` (0.0). So an empty prediction has precision
0.0 and recall 0.0 (not 1.0 and not NaN), and a subtask with no gold and no prediction items
scores 0.0 everywhere. F1 is 2tp / (2tp + fp + fn), which equals the harmonic mean of precision
and recall whenever that is defined, and is 0.0 when tp = 0.
"""

from __future__ import annotations

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


def prf(
    tp: int, fp: int, fn: int, *, zero_division: float = ZERO_DIVISION
) -> tuple[float, float, float]:
    """Return ``(precision, recall, f1)`` under the same zero-division policy."""
    return (
        precision(tp, fp, zero_division=zero_division),
        recall(tp, fn, zero_division=zero_division),
        f1(tp, fp, fn, zero_division=zero_division),
    )
