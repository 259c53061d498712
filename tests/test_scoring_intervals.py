"""Overlap matching: optimal against brute force, hand-computed ties and one-to-many cases."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment

from benchmark.scoring.intervals import Intervals, match_exact_intervals, match_intervals


def columns(spans, group=None):
    n = len(spans)
    return Intervals(
        group=np.array(group if group is not None else [0] * n, dtype=np.int64).reshape(-1),
        start=np.array([s for s, _ in spans], dtype=np.int64).reshape(-1),
        end=np.array([e for _, e in spans], dtype=np.int64).reshape(-1),
        rank=np.arange(n, dtype=np.int64),
    )


def pairs_of(gold, pred, gold_group=None, pred_group=None):
    rows = match_intervals(columns(gold, gold_group), columns(pred, pred_group))
    return sorted(map(tuple, rows.tolist()))


def test_two_predictions_on_one_gold():
    # nervaluate #84: gold [0,10); P0 [0,4) shares 4, P1 [5,10) shares 5 -> only P1 matches
    assert pairs_of([(0, 10)], [(0, 4), (5, 10)]) == [(0, 1)]


def test_one_prediction_over_two_golds():
    # P [3,9) shares 2 with G0 [0,5) and 3 with G1 [6,12): one pair, G1
    assert pairs_of([(0, 5), (6, 12)], [(3, 9)]) == [(1, 0)]


def test_maximum_not_greedy():
    # P0 [5,9) overlaps G0 [0,10) (4 chars) and G1 [8,12) (1 char); P1 [0,3) only G0.
    # Greedy by prediction order takes P0-G0 and leaves P1 unmatched (1 pair); optimal is 2.
    assert pairs_of([(0, 10), (8, 12)], [(5, 9), (0, 3)]) == [(0, 1), (1, 0)]


def test_tie_goes_to_first_in_order():
    # P0 [0,5) and P1 [5,10) both share 5 chars with [0,10), both displaced by 5: rule 4
    assert pairs_of([(0, 10)], [(5, 10), (0, 5)]) == [(0, 1)]  # P1 starts first


def test_two_by_two_prefers_more_overlap():
    # G0 [0,6), G1 [4,10); P0 [0,5), P1 [5,10). Straight: 5 + 5 = 10 shared; crossed:
    # G0-P1 1 + G1-P0 1 = 2 -> straight
    assert pairs_of([(0, 6), (4, 10)], [(0, 5), (5, 10)]) == [(0, 0), (1, 1)]


def test_touching_and_empty_never_match():
    assert pairs_of([(0, 5)], [(5, 9)]) == []
    assert pairs_of([(3, 3)], [(0, 9)]) == []
    assert pairs_of([(0, 5)], [(-1, -1)]) == []


def test_groups_are_separate():
    assert pairs_of([(0, 5)], [(0, 5)], gold_group=[0], pred_group=[1]) == []


def test_exact_intervals_duplicates():
    # two identical predictions for one gold: one pair
    rows = match_exact_intervals(columns([(0, 5), (6, 9)]), columns([(0, 5), (0, 5), (6, 8)]))
    assert sorted(map(tuple, rows.tolist())) == [(0, 0)]


intervals = st.lists(
    st.tuples(st.integers(0, 20), st.integers(1, 6)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=6,
)


def brute_force_best(gold, pred, gold_group, pred_group):
    """Best (pairs, shared, -displacement) over ALL one-to-one matchings, by enumeration."""

    def edge(g, p):
        shared = min(gold[g][1], pred[p][1]) - max(gold[g][0], pred[p][0])
        if gold_group[g] != pred_group[p] or shared <= 0:
            return None
        moved = abs(gold[g][0] - pred[p][0]) + abs(gold[g][1] - pred[p][1])
        return shared, moved

    best = (0, 0, 0)

    def walk(g, used, n, shared, moved):
        nonlocal best
        best = max(best, (n, shared, -moved))
        if g == len(gold):
            return
        walk(g + 1, used, n, shared, moved)
        for p in range(len(pred)):
            if p not in used and (e := edge(g, p)) is not None:
                walk(g + 1, used | {p}, n + 1, shared + e[0], moved + e[1])

    walk(0, frozenset(), 0, 0, 0)
    return best


@settings(max_examples=300, deadline=None)
@given(intervals, intervals, st.data())
def test_optimal_against_brute_force(gold, pred, data):
    gold_group = data.draw(st.lists(st.integers(0, 1), min_size=len(gold), max_size=len(gold)))
    pred_group = data.draw(st.lists(st.integers(0, 1), min_size=len(pred), max_size=len(pred)))
    rows = pairs_of(gold, pred, gold_group, pred_group)
    shared = sum(min(gold[g][1], pred[p][1]) - max(gold[g][0], pred[p][0]) for g, p in rows)
    moved = sum(abs(gold[g][0] - pred[p][0]) + abs(gold[g][1] - pred[p][1]) for g, p in rows)
    assert (len(rows), shared, -moved) == brute_force_best(gold, pred, gold_group, pred_group)
    # and the number of pairs is scipy's maximum bipartite matching
    if gold and pred:
        candidate = np.array(
            [
                [
                    gold_group[g] == pred_group[p]
                    and min(gold[g][1], pred[p][1]) > max(gold[g][0], pred[p][0])
                    for p in range(len(pred))
                ]
                for g in range(len(gold))
            ]
        )
        r, c = linear_sum_assignment(candidate, maximize=True)
        assert len(rows) == int(candidate[r, c].sum())
    assert len({g for g, _ in rows}) == len(rows) == len({p for _, p in rows})


@settings(max_examples=200, deadline=None)
@given(intervals, intervals, st.randoms(use_true_random=False))
def test_independent_of_order(gold, pred, random):
    gold_order = list(range(len(gold)))
    pred_order = list(range(len(pred)))
    random.shuffle(gold_order)
    random.shuffle(pred_order)
    # ranks follow the items (their ids), not their positions
    shuffled = match_intervals(
        Intervals(
            np.zeros(len(gold), dtype=np.int64),
            np.array([gold[i][0] for i in gold_order], dtype=np.int64),
            np.array([gold[i][1] for i in gold_order], dtype=np.int64),
            np.array(gold_order, dtype=np.int64),
        ),
        Intervals(
            np.zeros(len(pred), dtype=np.int64),
            np.array([pred[i][0] for i in pred_order], dtype=np.int64),
            np.array([pred[i][1] for i in pred_order], dtype=np.int64),
            np.array(pred_order, dtype=np.int64),
        ),
    )
    back = sorted((gold_order[g], pred_order[p]) for g, p in shuffled.tolist())
    assert back == pairs_of(gold, pred)
