"""Check one line's items against the field tables and build schema objects.

Driven by ``benchmark.submission.format``: every item is checked field by field
(unknown fields, missing fields, types, labels, sentence ids, span shape and
offsets; ``null`` for a list means an empty list) and by its layer's range rules
(``count_high``), then its spans are placed (``benchmark.submission.placing``:
offsets as given, text-only spans by ``benchmark.submission.alignment``, the head
span first) and the schema object is built. The checks across the items of a line
(ids, references, cycles) are in ``benchmark.submission.reader``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from benchmark.dataset.layers import LAYERS
from benchmark.dataset.schema import Argument, Document

from .alignment import DocumentIndex
from .format import (
    ARGUMENTS,
    COUNT,
    DOC_ID,
    FLAG,
    ID,
    LABEL,
    LAYER_FIELDS,
    REFERENCE,
    SENTENCE_ID,
    SPAN,
    SPAN_KEYS,
    FieldSpec,
)
from .messages import ProblemLog, describe
from .placing import SpanPlacer, SpanSpec, must_stay

INVALID = object()
"""Marker of a value that failed its check (an error was recorded)."""


class DocumentContext:
    """A gold document with what reading its line needs: its alignment index."""

    def __init__(self, document: Document) -> None:
        """Index ``document`` once."""
        self.document = document
        """The gold document."""
        bounds = tuple((s.start, s.end) for s in document.sentences)
        self.index = DocumentIndex(document.text, bounds)
        """Alignment index of the text (occurrences, token boundaries)."""


@dataclass
class LineReader:
    """Reads the items of one line (one document) and records problems in ``log``."""

    log: ProblemLog
    """Where errors, warnings and unaligned spans go."""
    number: int
    """1-based line number."""
    context: DocumentContext
    """The line's gold document."""
    placer: SpanPlacer = field(init=False)
    """Places the line's spans (remembers the places taken per field)."""

    def __post_init__(self) -> None:
        """Start the line's span placer."""
        document = self.context.document
        self.placer = SpanPlacer(self.log, self.number, self.context.index, document.doc_id)

    def error(self, path: str, message: str) -> object:
        """Record an error and return ``INVALID``."""
        self.log.error(self.number, path, message)
        return INVALID

    # --- single values ----------------------------------------------------------------

    def integer(self, value: object, path: str, *, minimum: int, maximum: int | None) -> object:
        """Check an integer (not a boolean) within bounds."""
        if not isinstance(value, int) or isinstance(value, bool):
            return self.error(path, f"expected an integer, got {describe(value)}")
        if value < minimum:
            return self.error(path, f"expected an integer >= {minimum}, got {value}")
        if maximum is not None and value > maximum:
            return self.error(path, f"expected an integer <= {maximum}, got {value}")
        return value

    def string(self, value: object, path: str) -> object:
        """Check a non-empty string."""
        if not isinstance(value, str) or not value:
            return self.error(path, f"expected a non-empty string, got {describe(value)}")
        return value

    def value(self, spec: FieldSpec, value: object, path: str) -> object:
        """Check one field value by its kind; return it (spans as ``SpanSpec``)."""
        if value is None:
            if spec.kind == ARGUMENTS:
                return []  # null for a list means an empty list
            if spec.nullable:
                return None
            return self.error(path, "expected a value, got null")
        if spec.kind in (ID, REFERENCE):
            return self.string(value, path)
        if spec.kind == DOC_ID:
            expected = self.context.document.doc_id
            if value != expected:
                return self.error(
                    path,
                    f"expected {describe(expected)} (the line's doc_id), got {describe(value)}",
                )
            return value
        if spec.kind == SENTENCE_ID:
            last = len(self.context.document.sentences) - 1
            return self.integer(value, path, minimum=0, maximum=last)
        if spec.kind == COUNT:
            return self.integer(value, path, minimum=0, maximum=None)
        if spec.kind == FLAG:
            if not isinstance(value, bool):
                return self.error(path, f"expected true or false, got {describe(value)}")
            return value
        if spec.kind == LABEL:
            return self.label(value, path, spec.labels)
        if spec.kind == SPAN:
            return self.span(value, path, extra=())
        if spec.kind == ARGUMENTS:
            return self.arguments(value, path, spec.labels)
        raise ValueError(f"unknown field kind {spec.kind!r}")  # a bug in the tables

    def label(self, value: object, path: str, labels: tuple[str, ...]) -> object:
        """Check a label against its inventory."""
        if value not in labels or not isinstance(value, str):
            names = ", ".join(labels)
            return self.error(path, f"expected one of {names}; got {describe(value)}")
        return value

    def span(self, value: object, path: str, *, extra: tuple[str, ...]) -> object:
        """Check a span object's shape and, for offsets, its range and text."""
        if not isinstance(value, dict):
            return self.error(
                path, f"expected a span {{start, end}} or {{text}}, got {describe(value)}"
            )
        allowed = (*extra, *SPAN_KEYS)
        ok = self.known_keys(value, path, allowed)
        text = value.get("text")
        if "text" in value and self.string(text, f"{path}.text") is INVALID:
            ok = False
        if "start" not in value and "end" not in value:
            if "text" not in value:
                return self.error(path, "expected {start, end} or {text}: missing field 'text'")
            occurrence = value.get("occurrence")
            if occurrence is not None or "occurrence" in value:
                occurrence = self.integer(occurrence, f"{path}.occurrence", minimum=1, maximum=None)
                ok = ok and occurrence is not INVALID
            return SpanSpec(path, None, None, text, occurrence) if ok else INVALID
        for key in ("start", "end"):
            if key not in value:
                return self.error(
                    path, f"missing field '{key}' (a span gives start and end, or text alone)"
                )
        if "occurrence" in value:
            ok = False
            self.error(f"{path}.occurrence", "only allowed in a text-only span (no start/end)")
        size = len(self.context.document.text)
        start = self.integer(value["start"], f"{path}.start", minimum=0, maximum=size - 1)
        end = self.integer(value["end"], f"{path}.end", minimum=1, maximum=size)
        if start is INVALID or end is INVALID:
            return INVALID
        if start >= end:
            return self.error(path, f"start {start} must be less than end {end}")
        actual = self.context.document.text[start:end]
        if isinstance(text, str) and text and text != actual:
            return self.error(
                f"{path}.text",
                f"expected {describe(actual)} (the document text "
                f"at {start}..{end}), got {describe(text)}",
            )
        return SpanSpec(path, start, end, text, None) if ok else INVALID

    def arguments(self, value: object, path: str, roles: tuple[str, ...]) -> object:
        """Check a list of arguments; return ``[(role, SpanSpec), ...]``."""
        if not isinstance(value, list):
            return self.error(path, f"expected a list, got {describe(value)}")
        checked = []
        for position, raw in enumerate(value):
            where = f"{path}[{position}]"
            span = self.span(raw, where, extra=("role",))
            if not isinstance(raw, dict):
                checked.append(INVALID)
                continue
            role = raw.get("role")
            if "role" not in raw:
                role = self.error(where, "missing field 'role'")
            else:
                role = self.label(role, f"{where}.role", roles)
            checked.append(INVALID if INVALID in (role, span) else (role, span))
        return INVALID if INVALID in checked else checked

    def known_keys(self, value: dict, path: str, allowed: tuple[str, ...]) -> bool:
        """Record an error per key not in ``allowed``; return True when there is none."""
        ok = True
        for key in value:
            if key not in allowed:
                ok = False
                self.error(
                    f"{path}.{key}", f"unknown field (expected one of: {', '.join(allowed)})"
                )
        return ok

    def fields(self, layer: str, raw: object, path: str) -> dict | None:
        """Check an item against its layer's table; return its values or None."""
        if not isinstance(raw, dict):
            self.error(path, f"expected an object, got {describe(raw)}")
            return None
        table = LAYER_FIELDS[layer]
        ok = self.known_keys(raw, path, tuple(spec.name for spec in table))
        values: dict = {}
        for spec in table:
            if spec.name not in raw:
                if spec.required:
                    ok = False
                    self.error(path, f"missing field '{spec.name}'")
                values[spec.name] = [] if spec.kind == ARGUMENTS else None
                continue
            values[spec.name] = self.value(spec, raw[spec.name], f"{path}.{spec.name}")
            ok = ok and values[spec.name] is not INVALID
        return values if ok else None

    # --- items ------------------------------------------------------------------------

    def item(self, layer: str, raw: object, path: str) -> object | None:
        """Check and build one item of ``layer``; None when it has errors."""
        values = self.fields(layer, raw, path)
        if values is None:
            return None
        for rule in LAYERS[layer].ranges:
            problem = rule.problem(values)
            if problem is not None:
                self.error(f"{path}.{rule.high}", problem)
                return None
        placer = self.placer
        given_sentence = values.get("sentence_id")
        head = LAYERS[layer].head
        others = self.other_spans(layer, values)
        anchor = placer.place_head(
            values[head], layer=layer, others=others, sentence_id=given_sentence
        )
        if anchor is None:
            return None
        values[head] = anchor
        ok = True
        for spec in LAYER_FIELDS[layer]:
            value = values[spec.name]
            place = {
                "layer": layer,
                "field": spec.name,
                "anchor": anchor,
                "sentence_id": given_sentence,
                "must_stay": must_stay(layer, spec.name),
            }
            if spec.kind == SPAN and spec.name != head and value is not None:
                values[spec.name] = placer.resolve(value, **place)
                ok = ok and values[spec.name] is not None
            elif spec.kind == ARGUMENTS:
                spans = [(role, placer.resolve(span, **place)) for role, span in value]
                ok = ok and all(span is not None for _, span in spans)
                values[spec.name] = tuple(Argument(role, span) for role, span in spans)
        if not ok:
            return None
        values["doc_id"] = self.context.document.doc_id
        if "sentence_id" in values:
            values["sentence_id"] = placer.sentence_of(path, head, anchor, given_sentence)
        return LAYERS[layer].item_type(**values)

    def other_spans(self, layer: str, values: dict) -> list[tuple[str, SpanSpec | None]]:
        """Return ``(field, spec)`` of an item's spans other than its head, in field order."""
        specs = []
        for spec in LAYER_FIELDS[layer]:
            if spec.kind == SPAN and spec.name != LAYERS[layer].head:
                specs.append((spec.name, values[spec.name]))
            elif spec.kind == ARGUMENTS:
                specs.extend((spec.name, span) for _, span in values[spec.name])
        return specs
