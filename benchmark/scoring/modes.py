"""Identity of an item for matching: ONE key function per match mode.

``exact``: two items match when their :func:`exact_key` is equal: same document, same label,
same other components (``attrs``) and IDENTICAL offsets for every span component (a null span
equals only a null span).

``overlap``: two items are candidates when their :func:`overlap_key` is equal (same document,
label, ``attrs`` and the same null/non-null pattern of span components) AND every non-null span
component shares at least one character with its counterpart. Candidates are then paired
one-to-one by :mod:`benchmark.scoring.matching` (maximum matching). Items without any non-null
span component are matched on the key alone, as in exact mode.

Unaligned items (a span component is ``(-1, -1)``) have key None and match nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from benchmark.scoring.items import Item

EXACT = "exact"
"""Match mode: identical offsets."""
OVERLAP = "overlap"
"""Match mode: at least one shared character, one-to-one assignment."""


def exact_key(item: Item) -> Hashable | None:
    """Return the exact-mode identity of ``item``, or None when it is unaligned."""
    if item.unaligned:
        return None
    return (item.doc_id, item.label, item.attrs, item.spans)


def overlap_key(item: Item) -> Hashable | None:
    """Return the overlap-mode candidate group of ``item``, or None when it is unaligned."""
    if item.unaligned:
        return None
    pattern = tuple(span is None for span in item.spans)
    return (item.doc_id, item.label, item.attrs, pattern)


KEY_FUNCTIONS: dict[str, Callable[[Item], Hashable | None]] = {
    EXACT: exact_key,
    OVERLAP: overlap_key,
}
"""Match mode -> its key function (explicit dict, no registry)."""

MATCH_MODES: tuple[str, ...] = tuple(KEY_FUNCTIONS)
"""All match modes, in report order."""
