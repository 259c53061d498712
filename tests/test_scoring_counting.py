from __future__ import annotations

import numpy as np

from benchmark.scoring.counting import count, totals
from benchmark.scoring.items import Item
from benchmark.scoring.modes import EXACT, Candidates, MatchMode, exact_key
from benchmark.scoring.scores import Counts

# a mode that credits a pair by its label only: "A" pairs earn 1, "B" pairs earn 1/4
QUARTER_B = MatchMode(
    "quarter",
    "test mode",
    exact_key,
    Candidates.EQUAL_KEYS,
    credit=lambda g, p: 0.25 if g.label == "B" else 1,
)


def test_count_by_hand():
    gold = [Item("E2", "d", 0, ((0, 1),), "A"), Item("E1", "d", 1, ((2, 3),), "B")]
    pred = [Item("P1", "d", 0, ((0, 1),), "A"), Item("P2", "d", -1, ((9, 9),), "B")]
    result = count(gold, pred, np.array([[0, 0]]), task="t", subtask="s", mode=EXACT,
                   units=[("d", 0), ("d", 1)])  # fmt: skip
    assert (result.tp, result.fp, result.fn) == (1, 1, 1)
    assert result.per_type == {"A": Counts(1, 0, 0), "B": Counts(0, 1, 1)}
    assert result.matched == (("d", "E2", "P1"),)
    assert result.missed == (("d", "E1"),) and result.spurious == (("d", "P2"),)
    # the unknown sentence -1 is an extra unit at the end
    assert result.per_unit.units == (("d", 0), ("d", 1), ("d", -1))
    assert (result.per_unit.tp, result.per_unit.fp, result.per_unit.fn) == (
        (1, 0, 0),
        (0, 0, 1),
        (0, 1, 0),
    )


def test_totals():
    gold = [Item("E1", "d", 0, ())] * 3
    assert totals(gold, gold[:2], np.array([[0, 0]]), mode=EXACT) == Counts(1, 1, 2)


def test_counts_stay_integers_without_a_credit_function():
    gold = [Item("E1", "d", 0, ((0, 1),), "A")]
    result = count(gold, gold, np.array([[0, 0]]), task="t", subtask="s", mode=EXACT,
                   units=[("d", 0)])  # fmt: skip
    assert [type(x) for x in (result.tp, result.fp, result.fn)] == [int, int, int]
    assert all(type(x) is int for x in result.per_unit.tp + result.per_unit.fp)


def test_credit_function_gives_fractional_counts_by_hand():
    # pairs: E1-P1 ("A", credit 1), E2-P2 ("B", credit 1/4); E3 missed, P3 spurious
    gold = [
        Item("E1", "d", 0, ((0, 1),), "A"),
        Item("E2", "d", 1, ((2, 3),), "B"),
        Item("E3", "d", 1, ((4, 5),), "B"),
    ]
    pred = [Item("P1", "d", 0, ((0, 1),), "A"), Item("P2", "d", 0, ((2, 3),), "B"),
            Item("P3", "d", 1, ((7, 8),), "A")]  # fmt: skip
    result = count(gold, pred, np.array([[0, 0], [1, 1]]), task="t", subtask="s",
                   mode=QUARTER_B, units=[("d", 0), ("d", 1)])  # fmt: skip
    # tp = 1 + 0.25; fp = 1 (P3) + 0.75; fn = 1 (E3) + 0.75
    assert (result.tp, result.fp, result.fn) == (1.25, 1.75, 1.75)
    assert result.precision == 1.25 / 3 and result.recall == 1.25 / 3
    assert result.per_type == {"A": Counts(1, 1, 0), "B": Counts(0.25, 0.75, 1.75)}
    # E2-P2's remainder goes to the gold sentence (fn) and the predicted sentence (fp)
    assert result.per_unit.tp == (1, 0.25) and result.per_unit.fn == (0, 1.75)
    assert result.per_unit.fp == (0.75, 1)
    assert result.matched == (("d", "E1", "P1"), ("d", "E2", "P2"))
    assert totals(gold, pred, np.array([[0, 0], [1, 1]]), mode=QUARTER_B) == Counts(
        1.25, 1.75, 1.75
    )
