"""baselines.llm.answer_schema: the answer schema is the submission schema, restricted."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from support.llm_server import gold_answer

from baselines.llm.answer_schema import (
    SUBMISSION_SCHEMA,
    answer_schema,
    layer_keys,
    load_submission_schema,
    response_format,
)
from benchmark.dataset.gold import read_gold

LAYER_KEYS = layer_keys()

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def gold():
    return read_gold()


def _valid(schema, value):
    return not list(Draft202012Validator(schema).iter_errors(value))


def test_source_is_the_projects_schema_file():
    assert SUBMISSION_SCHEMA == ROOT / "schema" / "submission.schema.json"
    on_disk = json.loads(SUBMISSION_SCHEMA.read_text(encoding="utf-8"))
    assert load_submission_schema() == on_disk


def test_is_a_valid_self_contained_schema():
    schema = answer_schema(LAYER_KEYS)
    Draft202012Validator.check_schema(schema)
    assert "$ref" not in json.dumps(schema) and "$defs" not in schema
    assert schema["required"] == list(LAYER_KEYS)
    assert schema["additionalProperties"] is False


def test_labels_come_from_the_submission_schema():
    source = load_submission_schema()["$defs"]
    events = answer_schema(["events"])["properties"]["events"]["items"]["properties"]
    assert events["event_type"] == source["event"]["properties"]["event_type"]
    hedges = answer_schema(["hedges"])["properties"]["hedges"]["items"]["properties"]
    assert hedges["cue_type"]["enum"] == ["conditional", "evidential", "epistemic"]


def test_every_field_and_label_of_the_submission_schema_is_in_the_answer_schema():
    source = load_submission_schema()
    schema = answer_schema(LAYER_KEYS)
    for layer in LAYER_KEYS:
        name = source["properties"][layer]["items"]["$ref"].removeprefix("#/$defs/")
        given = source["$defs"][name]["properties"]
        asked = schema["properties"][layer]["items"]["properties"]
        assert list(asked) == [field for field in given if field != "doc_id"], layer
        for field, value in given.items():
            if "enum" in value:
                assert asked[field]["enum"] == value["enum"], (layer, field)


def test_schema_2_casualties_range_needs_count_high():
    # dataset 2.0: count_high, the range qualifier, the general victim groups
    schema = answer_schema(["casualties"])
    item = schema["properties"]["casualties"]["items"]
    assert "count_high" in item["properties"] and "count_high" not in item["required"]
    assert "range" in item["properties"]["count_qualifier"]["enum"]
    assert "military" in item["properties"]["victim_group"]["enum"]
    casualty = {
        "casualty_id": "c1",
        "sentence_id": 0,
        "status": "killed",
        "count": 5,
        "count_qualifier": "range",
        "victim": {"text": "persone"},
        "victim_group": "people",
        "polarity": "positive",
        "certainty": "certain",
    }
    assert not _valid(schema, {"casualties": [casualty]})  # a range without its upper bound
    assert _valid(schema, {"casualties": [{**casualty, "count_high": 8}]})
    assert not _valid(
        schema, {"casualties": [{**casualty, "count_qualifier": "exact", "count_high": 8}]}
    )


def test_a_changed_source_changes_the_answer_schema():
    source = load_submission_schema()
    source["$defs"]["hedge"]["properties"]["cue_type"]["enum"] = ["only"]
    derived = answer_schema(["hedges"], submission_schema=source)
    assert derived["properties"]["hedges"]["items"]["properties"]["cue_type"]["enum"] == ["only"]


HEDGE = {
    "hedge_id": "h1",
    "sentence_id": 0,
    "cue": {"text": "forse"},
    "cue_type": "epistemic",
    "scope": {"text": "forse piove"},
}


@pytest.mark.parametrize(
    ("change", "valid"),
    [
        ({}, True),
        ({"cue": {"start": 0, "end": 5}}, False),  # offsets: not in an answer
        ({"cue": {"start": 0, "end": 5, "text": "forse"}}, False),
        ({"cue": {"text": "forse", "occurrence": 1}}, False),
        ({"cue": {"text": ""}}, False),
        ({"doc_id": "d"}, False),
        ({"cue_type": "speculative"}, False),
        ({"sentence_id": None}, False),
    ],
)
def test_text_only_spans_and_labels(change, valid):
    item = {**HEDGE, **change}
    assert _valid(answer_schema(["hedges"]), {"hedges": [item]}) is valid


def test_sentence_id_is_required_where_it_anchors_the_alignment():
    item = {k: v for k, v in HEDGE.items() if k != "sentence_id"}
    assert not _valid(answer_schema(["hedges"]), {"hedges": [item]})
    required = {
        layer: "sentence_id" in answer_schema([layer])["properties"][layer]["items"]["required"]
        for layer in LAYER_KEYS
    }
    assert required == {
        "events": True,
        "casualties": True,
        "attributions": False,  # no sentence_id in the format
        "hedges": True,
        "sentences": True,
    }


def test_every_asked_key_is_required_and_no_other():
    schema = answer_schema(["hedges", "sentences"])
    assert not _valid(schema, {"hedges": []})
    assert _valid(schema, {"hedges": [], "sentences": []})
    assert not _valid(schema, {"hedges": [], "sentences": [], "events": []})


def test_references_exist_only_when_their_layer_is_asked():
    def fields(layers, layer):
        return set(answer_schema(layers)["properties"][layer]["items"]["properties"])

    assert "attribution_id" not in fields(["events"], "events")
    assert "attribution_id" in fields(["events", "attributions"], "events")
    assert {"event_id", "attribution_id"}.isdisjoint(fields(["casualties"], "casualties"))
    assert "event_id" in fields(["events", "casualties"], "casualties")
    assert "parent_id" in fields(["attributions"], "attributions")


def test_a_valid_answer_plus_doc_id_is_a_valid_submission_line(gold):
    answer = gold_answer(gold, "kharkiv-001", LAYER_KEYS)
    counts = {layer: len(items) for layer, items in answer.items()}
    assert counts == {
        layer: len(getattr(gold, layer)) if layer != "sentences" else 22 for layer in LAYER_KEYS
    }
    assert _valid(answer_schema(LAYER_KEYS), answer)
    assert _valid(load_submission_schema(), {"doc_id": "kharkiv-001", **answer})


def test_response_format_carries_the_schema():
    assert response_format(["events"]) == {
        "type": "json_schema",
        "json_schema": {"name": "kharkiv_ie_answer", "schema": answer_schema(["events"])},
    }
