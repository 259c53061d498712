"""Shared judgements across layers: certainty from hedge scopes, innermost attribution.

Both ask which spans of a document (hedge scopes, attribution contents) contain a target span.
:class:`Containing` answers it from the spans sorted by start: a span that contains the target
starts at most ``longest`` characters before the target's end, so only the spans starting in
``[target.end - longest, target.start]`` are looked at (found by bisection), whatever the length
of the document.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from baselines.tokens import contains
from benchmark.dataset.schema import Attribution, Hedge, Span

Held = TypeVar("Held")


class Containing(Generic[Held]):
    """Items indexed by one of their spans, for "which of them contain this span?"."""

    def __init__(self, items: Sequence[Held], span_of: Callable[[Held], Span]) -> None:
        """Index ``items`` by ``span_of(item)``."""
        spans = [span_of(item) for item in items]
        order = sorted(range(len(items)), key=lambda i: spans[i].start)
        self._starts = [spans[i].start for i in order]
        self._spans = [spans[i] for i in order]
        self._items = [items[i] for i in order]
        self._longest = max((span.end - span.start for span in spans), default=0)

    def holding(self, target: Span) -> list[Held]:
        """Return the items whose span contains ``target`` (in order of span start)."""
        low = bisect.bisect_left(self._starts, target.end - self._longest)
        high = bisect.bisect_right(self._starts, target.start)
        return [self._items[i] for i in range(low, high) if contains(self._spans[i], target)]


def hedge_scopes(hedges: Sequence[Hedge]) -> Containing[Hedge]:
    """Return the hedges of a document indexed by scope."""
    return Containing(hedges, lambda hedge: hedge.scope)


def attribution_contents(attributions: Sequence[Attribution]) -> Containing[Attribution]:
    """Return the attributions of a document indexed by content."""
    return Containing(attributions, lambda attribution: attribution.content)


def in_hedge_scope(target: Span, hedges: Sequence[Hedge] | Containing[Hedge]) -> bool:
    """Return True when ``target`` lies inside the scope of one of ``hedges``."""
    scopes = hedges if isinstance(hedges, Containing) else hedge_scopes(hedges)
    return bool(scopes.holding(target))


def innermost_attribution(
    target: Span, attributions: Sequence[Attribution] | Containing[Attribution]
) -> str | None:
    """Return the id of the smallest attribution content holding ``target``, or None."""
    contents = (
        attributions if isinstance(attributions, Containing) else attribution_contents(attributions)
    )
    holding = contents.holding(target)
    if not holding:
        return None
    best = min(holding, key=lambda a: (a.content.end - a.content.start, a.attribution_id))
    return best.attribution_id
