"""Label inventories: the single source of truth for every closed label set.

The dataset card's ``dataset_info`` ClassLabel names, the validators and the
scorers all read these tuples. Order matters: it fixes the ClassLabel ints.
Definitions of every label are in ``data/GUIDELINES.md``.
"""

from __future__ import annotations

EVENT_TYPES: tuple[str, ...] = (
    # ACE 2005 types used in this corpus
    "Conflict:Attack",
    "Life:Die",
    "Life:Injure",
    "Movement:Transport",
    "Contact:Meet",
    # Domain extensions (no ACE 2005 type exists); defined in GUIDELINES.md section 3
    "Conflict:Siege",
    "Conflict:Damage",
    "Conflict:Explosion",
)

ARGUMENT_ROLES: tuple[str, ...] = (
    "Attacker",
    "Target",
    "Instrument",
    "Place",
    "Time",
    "Victim",
    "Agent",
    "Artifact",
    "Origin",
    "Destination",
    "Entity",
)

POLARITIES: tuple[str, ...] = ("positive", "negative")
CERTAINTIES: tuple[str, ...] = ("certain", "uncertain")

CASUALTY_STATUSES: tuple[str, ...] = ("killed", "injured", "unspecified")
COUNT_QUALIFIERS: tuple[str, ...] = (
    "exact",
    "at_least",
    "at_most",
    "approximate",
    "unquantified",
)
VICTIM_GROUPS: tuple[str, ...] = (
    "people",
    "civilians",
    "ukrainian_military",
    "russian_military",
    "international_staff",
    "other",
)

ATTRIBUTION_TYPES: tuple[str, ...] = ("direct", "indirect", "mixed")

HEDGE_CUE_TYPES: tuple[str, ...] = ("conditional", "evidential", "epistemic")

PARAGRAPH_KINDS: tuple[str, ...] = ("body", "caption")

ATTRIBUTION_ELEMENTS: tuple[str, ...] = ("SOURCE", "CUE", "CONTENT")
CASUALTY_ELEMENTS: tuple[str, ...] = ("COUNT", "VICTIM")


def bio2_labels(types: tuple[str, ...]) -> tuple[str, ...]:
    """Return the BIO2 tag set for ``types``: ``O`` then ``B-``/``I-`` per type."""
    tags = ["O"]
    for name in types:
        tags.extend((f"B-{name}", f"I-{name}"))
    return tuple(tags)


EVENT_TAGS = bio2_labels(EVENT_TYPES)
HEDGE_TAGS = bio2_labels(HEDGE_CUE_TYPES)
ATTRIBUTION_TAGS = bio2_labels(ATTRIBUTION_ELEMENTS)
CASUALTY_TAGS = bio2_labels(CASUALTY_ELEMENTS)
