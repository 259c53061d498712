"""Apply text edits to a paragraph and remap character offsets through them.

Edits are located in the ORIGINAL text: ``old`` (replace, delete) or the
``after``/``before`` string of an insert must occur in the text; without an
``occurrence`` it must occur exactly once (ambiguity is an error). Edited regions
must not overlap. Remapping a span ``[s, e)`` through a region ``[a, b)``:

- a region entirely before the span shifts it, one entirely after leaves it;
- a region inside the span (``s <= a`` and ``b <= e``) makes it grow or shrink;
- an insertion point strictly inside the span makes it grow; an insertion at the
  span's start shifts it and one at its end leaves it;
- anything else (the span straddles a region boundary, lies inside a replaced or
  deleted region, or would become empty) does not remap: the spec must declare a
  change for that field.
"""

from __future__ import annotations

from dataclasses import dataclass

from benchmark.dataset.contrast.spec import Edit


class EditError(ValueError):
    """An edit that cannot be located or applied; the message is one line."""


@dataclass(frozen=True)
class Region:
    """An edited region of the original text."""

    start: int
    """First replaced character (the insertion point for an insert)."""
    end: int
    """One past the last replaced character (== start for an insert)."""
    new: str
    """The text that takes its place."""


def _find(text: str, needle: str, occurrence: int | None) -> int:
    """Return the start of the wanted occurrence of ``needle`` (every position counts)."""
    positions = []
    start = text.find(needle)
    while start >= 0:
        positions.append(start)
        start = text.find(needle, start + 1)
    if not positions:
        raise EditError(f"{needle!r} does not occur in the paragraph")
    if occurrence is None:
        if len(positions) > 1:
            raise EditError(
                f"{needle!r} occurs {len(positions)} times in the paragraph; give an occurrence"
            )
        return positions[0]
    if occurrence > len(positions):
        raise EditError(f"{needle!r} occurs {len(positions)} time(s), not {occurrence}")
    return positions[occurrence - 1]


def locate(text: str, edit: Edit) -> Region:
    """Return the region of ``text`` that ``edit`` changes."""
    start = _find(text, edit.anchor, edit.occurrence)
    if edit.op == "insert":
        point = start + len(edit.anchor) if edit.side == "after" else start
        return Region(point, point, edit.new)
    return Region(start, start + len(edit.anchor), edit.new if edit.op == "replace" else "")


def apply_edits(text: str, edits: tuple[Edit, ...] | list[Edit]) -> tuple[str, tuple[Region, ...]]:
    """Return the edited text and the regions (sorted, in original coordinates)."""
    regions = sorted((locate(text, edit) for edit in edits), key=lambda r: (r.start, r.end))
    for before, after in zip(regions, regions[1:], strict=False):
        if after.start < before.end or (after.start == before.start == before.end == after.end):
            raise EditError(
                f"edits overlap at {before.start}-{before.end} and {after.start}-{after.end}"
            )
    parts, cursor = [], 0
    for region in regions:
        parts += [text[cursor : region.start], region.new]
        cursor = region.end
    parts.append(text[cursor:])
    return "".join(parts), tuple(regions)


def remap(start: int, end: int, regions: tuple[Region, ...]) -> tuple[int, int] | None:
    """Return the offsets of ``[start, end)`` in the edited text, or None (see module doc)."""
    shift_start = shift_end = 0
    for region in regions:
        delta = len(region.new) - (region.end - region.start)
        if region.start == region.end:  # insertion point
            point = region.start
            if point <= start:
                shift_start += delta
                shift_end += delta
            elif point < end:
                shift_end += delta
        elif region.end <= start:
            shift_start += delta
            shift_end += delta
        elif region.start >= end:
            continue
        elif start <= region.start and region.end <= end:
            shift_end += delta
        else:
            return None
    new_start, new_end = start + shift_start, end + shift_end
    return (new_start, new_end) if new_end > new_start else None


def remap_point(position: int, regions: tuple[Region, ...]) -> int:
    """Return where ``position`` lands in the edited text (inside a region: its new start)."""
    shift = 0
    for region in regions:
        delta = len(region.new) - (region.end - region.start)
        if region.end <= position and not (region.start == region.end == position):
            shift += delta
        elif region.start <= position < region.end:
            return region.start + shift
    return position + shift
