import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support.tiny_dataset import REPO, edit_rows

from benchmark import cli


def test_help_lists_check_data(capsys):
    with pytest.raises(SystemExit) as caught:
        cli.main(["--help"])
    assert caught.value.code == 0
    assert "check-data" in capsys.readouterr().out


def test_check_data_help(capsys):
    with pytest.raises(SystemExit) as caught:
        cli.main(["check-data", "--help"])
    assert caught.value.code == 0
    assert "--data-dir" in capsys.readouterr().out


def test_check_data_ok(tiny_dataset, capsys):
    assert cli.main(["check-data", "--data-dir", str(tiny_dataset)]) == 0
    captured = capsys.readouterr()
    assert captured.out == (
        f"OK: {tiny_dataset}: all 13 checks passed; rows per config: test: documents 1, events 3, "
        "casualties 1, attributions 3, hedges 2, tokens 22\n"
    )
    assert captured.err == ""


def test_check_data_reports_problems(tiny_dataset, tmp_path, capsys):
    data = Path(shutil.copytree(tiny_dataset, tmp_path / "data"))
    edit_rows(data, "events", 2, lambda row: row.update(sentence_id=1))
    edit_rows(data, "hedges", 2, lambda row: row.update(hedge_id="H1"))
    assert cli.main(["check-data", "--data-dir", str(data)]) == 2
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        f"{data}/hedges/test.jsonl:2: hedge_id: duplicate id H1 in document 'kharkiv-001' "
        "(first on line 1)",
        f"{data}/events/test.jsonl:2: sentence_id: sentence_id is 1, but trigger starts in "
        "sentence 2",
    ]
    assert captured.err == (
        f"kharkiv-ie check-data: 2 problem(s) in {data} (failed checks: ids, sentence_anchors)\n"
    )


def test_check_data_missing_folder(tmp_path, capsys):
    assert cli.main(["check-data", "--data-dir", str(tmp_path / "nope")]) == 2
    assert capsys.readouterr().err == (
        f"kharkiv-ie check-data: error: {tmp_path / 'nope'}: no such folder\n"
    )


def test_console_script_exit_code_without_traceback(tiny_dataset, tmp_path):
    data = Path(shutil.copytree(tiny_dataset, tmp_path / "data"))
    (data / "MANIFEST.sha256").unlink()
    env = {**os.environ, "KHARKIV_IE_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-m", "benchmark.cli", "check-data", "--data-dir", str(data)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == f"{data}/MANIFEST.sha256: no manifest\n"
    assert "Traceback" not in result.stderr


def test_ci_script_runs_the_locked_test_command():
    script = REPO / ".ci" / "run"
    assert os.access(script, os.X_OK)
    lines = script.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#!/usr/bin/env bash"
    assert "set -euo pipefail" in lines
    assert lines[-1] == '"${uv[@]}" run --locked pytest'
    assert "uv=(uv)" in lines[-1 - 7 :] or any(line.strip() == "uv=(uv)" for line in lines)
