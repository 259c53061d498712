"""Token views of a document's sentences and span helpers (offsets on the document text)."""

from __future__ import annotations

from dataclasses import dataclass

from benchmark.dataset.schema import Document, Span
from benchmark.dataset.text import tokenize

PUNCTUATION_END = frozenset('.!?…;:"”»)]')
"""Characters trimmed from the right edge of a scope or content."""

QUOTE_OPEN = frozenset('"“«')
"""Characters that may open a quotation."""


@dataclass(frozen=True)
class Token:
    """One token of a sentence."""

    index: int
    """Position in its sentence (0-based)."""
    start: int
    """Document offset of the first character."""
    end: int
    """Document offset one past the last character."""
    text: str
    """The token as written."""
    low: str
    """Lower case, typographic apostrophe mapped to ``'``."""

    @property
    def is_word(self) -> bool:
        """True when the token starts with a letter."""
        return self.text[:1].isalpha()

    @property
    def is_capitalised(self) -> bool:
        """True when the token starts with an upper-case letter."""
        return self.text[:1].isupper()

    @property
    def is_punct(self) -> bool:
        """True for a punctuation token."""
        return not self.text[:1].isalnum()


@dataclass(frozen=True)
class SentenceView:
    """A sentence of a document with its tokens."""

    sentence_id: int
    """Sentence index in the document."""
    start: int
    """Document offset of the sentence start."""
    end: int
    """Document offset of the sentence end."""
    tokens: tuple[Token, ...]
    """The sentence's tokens, in order."""

    def lows(self) -> list[str]:
        """Return the lower-case token strings."""
        return [token.low for token in self.tokens]


def sentence_views(document: Document) -> list[SentenceView]:
    """Return one token view per sentence of ``document``."""
    views = []
    for sentence in document.sentences:
        tokens = tuple(
            Token(i, start, end, document.text[start:end], _lower(document.text[start:end]))
            for i, (start, end) in enumerate(tokenize(document.text, sentence.start, sentence.end))
        )
        views.append(SentenceView(sentence.sentence_id, sentence.start, sentence.end, tokens))
    return views


def _lower(word: str) -> str:
    return word.lower().replace("’", "'")


def span(text: str, start: int, end: int) -> Span:
    """Return the span ``text[start:end]``."""
    return Span(start, end, text[start:end])


def token_span(text: str, tokens: tuple[Token, ...], first: int, last: int) -> Span:
    """Return the span from token ``first`` to token ``last`` (inclusive)."""
    return span(text, tokens[first].start, tokens[last].end)


def trim_right(tokens: tuple[Token, ...], first: int, last: int) -> int:
    """Move ``last`` left past closing punctuation and commas (never before ``first``)."""
    while last > first and (tokens[last].text in PUNCTUATION_END or tokens[last].text == ","):
        last -= 1
    return last


def ngram(lows: list[str], position: int, size: int) -> tuple[str, ...] | None:
    """Return the ``size`` tokens of ``lows`` from ``position``; None when fewer remain.

    A plain slice near the end of a sentence silently returns fewer tokens, which can match a
    shorter lexicon entry while the caller still believes it spans ``size`` tokens (and then
    indexes past the sentence). Lexicon look-ups by window size go through this function.
    """
    if position < 0 or size < 1 or position + size > len(lows):
        return None
    return tuple(lows[position : position + size])


def matches(lows: list[str], position: int, phrase: tuple[str, ...]) -> bool:
    """Return True when ``phrase`` (lower-case tokens) occurs at ``position`` of ``lows``."""
    return tuple(lows[position : position + len(phrase)]) == phrase


def contains(outer: Span, inner: Span) -> bool:
    """Return True when ``inner`` lies within ``outer``."""
    return outer.start <= inner.start and inner.end <= outer.end


def quotations(text: str) -> list[tuple[int, int, int, int]]:
    """Return ``(open, content_start, content_end, close)`` offsets of each quotation.

    Typographic pairs (“ ”, « ») are matched as pairs; straight double quotes
    alternate open/close. The content is the text between the marks without outer
    white space; quotations with empty content are skipped.
    """
    found = []
    pairs = {"“": "”", "«": "»"}
    position = 0
    while position < len(text):
        char = text[position]
        closer = pairs.get(char) or ('"' if char == '"' else None)
        if closer is None:
            position += 1
            continue
        close = text.find(closer, position + 1)
        if close == -1:
            break
        start, end = position + 1, close
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            found.append((position, start, end, close))
        position = close + 1
    return found
