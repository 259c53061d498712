"""Shared judgements across layers: certainty from hedge scopes, innermost attribution."""

from __future__ import annotations

from baselines.tokens import contains
from benchmark.dataset.schema import Attribution, Hedge, Span


def in_hedge_scope(target: Span, hedges: list[Hedge]) -> bool:
    """Return True when ``target`` lies inside the scope of one of ``hedges``."""
    return any(contains(hedge.scope, target) for hedge in hedges)


def innermost_attribution(target: Span, attributions: list[Attribution]) -> str | None:
    """Return the id of the smallest attribution content holding ``target``, or None."""
    holding = [a for a in attributions if contains(a.content, target)]
    if not holding:
        return None
    best = min(holding, key=lambda a: (a.content.end - a.content.start, a.attribution_id))
    return best.attribution_id
