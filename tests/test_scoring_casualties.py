"""Hand-computed casualty scores, both match modes (counts worked out in the comments)."""

from __future__ import annotations

import pytest
from support.casualty_case import DOC, GOLD, PRED, TEXT, record
from support.documents import annotations, counts

from benchmark.dataset.schema import Casualty, Span
from benchmark.scoring import score
from benchmark.scoring.scores import Counts


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
        # slot items carry the victim span. Exact: Q1's victim "21 persone" is not C1's
        # "persone", Q3's "Altri" is nobody's: only Q2 (victim "civili" = C2's) can match,
        # and 6 of its 7 items agree (not the qualifier). fp = 20 predicted - 6; fn = 16 - 6
        ("slots", "exact", (6, 14, 10)),
        # slots overlap: Q1's victim overlaps C1's only: all 8 of its items agree with C1's
        # (location "a Kharkiv" overlaps "Kharkiv"); Q2 with C2: 6 agree; "Altri" overlaps no
        # victim. fp: Q2 qualifier + Q3's 5 = 6; fn: C1 time + C2 qualifier = 2
        ("slots", "overlap", (14, 6, 2)),
    ],
)
def test_counts(report, subtask, mode, expected):
    assert counts(report, "casualties", subtask, mode) == expected


def test_slot_breakdown_exact(report):
    per_field = report.get("casualties", "slots", "exact").per_type
    assert per_field == {
        # "Q1 victim" = Q1's victim span is not exact, so none of its items matches
        "certainty": Counts(1, 2, 1),  # Q2 right; Q1 victim, Q3 spurious; C1 missed
        "count": Counts(1, 1, 1),  # Q2 right; Q1 victim (Q3 has no count); C1 missed
        "count_qualifier": Counts(0, 3, 2),  # Q2 wrong, Q1 victim, Q3 spurious
        "count_span": Counts(1, 1, 1),
        "location": Counts(0, 1, 1),  # Q1 victim
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


def test_exact_slot_survives_overlap_mode():
    # Victims by offsets: C1 "Almeno 21" (0, 9), C2 "21 persone" (7, 17); Q1 = C1 exactly,
    # Q2 "Almeno" (0, 6). Counts: C1 and Q1 21, C2 and Q2 5. Every other field is the same
    # in all four records (killed, exact, people, positive, certain): 6 slot items each.
    def simple(cid, victim, count):
        start, end = victim
        return Casualty(
            cid, "d1", 0, "killed", count, None, "exact", None, None, None,
            Span(start, end, TEXT[start:end]), "people", None, None, "positive", "certain",
            None, None,
        )  # fmt: skip

    gold = annotations(DOC, casualties=[simple("C1", (0, 9), 21), simple("C2", (7, 17), 5)])
    pred = annotations(DOC, casualties=[simple("Q1", (0, 9), 21), simple("Q2", (0, 6), 5)])
    report = score(gold, pred, attempted={"casualties"})
    # victim overlap: Q1 overlaps C1 and C2 ("21"), Q2 only C1: the maximum matching is
    # Q1-C2 + Q2-C1 (2 pairs), which breaks the exact pair Q1-C1
    assert report.get("casualties", "victim", "overlap").matched == (
        ("d1", "C1", "Q2"),
        ("d1", "C2", "Q1"),
    )
    # slots exact: Q1's 6 items equal C1's; Q2's victim is not exact: (6, 6, 6)
    assert counts(report, "casualties", "slots", "exact") == (6, 6, 6)
    # slots overlap, per field: the 5 shared-value fields pair Q1-C2 and Q2-C1 (2 each,
    # 10); count 21: Q1 (0, 9) with C1 (0, 9); count 5: Q2 (0, 6) and C2 (7, 17) do not
    # overlap. tp 11, fp 1 (Q2/count), fn 1 (C2/count)
    assert counts(report, "casualties", "slots", "overlap") == (11, 1, 1)
    # the count of Q1 matches in both modes (through the victim alignment it went to C2's
    # count 5 in overlap mode: exact 1 > overlap 0)
    for mode in ("exact", "overlap"):
        per_field = report.get("casualties", "slots", mode).per_type
        assert per_field["count"] == Counts(1, 1, 1)


def test_the_upper_bound_of_a_range_is_part_of_the_record():
    # Gold: C1 "persone" 21-30 (range), C2 "civili" 112 exact. Prediction: Q1 same victim and
    # count but upper bound 40; Q2 = C2 exactly. record: Q2 only -> tp 1, fp 1, fn 1.
    # slots (exact): C1 has 7 value slots + count_span (count_high is one of them), Q1 the
    # same with count_high 40: 7 matched, count_high fn 1 and fp 1; C2 and Q2: 7 each, matched.
    gold = annotations(
        DOC,
        casualties=[
            record("C1", 0, "killed", 21, "range", "21", "persone", "people", count_high=30),
            record("C2", 1, "injured", 112, "exact", "112", "civili", "civilians"),
        ],
    )
    pred = annotations(
        DOC,
        casualties=[
            record("Q1", 0, "killed", 21, "range", "21", "persone", "people", count_high=40),
            record("Q2", 1, "injured", 112, "exact", "112", "civili", "civilians"),
        ],
    )
    report = score(gold, pred, attempted={"casualties"})
    assert counts(report, "casualties", "record", "exact") == (1, 1, 1)
    assert counts(report, "casualties", "slots", "exact") == (14, 1, 1)
    per_field = report.get("casualties", "slots", "exact").per_type
    assert per_field["count_high"] == Counts(0, 1, 1)
    assert per_field["count"] == Counts(2, 0, 0)
