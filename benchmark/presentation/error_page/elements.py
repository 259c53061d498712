"""Which spans of each layer the report highlights, and which scoring subtask colours them.

One explicit table (no registry): layer -> element specs. Each element is a span kind of the
layer (an event trigger, an argument, a hedge scope...) whose status (tp, fp, fn) is read from
the ids that one scoring subtask matched, missed or found spurious. Element item ids are the
scorer's item ids (``E3``, ``E3/arg1``, ``C2/location``), so statuses are looked up, never
recomputed.

Scored but not drawn as spans: the value slots of casualty records (status, count...), event
factuality, attribution nesting and sentence uncertainty. Their errors are listed in the
missed / spurious lists of the page. Unscored spans (casualty trigger and qualifier, source
antecedent) are not drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from benchmark.dataset.schema import Annotations, Span
from benchmark.presentation.error_page.describe import count_text


@dataclass(frozen=True)
class ElementSpan:
    """One span of one element of one annotation (gold or predicted)."""

    doc_id: str
    """Document of the annotation."""
    item_id: str
    """The scorer's item id of this element (``E3``, ``E3/arg1``, ``C2/location``)."""
    span: Span
    """The highlighted text (not drawn when unaligned)."""
    label: str
    """Short type label (``ATTACK``, ``TARGET``, ``speculation``...)."""
    relation_id: str | None = None
    """Attribution id the span belongs to (links source, cue and content), else None."""


@dataclass(frozen=True)
class ElementSpec:
    """A kind of highlighted span and the subtask that decides its status."""

    name: str
    """Element name, used as a CSS class (``trigger``, ``argument``, ``scope``...)."""
    subtask: str
    """Scoring subtask of the layer whose matched / missed / spurious ids colour it."""
    spans: Callable[[Annotations], Iterator[ElementSpan]]
    """Yield the element's spans of one side."""


def _triggers(annotations: Annotations) -> Iterator[ElementSpan]:
    for e in annotations.events:
        yield ElementSpan(e.doc_id, e.event_id, e.trigger, e.event_type)


def _arguments(annotations: Annotations) -> Iterator[ElementSpan]:
    for e in annotations.events:
        for i, argument in enumerate(e.arguments, start=1):
            yield ElementSpan(e.doc_id, f"{e.event_id}/arg{i}", argument.span, argument.role)


def _victims(annotations: Annotations) -> Iterator[ElementSpan]:
    for c in annotations.casualties:
        count = "" if c.count is None else f" {count_text(c)}"
        yield ElementSpan(c.doc_id, c.casualty_id, c.victim, f"{c.status}{count}")


def _slot_spans(annotations: Annotations) -> Iterator[ElementSpan]:
    for c in annotations.casualties:
        for name in ("count_span", "location", "time"):
            span = getattr(c, name)
            if span is not None:
                yield ElementSpan(c.doc_id, f"{c.casualty_id}/{name}", span, name)


def _attribution_part(part: str) -> Callable[[Annotations], Iterator[ElementSpan]]:
    def spans(annotations: Annotations) -> Iterator[ElementSpan]:
        for a in annotations.attributions:
            span = getattr(a, part)
            if span is not None:
                label = f"{part} ({a.attribution_type})" if part == "cue" else part
                yield ElementSpan(a.doc_id, a.attribution_id, span, label, a.attribution_id)

    return spans


def _hedge_cues(annotations: Annotations) -> Iterator[ElementSpan]:
    for h in annotations.hedges:
        yield ElementSpan(h.doc_id, h.hedge_id, h.cue, h.cue_type)


def _hedge_scopes(annotations: Annotations) -> Iterator[ElementSpan]:
    for h in annotations.hedges:
        yield ElementSpan(h.doc_id, h.hedge_id, h.scope, "scope")


ELEMENTS: dict[str, tuple[ElementSpec, ...]] = {
    "events": (
        ElementSpec("trigger", "trigger_classification", _triggers),
        ElementSpec("argument", "argument_classification", _arguments),
    ),
    "casualties": (
        ElementSpec("victim", "record", _victims),
        ElementSpec("slot", "slots", _slot_spans),
    ),
    "attributions": (
        ElementSpec("source", "source", _attribution_part("source")),
        ElementSpec("cue", "cue", _attribution_part("cue")),
        ElementSpec("content", "content", _attribution_part("content")),
    ),
    "hedges": (
        ElementSpec("cue", "cue_typed", _hedge_cues),
        ElementSpec("scope", "scope", _hedge_scopes),
    ),
}
"""Layer -> its highlighted elements, in drawing order (outer elements first on ties)."""
