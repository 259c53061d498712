"""The JSON Schema of an LLM answer, derived from ``schema/submission.schema.json``.

An answer is the part of a submission line a model can write: an object whose keys are the
layer keys asked for (each required, ``[]`` when nothing is found) and whose spans are
TEXT-ONLY (``{"text": ...}``, arguments ``{"role": ..., "text": ...}``), so the scorer's
alignment places them. It is the submission schema restricted, never a second description of
the format: item fields, labels and nullability come from the project's file, and the schema
test (``tests/test_submission_format.py``) keeps that file equal to the reader's tables. The
restrictions:

- no ``doc_id`` (the line's ``doc_id`` is added by the parser), no offsets, no ``occurrence``;
- ``sentence_id`` is required in events, casualties and hedges (it anchors the alignment);
- a reference to a layer that was not asked for (``attribution_id`` without ``attributions``,
  a casualty's ``event_id`` without ``events``) is not a property, so it cannot dangle;
- ``$ref`` s are inlined (the result has no ``$defs``): constrained-decoding backends of
  local servers differ in their support for references, and the schema is not recursive.

The same schema is sent as ``response_format`` (structured output) and used to validate
every answer (:mod:`baselines.llm.parse`), with or without structured output.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from benchmark.errors import DataError

SUBMISSION_SCHEMA = Path(__file__).resolve().parents[2] / "schema" / "submission.schema.json"
"""The project's JSON Schema of one submission line (the source of the answer schema)."""

ITEM_DEFINITIONS: dict[str, str] = {
    "events": "event",
    "casualties": "casualty",
    "attributions": "attribution",
    "hedges": "hedge",
    "sentences": "sentence",
}
"""Layer key -> name of its item in the submission schema's ``$defs``."""

REFERENCES: dict[tuple[str, str], str] = {
    ("events", "attribution_id"): "attributions",
    ("casualties", "event_id"): "events",
    ("casualties", "attribution_id"): "attributions",
    ("attributions", "parent_id"): "attributions",
}
"""(layer, field) -> the layer whose ids the field names."""

SENTENCE_ANCHORED: tuple[str, ...] = ("events", "casualties", "hedges")
"""Layers whose items must give ``sentence_id`` in an answer."""

RESPONSE_FORMAT_NAME = "kharkiv_ie_answer"
"""``json_schema.name`` of the ``response_format`` sent to the server."""


@lru_cache(maxsize=4)
def _submission_schema(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DataError(f"cannot read the submission schema: {error}", file=path) from None


def load_submission_schema(path: Path = SUBMISSION_SCHEMA) -> dict[str, Any]:
    """Return (a copy of) the project's submission JSON Schema."""
    return copy.deepcopy(_submission_schema(path))


def answer_schema(
    layers: Sequence[str], *, submission_schema: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Return the JSON Schema of an answer asking for ``layers`` (see the module docstring)."""
    source = submission_schema if submission_schema is not None else load_submission_schema()
    definitions = copy.deepcopy(source["$defs"])
    definitions["span"] = _text_only(definitions["span"])
    definitions["argument"] = _text_only(definitions["argument"])
    properties = {}
    for layer in layers:
        if layer not in ITEM_DEFINITIONS:
            raise DataError(f"unknown layer {layer!r}", field="layers")
        item = copy.deepcopy(definitions[ITEM_DEFINITIONS[layer]])
        item["properties"].pop("doc_id", None)
        for (owner, field), target in REFERENCES.items():
            if owner == layer and target not in layers:
                item["properties"].pop(field, None)
        if layer in SENTENCE_ANCHORED:
            item["required"] = [*item["required"], "sentence_id"]
        properties[layer] = {"type": "array", "items": item}
    schema = {
        "title": "kharkiv-ie LLM answer",
        "type": "object",
        "required": list(layers),
        "additionalProperties": False,
        "properties": properties,
    }
    return _inline(schema, definitions)


def response_format(layers: Sequence[str]) -> dict[str, Any]:
    """Return the OpenAI ``response_format`` (``json_schema``) of an answer asking ``layers``."""
    return {
        "type": "json_schema",
        "json_schema": {"name": RESPONSE_FORMAT_NAME, "schema": answer_schema(layers)},
    }


def _text_only(definition: dict[str, Any]) -> dict[str, Any]:
    """Return the text-only branch of a span/argument ``oneOf``, without ``occurrence``."""
    branch = next(b for b in definition["oneOf"] if "text" in b["required"])
    branch = copy.deepcopy(branch)
    branch["properties"].pop("occurrence", None)
    return branch


def _inline(node: Any, definitions: dict[str, Any]) -> Any:
    """Return ``node`` with every ``{"$ref": "#/$defs/NAME"}`` replaced by that definition."""
    if isinstance(node, dict):
        reference = node.get("$ref")
        if isinstance(reference, str) and reference.startswith("#/$defs/"):
            return _inline(definitions[reference.removeprefix("#/$defs/")], definitions)
        return {key: _inline(value, definitions) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline(value, definitions) for value in node]
    return node
