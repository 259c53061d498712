"""Hedge subtasks (CoNLL-2010 Shared Task conventions): the items each one counts.

- ``cue``: one item per hedge, its cue span, untyped.
- ``cue_typed``: the cue span plus the cue type (label).
- ``scope``: one item per hedge: cue AND scope must match together (exact: identical cue and
  scope boundaries, as in CoNLL-2010 Task 2; overlap: both share characters with their
  counterparts, one-to-one assignment of whole (cue, scope) pairs). Untyped.
- ``uncertain``: one item per sentence labelled uncertain (id ``s<sentence_id>``): CoNLL-2010
  Task 1, P/R/F1 of the uncertain class over the gold sentences. Attempted only when the
  submission gives the ``sentences`` key; sentences it leaves out count as certain (see
  :mod:`benchmark.scoring.sentences`).
"""

from __future__ import annotations

from benchmark.scoring.items import Item, Side, Subtask, TaskSpec, span_item
from benchmark.submission.format import SENTENCES

TASK = "hedges"
"""Task name (and submission key)."""


def cue(side: Side) -> list[Item]:
    """Return one untyped cue item per hedge."""
    return [
        span_item(h.hedge_id, h.doc_id, h.sentence_id, (h.cue,)) for h in side.annotations.hedges
    ]


def cue_typed(side: Side) -> list[Item]:
    """Return one cue item per hedge, labelled with the cue type."""
    return [
        span_item(h.hedge_id, h.doc_id, h.sentence_id, (h.cue,), label=h.cue_type)
        for h in side.annotations.hedges
    ]


def scope(side: Side) -> list[Item]:
    """Return one (cue, scope) item per hedge."""
    return [
        span_item(h.hedge_id, h.doc_id, h.sentence_id, (h.cue, h.scope))
        for h in side.annotations.hedges
    ]


def uncertain(side: Side) -> list[Item]:
    """Return one item per sentence labelled uncertain."""
    return [
        Item(f"s{sentence_id}", doc_id, sentence_id, (), attrs=(sentence_id,))
        for (doc_id, sentence_id), label in side.uncertain.items()
        if label
    ]


SUBTASKS: tuple[Subtask, ...] = (
    Subtask("cue", cue, TASK),
    Subtask("cue_typed", cue_typed, TASK),
    Subtask("scope", scope, TASK),
    Subtask("uncertain", uncertain, SENTENCES),
)
"""The hedge subtasks in report order."""

SPEC = TaskSpec(
    TASK,
    SUBTASKS,
    main="cue_typed",
    judged=("cue_typed", "scope", "uncertain"),
    identification="cue",
    span_agreement=("cue", "cue_typed", "scope"),
    label_agreement=(("cue_type", "cue_type"),),
)
"""The task: its subtasks and how the leaderboard, consistency and agreement read them."""
