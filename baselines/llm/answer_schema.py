"""The JSON Schema of an LLM answer, derived from ``schema/submission.schema.json``.

An answer is the part of a submission line a model can write: an object whose keys are the
layer keys asked for (each required, ``[]`` when nothing is found) and whose spans are
TEXT-ONLY (``{"text": ...}``, arguments ``{"role": ..., "text": ...}``), so the scorer's
alignment places them. It is the submission schema restricted, never a second description of
the format: the layer keys, item fields, labels and nullability come from the project's file
(which ``tests/test_submission_format.py`` keeps equal to ``benchmark.submission.format.
json_schema()``), which layer a reference names and which items name their sentence from the
layer specs (:data:`benchmark.dataset.layers.LAYERS`). The restrictions:

- no ``doc_id`` (the line's ``doc_id`` is added by the parser), no offsets, no ``occurrence``;
- ``sentence_id`` is required in every layer whose items have one (it anchors the alignment);
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

from benchmark.dataset.layers import LAYERS
from benchmark.errors import DataError

SUBMISSION_SCHEMA = Path(__file__).resolve().parents[2] / "schema" / "submission.schema.json"
"""The project's JSON Schema of one submission line (the source of the answer schema)."""

LINE_ID_KEY = "doc_id"
"""The key of a submission line that is not a layer (it names the document)."""

REFERENCES: dict[tuple[str, str], str] = {
    (name, field): target for name, spec in LAYERS.items() for field, target in spec.references
}
"""(layer, field) -> the layer whose ids the field names (from the layer specs)."""

SENTENCE_ANCHORED: tuple[str, ...] = tuple(
    name for name, spec in LAYERS.items() if spec.has_sentence
)
"""Layers whose items must give ``sentence_id`` in an answer (optional in a submission)."""

RESPONSE_FORMAT_NAME = "kharkiv_ie_answer"
"""``json_schema.name`` of the ``response_format`` sent to the server."""


@lru_cache(maxsize=4)
def _submission_schema(path: Path = SUBMISSION_SCHEMA) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DataError(f"cannot read the submission schema: {error}", file=path) from None


def load_submission_schema(path: Path = SUBMISSION_SCHEMA) -> dict[str, Any]:
    """Return (a copy of) the project's submission JSON Schema."""
    return copy.deepcopy(_submission_schema(path))


def layer_keys(submission_schema: dict[str, Any] | None = None) -> tuple[str, ...]:
    """Return the layer keys of a submission line (every key but ``doc_id``), in file order."""
    source = submission_schema if submission_schema is not None else _submission_schema()
    return tuple(key for key in source["properties"] if key != LINE_ID_KEY)


def answer_schema(
    layers: Sequence[str], *, submission_schema: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Return the JSON Schema of an answer asking for ``layers`` (see the module docstring)."""
    source = submission_schema if submission_schema is not None else _submission_schema()
    definitions = copy.deepcopy(source["$defs"])
    definitions["span"] = _text_only(definitions["span"])
    definitions["argument"] = _text_only(definitions["argument"])
    properties = {}
    for layer in layers:
        if layer not in layer_keys(source):
            raise DataError(f"unknown layer {layer!r}", field="layers")
        item = copy.deepcopy(_inline(source["properties"][layer]["items"], definitions))
        item["properties"].pop("doc_id", None)
        for (owner, field), target in REFERENCES.items():
            if owner == layer and target not in layers:
                item["properties"].pop(field, None)
        if layer in SENTENCE_ANCHORED and "sentence_id" not in item["required"]:
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
