"""Cut a text at every mark boundary; each piece lists the marks that cover it.

Overlapping and nested marks (gold and prediction over the same words, nested attribution
contents) are drawn by wrapping every piece in one element per covering mark, always in the
same order (:func:`mark_order`), never by replacing strings. Each mark also gets a lane: marks
that overlap get different lanes, so their underlines are drawn at different depths.
"""

from __future__ import annotations

import heapq
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
    """Return the pieces of a text of ``length`` characters, with the marks covering each.

    Each mark is added to the pieces it covers, in :func:`mark_order`: the time is the number
    of pieces plus the number of (piece, mark) pairs drawn, never pieces x marks.
    """
    for mark in marks:
        if not 0 <= mark.start <= mark.end <= length:
            raise ValueError(f"mark {mark} lies outside a text of {length} characters")
    order = sorted(range(len(marks)), key=lambda i: mark_order(marks[i]))
    bounds = sorted({0, length, *(m.start for m in marks), *(m.end for m in marks)})
    index_of = {bound: index for index, bound in enumerate(bounds)}
    covering: list[list[int]] = [[] for _ in range(len(bounds) - 1)]
    for i in order:
        for piece in range(index_of[marks[i].start], index_of[marks[i].end]):
            covering[piece].append(i)
    return [
        Segment(start, end, tuple(covering[piece]))
        for piece, (start, end) in enumerate(zip(bounds, bounds[1:], strict=False))
    ]


def lanes(marks: Sequence[Mark]) -> list[int]:
    """Return a lane per mark: the smallest lane no overlapping, earlier-placed mark uses.

    Marks are placed in :func:`mark_order` (by start): the marks placed before one that
    overlap it are exactly those still open at its start, so a heap of open marks (by end)
    and a heap of free lanes give each lane in logarithmic time.
    """
    result = [0] * len(marks)
    open_marks: list[tuple[int, int, int]] = []  # (end, lane, start) of placed marks still open
    free: list[int] = []  # lanes below ``used`` that no open mark holds
    used = 0
    for i in sorted(range(len(marks)), key=lambda i: mark_order(marks[i])):
        mark = marks[i]
        while open_marks and open_marks[0][0] <= mark.start:
            heapq.heappush(free, heapq.heappop(open_marks)[1])
        if mark.start == mark.end:
            # an empty mark overlaps only the marks open across its position; it holds no lane
            taken = {lane for _, lane, start in open_marks if start < mark.start}
            result[i] = next(n for n in range(len(taken) + 1) if n not in taken)
            continue
        if free:
            lane = heapq.heappop(free)
        else:
            lane, used = used, used + 1
        heapq.heappush(open_marks, (mark.end, lane, mark.start))
        result[i] = lane
    return result
