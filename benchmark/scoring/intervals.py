"""Array-level matching: equal codes, and optimal one-to-one matching of overlapping intervals.

Everything here works on numpy columns, one row per item, so that scoring is linear in corpus
size (after sorting) and flat in document length. :mod:`benchmark.scoring.matching` builds the
columns from items; the same functions can be called directly on large flat span layers.

Overlap matching. Intervals of one group (document, label, ...) are candidates when they share
at least one character. The intervals of each group are swept in start order and cut into the
connected components of the candidate graph (one ``argsort`` and one running maximum for all
groups at once: groups are laid end to end on one axis). Each component is then solved:

- 1 gold x 1 prediction: they overlap (nothing else connects them): a pair.
- 1 x k or k x 1: the single item takes its best candidate (vectorised).
- 2 x 2: the better of the two possible pairings (vectorised).
- larger: :func:`benchmark.scoring.assignment.assign`, on integer weights that encode the rule
  (solved exactly when the component is small and its optimum unique, else by
  ``scipy.optimize.linear_sum_assignment``).

The rule, in order of preference among all one-to-one matchings of a component:

0. with a credit (the partial mode, :data:`PairCredits`): the largest total credit;
1. the largest number of pairs (a MAXIMUM matching, never a greedy one);
2. the largest total number of shared characters;
3. the smallest total boundary displacement, sum of |gold start - pred start| + |gold end -
   pred end| over the pairs;
4. the smallest total position shift, sum of |i - j| over the pairs, where i and j are the
   positions of the gold and the predicted item in their side's (start, end, rank) order within
   the component (i.e. items are paired in order when nothing else decides);
5. anything still tied: the choice of ``scipy.optimize.linear_sum_assignment`` on that sorted
   input (deterministic).

Since every step works on items sorted by (start, end, rank), and rank is each item's position
in (doc_id, item_id) order, the result does not depend on the order of the input.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from benchmark.scoring.assignment import assign

PairMeasures = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray, np.ndarray]]
"""``(gold_idx, pred_idx) -> (candidate, overlap, displacement)``, elementwise with numpy
broadcasting: index vectors give one value per pair, ``gold_idx[:, None]`` and
``pred_idx[None, :]`` give the matrices of a component."""

PairCredits = Callable[[np.ndarray, np.ndarray], np.ndarray]
"""``(gold_idx, pred_idx) -> credit`` (an object array of exact fractions in [0, 1]),
broadcast like :data:`PairMeasures`."""


@dataclass(frozen=True)
class Intervals:
    """Interval items as columns (one row per item)."""

    group: np.ndarray
    """Candidate group code; items of different groups never match; negative: left out."""
    start: np.ndarray
    """First character; negative for unaligned items (never matched)."""
    end: np.ndarray
    """One past the last character; an empty interval never matches."""
    rank: np.ndarray
    """Tie-break order within the side (0..n-1)."""


def match_codes(
    gold_codes: np.ndarray,
    pred_codes: np.ndarray,
    *,
    gold_rank: np.ndarray,
    pred_rank: np.ndarray,
) -> np.ndarray:
    """Pair equal codes one-to-one (k-th with k-th in rank order); negative codes never match."""
    gold_keys, gold_order = _occurrence_keys(gold_codes, gold_rank)
    pred_keys, pred_order = _occurrence_keys(pred_codes, pred_rank)
    _, gold_at, pred_at = np.intersect1d(
        gold_keys, pred_keys, assume_unique=True, return_indices=True
    )
    return np.stack([gold_order[gold_at], pred_order[pred_at]], axis=1).astype(np.int64)


def match_exact_intervals(gold: Intervals, pred: Intervals) -> np.ndarray:
    """Pair items with identical (group, start, end), one-to-one in rank order."""
    group = np.concatenate([gold.group, pred.group])
    start = np.concatenate([gold.start, pred.start])
    end = np.concatenate([gold.end, pred.end])
    valid = (group >= 0) & (start >= 0) & (end > start)
    codes = np.full(len(group), -1, dtype=np.int64)
    if valid.any():
        stride = int(end[valid].max()) + 1
        if (int(group[valid].max()) + 1) * stride * stride < 2**62:
            # one int64 per (group, start, end): a 1-D unique is much faster than rows
            packed = (group[valid] * stride + start[valid]) * stride + end[valid]
            _, dense = np.unique(packed, return_inverse=True)
        else:
            rows = np.stack([group[valid], start[valid], end[valid]], axis=1)
            _, dense = np.unique(rows, axis=0, return_inverse=True)
        codes[valid] = dense.reshape(-1)
    n = len(gold.group)
    return match_codes(codes[:n], codes[n:], gold_rank=gold.rank, pred_rank=pred.rank)


def match_intervals(
    gold: Intervals,
    pred: Intervals,
    *,
    measures: PairMeasures | None = None,
    credit: PairCredits | None = None,
) -> np.ndarray:
    """Return the optimal overlap matching as ``(gold_index, pred_index)`` rows.

    ``measures`` replaces the single-interval candidate test and weights (items with several
    span components, swept on their first one): a 1 x 1 component is a pair when the two items
    are candidates (tested for all such components at once); every other component with items
    on both sides goes through the solver. ``credit`` (with ``measures``) makes a positive
    credit part of the candidate test and the largest total credit the first rule.
    """
    gold_comp, pred_comp, n_comp = _components(gold, pred)
    n_gold = np.bincount(gold_comp[gold_comp >= 0], minlength=n_comp)
    n_pred = np.bincount(pred_comp[pred_comp >= 0], minlength=n_comp)
    gold_of = _member_of(gold_comp, n_comp)
    pred_of = _member_of(pred_comp, n_comp)
    one_one = (n_gold == 1) & (n_pred == 1)
    single_pairs = np.stack([gold_of[one_one], pred_of[one_one]], axis=1)
    parts = []
    if measures is None:
        measures = _interval_measures(gold, pred)
        parts.append(single_pairs)  # one component, one gold, one prediction: they overlap
        parts.append(_best_candidate(gold, pred, pred_comp, gold_of, (n_gold == 1) & (n_pred > 1)))
        flipped = _best_candidate(pred, gold, gold_comp, pred_of, (n_pred == 1) & (n_gold > 1))
        parts.append(flipped[:, ::-1])
        two_two = (n_gold == 2) & (n_pred == 2)
        parts.append(_two_by_two(gold, pred, gold_comp, pred_comp, two_two))
        solve = (n_gold > 1) & (n_pred > 1) & ~two_two
    else:
        candidate, _, _ = measures(single_pairs[:, 0], single_pairs[:, 1])
        if credit is not None and len(single_pairs):
            candidate &= (credit(single_pairs[:, 0], single_pairs[:, 1]) > 0).astype(bool)
        parts.append(single_pairs[candidate])
        solve = (n_gold > 0) & (n_pred > 0) & ~one_one
    parts.append(_solve_components(gold, pred, gold_comp, pred_comp, solve, measures, credit))
    return np.concatenate([part.reshape(-1, 2) for part in parts]).astype(np.int64)


def _occurrence_keys(codes: np.ndarray, rank: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return unique (code, occurrence) keys of the valid entries, and their indices."""
    valid = np.flatnonzero(codes >= 0)
    order = valid[np.lexsort((rank[valid], codes[valid]))]
    sorted_codes = codes[order]
    positions = np.arange(len(order), dtype=np.int64)
    first = np.ones(len(order), dtype=bool)
    first[1:] = sorted_codes[1:] != sorted_codes[:-1]
    occurrence = positions - np.maximum.accumulate(np.where(first, positions, 0))
    # Dense codes and occurrences are both < 2**31 for any corpus that fits in memory.
    return sorted_codes * (1 << 31) + occurrence, order


def _components(gold: Intervals, pred: Intervals) -> tuple[np.ndarray, np.ndarray, int]:
    """Label the connected components of the candidate graph (-1: item left out)."""
    group = np.concatenate([gold.group, pred.group])
    start = np.concatenate([gold.start, pred.start])
    end = np.concatenate([gold.end, pred.end])
    valid = np.flatnonzero((group >= 0) & (start >= 0) & (end > start))
    comp = np.full(len(group), -1, dtype=np.int64)
    if len(valid):
        stride = int(end[valid].max()) + 1
        low = group[valid] * stride + start[valid]
        high = group[valid] * stride + end[valid]
        order = np.argsort(low)  # ties need no order: they land in one component
        reach = np.maximum.accumulate(high[order])
        new = np.ones(len(order), dtype=bool)
        new[1:] = low[order][1:] >= reach[:-1]
        comp[valid[order]] = np.cumsum(new) - 1
    n_comp = int(comp.max()) + 1 if len(valid) else 0
    return comp[: len(gold.group)], comp[len(gold.group) :], n_comp


def _member_of(comp: np.ndarray, n_comp: int) -> np.ndarray:
    """Return, per component, the index of one member on this side (-1 when none)."""
    member = np.full(n_comp, -1, dtype=np.int64)
    valid = np.flatnonzero(comp >= 0)
    member[comp[valid]] = valid
    return member


def _best_candidate(
    single: Intervals,
    many: Intervals,
    many_comp: np.ndarray,
    single_of: np.ndarray,
    selected: np.ndarray,
) -> np.ndarray:
    """Pair the lone ``single`` item of each selected component with its best candidate."""
    members = np.flatnonzero(many_comp >= 0)
    members = members[selected[many_comp[members]]]
    partner = single_of[many_comp[members]]
    overlap = np.minimum(many.end[members], single.end[partner]) - np.maximum(
        many.start[members], single.start[partner]
    )
    keep = overlap > 0
    members, partner, overlap = members[keep], partner[keep], overlap[keep]
    displacement = np.abs(many.start[members] - single.start[partner]) + np.abs(
        many.end[members] - single.end[partner]
    )
    # Rules 2, 3, then rule 4: the first candidate in (start, end, rank) order.
    order = np.lexsort(
        (
            many.rank[members],
            many.end[members],
            many.start[members],
            displacement,
            -overlap,
            many_comp[members],
        )
    )
    comps = many_comp[members][order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = comps[1:] != comps[:-1]
    chosen = order[first]
    return np.stack([partner[chosen], members[chosen]], axis=1)


def _two_by_two(
    gold: Intervals,
    pred: Intervals,
    gold_comp: np.ndarray,
    pred_comp: np.ndarray,
    selected: np.ndarray,
) -> np.ndarray:
    """Solve all 2 x 2 components at once: in-order pairing unless crossing is better."""
    g = _sorted_members(gold, gold_comp, selected).reshape(-1, 2)
    p = _sorted_members(pred, pred_comp, selected).reshape(-1, 2)

    def pair_measures(gi: np.ndarray, pi: np.ndarray):
        overlap = np.minimum(gold.end[gi], pred.end[pi]) - np.maximum(
            gold.start[gi], pred.start[pi]
        )
        displacement = np.abs(gold.start[gi] - pred.start[pi]) + np.abs(gold.end[gi] - pred.end[pi])
        candidate = overlap > 0
        return candidate, np.where(candidate, overlap, 0), np.where(candidate, displacement, 0)

    c00, o00, d00 = pair_measures(g[:, 0], p[:, 0])
    c11, o11, d11 = pair_measures(g[:, 1], p[:, 1])
    c01, o01, d01 = pair_measures(g[:, 0], p[:, 1])
    c10, o10, d10 = pair_measures(g[:, 1], p[:, 0])
    straight = (c00.astype(int) + c11, o00 + o11, -(d00 + d11))
    crossed = (c01.astype(int) + c10, o01 + o10, -(d01 + d10))
    # Lexicographic comparison of rules 1-3; on a full tie rule 4 keeps the straight pairing.
    better = crossed[0] > straight[0]
    tied = crossed[0] == straight[0]
    better |= tied & (crossed[1] > straight[1])
    tied &= crossed[1] == straight[1]
    better |= tied & (crossed[2] > straight[2])
    rows = [
        np.stack([g[:, 0], p[:, 0]], axis=1)[~better & c00],
        np.stack([g[:, 1], p[:, 1]], axis=1)[~better & c11],
        np.stack([g[:, 0], p[:, 1]], axis=1)[better & c01],
        np.stack([g[:, 1], p[:, 0]], axis=1)[better & c10],
    ]
    return np.concatenate(rows)


def _sorted_members(side: Intervals, comp: np.ndarray, selected: np.ndarray) -> np.ndarray:
    """Return this side's members of the selected components, by (comp, start, end, rank)."""
    members = np.flatnonzero(comp >= 0)
    members = members[selected[comp[members]]]
    order = np.lexsort((side.rank[members], side.end[members], side.start[members], comp[members]))
    return members[order]


def _interval_measures(gold: Intervals, pred: Intervals) -> PairMeasures:
    """Return the candidate/overlap/displacement function of single intervals."""

    def measures(gold_idx: np.ndarray, pred_idx: np.ndarray):
        g_start, g_end = gold.start[gold_idx], gold.end[gold_idx]
        p_start, p_end = pred.start[pred_idx], pred.end[pred_idx]
        overlap = np.minimum(g_end, p_end) - np.maximum(g_start, p_start)
        displacement = np.abs(g_start - p_start) + np.abs(g_end - p_end)
        return overlap > 0, np.maximum(overlap, 0), displacement

    return measures


def _solve_components(
    gold: Intervals,
    pred: Intervals,
    gold_comp: np.ndarray,
    pred_comp: np.ndarray,
    selected: np.ndarray,
    measures: PairMeasures,
    credit: PairCredits | None = None,
) -> np.ndarray:
    """Solve each selected component with :func:`assign`."""
    gold_members = _split(_sorted_members(gold, gold_comp, selected), gold_comp)
    pred_members = _split(_sorted_members(pred, pred_comp, selected), pred_comp)
    pairs = []
    for comp, gold_idx in gold_members.items():
        pred_idx = pred_members[comp]
        rows, cols = gold_idx[:, None], pred_idx[None, :]
        credits = None if credit is None else credit(rows, cols)
        for r, c in assign(*measures(rows, cols), credit=credits):
            pairs.append((gold_idx[r], pred_idx[c]))
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)


def _split(members: np.ndarray, comp: np.ndarray) -> dict[int, np.ndarray]:
    """Group sorted members by component."""
    if not len(members):
        return {}
    comps = comp[members]
    cuts = np.flatnonzero(comps[1:] != comps[:-1]) + 1
    return {
        int(chunk[0]): idx
        for chunk, idx in zip(np.split(comps, cuts), np.split(members, cuts), strict=True)
    }
