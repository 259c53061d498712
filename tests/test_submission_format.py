import dataclasses
import json
import re
from pathlib import Path

import jsonschema
import pytest

from benchmark.dataset import inventory
from benchmark.dataset.layers import LAYERS
from benchmark.dataset.schema import (
    Annotations,
    Argument,
    Attribution,
    Casualty,
    Document,
    Event,
    Hedge,
    Paragraph,
    Sentence,
    Span,
)
from benchmark.submission import json_schema, parse_submission, submission_line_from_annotations
from benchmark.submission.format import LAYER_FIELDS, TASKS

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = ROOT / "schema" / "submission.schema.json"
DOCS_FILE = ROOT / "docs" / "submission-format.md"

TEXT = (
    "Le truppe hanno colpito un ospedale a Kharkiv. "
    "Secondo il sindaco, almeno 21 persone sarebbero morte nell’ospedale."
)
DOC = Document(
    doc_id="toy-001",
    text=TEXT,
    language="it",
    paragraphs=(Paragraph(0, 115, "body"),),
    sentences=(Sentence(0, 0, 46, False), Sentence(1, 47, 115, True)),
)


def worked_example() -> dict:
    """The first ```json block of docs/submission-format.md."""
    block = re.search(r"```json\n(.*?)```", DOCS_FILE.read_text(encoding="utf-8"), re.S)
    return json.loads(block.group(1))


def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_schema_file_is_the_generated_schema():
    # regenerate with: uv run python -c "import json; from benchmark.submission import
    # json_schema; print(json.dumps(json_schema(), indent=2, ensure_ascii=False))"
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema()


def test_schema_label_enums_are_the_inventories():
    definitions = json_schema()["$defs"]
    assert definitions["event"]["properties"]["event_type"] == {"enum": list(inventory.EVENT_TYPES)}
    assert definitions["hedge"]["properties"]["cue_type"] == {
        "enum": ["conditional", "evidential", "epistemic"]
    }
    role = definitions["argument"]["oneOf"][1]["properties"]["role"]
    assert role == {"enum": list(inventory.ARGUMENT_ROLES)}
    assert definitions["casualty"]["required"] == [
        "casualty_id", "status", "count_qualifier", "victim", "victim_group", "polarity",
        "certainty",
    ]  # fmt: skip


def test_tables_name_every_schema_field():
    for layer, spec in LAYERS.items():
        table = [field.name for field in LAYER_FIELDS[layer]]
        assert sorted(table) == sorted(field.name for field in dataclasses.fields(spec.item_type))
        assert spec.id_field == table[0]
    assert TASKS == ("events", "casualties", "attributions", "hedges", "sentences")


def test_worked_example_validates_against_the_schema():
    assert list(validator().iter_errors(worked_example())) == []


@pytest.mark.parametrize(
    "line",
    [
        {"doc_id": "toy-001", "extra": []},
        {"events": []},
        {"doc_id": "toy-001", "hedges": [{"hedge_id": "h1", "cue": {"start": True, "end": 3},
                                          "cue_type": "conditional", "scope": {"text": "a"}}]},
        {"doc_id": "toy-001", "hedges": [{"hedge_id": "h1", "cue": {"start": 0, "end": 3,
                                          "occurrence": 1}, "cue_type": "conditional",
                                          "scope": {"text": "a"}}]},
        {"doc_id": "toy-001", "hedges": [{"hedge_id": "h1", "cue": {"text": "a"},
                                          "cue_type": "hedge", "scope": {"text": "a"}}]},
        {"doc_id": "toy-001", "sentences": [{"sentence_id": 0, "uncertain": 1}]},
    ],
)  # fmt: skip
def test_schema_rejects_bad_lines(line):
    assert list(validator().iter_errors(line)) != []


def test_schema_ties_count_high_to_the_range_qualifier():
    base = worked_example()
    (record,) = base["casualties"]

    def line(**changes):
        return {**base, "casualties": [{**record, **changes}]}

    assert list(validator().iter_errors(line(count_qualifier="range", count_high=30))) == []
    assert list(validator().iter_errors(line(count_high=None))) == []
    assert list(validator().iter_errors(line(count_high=30))) != []  # at_least
    assert list(validator().iter_errors(line(count_qualifier="range"))) != []  # no upper bound
    assert list(validator().iter_errors(line(count_qualifier="range", count_high=None))) != []


def test_worked_example_resolves_as_documented():
    data = json.dumps(worked_example(), ensure_ascii=False).encode("utf-8")
    submission = parse_submission(data, gold=Annotations(documents=(DOC,)), file="ex.jsonl")
    e1, e2 = submission.annotations.events
    assert e1.trigger == Span(16, 23, "colpito")
    assert e1.sentence_id == 0
    assert [(a.role, a.span) for a in e1.arguments] == [
        ("Attacker", Span(0, 9, "Le truppe")),
        ("Target", Span(24, 35, "un ospedale")),
        ("Place", Span(38, 45, "Kharkiv")),
    ]
    assert (e2.trigger, e2.sentence_id) == (Span(95, 100, "morte"), 1)
    assert e2.arguments[1] == Argument("Place", Span(106, 114, "ospedale"))
    (c1,) = submission.annotations.casualties
    assert (c1.victim, c1.sentence_id) == (Span(77, 84, "persone"), 1)
    assert c1.location == Span(101, 114, "nell’ospedale")
    (a1,) = submission.annotations.attributions
    assert a1.cue == Span(47, 54, "Secondo")
    assert (a1.content.start, a1.content.end) == (67, 114)
    assert a1.source == Span(55, 65, "il sindaco")
    (h1,) = submission.annotations.hedges
    assert h1.cue == Span(85, 94, "sarebbero")
    assert submission.attempted == frozenset(TASKS)
    assert submission.sentence_labels == {("toy-001", 0): False, ("toy-001", 1): True}
    assert [w.path for w in submission.warnings] == ["$.casualties[0].location"]
    assert submission.unaligned == ()


def gold_annotations() -> Annotations:
    attack = Event(
        event_id="E1", doc_id="toy-001", sentence_id=0, trigger=Span(16, 23, "colpito"),
        event_type="Conflict:Attack", arguments=(Argument("Target", Span(24, 35, "un ospedale")),),
        polarity="positive", certainty="certain", attribution_id=None,
    )  # fmt: skip
    death = Event(
        event_id="E2", doc_id="toy-001", sentence_id=1, trigger=Span(95, 100, "morte"),
        event_type="Life:Die", arguments=(), polarity="positive", certainty="uncertain",
        attribution_id="A1",
    )  # fmt: skip
    casualty = Casualty(
        casualty_id="C1", doc_id="toy-001", sentence_id=1, status="killed", count=21,
        count_high=None, count_qualifier="at_least", count_span=Span(74, 76, "21"),
        qualifier_span=Span(67, 73, "almeno"), trigger=None, victim=Span(77, 84, "persone"),
        victim_group="people", location=None, time=None, polarity="positive",
        certainty="uncertain", event_id="E2", attribution_id="A1",
    )  # fmt: skip
    attribution = Attribution(
        attribution_id="A1", doc_id="toy-001", source=Span(55, 65, "il sindaco"),
        source_antecedent=None, cue=Span(47, 54, "Secondo"),
        content=Span(67, 114, TEXT[67:114]), attribution_type="indirect", parent_id=None,
    )  # fmt: skip
    hedge = Hedge(
        hedge_id="H1", doc_id="toy-001", sentence_id=1, cue=Span(85, 94, "sarebbero"),
        cue_type="conditional", scope=Span(67, 114, TEXT[67:114]),
    )  # fmt: skip
    return Annotations(
        documents=(DOC,), events=(attack, death), casualties=(casualty,),
        attributions=(attribution,), hedges=(hedge,),
    )  # fmt: skip


def test_line_from_annotations_writes_offsets_and_every_field():
    line = submission_line_from_annotations(gold_annotations(), "toy-001")
    assert list(line) == ["doc_id", *TASKS]
    assert line["events"][0] == {
        "event_id": "E1", "sentence_id": 0,
        "trigger": {"start": 16, "end": 23, "text": "colpito"}, "event_type": "Conflict:Attack",
        "arguments": [{"role": "Target", "start": 24, "end": 35, "text": "un ospedale"}],
        "polarity": "positive", "certainty": "certain", "attribution_id": None,
    }  # fmt: skip
    assert line["casualties"][0]["count"] == 21
    assert line["casualties"][0]["trigger"] is None
    assert line["attributions"][0]["parent_id"] is None
    assert line["hedges"][0]["cue"] == {"start": 85, "end": 94, "text": "sarebbero"}
    # sentence 1 holds hedge H1: uncertain; derived from the hedges, not from DOC.sentences
    assert line["sentences"] == [
        {"sentence_id": 0, "uncertain": False},
        {"sentence_id": 1, "uncertain": True},
    ]


def test_line_from_annotations_keeps_only_the_chosen_tasks_and_given_labels():
    line = submission_line_from_annotations(
        gold_annotations(), "toy-001", tasks=("hedges", "sentences"), sentence_labels={0: True}
    )
    assert list(line) == ["doc_id", "hedges", "sentences"]
    assert line["sentences"] == [
        {"sentence_id": 0, "uncertain": True},
        {"sentence_id": 1, "uncertain": False},
    ]
    without_hedges = dataclasses.replace(gold_annotations(), hedges=())
    labels = submission_line_from_annotations(without_hedges, "toy-001", tasks=["sentences"])
    assert [s["uncertain"] for s in labels["sentences"]] == [False, False]


def test_line_from_annotations_refuses_unknown_task_and_document():
    with pytest.raises(ValueError, match="unknown task"):
        submission_line_from_annotations(gold_annotations(), "toy-001", tasks=("events", "nerd"))
    with pytest.raises(ValueError, match="not among"):
        submission_line_from_annotations(gold_annotations(), "toy-999", tasks=("sentences",))


def test_line_from_annotations_writes_an_unaligned_span_as_text():
    hedge = dataclasses.replace(gold_annotations().hedges[0], scope=Span(-1, -1, "mai detto"))
    annotations = Annotations(documents=(DOC,), hedges=(hedge,))
    line = submission_line_from_annotations(annotations, "toy-001", tasks=("hedges",))
    assert line["hedges"][0]["scope"] == {"text": "mai detto"}


def test_gold_written_then_read_gives_the_gold_back():
    gold = gold_annotations()
    line = submission_line_from_annotations(gold, "toy-001")
    assert list(validator().iter_errors(line)) == []
    data = json.dumps(line, ensure_ascii=False).encode("utf-8")
    submission = parse_submission(data, gold=Annotations(documents=(DOC,)), file="gold.jsonl")
    assert submission.annotations == gold
    assert submission.warnings == ()
    assert submission.sentence_labels == {("toy-001", 0): False, ("toy-001", 1): True}
