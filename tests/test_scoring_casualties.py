"""Hand-computed casualty scores, both match modes (counts worked out in the comments)."""

from __future__ import annotations

import pytest
from scoring_helpers import annotations, counts, document, span

from benchmark.schema import Casualty
from benchmark.scoring import score
from benchmark.scoring.report import Counts

TEXT = "Almeno 21 persone sono state uccise a Kharkiv ieri. Altri 112 civili sono rimasti feriti."
DOC = document(TEXT)


def record(cid, sentence_id, status, count, qualifier, count_span, victim, group, *,
           location=None, time=None, polarity="positive", certainty="certain"):  # fmt: skip
    def s(words):
        return None if words is None else span(TEXT, words)

    return Casualty(
        cid, "d1", sentence_id, status, count, qualifier, s(count_span), None, None, s(victim),
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


@pytest.fixture(scope="module")
def report():
    return score(GOLD, PRED, attempted={"casualties"})


@pytest.mark.parametrize(
    ("subtask", "mode", "expected"),
    [
        # victim: exact only Q2=C2; overlap Q1=C1 too; Q3 ("Altri") overlaps nothing
        ("victim", "exact", (1, 2, 1)),
        ("victim", "overlap", (2, 1, 0)),
        # record: exact Q1 victim differs, Q2 qualifier differs -> nothing
        ("record", "exact", (0, 3, 2)),
        # overlap: Q1 = C1 (killed, 21, at_least, victim overlaps); Q2 still wrong qualifier
        ("record", "overlap", (1, 2, 1)),
        # slots exact: only Q2 aligned (to C2): 6 of its 7 agree (not the qualifier).
        # fp = 20 predicted items - 6; fn = 16 gold items - 6
        ("slots", "exact", (6, 14, 10)),
        # slots overlap: Q1->C1 all 8 agree (location overlaps), Q2->C2 6 agree.
        # fp: Q2 qualifier + Q3's 5 = 6; fn: C1 time + C2 qualifier = 2
        ("slots", "overlap", (14, 6, 2)),
    ],
)
def test_counts(report, subtask, mode, expected):
    assert counts(report, "casualties", subtask, mode) == expected


def test_slot_breakdown_exact(report):
    per_field = report.get("casualties", "slots", "exact").per_type
    assert per_field == {
        "certainty": Counts(1, 2, 1),  # Q2 right; Q1 unaligned, Q3 spurious; C1 missed
        "count": Counts(1, 1, 1),  # Q2 right; Q1 unaligned (Q3 has no count); C1 missed
        "count_qualifier": Counts(0, 3, 2),  # Q2 wrong, Q1 unaligned, Q3 spurious
        "count_span": Counts(1, 1, 1),
        "location": Counts(0, 1, 1),  # Q1 unaligned
        "polarity": Counts(1, 2, 1),
        "status": Counts(1, 2, 1),
        "time": Counts(0, 0, 1),  # C1 time, nobody predicted one
        "victim_group": Counts(1, 2, 1),
    }


def test_slot_breakdown_overlap(report):
    per_field = report.get("casualties", "slots", "overlap").per_type
    assert per_field["location"] == Counts(1, 0, 0)  # "a Kharkiv" overlaps "Kharkiv"
    assert per_field["time"] == Counts(0, 0, 1)  # predicted null for a gold value: fn
    assert per_field["count_qualifier"] == Counts(1, 2, 1)  # Q1 right; Q2 wrong; Q3 spurious
    assert per_field["count"] == Counts(2, 0, 0)  # Q3's null count is no item


def test_record_per_type(report):
    assert report.get("casualties", "record", "overlap").per_type == {
        "injured": Counts(0, 1, 1),  # Q2 wrong qualifier, C2 missed
        "killed": Counts(1, 1, 0),  # Q1=C1, Q3 spurious
    }


def test_slot_ids(report):
    result = report.get("casualties", "slots", "overlap")
    assert result.missed == (("d1", "C1/time"), ("d1", "C2/count_qualifier"))
    assert ("d1", "C1/location", "Q1/location") in result.matched
