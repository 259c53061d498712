import dataclasses

from support.casualty_case import GOLD

from benchmark.presentation.error_page.describe import count_text

RECORD = GOLD.casualties[0]  # killed, at_least 21


def test_count_text_says_the_qualifier_the_count_and_a_range_s_upper_bound():
    assert count_text(RECORD) == "at_least 21"
    ranged = dataclasses.replace(RECORD, count=21, count_high=30, count_qualifier="range")
    assert count_text(ranged) == "range 21-30"
    none = dataclasses.replace(RECORD, count=None, count_qualifier="unquantified")
    assert count_text(none) == "no count"
