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
    # 5 event subtasks x 4 modes, attempted by both; hedges only by A: not compared
    assert len(rows) == 20
    assert "hedges" not in out.split(LOW_POWER_WARNING)[0].split("F1 in percent")[0]
    first = rows[0]
    assert first[:6] == ["events", "trigger_identification", "exact", "0.0", "100.0", "+100.0"]
    # delta = 1 in every resample that draws a sentence with an event: interval [1, 1]
    assert first[6:8] == ["[+100.0,", "+100.0]"]
    # A and B differ on every sentence that holds a gold event (A misses it, B finds it)
    differing = len({(e.doc_id, e.sentence_id) for e in test_gold.events})
    assert first[8] == str(differing)
    # exact permutation: only the identity and the full swap reach |delta| = 1: 2 / 2^k
    # (approximate randomisation above 20 differing sentences: no round reaches it)
    expected = f"={2 / 2**differing:.1e}" if differing <= 20 else f"~{1 / 100:.4f}"
    assert first[9] == expected
    # paired bootstrap: every resample has delta_i = 1, |1 - 1| < 1: none as extreme, the
    # p-value is its floor 1 / (99 + 1), flagged
    assert first[10:] == ["0.0100", "(floor)"]
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
    assert len(rows) == 4 * (5 + 3 + 7 + 4)
    assert {tuple(r[3:]) for r in rows} == {
        ("100.0", "100.0", "+0.0", "[+0.0,", "+0.0]", "0", "=1.0000", "1.0000")
    }
    assert LOW_POWER_WARNING in out


def test_invalid_file_exits_2(tmp_path, test_gold, capsys):
    good = write_jsonl(tmp_path / "a.jsonl", [{"doc_id": d.doc_id} for d in test_gold.documents])
    bad = tmp_path / "b.jsonl"
    bad.write_text("{not json\n", "utf-8")
    assert cli.main(["compare", str(good), str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:1: malformed JSON" in err and "Traceback" not in err
