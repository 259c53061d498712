"""benchmark.json_input: every JSON reader's one way in (refusals, never crashes)."""

import pytest

from benchmark.json_input import MAX_DIGITS, BadJson, first_surrogate, kind, parse


@pytest.mark.parametrize(
    ("text", "reason", "path"),
    [
        ('{"a": ' + "9" * (MAX_DIGITS + 1) + "}", f"an integer of more than {MAX_DIGITS}", "$"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply", "$"),
        ('{"a": ' * 5000 + "1" + "}" * 5000, "nested too deeply", "$"),
        ('{"a": "\\ud800"}', "lone surrogate", "$.a"),
        ('{"a": [1, {"b": "x\\udfffy"}]}', "lone surrogate", "$.a[1].b"),
        ('{"k\\udc80": 1}', "lone surrogate", "$.k\udc80"),
        ('{"a": NaN}', "malformed JSON: NaN is not valid JSON", "$"),
        ('{"a": -Infinity}', "malformed JSON: -Infinity is not valid JSON", "$"),
        ('{"a": 1e999}', "number out of range", "$"),
        ('{"a": 1, "a": 2}', 'malformed JSON: duplicate key "a" in an object', "$"),
        ('{"a": }', "malformed JSON: Expecting value (column 7)", "$"),
    ],
)
def test_refused_with_one_line(text, reason, path):
    with pytest.raises(BadJson) as caught:
        parse(text, unique_keys=True)
    assert reason in caught.value.reason
    assert caught.value.path == path
    assert "\n" not in caught.value.reason


def test_accepted_values_are_those_of_json_loads():
    assert parse('{"a": [1, 2.5, "😀", "\\ud83d\\ude00", null, true]}') == {
        "a": [1, 2.5, "😀", "😀", None, True]
    }
    assert parse("9" * MAX_DIGITS) == int("9" * MAX_DIGITS)
    assert parse('{"a": 1, "a": 2}') == {"a": 2}  # duplicates are refused only when asked


def test_the_line_of_malformed_multi_line_text():
    with pytest.raises(BadJson) as caught:
        parse('{\n  "a": 1,\n  "b": }')
    assert caught.value.line == 3


def test_first_surrogate_walks_without_recursion():
    deep = current = []
    for _ in range(50_000):
        current.append([])
        current = current[0]
    current.append("\ud800")
    assert first_surrogate(deep).endswith("[0][0]")
    assert first_surrogate({"a": ["ok"]}) is None


def test_kind_names_the_type_never_the_content():
    assert [kind(v) for v in (None, True, 3, 2.5, "s", [], {})] == [
        "null",
        "a boolean",
        "an integer",
        "a number",
        "a string",
        "a list",
        "an object",
    ]
