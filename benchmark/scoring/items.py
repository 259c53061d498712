"""Scoring items and subtask definitions: what every task module fills in.

An item is the unit a subtask counts: (item_id, doc_id, sentence_id, span components, label,
other identity components, and the texts of its span components, which the ``normalised`` and
``partial`` modes compare; :func:`span_item` builds one from spans). Task modules only turn an
:class:`~benchmark.dataset.schema.Annotations` into item lists, one function per subtask; the
generic matcher (:mod:`benchmark.scoring.matching`) and counter
(:mod:`benchmark.scoring.counting`) do the rest.

Dependent items. Some items only count together with another annotation they hang on (an
argument with its event's trigger, a casualty slot with its record's victim, a nesting link with
its parent relation). Such an item carries the SPANS of what it hangs on as extra span
components (and its identifying labels in ``label``/``attrs``), and is matched directly by the
generic matcher like any multi-span item: exact mode needs every span identical, the other
modes need every span to match its counterpart in their own way. No item depends on the
alignment chosen for another subtask, so every subtask is monotone (exact tp <= normalised tp
<= partial tp <= overlap tp, and adding a prediction never lowers recall; see
:mod:`benchmark.scoring.modes`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from benchmark.dataset.schema import UNALIGNED_START, Annotations, Span

Offsets = tuple[int, int]
"""A span as ``(start, end)`` character offsets, end exclusive."""

UNALIGNED: Offsets = (UNALIGNED_START, UNALIGNED_START)
"""The offsets of an unaligned span (:func:`benchmark.dataset.schema.unaligned_span`)."""


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
    """Other identity components that must be equal (event type, role, values)."""
    texts: tuple[str | None, ...] = ()
    """Text of each span component (None for a null span); ``()`` when not known."""

    @property
    def unaligned(self) -> bool:
        """True when a span component could not be aligned: such an item never matches."""
        return UNALIGNED in self.spans


@dataclass(frozen=True)
class Side:
    """Everything an item function may read about one side (gold or prediction)."""

    annotations: Annotations
    """The annotation layers of this side."""
    uncertain: Mapping[tuple[str, int], bool]
    """Sentence-level ``uncertain`` labels by (doc_id, sentence_id); missing means certain."""
    sentence_of: Callable[[str, int], int]
    """``sentence_of(doc_id, offset)``: the sentence that holds a character offset."""


ItemFunction = Callable[[Side], list[Item]]
"""A task module's definition of one subtask (or of one breakdown entry)."""


@dataclass(frozen=True)
class Subtask:
    """One scored subtask of a task: its items, submission key and optional breakdown."""

    name: str
    """Subtask name as it appears in results (``trigger_classification``)."""
    items: ItemFunction
    """Turns one side into its items."""
    submission_key: str
    """Submission key that must be present for the subtask to count as attempted."""
    breakdown: tuple[tuple[str, ItemFunction], ...] = ()
    """Named item sets counted as the per-type breakdown instead of labels (factuality)."""


@dataclass(frozen=True)
class TaskSpec:
    """One scored task (one annotation layer): its subtasks and how they are read."""

    name: str
    """Task name: the layer name and the submission key."""
    subtasks: tuple[Subtask, ...]
    """The subtasks in report order."""
    main: str
    """Subtask whose exact F1 ranks the systems on the leaderboard."""
    judged: tuple[str, ...]
    """Subtasks a contrast document must get fully right (contrast consistency)."""
    identification: str
    """Subtask whose exact pairs are the items both annotation passes share (label kappa)."""
    span_agreement: tuple[str, ...]
    """Subtasks of the inter-annotator span-agreement table."""
    label_agreement: tuple[tuple[str, str], ...]
    """(row name, label field) of the inter-annotator label-agreement table."""
    field_agreement: tuple[str, ...] = ()
    """Nullable fields compared among the identified pairs (:mod:`benchmark.scoring.
    agreement_links`): those no subtask of the agreement tables compares."""
    unscored: tuple[tuple[str, str], ...] = ()
    """(field, reason) of every content field of the layer that no subtask scores."""

    def subtask_names(self) -> tuple[str, ...]:
        """Return the subtask names in report order."""
        return tuple(subtask.name for subtask in self.subtasks)


def offsets(span: Span | None) -> Offsets | None:
    """Return ``(start, end)`` of a span, or None for a null span."""
    return None if span is None else (span.start, span.end)


def span_item(
    item_id: str,
    doc_id: str,
    sentence_id: int,
    spans: tuple[Span | None, ...],
    label: str | None = None,
    attrs: tuple[Hashable, ...] = (),
) -> Item:
    """Return the item whose span components are ``spans`` (offsets and texts)."""
    return Item(
        item_id,
        doc_id,
        sentence_id,
        tuple(None if span is None else (span.start, span.end) for span in spans),
        label,
        attrs,
        tuple(None if span is None else span.text for span in spans),
    )


@functools.lru_cache(maxsize=1 << 20)
def natural_key(item_id: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that orders ``E2`` before ``E10`` (digit runs compared as numbers)."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part) for part in re.findall(r"\d+|\D+", item_id)
    )
