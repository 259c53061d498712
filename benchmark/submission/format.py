"""The submission format: field tables, its JSON Schema, and schema objects -> lines.

A submission is a JSONL file with one line per gold document::

    {"doc_id": ..., "events": [...], "casualties": [...], "attributions": [...],
     "hedges": [...], "sentences": [{"sentence_id": ..., "uncertain": ...}]}

Item fields carry the same names as the gold configs (and the schema objects).
The tables below are the single description of the format: the reader checks
lines against them, ``json_schema()`` renders them as JSON Schema (the file
``schema/submission.schema.json`` must equal its output), and
``submission_line_from_annotations`` writes schema objects back as a line.
Human documentation: ``docs/submission-format.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from benchmark import inventory
from benchmark.schema import ID_FIELD as ID_FIELD  # layer -> id field; re-exported
from benchmark.schema import Annotations, Attribution, Casualty, Event, Hedge, Span

from .alignment import UNALIGNED_START

# Field kinds: how a JSON value is checked and converted.
ID = "id"
"""The item's own identifier: a non-empty string, unique within its layer and line."""
DOC_ID = "doc_id"
"""Optional copy of the line's ``doc_id``; must equal it when given."""
SENTENCE_ID = "sentence_id"
"""An existing sentence index of the document."""
SPAN = "span"
"""``{start, end[, text]}`` or ``{text[, occurrence]}``."""
LABEL = "label"
"""A string from an inventory tuple."""
COUNT = "count"
"""A non-negative integer."""
REFERENCE = "reference"
"""The id of an item of another (or the same) layer of the same line."""
ARGUMENTS = "arguments"
"""A list of ``{role, start, end[, text]}`` / ``{role, text[, occurrence]}``."""
FLAG = "flag"
"""``true`` or ``false``."""


@dataclass(frozen=True)
class FieldSpec:
    """One field of a submission item."""

    name: str
    """JSON key, equal to the schema object's attribute name."""
    kind: str
    """One of the field kinds above (``ID``, ``SPAN``, ``LABEL``...)."""
    required: bool = True
    """False when the key may be left out (it then means null, or [] for arguments)."""
    nullable: bool = False
    """True when ``null`` is an allowed value."""
    labels: tuple[str, ...] = ()
    """Allowed values of a ``LABEL`` field."""
    target: str | None = None
    """Layer whose ids a ``REFERENCE`` field names."""


def _optional(name: str, kind: str, *, target: str | None = None) -> FieldSpec:
    """Return a field that may be null or left out (left out = null)."""
    return FieldSpec(name, kind, required=False, nullable=True, target=target)


_DOC = FieldSpec("doc_id", DOC_ID, required=False)
_SENTENCE = FieldSpec("sentence_id", SENTENCE_ID, required=False)

LAYER_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "events": (
        FieldSpec("event_id", ID),
        _DOC,
        _SENTENCE,
        FieldSpec("trigger", SPAN),
        FieldSpec("event_type", LABEL, labels=inventory.EVENT_TYPES),
        FieldSpec("arguments", ARGUMENTS, required=False),
        FieldSpec("polarity", LABEL, labels=inventory.POLARITIES),
        FieldSpec("certainty", LABEL, labels=inventory.CERTAINTIES),
        _optional("attribution_id", REFERENCE, target="attributions"),
    ),
    "casualties": (
        FieldSpec("casualty_id", ID),
        _DOC,
        _SENTENCE,
        FieldSpec("status", LABEL, labels=inventory.CASUALTY_STATUSES),
        _optional("count", COUNT),
        FieldSpec("count_qualifier", LABEL, labels=inventory.COUNT_QUALIFIERS),
        _optional("count_span", SPAN),
        _optional("qualifier_span", SPAN),
        _optional("trigger", SPAN),
        FieldSpec("victim", SPAN),
        FieldSpec("victim_group", LABEL, labels=inventory.VICTIM_GROUPS),
        _optional("location", SPAN),
        _optional("time", SPAN),
        FieldSpec("polarity", LABEL, labels=inventory.POLARITIES),
        FieldSpec("certainty", LABEL, labels=inventory.CERTAINTIES),
        _optional("event_id", REFERENCE, target="events"),
        _optional("attribution_id", REFERENCE, target="attributions"),
    ),
    "attributions": (
        FieldSpec("attribution_id", ID),
        _DOC,
        _optional("source", SPAN),
        _optional("source_antecedent", SPAN),
        FieldSpec("cue", SPAN),
        FieldSpec("content", SPAN),
        FieldSpec("attribution_type", LABEL, labels=inventory.ATTRIBUTION_TYPES),
        _optional("parent_id", REFERENCE, target="attributions"),
    ),
    "hedges": (
        FieldSpec("hedge_id", ID),
        _DOC,
        _SENTENCE,
        FieldSpec("cue", SPAN),
        FieldSpec("cue_type", LABEL, labels=inventory.HEDGE_CUE_TYPES),
        FieldSpec("scope", SPAN),
    ),
    "sentences": (
        FieldSpec("sentence_id", SENTENCE_ID),
        FieldSpec("uncertain", FLAG),
    ),
}
"""Layer (task key of a line) -> its item fields, in writing order."""

TASKS: tuple[str, ...] = tuple(LAYER_FIELDS)
"""Task keys of a line; a key left out means the task was not attempted."""

LINE_KEYS: tuple[str, ...] = ("doc_id", *TASKS)
"""Every key a line may hold."""


ANCHOR_FIELD: dict[str, str] = {
    "events": "trigger",
    "casualties": "victim",
    "attributions": "cue",
    "hedges": "cue",
}
"""Layer -> the span resolved first; it anchors the item's other text-only spans."""

LAYER_TYPES: dict[str, type] = {
    "events": Event,
    "casualties": Casualty,
    "attributions": Attribution,
    "hedges": Hedge,
}
"""Layer -> schema class built from an item (its fields are the table's names)."""

SPAN_KEYS: tuple[str, ...] = ("start", "end", "text", "occurrence")
"""Keys a span object may hold (``role`` too, in an argument)."""


# --- JSON Schema -------------------------------------------------------------------------


def _span_schemas(extra: dict[str, dict], required: list[str]) -> list[dict]:
    """Return the offset form and the text-only form of a span (plus ``extra`` keys)."""
    offsets = {
        "type": "object",
        "required": [*required, "start", "end"],
        "additionalProperties": False,
        "properties": {
            **extra,
            "start": {"type": "integer", "minimum": 0},
            "end": {"type": "integer", "minimum": 1},
            "text": {"type": "string", "minLength": 1},
        },
    }
    text_only = {
        "type": "object",
        "required": [*required, "text"],
        "additionalProperties": False,
        "properties": {
            **extra,
            "text": {"type": "string", "minLength": 1},
            "occurrence": {"type": "integer", "minimum": 1},
        },
    }
    return [offsets, text_only]


def _field_schema(spec: FieldSpec) -> dict:
    """Return the JSON Schema of one field's value."""
    if spec.kind == SPAN:
        value: dict = {"$ref": "#/$defs/span"}
    elif spec.kind == ARGUMENTS:
        value = {"type": "array", "items": {"$ref": "#/$defs/argument"}}
    elif spec.kind == LABEL:
        value = {"enum": list(spec.labels)}
    elif spec.kind in (SENTENCE_ID, COUNT):
        value = {"type": "integer", "minimum": 0}
    elif spec.kind == FLAG:
        value = {"type": "boolean"}
    else:
        value = {"type": "string", "minLength": 1}
    if spec.nullable:
        return {"anyOf": [value, {"type": "null"}]}
    return value


def _object_schema(fields: Iterable[FieldSpec]) -> dict:
    """Return the JSON Schema of an item with ``fields``."""
    fields = tuple(fields)
    return {
        "type": "object",
        "required": [spec.name for spec in fields if spec.required],
        "additionalProperties": False,
        "properties": {spec.name: _field_schema(spec) for spec in fields},
    }


_ITEM_NAME = {
    "events": "event",
    "casualties": "casualty",
    "attributions": "attribution",
    "hedges": "hedge",
    "sentences": "sentence",
}


def json_schema() -> dict:
    """Return the JSON Schema (draft 2020-12) of one submission line."""
    role = {"role": {"enum": list(inventory.ARGUMENT_ROLES)}}
    definitions = {
        "span": {"oneOf": _span_schemas({}, [])},
        "argument": {"oneOf": _span_schemas(role, ["role"])},
    }
    properties: dict = {"doc_id": {"type": "string", "minLength": 1}}
    for layer, fields in LAYER_FIELDS.items():
        definitions[_ITEM_NAME[layer]] = _object_schema(fields)
        properties[layer] = {"type": "array", "items": {"$ref": f"#/$defs/{_ITEM_NAME[layer]}"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "kharkiv-ie submission line",
        "description": (
            "One line of a submission JSONL file: the predictions for one gold document. "
            "A task key left out means not attempted; [] means predicted nothing. "
            "See docs/submission-format.md."
        ),
        "type": "object",
        "required": ["doc_id"],
        "additionalProperties": False,
        "properties": properties,
        "$defs": definitions,
    }


# --- schema objects -> a line -------------------------------------------------------------


def span_to_json(span: Span) -> dict:
    """Return a span as ``{start, end, text}``, or ``{text}`` when it is unaligned."""
    if span.start == UNALIGNED_START:
        return {"text": span.text}
    return {"start": span.start, "end": span.end, "text": span.text}


def _item_to_json(layer: str, item: object) -> dict:
    """Return one schema object as a submission item (every field but ``doc_id``)."""
    line: dict = {}
    for spec in LAYER_FIELDS[layer]:
        if spec.kind == DOC_ID:
            continue
        value = getattr(item, spec.name)
        if spec.kind == SPAN and value is not None:
            value = span_to_json(value)
        elif spec.kind == ARGUMENTS:
            value = [{"role": arg.role, **span_to_json(arg.span)} for arg in value]
        line[spec.name] = value
    return line


def submission_line_from_annotations(
    annotations: Annotations,
    doc_id: str,
    *,
    tasks: Iterable[str] = TASKS,
    sentence_labels: Mapping[int, bool] | None = None,
) -> dict:
    """Return the submission line of ``doc_id`` for the items in ``annotations``.

    Only the keys in ``tasks`` are written (the others mean "not attempted").
    The ``sentences`` labels come from ``sentence_labels`` (sentence id ->
    uncertain) when given; otherwise a sentence is uncertain when one of the
    ``hedges`` of ``annotations`` lies in it (the gold definition). They are
    never copied from ``annotations.documents``, which may be the gold documents
    of a prediction.
    """
    chosen = tuple(tasks)
    unknown = sorted(set(chosen) - set(TASKS))
    if unknown:
        raise ValueError(f"unknown task(s) {unknown}; expected some of {list(TASKS)}")
    line: dict = {"doc_id": doc_id}
    for layer in TASKS:
        if layer not in chosen:
            continue
        if layer == "sentences":
            line[layer] = _sentences_json(annotations, doc_id, sentence_labels)
            continue
        items = getattr(annotations, layer)
        line[layer] = [_item_to_json(layer, item) for item in items if item.doc_id == doc_id]
    return line


def _sentences_json(
    annotations: Annotations, doc_id: str, sentence_labels: Mapping[int, bool] | None
) -> list[dict]:
    """Return the ``sentences`` list of a line: one label per sentence of the document."""
    document = next((doc for doc in annotations.documents if doc.doc_id == doc_id), None)
    if document is None:
        raise ValueError(f"document {doc_id!r} is not among the annotations' documents")
    if sentence_labels is None:
        hedged = {hedge.sentence_id for hedge in annotations.hedges if hedge.doc_id == doc_id}
        sentence_labels = {s.sentence_id: s.sentence_id in hedged for s in document.sentences}
    return [
        {"sentence_id": s.sentence_id, "uncertain": bool(sentence_labels.get(s.sentence_id))}
        for s in document.sentences
    ]
