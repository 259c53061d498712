"""Label inventories (schema 2.0): the single source of truth for every closed label set.

The dataset card's ``dataset_info`` ClassLabel names, the validators and the
scorers all read these tuples. Definitions of every label are in ``data/GUIDELINES.md``;
the map from the 1.x labels is ``data/label_map_1x.tsv``.

Order matters: it fixes the ClassLabel ints. A label keeps its position from one version
to the next and new labels are appended at the end, so that an int of an older version
still names the same label. The one exception is a label merged into another by a major
version: the merged label takes the position of the first label merged into it and the
positions after a removed label close up. In 2.0 that is ``victim_group`` only
(``ukrainian_military`` and ``russian_military`` became ``military``, at position 2;
``international_staff`` and ``other`` moved from 4 and 5 to 3 and 4): compare 1.x and 2.0
victim groups by name, through the label map, never by int. Event types and count
qualifiers only gained labels, appended, so their 1.x ints are unchanged.
"""

from __future__ import annotations

EVENT_TYPES: tuple[str, ...] = (
    # ACE 2005 types used in this corpus
    "Conflict:Attack",
    "Life:Die",
    "Life:Injure",
    "Movement:Transport",
    "Contact:Meet",
    # Domain extensions (no ACE 2005 type exists); defined in GUIDELINES.md section 3.2,
    # and data/event_types.tsv says how an ACE-trained system's output maps to each type
    "Conflict:Siege",
    "Conflict:Damage",
    "Conflict:Explosion",
    # Added in 2.0 (also extensions)
    "Disaster:Accident",
    "Disaster:Fire",
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
    # Added in 2.0
    "more_than",
    "less_than",
    "range",
)
RANGE_QUALIFIER = "range"
"""The count qualifier of a figure given as a range: the only one with a ``count_high``."""

VICTIM_GROUPS: tuple[str, ...] = (
    "people",
    "civilians",
    "military",  # 2.0: the 1.x ukrainian_military and russian_military, merged
    "international_staff",
    "other",
    # Added in 2.0
    "children",
    "police",
    "armed_group",
)

ATTRIBUTION_TYPES: tuple[str, ...] = ("direct", "indirect", "mixed")

HEDGE_CUE_TYPES: tuple[str, ...] = ("conditional", "evidential", "epistemic")

PARAGRAPH_KINDS: tuple[str, ...] = ("body", "caption", "title")

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
