import dataclasses

import pytest

from benchmark.dataset.documents import build_document
from benchmark.dataset.schema import Annotations, Event, Hedge, Span
from benchmark.errors import DataError
from benchmark.scoring.consistency import Group, consistency, wrong_documents
from benchmark.scoring.run import score

TEXT_HEDGED = "I missili avrebbero colpito la scuola."
TEXT_PLAIN = "I missili hanno colpito la scuola."


def doc(doc_id, text, uncertain):
    hedges = [dataclasses.replace(hedge(doc_id), sentence_id=i) for i in uncertain]
    return build_document(doc_id, text, {"language": "it"}, hedges=hedges)


def hedge(doc_id):
    # "avrebbero" = 10..19, scope "I missili avrebbero colpito la scuola" = 0..37
    return Hedge(
        "H1",
        doc_id,
        0,
        Span(10, 19, "avrebbero"),
        "conditional",
        Span(0, 37, "I missili avrebbero colpito la scuola"),
    )


def event(doc_id, start, certainty):
    return Event(
        "E1",
        doc_id,
        0,
        Span(start, start + 7, "colpito"),
        "Conflict:Attack",
        (),
        "positive",
        certainty,
        None,
    )


@pytest.fixture
def gold():
    documents = (
        doc("g1-orig", TEXT_HEDGED, {0}), doc("g1-e1", TEXT_PLAIN, ()),
        doc("g2-orig", TEXT_HEDGED, {0}), doc("g2-e1", TEXT_HEDGED, {0}),
        doc("g3-orig", TEXT_PLAIN, ()), doc("g3-e1", TEXT_HEDGED, {0}),
    )  # fmt: skip
    events = (
        event("g3-orig", 16, "certain"), event("g3-e1", 20, "uncertain"),
    )  # fmt: skip
    hedges = tuple(hedge(d) for d in ("g1-orig", "g2-orig", "g2-e1", "g3-e1"))
    return Annotations(documents=documents, events=events, hedges=hedges)


GROUPS = (
    Group("g1", "hedging.conditional_to_indicative", "hedges", ("g1-orig", "g1-e1")),
    Group("g2", "hedging.conditional_to_indicative", "hedges", ("g2-orig", "g2-e1")),
    Group("g3", "hedging.indicative_to_conditional", "events", ("g3-orig", "g3-e1")),
)


def labels(annotations):
    return {
        (d.doc_id, s.sentence_id): s.uncertain for d in annotations.documents for s in d.sentences
    }


def test_one_broken_item_breaks_its_group_only(gold):
    # the system misses the hedge of g2-e1 (and so its uncertain label): g2 is inconsistent
    pred = dataclasses.replace(gold, hedges=tuple(h for h in gold.hedges if h.doc_id != "g2-e1"))
    sentence_labels = {**labels(gold), ("g2-e1", 0): False}
    report = score(gold, pred, sentence_labels=sentence_labels)
    assert wrong_documents(report, layer="hedges") == {"g2-e1"}
    result = consistency(report, gold=gold, groups=GROUPS)
    first = result["hedging.conditional_to_indicative"]
    assert (first.groups, first.consistent, first.consistency) == (2, 1, 0.5)
    assert first.inconsistent_groups == ("g2",)
    second = result["hedging.indicative_to_conditional"]
    assert (second.groups, second.consistent, second.consistency) == (1, 1, 1.0)


def test_wrong_certainty_breaks_an_events_group(gold):
    events = (gold.events[0], dataclasses.replace(gold.events[1], certainty="certain"))
    report = score(gold, dataclasses.replace(gold, events=events), sentence_labels=labels(gold))
    result = consistency(report, gold=gold, groups=GROUPS)
    assert result["hedging.indicative_to_conditional"].consistency == 0.0
    assert result["hedging.conditional_to_indicative"].consistency == 1.0


def test_not_scored_layer_gives_no_number_and_unknown_docs_fail(gold):
    report = score(gold, gold)  # no sentence labels: hedges/uncertain is not attempted
    result = consistency(report, gold=gold, groups=GROUPS)
    assert result["hedging.conditional_to_indicative"].consistency is None
    assert result["hedging.indicative_to_conditional"].consistency == 1.0
    with pytest.raises(DataError, match="group gx: document 'nope' is not in the gold"):
        consistency(report, gold=gold, groups=[Group("gx", "p", "events", ("nope",))])
