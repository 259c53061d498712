from benchmark.dataset import inventory

# The 1.x inventories (dataset 1.0.0), written out by hand.
EVENT_TYPES_1X = (
    "Conflict:Attack", "Life:Die", "Life:Injure", "Movement:Transport", "Contact:Meet",
    "Conflict:Siege", "Conflict:Damage", "Conflict:Explosion",
)  # fmt: skip
COUNT_QUALIFIERS_1X = ("exact", "at_least", "at_most", "approximate", "unquantified")


def test_labels_added_in_2_0_are_appended_so_1x_class_label_ints_keep_their_meaning():
    assert inventory.EVENT_TYPES[: len(EVENT_TYPES_1X)] == EVENT_TYPES_1X
    assert inventory.EVENT_TYPES[len(EVENT_TYPES_1X) :] == ("Disaster:Accident", "Disaster:Fire")
    assert inventory.COUNT_QUALIFIERS[: len(COUNT_QUALIFIERS_1X)] == COUNT_QUALIFIERS_1X
    assert inventory.COUNT_QUALIFIERS[len(COUNT_QUALIFIERS_1X) :] == (
        "more_than",
        "less_than",
        "range",
    )
    assert inventory.RANGE_QUALIFIER in inventory.COUNT_QUALIFIERS


def test_victim_groups_merge_in_place_then_append():
    # 1.x: people 0, civilians 1, ukrainian_military 2, russian_military 3,
    # international_staff 4, other 5. 2.0: military takes position 2, the positions after the
    # removed russian_military close up, the new groups follow.
    assert inventory.VICTIM_GROUPS == (
        "people", "civilians", "military", "international_staff", "other",
        "children", "police", "armed_group",
    )  # fmt: skip


def test_bio2_tags_follow_the_inventory():
    assert inventory.EVENT_TAGS[-4:] == (
        "B-Disaster:Accident",
        "I-Disaster:Accident",
        "B-Disaster:Fire",
        "I-Disaster:Fire",
    )
    assert len(inventory.EVENT_TAGS) == 1 + 2 * len(inventory.EVENT_TYPES)
