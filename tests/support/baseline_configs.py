"""Composing any baseline's config in tests, its required options (``???``) given placeholders."""

from __future__ import annotations

from baselines.config import BASELINE_GROUP, compose_config, required_keys

PLACEHOLDER = "placeholder"
"""Value given to a required option (the llm's ``base_url`` and ``model``): calls nothing."""


def placeholder_overrides(name: str) -> list[str]:
    """Return ``KEY=placeholder`` for every required option of baseline ``name``'s config."""
    node = compose_config(name)[BASELINE_GROUP]
    return [f"{key}={PLACEHOLDER}" for key in required_keys(node, prefix=BASELINE_GROUP)]
