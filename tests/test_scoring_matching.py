"""Item-level matcher: exact multisets, overlap groups, multi-span items, spanless items."""

from __future__ import annotations

from benchmark.scoring.items import Item
from benchmark.scoring.matching import PAIRING, match, ranks
from benchmark.scoring.modes import MATCH_MODES, Candidates


def pairs(gold, pred, mode):
    return [tuple(p) for p in match(gold, pred, mode=MATCH_MODES[mode]).tolist()]


def test_exact_duplicates_match_once():
    gold = [Item("E1", "d", 0, ((0, 5),))]
    pred = [Item("P2", "d", 0, ((0, 5),)), Item("P1", "d", 0, ((0, 5),))]
    assert pairs(gold, pred, "exact") == [(0, 1)]  # P1 comes first in id order


def test_label_and_document_separate():
    gold = [Item("E1", "d", 0, ((0, 5),), label="A"), Item("E2", "e", 0, ((0, 5),), label="A")]
    pred = [Item("P1", "d", 0, ((0, 5),), label="B"), Item("P2", "e", 0, ((1, 4),), label="A")]
    assert pairs(gold, pred, "exact") == []
    assert pairs(gold, pred, "overlap") == [(1, 1)]


def test_multi_span_items_need_every_component():
    # (cue, content, source): P1's content does not overlap; P2's source is null
    gold = [Item("A1", "d", 0, ((10, 15), (20, 40), (0, 5)))]
    pred = [
        Item("P1", "d", 0, ((10, 14), (41, 50), (0, 5))),
        Item("P2", "d", 0, ((10, 15), (20, 40), None)),
        Item("P3", "d", 0, ((12, 13), (30, 35), (2, 4))),
    ]
    assert pairs(gold, pred, "exact") == []
    assert pairs(gold, pred, "overlap") == [(0, 2)]


def test_spanless_items_match_on_key():
    gold = [Item("E1", "d", 0, (), attrs=("E1", "positive"))]
    pred = [
        Item("P1", "d", 0, (), attrs=("E1", "negative")),
        Item("P2", "d", 0, (), attrs=("E1", "positive")),
    ]
    assert pairs(gold, pred, "overlap") == [(0, 1)] == pairs(gold, pred, "exact")


def test_ranks_follow_ids():
    items = [Item("E10", "d", 0, ()), Item("E2", "d", 0, ()), Item("E1", "c", 0, ())]
    assert ranks(items).tolist() == [1, 2, 0]  # plain string order: "E10" < "E2"


def test_every_candidate_rule_has_a_pairing_function():
    assert set(PAIRING) == set(Candidates)


def test_lone_multi_span_pair_needs_every_component():
    # one gold and one prediction whose first spans overlap: a pair only when the second
    # spans overlap too ((10, 20) and (21, 30) share nothing; (15, 25) shares 5 characters)
    gold = [Item("A1", "d", 0, ((0, 5), (10, 20)))]
    assert pairs(gold, [Item("P1", "d", 0, ((2, 4), (21, 30)))], "overlap") == []
    assert pairs(gold, [Item("P1", "d", 0, ((2, 4), (15, 25)))], "overlap") == [(0, 0)]
    assert pairs([], [Item("P1", "d", 0, ((2, 4), (15, 25)))], "overlap") == []
