from support.schema_1x import write_1x_submission

from benchmark.cli import main


def test_report_writes_one_page_and_no_temporary_file(gold_submission, tmp_path, capsys):
    out = tmp_path / "report.html"
    code = main(["report", str(gold_submission), "--out", str(out), "--bootstrap", "20"])
    assert code == 0
    assert capsys.readouterr().out == f"report written to {out}\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<title>kharkiv-ie error analysis: gold</title>" in page
    assert "Missed items (false negatives): none" in page
    assert "Spurious items (false positives): none" in page


def test_bad_submission_exits_2_with_one_line_and_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "kharkiv-001", "events": [{"event_id": 3}]}\n', encoding="utf-8")
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir()
    out.write_text("previous page", encoding="utf-8")
    code = main(["report", str(bad), "--out", str(out), "--bootstrap", "0"])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{bad}:1: $.events[0]")
    assert lines[0].endswith(f"(and 4 more; `kharkiv-ie validate {bad}` lists them all)")
    assert out.read_text(encoding="utf-8") == "previous page"
    assert [p.name for p in out.parent.iterdir()] == ["report.html"]


def test_missing_gold_folder_exits_2_and_writes_nothing(gold_submission, tmp_path, capsys):
    out = tmp_path / "report.html"
    missing = tmp_path / "no-data"
    code = main(["report", str(gold_submission), "--gold-dir", str(missing), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and len(err.splitlines()) == 1 and "no-data" in err
    assert not out.exists()


def test_missing_output_folder_is_one_line_exit_2(tmp_path, capsys):
    from benchmark.cli import main as cli_main

    submission = tmp_path / "empty.jsonl"
    submission.write_text(
        '{"doc_id": "kharkiv-001", "events": [], "casualties": [], "attributions": [], '
        '"hedges": [], "sentences": []}\n',
        encoding="utf-8",
    )
    target = tmp_path / "missing" / "page.html"
    code = cli_main(["report", str(submission), "--bootstrap", "0", "--out", str(target)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "output folder does not exist" in err
    assert not target.parent.exists()


def test_a_1x_submission_gets_a_page_through_the_label_map(gold_submission, tmp_path, capsys):
    old = write_1x_submission(gold_submission, tmp_path / "old.jsonl")
    out = tmp_path / "old.html"
    command = ["report", str(old), "--out", str(out), "--bootstrap", "0"]
    assert main(command) == 2
    assert not out.exists()
    assert main([*command, "--schema-1x"]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
