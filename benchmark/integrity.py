"""Integrity checks of the HF dataset folder ``data/``: one function per check.

Each check takes the data folder and returns a list of :class:`Problem`
(empty when the check passes). Checks read the JSONL rows themselves and skip
values of the wrong shape, which the ``rows`` check reports, so that one
defect is reported by one check. :func:`run_all_checks` runs them all.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from benchmark import features as ft
from benchmark import loading, rows, text
from benchmark.errors import DataError
from benchmark.tokens_view import build_tokens_view

PINNED_SHA256: dict[str, str] = {
    "kharkiv-001": "44742250a7db6f65914eef2f61a5fd67186c04d151ab44b4c5acd439b9a3813b",
}
"""SHA-256 of every source text: the corpus never changes."""

REPO_ROOT = Path(__file__).resolve().parents[1]
SEED_FILES: dict[str, Path] = {
    "kharkiv-001": REPO_ROOT.parent / "shared" / "seed" / "kharkiv_article.txt",
}
"""Seed copy of each text, present on developer and CI machines only."""

MANIFEST = "MANIFEST.sha256"
CARD = "README.md"

# Span fields per config (null ones are skipped); a list of spans is marked with "[]".
SPAN_FIELDS: dict[str, tuple[str, ...]] = {
    "events": ("trigger", "arguments[]"),
    "casualties": ("count_span", "qualifier_span", "trigger", "victim", "location", "time"),
    "attributions": ("source", "source_antecedent", "cue", "content"),
    "hedges": ("cue", "scope"),
}
# Sentence that must hold the start of a field: config -> field.
ANCHOR_FIELDS: dict[str, str] = {"events": "trigger", "hedges": "cue", "casualties": "victim"}
# Reference fields: config -> (field, target config whose ids it names).
REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "events": (("attribution_id", "attributions"),),
    "casualties": (("event_id", "events"), ("attribution_id", "attributions")),
    "attributions": (("parent_id", "attributions"),),
}


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


def _file(data_dir: Path, config: str, split: str = ft.SPLIT) -> Path:
    return Path(data_dir) / ft.data_file(config, split=split)


def _rows(data_dir: Path, config: str, split: str = ft.SPLIT) -> list[tuple[int, dict]]:
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


def _texts(data_dir: Path, split: str = ft.SPLIT) -> dict[str, str]:
    """Return doc_id -> text of the documents config."""
    return {
        row["doc_id"]: row["text"]
        for _, row in _rows(data_dir, "documents", split)
        if isinstance(row.get("doc_id"), str) and isinstance(row.get("text"), str)
    }


def _sentences(data_dir: Path, split: str = ft.SPLIT) -> dict[str, list[dict]]:
    """Return doc_id -> list of well-shaped sentence dicts."""
    found = {}
    for _, row in _rows(data_dir, "documents", split):
        items = row.get("sentences")
        if isinstance(row.get("doc_id"), str) and isinstance(items, list):
            found[row["doc_id"]] = [item for item in items if isinstance(item, dict)]
    return found


def check_rows(data_dir: Path, split: str = ft.SPLIT) -> list[Problem]:
    """Check that every configured file is UTF-8 JSONL and every row has exactly its fields.

    Types and nullability follow :data:`benchmark.features.FEATURES`; labels are
    left to :func:`check_labels`.
    """
    problems = []
    for config in ft.CONFIGS:
        path = _file(data_dir, config, split)
        try:
            parsed = loading.read_jsonl(path)
        except DataError as error:
            problems.append(Problem("rows", str(path), error.line, None, error.message))
            continue
        for line, row in parsed:
            for field, message in loading.row_problems(config, row, labels=False):
                problems.append(Problem("rows", str(path), line, field, message))
    return problems


def check_labels(data_dir: Path, split: str = ft.SPLIT) -> list[Problem]:
    """Check that every label value (tag lists too) is a name of its inventory."""
    problems = []
    for config in ft.CONFIGS:
        path = _file(data_dir, config, split)
        for line, row in _rows(data_dir, config, split):
            for field, message in loading.row_problems(config, row, labels=True):
                problems.append(Problem("labels", str(path), line, field, message))
    return problems


def check_source_text(data_dir: Path, split: str = ft.SPLIT) -> list[Problem]:
    """Check that each text equals ``source/<doc_id>.txt`` byte for byte, with the pinned hash.

    For the contrast split: the committed files equal a fresh build of ``contrast/edits.yaml``
    over the source texts and the gold.
    """
    if split == ft.CONTRAST_SPLIT:
        return _contrast_problems(data_dir, split)
    problems = []
    path = _file(data_dir, "documents", split)
    for line, row in _rows(data_dir, "documents", split):
        doc_id, content = row.get("doc_id"), row.get("text")
        if not isinstance(doc_id, str) or not isinstance(content, str):
            continue

        def report(message: str, *, file: Path = path, row_line: int | None = line) -> None:
            problems.append(Problem("source_text", str(file), row_line, "text", message))

        source = Path(data_dir) / "source" / f"{doc_id}.txt"
        if not source.is_file():
            report(f"no source file {source}")
            continue
        source_bytes = source.read_bytes()
        if content.encode("utf-8") != source_bytes:
            report(f"differs from source/{doc_id}.txt (byte for byte)")
        digest = hashlib.sha256(source_bytes).hexdigest()
        pinned = PINNED_SHA256.get(doc_id)
        if pinned is None:
            report(f"no pinned SHA-256 for document {doc_id!r}")
        elif digest != pinned:
            report(f"SHA-256 is {digest}, pinned {pinned}", file=source, row_line=None)
        seed = SEED_FILES.get(doc_id)
        if seed is not None and seed.is_file() and seed.read_bytes() != source_bytes:
            report(f"differs from the seed file {seed}", file=source, row_line=None)
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
        for name in SPAN_FIELDS[config]:
            if name.endswith("[]"):
                name = name[:-2]
                for index, item in enumerate(row.get(name) or []):
                    if (span := _span(item)) is not None:
                        yield f"{name}[{index}]", span, span[2]
            elif (span := _span(row.get(name))) is not None:
                yield name, span, span[2]


def check_spans(data_dir: Path, split: str = ft.SPLIT) -> list[Problem]:
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
    for config in ft.CONFIGS:
        path = _file(data_dir, config, split)
        for line, row in _rows(data_dir, config, split):
            doc_text = texts.get(row.get("doc_id"))
            if doc_text is None:
                continue  # reported by check_references
            for field, span, expected in _spans_of(config, row):
                for message in _span_problems(doc_text, bounds[row["doc_id"]], span, expected):
                    problems.append(Problem("spans", str(path), line, field, message))
    return problems


def check_ids(data_dir: Path, split: str = ft.SPLIT) -> list[Problem]:
    """Check that ids are unique per document and sentence ids are 0, 1, 2... in order."""
    problems = []
    for config in ft.CONFIGS:
        path = _file(data_dir, config, split)
        seen: dict[tuple, int] = {}
        id_fields = ft.ID_FIELDS[config]
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


def check_references(data_dir: Path, split: str = ft.SPLIT) -> list[Problem]:
    """Check that every doc_id, sentence_id, event_id, attribution_id and parent_id resolves."""
    sentence_ids = {
        doc_id: {item.get("sentence_id") for item in items}
        for doc_id, items in _sentences(data_dir, split).items()
    }
    ids: dict[str, set] = {
        config: {
            (row.get("doc_id"), row.get(ft.ID_FIELDS[config][0]))
            for _, row in _rows(data_dir, config, split)
        }
        for config in ("events", "attributions")
    }
    problems = []
    for config in ft.CONFIGS:
        path = _file(data_dir, config, split)
        for line, row in _rows(data_dir, config, split):
            doc_id = row.get("doc_id")
            if config != "documents" and doc_id not in sentence_ids:
                problems.append(
                    Problem("references", str(path), line, "doc_id", f"unknown document {doc_id!r}")
                )
                continue
            if (
                "sentence_id" in ft.FEATURES[config]
                and row.get("sentence_id") not in sentence_ids[doc_id]
            ):
                message = f"unknown sentence {row.get('sentence_id')!r} of document {doc_id!r}"
                problems.append(Problem("references", str(path), line, "sentence_id", message))
            for field, target in REFERENCES.get(config, ()):
                value = row.get(field)
                if value is not None and (doc_id, value) not in ids[target]:
                    message = f"{value!r} names no row of {target} in document {doc_id!r}"
                    problems.append(Problem("references", str(path), line, field, message))
    return problems


def check_parent_cycles(data_dir: Path, split: str = ft.SPLIT) -> list[Problem]:
    """Check that no attribution is its own ancestor through ``parent_id``."""
    path = _file(data_dir, "attributions", split)
    parsed = _rows(data_dir, "attributions", split)
    parent = {
        (row.get("doc_id"), row.get("attribution_id")): row.get("parent_id") for _, row in parsed
    }
    problems = []
    for line, row in parsed:
        doc_id, start = row.get("doc_id"), row.get("attribution_id")
        chain, current = [start], parent.get((doc_id, start))
        while current is not None and current not in chain:
            chain.append(current)
            current = parent.get((doc_id, current))
        if current is not None:
            message = f"parent chain loops: {' -> '.join(map(str, [*chain, current]))}"
            problems.append(Problem("parent_cycles", str(path), line, "parent_id", message))
    return problems


def check_uncertain(data_dir: Path, split: str = ft.SPLIT) -> list[Problem]:
    """Check that a sentence is ``uncertain`` iff it holds a hedge, in documents and tokens."""
    hedged = {
        (row.get("doc_id"), row.get("sentence_id")) for _, row in _rows(data_dir, "hedges", split)
    }
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


def check_sentence_anchors(data_dir: Path, split: str = ft.SPLIT) -> list[Problem]:
    """Check that event/hedge/casualty ``sentence_id`` holds the trigger/cue/victim start."""
    sentences = _sentences(data_dir, split)
    problems = []
    for config, field in ANCHOR_FIELDS.items():
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


def check_loadable(data_dir: Path, split: str = ft.SPLIT) -> list[Problem]:
    """Check that every config loads with ``datasets.load_dataset`` with the declared features.

    Skipped while a configured file is missing (the ``rows`` check reports it):
    ``datasets`` resolves the data files of every config at once.
    """
    if not all(_file(data_dir, config, split).is_file() for config in ft.CONFIGS):
        return []
    problems = []
    for config in ft.CONFIGS:
        path = _file(data_dir, config, split)
        try:
            dataset = loading.load_config(config, split=split, data_dir=data_dir, validate=False)
        except DataError as error:
            problems.append(Problem("loadable", error.file or str(path), None, None, error.message))
            continue
        if dataset.features != ft.FEATURES[config]:
            differing = sorted(
                name
                for name in set(dataset.features) | set(ft.FEATURES[config])
                if dataset.features.get(name) != ft.FEATURES[config].get(name)
            )
            message = f"loaded features differ from benchmark.features in: {', '.join(differing)}"
            problems.append(Problem("loadable", str(path), None, None, message))
    return problems


def check_card(data_dir: Path, split: str = ft.SPLIT) -> list[Problem]:
    """Check that the card's front matter equals :func:`benchmark.features.render_card_yaml`."""
    path = Path(data_dir) / CARD
    if not path.is_file():
        return [Problem("card", str(path), None, None, "no dataset card")]
    yaml_text, _ = ft.split_front_matter(path.read_text(encoding="utf-8"))
    if yaml_text is None:
        return [Problem("card", str(path), None, None, "no YAML front matter")]
    try:
        committed = yaml.safe_load(yaml_text)
        expected = yaml.safe_load(ft.render_card_yaml(data_dir=Path(data_dir)))
    except (yaml.YAMLError, DataError) as error:
        return [Problem("card", str(path), None, None, f"cannot compare: {error}")]
    if not isinstance(committed, dict):
        return [Problem("card", str(path), None, None, "front matter is not a mapping")]
    return [
        Problem("card", str(path), None, key, "differs from render_card_yaml()")
        for key in sorted(set(committed) | set(expected), key=str)
        if committed.get(key) != expected.get(key)
    ]


_MANIFEST_LINE = re.compile(r"([0-9a-f]{64})  (\S.*)")


def check_manifest(data_dir: Path, split: str = ft.SPLIT) -> list[Problem]:
    """Check that ``MANIFEST.sha256`` lists every configured file and every hash matches."""
    path = Path(data_dir) / MANIFEST
    if not path.is_file():
        return [Problem("manifest", str(path), None, None, "no manifest")]
    problems = []
    listed = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = _MANIFEST_LINE.fullmatch(line)
        if match is None:
            problems.append(
                Problem("manifest", str(path), number, None, "expected '<sha256>  <path>'")
            )
            continue
        digest, relpath = match.groups()
        listed.add(relpath)
        target = Path(data_dir) / relpath
        if not target.is_file():
            problems.append(
                Problem("manifest", str(path), number, None, f"{relpath}: no such file")
            )
        elif hashlib.sha256(target.read_bytes()).hexdigest() != digest:
            problems.append(
                Problem("manifest", str(path), number, None, f"{relpath}: SHA-256 differs")
            )
    for config in ft.CONFIGS:
        for each in ft.available_splits(Path(data_dir)):
            relpath = ft.data_file(config, split=each)
            if relpath not in listed:
                problems.append(Problem("manifest", str(path), None, None, f"{relpath} not listed"))
    return problems


def _fresh_token_rows(data_dir: Path, split: str = ft.SPLIT) -> list[dict] | None:
    """Return the tokens rows generated from the other configs, or None when they are malformed."""
    try:
        layers = {
            config: [rows.from_row(config, row) for _, row in _rows(data_dir, config, split)]
            for config in ft.LAYER_CONFIGS
        }
    except DataError:
        return None  # malformed rows: reported by the rows, labels and spans checks
    fresh = []
    for document in layers["documents"]:
        of_doc = {
            config: [item for item in layers[config] if item.doc_id == document.doc_id]
            for config in ft.LAYER_CONFIGS[1:]
        }
        view = build_tokens_view(document, **of_doc)
        fresh.extend(rows.to_row(row) for row in view.rows)
    return fresh


def check_tokens_view(data_dir: Path, split: str = ft.SPLIT) -> list[Problem]:
    """Check that the committed ``tokens`` config equals a fresh generation.

    Skipped when the other configs cannot be read into schema objects (other
    checks report why).
    """
    path = str(_file(data_dir, "tokens", split))
    fresh = _fresh_token_rows(data_dir, split)
    if fresh is None:
        return []
    committed = {
        (row.get("doc_id"), row.get("sentence_id")): (line, row)
        for line, row in _rows(data_dir, "tokens", split)
    }
    problems = []
    for expected in fresh:
        key = (expected["doc_id"], expected["sentence_id"])
        if key not in committed:
            message = f"no row for sentence {key[1]} of document {key[0]!r}"
            problems.append(Problem("tokens_view", path, None, None, message))
            continue
        line, row = committed.pop(key)
        for field, value in expected.items():
            if row.get(field) != value:
                message = f"differs from a fresh generation (expected {_short(value)})"
                problems.append(Problem("tokens_view", path, line, field, message))
    for line, _ in committed.values():
        problems.append(Problem("tokens_view", path, line, None, "row for no sentence"))
    return problems


def _short(value: object) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 80 else shown[:77] + "..."


def _contrast_problems(data_dir: Path, split: str) -> list[Problem]:
    """Check that the committed contrast files equal a fresh build from ``contrast/edits.yaml``.

    The contrast texts are not source texts: this is what ties them to the pinned article
    (edits applied to its paragraphs) and their gold to the adjudicated gold.
    """
    from benchmark.build import serialize
    from benchmark.contrast.build import build_contrast

    if not (Path(data_dir) / ft.CONTRAST_SPEC).is_file():
        return [
            Problem(
                "source_text",
                str(Path(data_dir) / ft.CONTRAST_SPEC),
                None,
                None,
                "contrast files exist but the edit specification does not",
            )
        ]
    try:
        fresh = build_contrast(data_dir=Path(data_dir))
    except DataError as error:
        return [
            Problem(
                "source_text", error.file or str(ft.CONTRAST_SPEC), error.line, None, error.message
            )
        ]
    problems = []
    for config in ft.CONFIGS:
        path = _file(data_dir, config, split)
        committed = path.read_bytes() if path.is_file() else b""
        if committed != serialize(fresh.rows[config]):
            message = "differs from a fresh build of contrast/edits.yaml (run build-data)"
            problems.append(Problem("source_text", str(path), None, None, message))
    return problems


CHECKS: dict[str, Callable[..., list[Problem]]] = {
    "rows": check_rows,
    "labels": check_labels,
    "source_text": check_source_text,
    "spans": check_spans,
    "ids": check_ids,
    "references": check_references,
    "parent_cycles": check_parent_cycles,
    "uncertain": check_uncertain,
    "sentence_anchors": check_sentence_anchors,
    "loadable": check_loadable,
    "card": check_card,
    "manifest": check_manifest,
    "tokens_view": check_tokens_view,
}
"""Every check, by name, in the order :func:`run_all_checks` runs them."""

ONCE: frozenset[str] = frozenset({"card", "manifest"})
"""Checks of the whole folder, run once; every other check runs per split."""


def run_all_checks(data_dir: str | Path) -> list[Problem]:
    """Run every check of :data:`CHECKS` on ``data_dir``, per split; return all problems found.

    The ``test`` split is always checked; ``contrast`` when the folder has it
    (:func:`benchmark.features.available_splits`).
    """
    folder = Path(data_dir)
    problems = []
    for name, check in CHECKS.items():
        if name in ONCE:
            problems += check(folder)
            continue
        for split in ft.available_splits(folder):
            problems += check(folder, split=split)
    return problems
