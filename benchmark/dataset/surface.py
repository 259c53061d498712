r"""Surface forms of Italian span texts: the ONE normalisation of alignment and scoring.

:func:`fold` maps a text to the form in which two spellings of the same words are equal, and
keeps an index table back to the original characters (the submission reader aligns folded
texts, :mod:`benchmark.submission.alignment`, and reports original offsets):

1. Unicode NFC, per character cluster (a base character and its combining marks), so a
   decomposed "citta\u0300" equals "città";
2. case folded (:meth:`str.casefold`);
3. typographic apostrophes and quotes to ASCII (``’ ‘ ‚ ‛ ′`` to ``'``, ``“ ” „ ‟ « » ″`` to
   ``"``), dashes and the minus sign (``‐ ‑ ‒ – — ― −``) to ``-``;
4. an acute accent on a vowel to the grave one (``é`` to ``è``), and a vowel followed by an
   apostrophe that does not precede a letter or digit (the typewriter accent: ``E'``,
   ``piu'``) to that vowel with a grave accent (``è``, ``più``);
5. every run of white space to one space.

:func:`normalised_form` is what the ``normalised`` match mode compares (and what the
``partial`` mode's token F1 counts): the folded text without the non-alphanumeric characters
at its edges (white space, punctuation, quotes) and without ONE leading article or articulated
preposition (:data:`DETERMINERS`, read from ``determiners.tsv``, which states its source). When
nothing would be left, less is removed: a span that is only an article or only punctuation
keeps its folded text, so identical spans always have identical forms.

:func:`span_tokens` and :func:`token_f1` give the SQuAD/DROP-style token F1 of two texts: the
bags (multisets) of word tokens of their normalised forms (tokens of
:func:`benchmark.dataset.text.tokenize` holding a letter or digit; a text without any is one
token, its normalised form).
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from benchmark.dataset.text import tokenize
from benchmark.errors import DataError

DETERMINERS_FILE = Path(__file__).resolve().parent / "determiners.tsv"
"""Articles and articulated prepositions, one per line, with a provenance header."""

_CHARACTER_MAP: dict[str, str] = {
    **dict.fromkeys("\u2019\u2018\u201a\u201b\u2032", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    **dict(zip("áéíóú", "àèìòù", strict=True)),
}
"""Character -> its folded form (after NFC and case folding)."""

_GRAVE: dict[str, str] = dict(zip("aeiou", "àèìòù", strict=True))
"""Vowel -> the vowel with a grave accent (typewriter accents: ``E'`` is ``è``)."""


@dataclass(frozen=True)
class Folded:
    """A folded text with, per folded character, the original interval it comes from."""

    text: str
    """The folded text."""
    starts: tuple[int, ...]
    """Original offset of the first character behind each folded character."""
    ends: tuple[int, ...]
    """Original offset one past the last character behind each folded character."""

    def interval(self, start: int, end: int) -> tuple[int, int]:
        """Return the original ``(start, end)`` behind folded characters ``start..end``."""
        return self.starts[start], self.ends[end - 1]


def fold(text: str) -> Folded:
    """Return the folded form of ``text`` (module docstring, steps 1-5) with its index table."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    size = len(text)
    while position < size:
        char = text[position]
        if char.isspace():
            run_end = position + 1
            while run_end < size and text[run_end].isspace():
                run_end += 1
            chars.append(" ")
            starts.append(position)
            ends.append(run_end)
            position = run_end
            continue
        cluster_end = position + 1
        while cluster_end < size and unicodedata.combining(text[cluster_end]):
            cluster_end += 1
        cluster = unicodedata.normalize("NFC", text[position:cluster_end]).casefold()
        for folded in cluster:
            chars.append(_CHARACTER_MAP.get(folded, folded))
            starts.append(position)
            ends.append(cluster_end)
        position = cluster_end
        if (
            chars
            and chars[-1] in _GRAVE
            and position < size
            and _CHARACTER_MAP.get(text[position], text[position]) == "'"
            and not (position + 1 < size and text[position + 1].isalnum())
        ):
            chars[-1] = _GRAVE[chars[-1]]
            ends[-1] = position + 1
            position += 1
    return Folded("".join(chars), tuple(starts), tuple(ends))


@functools.cache
def determiners() -> tuple[str, ...]:
    """Return the forms of ``determiners.tsv``, longest first; DataError when it is unreadable."""
    try:
        lines = DETERMINERS_FILE.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise DataError(f"cannot read: {error.strerror}", file=DETERMINERS_FILE) from None
    if not lines or not lines[0].startswith("# provenance:"):
        raise DataError("the first line must be a '# provenance:' comment", file=DETERMINERS_FILE)
    forms = [line.split("\t")[0].strip() for line in lines if line.strip() and line[0] != "#"]
    return tuple(sorted(forms, key=lambda form: (-len(form), form)))


def _strip_edges(text: str) -> str:
    """Drop the characters that are not letters or digits at both ends of ``text``."""
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return text[start:end]


def _without_determiner(text: str) -> str:
    """Drop one leading article or articulated preposition (a whole word) from ``text``."""
    for form in determiners():
        if not text.startswith(form):
            continue
        rest = text[len(form) :]
        if form.endswith("'") and rest[:1].isalnum():
            return rest
        if rest.startswith(" "):
            return rest[1:]
    return text


@functools.lru_cache(maxsize=1 << 16)
def normalised_form(text: str) -> str:
    """Return the form of ``text`` that the ``normalised`` match mode compares."""
    folded = fold(text).text.strip()
    core = _strip_edges(folded)
    if not core:
        return folded
    return _strip_edges(_without_determiner(core)) or core


@functools.lru_cache(maxsize=1 << 16)
def span_tokens(text: str) -> tuple[str, ...]:
    """Return the word tokens of :func:`normalised_form` (the form itself when it has none)."""
    form = normalised_form(text)
    words = tuple(
        form[start:end]
        for start, end in tokenize(form)
        if any(char.isalnum() for char in form[start:end])
    )
    return words or (form,)


def token_f1(gold: str, pred: str) -> Fraction:
    """Return the token F1 of two texts, exactly (bags of :func:`span_tokens`; SQuAD / DROP).

    With c common tokens (multiset intersection), precision c / |pred| and recall c / |gold|,
    F1 = 2c / (|gold| + |pred|); 0 when nothing is shared.
    """
    gold_tokens, pred_tokens = span_tokens(gold), span_tokens(pred)
    common = sum((Counter(gold_tokens) & Counter(pred_tokens)).values())
    return Fraction(2 * common, len(gold_tokens) + len(pred_tokens))
