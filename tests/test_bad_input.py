"""Issue 14's reproducers: every class of bad input is one line and exit code 2, in every command.

Each case ran on the code before the fix and crashed with a traceback (exit 1), hung, or was
accepted and then crashed while writing; the issue's numbers are in the test names' comments.
The commands run in-process (``baselines.cli.main``): an exception escaping ``main`` fails the
test, exactly like a traceback would on the command line.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support.cli import run_cli
from support.files import write_jsonl

from benchmark.json_input import MAX_DIGITS

HUGE = "9" * (MAX_DIGITS + 700)
DEEP = "[" * 3000 + "]" * 3000


def _gold_line(gold_submission):
    return json.loads(gold_submission.read_text("utf-8").splitlines()[0])


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def _raw_submission(tmp_path, gold_submission, edit):
    """The gold as a submission with its one line edited as text (``edit(text) -> text``)."""
    return _write(tmp_path / "s.jsonl", edit(gold_submission.read_text("utf-8")))


SUBMISSION_CASES = {
    # ValueError from int() (issue: "integers of more than 4,300 digits anywhere")
    "huge int": (lambda t: t.replace('"start": 21', f'"start": {HUGE}', 1), "more than 4300"),
    "huge int in an unknown key": (lambda t: t[:-2] + f', "x": {HUGE}}}\n', "more than 4300"),
    # RecursionError (issue: "JSON nested ~1,000 deep")
    "deep nesting": (lambda t: t[:-2] + f', "x": {DEEP}}}\n', "nested too deeply"),
    "deep objects": (
        lambda t: t[:-2] + ', "x": ' + '{"a": ' * 3000 + "1" + "}" * 3000 + "}\n",
        "nested too deeply",
    ),
    # accepted by validate, then UnicodeEncodeError in the table, the results or the page
    "lone surrogate in a span text": (
        lambda t: t.replace('"text": "attaccato"', '"text": "attac\\ud800cato"', 1),
        "$.events[0].trigger.text: a lone surrogate",
    ),
    "lone surrogate in an item id": (
        lambda t: t.replace('"event_id": "E1"', '"event_id": "E\\udc80"', 1),
        "$.events[0].event_id: a lone surrogate",
    ),
    "number beyond the float range": (
        lambda t: t[:-2] + ', "x": 1e400}\n',
        "number out of range",
    ),
}


@pytest.mark.parametrize("command", ["validate", "score", "report", "compare"])
@pytest.mark.parametrize("case", sorted(SUBMISSION_CASES))
def test_bad_submission_is_one_line_and_exit_2(tmp_path, gold_submission, capsys, command, case):
    edit, expected = SUBMISSION_CASES[case]
    bad = _raw_submission(tmp_path, gold_submission, edit)
    out = tmp_path / "out.file"
    argv = {
        "validate": ["validate", str(bad)],
        "score": ["score", str(bad), "--bootstrap", "0", "--out", str(out)],
        "report": ["report", str(bad), "--bootstrap", "0", "--out", str(out)],
        "compare": ["compare", str(gold_submission), str(bad), "--bootstrap", "1", "--rounds", "1"],
    }[command]
    code, stdout, err = run_cli(argv, capsys)
    assert code == 2
    first = err.splitlines()[0]
    assert first.startswith(f"{bad}:1: ") and expected in first
    assert "Traceback" not in err
    assert not out.exists()
    assert stdout == ""


def test_control_characters_from_the_input_are_escaped_in_every_message(
    tmp_path, gold_submission, capsys
):
    line = _gold_line(gold_submission)
    line["x\nkharkiv-001: forged line\r\x1b[2J"] = 1
    line["doc_id"] = "kharkiv\x9b31m\u202e-001"
    bad = write_jsonl(tmp_path / "s.jsonl", [line])
    code, _, err = run_cli(["validate", str(bad)], capsys)
    assert code == 2
    assert f"{bad}:1: $.x\\nkharkiv-001: forged line\\r\\x1b[2J: unknown field" in err
    assert 'unknown document "kharkiv\\x9b31m\\u202e-001"' in err
    for raw in ("\r", "\x1b", "\x9b", "\u202e"):
        assert raw not in err
    assert all(message.startswith(str(bad)) for message in err.splitlines()[:-1])


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path, gold_submission, capsys):
    path = Path(os.fsdecode(bytes(tmp_path) + b"/sub\xff\x1b.jsonl"))
    shutil.copy(gold_submission, path)
    code, out, err = run_cli(["score", str(path), "--bootstrap", "0"], capsys)
    assert (code, err) == (0, "")
    assert out.startswith(f"sub\\xff\\x1b: {tmp_path}/sub\\xff\\x1b.jsonl (test split)")
    missing = os.fsdecode(bytes(tmp_path) + b"/gone\xfe.jsonl")
    code, _, err = run_cli(["validate", missing], capsys)
    assert code == 2 and f"{tmp_path}/gone\\xfe.jsonl: cannot read the submission" in err


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (os.fsdecode(b"sys\xff"), "argument --system-name: not valid UTF-8: 'sys\\xff'"),
        ("a\nb", "argument --system-name: control or invisible formatting characters"),
        ("", "argument --system-name: expected 1 to 200 characters, got 0"),
    ],
)
def test_a_bad_system_name_is_refused_before_scoring(
    tmp_path, gold_submission, capsys, name, message
):
    out = tmp_path / "r.json"
    argv = ["score", str(gold_submission), "--system-name", name, "--out", str(out)]
    code, _, err = run_cli(argv, capsys)
    assert code == 2 and message in err and len(err.splitlines()) == 1
    assert not out.exists()


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--bootstrap", str(10**30), "expected an integer from 0 to 1000000"),
        ("--seed", str(10**200), "expected an integer from 0 to 18446744073709551615"),
        ("--seed", "9" * (MAX_DIGITS + 1), f"an integer of {MAX_DIGITS + 1} digits is too long"),
    ],
)
def test_out_of_range_numbers_are_usage_errors(gold_submission, capsys, option, value, message):
    code, _, err = run_cli(["score", str(gold_submission), option, value], capsys)
    assert code == 2 and message in err and len(err.splitlines()) == 1


def test_the_submission_is_read_once_and_hashed_from_the_same_bytes(tmp_path, gold_submission):
    out = tmp_path / "r.json"
    data = gold_submission.read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "baselines.cli", "score", "/dev/stdin", "--bootstrap", "0"]
        + ["--out", str(out)],
        input=data,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    recorded = json.loads(out.read_text("utf-8"))["system"]["submission_sha256"]
    import hashlib

    assert recorded == hashlib.sha256(data).hexdigest() != hashlib.sha256(b"").hexdigest()


@pytest.mark.parametrize("command", ["score", "validate"])
def test_a_full_stdout_is_one_line_and_nothing_written(tmp_path, gold_submission, command):
    out = tmp_path / "r.json"
    extra = ["--bootstrap", "0", "--out", str(out)] if command == "score" else []
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "baselines.cli", command, str(gold_submission), *extra],
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert result.returncode == 2
    assert (
        result.stderr == b"kharkiv-ie: cannot write to standard output: No space left on device\n"
    )
    assert not out.exists()


PREDICT_CASES = {
    "huge int": ('{"doc_id": "d", "text": "Ciao.", "n": ' + HUGE + "}\n", "more than 4300"),
    "deep nesting": ('{"doc_id": "d", "text": "Ciao.", "n": ' + DEEP + "}\n", "nested too deeply"),
    "lone surrogate": ('{"doc_id": "d", "text": "Ciao \\ud800."}\n', "$.text: a lone surrogate"),
    "duplicate key": ('{"doc_id": "d", "doc_id": "e", "text": "x"}\n', "duplicate key"),
}


@pytest.mark.parametrize("case", sorted(PREDICT_CASES))
def test_bad_predict_input_is_one_line_and_exit_2(tmp_path, capsys, case):
    text, expected = PREDICT_CASES[case]
    source = _write(tmp_path / "in.jsonl", text)
    out = tmp_path / "p.jsonl"
    code, stdout, err = run_cli(
        ["predict", "--baseline", "rules", str(source), "--out", str(out)], capsys
    )
    assert code == 2 and stdout == ""
    assert err.startswith(f"kharkiv-ie predict: error: {source}:1: ") and expected in err
    assert len(err.splitlines()) == 1 and not out.exists()


def test_predict_on_a_file_name_that_is_not_utf8(tmp_path, capsys):
    path = Path(os.fsdecode(bytes(tmp_path) + b"/doc\xff.txt"))
    path.write_text("Le truppe avrebbero attaccato la città.", encoding="utf-8")
    code, out, err = run_cli(["predict", "--baseline", "rules", str(path)], capsys)
    assert (code, err) == (0, "")
    assert json.loads(out)["doc_id"] == "doc\\xff"


def _results_dir(tmp_path, edit):
    folder = tmp_path / "results"
    folder.mkdir()
    text = (Path(__file__).resolve().parents[1] / "results" / "empty.json").read_text("utf-8")
    _write(folder / "x.json", edit(text))
    return folder


LEADERBOARD_CASES = {
    "huge int": (lambda t: t.replace('"tp": 0', f'"tp": {HUGE}', 1), "more than 4300"),
    "deep nesting": (
        lambda t: t.replace('"system": {', f'"system": {{"x": {DEEP},', 1),
        "nested too deeply",
    ),
    "lone surrogate in the name": (
        lambda t: t.replace('"name": "empty"', '"name": "e\\ud800"', 1),
        "field system.name: a lone surrogate",
    ),
    "name of the wrong type": (
        lambda t: t.replace('"name": "empty"', '"name": ["empty"]', 1),
        "field system.name: expected a string, got list",
    ),
    "split of the wrong type": (
        lambda t: t.replace('"split": "test"', '"split": {"a": 1}', 1),
        "field provenance.config.split: expected a string, got dict",
    ),
    "interval beyond the float range": (
        lambda t: t.replace(
            '"ci95": [\n            0.0,', '"ci95": [\n            1' + "0" * 400 + ",", 1
        ),
        "ci95[0]: expected a finite number",
    ),
    "hash that is not one": (
        lambda t: t.replace('"sha256": "', '"sha256": "<b>', 1),
        "field dataset.sha256: expected 64 hexadecimal digits",
    ),
}


@pytest.mark.parametrize("case", sorted(LEADERBOARD_CASES))
def test_a_bad_results_file_stops_the_leaderboard(tmp_path, capsys, case):
    edit, expected = LEADERBOARD_CASES[case]
    folder = _results_dir(tmp_path, edit)
    page = tmp_path / "LEADERBOARD.md"
    code, _, err = run_cli(
        ["leaderboard", "--results-dir", str(folder), "--out", str(page)], capsys
    )
    assert code == 2, err
    assert err.splitlines()[0].startswith(f"{folder / 'x.json'}") and expected in err
    assert err.splitlines()[1] == "kharkiv-ie leaderboard: nothing was written"
    assert not page.exists()


GOLD_ROW_CASES = {
    "huge int": (lambda row: row.replace('"sentence_id": 0', f'"sentence_id": {HUGE}', 1)),
    "deep nesting": (lambda row: row[:-1] + f', "x": {DEEP}}}'),
    "lone surrogate": (lambda row: row.replace('"E1"', '"E\\ud800"', 1)),
    "id of the wrong type": (lambda row: row.replace('"event_id": "E1"', '"event_id": ["E1"]', 1)),
}


@pytest.mark.parametrize("case", sorted(GOLD_ROW_CASES))
def test_a_bad_gold_row_is_a_problem_of_check_data(tiny_copy, capsys, case):
    path = tiny_copy / "events" / "test.jsonl"
    lines = path.read_text("utf-8").splitlines()
    lines[0] = GOLD_ROW_CASES[case](lines[0])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run_cli(["check-data", "--data-dir", str(tiny_copy)], capsys)
    assert code == 2, err
    assert f"{path}:1: " in out and "Traceback" not in err
    assert err.startswith("kharkiv-ie check-data: ") and len(err.splitlines()) == 1


def test_score_refuses_an_edited_gold_and_an_edited_contrast_spec(tmp_path, capsys, contrast_gold):
    from benchmark.dataset.configs import data_dir
    from benchmark.submission import submission_line_from_annotations

    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder, ignore=shutil.ignore_patterns("wikinews"))
    lines = [
        submission_line_from_annotations(contrast_gold, d.doc_id) for d in contrast_gold.documents
    ]
    contrast = write_jsonl(tmp_path / "c.jsonl", lines)
    argv = [
        "score",
        str(contrast),
        "--split",
        "contrast",
        "--gold-dir",
        str(folder),
        "--bootstrap",
        "0",
    ]
    assert run_cli(argv, capsys)[0] == 0
    message = (
        "SHA-256 differs from MANIFEST.sha256: the file changed after the build "
        "(rebuild with kharkiv-ie build-data; check with kharkiv-ie check-data)"
    )
    for edited in (folder / "contrast" / "edits.yaml", folder / "events" / "contrast.jsonl"):
        original = edited.read_bytes()
        edited.write_bytes(
            original.replace(b"\n", b"\n\n", 1)
            if edited.suffix == ".yaml"
            else original.replace(b'"positive"', b'"negative"', 1)
        )
        code, out, err = run_cli(argv, capsys)
        assert code == 2 and out == ""
        assert err.splitlines()[0].endswith(f"{edited}: {message}")
        edited.write_bytes(original)


def test_outputs_into_the_gold_or_onto_the_input_are_refused(
    tiny_copy, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("KHARKIV_IE_DATA_DIR", str(tiny_copy))
    before = {p: p.read_bytes() for p in tiny_copy.rglob("*") if p.is_file()}
    submission = tmp_path / "s.jsonl"
    shutil.copy(tiny_copy / "documents" / "test.jsonl", tmp_path / "doc.jsonl")
    text = tmp_path / "in.txt"
    text.write_text("Ciao.", encoding="utf-8")
    write_jsonl(submission, [{"doc_id": "kharkiv-001"}])
    results = tmp_path / "results"
    shutil.copytree(Path(__file__).resolve().parents[1] / "results", results)
    refused = [
        [
            "score",
            str(submission),
            "--bootstrap",
            "0",
            "--out",
            str(tiny_copy / "events" / "test.jsonl"),
        ],
        [
            "report",
            str(submission),
            "--bootstrap",
            "0",
            "--out",
            str(tiny_copy / "hedges" / "test.jsonl"),
        ],
        ["leaderboard", "--results-dir", str(results), "--out", str(tiny_copy / "README.md")],
        [
            "predict",
            "--baseline",
            "empty",
            str(text),
            "--out",
            str(tiny_copy / "source" / "kharkiv-001.txt"),
        ],
        ["score", str(submission), "--bootstrap", "0", "--out", str(submission)],
        ["report", str(submission), "--bootstrap", "0", "--out", str(submission)],
        ["predict", "--baseline", "empty", str(text), "--out", str(text)],
        ["leaderboard", "--results-dir", str(results), "--out", str(results / "empty.json")],
    ]
    for argv in refused:
        code, _, err = run_cli(argv, capsys)
        assert code == 2, argv
        assert "refusing to write under the gold folder" in err or "refusing to overwrite" in err
    assert {p: p.read_bytes() for p in tiny_copy.rglob("*") if p.is_file()} == before
    assert submission.read_text("utf-8") == '{"doc_id": "kharkiv-001"}\n'
    assert text.read_text("utf-8") == "Ciao."


def test_out_dev_stdout_writes_after_the_table(tmp_path, gold_submission):
    captured = tmp_path / "captured"
    with open(captured, "wb") as stream:
        result = subprocess.run(
            [sys.executable, "-m", "baselines.cli", "score", str(gold_submission)]
            + ["--bootstrap", "0", "--out", "/dev/stdout"],
            stdout=stream,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    text = captured.read_text("utf-8")
    table, _, results = text.partition("\n{\n")
    assert table.startswith("gold: ") and json.loads("{\n" + results)["scorer_version"]
    assert os.path.islink("/dev/stdout") or not os.path.isfile("/dev/stdout")
