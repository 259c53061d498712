"""benchmark.stats.agreement: bootstrap intervals of the agreement rows over documents."""

from dataclasses import dataclass

import pytest

from benchmark.scoring.agreement_counts import DocumentCounts
from benchmark.stats.agreement import document_interval, row_interval

F1_COLUMNS = ("tp", "fp", "fn")


def test_one_document_has_no_interval():
    assert document_interval(DocumentCounts(("d1",), F1_COLUMNS, ((1, 0, 0),)), "f1") is None


def test_documents_that_agree_fully_give_a_point_interval():
    # d2 has no item: resamples of d2 alone have no F1 and are left out
    counts = DocumentCounts(("d1", "d2"), F1_COLUMNS, ((2, 0, 0), (0, 0, 0)))
    assert document_interval(counts, "f1", n_resamples=200) == (1.0, 1.0)


def test_the_interval_spans_the_documents_extremes():
    # resampling two documents: d1 twice gives F1 1, d2 twice 0 (tp 0, fp 2), each with
    # probability 1/4, so the 2.5% and 97.5% quantiles are 0 and 1
    counts = DocumentCounts(("d1", "d2"), F1_COLUMNS, ((1, 0, 0), (0, 1, 0)))
    assert document_interval(counts, "f1", n_resamples=1000, seed=0) == (0.0, 1.0)
    assert document_interval(counts, "f1", n_resamples=1000, seed=0) == document_interval(
        counts, "f1", n_resamples=1000, seed=0
    )


def test_a_share_interval():
    counts = DocumentCounts(("d1", "d2", "d3"), ("agreeing", "compared"), ((1, 1),) * 3)
    assert document_interval(counts, "share", n_resamples=100) == (1.0, 1.0)


@dataclass(frozen=True)
class Row:
    statistic: str
    f1: float | None
    counts: DocumentCounts | None


def test_a_row_without_a_point_estimate_has_no_interval():
    counts = DocumentCounts(("d1", "d2"), F1_COLUMNS, ((1, 0, 0), (1, 0, 0)))
    assert row_interval(Row("f1", None, counts)) is None
    assert row_interval(Row("f1", 1.0, None)) is None
    assert row_interval(Row("f1", 1.0, counts), n_resamples=50) == (1.0, 1.0)


def test_a_bad_confidence_is_refused():
    counts = DocumentCounts(("d1", "d2"), F1_COLUMNS, ((1, 0, 0), (1, 0, 0)))
    with pytest.raises(Exception, match="confidence"):
        document_interval(counts, "f1", confidence=1.5)
