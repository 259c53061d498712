from __future__ import annotations

import pytest

from benchmark.errors import DataError
from benchmark.scoring.items import UNALIGNED, Item
from benchmark.scoring.modes import (
    EXACT,
    MATCH_MODES,
    MODE_NAMES,
    OVERLAP,
    Candidates,
    MatchMode,
    exact_key,
    help_text,
    overlap_key,
    resolve_modes,
)


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
    assert MODE_NAMES == ("exact", "overlap")
    assert {name: mode.key for name, mode in MATCH_MODES.items()} == {
        "exact": exact_key,
        "overlap": overlap_key,
    }
    assert (EXACT.candidates, OVERLAP.candidates) == (
        Candidates.EQUAL_KEYS,
        Candidates.OVERLAPPING_SPANS,
    )
    assert EXACT.credit is None and OVERLAP.credit is None


def test_resolve_modes_in_the_order_given():
    assert resolve_modes(["overlap", "exact"]) == (OVERLAP, EXACT)
    other = MatchMode("starts", "same first character", exact_key, Candidates.EQUAL_KEYS)
    assert resolve_modes(["starts"], table={"starts": other}) == (other,)


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (["fuzzy"], r"unknown modes \['fuzzy'\]; expected names from \['exact', 'overlap'\]"),
        ([], r"unknown modes \[\]"),
        ("exact", r"unknown modes \['exact'\]"),
    ],
)
def test_resolve_modes_refuses_unknown_or_no_names(names, message):
    with pytest.raises(DataError, match=message) as caught:
        resolve_modes(names)
    assert caught.value.field == "modes"


def test_help_text_describes_every_mode_in_one_line():
    text = help_text()
    assert text.startswith("exact: identical offsets") and "; overlap: at least one" in text
    assert "\n" not in text
