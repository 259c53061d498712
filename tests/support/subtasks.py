"""The subtasks of every task in report order, written out by hand (the tests' expectation)."""

SUBTASKS: dict[str, tuple[str, ...]] = {
    "events": (
        "trigger_identification",
        "trigger_classification",
        "argument_identification",
        "argument_classification",
        "factuality",
    ),
    "casualties": ("victim", "record", "slots"),
    "attributions": (
        "source",
        "source_resolved",
        "cue",
        "content",
        "relation",
        "relation_typed",
        "nesting",
    ),
    "hedges": ("cue", "cue_typed", "scope", "uncertain"),
}
