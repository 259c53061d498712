"""Lenient reading: an item with errors becomes a listed false positive instead of an error.

With ``lenient=True`` (``--lenient`` of ``validate``, ``score`` and ``report``) an error
inside one item of a line (an unknown label, a sentence id that does not exist, a field of
the wrong type, a duplicate id, a reference to an id that does not exist...) does not reject
the file: the item is kept as a *placeholder* that matches nothing and is listed as a
:class:`RejectedItem` (in the validator's output, the score table and the results file).
Errors of the line or the file (malformed JSON, unknown or missing ``doc_id``, a missing
line, a task key on some lines only, unknown line keys, a task that is not a list) stay
fatal. Strict reading is the default.

A placeholder is the layer's schema object with every span unaligned (its submitted text, or
``""``), every label that is not in the inventory and every invalid value set to None, its
references removed and its sentence unknown (-1): in every subtask of its layer it yields
the items it would have yielded, each a false positive. A rejected entry of ``sentences``
that says ``"uncertain": true`` is one false positive of ``hedges/uncertain`` (at most one
per document: the unknown sentence -1 of that document).

Its id is the submitted id when that is a non-empty string used by no other item of the
layer on the line, else the JSON path of the item (``$.events[3]``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

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
)
from benchmark.dataset.schema import UNKNOWN_SENTENCE, Argument, Span, unaligned_span

from .messages import Problem, ProblemLog


@dataclass(frozen=True)
class RejectedItem:
    """An item kept as a false positive because it had errors (lenient reading)."""

    doc_id: str
    """Document of the line."""
    task: str
    """Task key of the item (``events``... or ``sentences``)."""
    item_id: str
    """Id of the placeholder (the submitted id, or the item's JSON path)."""
    line: int
    """1-based line of the file."""
    path: str
    """JSON path of the item."""
    errors: tuple[str, ...]
    """The errors found in the item (``PATH: message``)."""


def rejection(
    problems: Iterable[Problem], *, doc_id: str, task: str, item_id: str, line: int, path: str
) -> RejectedItem:
    """Return the record of a rejected item from the errors taken out of the log."""
    errors = tuple(f"{p.path}: {p.message}" for p in problems)
    return RejectedItem(doc_id, task, item_id, line, path, errors)


def keep_rejected(
    log: ProblemLog,
    number: int,
    layer: str,
    doc_id: str,
    raws: Sequence[object],
    objects: Sequence[object | None],
    rejected: list[RejectedItem],
) -> list:
    """Replace every item of ``layer`` on line ``number`` that had errors by its placeholder.

    ``raws`` are the submitted items of document ``doc_id``, ``objects`` what the reader built
    from them (None after an error); the errors of an item are taken out of ``log`` and its
    record appended to ``rejected``.
    """
    id_field = LAYERS[layer].id_field
    seen: set[str] = set()
    kept = []
    for position, (raw, item) in enumerate(zip(raws, objects, strict=True)):
        path = f"$.{layer}[{position}]"
        given = raw.get(id_field) if isinstance(raw, dict) else None
        problems = log.take(number, path)
        if problems or item is None:
            unique = isinstance(given, str) and given and given not in seen
            item_id = given if unique else path
            item = placeholder(layer, raw, doc_id=doc_id, item_id=item_id)
            rejected.append(
                rejection(
                    problems, doc_id=doc_id, task=layer, item_id=item_id, line=number, path=path
                )
            )
        if isinstance(given, str):
            seen.add(given)
        kept.append(item)
    return kept


def placeholder(layer: str, raw: object, *, doc_id: str, item_id: str) -> object:
    """Return the schema object standing for a rejected item of ``layer`` (no span aligned)."""
    spec = LAYERS[layer]
    source = raw if isinstance(raw, dict) else {}
    values: dict = {}
    for field in spec.fields:
        value = source.get(field.name)
        if field.kind == ID:
            values[field.name] = item_id
        elif field.kind == DOC_ID:
            values[field.name] = doc_id
        elif field.kind == SENTENCE_ID:
            values[field.name] = UNKNOWN_SENTENCE
        elif field.kind == SPAN:
            values[field.name] = _span(value, nullable=field.nullable)
        elif field.kind == LABEL:
            values[field.name] = value if isinstance(value, str) and value in field.labels else None
        elif field.kind == COUNT:
            valid = isinstance(value, int) and not isinstance(value, bool) and value >= 0
            values[field.name] = value if valid else None
        elif field.kind == ARGUMENTS:
            values[field.name] = tuple(
                Argument(
                    argument.get("role") if argument.get("role") in field.labels else None,
                    _span(argument, nullable=False),
                )
                for argument in (value if isinstance(value, list) else ())
                if isinstance(argument, dict)
            )
        elif field.kind == REFERENCE:
            values[field.name] = None
        else:  # pragma: no cover - a field kind the table does not know
            raise ValueError(f"unknown field kind {field.kind!r}")
    return spec.item_type(**values)


def _span(value: object, *, nullable: bool) -> Span | None:
    """Return an unaligned span holding the submitted text (None for an absent optional one)."""
    if value is None and nullable:
        return None
    text = value.get("text") if isinstance(value, dict) else None
    return unaligned_span(text if isinstance(text, str) else "")
