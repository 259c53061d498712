"""Integrity checks of the HF dataset folder ``data/``: one function per check.

Each check takes the data folder and returns a list of :class:`Problem`
(empty when the check passes). Checks read the JSONL rows themselves and skip
values of the wrong shape, which the ``rows`` check reports, so that one
defect is reported by one check. :func:`run_all_checks` runs them all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from pathlib import Path

import yaml

from benchmark.dataset import features as ft
from benchmark.dataset import loading, rows
from benchmark.dataset.card import blocks_of
from benchmark.dataset.configs import (
    CARD_NAME,
    CONFIGS,
    LAYER_CONFIGS,
    MANIFEST_NAME,
    available_splits,
    data_file,
)
from benchmark.dataset.gold import MANIFEST_LINE
from benchmark.dataset.integrity_rows import (  # noqa: F401 - re-exported checks
    Problem,
    _file,
    _rows,
    _short,
    check_ids,
    check_labels,
    check_parent_cycles,
    check_ranges,
    check_references,
    check_rows,
    check_sentence_anchors,
    check_spans,
    check_uncertain,
)
from benchmark.dataset.integrity_source import SEED_FILES, check_source_text  # noqa: F401
from benchmark.dataset.splits import ANNOTATIONS, MAIN_SPLIT, SPLITS
from benchmark.dataset.tables import (
    EVENT_TYPES_FILE,
    LABEL_MAP_FILE,
    read_event_types,
    read_label_map,
)
from benchmark.dataset.tokens_view import build_tokens_view
from benchmark.errors import DataError


def check_loadable(data_dir: Path, split: str = MAIN_SPLIT) -> list[Problem]:
    """Check that every config loads with ``datasets.load_dataset`` with the declared features.

    Skipped while a configured file is missing or has a malformed row (the ``rows`` check
    reports it): ``datasets`` resolves the data files of every config at once.
    """
    if not all(_file(data_dir, config, split).is_file() for config in CONFIGS):
        return []
    if not rows_are_valid(data_dir):
        return []  # datasets reads every split's rows and would fail on the same ones (slowly)
    problems = []
    for config in CONFIGS:
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
            message = (
                f"loaded features differ from benchmark.dataset.features in: {', '.join(differing)}"
            )
            problems.append(Problem("loadable", str(path), None, None, message))
    return problems


def rows_are_valid(data_dir: Path, *, splits: tuple[str, ...] | None = None) -> bool:
    """Return True when the ``rows`` check finds nothing in ``splits`` (default: all)."""
    chosen = available_splits(Path(data_dir)) if splits is None else splits
    return not any(check_rows(data_dir, split=split) for split in chosen)


def check_card(data_dir: Path, split: str = MAIN_SPLIT) -> list[Problem]:
    """Check that the card's front matter equals ``render_card_yaml()``."""
    path = Path(data_dir) / CARD_NAME
    if not path.is_file():
        return [Problem("card", str(path), None, None, "no dataset card")]
    yaml_text, _ = ft.split_front_matter(path.read_text(encoding="utf-8"))
    if yaml_text is None:
        return [Problem("card", str(path), None, None, "no YAML front matter")]
    if not rows_are_valid(data_dir):
        return []  # the split sizes cannot be measured: the rows check reports why
    try:
        committed = yaml.safe_load(yaml_text)
        expected = yaml.safe_load(ft.render_card_yaml(data_dir=Path(data_dir)))
    except (yaml.YAMLError, DataError, ValueError, RecursionError) as error:
        reason = error if isinstance(error, yaml.YAMLError | DataError) else "unreadable YAML"
        return [Problem("card", str(path), None, None, f"cannot compare: {reason}")]
    if not isinstance(committed, dict):
        return [Problem("card", str(path), None, None, "front matter is not a mapping")]
    return [
        Problem("card", str(path), None, key, "differs from render_card_yaml()")
        for key in sorted(set(committed) | set(expected), key=str)
        if committed.get(key) != expected.get(key)
    ]


def check_manifest(data_dir: Path, split: str = MAIN_SPLIT) -> list[Problem]:
    """Check that ``MANIFEST.sha256`` lists every configured file and every hash matches."""
    path = Path(data_dir) / MANIFEST_NAME
    if not path.is_file():
        return [Problem("manifest", str(path), None, None, "no manifest")]
    problems = []
    listed = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = MANIFEST_LINE.fullmatch(line)
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
    required = [
        data_file(config, split=each)
        for config in CONFIGS
        for each in available_splits(Path(data_dir))
    ]
    for folder in _source_folders(Path(data_dir)):
        required += [
            source.relative_to(data_dir).as_posix()
            for source in sorted(folder.iterdir())
            if source.is_file() and not source.name.startswith(".")
        ]
    for relpath in required:
        if relpath not in listed:
            problems.append(Problem("manifest", str(path), None, None, f"{relpath} not listed"))
    return problems


def _source_folders(data_dir: Path) -> list[Path]:
    """Return the existing source folders of the annotations splits of ``data_dir``."""
    folders = [
        data_dir / SPLITS[name].source
        for name in available_splits(data_dir)
        if SPLITS[name].kind == ANNOTATIONS
    ]
    return [folder for folder in dict.fromkeys(folders) if folder.is_dir()]


def check_event_types(data_dir: Path, split: str = MAIN_SPLIT) -> list[Problem]:
    """Check that ``event_types.tsv`` lists every event type of the inventory exactly once."""
    return _table_problems("event_types", Path(data_dir) / EVENT_TYPES_FILE, read_event_types)


def check_label_map(data_dir: Path, split: str = MAIN_SPLIT) -> list[Problem]:
    """Check that ``label_map_1x.tsv`` maps every 1.x label it lists to a 2.0 label."""
    return _table_problems("label_map", Path(data_dir) / LABEL_MAP_FILE, read_label_map)


def _table_problems(check: str, path: Path, reader: Callable[[Path], object]) -> list[Problem]:
    if not path.is_file():
        return [Problem(check, str(path), None, None, "no such file")]
    try:
        reader(path)
    except DataError as error:
        return [Problem(check, str(error.file or path), error.line, error.field, error.message)]
    return []


def _fresh_token_rows(data_dir: Path, split: str = MAIN_SPLIT) -> list[dict] | None:
    """Return the tokens rows generated from the other configs, or None when they are malformed."""
    if check_rows(data_dir, split=split):
        return None  # a row is skipped or mistyped: the rows check reports it
    try:
        layers = {
            config: [rows.from_row(config, row) for _, row in _rows(data_dir, config, split)]
            for config in LAYER_CONFIGS
        }
    except DataError:
        return None  # malformed rows: reported by the rows, labels and spans checks
    fresh = []
    for document in layers["documents"]:
        of_doc = {
            config: [item for item in layers[config] if item.doc_id == document.doc_id]
            for config in LAYER_CONFIGS[1:]
        }
        view = build_tokens_view(document, **of_doc)
        fresh.extend(rows.to_row(row) for row in view.rows)
    return fresh


def check_tokens_view(data_dir: Path, split: str = MAIN_SPLIT) -> list[Problem]:
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


CHECKS: dict[str, Callable[..., list[Problem]]] = {
    "rows": check_rows,
    "labels": check_labels,
    "source_text": check_source_text,
    "spans": check_spans,
    "ids": check_ids,
    "references": check_references,
    "parent_cycles": check_parent_cycles,
    "ranges": check_ranges,
    "uncertain": check_uncertain,
    "sentence_anchors": check_sentence_anchors,
    "loadable": check_loadable,
    "card": check_card,
    "manifest": check_manifest,
    "event_types": check_event_types,
    "label_map": check_label_map,
    "tokens_view": check_tokens_view,
}
"""Every check, by name, in the order :func:`run_all_checks` runs them."""

ONCE: frozenset[str] = frozenset({"card", "manifest", "event_types", "label_map"})
"""Checks of the whole folder, run once; every other check runs per split."""


def run_all_checks(
    data_dir: str | Path, *, card_blocks: Mapping[str, str] | None = None
) -> list[Problem]:
    """Run every check of :data:`CHECKS` on ``data_dir``, per split; return all problems found.

    The main split is always checked, every other split the folder has
    (:func:`benchmark.dataset.configs.available_splits`) too. ``card_blocks``: generated blocks
    of the card rendered outside the dataset stage (the agreement tables), which the card
    must hold word for word (the ``card`` check).
    """
    folder = Path(data_dir)
    problems = []
    for name, check in CHECKS.items():
        if name in ONCE:
            problems += check(folder)
            continue
        for split in available_splits(folder):
            problems += check(folder, split=split)
    return problems + check_card_blocks(folder, card_blocks or {})


def check_card_blocks(data_dir: Path, expected: Mapping[str, str]) -> list[Problem]:
    """Check that each block of ``expected`` is in the card, between its markers, as given."""
    path = Path(data_dir) / CARD_NAME
    if not expected or not path.is_file():
        return []
    found = blocks_of(path.read_text(encoding="utf-8"))
    return [
        Problem("card", str(path), None, name, "generated block differs (run build-data)")
        for name, body in expected.items()
        if found.get(name) != body
    ]
