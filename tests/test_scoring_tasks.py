"""benchmark.scoring.tasks: one TaskSpec per layer, consistent with its subtasks and layer."""

import pytest

from benchmark.dataset.layers import LAYER_NAMES, LAYERS
from benchmark.scoring.tasks import SUBMISSION_KEYS, TASK_NAMES, TASKS


def test_one_task_per_layer_in_layer_order():
    assert TASK_NAMES == LAYER_NAMES
    assert SUBMISSION_KEYS == (*LAYER_NAMES, "sentences")


def test_subtasks_in_report_order():
    assert {name: spec.subtask_names() for name, spec in TASKS.items()} == {
        "events": (
            "trigger_identification",
            "trigger_classification",
            "argument_identification",
            "argument_classification",
            "factuality",
        ),
        "casualties": ("victim", "record", "slots"),
        "attributions": ("source", "cue", "content", "relation", "nesting"),
        "hedges": ("cue", "cue_typed", "scope", "uncertain"),
    }
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
