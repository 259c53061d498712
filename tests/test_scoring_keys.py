from __future__ import annotations

from benchmark.scoring.items import UNALIGNED, Item
from benchmark.scoring.keys import KEY_FUNCTIONS, MATCH_MODES, exact_key, overlap_key


def test_exact_key_holds_every_component():
    item = Item("E1", "d1", 0, ((3, 7), None), label="Life:Die", attrs=("E9",))
    assert exact_key(item) == ("d1", "Life:Die", ("E9",), ((3, 7), None))


def test_overlap_key_holds_the_null_pattern_not_offsets():
    a = Item("A1", "d1", 0, ((3, 7), None))
    b = Item("B1", "d1", 0, ((4, 9), None))
    c = Item("C1", "d1", 0, ((4, 9), (0, 2)))
    assert overlap_key(a) == overlap_key(b) != overlap_key(c)


def test_unaligned_items_have_no_key():
    item = Item("P1", "d1", 0, (UNALIGNED,))
    assert exact_key(item) is None and overlap_key(item) is None


def test_one_key_function_per_mode():
    assert MATCH_MODES == ("exact", "overlap")
    assert KEY_FUNCTIONS == {"exact": exact_key, "overlap": overlap_key}
