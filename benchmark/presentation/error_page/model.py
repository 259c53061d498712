"""The page model: gold + prediction + scores -> what the error page shows, per layer.

For every layer, every highlighted element span (see
:mod:`benchmark.presentation.error_page.elements`) becomes a :class:`Mark` with a status read
from the scores of one match mode: ``tp`` (matched),
``fn`` (gold, missed), ``fp`` (predicted, spurious). A matched pair with identical offsets is
one mark carrying both ids; a matched pair whose offsets differ (overlap mode) is two ``tp``
marks, one per side. Unaligned predicted spans have no position and are not marked (they are
listed). A layer the submission did not attempt shows its gold spans with status ``gold``.

Attribution relations are numbered: gold relations 1..n in document order, a predicted relation
aligned to a gold one by the ``relation`` subtask takes its number, any other predicted relation
the next free number. A mark lists the numbers of the relations it belongs to.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from benchmark.dataset.layers import LAYERS
from benchmark.dataset.schema import Annotations, Attribution
from benchmark.presentation.error_page.describe import ItemIndex, describe, quote
from benchmark.presentation.error_page.elements import ELEMENTS, ElementSpan
from benchmark.scoring.modes import EXACT
from benchmark.scoring.scores import Scores, SubtaskResult
from benchmark.submission.unaligned import UnalignedSpan

STATUSES: tuple[str, ...] = ("tp", "fp", "fn", "gold")
"""Mark statuses; ``gold`` is a gold span of a layer that was not attempted."""


@dataclass(frozen=True)
class Mark:
    """One highlighted span."""

    doc_id: str
    """Document of the span."""
    start: int
    """First character."""
    end: int
    """One past the last character."""
    status: str
    """``tp``, ``fp``, ``fn`` or ``gold`` (layer not attempted)."""
    element: str
    """Element name (``trigger``, ``argument``, ``cue``...)."""
    label: str
    """Type label shown on hover and in print."""
    gold_id: str | None
    """Scorer item id on the gold side, when the mark shows a gold item."""
    pred_id: str | None
    """Scorer item id on the prediction side, when the mark shows a predicted item."""
    relations: tuple[int, ...] = ()
    """Numbers of the attribution relations the span belongs to."""


@dataclass(frozen=True)
class ErrorItem:
    """One missed (fn) or spurious (fp) item of one subtask."""

    status: str
    """``fn`` or ``fp``."""
    subtask: str
    """Scoring subtask."""
    doc_id: str
    """Document."""
    item_id: str
    """Gold id (fn) or predicted id (fp)."""
    description: str
    """One-line description."""
    sentence_id: int | None
    """Sentence of the item, None when unknown."""
    sentence: str
    """Sentence text (or why there is none)."""


@dataclass(frozen=True)
class RelationRow:
    """One attribution relation in a relation table (tree order)."""

    number: int
    """Relation number shared with the badges in the text."""
    doc_id: str
    """Document."""
    attribution_id: str
    """Id on its own side."""
    depth: int
    """Nesting depth (0 for a relation without parent)."""
    status: str
    """``relation`` subtask status: tp, fn (gold) or fp (prediction); ``gold`` if unscored."""
    source: str
    """Quoted source text (or ``—``)."""
    cue: str
    """Quoted cue text."""
    content: str
    """Quoted content text."""
    attribution_type: str
    """``direct``, ``indirect`` or ``mixed``."""
    parent: str
    """Parent as ``#n (id)``, or ``—``."""


@dataclass(frozen=True)
class LayerView:
    """Everything the page shows for one layer."""

    layer: str
    """Layer (task) name."""
    attempted: bool
    """False when the submission did not attempt the task (gold shown, no errors)."""
    marks: tuple[Mark, ...]
    """Highlighted spans of every document."""
    errors: tuple[ErrorItem, ...]
    """Every missed and spurious item of every subtask of the layer, in the chosen mode."""
    gold_relations: tuple[RelationRow, ...] = ()
    """Gold attribution relations (attributions layer only)."""
    pred_relations: tuple[RelationRow, ...] = ()
    """Predicted attribution relations (attributions layer only)."""


@dataclass(frozen=True)
class PageModel:
    """The whole page's content, before rendering."""

    gold: Annotations
    """Gold annotations (their documents are rendered)."""
    report: Scores
    """Scores of the submission (with intervals when computed)."""
    mode: str
    """Match mode whose statuses colour the spans."""
    layers: tuple[LayerView, ...]
    """One view per layer, in :data:`LAYERS` order."""
    unaligned: tuple[UnalignedSpan, ...]
    """Unaligned spans of the submission."""


def build_model(
    gold: Annotations, pred: Annotations, report: Scores, *, mode: str = EXACT.name
) -> PageModel:
    """Return the report model of ``pred`` scored against ``gold`` (statuses of ``mode``)."""
    numbers = _relation_numbers(gold, pred, _result(report, "attributions", "relation", mode))
    layers = tuple(_layer(layer, gold, pred, report, mode, numbers) for layer in LAYERS)
    return PageModel(gold, report, mode, layers, report.unaligned)


def _result(report: Scores, task: str, subtask: str, mode: str) -> SubtaskResult | None:
    try:
        return report.get(task, subtask, mode)
    except KeyError:
        return None


def _layer(
    layer: str,
    gold: Annotations,
    pred: Annotations,
    report: Scores,
    mode: str,
    numbers: tuple[dict, dict],
) -> LayerView:
    attempted = layer not in report.not_attempted
    marks: list[Mark] = []
    for spec in ELEMENTS[layer]:
        result = _result(report, layer, spec.subtask, mode) if attempted else None
        marks.extend(_element_marks(spec.name, spec.spans(gold), spec.spans(pred), result, numbers))
    errors = _errors(layer, gold, pred, report, mode) if attempted else ()
    rows: tuple[tuple[RelationRow, ...], tuple[RelationRow, ...]] = ((), ())
    if layer == "attributions":
        relation = _result(report, layer, "relation", mode) if attempted else None
        rows = _relation_rows(gold, pred if attempted else None, relation, numbers)
    return LayerView(layer, attempted, tuple(marks), tuple(errors), *rows)


def _element_marks(
    element: str,
    gold_spans,
    pred_spans,
    result: SubtaskResult | None,
    numbers: tuple[dict, dict],
) -> list[Mark]:
    """Return the marks of one element: matched pairs, missed gold, spurious predictions."""
    gold = {(s.doc_id, s.item_id): s for s in gold_spans}
    pred = {(s.doc_id, s.item_id): s for s in pred_spans}
    if result is None:
        return [_mark(s, "gold", element, numbers, gold=s) for s in gold.values()]
    gold_to_pred = {(d, g): (d, p) for d, g, p in result.matched}
    pred_to_gold = {p: g for g, p in gold_to_pred.items()}
    marks = []
    for key, span in gold.items():
        partner = pred.get(gold_to_pred.get(key))
        if partner is None:
            marks.append(_mark(span, "fn", element, numbers, gold=span))
        elif _same_place(span, partner):
            marks.append(_mark(span, "tp", element, numbers, gold=span, pred=partner))
        else:
            marks.append(_mark(span, "tp", element, numbers, gold=span))
    for key, span in pred.items():
        if span.span.unaligned:
            continue  # no position in the text; listed separately
        partner = gold.get(pred_to_gold.get(key))
        if partner is None:
            marks.append(_mark(span, "fp", element, numbers, pred=span))
        elif not _same_place(span, partner):
            marks.append(_mark(span, "tp", element, numbers, pred=span))
    return marks


def _mark(
    span: ElementSpan,
    status: str,
    element: str,
    numbers: tuple[dict, dict],
    *,
    gold: ElementSpan | None = None,
    pred: ElementSpan | None = None,
) -> Mark:
    """Return the mark of ``span`` showing the gold and/or predicted item given."""
    label = span.label
    if gold is not None and pred is not None and pred.label != gold.label:
        label = f"{gold.label} / predicted {pred.label}"
    relations = set()
    for side, side_numbers in ((gold, numbers[0]), (pred, numbers[1])):
        if side is not None and side.relation_id is not None:
            number = side_numbers.get((side.doc_id, side.relation_id))
            relations.update(() if number is None else (number,))
    return Mark(
        doc_id=span.doc_id,
        start=span.span.start,
        end=span.span.end,
        status=status,
        element=element,
        label=label,
        gold_id=gold.item_id if gold else None,
        pred_id=pred.item_id if pred else None,
        relations=tuple(sorted(relations)),
    )


def _same_place(a: ElementSpan, b: ElementSpan) -> bool:
    return (a.span.start, a.span.end) == (b.span.start, b.span.end)


def _errors(
    layer: str, gold: Annotations, pred: Annotations, report: Scores, mode: str
) -> list[ErrorItem]:
    """Return every missed and spurious item of every subtask of ``layer`` in ``mode``."""
    errors = []
    indexes = {"fn": ItemIndex(gold), "fp": ItemIndex(pred)}
    for result in report.results:
        if result.task != layer or result.mode != mode:
            continue
        for status, ids in (("fn", result.missed), ("fp", result.spurious)):
            for doc_id, item_id in ids:
                found = describe(layer, result.subtask, indexes[status], doc_id, item_id)
                errors.append(
                    ErrorItem(
                        status,
                        result.subtask,
                        doc_id,
                        item_id,
                        found.text,
                        found.sentence_id,
                        found.sentence,
                    )
                )
    return errors


def _relation_numbers(
    gold: Annotations, pred: Annotations, relation: SubtaskResult | None
) -> tuple[dict, dict]:
    """Return ((doc, gold id) -> number, (doc, pred id) -> number)."""
    gold_numbers = {(a.doc_id, a.attribution_id): n for n, a in enumerate(gold.attributions, 1)}
    aligned = {(d, p): (d, g) for d, g, p in relation.matched} if relation else {}
    pred_numbers = {}
    following = len(gold_numbers) + 1
    for a in pred.attributions:
        key = (a.doc_id, a.attribution_id)
        if key in aligned and aligned[key] in gold_numbers:
            pred_numbers[key] = gold_numbers[aligned[key]]
        else:
            pred_numbers[key] = following
            following += 1
    return gold_numbers, pred_numbers


def _relation_rows(
    gold: Annotations,
    pred: Annotations | None,
    relation: SubtaskResult | None,
    numbers: tuple[dict, dict],
) -> tuple[tuple[RelationRow, ...], tuple[RelationRow, ...]]:
    """Return the gold and predicted relation tables, each in tree (nesting) order."""
    matched_gold = {(d, g) for d, g, _ in relation.matched} if relation else set()
    matched_pred = {(d, p) for d, _, p in relation.matched} if relation else set()

    def gold_status(key):
        return "gold" if relation is None else ("tp" if key in matched_gold else "fn")

    def pred_status(key):
        return "tp" if key in matched_pred else "fp"

    gold_rows = _tree(gold.attributions, numbers[0], gold_status)
    pred_rows = () if pred is None else _tree(pred.attributions, numbers[1], pred_status)
    return gold_rows, pred_rows


def _tree(relations: tuple[Attribution, ...], numbers: Mapping, status) -> tuple:
    """Return the rows of ``relations``: roots in order, each followed by its children."""
    by_key = {(a.doc_id, a.attribution_id): a for a in relations}
    children: dict = {}
    roots = []
    for a in relations:
        parent = (a.doc_id, a.parent_id)
        if a.parent_id is not None and parent in by_key:
            children.setdefault(parent, []).append(a)
        else:
            roots.append(a)
    rows: list[RelationRow] = []
    stack = [(a, 0) for a in reversed(roots)]
    seen = set()
    while stack:
        a, depth = stack.pop()
        key = (a.doc_id, a.attribution_id)
        if key in seen:
            continue  # parent cycles are rejected by the reader; stay safe anyway
        seen.add(key)
        parent_key = (a.doc_id, a.parent_id)
        parent = "—"
        if a.parent_id is not None:
            parent = f"#{numbers.get(parent_key, '?')} ({a.parent_id})"
        rows.append(
            RelationRow(
                number=numbers[key],
                doc_id=a.doc_id,
                attribution_id=a.attribution_id,
                depth=depth,
                status=status(key),
                source=quote(a.source),
                cue=quote(a.cue),
                content=quote(a.content),
                attribution_type=a.attribution_type,
                parent=parent,
            )
        )
        stack.extend((child, depth + 1) for child in reversed(children.get(key, [])))
    return tuple(rows)
