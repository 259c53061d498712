"""Read and validate a submission JSONL file against the gold documents.

The file is read whole and every error is collected (up to
``messages.ERROR_CAP``) before ``SubmissionInvalid`` (a ``DataError``) is raised
with one line per error: ``FILE:LINE: $.events[3].trigger.end: expected an
integer <= 2879, got 3100``. Rules decided here (see ``docs/submission-format.md``):

- Blank lines are skipped; a UTF-8 byte order mark at the start is ignored.
- Every gold document needs exactly one line; unknown ``doc_id`` is an error.
- A task is attempted iff its key is on every line. A key present on some lines
  only is an error (``[]`` says "predicted nothing", leaving the key out on
  every line says "not attempted").
- A text-only span whose text does not occur is not an error: it becomes an
  unaligned span (start = end = -1) that matches nothing (a false positive),
  and is listed in ``Submission.unaligned``. Offsets with a text that
  disagrees with the document are an error.
- In the ``sentences`` task a sentence left out of the list is predicted
  certain (``uncertain: false``); a listed one must exist and be listed once.
- ``null`` for a task's list means an empty list (so does ``"arguments": null``).
- ``lenient=True``: an item with errors is kept as a listed false positive
  (:mod:`benchmark.submission.rejected`); errors of a line or of the file stay fatal.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from benchmark.dataset.layers import LAYERS
from benchmark.dataset.schema import UNKNOWN_SENTENCE, Annotations, Document
from benchmark.dataset.tables import LabelMap
from benchmark.errors import DataError

from .format import LAYER_FIELDS, LINE_KEYS, REFERENCE, SENTENCES, TASKS
from .items import DocumentContext, LineReader
from .label_map import map_line_labels
from .messages import ProblemLog, SubmissionWarning, describe
from .placing import Placement
from .rejected import RejectedItem, keep_rejected, rejection
from .unaligned import UnalignedSpan, unaligned_spans

ID_FIELD = {name: spec.id_field for name, spec in LAYERS.items()}
"""Layer -> the field holding an item's own id."""


@dataclass(frozen=True)
class Submission:
    """A validated submission, as schema objects aligned to the gold documents."""

    annotations: Annotations
    """Predicted items (doc_id filled in, sentence ids derived), on the gold documents."""
    attempted: frozenset[str]
    """Task keys present on every line (``events``, ..., ``sentences``)."""
    sentence_labels: dict[tuple[str, int], bool]
    """``(doc_id, sentence_id) -> uncertain`` for every gold sentence, when attempted."""
    unaligned: tuple[UnalignedSpan, ...]
    """Text-only spans that were not found (false positives), per layer in item order."""
    warnings: tuple[SubmissionWarning, ...]
    """Warnings, in file order."""
    rejected: tuple[RejectedItem, ...] = ()
    """Items kept as false positives because they had errors (lenient reading only)."""
    placements: tuple[Placement, ...] = ()
    """Where every text-only span was placed, in file order."""


class _BadJson(ValueError):
    """A JSON feature the format does not allow (duplicate keys, NaN, Infinity)."""


def _unique_keys(pairs: list[tuple[str, object]]) -> dict:
    """Build a JSON object, refusing a key given twice (json keeps the last silently)."""
    obj: dict = {}
    for key, value in pairs:
        if key in obj:
            raise _BadJson(f"duplicate key {describe(key)} in an object")
        obj[key] = value
    return obj


def _no_constant(name: str) -> object:
    """Refuse ``NaN``, ``Infinity`` and ``-Infinity`` (not JSON)."""
    raise _BadJson(f"{name} is not valid JSON")


def read_submission(
    path: str | Path,
    *,
    gold: Annotations,
    label_map: LabelMap | None = None,
    lenient: bool = False,
) -> Submission:
    """Read the submission at ``path`` and check it against ``gold``'s documents.

    ``label_map`` (for a submission written for schema 1.x: :func:`.label_map.label_map_1x`)
    maps the labels of every line before it is checked; ``lenient`` keeps items with errors
    as listed false positives (:mod:`.rejected`).
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read the submission: {exc.strerror}", file=path) from None
    return parse_submission(data, gold=gold, file=str(path), label_map=label_map, lenient=lenient)


def parse_submission(
    data: bytes,
    *,
    gold: Annotations,
    file: str,
    label_map: LabelMap | None = None,
    lenient: bool = False,
) -> Submission:
    """Check submission bytes (JSONL) against ``gold``; ``file`` names them in messages.

    ``label_map`` and ``lenient``: as for :func:`read_submission`.
    """
    log = ProblemLog(file)
    rejected: list[RejectedItem] = []
    documents = {document.doc_id: document for document in gold.documents}
    seen: dict[str, int] = {}  # doc_id -> line number
    keys_by_line: dict[int, frozenset[str]] = {}
    items: dict[str, dict[str, list]] = {layer: {} for layer in TASKS}
    for number, text in _lines(data, log):
        try:
            obj = json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
        except json.JSONDecodeError as exc:
            log.error(number, "", f"malformed JSON: {exc.msg} (column {exc.colno})")
            continue
        except _BadJson as exc:
            log.error(number, "", f"malformed JSON: {exc}")
            continue
        if not isinstance(obj, dict):
            log.error(number, "$", f"expected a JSON object, got {describe(obj)}")
            continue
        obj = {key: [] if key in TASKS and value is None else value for key, value in obj.items()}
        if label_map is not None:
            obj = map_line_labels(obj, label_map)
        keys_by_line[number] = frozenset(key for key in obj if key in TASKS)
        document = _line_document(log, number, obj, documents, seen)
        if document is not None:
            reader = LineReader(log, number, DocumentContext(document))
            _read_line(reader, obj, items, rejected=rejected if lenient else None)
    attempted = _attempted(log, keys_by_line)
    for doc_id in documents:
        if doc_id not in seen:
            log.error(None, "", f"missing line for gold document {describe(doc_id)}")
    log.raise_if_errors()
    return _submission(gold.documents, items, attempted, log, tuple(rejected))


def _lines(data: bytes, log: ProblemLog):
    """Yield ``(line number, text)`` of the non-blank UTF-8 lines; log the others."""
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            log.error(
                number,
                "",
                f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at byte "
                f"{exc.start + 1} of the line)",
            )
            continue
        if number == 1:
            text = text.removeprefix("\ufeff")
        if text.strip():
            yield number, text


def _line_document(
    log: ProblemLog, number: int, obj: dict, documents: dict[str, Document], seen: dict
) -> Document | None:
    """Check a line's keys and doc_id; return its gold document or None."""
    for key in obj:
        if key not in LINE_KEYS:
            log.error(
                number, f"$.{key}", f"unknown field (expected one of: {', '.join(LINE_KEYS)})"
            )
    for key in TASKS:
        if key in obj and not isinstance(obj[key], list):
            log.error(number, f"$.{key}", f"expected a list, got {describe(obj[key])}")
    if "doc_id" not in obj:
        log.error(number, "$", "missing field 'doc_id'")
        return None
    doc_id = obj["doc_id"]
    if not isinstance(doc_id, str):
        log.error(number, "$.doc_id", f"expected a string, got {describe(doc_id)}")
        return None
    if doc_id not in documents:
        known = ", ".join(documents) or "none"
        log.error(number, "$.doc_id", f"unknown document {describe(doc_id)} (gold: {known})")
        return None
    if doc_id in seen:
        log.error(
            number,
            "$.doc_id",
            f"duplicate document {describe(doc_id)} (first on line {seen[doc_id]})",
        )
        return None
    seen[doc_id] = number
    return documents[doc_id]


def _read_line(
    reader: LineReader,
    obj: dict,
    items: dict[str, dict[str, list]],
    *,
    rejected: list[RejectedItem] | None,
) -> None:
    """Build the items of one line into ``items[layer][doc_id]``.

    ``rejected`` (lenient reading): items with errors become placeholders listed there.
    """
    doc_id = reader.context.document.doc_id
    layers = {key: obj[key] for key in TASKS if isinstance(obj.get(key), list)}
    layers_present = {key: value for key, value in layers.items() if key != SENTENCES}
    for key in TASKS:
        if key in obj and key not in layers:
            layers_present[key] = []  # a wrong type was reported; references still see the key
    built: dict[str, list] = {
        layer: [
            reader.item(layer, raw, f"$.{layer}[{position}]")
            for position, raw in enumerate(layers.get(layer, ()))
        ]
        for layer in ID_FIELD
    }
    _check_identity(reader, layers_present)
    for layer, objects in built.items():
        if rejected is not None:
            raws = layers.get(layer, ())
            objects = keep_rejected(
                reader.log, reader.number, layer, doc_id, raws, objects, rejected
            )
        items[layer][doc_id] = [item for item in objects if item is not None]
    items[SENTENCES][doc_id] = _sentence_labels(
        reader, layers.get(SENTENCES, []), rejected=rejected
    )


def _check_identity(reader: LineReader, layers: dict[str, list]) -> None:
    """Check duplicate ids, references to ids and parent cycles of one line."""
    ids: dict[str, dict[str, int]] = {}
    for layer, id_field in ID_FIELD.items():
        ids[layer] = {}
        for position, raw in enumerate(layers.get(layer) or ()):
            if not isinstance(raw, dict) or not isinstance(raw.get(id_field), str):
                continue
            item_id = raw[id_field]
            if item_id in ids[layer]:
                first = ids[layer][item_id]
                reader.error(
                    f"$.{layer}[{position}].{id_field}",
                    f"duplicate id {describe(item_id)} (first at $.{layer}[{first}])",
                )
            else:
                ids[layer][item_id] = position
    for layer in ID_FIELD:
        for position, raw in enumerate(layers.get(layer) or ()):
            if isinstance(raw, dict):
                _check_references(reader, layer, position, raw, layers, ids)
    for layer, spec in LAYERS.items():
        for field, target in spec.references:
            if target == layer:
                _check_cycles(reader, layer, field, layers.get(layer) or [], ids[layer])


def _check_references(
    reader: LineReader, layer: str, position: int, raw: dict, layers: dict, ids: dict
) -> None:
    """Check that every reference field of one raw item names an existing id."""
    for spec in LAYER_FIELDS[layer]:
        target_id = raw.get(spec.name)
        if spec.kind != REFERENCE or not isinstance(target_id, str):
            continue
        path = f"$.{layer}[{position}].{spec.name}"
        if spec.target not in layers:
            reader.error(
                path, f"refers to {describe(target_id)} but the line has no '{spec.target}' key"
            )
        elif target_id not in ids[spec.target]:
            reader.error(
                path,
                f"unknown id {describe(target_id)}: no "
                f"{ID_FIELD[spec.target]} in this line's {spec.target}",
            )


def _check_cycles(
    reader: LineReader, layer: str, field: str, raw_items: list, positions: dict[str, int]
) -> None:
    """Report each cycle of ``field`` links within ``layer`` once, at its first member."""
    id_field = ID_FIELD[layer]
    parent = {}
    for raw in raw_items:
        if isinstance(raw, dict) and isinstance(raw.get(id_field), str):
            parent.setdefault(raw[id_field], raw.get(field))
    for item_id, position in positions.items():
        chain = [item_id]
        current = parent.get(item_id)
        while isinstance(current, str) and current in parent and current not in chain:
            chain.append(current)
            current = parent[current]
        if current != item_id:
            continue  # no cycle through this item
        if position == min(positions[member] for member in chain):
            loop = " -> ".join([*chain, item_id])
            reader.error(f"$.{layer}[{position}].{field}", f"parent cycle: {loop}")


def _sentence_labels(
    reader: LineReader, raw_items: list, *, rejected: list[RejectedItem] | None = None
) -> list[tuple[int, bool]]:
    """Check the ``sentences`` list; return ``(sentence_id, uncertain)`` pairs.

    Lenient (``rejected`` given): an entry with errors is listed there; when it says
    ``"uncertain": true`` it becomes the label of the unknown sentence -1 (a false positive).
    """
    labels: list[tuple[int, bool]] = []
    first_at: dict[int, int] = {}
    for position, raw in enumerate(raw_items):
        path = f"$.sentences[{position}]"
        values = reader.fields(SENTENCES, raw, path)
        sentence_id = None if values is None else values["sentence_id"]
        if sentence_id in first_at:
            reader.error(
                f"{path}.sentence_id",
                f"duplicate sentence {sentence_id} (first at $.sentences[{first_at[sentence_id]}])",
            )
            values = None
        if rejected is not None and (problems := reader.log.take(reader.number, path)):
            doc_id = reader.context.document.doc_id
            rejected.append(
                rejection(
                    problems, doc_id=doc_id, task=SENTENCES, item_id=path,
                    line=reader.number, path=path,
                )
            )  # fmt: skip
            if isinstance(raw, dict) and raw.get("uncertain") is True:
                labels.append((UNKNOWN_SENTENCE, True))
            continue
        if values is None:
            continue
        first_at[sentence_id] = position
        labels.append((sentence_id, values["uncertain"]))
    return labels


def _attempted(log: ProblemLog, keys_by_line: dict[int, frozenset[str]]) -> frozenset[str]:
    """Return the task keys on every line; log lines that lack a key others have."""
    present = frozenset().union(*keys_by_line.values())
    for task in (task for task in TASKS if task in present):
        first = min(number for number, keys in keys_by_line.items() if task in keys)
        for number, keys in keys_by_line.items():
            if task not in keys:
                log.error(
                    number,
                    "$",
                    f"missing key '{task}' (line {first} has it): a task "
                    "key must be on every line or on none; [] means 'predicted nothing'",
                )
    return present


def _submission(
    documents: tuple[Document, ...],
    items: dict,
    attempted: frozenset[str],
    log: ProblemLog,
    rejected: tuple[RejectedItem, ...],
) -> Submission:
    """Assemble the ``Submission`` (items in gold document order, then file order)."""
    layers = {
        layer: tuple(item for doc in documents for item in items[layer].get(doc.doc_id, ()))
        for layer in ID_FIELD
    }
    labels: dict[tuple[str, int], bool] = {}
    if SENTENCES in attempted:
        for doc in documents:
            given = dict(items[SENTENCES].get(doc.doc_id, ()))
            for sentence in doc.sentences:
                labels[(doc.doc_id, sentence.sentence_id)] = given.get(sentence.sentence_id, False)
            if given.get(UNKNOWN_SENTENCE):
                labels[(doc.doc_id, UNKNOWN_SENTENCE)] = True
    annotations = Annotations(documents=documents, **layers)
    tasks = tuple(t for t in ID_FIELD if t in attempted)
    return Submission(
        annotations=annotations,
        attempted=attempted,
        sentence_labels=labels,
        unaligned=unaligned_spans(annotations, tasks=tasks, rejected=rejected),
        warnings=tuple(log.warnings),
        rejected=rejected,
        placements=tuple(log.placements),
    )
