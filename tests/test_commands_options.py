import argparse

import pytest

from benchmark.commands._options import bounded_int, comma_list, data_error
from benchmark.errors import DataError


def test_bounded_int_accepts_the_minimum_and_refuses_below_it():
    at_least_one = bounded_int(1)
    assert at_least_one("1") == 1
    assert at_least_one("12") == 12
    with pytest.raises(argparse.ArgumentTypeError, match="expected an integer >= 1, got 0"):
        at_least_one("0")
    with pytest.raises(argparse.ArgumentTypeError, match="expected an integer, got 'x'"):
        at_least_one("x")


def test_comma_list_drops_blank_parts():
    assert comma_list(" events, ,hedges,") == ["events", "hedges"]


def test_data_error_writes_two_lines_and_returns_2(capsys):
    assert data_error(DataError("bad", file="f.jsonl", line=3), outcome="kharkiv-ie x: no") == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2
    assert lines[1] == "kharkiv-ie x: no"
    assert lines[0].startswith("f.jsonl")
