"""The generic matcher: pairs gold and predicted items one-to-one, by a mode's candidate rule.

A :class:`~benchmark.scoring.modes.MatchMode` gives every item a key; its candidate rule
(:class:`~benchmark.scoring.modes.Candidates`) picks the pairing function of :data:`PAIRING`.

``EQUAL_KEYS`` (exact mode): items match when their keys are equal. Items with the same key
are a multiset: the k-th gold and the k-th prediction of a key (each side in (doc_id, item_id)
order) are paired, so a duplicate never matches twice.

``OVERLAPPING_SPANS`` (overlap mode): within each key group, a gold and a predicted item are
candidates when every non-null span component shares at least one character. The pairing is a
MAXIMUM one-to-one matching of that candidate graph with the documented tie-break of
:mod:`benchmark.scoring.intervals` (most shared characters, then least boundary displacement,
then pairing in order); it never depends on the order of the items (unlike nervaluate, issues
#40, #84, #29). Items without span components are matched on the key alone.

Items with several span components (a hedge's (cue, scope); an argument's (argument, trigger);
a casualty slot's (victim, value span); an attribution's (cue, content, source) and, for
nesting, its parent's): exact mode compares all offsets at once (the key holds them all, so it
is a multiset intersection); in overlap mode candidates are found by sweeping the FIRST non-null
component within each key group (connected components of overlapping first spans, so the cost
stays near-linear), a pair is a candidate only when EVERY non-null component overlaps its
counterpart, and each component is solved with the same rules: maximum number of pairs, then
most shared characters and least boundary displacement, both summed over the components, then
pairing in (first span, id) order. A lone gold and prediction in a component are tested all at
once (vectorised); larger components go to the assignment solver.

``CREDITED_SPANS`` (partial mode): the candidates of ``OVERLAPPING_SPANS`` whose credit (the
mode's credit function, an exact fraction) is positive, paired one-to-one so that the TOTAL
credit is maximal, then by the same rules (most pairs, most shared characters, least
displacement, in order); every component with items on both sides is solved by
:func:`benchmark.scoring.assignment.assign` with the credits.

Because every item is matched directly (no subtask reuses another's alignment), an exact pair
is always an overlap candidate, so exact tp <= overlap tp; and adding a prediction can only
keep or grow a maximum matching (or a matching of maximum credit), so it never lowers recall.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Mapping, Sequence
from fractions import Fraction
from types import MappingProxyType

import numpy as np

from benchmark.scoring.intervals import (
    Intervals,
    PairCredits,
    PairMeasures,
    match_codes,
    match_intervals,
)
from benchmark.scoring.items import Item, Offsets
from benchmark.scoring.modes import Candidates, CreditFunction, MatchMode

Pairing = Callable[..., np.ndarray]
"""``(gold, pred, gold codes, pred codes, gold ranks, pred ranks, *, credit) -> (m, 2)`` index
pairs; ``credit`` is the mode's credit function (None when it has none)."""


def match(gold: Sequence[Item], pred: Sequence[Item], *, mode: MatchMode) -> np.ndarray:
    """Return the matched ``(gold_index, pred_index)`` pairs, shape (m, 2), sorted by gold."""
    gold_codes, pred_codes = _encode(
        [mode.key(item) for item in gold], [mode.key(item) for item in pred]
    )
    gold_rank, pred_rank = ranks(gold), ranks(pred)
    pairs = PAIRING[mode.candidates](
        gold, pred, gold_codes, pred_codes, gold_rank, pred_rank, credit=mode.credit
    )
    return pairs[np.argsort(pairs[:, 0], kind="stable")]


def pair_equal_keys(
    gold: Sequence[Item],
    pred: Sequence[Item],
    gold_codes: np.ndarray,
    pred_codes: np.ndarray,
    gold_rank: np.ndarray,
    pred_rank: np.ndarray,
    *,
    credit: CreditFunction | None = None,
) -> np.ndarray:
    """Pair items with equal keys one-to-one, in rank order (``EQUAL_KEYS``)."""
    return match_codes(gold_codes, pred_codes, gold_rank=gold_rank, pred_rank=pred_rank)


def pair_overlapping_spans(
    gold: Sequence[Item],
    pred: Sequence[Item],
    gold_codes: np.ndarray,
    pred_codes: np.ndarray,
    gold_rank: np.ndarray,
    pred_rank: np.ndarray,
    *,
    credit: CreditFunction | None = None,
    by_credit: bool = False,
) -> np.ndarray:
    """Maximum one-to-one matching of same-key items whose spans all overlap.

    ``by_credit`` (``CREDITED_SPANS``): only pairs of positive ``credit`` are candidates and
    the matching maximises their total credit.
    """
    if by_credit and credit is None:
        raise ValueError("the CREDITED_SPANS rule needs a mode with a credit function")
    gold_spanned = np.array([_primary(item) is not None for item in gold], dtype=bool)
    pred_spanned = np.array([_primary(item) is not None for item in pred], dtype=bool)
    keyed = match_codes(
        np.where(gold_spanned, -1, gold_codes),
        np.where(pred_spanned, -1, pred_codes),
        gold_rank=gold_rank,
        pred_rank=pred_rank,
    )
    multi = any(sum(span is not None for span in item.spans) > 1 for item in (*gold, *pred))
    spanned = match_intervals(
        _intervals(gold, np.where(gold_spanned, gold_codes, -1), gold_rank),
        _intervals(pred, np.where(pred_spanned, pred_codes, -1), pred_rank),
        measures=_item_measures(gold, pred) if multi or by_credit else None,
        credit=_pair_credits(gold, pred, credit) if by_credit else None,
    )
    return np.concatenate([keyed, spanned])


PAIRING: Mapping[Candidates, Pairing] = MappingProxyType(
    {
        Candidates.EQUAL_KEYS: pair_equal_keys,
        Candidates.OVERLAPPING_SPANS: pair_overlapping_spans,
        Candidates.CREDITED_SPANS: functools.partial(pair_overlapping_spans, by_credit=True),
    }
)
"""Candidate rule -> its pairing function."""


def ranks(items: Sequence[Item]) -> np.ndarray:
    """Return each item's position in (doc_id, item_id, input position) order.

    Plain string order (not natural order) is enough here: ranks only make tie-breaks
    independent of input order.
    """
    order = sorted(range(len(items)), key=lambda i: (items[i].doc_id, items[i].item_id, i))
    rank = np.empty(len(items), dtype=np.int64)
    rank[order] = np.arange(len(items), dtype=np.int64)
    return rank


def _encode(
    gold_keys: list[Hashable | None], pred_keys: list[Hashable | None]
) -> tuple[np.ndarray, np.ndarray]:
    """Turn keys into shared dense int codes; None (unaligned) becomes -1."""
    table: dict[Hashable, int] = {}

    def codes(keys: list[Hashable | None]) -> np.ndarray:
        return np.array(
            [-1 if key is None else table.setdefault(key, len(table)) for key in keys],
            dtype=np.int64,
        )

    return codes(gold_keys), codes(pred_keys)


def _primary(item: Item) -> Offsets | None:
    """Return the first non-null span component (the one swept), or None."""
    return next((span for span in item.spans if span is not None), None)


def _intervals(items: Sequence[Item], codes: np.ndarray, rank: np.ndarray) -> Intervals:
    """Return the primary-span columns of ``items``; code -1 marks items left out."""
    starts = np.full(len(items), -1, dtype=np.int64)
    ends = np.full(len(items), -1, dtype=np.int64)
    for i, item in enumerate(items):
        span = _primary(item)
        if span is not None and codes[i] >= 0:
            starts[i], ends[i] = span
    return Intervals(group=codes, start=starts, end=ends, rank=rank)


def _pair_credits(
    gold: Sequence[Item], pred: Sequence[Item], credit: CreditFunction
) -> PairCredits:
    """Return the exact credit of index pairs (broadcast like :data:`PairMeasures`)."""

    def credits(gold_idx: np.ndarray, pred_idx: np.ndarray) -> np.ndarray:
        gold_idx, pred_idx = np.broadcast_arrays(gold_idx, pred_idx)
        out = np.empty(gold_idx.shape, dtype=object)
        for where in np.ndindex(gold_idx.shape):
            out[where] = Fraction(credit(gold[gold_idx[where]], pred[pred_idx[where]]))
        return out

    return credits


def _item_measures(gold: Sequence[Item], pred: Sequence[Item]) -> PairMeasures:
    """Return the candidate/overlap/displacement function over all span components.

    A candidate pair overlaps on every non-null component; shared characters and boundary
    displacement are summed over the components. Both items of a pair are in one overlap group,
    so they have the same null pattern (a component null on one side is null on the other).
    """
    width = max((len(item.spans) for item in (*gold, *pred)), default=0)
    g_start, g_end, g_null = _span_columns(gold, width)
    p_start, p_end, _ = _span_columns(pred, width)

    def measures(gold_idx: np.ndarray, pred_idx: np.ndarray):
        gs, ge, null = g_start[gold_idx], g_end[gold_idx], g_null[gold_idx]
        ps, pe = p_start[pred_idx], p_end[pred_idx]
        shared = np.minimum(ge, pe) - np.maximum(gs, ps)
        candidate = np.all(null | (shared > 0), axis=-1)
        overlap = np.where(null, 0, np.maximum(shared, 0)).sum(axis=-1)
        displacement = np.where(null, 0, np.abs(gs - ps) + np.abs(ge - pe)).sum(axis=-1)
        return candidate, overlap, displacement

    return measures


def _span_columns(items: Sequence[Item], width: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (start, end, null) arrays of shape (items, width); short items pad null."""
    start = np.zeros((len(items), width), dtype=np.int64)
    end = np.zeros((len(items), width), dtype=np.int64)
    null = np.ones((len(items), width), dtype=bool)
    for i, item in enumerate(items):
        for j, span in enumerate(item.spans):
            if span is not None:
                start[i, j], end[i, j] = span
                null[i, j] = False
    return start, end, null
