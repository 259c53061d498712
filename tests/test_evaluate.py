import pytest
from support.files import write_jsonl

from benchmark.errors import DataError
from benchmark.evaluation.evaluate import (
    evaluate,
    load_split,
    with_intervals,
    without_empty_types,
)
from benchmark.scoring.scores import Counts, PerUnit, Scores, SubtaskResult
from benchmark.submission import submission_line_from_annotations

UNITS = (("d", 0), ("d", 1), ("d", 2))


def result(per_unit, **changes):
    fields = dict(task="hedges", subtask="cue", mode="exact", tp=3, fp=3, fn=0, per_unit=per_unit)
    fields.update(changes)
    return SubtaskResult(**fields)


@pytest.fixture(scope="module")
def gold():
    return load_split()


def test_constant_units_give_the_point_f1_as_interval():
    # every sentence: tp 1, fp 1, fn 0 -> every resample has F1 = 2 / 3
    report = Scores((result(PerUnit(UNITS, (1, 1, 1), (1, 1, 1), (0, 0, 0))),))
    (scored,) = with_intervals(report, n_bootstrap=100, seed=0).results
    assert scored.ci95 == pytest.approx((2 / 3, 2 / 3))


def test_interval_lies_between_the_extremes_of_sentences():
    # sentence F1s 1.0, 0.0, 1.0; any resample's micro F1 is within [0, 1] and not constant
    per_unit = PerUnit(UNITS, (2, 0, 2), (0, 2, 0), (0, 0, 0))
    report = Scores((result(per_unit, tp=4, fp=2),))
    low, high = with_intervals(report, n_bootstrap=500, seed=1).results[0].ci95
    assert 0.0 <= low < 0.8 < high <= 1.0


def test_no_bootstrap_leaves_the_report_unchanged():
    report = Scores((result(PerUnit(UNITS, (1, 1, 1), (1, 1, 1), (0, 0, 0))),))
    assert with_intervals(report, n_bootstrap=0, seed=0) is report


def test_labels_absent_from_both_sides_are_left_out():
    kept = without_empty_types(
        result(None, per_type={"a": Counts(0, 0, 0), "b": Counts(1, 0, 0), "c": Counts(0, 1, 0)})
    )
    assert kept.per_type == {"b": Counts(1, 0, 0), "c": Counts(0, 1, 0)}


def test_unknown_split_and_options_are_data_errors(gold, tmp_path):
    with pytest.raises(DataError, match="unknown split 'train'"):
        load_split(split="train")
    missing = tmp_path / "never-read.jsonl"
    with pytest.raises(DataError, match=r"unknown modes \['fuzzy'\]"):
        evaluate(missing, gold=gold, modes=("fuzzy",))
    with pytest.raises(DataError, match="expected an integer from 0 to 1000000, got -1"):
        evaluate(missing, gold=gold, n_bootstrap=-1)


def test_evaluate_on_the_gold(gold, tmp_path):
    annotations = gold.annotations
    lines = [submission_line_from_annotations(annotations, d.doc_id) for d in annotations.documents]
    path = write_jsonl(tmp_path / "g.jsonl", lines)
    evaluation = evaluate(path, gold=gold, tasks=("hedges",), modes=("exact",), n_bootstrap=10)
    assert [r.subtask for r in evaluation.results.scores.results] == [
        "cue",
        "cue_typed",
        "scope",
        "uncertain",
    ]
    assert evaluation.results.provenance.config["tasks"] == ["hedges"]
    assert evaluation.results.system["name"] == "g"
