from support.files import write_jsonl

from benchmark import cli
from benchmark.stats import LOW_POWER_WARNING
from benchmark.submission import submission_line_from_annotations


def test_gold_against_no_events_prints_rows_and_the_warning(tmp_path, test_gold, capsys):
    full = [
        submission_line_from_annotations(test_gold, d.doc_id, tasks=("events",))
        for d in test_gold.documents
    ]
    for line in full:  # attributions are not submitted: drop the references to them
        for event in line["events"]:
            event["attribution_id"] = None
    empty = [{"doc_id": d.doc_id, "events": [], "hedges": []} for d in test_gold.documents]
    a = write_jsonl(tmp_path / "a.jsonl", empty)
    b = write_jsonl(tmp_path / "b.jsonl", full)
    assert cli.main(["compare", str(a), str(b), "--bootstrap", "99", "--rounds", "99"]) == 0
    out = capsys.readouterr().out
    rows = [line.split() for line in out.splitlines() if line.startswith("events ")]
    # 5 event subtasks x 2 modes, attempted by both; hedges only by A: not compared
    assert len(rows) == 10
    assert "hedges" not in out.split(LOW_POWER_WARNING)[0].split("F1 in percent")[0]
    first = rows[0]
    assert first[:6] == ["events", "trigger_identification", "exact", "0.0", "100.0", "+100.0"]
    # paired bootstrap: delta = 1 and no resample can reach 2 x delta: p = 1 / (99 + 1)
    assert first[6] == "0.0100"
    n_units = sum(len(d.sentences) for d in test_gold.documents)
    assert f"{LOW_POWER_WARNING} (Resampling unit: the sentence; {n_units} units here.)" in out


def test_identical_submissions_give_p_one(tmp_path, test_gold, capsys):
    lines = [submission_line_from_annotations(test_gold, d.doc_id) for d in test_gold.documents]
    a = write_jsonl(tmp_path / "a.jsonl", lines)
    assert cli.main(["compare", str(a), str(a), "--bootstrap", "50", "--rounds", "50"]) == 0
    out = capsys.readouterr().out
    rows = [
        line.split()
        for line in out.splitlines()
        if line.split()[:1] in (["events"], ["casualties"], ["attributions"], ["hedges"])
    ]
    assert len(rows) == 2 * (5 + 3 + 5 + 4)
    assert {tuple(r[3:]) for r in rows} == {("100.0", "100.0", "+0.0", "1.0000", "1.0000")}
    assert LOW_POWER_WARNING in out


def test_invalid_file_exits_2(tmp_path, test_gold, capsys):
    good = write_jsonl(tmp_path / "a.jsonl", [{"doc_id": d.doc_id} for d in test_gold.documents])
    bad = tmp_path / "b.jsonl"
    bad.write_text("{not json\n", "utf-8")
    assert cli.main(["compare", str(good), str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:1: malformed JSON" in err and "Traceback" not in err
