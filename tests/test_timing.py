"""benchmark.presentation.timing: the timings of a results file and their note."""

from benchmark.presentation.timing import AFTER_GOLD, PREREGISTERED, TIMINGS, timing_note


def test_the_timings_in_page_order():
    assert TIMINGS == ("pre-registered", "developed after the test gold existed")
    assert (PREREGISTERED, AFTER_GOLD) == TIMINGS


def test_the_note_only_where_a_timing_is_set():
    assert timing_note([None, None]) == []
    note = timing_note([None, PREREGISTERED])
    assert note[0].startswith("The first rows are the **pre-registered** submissions")
    assert note[-1] == ""
    assert "label_map_1x.tsv" in " ".join(note) and "not held-out figures" in " ".join(note)
