"""Italian-aware segmentation: paragraphs, sentences and tokens, as offsets.

Deterministic rules, documented in ``data/GUIDELINES.md`` section 2. The gold
``documents`` and ``tokens`` configs are generated with these functions, and
token alignment of every span is checked against them.
"""

from __future__ import annotations

import re

# An elided article/preposition keeps its apostrophe ("dell'" + "Ucraina", "c'" + "è").
# A number keeps inner separators ("1.4", "1.200,5") and a glued suffix ("21esimo").
# Hyphenated compounds stay whole ("sud-est").
_TOKEN = re.compile(
    r"\w+['’](?=\w)"
    r"|\d+(?:[.,]\d+)*\w*"
    r"|\w+(?:-\w+)*"
    r"|[^\w\s]",
)

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "sig sigg dott dr prof ing avv on sen gen col magg cap ten sgt ecc es pag art nr n vs".split()
)

_SENTENCE_END = re.compile(r"[.!?…]+[\"”»')\]]*(?=\s+[\"“«(]?[A-ZÀÈÉÌÒÙ0-9])")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the tokens of ``text[start:end]``."""
    stop = len(text) if end is None else end
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, stop)]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each non-blank line block, split at blank lines."""
    spans = []
    for match in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        chunk = match.group()
        left = len(chunk) - len(chunk.lstrip())
        right = len(chunk.rstrip())
        if right > left:
            spans.append((match.start() + left, match.start() + right))
    return spans


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` (one paragraph) into sentence offsets.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (plus closing quotes or
    brackets) followed by white space and an upper-case letter, a digit or an
    opening quote/bracket, unless the full stop follows a known abbreviation.
    """
    spans = []
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        word = re.search(r"(\w+)\.?$", text[begin : match.start() + 1])
        if word and text[match.start()] == "." and word.group(1).lower() in _ABBREVIATIONS:
            continue
        spans.append((begin, match.end()))
        begin = match.end()
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        spans.append((begin, end))
    return spans
