import json

import pytest

from benchmark.dataset.configs import CONFIG_TYPES, CONFIGS
from benchmark.dataset.rows import from_row, to_row
from benchmark.dataset.schema import (
    Argument,
    Attribution,
    Casualty,
    Document,
    Event,
    Hedge,
    Paragraph,
    Sentence,
    Span,
    TokenRow,
)
from benchmark.errors import DataError

CONFIG_OF_TYPE = {cls: config for config, cls in CONFIG_TYPES.items()}
TEXT = "Razzi su Leopoli. Due morti, dice il sindaco."
DOCUMENT = Document(
    doc_id="t-1",
    text=TEXT,
    language="it",
    paragraphs=(Paragraph(0, 45, "body"),),
    sentences=(Sentence(0, 0, 17, False), Sentence(1, 18, 45, True)),
    date_inferred="2022-03-01/2022-03-02",
    source_note="test",
)
EVENT = Event(
    event_id="E1",
    doc_id="t-1",
    sentence_id=0,
    trigger=Span(0, 5, "Razzi"),
    event_type="Conflict:Attack",
    arguments=(Argument("Place", Span(9, 16, "Leopoli")),),
    polarity="positive",
    certainty="certain",
    attribution_id=None,
)
CASUALTY = Casualty(
    casualty_id="C1",
    doc_id="t-1",
    sentence_id=1,
    status="killed",
    count=2,
    count_high=None,
    count_qualifier="exact",
    count_span=Span(18, 21, "Due"),
    qualifier_span=None,
    trigger=Span(22, 27, "morti"),
    victim=Span(22, 27, "morti"),
    victim_group="people",
    location=None,
    time=None,
    polarity="positive",
    certainty="certain",
    event_id="E1",
    attribution_id="A1",
)
ATTRIBUTION = Attribution(
    attribution_id="A1",
    doc_id="t-1",
    source=Span(34, 44, "il sindaco"),
    source_antecedent=None,
    cue=Span(29, 33, "dice"),
    content=Span(18, 27, "Due morti"),
    attribution_type="indirect",
    parent_id=None,
)
HEDGE = Hedge("H1", "t-1", 1, Span(29, 33, "dice"), "evidential", Span(18, 44, TEXT[18:44]))
TOKENS = TokenRow(
    doc_id="t-1",
    sentence_id=0,
    tokens=("Razzi", "su", "Leopoli", "."),
    token_starts=(0, 6, 9, 16),
    token_ends=(5, 8, 16, 17),
    event_tags=("B-Conflict:Attack", "O", "O", "O"),
    hedge_tags=("O",) * 4,
    attribution_tags=("O",) * 4,
    casualty_tags=("O",) * 4,
    uncertain=False,
)
OBJECTS = [DOCUMENT, EVENT, CASUALTY, ATTRIBUTION, HEDGE, TOKENS]


def test_config_names():
    assert CONFIGS == ("documents", "events", "casualties", "attributions", "hedges", "tokens")
    assert [CONFIG_OF_TYPE[type(obj)] for obj in OBJECTS] == list(CONFIGS)


@pytest.mark.parametrize("obj", OBJECTS, ids=CONFIGS)
def test_round_trip_through_json(obj):
    row = json.loads(json.dumps(to_row(obj), ensure_ascii=False))
    assert from_row(CONFIG_OF_TYPE[type(obj)], row) == obj


def test_event_row_shape():
    assert to_row(EVENT) == {
        "event_id": "E1",
        "doc_id": "t-1",
        "sentence_id": 0,
        "trigger": {"start": 0, "end": 5, "text": "Razzi"},
        "event_type": "Conflict:Attack",
        "arguments": [{"role": "Place", "start": 9, "end": 16, "text": "Leopoli"}],
        "polarity": "positive",
        "certainty": "certain",
        "attribution_id": None,
    }
    assert list(to_row(EVENT)) == [
        "event_id", "doc_id", "sentence_id", "trigger", "event_type", "arguments",
        "polarity", "certainty", "attribution_id",
    ]  # fmt: skip


def test_document_row_shape():
    row = to_row(DOCUMENT)
    assert row["paragraphs"] == [{"start": 0, "end": 45, "kind": "body"}]
    assert row["sentences"][1] == {"sentence_id": 1, "start": 18, "end": 45, "uncertain": True}
    assert row["title"] is None
    assert list(row)[-1] == "source_note"


def test_to_row_rejects_non_schema_objects():
    with pytest.raises(TypeError):
        to_row(Span(0, 1, "R"))


def _event_row(**changes):
    row = to_row(EVENT)
    row.update(changes)
    return row


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({k: v for k, v in to_row(EVENT).items() if k != "polarity"}, "missing key(s): polarity"),
        (_event_row(score=1.0), "unknown key(s): score"),
        (_event_row(sentence_id="0"), "field sentence_id: expected an integer, got a string"),
        (_event_row(sentence_id=True), "field sentence_id: expected an integer, got a boolean"),
        (
            _event_row(event_type="Conflict:Bombing"),
            "field event_type: unknown label 'Conflict:Bombing'",
        ),
        (_event_row(arguments={}), "field arguments: expected a list, got an object"),
        (
            _event_row(arguments=[{"role": "Killer", "start": 9, "end": 16, "text": "Leopoli"}]),
            "field arguments[0].role: unknown label 'Killer'",
        ),
        (
            _event_row(trigger={"start": 0, "end": 5}),
            "field trigger: missing key(s): text",
        ),
        (
            _event_row(trigger={"start": 0, "end": 4, "text": "Razzi"}),
            "field trigger: text has 5 characters but end - start = 4",
        ),
        (_event_row(trigger=None), "field trigger: expected an object, got null"),
        (_event_row(attribution_id=3), "field attribution_id: expected a string, got the number 3"),
    ],
)
def test_from_row_rejects(row, message):
    with pytest.raises(DataError) as caught:
        from_row("events", row, file="sub.jsonl", line=4)
    assert str(caught.value).startswith("sub.jsonl:4: ")
    assert message in str(caught.value)


def test_from_row_rejects_uneven_token_lists_and_bad_tags():
    row = to_row(TOKENS)
    row["hedge_tags"] = ["O"] * 3
    with pytest.raises(DataError, match="per-token lists differ in length"):
        from_row("tokens", row)
    row = to_row(TOKENS)
    row["event_tags"] = ["B-Attack", "O", "O", "O"]
    with pytest.raises(DataError, match=r"field event_tags\[0\]: unknown label 'B-Attack'"):
        from_row("tokens", row)


def test_from_row_rejects_unknown_config_and_non_objects():
    with pytest.raises(DataError, match="unknown config 'entities'"):
        from_row("entities", {})
    with pytest.raises(DataError, match="expected an object, got a list"):
        from_row("hedges", [])


def test_type_hints_are_resolved_once_per_class_not_per_row(monkeypatch):
    import typing

    from benchmark.dataset import rows

    calls = []
    real = typing.get_type_hints
    monkeypatch.setattr(typing, "get_type_hints", lambda cls: calls.append(cls) or real(cls))
    rows._field_hints.cache_clear()
    row = {
        "event_id": "E1",
        "doc_id": "d",
        "sentence_id": 0,
        "trigger": {"start": 0, "end": 3, "text": "abc"},
        "event_type": "Conflict:Attack",
        "arguments": [],
        "polarity": "positive",
        "certainty": "certain",
        "attribution_id": None,
    }
    for line in range(1, 2001):
        from_row("events", {**row, "event_id": f"E{line}"}, file="x.jsonl", line=line)
    assert len(calls) == 1  # Event only (spans and arguments are built by hand)
