import hashlib
import json
import shutil

from support.files import write_jsonl
from support.schema_1x import write_1x_submission

from benchmark import cli
from benchmark.dataset.loading import content_hash, data_dir, load_gold
from benchmark.evaluation.results import SCHEMA_VERSION, read_results
from benchmark.submission import submission_line_from_annotations


def test_same_seed_gives_identical_results_but_the_creation_time(tmp_path, gold_submission):
    outs = []
    for name in ("a.json", "b.json"):
        out = tmp_path / name
        args = [
            "score",
            str(gold_submission),
            "--bootstrap",
            "200",
            "--seed",
            "0",
            "--out",
            str(out),
        ]
        assert cli.main(args) == 0
        data = json.loads(out.read_text("utf-8"))
        del data["provenance"]["created"]
        outs.append(data)
    assert outs[0] == outs[1]
    assert outs[0]["schema_version"] == SCHEMA_VERSION
    assert outs[0]["provenance"]["config"]["bootstrap"] == 200
    assert read_results(tmp_path / "a.json").system["name"] == "gold"


def test_results_carry_system_dataset_and_provenance(tmp_path, gold_submission):
    out = tmp_path / "s.json"
    args = [
        "score",
        str(gold_submission),
        "--system-name",
        "oracle",
        "--bootstrap",
        "0",
        "--out",
        str(out),
    ]
    assert cli.main(args) == 0
    results = read_results(out)
    assert results.system == {
        "name": "oracle",
        "submission_sha256": hashlib.sha256(gold_submission.read_bytes()).hexdigest(),
        "submitted_file": str(gold_submission),
    }
    assert results.dataset.name == "kharkiv-ie" and results.dataset.version == "2.0.0"
    assert results.dataset.sha256 == content_hash(data_dir(), split="test")
    assert all(r.ci95 is None for r in results.scores.results)  # --bootstrap 0


def test_tasks_and_modes_restrict_what_is_scored(tmp_path, gold_submission, capsys):
    out = tmp_path / "s.json"
    args = [
        "score",
        str(gold_submission),
        "--tasks",
        "hedges",
        "--modes",
        "exact",
        "--bootstrap",
        "0",
    ]
    assert cli.main([*args, "--out", str(out)]) == 0
    data = json.loads(out.read_text("utf-8"))
    assert list(data["tasks"]) == ["hedges"]
    assert list(data["tasks"]["hedges"]["scope"]) == ["exact"]
    printed = capsys.readouterr().out
    assert "events" not in printed and "overlap" not in printed


def test_unaligned_spans_are_counted_and_listed(tmp_path, test_gold, capsys):
    hedge = {
        "hedge_id": "X1",
        "cue": {"text": "zzzqqq"},
        "cue_type": "conditional",
        "scope": {"text": "zzzqqq"},
    }
    lines = [
        {"doc_id": d.doc_id, "hedges": [hedge] if i == 0 else []}
        for i, d in enumerate(test_gold.documents)
    ]
    submission = write_jsonl(tmp_path / "u.jsonl", lines)
    out = tmp_path / "u.json"
    assert cli.main(["score", str(submission), "--bootstrap", "0", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    doc = test_gold.documents[0].doc_id
    assert "unaligned spans (counted as false positives): 2\n" in printed
    assert f'  {doc} hedges X1 cue: "zzzqqq"\n' in printed
    assert f'  {doc} hedges X1 scope: "zzzqqq"\n' in printed
    assert "events: not attempted\n" in printed
    data = json.loads(out.read_text("utf-8"))
    cue = data["tasks"]["hedges"]["cue"]["exact"]
    assert (cue["tp"], cue["fp"], cue["fn"]) == (0, 1, len(test_gold.hedges))
    assert data["tasks"]["hedges"]["uncertain"] == {"attempted": False}
    assert len(data["unaligned"]) == 2


def test_invalid_submission_exits_2_and_writes_nothing(tmp_path, test_gold, capsys):
    doc = test_gold.documents[0].doc_id
    submission = write_jsonl(tmp_path / "bad.jsonl", [{"doc_id": doc, "hedges": [{"x": 1}]}])
    out = tmp_path / "never.json"
    assert cli.main(["score", str(submission), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{submission}:1: $.hedges[0]" in err
    assert "Traceback" not in err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [submission]


def test_unknown_task_exits_2(tmp_path, gold_submission, capsys):
    out = tmp_path / "never.json"
    assert (
        cli.main(["score", str(gold_submission), "--tasks", "events,weather", "--out", str(out)])
        == 2
    )
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "field tasks: unknown tasks ['weather']; expected names from " + str(
        ["events", "casualties", "attributions", "hedges"]
    )
    assert not out.exists()


def test_missing_output_folder_exits_2_without_traceback(tmp_path, gold_submission, capsys):
    out = tmp_path / "missing" / "scores.json"
    assert cli.main(["score", str(gold_submission), "--bootstrap", "0", "--out", str(out)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{out}: output folder does not exist",
        "kharkiv-ie score: no results file written",
    ]
    assert not out.parent.exists()


def test_missing_contrast_split_is_one_clear_line(tmp_path, gold_submission, capsys):
    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder, ignore=shutil.ignore_patterns("contrast*"))
    out = tmp_path / "never.json"
    args = ["score", str(gold_submission), "--split", "contrast", "--gold-dir", str(folder)]
    assert cli.main([*args, "--out", str(out)]) == 2
    first = capsys.readouterr().err.splitlines()[0]
    assert first.startswith(f"the 'contrast' split cannot be loaded from {folder} (is it built")
    assert first.endswith("contrast.jsonl: file not found")
    assert not out.exists()


def test_contrast_split_reports_consistency(tmp_path, capsys):
    contrast = load_gold(split="contrast")
    lines = [submission_line_from_annotations(contrast, d.doc_id) for d in contrast.documents]
    path = write_jsonl(tmp_path / "gold-contrast.jsonl", lines)
    out = tmp_path / "gold.contrast.json"
    args = ["score", str(path), "--split", "contrast", "--bootstrap", "0", "--out", str(out)]
    assert cli.main(args) == 0
    printed = capsys.readouterr().out
    assert "contrast consistency (groups whose every document is fully right" in printed
    spec = (data_dir() / "contrast" / "edits.yaml").read_text(encoding="utf-8")
    groups = spec.count("\n  - group: ")  # counted in the spec file, not by the scorer
    overall = [line.split() for line in printed.splitlines() if line.startswith("  overall")]
    assert overall == [["overall", *[str(groups), str(groups), "100.0"] * 4]]
    section = read_results(out).contrast_consistency
    assert [s.mode for s in section] == ["exact", "normalised", "partial", "overlap"]
    assert section[0].overall.groups == groups and section[0].overall.consistency == 1.0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["contrast_consistency"]["exact"]["overall"] == {
        "groups": groups,
        "consistent": groups,
        "consistency": 1.0,
    }


def test_test_split_has_no_consistency_section(tmp_path, gold_submission, capsys):
    out = tmp_path / "gold.json"
    assert cli.main(["score", str(gold_submission), "--bootstrap", "0", "--out", str(out)]) == 0
    assert "contrast consistency" not in capsys.readouterr().out
    assert "contrast_consistency" not in json.loads(out.read_text(encoding="utf-8"))


def test_a_1x_submission_is_scored_through_the_label_map(tmp_path, gold_submission, capsys):
    old = write_1x_submission(gold_submission, tmp_path / "old.jsonl")
    out = tmp_path / "old.json"
    assert cli.main(["score", str(old), "--bootstrap", "0", "--out", str(out)]) == 2
    assert "ukrainian_military" in capsys.readouterr().err and not out.exists()
    args = ["score", str(old), "--schema-1x", "--bootstrap", "0", "--out", str(out)]
    assert cli.main(args) == 0
    results = read_results(out)
    assert results.provenance.config["schema"] == "1.x"
    record = results.scores.get("casualties", "record", "exact")
    assert (record.tp, record.fp, record.fn) == (5, 0, 0)  # the 5 gold records, mapped back
