"""Scoring items and subtask definitions: what every task module fills in.

An item is the unit a subtask counts: (item_id, doc_id, sentence_id, span components, label,
other identity components). Task modules only turn an :class:`~benchmark.schema.Annotations`
into item lists, one function per subtask; the generic matcher
(:mod:`benchmark.scoring.matching`) and counter (:mod:`benchmark.scoring.counting`) do the rest.

Anchors. Some items only count when another item they hang on is matched (an argument needs its
event's trigger matched; a casualty slot needs its record aligned). Such items carry an anchor
in ``attrs``: on the gold side the id of the gold item they hang on, on the prediction side the
id of the GOLD item that the prediction's own item was aligned to by the anchor subtask in the
same match mode, or ``Unmatched(id)`` when it was not aligned (which equals nothing gold).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from benchmark.schema import Annotations, Span

Offsets = tuple[int, int]
"""A span as ``(start, end)`` character offsets, end exclusive."""

UNALIGNED: Offsets = (-1, -1)
"""Offsets of a submitted text span that could not be aligned to the document."""

UNKNOWN_SENTENCE = -1
"""``sentence_id`` of a prediction whose position is unknown (all its spans unaligned)."""


class Item(NamedTuple):
    """One countable unit of a subtask, gold or predicted.

    A named tuple rather than a frozen dataclass: items are built by the hundred thousand
    on large corpora and a tuple is created about twice as fast.
    """

    item_id: str
    """Id of the annotation it comes from (``E3``, ``E3/arg1``, ``C2/count``)."""
    doc_id: str
    """Document the item belongs to."""
    sentence_id: int
    """Sentence the item is counted in (per-sentence counts for the bootstrap)."""
    spans: tuple[Offsets | None, ...]
    """Span components, compared by the match mode; None is a null span (equals only None)."""
    label: str | None = None
    """Type for typed subtasks (part of the identity; the per-type breakdown key), else None."""
    attrs: tuple[Hashable, ...] = ()
    """Other identity components that must be equal (role, values, anchors)."""

    @property
    def unaligned(self) -> bool:
        """True when a span component could not be aligned: such an item never matches."""
        return UNALIGNED in self.spans


@dataclass(frozen=True, slots=True)
class Unmatched:
    """Anchor of a predicted item whose anchor item was not aligned: equals no gold id."""

    pred_id: str
    """Id of the predicted anchor item."""


Anchor = Callable[[str, str], Hashable]
"""``anchor(doc_id, own_id)`` -> the id in gold space (see the module docstring)."""


@dataclass(frozen=True)
class Side:
    """Everything an item function may read about one side (gold or prediction)."""

    annotations: Annotations
    """The annotation layers of this side."""
    uncertain: Mapping[tuple[str, int], bool]
    """Sentence-level ``uncertain`` labels by (doc_id, sentence_id); missing means certain."""
    sentence_of: Callable[[str, int], int]
    """``sentence_of(doc_id, offset)``: the sentence that holds a character offset."""
    anchor: Anchor
    """Maps an anchor id of this side to gold space (identity on the gold side)."""


ItemFunction = Callable[[Side], list[Item]]
"""A task module's definition of one subtask (or of one breakdown entry)."""


@dataclass(frozen=True)
class Subtask:
    """One scored subtask of a task: its items and where its anchors come from."""

    name: str
    """Subtask name as it appears in results (``trigger_classification``)."""
    items: ItemFunction
    """Turns one side into its items."""
    submission_key: str
    """Submission key that must be present for the subtask to count as attempted."""
    anchor_subtask: str | None = None
    """Earlier subtask of the same task whose alignment gives the anchors, or None."""
    breakdown: tuple[tuple[str, ItemFunction], ...] = ()
    """Named item sets counted as the per-type breakdown instead of labels (factuality)."""


def offsets(span: Span | None) -> Offsets | None:
    """Return ``(start, end)`` of a span, or None for a null span."""
    return None if span is None else (span.start, span.end)


def gold_anchor(doc_id: str, own_id: str) -> Hashable:
    """Anchor function of the gold side: ids are already gold ids."""
    return own_id


@functools.lru_cache(maxsize=1 << 20)
def natural_key(item_id: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that orders ``E2`` before ``E10`` (digit runs compared as numbers)."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part) for part in re.findall(r"\d+|\D+", item_id)
    )
