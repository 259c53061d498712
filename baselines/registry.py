"""The explicit table of baselines: name -> factory (no import-time registration)."""

from __future__ import annotations

from collections.abc import Callable

from baselines.base import Extractor
from baselines.crf import CrfExtractor
from baselines.empty import EmptyExtractor
from baselines.naive import NaiveExtractor
from baselines.rules import RulesExtractor

EXTRACTORS: dict[str, Callable[[], Extractor]] = {
    "empty": EmptyExtractor,
    "naive": NaiveExtractor,
    "rules": RulesExtractor,
    "crf": CrfExtractor,  # new text only; the gold is scored out-of-fold (baselines.crf)
}
"""Baseline name -> a callable returning a fresh extractor."""


class UnknownBaseline(KeyError):
    """A baseline name that is not in :data:`EXTRACTORS`."""

    def __str__(self) -> str:
        """Return the message without KeyError's quoting."""
        return str(self.args[0])


def get_extractor(name: str) -> Extractor:
    """Return a new extractor for ``name``; raise :class:`UnknownBaseline` for others."""
    factory = EXTRACTORS.get(name)
    if factory is None:
        raise UnknownBaseline(f"unknown baseline {name!r}; choose one of {sorted(EXTRACTORS)}")
    return factory()
