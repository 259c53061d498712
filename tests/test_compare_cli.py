from support.files import write_jsonl
from support.schema_1x import write_1x_submission

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
    # split-specific: the test split's size, then one minimal detectable difference per task
    assert f"Split 'test': 1 document(s), {n_units} sentences" in out
    assert sum(out.count(f"\n  {task}: ") for task in ("events", "hedges")) == 2


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


def _only(test_gold, task, keep):
    """Submission lines holding the gold items of ``task`` whose id is in ``keep``."""
    lines = []
    for document in test_gold.documents:
        line = submission_line_from_annotations(test_gold, document.doc_id, tasks=(task,))
        ids = {"casualties": "casualty_id", "hedges": "hedge_id"}[task]
        line[task] = [item for item in line[task] if item[ids] in keep]
        for item in line[task]:
            if task == "casualties":
                item.update(event_id=None, attribution_id=None)
        lines.append(line)
    return lines


def _row(out, task, subtask, mode):
    return next(
        line.split() for line in out.splitlines() if line.split()[:3] == [task, subtask, mode]
    )


def test_three_and_two_differing_sentences_get_exact_permutation_p_values(
    tmp_path, test_gold, capsys
):
    # casualties: A predicts nothing; B the gold records but C1 (sentence 6), with their links
    # removed (no events or attributions submitted). record, exact: F1(A) 0, F1(B) 2*4/(8+1)
    # = 8/9; A and B differ in sentences 15 (C2, C3), 16 (C4) and 18 (C5). The 8 swap patterns
    # of tests/test_stats_permutation.py: p = 2/8 = 0.25 exactly
    empty = [{"doc_id": d.doc_id, "casualties": [], "hedges": []} for d in test_gold.documents]
    a = write_jsonl(tmp_path / "a.jsonl", empty)
    b = write_jsonl(tmp_path / "b.jsonl", _only(test_gold, "casualties", {"C2", "C3", "C4", "C5"}))
    assert cli.main(["compare", str(a), str(b), "--bootstrap", "200", "--rounds", "200"]) == 0
    row = _row(capsys.readouterr().out, "casualties", "record", "exact")
    assert row[3:9] == ["0.0", "88.9", "+88.9", row[6], row[7], "3"]
    assert row[9] == "=0.2500"
    # hedges: B holds H1 (sentence 2) and H5 (sentence 7) of the 8 gold hedges. cue, exact:
    # F1(A) 0, F1(B) 2*2/(4+0+6) = 0.4; they differ in sentences 2 and 7 only (A and B both
    # miss the others): patterns {} +0.4, {2} and {7} 0 (both (1, 0, 7)), {2, 7} -0.4: p 0.5
    b = write_jsonl(tmp_path / "h.jsonl", _only(test_gold, "hedges", {"H1", "H5"}))
    assert cli.main(["compare", str(a), str(b), "--bootstrap", "200", "--rounds", "200"]) == 0
    row = _row(capsys.readouterr().out, "hedges", "cue", "exact")
    assert row[3:6] == ["0.0", "40.0", "+40.0"]
    assert (row[8], row[9]) == ("2", "=0.5000")


def test_a_1x_submission_compares_through_the_label_map(tmp_path, gold_submission, capsys):
    old = write_1x_submission(gold_submission, tmp_path / "old.jsonl")
    command = ["compare", str(old), str(gold_submission), "--bootstrap", "9", "--rounds", "9"]
    assert cli.main(command) == 2
    assert "ukrainian_military" in capsys.readouterr().err
    assert cli.main([*command, "--schema-1x", "a"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()]
    record = next(r for r in rows if r[:3] == ["casualties", "record", "exact"])
    assert record[3:6] == ["100.0", "100.0", "+0.0"]  # the same records once mapped
