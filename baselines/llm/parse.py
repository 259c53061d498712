"""One answer of the model -> one submission line, or an EMPTY line when the answer is invalid.

An answer is valid when, in this order:

1. it is one JSON object (strict JSON: no duplicate key, no ``NaN``; white space around it is
   allowed, a Markdown fence or any prose is not);
2. after dropping the submission layer keys that were NOT asked for (the baseline keeps only
   the layers it asked for), it is valid against :func:`baselines.llm.answer_schema.
   answer_schema` of the layers asked (every asked key present, no other key, labels from the
   inventory, text-only spans);
3. it passes what a JSON Schema cannot say and the submission reader would refuse: ids unique
   within a layer, references naming an id of the answer, no ``parent_id`` cycle, every
   ``sentence_id`` a sentence of the document, a sentence listed once in ``sentences``, the
   layer's range rules (:attr:`benchmark.dataset.layers.LayerSpec.ranges`: a casualty's
   ``count_high`` above its ``count`` in a range).

A valid answer becomes ``{"doc_id": ..., <layer>: [...]}`` for the layers asked, items as the
model wrote them. An invalid one becomes the same line with every asked layer ``[]`` (an empty
prediction: its gold items count as missed), and :attr:`ParsedAnswer.problem` says why in one
line; the run counts and lists them. Nothing is repaired: no fence stripping, no bracket
balancing, no dropping of the one bad item, no guessing of a missing field.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jsonschema import Draft202012Validator

from baselines.llm.answer_schema import REFERENCES, answer_schema, layer_keys
from benchmark.dataset.layers import LAYERS
from benchmark.dataset.schema import Document

MESSAGE_LIMIT = 160
"""Characters of a schema message kept in a problem line (they can quote a whole item)."""

ID_FIELD: dict[str, str] = {name: spec.id_field for name, spec in LAYERS.items()}
"""Layer -> the field holding an item's own id (any other key, ``sentences``: ``sentence_id``)."""


@dataclass(frozen=True)
class ParsedAnswer:
    """The submission line made of one answer, and why it is empty when it is."""

    line: dict[str, Any]
    """``doc_id`` plus every asked layer key (``[]`` for each when the answer is invalid)."""
    problem: str | None
    """One line saying why the answer is invalid; None for a valid answer."""

    @property
    def valid(self) -> bool:
        """True when the answer became the line as written."""
        return self.problem is None


class _BadJson(ValueError):
    """A JSON feature the submission format does not allow."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise _BadJson(f"duplicate key {key!r}")
        obj[key] = value
    return obj


def _no_constant(name: str) -> Any:
    raise _BadJson(f"{name} is not JSON")


@lru_cache(maxsize=64)
def _validator(layers: tuple[str, ...]) -> Draft202012Validator:
    return Draft202012Validator(answer_schema(layers))


def empty_line(doc_id: str, layers: Sequence[str]) -> dict[str, Any]:
    """Return the empty prediction of ``doc_id``: every asked layer ``[]``."""
    return {"doc_id": doc_id, **{layer: [] for layer in layers}}


def parse_answer(content: str | None, *, document: Document, layers: Sequence[str]) -> ParsedAnswer:
    """Return the line of ``content`` for ``document``, or the empty line and the problem."""
    layers = tuple(layers)
    problem, answer = _check(content, document=document, layers=layers)
    if problem is not None:
        return ParsedAnswer(line=empty_line(document.doc_id, layers), problem=problem)
    return ParsedAnswer(
        line={"doc_id": document.doc_id, **{layer: answer[layer] for layer in layers}},
        problem=None,
    )


def _check(
    content: str | None, *, document: Document, layers: tuple[str, ...]
) -> tuple[str | None, dict[str, Any]]:
    if content is None or not content.strip():
        return "empty answer", {}
    try:
        obj = json.loads(content, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        return f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})", {}
    except _BadJson as error:
        return f"not valid JSON: {error}", {}
    if not isinstance(obj, dict):
        return f"not a JSON object: {type(obj).__name__}", {}
    known = layer_keys()
    answer = {key: value for key, value in obj.items() if key in layers or key not in known}
    errors = sorted(_validator(layers).iter_errors(answer), key=lambda e: _path(e.absolute_path))
    if errors:
        first = errors[0]
        message = " ".join(first.message.split())
        if len(message) > MESSAGE_LIMIT:
            message = message[: MESSAGE_LIMIT - 3] + "..."
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        return (
            f"not valid against the answer schema: {_path(first.absolute_path)}: {message}{more}",
            {},
        )
    problem = _integrity(answer, document=document, layers=layers)
    return problem, answer


def _path(parts: Sequence[Any]) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts)


def _integrity(
    answer: dict[str, Any], *, document: Document, layers: tuple[str, ...]
) -> str | None:
    """Return the first problem the reader would refuse and the schema cannot express."""
    sentence_ids = {s.sentence_id for s in document.sentences}
    ids: dict[str, set[str]] = {}
    for layer in layers:
        seen: set[Any] = set()
        key = ID_FIELD.get(layer, "sentence_id")
        for index, item in enumerate(answer[layer]):
            where = f"$.{layer}[{index}]"
            sentence = item.get("sentence_id")
            if sentence is not None and sentence not in sentence_ids:
                return (
                    f"{where}.sentence_id: {sentence} is not a sentence of the document "
                    f"(0-{len(sentence_ids) - 1})"
                )
            if item[key] in seen:
                return f"{where}.{key}: {item[key]!r} is given twice"
            seen.add(item[key])
            for rule in LAYERS[layer].ranges if layer in LAYERS else ():
                problem = rule.problem(item)
                if problem is not None:
                    return f"{where}.{rule.high}: {problem}"
        ids[layer] = seen
    for (owner, field), target in REFERENCES.items():
        if owner not in layers or target not in layers:
            continue
        for index, item in enumerate(answer[owner]):
            value = item.get(field)
            if value is not None and value not in ids[target]:
                return f"$.{owner}[{index}].{field}: no {target} item {value!r} in the answer"
    if "attributions" in layers:
        return _parent_cycle(answer["attributions"])
    return None


def _parent_cycle(attributions: list[dict[str, Any]]) -> str | None:
    parents = {item["attribution_id"]: item.get("parent_id") for item in attributions}
    for start in parents:
        seen = {start}
        current = parents[start]
        while current is not None:
            if current in seen:
                return f"$.attributions: parent_id cycle through {start!r}"
            seen.add(current)
            current = parents.get(current)
    return None
