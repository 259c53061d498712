"""integrations/lm_eval/kharkiv_ie: one real lm-eval run (--limit 1) against a 127.0.0.1 server.

lm-eval (the extra ``kharkiv-ie[lm-eval]``, part of the dev group, so it is installed wherever
the tests run) runs the ``kharkiv_ie`` group with ``--model local-chat-completions`` against
the fixture server; the test then checks that it sent the llm baseline's messages, and that
every F1 it reports equals ``kharkiv-ie score`` on the submission the ``llm`` baseline writes
from the same answers, in every match mode (and, for events, the F1 of each mode worked out by
hand: the fixture model's triggers are chosen so that the four modes give four figures). It is
never skipped: a missing lm-eval is a failure.
"""

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.llm_server import FakeChatServer, gold_answer, requested_doc_and_layers

from baselines.llm import prompt
from baselines.llm.producer import LlmProducer
from benchmark import cli
from benchmark.dataset.gold import read_gold
from benchmark.dataset.surface import determiners
from benchmark.dataset.text import tokenize
from benchmark.scoring.modes import MODE_NAMES

ROOT = Path(__file__).resolve().parents[1]
TASKS = {
    "kharkiv_ie_events": ("events", ("events",), {"f1": "trigger_classification"}),
    "kharkiv_ie_casualties": ("casualties", ("casualties",), {"f1": "record"}),
    "kharkiv_ie_attributions": ("attributions", ("attributions",), {"f1": "relation"}),
    "kharkiv_ie_hedges": (
        "hedges",
        ("hedges", "sentences"),
        {"f1": "cue_typed", "uncertain_f1": "uncertain"},
    ),
}


def _model_triggers(gold):
    """Gold event index -> the trigger text the fixture model writes, for the changed triggers.

    Of the kept events (even indices), those at index 0 mod 4 get the next word added
    ("colpito dai": an exact and a normalised miss, partial credit 2/3, an overlap match) and
    those at 2 mod 4 whose previous word is an article get it in front ("L'assalto": a
    normalised match, not an exact one).
    """
    document = gold.documents[0]
    tokens = tokenize(document.text)
    articles = set(determiners())
    changed = {}
    for index, event in enumerate(gold.events):
        trigger = event.trigger
        if index % 4 == 0:
            start, end = next((s, e) for s, e in tokens if s >= trigger.end)
            if document.text[start:end].isalnum():
                changed[index] = document.text[trigger.start : end]
        elif index % 4 == 2:
            start, end = [(s, e) for s, e in tokens if e <= trigger.start][-1]
            if document.text[start:end].lower() in articles:
                changed[index] = document.text[start : trigger.end]
    return changed


def _partly_right(gold):
    """Every other item of each layer (an attribution that is a parent is kept), some event
    triggers changed (:func:`_model_triggers`)."""
    parents = {a.parent_id for a in gold.attributions if a.parent_id is not None}
    triggers = _model_triggers(gold)

    def keep(layer, index):
        if layer == "attributions":
            return index % 2 == 0 or gold.attributions[index].attribution_id in parents
        return index % 2 == 0

    def answer(body):
        doc_id, layers = requested_doc_and_layers(body)
        written = gold_answer(gold, doc_id, layers, keep=keep)
        if "events" in layers:
            kept = [index for index in range(len(gold.events)) if keep("events", index)]
            for index, item in zip(kept, written["events"], strict=True):
                if index in triggers:
                    item["trigger"] = {"text": triggers[index]}
        return json.dumps(written, ensure_ascii=False)

    return answer


def _score_with_the_cli(tmp_path, lines, name):
    submission = tmp_path / f"{name}.jsonl"
    submission.write_text(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8"
    )
    out = tmp_path / f"{name}.scores.json"
    assert cli.main(["score", str(submission), "--bootstrap", "0", "--out", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_lm_eval_run_reports_the_scorers_f1(tmp_path, llm_options):
    gold = read_gold()
    document = gold.documents[0]
    with FakeChatServer(_partly_right(gold)) as server:
        env = {
            **os.environ,
            "HF_HUB_OFFLINE": "1",
            "HF_DATASETS_OFFLINE": "1",
            "HF_HOME": str(tmp_path / "hf"),
            "HF_DATASETS_CACHE": str(tmp_path / "hf" / "datasets"),
        }
        model_args = (
            f"base_url={server.base_url}/chat/completions,model=fixture-model,"
            "tokenizer_backend=none,seed=0"
        )
        command = [
            *(sys.executable, "-m", "lm_eval", "run"),
            *("--model", "local-chat-completions", "--model_args", model_args),
            *("--include_path", "integrations/lm_eval/kharkiv_ie", "--tasks", "kharkiv_ie"),
            *("--apply_chat_template", "--limit", "1"),
            *("--output_path", str(tmp_path / "lm-eval")),
        ]
        done = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
        )
        assert done.returncode == 0, done.stderr[-3000:]
        sent = list(server.chat_requests)
        # the llm baseline on the same server, one layer set per task
        lines = {}
        for task, (_, layers, _) in TASKS.items():
            producer = LlmProducer(
                **{
                    **llm_options,
                    "base_url": server.base_url,
                    "layers": list(layers),
                    "max_retries": 0,
                    "cache_path": str(tmp_path / "cache" / f"{task}.jsonl"),
                }
            )
            lines[task] = producer.predict_lines(gold.documents)

    # lm-eval sent the baseline's two messages, one request per task
    assert len(sent) == 4
    messages = sorted(json.dumps(r["body"]["messages"], ensure_ascii=False) for r in sent)
    expected = sorted(
        json.dumps(prompt.messages(document, layers), ensure_ascii=False)
        for _, layers, _ in TASKS.values()
    )
    assert messages == expected
    assert {r["body"]["temperature"] for r in sent} == {0.0}
    assert {r["body"]["seed"] for r in sent} == {0}

    [results_file] = (tmp_path / "lm-eval").rglob("results_*.json")
    reported = json.loads(results_file.read_text(encoding="utf-8"))["results"]
    for task, (scorer_task, _, metrics) in TASKS.items():
        scores = _score_with_the_cli(tmp_path, lines[task], task)["tasks"][scorer_task]
        subtask = metrics["f1"]
        for mode in MODE_NAMES:
            metric = "f1" if mode == "exact" else f"f1_{mode}"
            assert reported[task][f"{metric},none"] == scores[subtask][mode]["f1"], (task, mode)
        if "uncertain_f1" in metrics:
            uncertain = scores[metrics["uncertain_f1"]]["exact"]["f1"]
            assert reported[task]["uncertain_f1,none"] == uncertain
    # by hand: 14 of the 27 gold events written (every other one), 7 of them with a word added
    # after the trigger, 1 with its article in front ("L'assalto"), the other 6 as in the gold
    g = len(gold.events)
    k = math.ceil(g / 2)
    triggers = _model_triggers(gold)
    assert (g, k) == (27, 14)
    assert sorted(triggers) == [0, 4, 8, 12, 16, 20, 24, 26]
    assert triggers[26].lower().startswith("l'")
    events = reported["kharkiv_ie_events"]
    assert events["f1,none"] == pytest.approx(2 * 6 / (g + k))  # 6 exact matches
    assert events["f1_normalised,none"] == pytest.approx(2 * 7 / (g + k))  # + L'assalto
    # partial: credit 6 + 1 + 7 x 2/3 (token F1 of "w1 w2" against "w1"); F1 = 2 credit / (g + k)
    assert events["f1_partial,none"] == pytest.approx(2 * (7 + 7 * 2 / 3) / (g + k))
    assert events["f1_overlap,none"] == pytest.approx(2 * k / (g + k))  # all 14 overlap
    assert 0 < reported["kharkiv_ie_attributions"]["f1,none"] < 1
