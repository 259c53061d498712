"""The generic matcher: pairs gold and predicted items one-to-one.

Exact mode: items match when their :func:`~benchmark.scoring.keys.exact_key` is equal. Items
with the same key are a multiset: the k-th gold and the k-th prediction of a key (each side in
(doc_id, item_id) order) are paired, so a duplicate never matches twice.

Overlap mode: within each :func:`~benchmark.scoring.keys.overlap_key` group, a gold and a
predicted item are candidates when every non-null span component shares at least one
character. The pairing is a MAXIMUM one-to-one matching of that candidate graph with the
documented tie-break of :mod:`benchmark.scoring.intervals` (most shared characters, then least
boundary displacement, then pairing in order); it never depends on the order of the items
(unlike nervaluate, issues #40, #84, #29). Items with several span components are swept on their
first non-null one; items without span components are matched on the key alone.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np

from benchmark.errors import DataError
from benchmark.scoring.intervals import Intervals, PairMeasures, match_codes, match_intervals
from benchmark.scoring.items import Item, Offsets
from benchmark.scoring.keys import EXACT, KEY_FUNCTIONS


def match(gold: Sequence[Item], pred: Sequence[Item], *, mode: str) -> np.ndarray:
    """Return the matched ``(gold_index, pred_index)`` pairs, shape (m, 2), sorted by gold."""
    if mode not in KEY_FUNCTIONS:
        raise DataError(f"unknown match mode {mode!r}; expected one of {list(KEY_FUNCTIONS)}")
    key_function = KEY_FUNCTIONS[mode]
    gold_codes, pred_codes = _encode(
        [key_function(item) for item in gold], [key_function(item) for item in pred]
    )
    gold_rank, pred_rank = ranks(gold), ranks(pred)
    if mode == EXACT:
        pairs = match_codes(gold_codes, pred_codes, gold_rank=gold_rank, pred_rank=pred_rank)
        return pairs[np.argsort(pairs[:, 0], kind="stable")]
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
        measures=_item_measures(gold, pred) if multi else None,
    )
    pairs = np.concatenate([keyed, spanned])
    return pairs[np.argsort(pairs[:, 0], kind="stable")]


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


def _item_measures(gold: Sequence[Item], pred: Sequence[Item]) -> PairMeasures:
    """Return the candidate/overlap/displacement function over all span components."""

    def measures(gold_idx: np.ndarray, pred_idx: np.ndarray):
        shape = (len(gold_idx), len(pred_idx))
        candidate = np.ones(shape, dtype=bool)
        overlap = np.zeros(shape, dtype=np.int64)
        displacement = np.zeros(shape, dtype=np.int64)
        for r, g in enumerate(gold_idx):
            for c, p in enumerate(pred_idx):
                for g_span, p_span in zip(gold[g].spans, pred[p].spans, strict=True):
                    if g_span is None:  # one overlap group has one null pattern: both null
                        continue
                    shared = min(g_span[1], p_span[1]) - max(g_span[0], p_span[0])
                    candidate[r, c] &= shared > 0
                    overlap[r, c] += max(shared, 0)
                    displacement[r, c] += abs(g_span[0] - p_span[0]) + abs(g_span[1] - p_span[1])
        return candidate, overlap, displacement

    return measures
