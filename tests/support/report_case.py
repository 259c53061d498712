"""A small hand-made case for the report tests: gold, prediction, and what each span must be.

Text: "I russi hanno bombardato Kharkiv. Secondo il sindaco, dieci civili sarebbero morti."
Gold: E1 bombardato (Attack: Attacker "I russi", Place "Kharkiv"), E2 morti (Die: Victim
"dieci civili"), H1 cue "sarebbero" with scope "dieci civili sarebbero morti", A1 source
"il sindaco" / cue "Secondo" / content "dieci civili sarebbero morti", C1 killed 10 civilians.
Prediction: p1 bombardato (Attack: Attacker "I russi", TARGET "Kharkiv"), p2 CIVILI (Die:
Victim "dieci civili"), q1 cue "sarebbero" with scope "sarebbero morti", b1 with NO source, the
same cue and content; casualties not attempted.
"""

from __future__ import annotations

from benchmark.dataset.schema import Attribution, Casualty, Hedge
from support.documents import annotations, document, span
from support.documents import event as make_event

TEXT = "I russi hanno bombardato Kharkiv. Secondo il sindaco, dieci civili sarebbero morti."
DOC = document(TEXT)
CONTENT = "dieci civili sarebbero morti"


def _event(event_id, trigger, event_type, sentence_id, *arguments):
    return make_event(
        TEXT, event_id, sentence_id, trigger, event_type, arguments, "positive", "certain"
    )


def _hedge(hedge_id, scope):
    return Hedge(hedge_id, "d1", 1, span(TEXT, "sarebbero"), "conditional", span(TEXT, scope))


def _attribution(attribution_id, source):
    return Attribution(
        attribution_id,
        "d1",
        span(TEXT, source) if source else None,
        None,
        span(TEXT, "Secondo"),
        span(TEXT, CONTENT),
        "indirect",
        None,
    )


GOLD = annotations(
    DOC,
    events=(
        _event(
            "E1", "bombardato", "Conflict:Attack", 0, ("Attacker", "I russi"), ("Place", "Kharkiv")
        ),  # noqa: E501
        _event("E2", "morti", "Life:Die", 1, ("Victim", "dieci civili")),
    ),
    hedges=(_hedge("H1", CONTENT),),
    attributions=(_attribution("A1", "il sindaco"),),
    casualties=(
        Casualty(
            "C1",
            "d1",
            1,
            "killed",
            10,
            None,
            "exact",
            None,
            None,
            None,
            span(TEXT, "dieci civili"),
            "civilians",
            None,
            None,
            "positive",
            "uncertain",
            "E2",
            "A1",
        ),
    ),
)

PRED = annotations(
    DOC,
    events=(
        _event(
            "p1", "bombardato", "Conflict:Attack", 0, ("Attacker", "I russi"), ("Target", "Kharkiv")
        ),  # noqa: E501
        _event("p2", "civili", "Life:Die", 1, ("Victim", "dieci civili")),
    ),
    hedges=(_hedge("q1", "sarebbero morti"),),
    attributions=(_attribution("b1", None),),
)

ATTEMPTED = {"events", "hedges", "attributions"}

# (layer, element, side, item id) -> status, worked out by hand for the EXACT mode
EXPECTED_EXACT = {
    ("events", "trigger", "gold", "E1"): "tp",
    ("events", "trigger", "pred", "p1"): "tp",
    ("events", "trigger", "gold", "E2"): "fn",
    ("events", "trigger", "pred", "p2"): "fp",
    ("events", "argument", "gold", "E1/arg1"): "tp",
    ("events", "argument", "pred", "p1/arg1"): "tp",
    ("events", "argument", "gold", "E1/arg2"): "fn",  # Place vs Target: role wrong
    ("events", "argument", "pred", "p1/arg2"): "fp",
    ("events", "argument", "gold", "E2/arg1"): "fn",  # its trigger is missed
    ("events", "argument", "pred", "p2/arg1"): "fp",  # its trigger is spurious
    ("hedges", "cue", "gold", "H1"): "tp",
    ("hedges", "cue", "pred", "q1"): "tp",
    ("hedges", "scope", "gold", "H1"): "fn",
    ("hedges", "scope", "pred", "q1"): "fp",
    ("attributions", "source", "gold", "A1"): "fn",  # the prediction has no source
    ("attributions", "cue", "gold", "A1"): "tp",
    ("attributions", "cue", "pred", "b1"): "tp",
    ("attributions", "content", "gold", "A1"): "tp",
    ("attributions", "content", "pred", "b1"): "tp",
    ("casualties", "victim", "gold", "C1"): "gold",  # casualties not attempted
}
