"""benchmark.scoring.tasks: one TaskSpec per layer, consistent with its subtasks and layer."""

import pytest
from support.subtasks import SUBTASKS

from benchmark.dataset.layers import LAYER_NAMES, LAYERS
from benchmark.scoring.modes import MATCH_MODES
from benchmark.scoring.tasks import SUBMISSION_KEYS, TASK_NAMES, TASKS


def test_one_task_per_layer_in_layer_order():
    assert TASK_NAMES == LAYER_NAMES
    assert SUBMISSION_KEYS == (*LAYER_NAMES, "sentences")


def test_subtasks_in_report_order():
    assert {name: spec.subtask_names() for name, spec in TASKS.items()} == SUBTASKS
    assert {name: spec.main for name, spec in TASKS.items()} == {
        "events": "trigger_classification",
        "casualties": "record",
        "attributions": "relation",
        "hedges": "cue_typed",
    }


@pytest.mark.parametrize("name", TASK_NAMES)
def test_every_named_subtask_and_label_exists(name):
    spec = TASKS[name]
    subtasks = spec.subtask_names()
    assert spec.main in subtasks and spec.identification in subtasks
    assert set(spec.judged) <= set(subtasks) and set(spec.span_agreement) <= set(subtasks)
    labels = LAYERS[name].label_fields
    assert all(field in labels for _, field in spec.label_agreement)


def test_only_sentence_uncertainty_needs_the_sentences_key():
    keys = {(t, s.name): s.submission_key for t, spec in TASKS.items() for s in spec.subtasks}
    assert {k for k, key in keys.items() if key != k[0]} == {("hedges", "uncertain")}
    assert keys[("hedges", "uncertain")] == "sentences"


def test_unscored_fields_are_declared_with_a_reason_and_exist():
    declared = {(t, f) for t, spec in TASKS.items() for f, _ in spec.unscored}
    assert declared == {("events", "attribution_id"), ("casualties", "attribution_id")}
    for name, spec in TASKS.items():
        fields = {f.name for f in LAYERS[name].fields}
        for field, reason in spec.unscored:
            assert field in fields and len(reason) > 40, (name, field)


CONTENT_KINDS = ("span", "label", "count", "arguments", "reference")


def _changed(value, field):
    """A different value of ``field`` (a layer FieldSpec)."""
    from benchmark.dataset.schema import Span

    if field.kind == "span":
        return Span(0, 1, "x") if value is None else Span(value.start, value.end + 1, value.text)
    if field.kind == "label":
        return next(label for label in field.labels if label != value)
    if field.kind == "count":
        return 1 if value is None else value + 1
    if field.kind == "arguments":
        return value[1:]
    return None  # a reference: the link removed


@pytest.mark.parametrize(
    ("layer", "field"),
    [
        (name, f.name)
        for name, spec in LAYERS.items()
        for f in spec.fields
        if f.kind in CONTENT_KINDS
    ],
)
def test_every_gold_field_is_scored_or_declared_unscored(test_gold, layer, field):
    # change the field in ONE gold item (the first where it is set; the first item when it is
    # null everywhere, e.g. count_high on this article) and score the gold against it: a scored
    # field moves some subtask of the layer below 1.0 in exact mode; a declared unscored field
    # moves none
    import dataclasses

    from benchmark.scoring import score

    spec = next(f for f in LAYERS[layer].fields if f.name == field)
    items = list(getattr(test_gold, layer))
    position = next((i for i, item in enumerate(items) if getattr(item, field)), 0)
    items[position] = dataclasses.replace(
        items[position], **{field: _changed(getattr(items[position], field), spec)}
    )
    pred = dataclasses.replace(test_gold, **{layer: tuple(items)})
    report = score(test_gold, pred, tasks=[layer], modes=[MATCH_MODES["exact"]])
    moved = [r.subtask for r in report.results if r.f1 < 1.0]
    declared = dict(TASKS[layer].unscored)
    if field in declared:
        assert moved == [], f"{layer}.{field} is declared unscored but moves {moved}"
    else:
        assert moved, f"{layer}.{field} is scored by no subtask and not declared unscored"


def test_required_submission_fields_are_all_scored():
    from benchmark.submission.format import LAYER_FIELDS

    for layer, fields in LAYER_FIELDS.items():
        declared = dict(TASKS[layer].unscored) if layer in TASKS else {}
        assert not [f.name for f in fields if f.required and f.name in declared], layer


def test_the_card_and_the_scoring_reference_list_every_unscored_field():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    card = (root / "data" / "README.md").read_text(encoding="utf-8")
    reference = (root / "docs" / "scoring.md").read_text(encoding="utf-8")
    for layer, spec in TASKS.items():
        for field, _ in spec.unscored:
            assert f"`{layer}.{field}`" in card and f"`{layer}.{field}`" in reference
