"""lm-evaluation-harness hooks of the kharkiv-ie tasks: our prompt in, our scorer out.

One source of truth each way:

- the prompt is :mod:`baselines.llm.prompt` (the ``llm`` baseline's), for the task's layer set
  (:data:`TASK_LAYERS`): ``description`` is the system prompt (added to every row by
  :func:`process_docs`, since lm-eval reads a description from a row field) and
  ``doc_to_text`` the user message, so ``--apply_chat_template`` sends the same two messages
  as the baseline. The document shown is the gold document read by
  :func:`benchmark.evaluation.evaluate.load_split` (checked against the manifest), not
  lm-eval's copy of the row: a stale ``datasets`` cache of the JSONL is refused rather than
  prompted;
- the score is :func:`benchmark.evaluation.evaluate.evaluate` on a submission built from the
  answers by :func:`baselines.llm.parse.parse_answer` (an invalid answer is an empty
  prediction, as in the baseline), against the gold of the documents answered (all of them
  unless ``--limit``), so the F1 equals ``kharkiv-ie score`` on the baseline's submission of
  the same answers.

Metrics per task: ``f1`` (exact match, the task's main subtask, as on the leaderboard), then
its F1 in each other match mode of :data:`benchmark.scoring.modes.MODE_NAMES`: ``f1_normalised``
and ``f1_partial`` (the two that ``docs/submission-format.md`` asks an LLM to report next to
exact) and ``f1_overlap`` (an upper bound); for hedges also ``uncertain_f1`` (sentence
uncertainty, CoNLL-2010 task 1).
"""

from __future__ import annotations

import json
import logging
import tempfile
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from baselines.llm.parse import parse_answer
from baselines.llm.prompt import system_prompt, user_prompt
from benchmark.dataset.layers import LAYER_NAMES
from benchmark.dataset.schema import Annotations, Document
from benchmark.evaluation.evaluate import Gold, evaluate, load_split
from benchmark.scoring.modes import MODE_NAMES
from benchmark.scoring.tasks import TASKS

SPLIT = "test"
"""The gold split these tasks read (``data/documents/test.jsonl``)."""

TASK_LAYERS: dict[str, tuple[str, ...]] = {
    "events": ("events",),
    "casualties": ("casualties",),
    "attributions": ("attributions",),
    "hedges": ("hedges", "sentences"),
}
"""Task (scorer task name) -> the layer keys its prompt asks for."""

LOG = logging.getLogger("kharkiv_ie")


@lru_cache(maxsize=1)
def gold() -> Gold:
    """Return the gold of :data:`SPLIT` (loaded once)."""
    return load_split(split=SPLIT)


def document(row: dict[str, Any]) -> Document:
    """Return the gold document of an lm-eval row; ValueError when the row's text differs."""
    by_id = {d.doc_id: d for d in gold().annotations.documents}
    found = by_id.get(row["doc_id"])
    if found is None:
        raise ValueError(f"document {row['doc_id']!r} is not in the {SPLIT} gold")
    if row.get("text") != found.text:
        raise ValueError(
            f"the lm-eval row of {row['doc_id']!r} differs from the gold text: stale datasets "
            "cache of data/documents? Clear it (HF_DATASETS_CACHE) and rerun"
        )
    return found


def process_docs(dataset: Any) -> Any:
    """Add the system prompt of every task to each row (``description: system_prompt_<task>``)."""
    prompts = {f"system_prompt_{t}": system_prompt(layers) for t, layers in TASK_LAYERS.items()}
    return dataset.map(lambda row: prompts)


def _doc_to_text(task: str):
    def doc_to_text(row: dict[str, Any]) -> str:
        return user_prompt(document(row), TASK_LAYERS[task])

    doc_to_text.__name__ = f"doc_to_text_{task}"
    return doc_to_text


def metric_name(mode: str) -> str:
    """Return the lm-eval metric of the main subtask's F1 in ``mode`` (``f1`` for exact)."""
    return "f1" if mode == "exact" else f"f1_{mode}"


def metrics(task: str) -> tuple[str, ...]:
    """Return the metric names of ``task``, as its YAML's ``metric_list`` lists them."""
    names = tuple(metric_name(mode) for mode in MODE_NAMES)
    return (*names, "uncertain_f1") if task == "hedges" else names


def _process_results(task: str):
    def process_results(row: dict[str, Any], results: list[str]) -> dict[str, tuple[str, str]]:
        answer = results[0] if results else ""
        return {metric: (row["doc_id"], answer) for metric in metrics(task)}

    process_results.__name__ = f"process_results_{task}"
    return process_results


def submission_lines(task: str, items: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Return the submission lines of ``(doc_id, answer)`` items, parsed as the baseline does."""
    by_id = {d.doc_id: d for d in gold().annotations.documents}
    lines = []
    for doc_id, answer in items:
        parsed = parse_answer(answer, document=by_id[doc_id], layers=TASK_LAYERS[task])
        if not parsed.valid:
            LOG.warning("kharkiv_ie_%s: %s: empty prediction (%s)", task, doc_id, parsed.problem)
        lines.append(parsed.line)
    return lines


def _gold_of(doc_ids: set[str]) -> Gold:
    full = gold()
    if doc_ids == {d.doc_id for d in full.annotations.documents}:
        return full
    annotations = full.annotations
    subset = Annotations(
        documents=tuple(d for d in annotations.documents if d.doc_id in doc_ids),
        **{
            layer: tuple(i for i in getattr(annotations, layer) if i.doc_id in doc_ids)
            for layer in LAYER_NAMES
        },
    )
    return replace(full, annotations=subset)


@lru_cache(maxsize=16)
def _report(task: str, items: tuple[tuple[str, str], ...]):
    lines = submission_lines(task, list(items))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"kharkiv_ie_{task}.jsonl"
        text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
        path.write_text(text, encoding="utf-8")
        evaluation = evaluate(
            path,
            gold=_gold_of({doc_id for doc_id, _ in items}),
            tasks=[task],
            modes=list(MODE_NAMES),
            n_bootstrap=0,
        )
    return evaluation.results.scores


def score(task: str, subtask: str, mode: str, items: list[tuple[str, str]]) -> float:
    """Return the F1 of ``task/subtask`` in ``mode`` for the answered ``items``."""
    scores = _report(task, tuple((str(d), str(a)) for d, a in items))
    return scores.get(task, subtask, mode).f1


def _aggregation(task: str, subtask: str, mode: str):
    def aggregation(items: list[tuple[str, str]]) -> float:
        return score(task, subtask, mode, items)

    aggregation.__name__ = f"{task}_{subtask}_{mode}"
    return aggregation


doc_to_text_events = _doc_to_text("events")
doc_to_text_casualties = _doc_to_text("casualties")
doc_to_text_attributions = _doc_to_text("attributions")
doc_to_text_hedges = _doc_to_text("hedges")

process_results_events = _process_results("events")
process_results_casualties = _process_results("casualties")
process_results_attributions = _process_results("attributions")
process_results_hedges = _process_results("hedges")

# One aggregation per (task, metric): lm-eval's YAML names each by its module-level name.
events_f1 = _aggregation("events", TASKS["events"].main, "exact")
events_f1_normalised = _aggregation("events", TASKS["events"].main, "normalised")
events_f1_partial = _aggregation("events", TASKS["events"].main, "partial")
events_f1_overlap = _aggregation("events", TASKS["events"].main, "overlap")
casualties_f1 = _aggregation("casualties", TASKS["casualties"].main, "exact")
casualties_f1_normalised = _aggregation("casualties", TASKS["casualties"].main, "normalised")
casualties_f1_partial = _aggregation("casualties", TASKS["casualties"].main, "partial")
casualties_f1_overlap = _aggregation("casualties", TASKS["casualties"].main, "overlap")
attributions_f1 = _aggregation("attributions", TASKS["attributions"].main, "exact")
attributions_f1_normalised = _aggregation("attributions", TASKS["attributions"].main, "normalised")
attributions_f1_partial = _aggregation("attributions", TASKS["attributions"].main, "partial")
attributions_f1_overlap = _aggregation("attributions", TASKS["attributions"].main, "overlap")
hedges_f1 = _aggregation("hedges", TASKS["hedges"].main, "exact")
hedges_f1_normalised = _aggregation("hedges", TASKS["hedges"].main, "normalised")
hedges_f1_partial = _aggregation("hedges", TASKS["hedges"].main, "partial")
hedges_f1_overlap = _aggregation("hedges", TASKS["hedges"].main, "overlap")
hedges_uncertain_f1 = _aggregation("hedges", "uncertain", "exact")
