"""The llm baseline end to end: `kharkiv-ie reproduce --baselines llm` against a 127.0.0.1 server,
then offline from its cache, and `python -m baselines.run baseline=llm`.

Everything is written under tmp_path (paths.* overrides): answers of the fixture server never
reach the committed results/ or LEADERBOARD.md.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from omegaconf import OmegaConf
from support.llm_server import FakeChatServer, free_port, gold_answer, requested_doc_and_layers

from baselines.cli import main
from baselines.config import baseline_names, compose_config, resolve_config
from baselines.reproduce import BASELINES

ROOT = Path(__file__).resolve().parents[1]


def _paths(out):
    return [
        f"paths.runs_dir={out / 'runs'}",
        f"paths.results_dir={out / 'results'}",
        f"paths.reports_dir={out / 'reports'}",
        f"paths.leaderboard={out / 'LEADERBOARD.md'}",
        "scoring.bootstrap=20",
        "splits=[test]",
    ]


def _snapshot(out):
    """Every file written, but the run folder's usage (seconds) and scores (commit, time)."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and not p.name.startswith(("usage.", "scores."))
    }


def _every_other_event(gold):
    """A fixture model: the gold, text-only, with every other event left out."""

    def answer(body):
        doc_id, layers = requested_doc_and_layers(body)
        kept = gold_answer(
            gold, doc_id, layers, keep=lambda layer, i: layer != "events" or i % 2 == 0
        )
        return json.dumps(kept, ensure_ascii=False)

    return answer


def test_llm_is_a_baseline_but_not_a_default():
    assert "llm" in baseline_names() and "llm" not in BASELINES


def test_the_system_name_and_the_cache_follow_the_model(tmp_path):
    overrides = [
        "baseline.base_url=http://127.0.0.1:8000/v1",
        "baseline.model=Qwen/Qwen2.5-7B-Instruct",
        f"paths.results_dir={tmp_path / 'results'}",
    ]
    node = resolve_config(compose_config("llm", overrides=overrides).baseline, prefix="baseline")
    assert node["name"] == "llm-qwen-qwen2.5-7b-instruct"
    assert node["cache_path"] == str(
        tmp_path / "results" / "llm-cache" / "llm-qwen-qwen2.5-7b-instruct.jsonl"
    )
    named = compose_config("llm", overrides=[*overrides, "baseline.name=mine"]).baseline
    assert OmegaConf.to_container(named, resolve=True)["cache_path"].endswith("/mine.jsonl")


def test_reproduce_with_a_server_then_offline_from_the_cache(tmp_path, test_gold, capsys):
    with FakeChatServer(_every_other_event(test_gold)) as server:
        args = [
            *("reproduce", "--baselines", "llm"),
            f"baseline.base_url={server.base_url}",
            "baseline.model=fixture-model",
            *_paths(tmp_path),
        ]
        assert main(args) == 0
    assert len(server.chat_requests) == 1
    out = capsys.readouterr().out
    assert "llm [1/1] kharkiv-001: server" in out
    assert "llm-fixture-model [test]: events 0.683, casualties 1.000, attributions 1.000" in out
    first = _snapshot(tmp_path)
    assert sorted(first) == [
        "LEADERBOARD.md",
        "reports/llm-fixture-model.html",
        "results/llm-cache/llm-fixture-model.jsonl",
        "results/llm-fixture-model.json",
        "runs/llm-fixture-model/submission.test.jsonl",
    ]
    usage_file = tmp_path / "runs/llm-fixture-model/usage.test.jsonl"
    usage = json.loads(usage_file.read_text(encoding="utf-8"))
    assert (usage["doc_id"], usage["cache_hit"], usage["valid"]) == ("kharkiv-001", False, True)
    results = json.loads(first["results/llm-fixture-model.json"])
    assert results["system"]["name"] == "llm-fixture-model"
    # by hand: 14 of the 27 gold events (every other one), all exact: P = 1, R = 14/27
    assert len(test_gold.events) == 27
    assert results["tasks"]["events"]["trigger_classification"]["exact"]["f1"] == pytest.approx(
        2 * 14 / (27 + 14)
    )
    assert "llm-fixture-model" in first["LEADERBOARD.md"].decode("utf-8")
    written = b"".join(first.values())
    assert b"Bearer" not in written and b"no-key" not in written

    # the server is gone: the same command replays the cache, byte for byte
    assert main(args) == 0
    assert "llm [1/1] kharkiv-001: cache" in capsys.readouterr().out
    assert _snapshot(tmp_path) == first
    # cache_only=true: same submission and scores; only the recorded config says cache_only
    assert main([*args, "baseline.cache_only=true"]) == 0
    replay = _snapshot(tmp_path)
    for name in (
        "runs/llm-fixture-model/submission.test.jsonl",
        "results/llm-cache/llm-fixture-model.jsonl",
    ):
        assert replay[name] == first[name]
    again = json.loads(replay["results/llm-fixture-model.json"])
    assert again["tasks"] == results["tasks"]
    assert again["provenance"]["config"]["hydra"]["resolved"]["baseline"]["cache_only"] is True


def test_two_models_are_two_systems(tmp_path, test_gold, capsys):
    with FakeChatServer(_every_other_event(test_gold)) as server:
        for model in ("model-a", "org/Model-B"):
            args = [
                *("reproduce", "--baselines", "llm"),
                f"baseline.base_url={server.base_url}",
                f"baseline.model={model}",
                *_paths(tmp_path),
            ]
            assert main(args) == 0
    capsys.readouterr()
    assert sorted(p.name for p in (tmp_path / "results").glob("*.json")) == [
        "llm-model-a.json",
        "llm-org-model-b.json",
    ]
    assert sorted(p.name for p in (tmp_path / "results" / "llm-cache").iterdir()) == [
        "llm-model-a.jsonl",
        "llm-org-model-b.jsonl",
    ]
    leaderboard = (tmp_path / "LEADERBOARD.md").read_text(encoding="utf-8")
    assert "llm-model-a" in leaderboard and "llm-org-model-b" in leaderboard


def test_a_server_that_is_down_and_no_cache_is_one_line_and_exit_2(tmp_path, capsys):
    args = [
        *("reproduce", "--baselines", "llm"),
        f"baseline.base_url=http://127.0.0.1:{free_port()}/v1",
        "baseline.model=m",
        "baseline.max_retries=0",
        *_paths(tmp_path),
    ]
    assert main(args) == 2
    captured = capsys.readouterr()
    [line] = captured.err.splitlines()
    assert line.startswith(
        "kharkiv-ie reproduce: error: cannot get an answer from the LLM server at http://127.0.0.1:"
    )
    assert "after 1 attempt(s): connection failed" in line
    assert not (tmp_path / "results" / "llm-m.json").exists()
    assert not (tmp_path / "LEADERBOARD.md").exists()


def test_a_server_lost_on_a_later_split_writes_no_results(tmp_path, test_gold, capsys):
    answer_test = _every_other_event(test_gold)

    def answer_once(body):
        server.script.extend([("status", 500)] * 3)  # every later request fails
        return answer_test(body)

    with FakeChatServer(answer_once) as server:
        args = [
            *("reproduce", "--baselines", "llm"),
            f"baseline.base_url={server.base_url}",
            "baseline.model=fixture-model",
            "baseline.max_retries=0",
            *_paths(tmp_path)[:-1],
            "splits=[test,contrast]",
        ]
        assert main(args) == 2
    assert len(server.chat_requests) == 2  # the test document, then the first contrast one
    [line] = capsys.readouterr().err.splitlines()
    assert "after 1 attempt(s): HTTP 500" in line
    assert not (tmp_path / "results" / "llm-fixture-model.json").exists()
    assert not (tmp_path / "LEADERBOARD.md").exists()
    assert not list((tmp_path / "runs").rglob("submission.*"))
    cache = tmp_path / "results" / "llm-cache" / "llm-fixture-model.jsonl"
    assert len(cache.read_text(encoding="utf-8").splitlines()) == 1  # the answer received


def test_cache_only_without_an_answer_is_one_line_and_exit_2(tmp_path, capsys):
    args = [
        *("reproduce", "--baselines", "llm"),
        "baseline.base_url=http://127.0.0.1:9/v1",
        "baseline.model=m",
        "baseline.cache_only=true",
        *_paths(tmp_path),
    ]
    assert main(args) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("kharkiv-ie reproduce: error: no cached answer for kharkiv-001 in ")
    assert not (tmp_path / "results").exists()


def test_missing_options_name_the_overrides(tmp_path, capsys):
    assert main(["reproduce", "--baselines", "llm", *_paths(tmp_path)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line == (
        "kharkiv-ie reproduce: error: field baseline.base_url: required: add the override(s) "
        "baseline.base_url=... baseline.model=..."
    )


def _run_module(*arguments):
    return subprocess.run(
        [sys.executable, "-m", "baselines.run", "baseline=llm", *arguments],
        cwd=ROOT,
        env={**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_python_m_baselines_run(tmp_path, test_gold):
    with FakeChatServer(_every_other_event(test_gold)) as server:
        done = _run_module(
            f"baseline.base_url={server.base_url}",
            "baseline.model=fixture-model",
            *_paths(tmp_path),
            "write_reports=false",
        )
    assert done.returncode == 0, done.stderr[-2000:]
    assert len(server.chat_requests) == 1
    assert "llm-fixture-model [test]: events 0.683" in done.stdout
    run_dir = tmp_path / "runs" / "llm-fixture-model"
    assert sorted(p.name for p in run_dir.iterdir() if p.is_file()) == [
        "run.log",  # Hydra's job log
        "scores.test.json",
        "submission.test.jsonl",
        "usage.test.jsonl",
    ]
    assert (tmp_path / "results" / "llm-fixture-model.json").is_file()


def test_python_m_baselines_run_without_the_options_is_one_line_and_exit_2(tmp_path):
    done = _run_module(*_paths(tmp_path))
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "field baseline.base_url: required: add the override(s) "
        "baseline.base_url=... baseline.model=..."
    ]
    assert not (tmp_path / "results").exists()
