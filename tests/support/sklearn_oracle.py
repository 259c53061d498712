"""scikit-learn's P/R/F1 of the uncertain class: the oracle of the ``hedges/uncertain`` subtask."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sklearn.metrics import precision_recall_fscore_support

from benchmark.scoring.metrics import ZERO_DIVISION

SentenceLabels = Mapping[tuple[str, int], bool]
"""Sentence-level ``uncertain`` labels by (doc_id, sentence_id)."""


def sklearn_uncertain_prf(
    gold: SentenceLabels, pred: SentenceLabels, *, units: Iterable[tuple[str, int]]
) -> tuple[float, float, float]:
    """Return P/R/F1 of the uncertain class over ``units`` computed by scikit-learn."""
    units = list(units)
    y_true = [bool(gold.get(unit, False)) for unit in units]
    y_pred = [bool(pred.get(unit, False)) for unit in units]
    p, r, f, _ = precision_recall_fscore_support(
        y_true,
        y_pred,
        labels=[False, True],
        pos_label=True,
        average="binary",
        zero_division=ZERO_DIVISION,
    )
    return float(p), float(r), float(f)
