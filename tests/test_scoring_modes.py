from __future__ import annotations

from fractions import Fraction

import pytest

from benchmark.errors import DataError
from benchmark.scoring.items import UNALIGNED, Item
from benchmark.scoring.modes import (
    EXACT,
    MATCH_MODES,
    MODE_NAMES,
    NORMALISED,
    OVERLAP,
    PARTIAL,
    Candidates,
    MatchMode,
    exact_key,
    help_text,
    normalised_key,
    overlap_key,
    resolve_modes,
    token_f1_credit,
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
    assert MODE_NAMES == ("exact", "normalised", "partial", "overlap")
    assert {name: mode.key for name, mode in MATCH_MODES.items()} == {
        "exact": exact_key,
        "normalised": normalised_key,
        "partial": overlap_key,
        "overlap": overlap_key,
    }
    assert [m.candidates for m in (EXACT, NORMALISED, PARTIAL, OVERLAP)] == [
        Candidates.EQUAL_KEYS,
        Candidates.OVERLAPPING_SPANS,
        Candidates.CREDITED_SPANS,
        Candidates.OVERLAPPING_SPANS,
    ]
    assert EXACT.credit is None and NORMALISED.credit is None and OVERLAP.credit is None
    assert PARTIAL.credit is token_f1_credit


def test_normalised_key_holds_the_normalised_texts():
    # "le persone" (3..13) and "persone" (6..13): same form "persone"; a null span stays null
    gold = Item("C1", "d1", 0, ((3, 13), None), label="killed", texts=("le persone", None))
    pred = Item("Q1", "d1", 0, ((6, 13), None), label="killed", texts=("Persone,", None))
    assert normalised_key(gold) == ("d1", "killed", (), ("persone", None)) == normalised_key(pred)
    # items without texts fall back to their offsets (exact identity)
    bare = Item("E1", "d1", 0, ((3, 7),))
    assert normalised_key(bare) == exact_key(bare)
    assert normalised_key(Item("P1", "d1", 0, (UNALIGNED,), texts=("x",))) is None


def test_token_f1_credit_is_the_product_over_components():
    # component 1: "i missili russi" -> tokens [missili, russi]; "I missili" -> [missili]:
    #   common 1, F1 = 2 * 1 / (2 + 1) = 2/3
    # component 2: "colpito" vs "colpito": 1;  product 2/3
    gold = Item("E1/arg1", "d1", 0, ((0, 15), (20, 27)), texts=("i missili russi", "colpito"))
    pred = Item("P1/arg1", "d1", 0, ((0, 9), (20, 27)), texts=("I missili", "colpito"))
    assert token_f1_credit(gold, pred) == Fraction(2, 3)
    # a null component pairs only with a null one
    gold_null = Item("H1", "d1", 0, ((0, 3), None), texts=("sì", None))
    pred_span = Item("Q1", "d1", 0, ((0, 3), (4, 6)), texts=("sì", "no"))
    assert token_f1_credit(gold_null, pred_span) == 0
    assert token_f1_credit(gold_null, gold_null) == 1
    # without texts: 1 for identical spans, else 0
    assert token_f1_credit(Item("a", "d", 0, ((1, 2),)), Item("b", "d", 0, ((1, 2),))) == 1
    assert token_f1_credit(Item("a", "d", 0, ((1, 2),)), Item("b", "d", 0, ((1, 3),))) == 0


def test_resolve_modes_in_the_order_given():
    assert resolve_modes(["overlap", "exact"]) == (OVERLAP, EXACT)
    other = MatchMode("starts", "same first character", exact_key, Candidates.EQUAL_KEYS)
    assert resolve_modes(["starts"], table={"starts": other}) == (other,)


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (
            ["fuzzy"],
            r"unknown modes \['fuzzy'\]; expected names from "
            r"\['exact', 'normalised', 'partial', 'overlap'\]",
        ),
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
    assert "; normalised: the same mention" in text and "; partial: overlapping spans" in text
    assert "\n" not in text
