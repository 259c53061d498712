"""kharkiv-ie reproduce: all configs composed, scored, recorded; twice gives the same bytes."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from baselines.cli import main
from baselines.config import default_baselines
from baselines.reproduce import BASELINES, reproduce
from benchmark.evaluation import provenance as provenance_module
from benchmark.presentation.leaderboard_file import render_page

REPO = Path(__file__).resolve().parents[1]


def _overrides(tiny_dataset, out):
    return [
        f"paths.data_dir={tiny_dataset}",
        f"paths.runs_dir={out / 'runs'}",
        f"paths.results_dir={out / 'results'}",
        f"paths.reports_dir={out / 'reports'}",
        f"paths.leaderboard={out / 'LEADERBOARD.md'}",
        f"paths.preregistered_dir={out / 'preregistered'}",  # none: the tiny gold has no split
        "scoring.bootstrap=50",
        "splits=[test]",  # the tiny gold has no contrast split
        "training_splits=[test]",  # nor a wikinews_dev split
    ]


def _snapshot(out):
    return {
        path.relative_to(out).as_posix(): path.read_bytes()
        for path in sorted(out.rglob("*"))
        if path.is_file()
        and path.name.startswith(("submission.", "LEADERBOARD"))
        or path.is_file()
        and path.parent.name in ("results", "reports")
    }


def test_default_baselines_are_those_requiring_no_option_in_name_order():
    assert BASELINES == default_baselines() == tuple(sorted(BASELINES))
    assert {"crf", "empty", "naive", "rules"} <= set(BASELINES)


def test_reproduce_twice_is_byte_identical(tiny_dataset, tmp_path, monkeypatch):
    lines = []
    monkeypatch.setattr(provenance_module, "now_iso", lambda: "2030-01-01T00:00:00+00:00")
    first = reproduce(
        baselines=("empty", "rules", "crf"),
        overrides=_overrides(tiny_dataset, tmp_path),
        progress=lines.append,
    )
    before = _snapshot(tmp_path)
    assert sorted(k for k in before if k.startswith("results/")) == [
        "results/crf.json",
        "results/empty.json",
        "results/rules.json",
    ]
    assert sorted(k for k in before if k.startswith("runs/")) == [
        "runs/crf/submission.test.jsonl",
        "runs/empty/submission.test.jsonl",
        "runs/rules/submission.test.jsonl",
    ]
    assert "LEADERBOARD.md" in before
    assert first.leaderboard_changed is True
    assert lines[0] == "[1/3] empty: predicting and scoring ..."
    assert lines[-1] == f"{tmp_path / 'LEADERBOARD.md'} regenerated from {tmp_path / 'results'}/"
    assert sum("->" in line for line in lines) == 3

    monkeypatch.setattr(provenance_module, "now_iso", lambda: "2031-06-06T00:00:00+00:00")
    second = reproduce(
        baselines=("empty", "rules", "crf"), overrides=_overrides(tiny_dataset, tmp_path)
    )
    assert _snapshot(tmp_path) == before
    assert second.leaderboard_changed is False
    # the page is exactly what `kharkiv-ie leaderboard` renders from the results alone
    page = render_page(results_dir=tmp_path / "results", data_dir=tiny_dataset)
    assert (tmp_path / "LEADERBOARD.md").read_text(encoding="utf-8") == page
    # rows show the day the results were produced; an unchanged rerun keeps it
    assert "2030-01-01" in page and "2031" not in page


def test_cli_reproduce_bad_override_exits_2(tmp_path, capsys):
    code = main(["reproduce", "--baselines", "empty", f"paths.results_dir={tmp_path}", "nosuch=1"])
    assert code == 2
    err = capsys.readouterr().err
    assert "bad config override" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_cli_reproduce_impossible_fold_count_exits_2_without_traceback(tmp_path, capsys):
    code = main(
        ["reproduce", "--baselines", "crf", f"paths.results_dir={tmp_path}", "baseline.folds=1"]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "folds must be an integer >= 2, got 1" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_cli_reproduce_unknown_baseline_exits_2(capsys):
    assert main(["reproduce", "--baselines", "bert"]) == 2
    assert "unknown baseline 'bert'" in capsys.readouterr().err


def test_reproduce_every_split_of_the_real_gold_twice_is_byte_identical(tmp_path, monkeypatch):
    overrides = [
        f"paths.runs_dir={tmp_path / 'runs'}",
        f"paths.results_dir={tmp_path / 'results'}",
        f"paths.reports_dir={tmp_path / 'reports'}",
        f"paths.leaderboard={tmp_path / 'LEADERBOARD.md'}",
        f"paths.preregistered_dir={REPO / 'results' / 'preregistered'}",
        "scoring.bootstrap=20",
    ]
    monkeypatch.setattr(provenance_module, "now_iso", lambda: "2030-01-01T00:00:00+00:00")
    reproduce(baselines=("rules", "crf"), overrides=overrides)
    before = _snapshot(tmp_path)
    names = [
        f"{system}{split}"
        for system in ("crf", "crf.preregistered", "rules", "rules.preregistered")
        for split in ("", ".contrast", ".wikinews_dev", ".wikinews_test")
        if "preregistered" not in system or "wikinews" in split
    ]
    assert sorted(k for k in before if k.startswith(("results/", "reports/"))) == sorted(
        [f"reports/{name}.html" for name in names] + [f"results/{name}.json" for name in names]
    )
    page = before["LEADERBOARD.md"].decode("utf-8")
    assert "## Split `contrast`" in page and "### Contrast consistency (exact match)" in page
    held_out = page[page.index("## Split `wikinews_test`") :]
    systems = [
        line
        for line in held_out.splitlines()
        if line.startswith("| crf") or line.startswith("| rules")
    ]
    assert [line.split(" ")[1] for line in systems[:4]] == [
        "crf.preregistered", "rules.preregistered", "crf", "rules",
    ]  # fmt: skip
    assert "| pre-registered |" in systems[0] and "| developed after the test gold" in systems[2]
    monkeypatch.setattr(provenance_module, "now_iso", lambda: "2031-06-06T00:00:00+00:00")
    reproduce(baselines=("rules", "crf"), overrides=overrides)
    assert _snapshot(tmp_path) == before


COMMITTED = ("results", "reports", "LEADERBOARD.md")


@pytest.fixture
def checkout(tmp_path):
    """A copy of the repository's files that reproduce uses (its own root, never this one)."""
    root = tmp_path / "checkout"
    for name in ("benchmark", "baselines", "conf", "data", "results", "reports", "docs"):
        shutil.copytree(
            REPO / name, root / name, ignore=shutil.ignore_patterns("wikinews", "__pycache__")
        )
    for name in ("pyproject.toml", "LEADERBOARD.md"):
        shutil.copy(REPO / name, root / name)
    return root


def _files(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _committed(root):
    return {
        name: (root / name).read_bytes() if (root / name).is_file() else _files(root / name)
        for name in COMMITTED
    }


def _reproduce(root, *args, cwd):
    env = {**os.environ, "PYTHONPATH": str(root)}
    env.pop("KHARKIV_IE_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "baselines.cli", "reproduce", "--baselines", "empty", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_reproduce_from_a_subfolder_writes_at_the_repository_root(checkout):
    docs = _files(checkout / "docs")
    result = _reproduce(checkout, cwd=checkout / "docs")
    assert result.returncode == 0, result.stderr
    assert _files(checkout / "docs") == docs  # nothing written where the user stands
    assert (checkout / "results" / "empty.json").is_file()
    assert (checkout / "runs" / "empty" / "submission.test.jsonl").is_file()
    assert f"{checkout / 'LEADERBOARD.md'} " in result.stdout


def test_overrides_write_under_runs_only_unless_asked(checkout):
    before = _committed(checkout)
    result = _reproduce(checkout, "scoring.bootstrap=5", "splits=[test]", cwd=checkout)
    assert result.returncode == 0, result.stderr
    assert _committed(checkout) == before
    run = json.loads((checkout / "runs" / "results" / "empty.json").read_text("utf-8"))
    assert run["provenance"]["config"]["bootstrap"] == 5
    assert (checkout / "runs" / "LEADERBOARD.md").is_file()
    result = _reproduce(
        checkout, "scoring.bootstrap=5", "splits=[test]", "--update-committed", cwd=checkout
    )
    assert result.returncode == 0, result.stderr
    committed = json.loads((checkout / "results" / "empty.json").read_text("utf-8"))
    assert committed["provenance"]["config"]["bootstrap"] == 5


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ("+scoring.bootsrap=5", "unknown config key 'scoring.bootsrap'"),
        ("baseline.name=bogus", "'baseline.name' is 'bogus', but the baseline is 'empty'"),
        ("paths.leaderboard=data/LB.md", "refusing to write under the gold folder"),
        ("paths.results_dir=results", "paths.results_dir is the committed results"),
    ],
)
def test_bad_reproductions_stop_with_one_line_and_write_nothing(checkout, override, message):
    before = _files(checkout)
    result = _reproduce(checkout, override, "splits=[test]", cwd=checkout)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("kharkiv-ie reproduce: error: ") and message in result.stderr
    assert "Traceback" not in result.stderr
    assert _files(checkout) == before


def test_out_dir_puts_everything_elsewhere(checkout, tmp_path):
    before = _committed(checkout)
    result = _reproduce(checkout, "--out-dir", str(tmp_path / "o"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert _committed(checkout) == before
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == [
        "LEADERBOARD.md",
        "reports",
        "results",
        "runs",
    ]
    elsewhere = json.loads((tmp_path / "o" / "results" / "empty.json").read_text("utf-8"))
    submission = (tmp_path / "o" / "runs" / "empty" / "submission.test.jsonl").read_bytes()
    assert elsewhere["system"]["submission_sha256"] == hashlib.sha256(submission).hexdigest()
    assert elsewhere["system"]["config"] == "baseline=empty"  # the place is not recorded
