"""Hand-made casualty case: gold and prediction (counts: tests/test_scoring_casualties.py)."""

from __future__ import annotations

from benchmark.dataset.schema import Casualty
from support.documents import annotations, document, span

TEXT = "Almeno 21 persone sono state uccise a Kharkiv ieri. Altri 112 civili sono rimasti feriti."
DOC = document(TEXT)


def record(cid, sentence_id, status, count, qualifier, count_span, victim, group, *,
           location=None, time=None, polarity="positive", certainty="certain",
           count_high=None):  # fmt: skip
    def s(words):
        return None if words is None else span(TEXT, words)

    return Casualty(
        cid, "d1", sentence_id, status, count, count_high, qualifier, s(count_span), None, None,
        s(victim),
        group, s(location), s(time), polarity, certainty, None, None,
    )  # fmt: skip


GOLD = annotations(
    DOC,
    casualties=[
        # 9 slot items: 6 value fields + count_span, location, time
        record("C1", 0, "killed", 21, "at_least", "21", "persone", "people",
               location="Kharkiv", time="ieri"),
        # 7 slot items: 6 value fields + count_span
        record("C2", 1, "injured", 112, "exact", "112", "civili", "civilians"),
    ],
)  # fmt: skip
PRED = annotations(
    DOC,
    casualties=[
        # victim "21 persone" only overlaps; location "a Kharkiv" only overlaps; time missing.
        # 8 slot items: 6 values + count_span + location
        record("Q1", 0, "killed", 21, "at_least", "21", "21 persone", "people",
               location="a Kharkiv"),
        # victim exact, qualifier wrong. 7 slot items
        record("Q2", 1, "injured", 112, "approximate", "112", "civili", "civilians"),
        # spurious record, count null. 5 slot items (status, qualifier, group, polarity,
        # certainty)
        record("Q3", 1, "killed", None, "unquantified", None, "Altri", "people",
               certainty="uncertain"),
    ],
)  # fmt: skip
