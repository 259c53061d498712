"""The match modes: ONE :class:`MatchMode` per mode, listed in :data:`MATCH_MODES`.

A mode is its name, a one-line description (help texts, pages), a key function, a candidate
rule and an optional credit function:

- the key function gives an item's identity (or candidate group); None means the item is
  unaligned and matches nothing;
- the candidate rule (:class:`Candidates`) says which gold/prediction pairs with equal keys
  may be paired; :mod:`benchmark.scoring.matching` pairs them one-to-one by that rule;
- the credit function gives the true-positive credit of a pair (a number in [0, 1]; its
  complement counts as a false positive and a false negative). None: every pair counts 1,
  and the counts are integers.

``exact``: two items match when their :func:`exact_key` is equal: same document, same label,
same other components (``attrs``) and IDENTICAL offsets for every span component (a null span
equals only a null span).

``overlap``: two items are candidates when their :func:`overlap_key` is equal (same document,
label, ``attrs`` and the same null/non-null pattern of span components) AND every non-null span
component shares at least one character with its counterpart; candidates are paired by a
maximum one-to-one matching. Items without any non-null span component are matched on the key
alone, as in exact mode.

The scorer, the results, the terminal table, the leaderboard, the page, the agreement tables,
contrast consistency and the command-line help read :data:`MATCH_MODES`; a caller may pass any
other :class:`MatchMode` (the functions take modes as parameters, there is no registration).
This module imports no numpy, so command-line help stays fast.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from benchmark.errors import DataError
from benchmark.scoring.items import Item


class Candidates(enum.Enum):
    """Which pairs of items with equal keys a mode may pair (its candidate rule)."""

    EQUAL_KEYS = "every pair with equal keys; the k-th gold with the k-th prediction of a key"
    """Equal keys suffice; items of one key are a multiset, paired in (doc_id, id) order."""
    OVERLAPPING_SPANS = "pairs whose every non-null span shares a character; maximum matching"
    """Every non-null span component must overlap its counterpart; maximum one-to-one."""


CreditFunction = Callable[[Item, Item], float]
"""``(gold item, predicted item) -> credit in [0, 1]`` of a matched pair."""


@dataclass(frozen=True)
class MatchMode:
    """One match mode of the scorer."""

    name: str
    """Name in results files, tables, pages and ``--modes``."""
    description: str
    """One line saying when two items match (help texts and pages)."""
    key: Callable[[Item], Hashable | None]
    """Identity (``EQUAL_KEYS``) or candidate group of an item; None: unaligned."""
    candidates: Candidates
    """Candidate rule among items with equal keys."""
    credit: CreditFunction | None = None
    """True-positive credit of a matched pair; None: 1 for every pair (integer counts)."""


def exact_key(item: Item) -> Hashable | None:
    """Return the exact-mode identity of ``item``, or None when it is unaligned."""
    if item.unaligned:
        return None
    return (item.doc_id, item.label, item.attrs, item.spans)


def overlap_key(item: Item) -> Hashable | None:
    """Return the overlap-mode candidate group of ``item``, or None when it is unaligned."""
    if item.unaligned:
        return None
    pattern = tuple(span is None for span in item.spans)
    return (item.doc_id, item.label, item.attrs, pattern)


EXACT = MatchMode("exact", "identical offsets (and labels)", exact_key, Candidates.EQUAL_KEYS)
"""Match mode: identical offsets."""
OVERLAP = MatchMode(
    "overlap",
    "at least one shared character per span, maximum one-to-one matching",
    overlap_key,
    Candidates.OVERLAPPING_SPANS,
)
"""Match mode: at least one shared character, one-to-one assignment."""

MATCH_MODES: Mapping[str, MatchMode] = MappingProxyType({m.name: m for m in (EXACT, OVERLAP)})
"""Mode name -> mode, in report order (an explicit table, no registry)."""

MODE_NAMES: tuple[str, ...] = tuple(MATCH_MODES)
"""The names of :data:`MATCH_MODES`, in report order."""


def resolve_modes(
    names: Iterable[str], *, table: Mapping[str, MatchMode] = MATCH_MODES
) -> tuple[MatchMode, ...]:
    """Return the modes named ``names``; DataError (field ``modes``) for an unknown or no name."""
    chosen = list(names) if not isinstance(names, str) else [names]
    unknown = [name for name in chosen if name not in table]
    if unknown or not chosen or isinstance(names, str):
        raise DataError(
            f"unknown modes {unknown or chosen}; expected names from {list(table)}",
            field="modes",
        )
    return tuple(table[name] for name in chosen)


def help_text(table: Mapping[str, MatchMode] = MATCH_MODES) -> str:
    """Return ``name: description`` of every mode, for command-line help."""
    return "; ".join(f"{mode.name}: {mode.description}" for mode in table.values())
