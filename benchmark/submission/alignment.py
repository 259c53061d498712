"""Deterministic alignment of text-only spans to document offsets.

A submitted span may give its text alone (``{"text": ...}``, optionally with a
1-based ``occurrence``): LLM outputs rarely carry offsets. This module turns such
a text into ``(start, end)`` offsets in the ORIGINAL document text, by this rule:

1. ``occurrence: k`` given: the k-th occurrence of the text in the document.
2. Otherwise, when the item has an anchor (an already resolved span of the same
   item, or the item's ``sentence_id``): among the occurrences that overlap the
   anchor's sentence, the one closest to the anchor; when none overlaps that
   sentence, the occurrence closest to the anchor in the whole document.
   Distance is the gap in characters between the two intervals (0 when they
   touch or overlap); ties go to the earlier occurrence. A sentence used as the
   anchor is its own interval, so this picks its first occurrence.
3. Otherwise: the first occurrence in the document.

Which anchor an item's span gets is decided by the reader
(``benchmark.submission.items``): the trigger / victim / cue is resolved first,
anchored by the item's ``sentence_id``, else by the first unambiguous other span
of the item (given by offsets, or occurring exactly once); every other span of
the item is anchored by it. Full description: ``docs/submission-format.md``.

Occurrences are counted at every start position (overlapping ones included).
Matching is exact string match first. Only when the text does not occur
exactly anywhere is a normalised match tried: both texts are casefolded,
typographic quotes and apostrophes (’ ‘ “ ” « ») are mapped to ASCII (``'``,
``"``) and every run of white space becomes one space. The normalised text keeps
an index table back to the original characters, so offsets are always offsets
of the original text. Nothing fuzzier is tried: a text that matches neither way
is unaligned (method None, start and end ``UNALIGNED_START``: the caller keeps it as
:func:`benchmark.dataset.schema.unaligned_span`, which counts as a false positive).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from benchmark.dataset.schema import UNALIGNED_START

EXACT = "exact"
"""Alignment method: the text occurs verbatim."""
NORMALISED = "normalised"
"""Alignment method: the text occurs after normalisation (case, quotes, white space)."""

_CHARACTER_MAP = {
    "\u2019": "'",  # ’
    "\u2018": "'",  # ‘
    "\u201c": '"',  # “
    "\u201d": '"',  # ”
    "\u00ab": '"',  # «
    "\u00bb": '"',  # »
}


@dataclass(frozen=True)
class NormalisedText:
    """A normalised text with, per character, the original interval it comes from."""

    text: str
    """The normalised text."""
    starts: tuple[int, ...]
    """Original offset of the first character behind each normalised character."""
    ends: tuple[int, ...]
    """Original offset one past the last character behind each normalised character."""


def normalise(text: str) -> NormalisedText:
    """Casefold ``text``, map typographic quotes to ASCII, squeeze white space runs."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    while position < len(text):
        char = text[position]
        if char.isspace():
            run_end = position + 1
            while run_end < len(text) and text[run_end].isspace():
                run_end += 1
            chars.append(" ")
            starts.append(position)
            ends.append(run_end)
            position = run_end
            continue
        # casefold may expand one character into several (ß -> ss): each maps back to it
        for folded in _CHARACTER_MAP.get(char, char).casefold():
            chars.append(folded)
            starts.append(position)
            ends.append(position + 1)
        position += 1
    return NormalisedText("".join(chars), tuple(starts), tuple(ends))


_TABLE = str.maketrans(_CHARACTER_MAP)

WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""Every character for which ``str.isspace()`` is true (a test checks the list)."""
_DROP_WHITESPACE = str.maketrans("", "", WHITESPACE)


def normalised_text(text: str) -> str:
    """Return the text of :func:`normalise` without its index tables, in linear C-level time.

    ``str.split`` splits at ``str.isspace`` runs and case folding is per character, so this
    equals ``normalise(text).text``; it is what a submitted text-only span needs (a span may
    be megabytes long, and the per-character loop of :func:`normalise` takes seconds).
    """
    words = text.split()
    if not words:
        return " " if text else ""
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() else ""
    return (lead + " ".join(words) + trail).translate(_TABLE).casefold()


def _shortest_normalised(text: str) -> int:
    """Return a lower bound of ``len(normalised_text(text))``: its non-white-space characters.

    Mapping quotes keeps the length and case folding never shortens; white space runs do
    shrink, to one space each. Counting is one C-level pass without splitting into words.
    """
    return len(text.translate(_DROP_WHITESPACE))


def _find_all(haystack: str, needle: str) -> list[int]:
    """Return every start position of ``needle`` in ``haystack`` (overlaps included)."""
    found = []
    position = haystack.find(needle)
    while position != -1:
        found.append(position)
        position = haystack.find(needle, position + 1)
    return found


@dataclass(frozen=True)
class Occurrences:
    """All places where a text occurs in a document, and how they were found."""

    intervals: tuple[tuple[int, int], ...]
    """``(start, end)`` offsets in the original text, in text order."""
    method: str | None
    """``EXACT`` or ``NORMALISED``; None when the text occurs nowhere."""


@dataclass(frozen=True)
class Alignment:
    """Where a text-only span was placed."""

    start: int
    """First character, or ``UNALIGNED_START``."""
    end: int
    """One past the last character, or ``UNALIGNED_START``."""
    method: str | None
    """``EXACT`` or ``NORMALISED``; None when the text occurs nowhere (unaligned)."""

    @property
    def unaligned(self) -> bool:
        """True when the text was not found."""
        return self.start == UNALIGNED_START


@dataclass
class DocumentIndex:
    """A document's text and sentence bounds, with cached lookups for alignment."""

    text: str
    """The document text."""
    sentence_bounds: tuple[tuple[int, int], ...]
    """``(start, end)`` of each sentence, in text order (position = sentence id)."""
    _normalised: NormalisedText | None = field(default=None, repr=False)
    _cache: dict[str, Occurrences] = field(default_factory=dict, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        """Index the sentence starts for bisection."""
        self._starts = [start for start, _ in self.sentence_bounds]

    def sentence_of(self, offset: int) -> int:
        """Return the id of the last sentence starting at or before ``offset`` (0 if none)."""
        return max(bisect.bisect_right(self._starts, offset) - 1, 0)

    def sentence_interval(self, sentence_id: int) -> tuple[int, int]:
        """Return ``(start, end)`` of a sentence (the whole text when there are none)."""
        if not self.sentence_bounds:
            return (0, len(self.text))
        return self.sentence_bounds[sentence_id]

    def occurrences(self, query: str) -> Occurrences:
        """Return the occurrences of ``query``: exact ones, else normalised ones."""
        if query in self._cache:
            return self._cache[query]
        if not query:
            result = Occurrences((), None)
        elif exact := _find_all(self.text, query):
            result = Occurrences(tuple((s, s + len(query)) for s in exact), EXACT)
        else:
            if self._normalised is None:
                self._normalised = normalise(self.text)
            norm = self._normalised
            found = []
            if _shortest_normalised(query) <= len(norm.text):  # else it cannot occur
                needle = normalised_text(query)
                found = _find_all(norm.text, needle) if needle else []
            intervals = tuple((norm.starts[s], norm.ends[s + len(needle) - 1]) for s in found)
            result = Occurrences(intervals, NORMALISED if intervals else None)
        self._cache[query] = result
        return result


def _gap(interval: tuple[int, int], anchor: tuple[int, int]) -> int:
    """Characters between two intervals; 0 when they touch or overlap."""
    return max(interval[0] - anchor[1], anchor[0] - interval[1], 0)


def _closest(candidates: list[tuple[int, int]], anchor: tuple[int, int]) -> tuple[int, int]:
    """Return the candidate nearest ``anchor``; ties go to the earlier one."""
    return min(candidates, key=lambda interval: (_gap(interval, anchor), interval))


def align(
    index: DocumentIndex,
    query: str,
    *,
    occurrence: int | None = None,
    anchor_span: tuple[int, int] | None = None,
    anchor_sentence: int | None = None,
) -> Alignment:
    """Place ``query`` in the document by the module's rule.

    ``anchor_span`` (offsets of an already resolved span of the same item) wins
    over ``anchor_sentence``. Raises ``OccurrenceOutOfRange`` when ``occurrence``
    exceeds the number of occurrences of a text that does occur.
    """
    found = index.occurrences(query)
    if not found.intervals:
        return Alignment(UNALIGNED_START, UNALIGNED_START, None)
    if occurrence is not None:
        if occurrence > len(found.intervals):
            raise OccurrenceOutOfRange(len(found.intervals))
        start, end = found.intervals[occurrence - 1]
        return Alignment(start, end, found.method)
    if anchor_span is not None:
        anchor = anchor_span
        sentence = index.sentence_interval(index.sentence_of(anchor_span[0]))
    elif anchor_sentence is not None:
        anchor = sentence = index.sentence_interval(anchor_sentence)
    else:
        start, end = found.intervals[0]
        return Alignment(start, end, found.method)
    inside = [iv for iv in found.intervals if iv[0] < sentence[1] and iv[1] > sentence[0]]
    start, end = _closest(inside or list(found.intervals), anchor)
    return Alignment(start, end, found.method)


class OccurrenceOutOfRange(ValueError):
    """An ``occurrence`` beyond the number of times the text occurs."""

    def __init__(self, available: int) -> None:
        """Remember how many occurrences there are."""
        super().__init__(f"the text occurs {available} time(s)")
        self.available = available
        """Number of occurrences of the text in the document."""
