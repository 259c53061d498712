"""The wheel installs anywhere: built, installed into a fresh virtual environment, run elsewhere.

The wheel is built from this checkout (``hatchling build``, offline) and installed with the
new environment's own pip, without its dependencies (``--no-deps --no-index``: no network
in tests); the dependencies come from this test's environment through a ``.pth`` file. That
file adds a folder of third-party packages only: this checkout is not on the new
environment's path (the test checks where ``benchmark`` is imported from), so the gold data
and the Hydra configs it uses are the wheel's. Every command then runs from a temporary
folder, with no ``KHARKIV_IE_DATA_DIR``.
"""

import hashlib
import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _run(args, *, cwd, env, check=True):
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if check:
        assert result.returncode == 0, f"{args}: {result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """Return (the environment's bin folder, the environment for its commands)."""
    work = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KHARKIV_IE_DATA_DIR")}
    _run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(work)],
        cwd=REPO,
        env=env,
    )
    (wheel,) = work.glob("kharkiv_ie-*.whl")
    venv = work / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=work, env=env)
    python = venv / "bin" / "python"
    _run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        cwd=work,
        env=env,
    )
    site = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        cwd=work,
        env=env,
    ).stdout.strip()
    borrowed = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(site, "borrowed_dependencies.pth").write_text("\n".join(sorted(borrowed)) + "\n")
    return wheel, venv / "bin", env


def test_the_wheel_carries_the_gold_data_and_the_configs(installed):
    wheel, _, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    manifest = (REPO / "data" / "MANIFEST.sha256").read_text("utf-8").splitlines()
    for line in manifest:
        assert f"benchmark/data/{line.split('  ', 1)[1]}" in names
    assert {"benchmark/data/MANIFEST.sha256", "benchmark/data/README.md"} <= names
    assert {
        f"baselines/conf/{p.relative_to(REPO / 'conf').as_posix()}"
        for p in (REPO / "conf").rglob("*.yaml")
    } <= names
    assert any(name.endswith("licenses/LICENSE") for name in names)
    assert any(name.endswith("licenses/DATA_LICENSE.md") for name in names)


def test_the_installed_commands_work_from_any_folder(installed, tmp_path, gold_submission):
    _, bin_dir, env = installed
    where = _run(
        [str(bin_dir / "python"), "-c", "import benchmark; print(benchmark.__file__)"],
        cwd=tmp_path,
        env=env,
    )
    assert str(REPO) not in where.stdout and "site-packages" in where.stdout
    kharkiv = str(bin_dir / "kharkiv-ie")
    submission = tmp_path / "sub.jsonl"
    submission.write_bytes(gold_submission.read_bytes())

    version = _run([kharkiv, "--version"], cwd=tmp_path, env=env)
    assert version.stdout.startswith("kharkiv-ie ")
    assert _run([kharkiv, "validate", "sub.jsonl"], cwd=tmp_path, env=env).stdout.startswith(
        "OK: sub.jsonl: 1 document(s)"
    )
    score = _run(
        [kharkiv, "score", "sub.jsonl", "--bootstrap", "0", "--out", "r.json"],
        cwd=tmp_path,
        env=env,
    )
    assert score.stdout.startswith("sub: sub.jsonl (test split)")
    results = json.loads((tmp_path / "r.json").read_text("utf-8"))
    from benchmark.dataset.configs import content_hash, data_dir

    assert results["dataset"]["sha256"] == content_hash(data_dir(), split="test")  # shipped gold
    assert results["tasks"]["events"]["trigger_classification"]["exact"]["f1"] == 1.0
    assert (
        results["system"]["submission_sha256"]
        == hashlib.sha256(submission.read_bytes()).hexdigest()
    )
    _run(
        [kharkiv, "report", "sub.jsonl", "--bootstrap", "0", "--out", "r.html"],
        cwd=tmp_path,
        env=env,
    )
    assert (tmp_path / "r.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    aligned = _run([kharkiv, "align", "sub.jsonl"], cwd=tmp_path, env=env)
    assert aligned.stdout.splitlines()[-1] == "(no text-only span)"  # the gold gives offsets
    checked = _run([kharkiv, "check-data"], cwd=tmp_path, env=env)
    assert "site-packages" in checked.stdout + checked.stderr  # the shipped copy was checked
    (tmp_path / "new.txt").write_text(
        "Secondo il sindaco, i russi avrebbero colpito un ospedale.", "utf-8"
    )
    predicted = _run([kharkiv, "predict", "--baseline", "rules", "new.txt"], cwd=tmp_path, env=env)
    assert json.loads(predicted.stdout)["doc_id"] == "new"


def test_reproduce_needs_out_dir_outside_a_checkout(installed, tmp_path):
    _, bin_dir, env = installed
    kharkiv = str(bin_dir / "kharkiv-ie")
    refused = _run(
        [kharkiv, "reproduce", "--baselines", "empty"], cwd=tmp_path, env=env, check=False
    )
    assert refused.returncode == 2
    assert "needs the kharkiv-ie repository checkout" in refused.stderr
    assert "--out-dir DIR" in refused.stderr and "Traceback" not in refused.stderr
    assert list(tmp_path.iterdir()) == []
    board = _run([kharkiv, "leaderboard"], cwd=tmp_path, env=env, check=False)
    assert board.returncode == 2 and "give --results-dir DIR and --out FILE" in board.stderr
    _run([kharkiv, "reproduce", "--baselines", "empty", "--out-dir", "out"], cwd=tmp_path, env=env)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "LEADERBOARD.md",
        "reports",
        "results",
        "runs",
    ]
    committed = json.loads((REPO / "results" / "empty.json").read_text("utf-8"))
    shipped = json.loads((tmp_path / "out" / "results" / "empty.json").read_text("utf-8"))
    assert shipped["tasks"] == committed["tasks"] and shipped["dataset"] == committed["dataset"]
