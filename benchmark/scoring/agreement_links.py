"""Agreement on the links between items and on the nullable fields of the identified items.

Both are measured among the **identified pairs** of a layer: the items both passes annotated,
i.e. the pairs matched by the layer's identification subtask in exact mode (event trigger,
casualty victim, attribution cue, hedge cue), as for label kappa.

Links (:data:`LINK_ROWS`: every reference field of :mod:`benchmark.dataset.layers`: event ->
attribution, casualty -> event, casualty -> attribution, attribution -> parent). For an
identified pair (x1, x2) with link targets t1 and t2 (ids, or none):

- both none: the passes agree that there is no link; counted in ``both_none``, not compared;
- a target that is not itself identified (t1 has no counterpart in the second pass, or t2 none
  in the first): a span disagreement about the target, not about the link; counted in
  ``excluded``, not compared;
- otherwise the pair is **compared**, and it **agrees** when both targets are set and t1 is
  identified with t2 (the second pass links the counterpart of the first pass's target).

The statistic is agreeing / compared (``share``): of the links either pass made between items
both passes share, the share both made identically.

Fields (:attr:`~benchmark.scoring.items.TaskSpec.field_agreement`: ``source_antecedent``;
casualty ``count_span``, ``qualifier_span``, ``trigger``, ``location``, ``time``,
``count_high``). For every identified pair, each pass's non-null value is an item, which only
its own pair's counterpart can match: a span field by the match mode (exact: identical offsets;
overlap: shared characters), a value by equality. The statistic is pairwise F1 over the
non-null values: a pair where both values are null agrees without being counted (most
locations and times are null in both passes, which a share of agreeing pairs would count as
agreement); one null against one value is a miss. A field neither pass ever sets has no F1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from benchmark.dataset.layers import LAYERS, SPAN
from benchmark.dataset.schema import Annotations
from benchmark.scoring.agreement_counts import DocumentCounts, by_document, by_id, identified
from benchmark.scoring.agreement_statistics import F1, SHARE, point
from benchmark.scoring.counting import count
from benchmark.scoring.items import Item, offsets
from benchmark.scoring.matching import match
from benchmark.scoring.modes import MatchMode
from benchmark.scoring.scores import Scores
from benchmark.scoring.tasks import TASKS

LINK_ROWS: tuple[tuple[str, str, str], ...] = tuple(
    (layer, name, target) for layer, spec in LAYERS.items() for name, target in spec.references
)
"""(layer, reference field, target layer) of every link, in layer and field order."""

FIELD_ROWS: tuple[tuple[str, str], ...] = tuple(
    (task, name) for task, spec in TASKS.items() for name in spec.field_agreement
)
"""(task, field) of every field compared among the identified pairs, in table order."""


@dataclass(frozen=True)
class LinkAgreement:
    """Agreement on one link among the identified pairs of its layer."""

    layer: str
    """Layer of the items holding the link."""
    field: str
    """The reference field (``attribution_id``, ``event_id``, ``parent_id``)."""
    target: str
    """Layer whose items the link names."""
    pairs: int
    """Identified pairs of the layer."""
    both_none: int
    """Pairs with no link in either pass (not compared)."""
    excluded: int
    """Pairs with a link to a target the other pass did not annotate (not compared)."""
    compared: int
    """Pairs compared."""
    agreeing: int
    """Compared pairs whose two links name identified counterparts."""
    share: float | None
    """agreeing / compared; None when nothing is compared."""
    counts: DocumentCounts | None = field(default=None, compare=False)
    """(agreeing, compared) per document."""
    statistic: str = field(default=SHARE, init=False)
    """Name of the statistic the counts give."""


@dataclass(frozen=True)
class FieldAgreement:
    """Pairwise F1 of one nullable field over the identified pairs, in one match mode."""

    task: str
    """Task (layer) of the items."""
    field: str
    """The field."""
    mode: str
    """Match mode name."""
    pairs: int
    """Identified pairs of the layer."""
    first: int
    """Pairs whose first-pass value is set."""
    second: int
    """Pairs whose second-pass value is set."""
    matched: int
    """Pairs whose two values match."""
    f1: float | None
    """2 * matched / (first + second); None when neither pass ever sets the field."""
    counts: DocumentCounts | None = field(default=None, compare=False)
    """(tp, fp, fn) per document."""
    statistic: str = field(default=F1, init=False)
    """Name of the statistic the counts give."""


def link_agreements(
    first: Annotations, second: Annotations, report: Scores, doc_ids: Sequence[str]
) -> tuple[LinkAgreement, ...]:
    """Return one row per link of :data:`LINK_ROWS` (see the module docstring)."""
    where = {doc_id: index for index, doc_id in enumerate(doc_ids)}
    rows = []
    for layer, name, target in LINK_ROWS:
        pairs = identified(report, layer)
        counterpart = {(doc, g): p for doc, g, p in identified(report, target)}
        second_targets = {(doc, p) for doc, _, p in identified(report, target)}
        first_items, second_items = by_id(getattr(first, layer)), by_id(getattr(second, layer))
        sums = [[0, 0] for _ in doc_ids]
        both_none = excluded = 0
        for doc, gid, pid in pairs:
            t1 = getattr(first_items[(doc, gid)], name)
            t2 = getattr(second_items[(doc, pid)], name)
            if t1 is None and t2 is None:
                both_none += 1
                continue
            if (t1 is not None and (doc, t1) not in counterpart) or (
                t2 is not None and (doc, t2) not in second_targets
            ):
                excluded += 1
                continue
            row = sums[where[doc]]
            row[1] += 1
            row[0] += int(t1 is not None and counterpart[(doc, t1)] == t2)
        counts = DocumentCounts(tuple(doc_ids), ("agreeing", "compared"), tuple(map(tuple, sums)))
        agreeing, compared = counts.totals()
        rows.append(
            LinkAgreement(
                layer=layer,
                field=name,
                target=target,
                pairs=len(pairs),
                both_none=both_none,
                excluded=excluded,
                compared=compared,
                agreeing=agreeing,
                share=point(SHARE, (agreeing, compared)),
                counts=counts,
            )
        )
    return tuple(rows)


def field_agreements(
    first: Annotations,
    second: Annotations,
    report: Scores,
    doc_ids: Sequence[str],
    *,
    modes: Sequence[MatchMode],
) -> tuple[FieldAgreement, ...]:
    """Return one row per field of :data:`FIELD_ROWS` and mode (see the module docstring)."""
    rows = []
    for task, name in FIELD_ROWS:
        pairs = identified(report, task)
        is_span = next(f.kind for f in LAYERS[task].fields if f.name == name) == SPAN
        sides = (by_id(getattr(first, task)), by_id(getattr(second, task)))
        items: tuple[list[Item], list[Item]] = ([], [])
        for doc, gid, pid in pairs:
            for found, of_side, own in zip(items, sides, (gid, pid), strict=True):
                value = getattr(of_side[(doc, own)], name)
                if value is None:
                    continue
                # The pair's ids in the key: a value can only match its own counterpart.
                spans, attrs = (
                    ((offsets(value),), (gid, pid)) if is_span else ((), (gid, pid, value))
                )
                found.append(Item(own, doc, 0, spans, attrs=attrs))
        for mode in modes:
            matched = match(items[0], items[1], mode=mode)
            result = count(
                items[0], items[1], matched, task=task, subtask=name, mode=mode, units=()
            )
            rows.append(
                FieldAgreement(
                    task=task,
                    field=name,
                    mode=mode.name,
                    pairs=len(pairs),
                    first=len(items[0]),
                    second=len(items[1]),
                    matched=result.tp,
                    f1=result.f1 if items[0] or items[1] else None,
                    counts=by_document(result.per_unit, doc_ids),
                )
            )
    return tuple(rows)
