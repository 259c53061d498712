"""benchmark.printable: what a message may echo from its input."""

import os

import pytest

from benchmark.printable import has_unsafe, invalid_unicode, printable, printable_lines, shortened


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain città «x»", "plain città «x»"),
        ("a\nb\rc\td", "a\\nb\\rc\\td"),
        ("\x1b[2J", "\\x1b[2J"),
        ("\x00\x7f\x9b", "\\x00\\x7f\\x9b"),
        ("a\u202eb\u2066c", "a\\u202eb\\u2066c"),
        ("line\u2028sep\u2029", "line\\u2028sep\\u2029"),
        ("\ud800", "\\ud800"),
        (os.fsdecode(b"name\xff\xfe"), "name\\xff\\xfe"),  # bytes that were not UTF-8
    ],
)
def test_unsafe_characters_become_visible_escapes(text, shown):
    assert printable(text) == shown
    assert printable(text).encode("utf-8")  # always writable as UTF-8
    assert "\n" not in printable(text) and "\x1b" not in printable(text)


def test_multi_line_text_keeps_its_newlines_and_tabs():
    assert printable_lines("a\tb\nc\x1b[0m\r") == "a\tb\nc\\x1b[0m\\r"


def test_predicates_and_shortening():
    assert has_unsafe("a\x85") and not has_unsafe("àé’")
    assert invalid_unicode("ab\udc80") == 2 and invalid_unicode("ab😀") is None
    assert shortened("x" * 100, limit=10) == "x" * 9 + "…"
    assert shortened("short") == "short"
