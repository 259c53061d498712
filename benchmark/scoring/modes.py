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

``normalised``: two items are candidates when their :func:`normalised_key` is equal (same
document, label, ``attrs``, and for every span component the same
:func:`~benchmark.dataset.surface.normalised_form` of its text: case, Unicode composition,
typographic quotes and dashes, white space, punctuation and quotes at the edges and ONE
leading article or articulated preposition do not count) AND every non-null span component
shares at least one character with its counterpart (the same mention, not an equal text
elsewhere); candidates are paired by a maximum one-to-one matching. "le persone" and
"persone" match; "persone" in another sentence does not.

``partial``: two items are candidates when their :func:`overlap_key` is equal, every non-null
span component shares a character with its counterpart AND they share a word in every
component; a pair is credited with :func:`token_f1_credit`, the product over the span
components of the token F1 of the two texts (SQuAD / DROP:
:func:`~benchmark.dataset.surface.token_f1` on the normalised forms); candidates are paired
one-to-one so that the TOTAL credit is maximal (then the rules of overlap mode). So
precision = credit / predicted items and recall = credit / gold items.

``overlap``: two items are candidates when their :func:`overlap_key` is equal (same document,
label, ``attrs`` and the same null/non-null pattern of span components) AND every non-null span
component shares at least one character with its counterpart; candidates are paired by a
maximum one-to-one matching. Items without any non-null span component are matched on the key
alone, as in exact mode.

Every exact pair is a normalised candidate (identical spans have identical forms), every
normalised candidate a partial candidate of credit 1, and every partial candidate an overlap
candidate, so for every subtask exact tp <= normalised tp <= partial tp <= overlap tp (property
tests in ``tests/test_scoring_run.py``). Items built without texts (``Item.texts == ()``)
compare their offsets in the normalised and partial modes (as in exact mode).

The scorer, the results, the terminal table, the leaderboard, the page, the agreement tables,
contrast consistency and the command-line help read :data:`MATCH_MODES`; a caller may pass any
other :class:`MatchMode` (the functions take modes as parameters, there is no registration).
This module imports no numpy, so command-line help stays fast.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from types import MappingProxyType

from benchmark.dataset.surface import normalised_form, token_f1
from benchmark.errors import DataError
from benchmark.scoring.items import Item


class Candidates(enum.Enum):
    """Which pairs of items with equal keys a mode may pair (its candidate rule)."""

    EQUAL_KEYS = "every pair with equal keys; the k-th gold with the k-th prediction of a key"
    """Equal keys suffice; items of one key are a multiset, paired in (doc_id, id) order."""
    OVERLAPPING_SPANS = "pairs whose every non-null span shares a character; maximum matching"
    """Every non-null span component must overlap its counterpart; maximum one-to-one."""
    CREDITED_SPANS = "overlapping pairs of positive credit; maximum total credit"
    """As ``OVERLAPPING_SPANS`` with a positive credit; the matching maximises the total credit."""


CreditFunction = Callable[[Item, Item], int | float | Fraction]
"""``(gold item, predicted item) -> credit in [0, 1]`` of a pair (exact when a Fraction)."""


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
    """True-positive credit of a matched pair; None: 1 for every pair (integer counts).

    The ``CREDITED_SPANS`` rule needs it (it maximises the total credit)."""


def exact_key(item: Item) -> Hashable | None:
    """Return the exact-mode identity of ``item``, or None when it is unaligned."""
    if item.unaligned:
        return None
    return (item.doc_id, item.label, item.attrs, item.spans)


def normalised_key(item: Item) -> Hashable | None:
    """Return the normalised-mode candidate group of ``item``, or None when it is unaligned."""
    if item.unaligned:
        return None
    if not item.texts:
        return exact_key(item)
    forms = tuple(None if text is None else normalised_form(text) for text in item.texts)
    return (item.doc_id, item.label, item.attrs, forms)


def token_f1_credit(gold: Item, pred: Item) -> Fraction:
    """Return the partial-mode credit of a pair: the product of its components' token F1.

    A null component pairs only with a null one (factor 1); items without texts get 1 when
    their spans are identical, else 0.
    """
    if not gold.texts or not pred.texts:
        return Fraction(int(gold.spans == pred.spans))
    credit = Fraction(1)
    for gold_text, pred_text in zip(gold.texts, pred.texts, strict=True):
        if gold_text is None or pred_text is None:
            if gold_text != pred_text:
                return Fraction(0)
            continue
        credit *= token_f1(gold_text, pred_text)
    return credit


def overlap_key(item: Item) -> Hashable | None:
    """Return the overlap-mode candidate group of ``item``, or None when it is unaligned."""
    if item.unaligned:
        return None
    pattern = tuple(span is None for span in item.spans)
    return (item.doc_id, item.label, item.attrs, pattern)


EXACT = MatchMode("exact", "identical offsets (and labels)", exact_key, Candidates.EQUAL_KEYS)
"""Match mode: identical offsets."""
NORMALISED = MatchMode(
    "normalised",
    "the same mention up to case, quotes, edge punctuation and a leading article, one-to-one",
    normalised_key,
    Candidates.OVERLAPPING_SPANS,
)
"""Match mode: equal normalised texts of overlapping spans."""
PARTIAL = MatchMode(
    "partial",
    "overlapping spans credited with their token F1, one-to-one of maximum credit",
    overlap_key,
    Candidates.CREDITED_SPANS,
    credit=token_f1_credit,
)
"""Match mode: token-F1 credit, assignment of maximum total credit."""
OVERLAP = MatchMode(
    "overlap",
    "at least one shared character per span, maximum one-to-one matching",
    overlap_key,
    Candidates.OVERLAPPING_SPANS,
)
"""Match mode: at least one shared character, one-to-one assignment."""

MATCH_MODES: Mapping[str, MatchMode] = MappingProxyType(
    {m.name: m for m in (EXACT, NORMALISED, PARTIAL, OVERLAP)}
)
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
