"""Row-level integrity checks of the dataset folder: one function per check.

Each check takes the data folder and a split and returns a list of :class:`Problem`
(empty when the check passes). File-level checks (source text, loading, card,
manifest, tokens view) and :func:`benchmark.dataset.integrity.run_all_checks` live in
:mod:`benchmark.dataset.integrity`.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from benchmark.dataset import loading, text
from benchmark.dataset.configs import CONFIG_TYPES, CONFIGS, ID_FIELDS, data_file
from benchmark.dataset.gold import read_jsonl
from benchmark.dataset.layers import (
    ARGUMENTS,
    LAYERS,
    SPAN,
    UNCERTAINTY_LAYER,
    uncertain_sentences,
)
from benchmark.dataset.splits import MAIN_SPLIT
from benchmark.errors import DataError

_FIELDS = {
    config: {f.name for f in dataclasses.fields(cls)} for config, cls in CONFIG_TYPES.items()
}


class _SentenceOf(NamedTuple):
    """The sentence key of a raw hedge row, for :func:`uncertain_sentences`."""

    doc_id: object
    """``doc_id`` of the row."""
    sentence_id: object
    """``sentence_id`` of the row."""


@dataclass(frozen=True)
class Problem:
    """One integrity problem."""

    check: str
    """Name of the check that found it (a key of :data:`CHECKS`)."""
    file: str
    """File that holds the problem."""
    line: int | None
    """1-based line in ``file``, when there is one."""
    field: str | None
    """Field path (``arguments[0].start``), when there is one."""
    message: str
    """What is wrong, one line."""

    def __str__(self) -> str:
        """Return ``file:line: field: message`` (parts that are known)."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


def _file(data_dir: Path, config: str, split: str = MAIN_SPLIT) -> Path:
    return Path(data_dir) / data_file(config, split=split)


def _rows(data_dir: Path, config: str, split: str = MAIN_SPLIT) -> list[tuple[int, dict]]:
    """Return ``(line, row)`` of the readable object rows of a config (others are skipped)."""
    path = _file(data_dir, config, split)
    found = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    for number, line in enumerate(lines, start=1):
        try:
            row = json.loads(line)
        except ValueError:
            continue  # reported by check_rows
        if isinstance(row, dict):
            found.append((number, row))
    return found


def _int(value: object) -> int | None:
    return value if type(value) is int else None


def _span(value: object) -> tuple[int, int, str] | None:
    """Return ``(start, end, text)`` of a well-shaped span value, else None."""
    if not isinstance(value, dict):
        return None
    start, end, content = _int(value.get("start")), _int(value.get("end")), value.get("text")
    if start is None or end is None:
        return None
    return start, end, content if isinstance(content, str) else None


def _texts(data_dir: Path, split: str = MAIN_SPLIT) -> dict[str, str]:
    """Return doc_id -> text of the documents config."""
    return {
        row["doc_id"]: row["text"]
        for _, row in _rows(data_dir, "documents", split)
        if isinstance(row.get("doc_id"), str) and isinstance(row.get("text"), str)
    }


def _sentences(data_dir: Path, split: str = MAIN_SPLIT) -> dict[str, list[dict]]:
    """Return doc_id -> list of well-shaped sentence dicts."""
    found = {}
    for _, row in _rows(data_dir, "documents", split):
        items = row.get("sentences")
        if isinstance(row.get("doc_id"), str) and isinstance(items, list):
            found[row["doc_id"]] = [item for item in items if isinstance(item, dict)]
    return found


def check_rows(data_dir: Path, split: str = MAIN_SPLIT) -> list[Problem]:
    """Check that every configured file is UTF-8 JSONL and every row has exactly its fields.

    Types and nullability follow :data:`benchmark.dataset.features.FEATURES`; labels are
    left to :func:`check_labels`.
    """
    problems = []
    for config in CONFIGS:
        path = _file(data_dir, config, split)
        try:
            parsed = read_jsonl(path)
        except DataError as error:
            problems.append(Problem("rows", str(path), error.line, None, error.message))
            continue
        for line, row in parsed:
            for field, message in loading.row_problems(config, row, labels=False):
                problems.append(Problem("rows", str(path), line, field, message))
    return problems


def check_labels(data_dir: Path, split: str = MAIN_SPLIT) -> list[Problem]:
    """Check that every label value (tag lists too) is a name of its inventory."""
    problems = []
    for config in CONFIGS:
        path = _file(data_dir, config, split)
        for line, row in _rows(data_dir, config, split):
            for field, message in loading.row_problems(config, row, labels=True):
                problems.append(Problem("labels", str(path), line, field, message))
    return problems


def check_ranges(data_dir: Path, split: str = MAIN_SPLIT) -> list[Problem]:
    """Check every range rule of the layers (``count_high`` set iff the qualifier is range)."""
    problems = []
    for config, spec in LAYERS.items():
        path = _file(data_dir, config, split)
        for line, row in _rows(data_dir, config, split):
            for rule in spec.ranges:
                message = rule.problem(row)
                if message is not None:
                    problems.append(Problem("ranges", str(path), line, rule.high, message))
    return problems


def _span_problems(
    doc_text: str, bounds: tuple[set[int], set[int]], span: tuple, expected: str | None
) -> list[str]:
    """Return what is wrong with ``span`` given the token (starts, ends) of its document."""
    start, end, _ = span
    if not 0 <= start < end <= len(doc_text):
        return [f"bad offsets {start}..{end} (document has {len(doc_text)} characters)"]
    found = []
    if expected is not None and doc_text[start:end] != expected:
        found.append(
            f"text {expected!r} != document text {doc_text[start:end]!r} at {start}..{end}"
        )
    if start not in bounds[0] or end not in bounds[1]:
        found.append(f"{start}..{end} ({doc_text[start:end]!r}) is not token-aligned")
    return found


def _spans_of(config: str, row: dict) -> Iterator[tuple[str, tuple, str | None]]:
    """Yield ``(field, (start, end, text), expected text)`` for every span of a row."""
    if config == "documents":
        for name in ("paragraphs", "sentences"):
            for index, item in enumerate(row.get(name) or []):
                if (span := _span(item)) is not None:
                    yield f"{name}[{index}]", span, None
    elif config == "tokens":
        tokens, starts, ends = row.get("tokens"), row.get("token_starts"), row.get("token_ends")
        if isinstance(tokens, list) and isinstance(starts, list) and isinstance(ends, list):
            for index, (token, start, end) in enumerate(zip(tokens, starts, ends, strict=False)):
                if _int(start) is not None and _int(end) is not None and isinstance(token, str):
                    yield f"tokens[{index}]", (start, end, token), token
    else:
        for field in LAYERS[config].of_kind(SPAN, ARGUMENTS):
            name = field.name
            if field.kind == ARGUMENTS:
                for index, item in enumerate(row.get(name) or []):
                    if (span := _span(item)) is not None:
                        yield f"{name}[{index}]", span, span[2]
            elif (span := _span(row.get(name))) is not None:
                yield name, span, span[2]


def check_spans(data_dir: Path, split: str = MAIN_SPLIT) -> list[Problem]:
    """Check that every span reproduces its text, is in range with start < end, token-aligned."""
    texts = _texts(data_dir, split)
    bounds = {
        doc_id: (
            {start for start, _ in text.tokenize(doc_text)},
            {end for _, end in text.tokenize(doc_text)},
        )
        for doc_id, doc_text in texts.items()
    }
    problems = []
    for config in CONFIGS:
        path = _file(data_dir, config, split)
        for line, row in _rows(data_dir, config, split):
            doc_text = texts.get(row.get("doc_id"))
            if doc_text is None:
                continue  # reported by check_references
            for field, span, expected in _spans_of(config, row):
                for message in _span_problems(doc_text, bounds[row["doc_id"]], span, expected):
                    problems.append(Problem("spans", str(path), line, field, message))
    return problems


def check_ids(data_dir: Path, split: str = MAIN_SPLIT) -> list[Problem]:
    """Check that ids are unique per document and sentence ids are 0, 1, 2... in order."""
    problems = []
    for config in CONFIGS:
        path = _file(data_dir, config, split)
        seen: dict[tuple, int] = {}
        id_fields = ID_FIELDS[config]
        for line, row in _rows(data_dir, config, split):
            key = (row.get("doc_id"), *(row.get(name) for name in id_fields))
            if key in seen:
                message = (
                    f"duplicate id {key[-1]} in document {key[0]!r} (first on line {seen[key]})"
                )
                problems.append(Problem("ids", str(path), line, id_fields[-1], message))
            else:
                seen[key] = line
            if config == "documents":
                for index, item in enumerate(row.get("sentences") or []):
                    if isinstance(item, dict) and item.get("sentence_id") != index:
                        message = f"sentence_id {item.get('sentence_id')!r} at position {index}"
                        field = f"sentences[{index}].sentence_id"
                        problems.append(Problem("ids", str(path), line, field, message))
    return problems


def check_references(data_dir: Path, split: str = MAIN_SPLIT) -> list[Problem]:
    """Check that every doc_id, sentence_id, event_id, attribution_id and parent_id resolves."""
    sentence_ids = {
        doc_id: {item.get("sentence_id") for item in items}
        for doc_id, items in _sentences(data_dir, split).items()
    }
    targets = {target for spec in LAYERS.values() for _, target in spec.references}
    ids: dict[str, set] = {
        config: {
            (row.get("doc_id"), row.get(ID_FIELDS[config][0]))
            for _, row in _rows(data_dir, config, split)
        }
        for config in targets
    }
    problems = []
    for config in CONFIGS:
        path = _file(data_dir, config, split)
        for line, row in _rows(data_dir, config, split):
            doc_id = row.get("doc_id")
            if config != "documents" and doc_id not in sentence_ids:
                problems.append(
                    Problem("references", str(path), line, "doc_id", f"unknown document {doc_id!r}")
                )
                continue
            if (
                "sentence_id" in _FIELDS[config]
                and row.get("sentence_id") not in sentence_ids[doc_id]
            ):
                message = f"unknown sentence {row.get('sentence_id')!r} of document {doc_id!r}"
                problems.append(Problem("references", str(path), line, "sentence_id", message))
            references = LAYERS[config].references if config in LAYERS else ()
            for field, target in references:
                value = row.get(field)
                if value is not None and (doc_id, value) not in ids[target]:
                    message = f"{value!r} names no row of {target} in document {doc_id!r}"
                    problems.append(Problem("references", str(path), line, field, message))
    return problems


def check_parent_cycles(data_dir: Path, split: str = MAIN_SPLIT) -> list[Problem]:
    """Check that no item is its own ancestor through a reference within its layer."""
    problems = []
    for config, spec in LAYERS.items():
        own = spec.id_field
        for field in (name for name, target in spec.references if target == config):
            path = _file(data_dir, config, split)
            parsed = _rows(data_dir, config, split)
            parent = {(row.get("doc_id"), row.get(own)): row.get(field) for _, row in parsed}
            for line, row in parsed:
                doc_id, start = row.get("doc_id"), row.get(own)
                chain, current = [start], parent.get((doc_id, start))
                while current is not None and current not in chain:
                    chain.append(current)
                    current = parent.get((doc_id, current))
                if current is not None:
                    message = f"parent chain loops: {' -> '.join(map(str, [*chain, current]))}"
                    problems.append(Problem("parent_cycles", str(path), line, field, message))
    return problems


def check_uncertain(data_dir: Path, split: str = MAIN_SPLIT) -> list[Problem]:
    """Check that a sentence is ``uncertain`` iff it holds a hedge, in documents and tokens."""
    hedged = uncertain_sentences(
        _SentenceOf(row.get("doc_id"), row.get("sentence_id"))
        for _, row in _rows(data_dir, UNCERTAINTY_LAYER, split)
    )
    flags = {}
    problems = []
    path = _file(data_dir, "documents", split)
    for line, row in _rows(data_dir, "documents", split):
        for index, item in enumerate(row.get("sentences") or []):
            if not isinstance(item, dict) or type(item.get("uncertain")) is not bool:
                continue
            key = (row.get("doc_id"), item.get("sentence_id"))
            flags[key] = item["uncertain"]
            if item["uncertain"] != (key in hedged):
                holds = "a hedge" if key in hedged else "no hedge"
                message = f"uncertain is {item['uncertain']}, but the sentence holds {holds}"
                problems.append(
                    Problem("uncertain", str(path), line, f"sentences[{index}].uncertain", message)
                )
    path = _file(data_dir, "tokens", split)
    for line, row in _rows(data_dir, "tokens", split):
        key = (row.get("doc_id"), row.get("sentence_id"))
        if key in flags and type(row.get("uncertain")) is bool and row["uncertain"] != flags[key]:
            message = f"uncertain is {row['uncertain']}, the documents config says {flags[key]}"
            problems.append(Problem("uncertain", str(path), line, "uncertain", message))
    return problems


def check_sentence_anchors(data_dir: Path, split: str = MAIN_SPLIT) -> list[Problem]:
    """Check that an item's ``sentence_id`` holds the start of its head (trigger, cue...)."""
    sentences = _sentences(data_dir, split)
    problems = []
    for config, field in ((name, s.head) for name, s in LAYERS.items() if s.has_sentence):
        path = _file(data_dir, config, split)
        for line, row in _rows(data_dir, config, split):
            span = _span(row.get(field))
            items = sentences.get(row.get("doc_id"))
            if span is None or items is None:
                continue
            holders = [
                item.get("sentence_id")
                for item in items
                if _int(item.get("start")) is not None
                and _int(item.get("end")) is not None
                and item["start"] <= span[0] < item["end"]
            ]
            holder = holders[0] if holders else None
            if holder != row.get("sentence_id"):
                message = (
                    f"sentence_id is {row.get('sentence_id')!r}, "
                    f"but {field} starts in sentence {holder!r}"
                )
                problems.append(
                    Problem("sentence_anchors", str(path), line, "sentence_id", message)
                )
    return problems


def _short(value: object) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 80 else shown[:77] + "..."
