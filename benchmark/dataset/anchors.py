"""Resolution of annotation text anchors to character spans (``data/annotations/FORMAT.md``).

- a plain string is the first occurrence of that exact string at or after the
  start of the default sentence (the item's ``sentence``);
- a mapping ``{text, sentence, occurrence}`` is the ``occurrence``-th (1-based,
  default 1) occurrence at or after the start of sentence ``sentence`` (default:
  the item's sentence). Occurrences are counted at every position, so they may
  overlap (this only matters for strings such as ``"aa"``).

The span must start inside its anchor sentence and end inside it too unless the
caller allows it to run past the end, and it must start and end on token
boundaries of :func:`benchmark.dataset.text.tokenize` over the whole text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from benchmark.dataset.documents import sentence_offsets
from benchmark.dataset.schema import Span
from benchmark.dataset.text import tokenize

ANCHOR_KEYS: tuple[str, ...] = ("text", "sentence", "occurrence")


class AnchorError(ValueError):
    """An anchor that does not resolve; the message is one line, without location."""


class AnchorResolver:
    """Resolves anchors against one document text."""

    def __init__(self, text: str) -> None:
        """Segment ``text`` into sentences and tokens once."""
        self.text = text
        self.sentences = sentence_offsets(text)
        tokens = tokenize(text)
        self.token_starts = {start for start, _ in tokens}
        self.token_ends = {end for _, end in tokens}

    def check_sentence(self, value: Any) -> int:
        """Return ``value`` when it is a valid sentence id."""
        if isinstance(value, bool) or not isinstance(value, int):
            raise AnchorError(f"sentence must be an integer, got {value!r}")
        if not 0 <= value < len(self.sentences):
            raise AnchorError(f"sentence {value} out of range 0-{len(self.sentences) - 1}")
        return value

    def resolve(self, anchor: Any, *, sentence: int, may_leave: bool = False) -> Span:
        """Resolve ``anchor`` (string or mapping) with default sentence ``sentence``."""
        occurrence = 1
        if isinstance(anchor, Mapping):
            unknown = [str(key) for key in anchor if key not in ANCHOR_KEYS]
            if unknown:
                raise AnchorError(f"unknown anchor key {unknown[0]!r}")
            needle = anchor.get("text")
            sentence = self.check_sentence(anchor.get("sentence", sentence))
            occurrence = anchor.get("occurrence", 1)
            if isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 1:
                raise AnchorError(f"occurrence must be a positive integer, got {occurrence!r}")
        else:
            needle = anchor
        if not isinstance(needle, str) or not needle:
            raise AnchorError(
                "anchor must be a non-empty string or a {text, sentence, occurrence} mapping, "
                f"got {needle!r}"
            )
        first, last = self.sentences[sentence]
        start = first - 1
        for _ in range(occurrence):
            start = self.text.find(needle, start + 1)
            if start < 0:
                which = "" if occurrence == 1 else f"occurrence {occurrence} of "
                raise AnchorError(
                    f"anchor {which}{needle!r} not found at or after the start of sentence "
                    f"{sentence}"
                )
        end = start + len(needle)
        if start >= last or (end > last and not may_leave):
            raise AnchorError(
                f"anchor {needle!r} resolves to {start}-{end}, which leaves its sentence "
                f"{sentence} ({first}-{last})"
            )
        if start not in self.token_starts or end not in self.token_ends:
            raise AnchorError(
                f"anchor {needle!r} at {start}-{end} is not token-aligned (it starts or ends "
                "inside a token; pick another occurrence with {text, occurrence})"
            )
        return Span(start=start, end=end, text=self.text[start:end])
