import pytest

from baselines.document import document_from_text
from baselines.numbers import digits_value, find_numbers, with_ranges, word_value
from baselines.tokens import sentence_views


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("tre", 3),
        ("dodici", 12),
        ("venti", 20),
        ("ventuno", 21),
        ("ventotto", 28),
        ("trentadue", 32),
        ("cento", 100),
        ("centoventi", 120),
        ("mille", 1000),
        ("tremila", 3000),
        ("duemilacinquecento", 2500),
        ("ventitré", 23),
        ("trentino", None),
        ("settembre", None),
        ("una", None),
        ("ventiotto", None),
    ],
)
def test_word_values(word, value):
    assert word_value(word) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12.0),
        ("1.200", 1200.0),
        ("1.4", 1.4),
        ("1,4", 1.4),
        ("10mila", 10000.0),
        ("21esimo", None),
    ],
)
def test_digit_values(text, value):
    assert digits_value(text) == value


def _found(text):
    view = sentence_views(document_from_text("n", text))[0]
    return [
        (text[view.tokens[n.first].start : view.tokens[n.last].end], n.value, n.approximate)
        for n in find_numbers(view.tokens)
    ]


def test_expressions_in_a_sentence():
    text = "Una ventina di feriti, 1,4 milioni di sfollati, decine di case e trentadue scuole."
    assert _found(text) == [
        ("Una ventina", 20, True),
        ("1,4 milioni", 1400000, False),
        ("decine", None, True),
        ("trentadue", 32, False),
    ]


def test_bare_decimal_is_not_a_count():
    assert _found("Il tasso era 2,5 e poi 7.") == [("7", 7, False)]


def _ranges(text):
    view = sentence_views(document_from_text("n", text))[0]
    tokens = view.tokens
    return [
        (
            text[tokens[n.first].start : tokens[n.last].end],
            n.value,
            n.high,
            None if n.opener is None else tokens[n.opener].text,
        )
        for n in with_ranges(tokens, find_numbers(tokens))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tra 20 e 30 morti", [("20 e 30", 20, 30, "tra")]),
        ("fra dieci e dodici feriti", [("dieci e dodici", 10, 12, "fra")]),
        ("da 5 a 8 vittime", [("5 a 8", 5, 8, "da")]),
        ("dai 40 ai 50 dispersi", [("40 ai 50", 40, 50, "dai")]),
        ("10-15 feriti", [("10-15", 10, 15, None)]),
        ("due o tre morti", [("due o tre", 2, 3, None)]),
        # no range: no opening preposition, a falling pair, an approximate numeral, words
        ("21 morti e 112 feriti", [("21", 21, None, None), ("112", 112, None, None)]),
        ("morti 21 e 30", [("21", 21, None, None), ("30", 30, None, None)]),
        ("tra 30 e 20 morti", [("30", 30, None, None), ("20", 20, None, None)]),
        ("tra 20 e decine", [("20", 20, None, None), ("decine", None, None, None)]),
        ("uno-due", []),
    ],
)
def test_ranges_join_two_numbers(text, expected):
    assert _ranges(text) == expected
