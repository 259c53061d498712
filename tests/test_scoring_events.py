"""Hand-computed event scores, both match modes (counts worked out in the comments)."""

from __future__ import annotations

import pytest
from scoring_helpers import annotations, counts, document, span

from benchmark.schema import Argument, Event
from benchmark.scoring import score
from benchmark.scoring.report import Counts

TEXT = "Ieri i russi hanno attaccato Kharkiv e bombardato un ospedale. Nessuno sarebbe morto."
DOC = document(TEXT)


def event(event_id, sentence_id, trigger, event_type, arguments, polarity, certainty):
    args = tuple(Argument(role, span(TEXT, words)) for role, words in arguments)
    return Event(
        event_id,
        "d1",
        sentence_id,
        span(TEXT, trigger),
        event_type,
        args,
        polarity,
        certainty,
        None,
    )


GOLD = annotations(
    DOC,
    events=[
        event("E1", 0, "attaccato", "Conflict:Attack",
              [("Attacker", "i russi"), ("Target", "Kharkiv")], "positive", "certain"),
        event("E2", 0, "bombardato", "Conflict:Attack",
              [("Target", "un ospedale")], "positive", "certain"),
        event("E3", 1, "morto", "Life:Die", [("Victim", "Nessuno")], "negative", "uncertain"),
    ],
)  # fmt: skip
PRED = annotations(
    DOC,
    events=[
        # right trigger and type; arg1 exact, arg2 only overlaps ("Kharkiv e")
        event("P1", 0, "attaccato", "Conflict:Attack",
              [("Attacker", "i russi"), ("Target", "Kharkiv e")], "positive", "certain"),
        # trigger only overlaps E2 ("bombardato un") and has the wrong type
        event("P2", 0, "bombardato un", "Conflict:Damage",
              [("Target", "un ospedale")], "positive", "certain"),
        # right trigger and type, argument span right but role wrong, polarity wrong
        event("P3", 1, "morto", "Life:Die", [("Target", "Nessuno")], "positive", "uncertain"),
        # spurious
        event("P4", 0, "hanno", "Conflict:Attack", [], "positive", "certain"),
    ],
)  # fmt: skip


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
        # attached to P1->E1 and P3->E3: P1/arg1 and P3/arg1 exact; P1/arg2 "Kharkiv e" not
        # exact; P2/arg1 is right text but P2 is not matched by trigger_classification
        ("argument_identification", "exact", (2, 2, 2)),
        # overlap: P1/arg2 now matches E1/arg2; P2/arg1 still unattached; E2/arg1 missed
        ("argument_identification", "overlap", (3, 1, 1)),
        # roles: P3/arg1 says Target for Victim, so only P1/arg1 in exact ...
        ("argument_classification", "exact", (1, 3, 3)),
        # ... and P1/arg1 + P1/arg2 in overlap
        ("argument_classification", "overlap", (2, 2, 2)),
        # factuality on trigger_identification: exact P1=E1 right, P3=E3 polarity wrong
        ("factuality", "exact", (1, 3, 2)),
        # overlap adds P2=E2 (positive, certain: right)
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
    # polarity: P1 right, P3 wrong, P2/P4 unmatched; certainty: P1 and P3 right
    assert exact == {"polarity": Counts(1, 3, 2), "certainty": Counts(2, 2, 1)}
    overlap = report.get("events", "factuality", "overlap").per_type
    # P2 matched in overlap and right on both
    assert overlap == {"polarity": Counts(2, 2, 1), "certainty": Counts(3, 1, 0)}


def test_per_unit(report):
    per_unit = report.get("events", "trigger_identification", "exact").per_unit
    assert per_unit.units == (("d1", 0), ("d1", 1))
    # sentence 0: E1=P1 tp; P2, P4 fp; E2 fn.  sentence 1: E3=P3 tp
    assert (per_unit.tp, per_unit.fp, per_unit.fn) == ((1, 1), (2, 0), (1, 0))


def test_other_tasks_not_attempted(report):
    assert report.not_attempted == ("casualties", "attributions", "hedges")
    assert {r.task for r in report.results} == {"events"}
