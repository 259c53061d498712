"""The chat messages of one document: a system prompt and a user message, from template files.

Templates live in ``baselines/llm/prompts/`` (``.txt`` and ``.yaml``, so that
:func:`baselines.code_version.code_version` hashes them like any other number-moving source):

- ``system.txt``: the task, the output rules, then ``$definitions`` and ``$examples``;
- ``layers/<layer>.txt``: the guidelines' definitions in short, one file per layer key. A line
  starting with ``[if LAYER]`` is kept (without the prefix) only when LAYER is asked for too:
  it explains a reference field (``attribution_id``, ``event_id``) that exists only then.
  ``$FIELD`` is the label list of the item's closed-label field FIELD (``$role``: the roles
  of an argument), taken from the answer schema, so the labels shown are the ones the answer
  is validated against; the fields line closing each layer lists the schema's fields;
- ``user.txt``: the document, its sentences numbered with the benchmark's 0-based sentence ids
  (:attr:`benchmark.dataset.schema.Document.sentences`), one per line;
- ``examples.yaml``: few-shot examples, INVENTED documents only (see the file's provenance).

Why ONE system prompt assembled from per-layer fragments, rather than one prompt per layer:
a run asks for its whole layer set in one request per document (the cost is one call per
document, whatever the number of layers), the layers refer to each other (an event's
``attribution_id`` names an attribution of the same answer), and each definition is written
once: the per-layer lm-evaluation-harness tasks build their prompt with the same function and
one layer. Templates use :class:`string.Template` (``$name``), so the JSON braces of the
examples need no escaping; a missing placeholder is an error, not an empty string.

The few-shot examples are shown inside the system prompt, not as extra chat turns, so every
request has exactly two messages (system, user) and lm-eval's ``--apply_chat_template`` with
``description`` reproduces them byte for byte.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import Any

import yaml

from baselines.document import document_from_text
from baselines.llm.answer_schema import REFERENCES, answer_schema
from benchmark.dataset.schema import Document
from benchmark.errors import DataError

PROMPTS_DIR = Path(__file__).resolve().parent / "prompts"
"""Folder of the template files."""

CONDITION = "[if "
"""Prefix of a fragment line kept only when another layer is asked for too."""


@lru_cache(maxsize=32)
def _template(name: str) -> str:
    path = PROMPTS_DIR / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataError(f"cannot read the prompt template: {error.strerror}", file=path) from None


def _fill(name: str, values: dict[str, str]) -> str:
    try:
        return Template(_template(name)).substitute(values)
    except (KeyError, ValueError) as error:
        raise DataError(f"bad placeholder {error}", file=PROMPTS_DIR / name) from None


def layer_keys_text(layers: Sequence[str]) -> str:
    """Return the layer keys as the prompt lists them (``"events", "hedges"``)."""
    return ", ".join(json.dumps(layer) for layer in layers)


def label_lists(item: dict[str, Any]) -> dict[str, str]:
    """Return field -> its labels joined by `` | ``, for every closed-label field of ``item``.

    ``item`` is the answer schema of one item; a label list is an ``enum``, also inside
    ``anyOf`` (a nullable field) or in the items of a list (``arguments``: keyed by the
    element's field, ``role``).
    """
    found: dict[str, str] = {}

    def visit(name: str | None, node: Any) -> None:
        if not isinstance(node, dict):
            return
        if name is not None and "enum" in node:
            found[name] = " | ".join(str(label) for label in node["enum"])
        for key, value in node.get("properties", {}).items():
            visit(key, value)
        for branch in node.get("anyOf", ()):
            visit(name, branch)
        visit(None, node.get("items"))

    visit(None, item)
    return found


def definitions(layers: Sequence[str]) -> str:
    """Return the definition fragments of ``layers``, each followed by its field list."""
    schema = answer_schema(layers)
    parts = []
    for layer in layers:
        item = schema["properties"][layer]["items"]
        lines = []
        for line in _fill(f"layers/{layer}.txt", label_lists(item)).splitlines():
            if line.startswith(CONDITION):
                condition, _, line = line.partition("]")
                if condition.removeprefix(CONDITION).strip() not in layers:
                    continue
            lines.append(line)
        required = [field for field in item["properties"] if field in item["required"]]
        optional = [field for field in item["properties"] if field not in item["required"]]
        fields = f"Fields of each item: required {', '.join(required)}"
        if optional:
            fields += f"; optional (may be null or left out) {', '.join(optional)}"
        parts.append("\n".join([*lines, fields + "."]))
    return "\n\n".join(parts)


def numbered_sentences(document: Document) -> str:
    """Return one ``[id] sentence`` line per sentence (line breaks inside shown as spaces)."""
    return "\n".join(
        f"[{s.sentence_id}] {' '.join(document.text[s.start : s.end].split())}"
        for s in document.sentences
    )


@lru_cache(maxsize=1)
def _raw_examples() -> tuple[dict[str, Any], ...]:
    path = PROMPTS_DIR / "examples.yaml"
    try:
        return tuple(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, TypeError) as error:
        raise DataError(f"cannot read the few-shot examples: {error}", file=path) from None


def example_answer(answer: dict[str, Any], layers: Sequence[str]) -> dict[str, Any]:
    """Return ``answer`` (every layer) restricted to ``layers``: what the model must write."""
    kept = {}
    for layer in layers:
        items = []
        for item in answer.get(layer, []):
            items.append(
                {
                    field: value
                    for field, value in item.items()
                    if REFERENCES.get((layer, field), layer) in layers
                }
            )
        kept[layer] = items
    return kept


def examples(layers: Sequence[str]) -> tuple[tuple[Document, dict[str, Any]], ...]:
    """Return the few-shot examples as (document, answer restricted to ``layers``)."""
    return tuple(
        (document_from_text(raw["doc_id"], raw["text"]), example_answer(raw["answer"], layers))
        for raw in _raw_examples()
    )


def examples_text(layers: Sequence[str]) -> str:
    """Return the examples block of the system prompt."""
    blocks = ["## Examples (invented documents)"]
    for document, answer in examples(layers):
        blocks.append(f"{user_prompt(document, layers)}\n{json.dumps(answer, ensure_ascii=False)}")
    return "\n\n".join(blocks)


def system_prompt(layers: Sequence[str]) -> str:
    """Return the system prompt asking for ``layers`` (same text for every document)."""
    return _fill(
        "system.txt",
        {
            "layer_keys": layer_keys_text(layers),
            "definitions": definitions(layers),
            "examples": examples_text(layers),
        },
    ).rstrip("\n")


def user_prompt(document: Document, layers: Sequence[str]) -> str:
    """Return the user message: ``document`` with its numbered sentences."""
    return _fill(
        "user.txt",
        {
            "doc_id": document.doc_id,
            "sentences": numbered_sentences(document),
            "layer_keys": layer_keys_text(layers),
        },
    ).rstrip("\n")


def messages(document: Document, layers: Sequence[str]) -> list[dict[str, str]]:
    """Return the chat messages of ``document``: ``[system, user]``."""
    return [
        {"role": "system", "content": system_prompt(layers)},
        {"role": "user", "content": user_prompt(document, layers)},
    ]
