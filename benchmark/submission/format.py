"""The submission format: field tables, its JSON Schema, and schema objects -> lines.

A submission is a JSONL file with one line per gold document::

    {"doc_id": ..., "events": [...], "casualties": [...], "attributions": [...],
     "hedges": [...], "sentences": [{"sentence_id": ..., "uncertain": ...}]}

Item fields carry the same names as the gold configs (and the schema objects); the
tables below derive from the layer specs (:mod:`benchmark.dataset.layers`) and are the
single description of the format: the reader checks
lines against them, ``json_schema()`` renders them as JSON Schema (the file
``schema/submission.schema.json`` must equal its output), and
``submission_line_from_annotations`` writes schema objects back as a line.
Human documentation: ``docs/submission-format.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from benchmark.dataset import layers
from benchmark.dataset.layers import (
    ARGUMENTS,
    COUNT,
    DOC_ID,
    ID,
    LABEL,
    LAYERS,
    REFERENCE,
    SENTENCE_ID,
    SPAN,
    uncertain_sentences,
)
from benchmark.dataset.schema import Annotations, Span

__all__ = [
    "ARGUMENTS",
    "COUNT",
    "DOC_ID",
    "FLAG",
    "ID",
    "LABEL",
    "LAYER_FIELDS",
    "LINE_KEYS",
    "REFERENCE",
    "SENTENCES",
    "SENTENCE_ID",
    "SPAN",
    "SPAN_KEYS",
    "TASKS",
    "FieldSpec",
    "json_schema",
    "span_to_json",
    "submission_line_from_annotations",
]

FLAG = "flag"
"""Field kind of the sentence labels: ``true`` or ``false``."""

SENTENCES = "sentences"
"""Task key of the sentence-level ``uncertain`` labels (CoNLL-2010 Task 1)."""


@dataclass(frozen=True)
class FieldSpec:
    """One field of a submission item."""

    name: str
    """JSON key, equal to the schema object's attribute name."""
    kind: str
    """A field kind of :mod:`benchmark.dataset.layers` (``ID``, ``SPAN``...) or ``FLAG``."""
    required: bool = True
    """False when the key may be left out (it then means null, or [] for arguments)."""
    nullable: bool = False
    """True when ``null`` is an allowed value."""
    labels: tuple[str, ...] = ()
    """Allowed values of a ``LABEL`` field, or roles of an ``ARGUMENTS`` field."""
    target: str | None = None
    """Layer whose ids a ``REFERENCE`` field names."""


def _submitted(field: layers.FieldSpec) -> FieldSpec:
    """Return the submission form of a layer field: absent means null (or [], or derived)."""
    optional = field.nullable or field.kind in (DOC_ID, SENTENCE_ID, ARGUMENTS)
    return FieldSpec(
        field.name,
        field.kind,
        required=not optional,
        nullable=field.nullable,
        labels=field.labels,
        target=field.target,
    )


LAYER_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    **{name: tuple(_submitted(f) for f in spec.fields) for name, spec in LAYERS.items()},
    SENTENCES: (FieldSpec("sentence_id", SENTENCE_ID), FieldSpec("uncertain", FLAG)),
}
"""Task key of a line -> its item fields, in writing order (the layers' schema fields)."""

TASKS: tuple[str, ...] = tuple(LAYER_FIELDS)
"""Task keys of a line; a key left out means the task was not attempted."""

LINE_KEYS: tuple[str, ...] = ("doc_id", *TASKS)
"""Every key a line may hold."""

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


def _object_schema(fields: Iterable[FieldSpec], ranges: Iterable[layers.RangeRule] = ()) -> dict:
    """Return the JSON Schema of an item with ``fields`` and range rules ``ranges``."""
    fields = tuple(fields)
    schema = {
        "type": "object",
        "required": [spec.name for spec in fields if spec.required],
        "additionalProperties": False,
        "properties": {spec.name: _field_schema(spec) for spec in fields},
    }
    rules = [_range_schema(rule) for rule in ranges]
    if rules:
        schema["allOf"] = rules
    return schema


def _range_schema(rule: layers.RangeRule) -> dict:
    """Return the conditional schema of a range rule (JSON Schema cannot say "greater than")."""
    ranged = {"properties": {rule.label_field: {"const": rule.label}}}
    integers = {name: {"type": "integer"} for name in (rule.low, rule.high)}
    return {
        "if": ranged,
        "then": {"required": [rule.low, rule.high], "properties": integers},
        "else": {"properties": {rule.high: {"type": "null"}}},
    }


_ITEM_NAME = {**{name: spec.item_name for name, spec in LAYERS.items()}, SENTENCES: "sentence"}


def json_schema() -> dict:
    """Return the JSON Schema (draft 2020-12) of one submission line."""
    (roles,) = {f.labels for spec in LAYERS.values() for f in spec.of_kind(ARGUMENTS)}
    role = {"role": {"enum": list(roles)}}
    definitions = {
        "span": {"oneOf": _span_schemas({}, [])},
        "argument": {"oneOf": _span_schemas(role, ["role"])},
    }
    properties: dict = {"doc_id": {"type": "string", "minLength": 1}}
    for layer, fields in LAYER_FIELDS.items():
        ranges = LAYERS[layer].ranges if layer in LAYERS else ()
        definitions[_ITEM_NAME[layer]] = _object_schema(fields, ranges)
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
    if span.unaligned:
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
    uncertain) when given; otherwise from the ``hedges`` of ``annotations`` by the gold rule
    (:func:`benchmark.dataset.layers.uncertain_sentences`). They are
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
        if layer == SENTENCES:
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
        hedged = uncertain_sentences(annotations.hedges)
        sentence_labels = {
            s.sentence_id: (doc_id, s.sentence_id) in hedged for s in document.sentences
        }
    return [
        {"sentence_id": s.sentence_id, "uncertain": bool(sentence_labels.get(s.sentence_id))}
        for s in document.sentences
    ]
