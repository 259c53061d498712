"""Cut a text at every mark boundary; each piece lists the marks that cover it.

Overlapping and nested marks (gold and prediction over the same words, nested attribution
contents) are drawn by wrapping every piece in one element per covering mark, always in the
same order (:func:`mark_order`), never by replacing strings. Each mark also gets a lane: marks
that overlap get different lanes, so their underlines are drawn at different depths.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from benchmark.presentation.error_page.model import Mark

_ELEMENT_RANK = {
    "content": 0,
    "scope": 0,
    "argument": 1,
    "victim": 1,
    "source": 2,
    "slot": 2,
    "cue": 3,
    "trigger": 3,
}
"""Tie-break between marks with the same offsets: larger structures outside."""
_STATUS_RANK = {"fn": 0, "gold": 0, "tp": 1, "fp": 2}


@dataclass(frozen=True)
class Segment:
    """A piece of text between two consecutive boundaries."""

    start: int
    """First character."""
    end: int
    """One past the last character."""
    marks: tuple[int, ...]
    """Indices (into the mark list) of the marks covering the piece, outermost first."""


def mark_order(mark: Mark) -> tuple:
    """Return the sort key of a mark: earlier start, then longer, then element and status."""
    return (
        mark.start,
        -mark.end,
        _ELEMENT_RANK.get(mark.element, 9),
        _STATUS_RANK.get(mark.status, 9),
        mark.gold_id or "",
        mark.pred_id or "",
    )


def segments(length: int, marks: Sequence[Mark]) -> list[Segment]:
    """Return the pieces of a text of ``length`` characters, with the marks covering each."""
    for mark in marks:
        if not 0 <= mark.start <= mark.end <= length:
            raise ValueError(f"mark {mark} lies outside a text of {length} characters")
    order = sorted(range(len(marks)), key=lambda i: mark_order(marks[i]))
    bounds = sorted({0, length, *(m.start for m in marks), *(m.end for m in marks)})
    pieces = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        covering = tuple(i for i in order if marks[i].start <= start and end <= marks[i].end)
        pieces.append(Segment(start, end, covering))
    return pieces


def lanes(marks: Sequence[Mark]) -> list[int]:
    """Return a lane per mark: the smallest lane no overlapping, earlier-placed mark uses."""
    placed: list[tuple[int, int, int]] = []  # (start, end, lane)
    result = [0] * len(marks)
    for i in sorted(range(len(marks)), key=lambda i: mark_order(marks[i])):
        mark = marks[i]
        taken = {lane for start, end, lane in placed if start < mark.end and mark.start < end}
        lane = next(n for n in range(len(taken) + 1) if n not in taken)
        placed.append((mark.start, mark.end, lane))
        result[i] = lane
    return result
