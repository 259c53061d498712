"""benchmark.dataset.layers: one spec per layer, and the rule of sentence uncertainty."""

import dataclasses

import pytest

from benchmark.dataset import inventory
from benchmark.dataset.layers import (
    BIO_COLUMNS,
    LAYER_NAMES,
    LAYERS,
    TAG_COLUMNS,
    item_id,
    layer,
    layer_of,
    uncertain_sentences,
)
from benchmark.dataset.schema import Annotations, Argument, Event, Hedge, Span
from benchmark.errors import DataError


def test_layers_in_canonical_order_are_the_fields_of_annotations():
    assert LAYER_NAMES == ("events", "casualties", "attributions", "hedges")
    assert [f.name for f in dataclasses.fields(Annotations)] == ["documents", *LAYER_NAMES]


@pytest.mark.parametrize("name", LAYER_NAMES)
def test_every_spec_lists_the_schema_fields_in_order(name):
    spec = LAYERS[name]
    assert [f.name for f in spec.fields] == [f.name for f in dataclasses.fields(spec.item_type)]
    assert spec.head in spec.span_fields


def test_ids_heads_and_prefixes():
    assert {n: (s.id_field, s.id_prefix, s.head) for n, s in LAYERS.items()} == {
        "events": ("event_id", "E", "trigger"),
        "casualties": ("casualty_id", "C", "victim"),
        "attributions": ("attribution_id", "A", "cue"),
        "hedges": ("hedge_id", "H", "cue"),
    }
    assert [s.has_sentence for s in LAYERS.values()] == [True, True, False, True]


def test_yaml_keys_are_those_of_the_annotation_format():
    # data/annotations/FORMAT.md, in field order
    assert LAYERS["events"].yaml_keys == (
        "id", "sentence", "trigger", "type", "arguments", "polarity", "certainty", "attribution",
    )  # fmt: skip
    assert LAYERS["casualties"].yaml_keys == (
        "id", "sentence", "status", "count", "count_high", "qualifier", "count_span",
        "qualifier_span",
        "trigger", "victim", "victim_group", "location", "time", "polarity", "certainty",
        "event", "attribution",
    )  # fmt: skip
    assert LAYERS["attributions"].yaml_keys == (
        "id", "sentence", "source", "source_antecedent", "cue", "content", "type", "parent",
    )  # fmt: skip
    assert LAYERS["hedges"].yaml_keys == ("id", "sentence", "cue", "type", "scope")


def test_spans_references_and_labels():
    casualties = LAYERS["casualties"]
    assert casualties.span_fields == (
        "count_span", "qualifier_span", "trigger", "victim", "location", "time",
    )  # fmt: skip
    assert casualties.references == (("event_id", "events"), ("attribution_id", "attributions"))
    assert LAYERS["attributions"].references == (("parent_id", "attributions"),)
    assert [f.name for f in LAYERS["attributions"].fields if f.may_leave] == [
        "source", "source_antecedent", "content",
    ]  # fmt: skip
    assert LAYERS["events"].label_fields["arguments.role"] == inventory.ARGUMENT_ROLES
    assert LAYERS["hedges"].label_fields == {"cue_type": inventory.HEDGE_CUE_TYPES}
    assert LAYERS["hedges"].contains == (("scope", "cue"),)


def test_bio_columns_in_token_row_order():
    assert TAG_COLUMNS == ("event_tags", "hedge_tags", "attribution_tags", "casualty_tags")
    assert BIO_COLUMNS["attribution_tags"].tags == (
        "O", "B-SOURCE", "I-SOURCE", "B-CUE", "I-CUE", "B-CONTENT", "I-CONTENT",
    )  # fmt: skip
    assert BIO_COLUMNS["event_tags"].tags == inventory.EVENT_TAGS
    assert BIO_COLUMNS["attribution_tags"].top_level_only == "parent_id"


def test_spans_of_an_item_in_field_order_arguments_after_the_trigger():
    event = Event(
        "E1", "d", 0, Span(5, 9, "colpo"), "Conflict:Attack",
        (Argument("Target", Span(10, 15, "porto")), Argument("Place", Span(0, 4, "Lviv"))),
        "positive", "certain", None,
    )  # fmt: skip
    assert list(LAYERS["events"].spans_of(event)) == [
        ("trigger", Span(5, 9, "colpo")),
        ("arguments[0]", Span(10, 15, "porto")),
        ("arguments[1]", Span(0, 4, "Lviv")),
    ]
    assert item_id(event) == "E1" and layer_of(event) is LAYERS["events"]


def test_unknown_layers_and_items():
    with pytest.raises(DataError, match="unknown layer 'entities'; expected one of events"):
        layer("entities")
    with pytest.raises(TypeError, match="not a layer item: Span"):
        layer_of(Span(0, 1, "x"))


def test_a_sentence_is_uncertain_iff_it_holds_a_hedge():
    hedges = [
        Hedge("H1", "d1", 2, Span(0, 1, "x"), "conditional", Span(0, 1, "x")),
        Hedge("H2", "d1", 2, Span(2, 3, "y"), "epistemic", Span(2, 3, "y")),
        Hedge("H3", "d2", 0, Span(0, 1, "x"), "evidential", Span(0, 1, "x")),
    ]
    assert uncertain_sentences(hedges) == {("d1", 2), ("d2", 0)}
    assert uncertain_sentences([]) == frozenset()
