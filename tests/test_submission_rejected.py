"""Placeholders of rejected items (lenient reading): spans unaligned, invalid values null."""

from benchmark.dataset.schema import Argument, Casualty, Event, unaligned_span
from benchmark.submission.messages import Problem
from benchmark.submission.rejected import RejectedItem, placeholder, rejection


def test_an_event_placeholder_keeps_valid_labels_and_no_span():
    raw = {
        "event_id": "e1",
        "sentence_id": 40,
        "trigger": {"text": "colpito"},
        "event_type": "Attack",
        "arguments": [{"role": "Target", "start": 3, "end": 9}, {"role": "Who", "text": "x"}],
        "polarity": "positive",
        "certainty": 3,
        "attribution_id": "a1",
    }
    built = placeholder("events", raw, doc_id="d1", item_id="e1")
    assert built == Event(
        "e1",
        "d1",
        -1,
        unaligned_span("colpito"),
        None,  # "Attack" is not a label
        (Argument("Target", unaligned_span("")), Argument(None, unaligned_span("x"))),
        "positive",
        None,  # 3 is not a certainty
        None,  # references are dropped
    )


def test_a_casualty_placeholder_keeps_its_valid_values_so_its_slots_count():
    raw = {"casualty_id": "c1", "status": "killed", "count": "21", "count_qualifier": "at least",
           "victim": {"text": "persone"}, "victim_group": "people", "location": None,
           "polarity": "positive", "certainty": "certain"}  # fmt: skip
    built = placeholder("casualties", raw, doc_id="d1", item_id="$.casualties[0]")
    assert isinstance(built, Casualty)
    assert (built.casualty_id, built.status, built.count, built.count_qualifier) == (
        "$.casualties[0]",
        "killed",
        None,  # "21" is a string
        None,
    )
    assert built.victim == unaligned_span("persone") and built.location is None


def test_a_placeholder_of_something_that_is_not_an_object():
    built = placeholder("hedges", "oops", doc_id="d1", item_id="$.hedges[2]")
    assert built.cue == unaligned_span("") and built.scope == unaligned_span("")


def test_the_record_names_every_error_of_the_item():
    record = rejection(
        [Problem(3, "$.hedges[1].cue_type", "bad label"), Problem(3, "$.hedges[1]", "more")],
        doc_id="d1",
        task="hedges",
        item_id="h2",
        line=3,
        path="$.hedges[1]",
    )
    assert record == RejectedItem(
        "d1",
        "hedges",
        "h2",
        3,
        "$.hedges[1]",
        ("$.hedges[1].cue_type: bad label", "$.hedges[1]: more"),
    )
