from __future__ import annotations

from benchmark.dataset.schema import Span
from benchmark.scoring.items import Item, natural_key, offsets


def test_natural_order():
    assert sorted(["E10", "E2", "E1/arg10", "E1/arg2"], key=natural_key) == [
        "E1/arg2",
        "E1/arg10",
        "E2",
        "E10",
    ]


def test_offsets_and_unaligned():
    assert offsets(Span(3, 5, "ab")) == (3, 5) and offsets(None) is None
    assert Item("P", "d", 0, ((-1, -1),)).unaligned
    assert not Item("P", "d", 0, ((0, 1), None)).unaligned
