"""Read the gold of a split straight from its JSONL files, without importing ``datasets``.

The scorer's way in (``datasets`` takes seconds to import; users keep
``datasets.load_dataset`` and :mod:`benchmark.dataset.loading`, which a test checks gives the
same objects). Each file is checked against ``MANIFEST.sha256`` (the hashes ``build-data``
wrote), so an edited or stale file is refused, and every row is typed by the project's own
schema (:func:`benchmark.dataset.rows.from_row`: exact keys, types, labels from their
inventories, span texts of the right length). Every problem raises
:class:`~benchmark.errors.DataError` naming the file, the line and the field.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from benchmark import json_input
from benchmark.dataset import splits
from benchmark.dataset.configs import (
    DATA_DIR_ENV,
    LAYER_CONFIGS,
    MANIFEST_NAME,
    data_file,
    resolve_data_dir,
)
from benchmark.dataset.rows import from_row
from benchmark.dataset.schema import Annotations
from benchmark.errors import DataError
from benchmark.input_files import read_input

_NOT_FOUND_HINT = f" (choose the gold folder with --gold-dir or ${DATA_DIR_ENV})"

MANIFEST_LINE = re.compile(r"([0-9a-f]{64})  (\S.*)")
"""One manifest line: ``<sha256>  <path relative to the data folder>``."""


def read_jsonl(path: Path) -> list[tuple[int, object]]:
    """Return ``(line number, parsed value)`` per line of a JSONL file.

    Raises DataError for a missing file, invalid UTF-8, a blank line or invalid JSON.
    """
    return parse_jsonl(_read_bytes(path), file=path)


def parse_jsonl(data: bytes, *, file: Path) -> list[tuple[int, object]]:
    """Return ``(line number, parsed value)`` per line of JSONL bytes read from ``file``."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataError(f"not UTF-8: {error.reason}", file=file) from error
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            raise DataError(
                "blank line (JSONL needs one JSON object per line)", file=file, line=number
            )
        try:
            rows.append((number, json_input.parse(line)))
        except json_input.BadJson as error:
            field = None if error.path == "$" else error.path
            raise DataError(error.reason, file=file, line=number, field=field) from None
    return rows


def _read_bytes(path: Path) -> bytes:
    if not path.is_file():
        raise DataError("file not found", file=path)
    return read_input(path, what="gold file")


def read_manifest(folder: Path) -> dict[str, str]:
    """Return path -> SHA-256 of the manifest of ``folder``; DataError when it is malformed."""
    path = Path(folder) / MANIFEST_NAME
    if not path.is_file():
        raise DataError(
            f"no manifest: the folder is not a built dataset{_NOT_FOUND_HINT}", file=path
        )
    try:
        text = read_input(path, what="manifest").decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataError(f"not UTF-8: {error.reason}", file=path) from None
    entries = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = MANIFEST_LINE.fullmatch(line)
        if match is None:
            raise DataError("expected '<sha256>  <path>'", file=path, line=number)
        digest, relpath = match.groups()
        entries[relpath] = digest
    return entries


def verified_rows(
    folder: Path, config: str, *, split: str, manifest: dict[str, str]
) -> list[tuple[int, object]]:
    """Return the parsed rows of one config file after checking it against the manifest."""
    relpath = data_file(config, split=split)
    return parse_jsonl(verified_bytes(folder, relpath, manifest=manifest), file=folder / relpath)


def verified_bytes(folder: Path, relpath: str, *, manifest: dict[str, str] | None = None) -> bytes:
    """Return the bytes of ``folder/relpath`` after checking them against the manifest.

    Every gold file a command reads goes through here (the JSONL configs, the contrast
    specification): an edited file is refused, never scored.
    """
    manifest = read_manifest(folder) if manifest is None else manifest
    path = Path(folder) / relpath
    data = _read_bytes(path)
    expected = manifest.get(relpath)
    if expected is None:
        raise DataError(f"not listed in {MANIFEST_NAME} (run kharkiv-ie build-data)", file=path)
    if hashlib.sha256(data).hexdigest() != expected:
        raise DataError(
            f"SHA-256 differs from {MANIFEST_NAME}: the file changed after the build "
            "(rebuild with kharkiv-ie build-data; check with kharkiv-ie check-data)",
            file=path,
        )
    return data


def read_config(
    config: str, *, split: str = splits.MAIN_SPLIT, data_dir: str | Path | None = None
) -> tuple[object, ...]:
    """Return the rows of one config of one split as schema objects (manifest-checked)."""
    folder = resolve_data_dir(data_dir)
    splits.split(split)
    manifest = read_manifest(folder)
    path = folder / data_file(config, split=split)
    return tuple(
        from_row(config, row, file=path, line=line)
        for line, row in verified_rows(folder, config, split=split, manifest=manifest)
    )


def read_gold(*, split: str = splits.MAIN_SPLIT, data_dir: str | Path | None = None) -> Annotations:
    """Return every annotation layer of a split as schema objects; DataError on any problem."""
    folder = resolve_data_dir(data_dir)
    splits.split(split)
    manifest = read_manifest(folder)
    layers = {}
    for config in LAYER_CONFIGS:
        path = folder / data_file(config, split=split)
        rows = verified_rows(folder, config, split=split, manifest=manifest)
        layers[config] = tuple(from_row(config, row, file=path, line=line) for line, row in rows)
    return Annotations(**layers)


def check_trainable(split: str) -> str:
    """Return ``split`` when a system may be trained or tuned on it; DataError otherwise.

    An unknown split and a held-out one (:attr:`benchmark.dataset.splits.SplitSpec.held_out`)
    are refused: no baseline trains, tunes or cross-validates on a held-out split.
    """
    if splits.split(split).held_out:
        raise DataError(
            f"split {split!r} is held out: no system may be trained or tuned on it",
            field="train_splits",
        )
    return split
