"""Deterministic alignment of text-only spans to document offsets.

A submitted span may give its text alone (``{"text": ...}``, optionally with a 1-based
``occurrence``): LLM outputs rarely carry offsets. This module turns such a text into
``(start, end)`` offsets in the ORIGINAL document text.

Occurrences. A text is looked for at three levels, each kept with the best level it was
found at (occurrences are counted at every start position, overlapping ones included):

- ``exact``: the text verbatim;
- ``normalised``: both texts folded (:func:`benchmark.dataset.surface.fold`: Unicode NFC, case,
  typographic quotes and dashes, accents written as apostrophes, white space runs);
- ``trimmed``: the text without its leading and trailing white space, punctuation and quotes,
  folded (once with a final apostrophe kept, as in ``E'``, once without).

The folded text keeps an index table back to the original characters, so offsets are always
offsets of the original text. An occurrence is *whole-word* when it starts and ends on token
boundaries (:func:`benchmark.dataset.text.tokenize`). Nothing fuzzier is tried: a text found
at no level is unaligned (method None, start and end ``UNALIGNED_START``: the caller keeps it
as :func:`benchmark.dataset.schema.unaligned_span`, which counts as a false positive).

The rule, in order:

1. ``occurrence: k`` given: the k-th occurrence at the best level at which the text occurs.
2. Otherwise the occurrences are ranked, and the first one is taken:

   a. whole-word occurrences before ones that start or end inside a word: a span is never
      placed inside a word when the text occurs as whole words somewhere;
   b. inside the anchor sentence (an occurrence overlapping it), when the item has an anchor:
      an already resolved span of the same item (its sentence), or the item's ``sentence_id``;
   c. exact before normalised before trimmed;
   d. nearest the anchor (the gap in characters between the two intervals, 0 when they touch
      or overlap; a sentence anchor is its own interval);
   e. an occurrence not yet taken by an earlier span of the same field on the line, so that
      repeated texts go to successive occurrences;
   f. the earlier one.

An occurrence outside the anchor sentence is flagged (``Alignment.moved``); whether that makes
the span *moved* (a warning, and the ``moved`` column of ``kharkiv-ie align``) is decided by the
caller, as is which anchor an item's span gets (``benchmark.submission.placing``: a span
allowed to leave its item's sentence is never moved). Full description:
``docs/submission-format.md``.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection
from dataclasses import dataclass, field

from benchmark.dataset.schema import UNALIGNED_START
from benchmark.dataset.surface import Folded, fold
from benchmark.dataset.text import tokenize

EXACT = "exact"
"""Alignment method: the text occurs verbatim."""
NORMALISED = "normalised"
"""Alignment method: the folded text occurs in the folded document."""
TRIMMED = "trimmed"
"""Alignment method: the text without its edge punctuation, quotes and spaces occurs, folded."""
METHODS: tuple[str, ...] = (EXACT, NORMALISED, TRIMMED)
"""Methods in order of preference."""

_APOSTROPHES = "'\u2019"


def normalise(text: str) -> Folded:
    """Return the folded form of ``text`` with its index table (:func:`surface.fold`)."""
    return fold(text)


def _find_all(haystack: str, needle: str) -> list[int]:
    """Return every start position of ``needle`` in ``haystack`` (overlaps included)."""
    found = []
    position = haystack.find(needle)
    while position != -1:
        found.append(position)
        position = haystack.find(needle, position + 1)
    return found


def _trim(text: str, *, keep_final_apostrophe: bool) -> str:
    """Drop white space, punctuation and quotes at both ends (a final apostrophe if asked)."""
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        if (
            keep_final_apostrophe
            and text[end - 1] in _APOSTROPHES
            and text[end - 2 : end - 1].isalpha()
        ):
            break
        end -= 1
    return text[start:end]


@dataclass(frozen=True)
class Occurrence:
    """One place where a text occurs, and how it was found."""

    start: int
    """First character (original text)."""
    end: int
    """One past the last character."""
    method: str
    """The best level it was found at: ``exact``, ``normalised`` or ``trimmed``."""
    whole_words: bool
    """True when it starts and ends on token boundaries."""


@dataclass(frozen=True)
class Alignment:
    """Where a text-only span was placed."""

    start: int
    """First character, or ``UNALIGNED_START``."""
    end: int
    """One past the last character, or ``UNALIGNED_START``."""
    method: str | None
    """``exact``, ``normalised`` or ``trimmed``; None when the text occurs nowhere."""
    occurrences: int = 0
    """Number of places where the text occurs (any level)."""
    whole_words: bool = False
    """True when the chosen place starts and ends on token boundaries."""
    moved: bool = False
    """True when the item had an anchor sentence and the place is outside it."""

    @property
    def unaligned(self) -> bool:
        """True when the text was not found."""
        return self.start == UNALIGNED_START


UNALIGNED = Alignment(UNALIGNED_START, UNALIGNED_START, None)
"""The alignment of a text that occurs nowhere."""


@dataclass
class DocumentIndex:
    """A document's text and sentence bounds, with cached lookups for alignment."""

    text: str
    """The document text."""
    sentence_bounds: tuple[tuple[int, int], ...]
    """``(start, end)`` of each sentence, in text order (position = sentence id)."""
    _folded: Folded | None = field(default=None, repr=False)
    _cache: dict[str, tuple[Occurrence, ...]] = field(default_factory=dict, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)
    _token_starts: frozenset[int] | None = field(default=None, repr=False)
    _token_ends: frozenset[int] | None = field(default=None, repr=False)

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

    def whole_words(self, start: int, end: int) -> bool:
        """Return True when ``start..end`` starts and ends on token boundaries."""
        if self._token_starts is None:
            tokens = tokenize(self.text)
            self._token_starts = frozenset(s for s, _ in tokens)
            self._token_ends = frozenset(e for _, e in tokens)
        return start in self._token_starts and end in self._token_ends

    def occurrences(self, query: str) -> tuple[Occurrence, ...]:
        """Return every occurrence of ``query`` at any level, in text order."""
        if query in self._cache:
            return self._cache[query]
        best: dict[tuple[int, int], str] = {}
        for method, intervals in self._levels(query):
            for interval in intervals:
                best.setdefault(interval, method)
        found = tuple(
            Occurrence(start, end, method, self.whole_words(start, end))
            for (start, end), method in sorted(best.items())
        )
        self._cache[query] = found
        return found

    def best_level(self, query: str) -> tuple[Occurrence, ...]:
        """Return the occurrences at the best level at which ``query`` occurs (``occurrence``)."""
        found = self.occurrences(query)
        for method in METHODS:
            level = tuple(o for o in found if o.method == method)
            if level:
                return level
        return ()

    def _levels(self, query: str):
        """Yield ``(method, intervals)`` for each level, best first."""
        if not query:
            return
        yield EXACT, [(s, s + len(query)) for s in _find_all(self.text, query)]
        if self._folded is None:
            self._folded = fold(self.text)
        yield NORMALISED, self._folded_intervals(fold(query).text)
        for keep in (True, False):
            trimmed = _trim(query, keep_final_apostrophe=keep)
            if trimmed and trimmed != query:
                yield TRIMMED, self._folded_intervals(fold(trimmed).text)

    def _folded_intervals(self, needle: str) -> list[tuple[int, int]]:
        """Return the original intervals of the folded ``needle`` in the folded text."""
        folded = self._folded
        if not needle:
            return []
        return [folded.interval(s, s + len(needle)) for s in _find_all(folded.text, needle)]


def _gap(interval: tuple[int, int], anchor: tuple[int, int]) -> int:
    """Characters between two intervals; 0 when they touch or overlap."""
    return max(interval[0] - anchor[1], anchor[0] - interval[1], 0)


def align(
    index: DocumentIndex,
    query: str,
    *,
    occurrence: int | None = None,
    anchor_span: tuple[int, int] | None = None,
    anchor_sentence: int | None = None,
    taken: Collection[tuple[int, int]] = (),
) -> Alignment:
    """Place ``query`` in the document by the module's rule.

    ``anchor_span`` (offsets of an already resolved span of the same item) wins over
    ``anchor_sentence``; ``taken`` holds the places of earlier spans of the same field.
    Raises ``OccurrenceOutOfRange`` when ``occurrence`` exceeds the number of occurrences of
    a text that does occur.
    """
    found = index.occurrences(query)
    if not found:
        return UNALIGNED
    if occurrence is not None:
        level = index.best_level(query)
        if occurrence > len(level):
            raise OccurrenceOutOfRange(len(level))
        chosen = level[occurrence - 1]
        return Alignment(chosen.start, chosen.end, chosen.method, len(found), chosen.whole_words)
    sentence: tuple[int, int] | None = None
    anchor: tuple[int, int] | None = None
    if anchor_span is not None:
        anchor = anchor_span
        sentence = index.sentence_interval(index.sentence_of(anchor_span[0]))
    elif anchor_sentence is not None:
        anchor = sentence = index.sentence_interval(anchor_sentence)
    used = set(taken)

    def rank(o: Occurrence) -> tuple:
        outside = sentence is not None and not (o.start < sentence[1] and o.end > sentence[0])
        gap = 0 if anchor is None else _gap((o.start, o.end), anchor)
        return (
            not o.whole_words,
            outside,
            METHODS.index(o.method),
            gap,
            (o.start, o.end) in used,
            o.start,
            o.end,
        )

    chosen = min(found, key=rank)
    moved = sentence is not None and rank(chosen)[1]
    return Alignment(chosen.start, chosen.end, chosen.method, len(found), chosen.whole_words, moved)


class OccurrenceOutOfRange(ValueError):
    """An ``occurrence`` beyond the number of times the text occurs."""

    def __init__(self, available: int) -> None:
        """Remember how many occurrences there are."""
        super().__init__(f"the text occurs {available} time(s)")
        self.available = available
        """Number of occurrences of the text in the document."""
