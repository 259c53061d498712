"""The ``empty`` baseline: predicts nothing in every layer (the floor of every score)."""

from __future__ import annotations

from benchmark.dataset.schema import Annotations, Document


class EmptyExtractor:
    """Attempts all four layers and predicts no item in any of them."""

    name = "empty"
    """Registry name."""

    def extract(self, document: Document) -> Annotations:
        """Return ``document`` with empty event, casualty, attribution and hedge layers."""
        return Annotations(documents=(document,))
