"""benchmark.scoring.agreement_counts: per-document counts of the agreement rows."""

from benchmark.scoring.agreement_counts import DocumentCounts, by_document
from benchmark.scoring.scores import PerUnit


def test_per_sentence_counts_are_summed_per_document():
    per_unit = PerUnit(
        units=(("d1", 0), ("d1", 1), ("d2", 0), ("d2", -1)),
        tp=(1, 2, 0, 0),
        fp=(0, 1, 1, 2),
        fn=(3, 0, 1, 0),
    )
    counts = by_document(per_unit, ["d1", "d2", "d3"])
    assert counts.columns == ("tp", "fp", "fn")
    assert counts.rows == ((3, 1, 3), (0, 3, 1), (0, 0, 0))  # d3: no unit, zeros
    assert counts.totals() == (3, 4, 4)


def test_no_per_unit_counts_gives_zeros():
    counts = by_document(None, ["d1"])
    assert counts.rows == ((0, 0, 0),)


def test_totals_of_no_document():
    assert DocumentCounts((), ("agreeing", "compared"), ()).totals() == (0, 0)
