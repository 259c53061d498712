"""Italian number expressions as token ranges with their values.

Digits (``1.200``, ``1,4 milioni``), words (``trentadue``) and approximate collective
numerals (``una ventina``, ``centinaia``); :func:`with_ranges` joins two numbers into a range
(``tra 20 e 30``, ``da 20 a 30``, ``dai 20 ai 30``, ``20-30``, ``due o tre``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from baselines import lexicon
from baselines.tokens import Token

_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_INTEGER = re.compile(r"^\d+$")
_DECIMAL = re.compile(r"^\d+[.,]\d+$")
_GLUED_THOUSANDS = re.compile(r"^(\d+)mila$")


@dataclass(frozen=True)
class NumberExpression:
    """A number expression spanning tokens ``first``..``last`` of a sentence."""

    first: int
    """Index of its first token."""
    last: int
    """Index of its last token (inclusive)."""
    value: int | None
    """The integer it states; None for a vague plural (``decine``, ``centinaia``)."""
    approximate: bool
    """True for collective numerals (``una ventina``, ``decine``)."""
    high: int | None = None
    """Upper bound of a range (``tra 20 e 30``: 30, ``value`` being 20); None otherwise."""
    opener: int | None = None
    """Index of the preposition opening a range (``tra``, ``fra``, ``da``, ``dai``), if any."""


@cache
def _table() -> dict[str, tuple[int, str]]:
    """Return number word -> (value, kind)."""
    return {row[0]: (int(row[1]), row[2]) for row in lexicon.rows("number_words")}


def _basic(word: str, kinds: tuple[str, ...]) -> int | None:
    entry = _table().get(word)
    return entry[0] if entry and entry[1] in kinds else None


def word_value(word: str) -> int | None:
    """Return the value of an Italian cardinal written as one word, else None.

    Composes units, tens (with the vowel elided before ``uno``/``otto``: ``ventuno``),
    ``cento`` and ``mila``/``mille``: ``trentadue`` 32, ``centoventi`` 120,
    ``duemilacinquecento`` 2500. The article-like ``un``/``una`` are not numbers here.
    """
    low = word.lower().replace("tré", "tre")
    if not low.isalpha():
        return None
    return _compose(low)


def _compose(low: str) -> int | None:
    if not low:
        return None
    simple = _basic(low, ("unit", "ten", "hundred", "thousand"))
    if simple is not None:
        return simple
    if "mila" in low:
        head, _, tail = low.partition("mila")
        head_value = _compose(head)
        tail_value = _compose(tail) if tail else 0
        if head_value is None or tail_value is None or head_value < 2:
            return None
        return head_value * 1000 + tail_value
    if low.startswith("mille"):
        rest = _compose(low[5:])
        return None if rest is None else 1000 + rest
    if "cento" in low:
        head, _, tail = low.partition("cento")
        head_value = _compose(head) if head else 1
        tail_value = _compose(tail) if tail else 0
        if head_value is None or tail_value is None or head_value > 9 or tail_value > 99:
            return None
        return head_value * 100 + tail_value
    for ten, (value, kind) in _table().items():
        if kind != "ten":
            continue
        for prefix in (ten, ten[:-1]):
            if low.startswith(prefix) and len(low) > len(prefix):
                unit = _basic(low[len(prefix) :], ("unit",))
                elided = prefix != ten
                if unit is not None and 0 < unit < 10 and elided == (unit in (1, 8)):
                    return value + unit
    return None


def digits_value(text: str) -> float | None:
    """Return the value of a digit token (``12``, ``1.200``, ``1,4``, ``10mila``), else None."""
    if _THOUSANDS.match(text):
        return float(text.replace(".", ""))
    if _INTEGER.match(text):
        return float(text)
    if _DECIMAL.match(text):
        return float(text.replace(",", "."))
    glued = _GLUED_THOUSANDS.match(text)
    if glued:
        return float(glued.group(1)) * 1000
    return None


def find_numbers(tokens: tuple[Token, ...]) -> list[NumberExpression]:
    """Return the number expressions of a sentence, left to right, not overlapping."""
    found = []
    position = 0
    while position < len(tokens):
        expression = _number_at(tokens, position)
        if expression is None:
            position += 1
            continue
        found.append(expression)
        position = expression.last + 1
    return found


def _number_at(tokens: tuple[Token, ...], position: int) -> NumberExpression | None:
    low = tokens[position].low
    nxt = tokens[position + 1].low if position + 1 < len(tokens) else ""
    approx = _basic(nxt, ("approx",))
    if low in ("un", "una", "uno") and approx is not None:
        return NumberExpression(position, position + 1, approx, True)
    if _basic(low, ("vague",)) is not None:
        return NumberExpression(position, position, None, True)
    value = digits_value(tokens[position].text)
    if value is None:
        whole = word_value(low)
        value = float(whole) if whole is not None else None
    if value is None:
        return None
    multiplier = _basic(nxt, ("multiplier",))
    if multiplier is not None:
        return NumberExpression(position, position + 1, round(value * multiplier), False)
    if value != int(value):
        return None
    return NumberExpression(position, position, int(value), False)


# Range patterns (general Italian): the word between the two numbers -> the prepositions one
# of which must open the range (empty: none needed).
_RANGE_LINKS: dict[str, frozenset[str]] = {
    "e": frozenset({"tra", "fra"}),
    "a": frozenset({"da"}),
    "ai": frozenset({"dai"}),
    "alle": frozenset({"dalle"}),
    "-": frozenset(),
    "o": frozenset(),
}


def with_ranges(
    tokens: tuple[Token, ...], numbers: list[NumberExpression]
) -> list[NumberExpression]:
    """Return ``numbers`` with each range of two of them joined into one expression.

    Two exact numbers ``a < b`` separated by one linking word form a range when the link's
    opening preposition precedes ``a`` (``tra a e b``, ``fra a e b``, ``da a a b``, ``dai a ai
    b``, ``dalle a alle b``) or the link needs none (``a-b`` between digits, ``a o b``). The
    range spans from ``a`` to ``b``; its value is ``a``, its ``high`` is ``b``.
    """
    joined: list[NumberExpression] = []
    position = 0
    while position < len(numbers):
        low = numbers[position]
        high = numbers[position + 1] if position + 1 < len(numbers) else None
        found = _range(tokens, low, high) if high is not None else None
        joined.append(found or low)
        position += 2 if found else 1
    return joined


def _range(
    tokens: tuple[Token, ...], low: NumberExpression, high: NumberExpression
) -> NumberExpression | None:
    if high.first != low.last + 2 or low.approximate or high.approximate:
        return None
    if low.value is None or high.value is None or high.value <= low.value:
        return None
    link = tokens[low.last + 1].low
    if link not in _RANGE_LINKS:
        return None
    if link == "-" and not (tokens[low.last].text.isdigit() and tokens[high.first].text.isdigit()):
        return None
    openers = _RANGE_LINKS[link]
    opener = low.first - 1 if low.first > 0 and tokens[low.first - 1].low in openers else None
    if openers and opener is None:
        return None
    return NumberExpression(low.first, high.last, low.value, False, high=high.value, opener=opener)
