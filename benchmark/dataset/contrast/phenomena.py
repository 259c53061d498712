"""The closed list of contrast phenomena, each with the gold layer it concerns.

The layer names the scoring layer whose correctness the consistency metric judges
(:mod:`benchmark.scoring.consistency`). Descriptions are documented in
``data/contrast/README.md``.
"""

from __future__ import annotations

PHENOMENA: dict[str, tuple[str, str]] = {
    "hedging.conditional_to_indicative": (
        "hedges",
        "a journalistic conditional becomes the indicative: the hedge disappears",
    ),
    "hedging.indicative_to_conditional": (
        "hedges",
        "an indicative becomes a journalistic conditional: a hedge appears",
    ),
    "hedging.cue_added": (
        "hedges",
        "an evidential or epistemic cue is added (pare che, forse, secondo fonti non confermate)",
    ),
    "hedging.cue_removed": ("hedges", "a non-conditional hedge cue is removed"),
    "negation.added": ("events", "an asserted event or casualty is negated"),
    "negation.removed": ("casualties", "a negated casualty mention becomes positive"),
    "negation.cue_changed": (
        "casualties",
        "the negation is worded differently (nessun, né ... né); polarity stays negative",
    ),
    "casualty.qualifier_change": (
        "casualties",
        "the count qualifier changes (almeno, oltre, circa, fino a, none)",
    ),
    "casualty.number_words": ("casualties", "digits become number words or vice versa"),
    "casualty.victim_group": ("casualties", "the victims belong to another group"),
    "casualty.distractor_number": (
        "casualties",
        "numbers that count no victims are added (hours, kilometres, centuries, targets)",
    ),
    "attribution.source_swapped": ("attributions", "the source is another person or outlet"),
    "attribution.source_removed": (
        "attributions",
        "the source becomes implicit (null subject or impersonal construction)",
    ),
    "attribution.direct_indirect": (
        "attributions",
        "direct speech becomes indirect or the reverse",
    ),
    "attribution.nesting_added": ("attributions", "a citing source is added (X che cita Y)"),
    "attribution.nesting_removed": ("attributions", "the citing link between two sources goes"),
    "event.verb_nominalisation": (
        "events",
        "the event is expressed by a verb instead of a noun or the reverse",
    ),
    "event.target_or_place_changed": ("events", "the target or the place of an event changes"),
    "event.into_or_out_of_quotation": (
        "events",
        "an event sentence moves into or out of a quotation",
    ),
}
"""Phenomenon name -> (gold layer it concerns, one-line description)."""
