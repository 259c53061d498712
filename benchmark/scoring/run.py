"""The scorer's entry point: :func:`score` a prediction against the gold.

For every requested task and match mode, the task's subtasks are scored in order: each
subtask's item function is applied to both sides, the generic matcher pairs the items and the
generic counter turns the pairs into a :class:`~benchmark.scoring.scores.SubtaskResult`.
Subtasks are independent of each other: items that hang on another annotation (arguments on
their trigger, slots on their victim, nesting on the parent relation) carry its spans and are
matched directly (see :mod:`benchmark.scoring.items`), never through another subtask's
alignment.

Attempted. ``attempted`` names the submission keys present in the submission (``events``,
``casualties``, ``attributions``, ``hedges``, ``sentences``). A task none of whose subtasks is
attempted is reported as not attempted (no numbers, never zeros); ``hedges/uncertain`` needs
the ``sentences`` key. By default every layer key is attempted, and ``sentences`` is attempted
exactly when ``sentence_labels`` is given.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from benchmark.dataset.schema import Annotations
from benchmark.errors import DataError
from benchmark.scoring.counting import count, totals
from benchmark.scoring.items import Item, ItemFunction, Side, Subtask
from benchmark.scoring.matching import match
from benchmark.scoring.modes import MATCH_MODES, MatchMode
from benchmark.scoring.scores import Scores, SubtaskResult
from benchmark.scoring.sentences import SentenceIndex, gold_sentence_labels, sentence_units
from benchmark.scoring.tasks import SUBMISSION_KEYS, TASKS
from benchmark.submission.format import SENTENCES
from benchmark.submission.rejected import RejectedItem
from benchmark.submission.unaligned import unaligned_spans

DEFAULT_MODES: tuple[MatchMode, ...] = tuple(MATCH_MODES.values())
"""The modes scored when none are given (:data:`benchmark.scoring.modes.MATCH_MODES`)."""


def score(
    gold: Annotations,
    pred: Annotations,
    *,
    attempted: Collection[str] | None = None,
    sentence_labels: Mapping[tuple[str, int], bool] | None = None,
    tasks: Sequence[str] | None = None,
    modes: Sequence[MatchMode] = DEFAULT_MODES,
    rejected: Sequence[RejectedItem] = (),
) -> Scores:
    """Score ``pred`` against ``gold`` for ``tasks`` (default: all) in ``modes``.

    ``rejected``: the items of ``pred`` that are placeholders of rejected items (lenient
    reading); they are counted like any prediction and listed in the scores.
    """
    tasks = tuple(TASKS) if tasks is None else tuple(tasks)
    check_names("tasks", tasks, TASKS)
    if attempted is None:
        attempted = {*TASKS, *([SENTENCES] if sentence_labels is not None else [])}
    check_names("attempted", attempted, SUBMISSION_KEYS)
    index = SentenceIndex(gold.documents)
    units = sentence_units(gold.documents)
    gold_labels = gold_sentence_labels(gold)
    pred_labels = dict(sentence_labels or {})

    gold_side = Side(gold, gold_labels, index)
    pred_side = Side(pred, pred_labels, index)
    results: list[SubtaskResult] = []
    not_attempted: list[str] = []
    scored_tasks: list[str] = []
    for task in tasks:
        all_subtasks = TASKS[task].subtasks
        subtasks = [s for s in all_subtasks if s.submission_key in attempted]
        if not subtasks:
            not_attempted.append(task)
            continue
        scored_tasks.append(task)
        not_attempted.extend(f"{task}/{s.name}" for s in all_subtasks if s not in subtasks)
        caches: tuple[dict, dict] = ({}, {})  # items do not depend on the mode
        by_mode = [
            _score_task(task, subtasks, mode, (gold_side, pred_side), units, caches)
            for mode in modes
        ]
        results.extend(scored[i] for i in range(len(subtasks)) for scored in by_mode)
    return Scores(
        results=tuple(results),
        not_attempted=tuple(not_attempted),
        unaligned=unaligned_spans(pred, tasks=tuple(scored_tasks), rejected=rejected),
        rejected=tuple(r for r in rejected if r.task in _keys_of(scored_tasks)),
    )


def _score_task(
    task: str,
    subtasks: Sequence[Subtask],
    mode: MatchMode,
    sides: tuple[Side, Side],
    units: Sequence[tuple[str, int]],
    caches: tuple[dict[str, list[Item]], dict[str, list[Item]]],
) -> list[SubtaskResult]:
    """Score the attempted ``subtasks`` of one task in one mode, in order."""
    gold_side, pred_side = sides
    gold_cache, pred_cache = caches
    results = []
    for subtask in subtasks:
        gold_items = _cached(gold_cache, subtask.name, subtask.items, gold_side)
        pred_items = _cached(pred_cache, subtask.name, subtask.items, pred_side)
        pairs = match(gold_items, pred_items, mode=mode)
        per_type = None
        if subtask.breakdown:
            per_type = {}
            for name, function in subtask.breakdown:
                gold_b = _cached(gold_cache, f"{subtask.name}/{name}", function, gold_side)
                pred_b = _cached(pred_cache, f"{subtask.name}/{name}", function, pred_side)
                pairs_b = match(gold_b, pred_b, mode=mode)
                per_type[name] = totals(gold_b, pred_b, pairs_b, mode=mode)
        results.append(
            count(
                gold_items,
                pred_items,
                pairs,
                task=task,
                subtask=subtask.name,
                mode=mode,
                units=units,
                per_type=per_type,
            )
        )
    return results


def _keys_of(tasks: Sequence[str]) -> set[str]:
    """Return the submission keys read by the subtasks of ``tasks``."""
    return {subtask.submission_key for task in tasks for subtask in TASKS[task].subtasks}


def _cached(cache: dict[str, list[Item]], name: str, function: ItemFunction, side: Side):
    """Return ``function(side)``, computed once per name."""
    if name not in cache:
        cache[name] = function(side)
    return cache[name]


def check_names(
    option: str, values: Collection[str], known: Collection[str], *, allow_empty: bool = True
) -> None:
    """Raise DataError (field ``option``) for a value outside ``known``, or for none."""
    unknown = [] if isinstance(values, str) else [v for v in values if v not in known]
    if unknown or isinstance(values, str) or (not values and not allow_empty):
        shown = unknown or ([values] if isinstance(values, str) else list(values))
        raise DataError(
            f"unknown {option} {shown}; expected names from {list(known)}", field=option
        )
