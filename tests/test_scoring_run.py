"""score(): gold against itself, empty and unaligned predictions, options, properties."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.attribution_case import GOLD as ATTRIBUTIONS
from support.casualty_case import GOLD as CASUALTIES
from support.documents import annotations, document
from support.event_case import GOLD as EVENTS
from support.event_case import PRED as EVENT_PRED
from support.hedge_case import GOLD as HEDGES

from benchmark.dataset.schema import (
    Annotations,
    Argument,
    Attribution,
    Casualty,
    Event,
    Hedge,
    Span,
)
from benchmark.errors import DataError
from benchmark.scoring import score
from benchmark.scoring.modes import EXACT, OVERLAP, Candidates, MatchMode
from benchmark.scoring.sentences import gold_sentence_labels


def merged(*parts: Annotations) -> Annotations:
    """Every layer of the hand-written fixtures, each in its own document."""
    documents, layers = [], {"events": [], "casualties": [], "attributions": [], "hedges": []}
    for n, part in enumerate(parts):
        doc_id = f"doc{n}"
        documents.append(dataclasses.replace(part.documents[0], doc_id=doc_id))
        for name, items in layers.items():
            items.extend(dataclasses.replace(x, doc_id=doc_id) for x in getattr(part, name))
    return Annotations(tuple(documents), **{k: tuple(v) for k, v in layers.items()})


ALL_GOLD = merged(EVENTS, CASUALTIES, ATTRIBUTIONS, HEDGES)


def test_gold_against_itself_is_one_everywhere():
    report = score(ALL_GOLD, ALL_GOLD, sentence_labels=gold_sentence_labels(ALL_GOLD))
    assert report.not_attempted == ()
    # events 5, casualties 3, attributions 7, hedges 4 subtasks, in 4 modes
    assert len(report.results) == (5 + 3 + 7 + 4) * 4
    for result in report.results:
        assert (result.precision, result.recall, result.f1) == (1.0, 1.0, 1.0), result
        assert result.fp == result.fn == 0
        for counts in result.per_type.values():
            assert counts.f1 == 1.0


def test_empty_prediction_is_zero_everywhere():
    empty = Annotations(ALL_GOLD.documents)
    report = score(ALL_GOLD, empty, sentence_labels={})
    for result in report.results:
        assert (result.precision, result.recall, result.f1) == (0.0, 0.0, 0.0)
        assert result.tp == result.fp == 0 and result.fn > 0


def test_not_attempted_tasks_have_no_numbers():
    report = score(ALL_GOLD, ALL_GOLD, attempted={"hedges"}, tasks=["events", "hedges"])
    assert report.not_attempted == ("events", "hedges/uncertain")
    assert {(r.task, r.subtask) for r in report.results} == {
        ("hedges", "cue"),
        ("hedges", "cue_typed"),
        ("hedges", "scope"),
    }


def test_unaligned_span_is_a_listed_false_positive():
    lost = Event(
        "P9", "d1", 0, Span(-1, -1, "razzi"), "Conflict:Attack", (), "positive", "certain", None
    )
    pred = dataclasses.replace(EVENT_PRED, events=(*EVENT_PRED.events, lost))
    report = score(EVENTS, pred, attempted={"events"})
    # one more fp than tests/test_scoring_events.py in both modes, never a match
    assert report.get("events", "trigger_identification", "exact").fp == 3
    assert report.get("events", "trigger_identification", "overlap").fp == 2
    assert ("d1", "P9") in report.get("events", "trigger_identification", "overlap").spurious
    assert [(u.item_id, u.field, u.text) for u in report.unaligned] == [("P9", "trigger", "razzi")]


def test_a_crediting_mode_gives_fractional_true_positives():
    # overlap candidates; a pair earns 1 when its spans are identical, 1/2 otherwise.
    # trigger_identification of tests/test_scoring_events.py: P1-E1 and P3-E3 identical,
    # P2-E2 ("bombardato un" / "bombardato") overlapping, P4 spurious
    half = MatchMode(
        "half",
        "overlap, half credit unless identical",
        OVERLAP.key,
        Candidates.OVERLAPPING_SPANS,
        credit=lambda g, p: 1 if g.spans == p.spans else 0.5,
    )
    report = score(EVENTS, EVENT_PRED, attempted={"events"}, modes=[EXACT, half])
    result = report.get("events", "trigger_identification", "half")
    assert (result.tp, result.fp, result.fn) == (2.5, 1.5, 0.5)
    assert result.precision == 2.5 / 4 and result.recall == 2.5 / 3
    assert result.matched == (("d1", "E1", "P1"), ("d1", "E2", "P2"), ("d1", "E3", "P3"))
    exact = report.get("events", "trigger_identification", "exact")
    assert (exact.tp, exact.fp, exact.fn) == (2, 2, 1)


@pytest.mark.parametrize(
    ("option", "value"),
    [("tasks", ["event"]), ("attempted", {"events", "tokens"})],
)
def test_bad_options(option, value):
    with pytest.raises(DataError, match=option):
        score(EVENTS, EVENTS, **{option: value})


# ---- properties on random layers of all four tasks ---------------------------------------
# articles, articulated prepositions, quotes and punctuation, so that the normalised and
# partial modes differ from exact and overlap on random spans
TEXT = "Il uno, la due tre «quattro» dei cinque. Sei sette: le otto nove, l'ottanta dieci."
DOC = document(TEXT)
TYPES = ("Conflict:Attack", "Life:Die")


@st.composite
def layers(draw, prefix):
    def spans():
        start = draw(st.integers(0, len(TEXT) - 2))
        end = draw(st.integers(start + 1, min(len(TEXT), start + 12)))
        return Span(start, end, TEXT[start:end])

    events = []
    for i in range(draw(st.integers(0, 5))):
        trigger = spans()
        arguments = tuple(
            Argument(draw(st.sampled_from(("Attacker", "Target"))), spans())
            for _ in range(draw(st.integers(0, 2)))
        )
        events.append(
            Event(
                f"{prefix}{i}",
                "d1",
                0,
                trigger,
                draw(st.sampled_from(TYPES)),
                arguments,
                draw(st.sampled_from(("positive", "negative"))),
                "certain",
                None,
            )  # fmt: skip
        )
    hedges = [
        Hedge(f"{prefix}H{i}", "d1", 0, spans(), "conditional", spans())
        for i in range(draw(st.integers(0, 3)))
    ]
    casualties = [
        Casualty(
            f"{prefix}C{i}",
            "d1",
            0,
            draw(st.sampled_from(("killed", "injured"))),
            draw(st.sampled_from((None, 2, 3))),
            None,
            "exact",
            None,
            None,
            spans() if draw(st.booleans()) else None,
            spans(),
            "people",
            spans() if draw(st.booleans()) else None,
            None,
            "positive",
            "certain",
            None,
            None,
        )  # fmt: skip
        for i in range(draw(st.integers(0, 3)))
    ]
    relations = []
    for i in range(draw(st.integers(0, 3))):
        parent = draw(st.sampled_from([None, *(a.attribution_id for a in relations)]))
        source = spans() if draw(st.booleans()) else None
        antecedent = spans() if draw(st.booleans()) else None
        kind = draw(st.sampled_from(("direct", "indirect")))
        relations.append(
            Attribution(f"{prefix}A{i}", "d1", source, antecedent, spans(), spans(), kind, parent)
        )
    return annotations(
        DOC, events=events, hedges=hedges, casualties=casualties, attributions=relations
    )


def flat(report):
    return {
        (r.task, r.subtask, r.mode): (r.tp, r.fp, r.fn, r.matched, r.missed, r.spurious)
        for r in report.results
    }


@settings(max_examples=60, deadline=None)
@given(layers("G"), layers("P"), st.randoms(use_true_random=False))
def test_properties(gold, pred, random):
    tasks = ["events", "casualties", "attributions", "hedges"]
    report = score(gold, pred, tasks=tasks)
    for result in report.results:
        assert 0.0 <= result.precision <= 1.0 and 0.0 <= result.recall <= 1.0
    chain = ("exact", "normalised", "partial", "overlap")
    for result in report.results:
        if result.mode == "exact":
            tps = [report.get(result.task, result.subtask, mode).tp for mode in chain]
            assert tps == sorted(tps), (result.task, result.subtask, tps)
    # order invariance: shuffled layers (events with their arguments) give the same ids
    shuffled = pred
    for name in ("events", "casualties", "attributions", "hedges"):
        items = list(getattr(pred, name))
        random.shuffle(items)
        shuffled = dataclasses.replace(shuffled, **{name: tuple(items)})
    assert flat(score(gold, shuffled, tasks=tasks)) == flat(report)
    # adding a correct prediction never lowers recall (a gold item copied under a new id,
    # which sorts first: identical items are paired in id order)
    copies = [
        ("events", "event_id", {}),
        ("casualties", "casualty_id", {}),
        ("attributions", "attribution_id", {"parent_id": None}),
    ]
    for name, id_field, changes in copies:
        if getattr(gold, name):
            extra = dataclasses.replace(getattr(gold, name)[0], **{id_field: "0", **changes})
            more = dataclasses.replace(pred, **{name: (*getattr(pred, name), extra)})
            after = score(gold, more, tasks=tasks)
            for result in report.results:
                new = after.get(result.task, result.subtask, result.mode)
                assert new.recall >= result.recall, (name, result)


@settings(max_examples=30, deadline=None)
@given(layers("G"))
def test_random_gold_against_itself(gold):
    report = score(gold, gold, tasks=["events", "casualties", "attributions", "hedges"])
    for result in report.results:
        if result.tp + result.fn:  # a subtask with no gold item scores 0.0 (zero division)
            assert result.f1 == 1.0, result


@settings(max_examples=40, deadline=None)
@given(layers("G"), layers("P"), layers("X"))
def test_any_added_prediction_never_lowers_recall_in_any_mode(gold, pred, extra):
    # every mode pairs by a maximum matching (or a matching of maximum credit), which the
    # old pairs still are a candidate for once more predictions come in
    tasks = ["events", "casualties", "attributions", "hedges"]
    more = dataclasses.replace(
        pred, **{name: (*getattr(pred, name), *getattr(extra, name)) for name in tasks}
    )
    before, after = score(gold, pred, tasks=tasks), score(gold, more, tasks=tasks)
    for result in before.results:
        new = after.get(result.task, result.subtask, result.mode)
        assert new.recall >= result.recall, (result.task, result.subtask, result.mode)
        assert new.tp >= result.tp
