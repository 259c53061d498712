"""Hand-made event case: gold and prediction (counts: tests/test_scoring_events.py)."""

from __future__ import annotations

from support.documents import annotations, document
from support.documents import event as make_event

TEXT = "Ieri i russi hanno attaccato Kharkiv e bombardato un ospedale. Nessuno sarebbe morto."
DOC = document(TEXT)


def event(event_id, sentence_id, trigger, event_type, arguments, polarity, certainty):
    return make_event(
        TEXT, event_id, sentence_id, trigger, event_type, arguments, polarity, certainty
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
