from __future__ import annotations

import numpy as np

from benchmark.scoring.counting import count, totals
from benchmark.scoring.items import Item
from benchmark.scoring.report import Counts


def test_count_by_hand():
    gold = [Item("E2", "d", 0, ((0, 1),), "A"), Item("E1", "d", 1, ((2, 3),), "B")]
    pred = [Item("P1", "d", 0, ((0, 1),), "A"), Item("P2", "d", -1, ((9, 9),), "B")]
    result = count(gold, pred, np.array([[0, 0]]), task="t", subtask="s", mode="exact",
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
    assert totals(gold, gold[:2], np.array([[0, 0]])) == Counts(1, 1, 2)
