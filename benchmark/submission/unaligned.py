"""The unaligned spans of a submission, listed in the results (never silently dropped).

A text-only span that the submission reader could not align is kept as
:func:`benchmark.dataset.schema.unaligned_span`. Every item that uses it is a false positive
(the scorer's items treat it so); this module lists the spans themselves, with the item and
field they belong to, for the table, the results file and the page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from benchmark.dataset.layers import LAYERS
from benchmark.dataset.schema import Annotations

from .rejected import RejectedItem


@dataclass(frozen=True)
class UnalignedSpan:
    """A submitted text span that could not be aligned (counted as a false positive)."""

    doc_id: str
    """Document of the item."""
    task: str
    """Task (submission key) of the item."""
    item_id: str
    """Submitter's id of the item."""
    field: str
    """Field of the span (``trigger``, ``arguments[2]``, ``victim``...)."""
    text: str
    """The submitted text."""


def unaligned_spans(
    pred: Annotations, *, tasks: tuple[str, ...], rejected: Iterable[RejectedItem] = ()
) -> tuple[UnalignedSpan, ...]:
    """Return every unaligned span of the layers ``tasks`` of ``pred``, in input order.

    Within an item, spans come in field order (arguments after the spans before the list).
    The placeholders of ``rejected`` items (whose spans are all unaligned) are listed as
    rejected items instead, not here.
    """
    skip = {(r.task, r.doc_id, r.item_id) for r in rejected}
    found = []
    for task in tasks:
        spec = LAYERS[task]
        for item in getattr(pred, task):
            item_id = getattr(item, spec.id_field)
            if (task, item.doc_id, item_id) in skip:
                continue
            for field, span in spec.spans_of(item):
                if span is not None and span.unaligned:
                    found.append(UnalignedSpan(item.doc_id, task, item_id, field, span.text))
    return tuple(found)
