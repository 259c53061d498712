"""The versioned results file: round trip, old versions keep loading, bad files refused."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from support.event_case import GOLD, PRED

from benchmark.errors import DataError
from benchmark.evaluation import results
from benchmark.evaluation.results import Counts, DatasetInfo, Provenance, Results
from benchmark.scoring import SCORER_VERSION, score

FIXTURES = Path(__file__).parent / "fixtures" / "results"


def make_results() -> Results:
    report = score(GOLD, PRED, attempted={"events"}, tasks=["events", "casualties"])
    return Results(
        dataset=DatasetInfo("kharkiv-ie", "1.0.0", "ab" * 32),
        system={"name": "test"},
        provenance=Provenance({"seed": 0}, None, {"numpy": "2"}, "2026-01-01T00:00:00+00:00"),
        scores=report,
    )


def test_round_trip(tmp_path):
    original = make_results()
    path = tmp_path / "scores.json"
    results.write_results(path, original)
    loaded = results.read_results(path)
    assert loaded == original  # per_unit is not written and not compared
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == "1.2" and data["scorer_version"] == SCORER_VERSION
    assert "contrast_consistency" not in data  # test split: no section
    assert data["tasks"]["casualties"] == {"attempted": False}
    exact = data["tasks"]["events"]["trigger_identification"]["exact"]
    assert (exact["tp"], exact["fp"], exact["fn"], exact["precision"]) == (2, 2, 1, 0.5)
    assert exact["ci95"] is None
    assert "macro_f1" not in exact  # untyped subtask
    assert exact["missed"] == [["d1", "E2"]]
    assert data["rejected"] == []
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_version_1_0_fixture_loads():
    loaded = results.read_results(FIXTURES / "results-1.0.json")
    assert loaded.schema_version == "1.2"  # migrated: 1.0 files are valid 1.1 files
    assert loaded.contrast_consistency == ()
    assert loaded.dataset.name == "kharkiv-ie"
    assert loaded.scores.not_attempted == ("casualties", "hedges/uncertain")
    exact = loaded.scores.get("events", "trigger_identification", "exact")
    assert (exact.tp, exact.fp, exact.fn, exact.ci95) == (2, 2, 1, (0.25, 0.8))
    assert exact.matched == (("d1", "E1", "P1"), ("d1", "E3", "P3"))
    per_type = loaded.scores.get("events", "trigger_classification", "exact").per_type
    assert per_type["Conflict:Attack"] == Counts(1, 1, 1)
    assert loaded.scores.unaligned[0].text == "razzi"


def test_migration_chain(monkeypatch):
    data = json.loads((FIXTURES / "results-1.0.json").read_text(encoding="utf-8"))
    data["schema_version"] = "0.9"
    data["scorer"] = data.pop("scorer_version")  # a made-up older field name

    def from_0_9(old):
        new = dict(old)
        new["scorer_version"] = new.pop("scorer")
        return new

    monkeypatch.setitem(results.MIGRATIONS, "0.9", ("1.0", from_0_9))
    loaded = results.from_dict(data)
    assert loaded.scorer_version == "1.0.0" and loaded.schema_version == "1.2"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.update(schema_version="7.0"), "unsupported schema version '7.0'"),
        (lambda d: d["tasks"]["events"]["trigger_identification"]["exact"].update(f1=0.9),
         "field tasks.events.trigger_identification.exact.f1: 0.9 does not follow"),
        (lambda d: d["tasks"]["events"]["trigger_identification"]["exact"].update(tp=-1),
         "field tasks.events.trigger_identification.exact.tp: expected a number >= 0"),
        (lambda d: d["tasks"]["events"]["trigger_identification"]["exact"].update(tp=True),
         "field tasks.events.trigger_identification.exact.tp: expected a number >= 0"),
        (lambda d: d.update(not_attempted=[]), "field not_attempted"),
        (lambda d: d["dataset"].pop("sha256"), "field dataset.sha256: expected a string"),
    ],
)  # fmt: skip
def test_bad_files(tmp_path, edit, message):
    data = json.loads((FIXTURES / "results-1.0.json").read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError, match=message) as error:
        results.read_results(path)
    assert str(error.value).startswith(str(path))
    assert "\n" not in str(error.value)


def test_version_1_1_file_of_scorer_1_1_loads():
    # results/naive.json as committed by scorer 1.1.0 (exact and overlap, no macro_f1, no
    # rejected list)
    loaded = results.read_results(FIXTURES / "results-1.1.json")
    assert (loaded.schema_version, loaded.scorer_version) == ("1.2", "1.1.0")
    assert loaded.scores.rejected == ()
    cue_typed = loaded.scores.get("hedges", "cue_typed", "exact")
    assert (cue_typed.tp, cue_typed.fp, cue_typed.fn) == (5, 2, 3)
    # per type: conditional tp 5 fp 2 fn 2 -> F1 10/14; evidential tp 0 fn 1 -> 0: macro 5/14
    assert cue_typed.macro_f1 == pytest.approx(5 / 14)
    assert {r.mode for r in loaded.scores.results} == {"exact", "overlap"}


def test_fractional_counts_macro_f1_and_rejected_items_round_trip(tmp_path):
    from benchmark.scoring.scores import SubtaskResult
    from benchmark.submission import RejectedItem

    # partial-mode credits: tp 1.5 fp 0.5 fn 1.5 -> P 0.75, R 0.5, F1 3 / 5
    # per type A: tp 1.5 fp 0.5 fn 0.5 -> F1 3/4; B: fn 1 -> 0; macro 3/8
    per_type = {"A": Counts(1.5, 0.5, 0.5), "B": Counts(0, 0, 1)}
    partial = SubtaskResult("events", "trigger_classification", "partial", 1.5, 0.5, 1.5, per_type)
    rejected = RejectedItem("d1", "events", "$.events[2]", 1, "$.events[2]", ("$.x: bad",))
    original = replace(
        make_results(),
        scores=replace(make_results().scores, results=(partial,), rejected=(rejected,)),
    )
    path = tmp_path / "partial.json"
    results.write_results(path, original)
    data = json.loads(path.read_text(encoding="utf-8"))
    cell = data["tasks"]["events"]["trigger_classification"]["partial"]
    assert (cell["tp"], cell["fp"], cell["fn"], cell["f1"]) == (1.5, 0.5, 1.5, 0.6)
    assert cell["macro_f1"] == 3 / 8
    assert data["rejected"] == [
        {"doc_id": "d1", "task": "events", "item_id": "$.events[2]", "line": 1,
         "path": "$.events[2]", "errors": ["$.x: bad"]}
    ]  # fmt: skip
    assert results.read_results(path) == original
    cell["macro_f1"] = 0.5
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError, match=r"macro_f1: 0.5 does not follow from the counts"):
        results.read_results(path)


def test_malformed_json(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"schema_version": "1.0",\n oops}', encoding="utf-8")
    with pytest.raises(DataError, match=r"bad.json:2: malformed JSON"):
        results.read_results(path)


def _with_contrast() -> Results:
    from benchmark.evaluation.results_contrast import ConsistencySection
    from benchmark.scoring.consistency import Consistency

    rows = (
        Consistency("hedging.cue_added", 4, 1, 0.25, ("c02", "c05", "c09")),
        Consistency("negation.added", 2, 2, 1.0, ()),
    )
    return replace(make_results(), contrast_consistency=(ConsistencySection("exact", rows),))


def test_contrast_section_round_trip(tmp_path):
    original = _with_contrast()
    path = tmp_path / "contrast.json"
    results.write_results(path, original)
    assert results.read_results(path) == original
    section = json.loads(path.read_text(encoding="utf-8"))["contrast_consistency"]["exact"]
    assert section["phenomena"]["hedging.cue_added"] == {
        "groups": 4,
        "consistent": 1,
        "consistency": 0.25,
        "inconsistent_groups": ["c02", "c05", "c09"],
    }
    # overall: (1 + 2) / (4 + 2)
    assert section["overall"] == {"groups": 6, "consistent": 3, "consistency": 0.5}


def test_contrast_section_not_attempted_has_no_share():
    from benchmark.evaluation.results_contrast import ConsistencySection
    from benchmark.scoring.consistency import Consistency

    rows = (Consistency("a", 3, 0, None, ()), Consistency("b", 1, 1, 1.0, ()))
    overall = ConsistencySection("exact", rows).overall
    assert (overall.groups, overall.consistent, overall.consistency) == (4, 1, None)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda s: s["phenomena"]["negation.added"].update(consistency=0.5),
         "phenomena.negation.added.consistency: 0.5 does not follow"),
        (lambda s: s["phenomena"]["negation.added"].update(consistent=3),
         "phenomena.negation.added.consistent: more consistent groups than groups"),
        (lambda s: s["overall"].update(consistent=2),
         "contrast_consistency.exact.overall: does not sum the phenomena"),
        (lambda s: s["phenomena"]["hedging.cue_added"].update(groups="4"),
         "hedging.cue_added.groups: expected an integer >= 0"),
    ],
)  # fmt: skip
def test_bad_contrast_sections(tmp_path, edit, message):
    data = results.to_dict(_with_contrast())
    edit(data["contrast_consistency"]["exact"])
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError, match=message) as error:
        results.read_results(path)
    assert str(error.value).startswith(str(path)) and "\n" not in str(error.value)
