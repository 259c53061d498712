"""Hand-computed event scores, both match modes (counts worked out in the comments)."""

from __future__ import annotations

import pytest
from support.documents import annotations, counts, document
from support.event_case import GOLD, PRED

from benchmark.dataset.schema import Argument, Event, Span
from benchmark.scoring import score
from benchmark.scoring.scores import Counts


@pytest.fixture(scope="module")
def report():
    return score(GOLD, PRED, attempted={"events"})


@pytest.mark.parametrize(
    ("subtask", "mode", "expected"),
    [
        # exact: P1=E1, P3=E3; P2 ("bombardato un") and P4 unmatched; E2 missed
        ("trigger_identification", "exact", (2, 2, 1)),
        # overlap: P2 overlaps E2 as well
        ("trigger_identification", "overlap", (3, 1, 0)),
        # types: P1 and P3 right; P2 has the wrong type in both modes
        ("trigger_classification", "exact", (2, 2, 1)),
        ("trigger_classification", "overlap", (2, 2, 1)),
        # items (trigger, argument span, event type): 4 gold (E1 x2, E2, E3), 4 pred (P1 x2,
        # P2, P3). Exact: P1/arg1 = E1/arg1 ("attaccato", "i russi", Attack) and P3/arg1 =
        # E3/arg1 ("morto", "Nessuno", Die); P1/arg2 "Kharkiv e" is not exact; P2/arg1 has the
        # right argument text but neither its trigger nor its type (Damage) is right
        ("argument_identification", "exact", (2, 2, 2)),
        # overlap: P1/arg2 "Kharkiv e" now overlaps E1/arg2 "Kharkiv" under the same trigger;
        # P2/arg1 still has the wrong type (its trigger overlaps E2's); E2/arg1 missed
        ("argument_identification", "overlap", (3, 1, 1)),
        # roles: P3/arg1 says Target for Victim, so only P1/arg1 in exact ...
        ("argument_classification", "exact", (1, 3, 3)),
        # ... and P1/arg1 + P1/arg2 in overlap
        ("argument_classification", "overlap", (2, 2, 2)),
        # factuality items (trigger, polarity, certainty), untyped: exact P1=E1 right; P3 has
        # E3's trigger but the wrong polarity; P2's trigger is not exact; P4 has no gold
        ("factuality", "exact", (1, 3, 2)),
        # overlap adds P2=E2 ("bombardato un" overlaps "bombardato"; positive, certain: right)
        ("factuality", "overlap", (2, 2, 1)),
    ],
)
def test_counts(report, subtask, mode, expected):
    assert counts(report, "events", subtask, mode) == expected


def test_ratios_and_ids(report):
    result = report.get("events", "trigger_identification", "exact")
    assert result.precision == 0.5  # 2 / 4
    assert result.recall == pytest.approx(2 / 3)
    assert result.f1 == pytest.approx(4 / 7)  # 2*2 / (2*2 + 2 + 1)
    assert result.matched == (("d1", "E1", "P1"), ("d1", "E3", "P3"))
    assert result.missed == (("d1", "E2"),)
    assert result.spurious == (("d1", "P2"), ("d1", "P4"))


def test_per_type(report):
    classification = report.get("events", "trigger_classification", "exact").per_type
    assert classification == {
        "Conflict:Attack": Counts(tp=1, fp=1, fn=1),  # E1=P1; P4 spurious; E2 missed
        "Conflict:Damage": Counts(tp=0, fp=1, fn=0),  # P2
        "Life:Die": Counts(tp=1, fp=0, fn=0),  # E3=P3
    }
    roles = report.get("events", "argument_classification", "overlap").per_type
    assert roles == {
        "Attacker": Counts(1, 0, 0),  # E1/arg1
        "Target": Counts(1, 2, 1),  # E1/arg2 ok; P2/arg1, P3/arg1 fp; E2/arg1 missed
        "Victim": Counts(0, 0, 1),  # E3/arg1
    }


def test_factuality_breakdown(report):
    exact = report.get("events", "factuality", "exact").per_type
    # polarity: P1 right, P3 wrong, P2/P4 no exact trigger; certainty: P1 and P3 right
    assert exact == {"polarity": Counts(1, 3, 2), "certainty": Counts(2, 2, 1)}
    overlap = report.get("events", "factuality", "overlap").per_type
    # P2's trigger overlaps E2's in overlap mode, and P2 is right on both
    assert overlap == {"polarity": Counts(2, 2, 1), "certainty": Counts(3, 1, 0)}


def test_per_unit(report):
    per_unit = report.get("events", "trigger_identification", "exact").per_unit
    assert per_unit.units == (("d1", 0), ("d1", 1))
    # sentence 0: E1=P1 tp; P2, P4 fp; E2 fn.  sentence 1: E3=P3 tp
    assert (per_unit.tp, per_unit.fp, per_unit.fn) == ((1, 1), (2, 0), (1, 0))


def test_other_tasks_not_attempted(report):
    assert report.not_attempted == ("casualties", "attributions", "hedges")
    assert {r.task for r in report.results} == {"events"}


# ---- regressions: arguments and factuality are matched directly, not through one alignment --
WORDS = "uno due tre quattro cinque sei sette otto nove dieci."
WORDS_DOC = document(WORDS)


def bare(event_id, trigger, arguments=(), polarity="positive"):
    """An event of WORDS_DOC; ``trigger`` and argument spans are (start, end) offsets."""
    args = tuple(Argument(role, Span(s, e, WORDS[s:e])) for role, (s, e) in arguments)
    start, end = trigger
    trigger_span = Span(start, end, WORDS[start:end])
    return Event(
        event_id, "d1", 0, trigger_span, "Conflict:Attack", args, polarity, "certain", None
    )


def test_exact_argument_pair_survives_overlap_mode():
    # E1 "uno due" (0, 7) with Target "sei" (27, 30); E2 "due tre" (4, 11), no argument.
    # P1 is an exact copy of E1; P2 "uno" (0, 3) overlaps E1 only.
    gold = annotations(WORDS_DOC, events=[bare("E1", (0, 7), [("Target", (27, 30))]),
                                          bare("E2", (4, 11))])  # fmt: skip
    pred = annotations(WORDS_DOC, events=[bare("P1", (0, 7), [("Target", (27, 30))]),
                                          bare("P2", (0, 3))])  # fmt: skip
    report = score(gold, pred, attempted={"events"})
    # Triggers, overlap: the maximum matching is P1-E2 ("due") + P2-E1 ("uno"): 2 pairs beat
    # the single exact pair P1-E1. Exact: P1-E1 only.
    assert counts(report, "events", "trigger_classification", "exact") == (1, 1, 1)
    assert counts(report, "events", "trigger_classification", "overlap") == (2, 0, 0)
    # The argument item ((0, 7), (27, 30), Attack) is identical on both sides, so it matches
    # in BOTH modes. (Anchored through the trigger alignment, P1 went to E2 in overlap mode
    # and the argument was lost: exact tp 1 > overlap tp 0.)
    for subtask in ("argument_identification", "argument_classification"):
        assert counts(report, "events", subtask, "exact") == (1, 0, 0)
        assert counts(report, "events", subtask, "overlap") == (1, 0, 0)


def test_adding_a_correct_duplicate_never_lowers_argument_recall():
    # Two gold events with the SAME trigger "tre" (8, 11) and type: E1 has Target "sei",
    # E2 has no argument. P1 is a copy of E1: argument recall 1/1 in both modes.
    gold = annotations(WORDS_DOC, events=[bare("E1", (8, 11), [("Target", (27, 30))]),
                                          bare("E2", (8, 11))])  # fmt: skip
    copy_of_e1 = bare("P1", (8, 11), [("Target", (27, 30))])
    before = score(gold, annotations(WORDS_DOC, events=[copy_of_e1]), attempted={"events"})
    # Add A0, a correct copy of E2 whose id sorts before P1. Identical triggers are paired in
    # id order, so the trigger alignment became A0-E1, P1-E2 and P1's argument, anchored to
    # E2, no longer matched E1's: recall fell from 1.0 to 0.0. Matched directly, the item
    # ((8, 11), (27, 30), Attack) of P1 still equals E1's, and A0 adds no argument item.
    pred = annotations(WORDS_DOC, events=[copy_of_e1, bare("A0", (8, 11))])
    after = score(gold, pred, attempted={"events"})
    for mode in ("exact", "overlap"):
        assert counts(before, "events", "argument_identification", mode) == (1, 0, 0)
        assert counts(after, "events", "argument_identification", mode) == (1, 0, 0)
        assert counts(after, "events", "argument_classification", mode) == (1, 0, 0)
        # triggers: 1 of 2 before, both after
        assert counts(before, "events", "trigger_identification", mode) == (1, 0, 1)
        assert counts(after, "events", "trigger_identification", mode) == (2, 0, 0)


def test_factuality_is_matched_on_the_trigger_span():
    # E1 "uno due" (0, 7) positive, E2 "due tre" (4, 11) negative. P1 = E1 exactly;
    # P2 "uno" (0, 3) negative overlaps E1 only.
    gold = annotations(WORDS_DOC, events=[bare("E1", (0, 7)),
                                          bare("E2", (4, 11), polarity="negative")])  # fmt: skip
    pred = annotations(WORDS_DOC, events=[bare("P1", (0, 7)),
                                          bare("P2", (0, 3), polarity="negative")])  # fmt: skip
    report = score(gold, pred, attempted={"events"})
    # items (trigger, polarity, certainty). Exact: P1 = E1. Overlap: the positive items are
    # E1 and P1 (overlap: a pair); the negative ones E2 (4, 11) and P2 (0, 3) do not overlap.
    assert counts(report, "events", "factuality", "exact") == (1, 1, 1)
    assert counts(report, "events", "factuality", "overlap") == (1, 1, 1)
    # certainty alone: all four certain; exact P1=E1; overlap: P1 and P2 both overlap E1,
    # P1 also overlaps E2 ("due"): the maximum matching P1-E2, P2-E1 has 2 pairs
    assert report.get("events", "factuality", "exact").per_type["certainty"] == Counts(1, 1, 1)
    assert report.get("events", "factuality", "overlap").per_type["certainty"] == Counts(2, 0, 0)
