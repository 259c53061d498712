from __future__ import annotations

from benchmark.scoring.metrics import ZERO_DIVISION, f1, precision, prf, recall


def test_values():
    assert prf(2, 2, 1) == (0.5, 2 / 3, 4 / 7)
    assert f1(0, 3, 4) == 0.0


def test_zero_division_policy():
    assert ZERO_DIVISION == 0.0
    assert precision(0, 0) == 0.0 and recall(0, 0) == 0.0 and f1(0, 0, 0) == 0.0
    assert prf(0, 0, 0, zero_division=1.0) == (1.0, 1.0, 1.0)
