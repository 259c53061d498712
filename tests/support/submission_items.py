"""A valid casualty item of a submission line for the toy document of the submission tests."""

from __future__ import annotations


def casualty_item(**changes) -> dict:
    """Return a complete casualty item ("almeno ... persone", at_least), with ``changes``."""
    item = {
        "casualty_id": "c1",
        "status": "killed",
        "count_qualifier": "at_least",
        "victim": {"text": "persone"},
        "victim_group": "people",
        "polarity": "positive",
        "certainty": "uncertain",
    }
    item.update(changes)
    return item
