import pytest

from benchmark.dataset.contrast.edits import EditError, apply_edits, remap, remap_point
from benchmark.dataset.contrast.spec import Edit

TEXT = "Ieri sarebbero stati uccisi tre civili a Kharkiv."
#       0         1         2         3         4
#       0123456789012345678901234567890123456789012345678


def replace(old, new, occurrence=None):
    return Edit("replace", old, "old", new, occurrence, 1)


def test_replace_shorter_shifts_later_spans_and_keeps_earlier_ones():
    text, regions = apply_edits(TEXT, [replace("sarebbero stati", "sono stati")])
    assert text == "Ieri sono stati uccisi tre civili a Kharkiv."
    assert remap(0, 4, regions) == (0, 4)  # "Ieri", before the edit
    assert remap(21, 27, regions) == (16, 22)  # "uccisi" moves 5 to the left
    assert text[16:22] == "uccisi"
    assert remap(5, 27, regions) == (5, 22)  # a span containing the edit shrinks
    assert remap(5, 14, regions) is None  # "sarebbero" lies inside the replaced text


def test_replace_longer_and_exact_span_becomes_the_replacement():
    text, regions = apply_edits(TEXT, [replace("tre", "ventuno")])
    assert text == "Ieri sarebbero stati uccisi ventuno civili a Kharkiv."
    assert remap(28, 31, regions) == (28, 35)  # count span "tre" -> "ventuno"
    assert remap(32, 38, regions) == (36, 42)  # "civili"
    assert text[36:42] == "civili"


def test_insert_inside_grows_at_start_shifts_at_end_keeps():
    insert = Edit("insert", "uccisi", "before", "forse ", None, 1)
    text, regions = apply_edits(TEXT, [insert])
    assert text == "Ieri sarebbero stati forse uccisi tre civili a Kharkiv."
    assert remap(21, 27, regions) == (27, 33)  # insertion at the span start: shifted
    assert remap(15, 20, regions) == (15, 20)  # insertion at the span end: unchanged
    assert remap(5, 27, regions) == (5, 33)  # insertion strictly inside: grows
    assert remap_point(23, regions) == 29


def test_delete_shrinks_and_an_exactly_deleted_span_is_lost():
    delete = Edit("delete", " a Kharkiv", "old", "", None, 1)
    text, regions = apply_edits(TEXT, [delete])
    assert text == "Ieri sarebbero stati uccisi tre civili."
    assert remap(0, 48, regions) == (0, 38)
    assert remap(41, 48, regions) is None  # "Kharkiv" deleted


def test_partial_overlap_does_not_remap():
    text, regions = apply_edits(TEXT, [replace("tre civili", "alcuni soldati")])
    assert text == "Ieri sarebbero stati uccisi alcuni soldati a Kharkiv."
    assert remap(32, 48, regions) is None  # "civili a Kharkiv" straddles the edit start


def test_ambiguous_missing_and_overlapping_edits_are_errors():
    with pytest.raises(EditError, match="occurs 2 times"):
        apply_edits("a e a", [replace("a", "b")])
    assert apply_edits("a e a", [replace("a", "b", 2)])[0] == "a e b"
    with pytest.raises(EditError, match="does not occur"):
        apply_edits(TEXT, [replace("Leopoli", "Kyiv")])
    with pytest.raises(EditError, match="edits overlap"):
        apply_edits(TEXT, [replace("sarebbero stati", "x"), replace("stati uccisi", "y")])
