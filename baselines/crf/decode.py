"""BIO tag sequences -> token spans -> character spans.

Repair rule (documented choice): an ``I-X`` tag that does not continue a span of type ``X``
(after ``O``, at the sentence start, or after a span of another type) STARTS a new span of
type ``X``, as in the CoNLL evaluation script. seqeval's default mode does the same, but its
strict mode (IOB2 scheme) would drop such a span; we keep it because a CRF trained on few
sentences often misses the ``B-`` of a span it otherwise finds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from benchmark.dataset.schema import Span


class TagError(ValueError):
    """A tag that is neither ``O`` nor ``B-<type>`` / ``I-<type>``."""


@dataclass(frozen=True)
class TokenSpan:
    """A typed span of tokens in one sentence."""

    first: int
    """Index of the first token."""
    stop: int
    """Index one past the last token."""
    label: str
    """The type from the tags (``Conflict:Attack``, ``CUE``...)."""


def bio_spans(tags: Sequence[str]) -> list[TokenSpan]:
    """Return the typed token spans of a BIO tag sequence, left to right (repair above)."""
    spans: list[TokenSpan] = []
    first = label = None
    for index, tag in enumerate(tags):
        prefix, _, kind = tag.partition("-")
        if tag == "O":
            continuing = False
        elif prefix in ("B", "I") and kind:
            continuing = prefix == "I" and label == kind
        else:
            raise TagError(f"tag {index} is {tag!r}: expected O, B-<type> or I-<type>")
        if continuing:
            continue
        if label is not None:
            spans.append(TokenSpan(first, index, label))
        first, label = (None, None) if tag == "O" else (index, kind)
    if label is not None:
        spans.append(TokenSpan(first, len(tags), label))
    return spans


def char_span(text: str, starts: Sequence[int], ends: Sequence[int], first: int, stop: int) -> Span:
    """Return the character span covering tokens ``first .. stop - 1``."""
    start, end = starts[first], ends[stop - 1]
    return Span(start, end, text[start:end])


def trim_tokens(
    words: Sequence[str], span: TokenSpan, *, strip: frozenset[str]
) -> TokenSpan | None:
    """Return ``span`` without leading and trailing tokens in ``strip``; None when empty."""
    first, stop = span.first, span.stop
    while first < stop and words[first] in strip:
        first += 1
    while stop > first and words[stop - 1] in strip:
        stop -= 1
    return TokenSpan(first, stop, span.label) if first < stop else None
