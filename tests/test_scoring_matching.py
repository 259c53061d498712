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


def texts(item_id, *spans):
    """An item of document d whose spans are ``(start, end, text)``."""
    return Item(item_id, "d", 0, tuple(s[:2] for s in spans), texts=tuple(s[2] for s in spans))


def test_normalised_pairs_equal_forms_of_the_same_mention_only():
    # "le persone" 0..10 and "persone" 3..10 overlap with the same form: a pair; "persone"
    # 30..37 has the same form but is another mention (no shared character): not a pair
    gold = [texts("C1", (0, 10, "le persone"))]
    pred = [texts("P1", (30, 37, "persone")), texts("P2", (3, 10, "persone"))]
    assert pairs(gold, pred, "normalised") == [(0, 1)]
    assert pairs(gold, pred, "exact") == []
    assert pairs([texts("C1", (0, 10, "le persone"))], pred[:1], "normalised") == []


def test_partial_maximises_the_total_credit_not_the_number_of_pairs():
    # G1 "tre scuole e un ospedale" 0..24 tokens [tre, scuole, e, un, ospedale]
    #   (the leading "tre" is not a determiner; "un" inside is kept)
    # G2 "ospedale" 16..24 tokens [ospedale]
    # P1 "tre scuole e un ospedale" 0..24: with G1 credit 1; with G2 2*1/(1+5) = 1/3
    # P2 "ospedale militare" 16..33 [ospedale, militare]: with G1 2*1/(5+2) = 2/7; with G2
    #   2*1/(1+2) = 2/3
    # pairings: {G1-P1, G2-P2} = 1 + 2/3 = 5/3; {G1-P2, G2-P1} = 2/7 + 1/3 = 13/21: the first
    gold = [
        texts("G1", (0, 24, "tre scuole e un ospedale")),
        texts("G2", (16, 24, "ospedale")),
    ]
    pred = [
        texts("P1", (0, 24, "tre scuole e un ospedale")),
        texts("P2", (16, 33, "ospedale militare")),
    ]
    assert pairs(gold, pred, "partial") == [(0, 0), (1, 1)]


def test_partial_prefers_one_good_pair_to_two_poor_ones():
    # G1 "a b c d" 0..7 [a, b, c, d]; G2 "d" 6..7 [d]
    # P1 "a b c d" 0..7: with G1 1, with G2 2*1/(1+4) = 2/5
    # P2 "a" 0..1: with G1 2*1/(4+1) = 2/5; it shares no character with G2
    # {G1-P1}: 1 (one pair) beats {G1-P2, G2-P1}: 4/5 (two pairs, the overlap mode's choice)
    gold = [texts("G1", (0, 7, "a b c d")), texts("G2", (6, 7, "d"))]
    pred = [texts("P1", (0, 7, "a b c d")), texts("P2", (0, 1, "a"))]
    assert pairs(gold, pred, "partial") == [(0, 0)]
    assert pairs(gold, pred, "overlap") == [(0, 1), (1, 0)]
    gold = [texts("G1", (0, 13, "missili russi"))]
    # a prediction that overlaps without sharing a word is not a partial candidate
    # ("i" 0..1 -> tokens [i] vs [missili, russi])
    assert pairs(gold, [texts("P9", (0, 1, "i"))], "partial") == []
    assert pairs(gold, [texts("P9", (0, 1, "i"))], "overlap") == [(0, 0)]


def test_partial_credit_outweighs_the_number_of_pairs():
    # G1 "a b" 0..3 [a, b]; G2 "c" 4..5 [c]
    # P1 "a b c" 0..5 [a, b, c]: with G1 2*2/(2+3) = 4/5, with G2 2*1/(1+3) = 1/2
    # P2 "b" 2..3 [b]: with G1 2*1/(2+1) = 2/3, with G2 no shared character
    # {G1-P1} alone: 4/5; {G1-P2, G2-P1}: 2/3 + 1/2 = 7/6 > 4/5: two pairs, and more credit
    gold = [texts("G1", (0, 3, "a b")), texts("G2", (4, 5, "c"))]
    pred = [texts("P1", (0, 5, "a b c")), texts("P2", (2, 3, "b"))]
    assert pairs(gold, pred, "partial") == [(0, 1), (1, 0)]
    # G3 "x y z w" 10..17 [x, y, z, w]; P3 "x y z w" 10..17 and P4 "w" 16..17:
    # G3-P3 credit 1 vs G3-P4 2/5: one gold, so P3
    gold = [texts("G3", (10, 17, "x y z w"))]
    pred = [texts("P4", (16, 17, "w")), texts("P3", (10, 17, "x y z w"))]
    assert pairs(gold, pred, "partial") == [(0, 1)]
