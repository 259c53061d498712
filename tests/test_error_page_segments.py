import pytest

from benchmark.presentation.error_page.model import Mark
from benchmark.presentation.error_page.segments import lanes, segments


def _mark(start, end, element="argument", status="tp", gold_id="g"):
    return Mark("d1", start, end, status, element, "L", gold_id, None)


def test_text_is_cut_at_every_boundary_and_outer_marks_come_first():
    # 0....5....10...15...20: outer [2, 12), inner [4, 8), crossing [10, 15)
    marks = [_mark(4, 8, gold_id="inner"), _mark(10, 15, gold_id="cross"), _mark(2, 12)]
    pieces = [(s.start, s.end, s.marks) for s in segments(20, marks)]
    assert pieces == [
        (0, 2, ()),
        (2, 4, (2,)),
        (4, 8, (2, 0)),
        (8, 10, (2,)),
        (10, 12, (2, 1)),
        (12, 15, (1,)),
        (15, 20, ()),
    ]


def test_same_offsets_are_ordered_by_element_then_status():
    marks = [_mark(0, 5, "trigger", "fp"), _mark(0, 5, "argument", "fn"), _mark(0, 5, "trigger")]
    assert [s.marks for s in segments(5, marks)] == [(1, 2, 0)]


def test_overlapping_marks_get_different_lanes_and_disjoint_ones_share():
    marks = [_mark(0, 10), _mark(2, 4), _mark(6, 8), _mark(12, 14)]
    assert lanes(marks) == [0, 1, 1, 0]


def test_a_mark_outside_the_text_is_refused():
    with pytest.raises(ValueError, match="outside"):
        segments(5, [_mark(3, 9)])
