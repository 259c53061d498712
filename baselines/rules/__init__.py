"""The ``rules`` baseline: a careful rule-based extractor for all four layers.

Layers are computed in dependency order: hedges (scopes give certainty), attributions
(contents give ``attribution_id``), events, then casualties (which link to events).
"""

from __future__ import annotations

from baselines.rules.attributions import find_attributions
from baselines.rules.casualties import find_casualties
from baselines.rules.events import find_events
from baselines.rules.hedges import find_hedges
from baselines.tokens import sentence_views
from benchmark.dataset.schema import Annotations, Document


class RulesExtractor:
    """Italian morphology, lexicons and shallow-syntax heuristics (data/GUIDELINES.md)."""

    name = "rules"
    """Registry name."""

    def extract(self, document: Document) -> Annotations:
        """Return the rule-based predictions for ``document``."""
        views = sentence_views(document)
        hedges = find_hedges(document, views)
        attributions = find_attributions(document, views)
        events = find_events(document, views, hedges=hedges, attributions=attributions)
        casualties = find_casualties(
            document, views, hedges=hedges, attributions=attributions, events=events
        )
        return Annotations(
            documents=(document,),
            events=tuple(events),
            casualties=tuple(casualties),
            attributions=tuple(attributions),
            hedges=tuple(hedges),
        )
