import json
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
        f"OK: {tiny_dataset}: all 16 checks passed; rows per config: test: documents 1, events 3, "
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


LIGHT_BASELINES = {
    "baselines",
    "baselines.cli",
    "baselines.commands",
    "baselines.commands.predict",
    "baselines.commands.reproduce",
    "baselines.config",
}
"""The only baselines modules the CLI imports before running a baseline (no extractor)."""

_PROBE = """
import json, sys
from baselines.cli import main
try:
    code = main(sys.argv[2:])
except SystemExit as exit:
    code = exit.code
with open(sys.argv[1], "w") as out:
    json.dump({"code": code, "modules": sorted(sys.modules)}, out)
"""


def _imported(tmp_path, *args):
    """Run the installed CLI's main in a fresh interpreter; return (exit code, modules)."""
    report = tmp_path / "modules.json"
    subprocess.run(
        [sys.executable, "-c", _PROBE, str(report), *args],
        check=True,
        capture_output=True,
        cwd=REPO,
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    return data["code"], set(data["modules"])


def _heavy(modules):
    return sorted(
        name
        for name in modules
        if name.split(".")[0]
        in {"datasets", "scipy", "hydra", "omegaconf", "sklearn", "openai", "jsonschema", "lm_eval"}
        or (name.startswith("baselines.") and name not in LIGHT_BASELINES)
    )


def test_help_imports_no_heavy_module_and_no_numpy(tmp_path):
    code, modules = _imported(tmp_path, "--help")
    assert code == 0
    assert _heavy(modules) == []
    assert "numpy" not in modules


def test_validate_imports_no_heavy_module(tmp_path, gold_submission):
    code, modules = _imported(tmp_path, "validate", str(gold_submission))
    assert code == 0
    assert _heavy(modules) == []
    assert "numpy" not in modules


def test_score_reads_the_gold_without_datasets_hydra_or_a_baseline(tmp_path, gold_submission):
    code, modules = _imported(tmp_path, "score", str(gold_submission), "--bootstrap", "0")
    assert code == 0
    assert _heavy(modules) == []
    assert "benchmark.dataset.gold" in modules and "benchmark.dataset.loading" not in modules
