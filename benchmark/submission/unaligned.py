"""The unaligned spans of a submission, listed in the report (never silently dropped).

A text-only span that the submission reader could not align comes as ``Span(-1, -1, text)``.
Every item that uses it is a false positive (:attr:`Item.unaligned`); this module lists the
spans themselves, with the item and field they belong to, for the report.
"""

from __future__ import annotations

from collections.abc import Iterator

from benchmark.schema import Annotations, Span
from benchmark.scoring.items import UNALIGNED, offsets
from benchmark.scoring.report import UnalignedSpan


def unaligned_spans(pred: Annotations, *, tasks: tuple[str, ...]) -> tuple[UnalignedSpan, ...]:
    """Return every unaligned span of the layers ``tasks`` of ``pred``, in input order."""
    return tuple(
        UnalignedSpan(doc_id, task, item_id, field, span.text)
        for task in tasks
        for doc_id, item_id, field, span in _spans(pred, task)
        if offsets(span) == UNALIGNED
    )


def _spans(pred: Annotations, task: str) -> Iterator[tuple[str, str, str, Span | None]]:
    """Yield (doc_id, item_id, field, span) of every span field of one layer."""
    if task == "events":
        for e in pred.events:
            yield e.doc_id, e.event_id, "trigger", e.trigger
            for i, argument in enumerate(e.arguments):
                yield e.doc_id, e.event_id, f"arguments[{i}]", argument.span
    elif task == "casualties":
        for c in pred.casualties:
            for name in ("count_span", "qualifier_span", "trigger", "victim", "location", "time"):
                yield c.doc_id, c.casualty_id, name, getattr(c, name)
    elif task == "attributions":
        for a in pred.attributions:
            for name in ("source", "source_antecedent", "cue", "content"):
                yield a.doc_id, a.attribution_id, name, getattr(a, name)
    elif task == "hedges":
        for h in pred.hedges:
            yield h.doc_id, h.hedge_id, "cue", h.cue
            yield h.doc_id, h.hedge_id, "scope", h.scope
