"""Load the gold data offline, through ``datasets``, and validate every row: the users' way in.

The scorer reads the same files without ``datasets`` (:mod:`benchmark.dataset.gold`; a test
checks that both give the same objects). Always load through this module: ``datasets`` 5.x
keys its cache on file names, not contents, so an edited JSONL would load stale rows. Here the cache
directory is named by the content hash of the data files (and of the card,
which declares the features), so edited data always loads fresh.

``datasets`` also loads a missing field as None and an out-of-range ClassLabel
int without complaint, and reads `` positive`` or ``"1"`` as a label: every
row is therefore checked against :mod:`benchmark.dataset.features`, both as written
in the JSONL file and as loaded, and any problem raises
:class:`benchmark.errors.DataError` naming the file, the line and the field.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa

from benchmark.dataset import configs, splits
from benchmark.dataset.configs import (
    CARD_NAME,
    CONFIGS,
    ID_FIELDS,
    LAYER_CONFIGS,
    NULLABLE,
    content_hash,
    data_file,
    resolve_data_dir,
)
from benchmark.dataset.features import FEATURES
from benchmark.dataset.gold import read_jsonl
from benchmark.dataset.hf import (
    ClassLabel,
    DatasetsError,
    List,
    SplitsVerificationError,
    Value,
    datasets,
    offline,
)
from benchmark.dataset.rows import from_row
from benchmark.dataset.schema import Annotations
from benchmark.errors import DataError

data_dir = configs.data_dir
"""The absolute data folder (``$KHARKIV_IE_DATA_DIR`` or ``<repo>/data``)."""

CACHE_DIR_ENV = "KHARKIV_IE_CACHE_DIR"
"""Environment variable that overrides the root of the ``datasets`` cache."""

_PYTHON_TYPES = {"int32": int, "bool": bool, "string": str}


def _cache_dir(folder: Path) -> Path:
    """Return a cache directory named by the data content hash and the card hash."""
    card = folder / CARD_NAME
    card_hash = hashlib.sha256(card.read_bytes() if card.is_file() else b"").hexdigest()
    key = Path(content_hash(folder)) / card_hash[:16]
    override = os.environ.get(CACHE_DIR_ENV)
    roots = [Path(override)] if override else []
    roots += [
        Path.home() / ".cache" / "kharkiv-ie" / "hf",
        Path(tempfile.gettempdir()) / "kharkiv-ie-hf",
    ]
    for root in roots:
        try:
            (root / key).mkdir(parents=True, exist_ok=True)
        except OSError:
            continue  # not writable here: try the next root
        return root / key
    raise DataError(f"no writable cache directory among {', '.join(map(str, roots))}")


def _load_dataset(folder: Path, config: str, split: str) -> datasets.Dataset:
    """Run ``datasets.load_dataset`` on the data folder, offline: the only call site."""
    datasets.disable_progress_bars()
    try:
        with offline():
            return datasets.load_dataset(
                str(folder), config, split=split, cache_dir=str(_cache_dir(folder))
            )
    except SplitsVerificationError as error:
        raise DataError(
            f"the row count of config {config!r} differs from the one declared in the card's "
            "dataset_info (regenerate the card YAML: benchmark.dataset.features.render_card_yaml)",
            file=folder / CARD_NAME,
        ) from error
    except (DatasetsError, ValueError, OSError, pa.ArrowException) as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
        if len(first_line) > 200:
            first_line = first_line[:197] + "..."
        raise DataError(
            f"datasets cannot load config {config!r}: {type(error).__name__}: {first_line}",
            file=folder / data_file(config, split=split),
        ) from error


def _value_problems(
    feature, value, field: str, *, encoded: bool
) -> Iterator[tuple[str, str, bool]]:
    """Yield ``(field, message, is_label_problem)`` for each way ``value`` misfits ``feature``."""
    if value is None:
        yield field, "is null but is required", False
    elif isinstance(feature, ClassLabel):
        if encoded:
            if type(value) is not int or not 0 <= value < feature.num_classes:
                message = f"label int {value!r} out of range 0..{feature.num_classes - 1}"
                yield field, message, True
        elif type(value) is not str or value not in feature.names:
            message = f"unknown label {value!r} (expected one of: {', '.join(feature.names)})"
            yield field, message, True
    elif isinstance(feature, Value):
        expected = _PYTHON_TYPES[feature.dtype]
        if type(value) is not expected:
            yield field, f"expected {feature.dtype}, got {type(value).__name__} {value!r}", False
        elif expected is int and not -(2**31) <= value < 2**31:
            yield field, f"{value} does not fit in int32", False
    elif isinstance(feature, List):
        if not isinstance(value, list):
            yield field, f"expected a list, got {type(value).__name__}", False
        else:
            for index, item in enumerate(value):
                yield from _value_problems(
                    feature.feature, item, f"{field}[{index}]", encoded=encoded
                )
    elif isinstance(feature, dict):
        if not isinstance(value, dict):
            yield field, f"expected an object, got {type(value).__name__}", False
        else:
            yield from _struct_problems(feature, value, f"{field}.", frozenset(), encoded=encoded)
    else:  # pragma: no cover - FEATURES uses no other feature type
        raise TypeError(f"unsupported feature type {feature!r}")


def _struct_problems(
    feature: dict, value: dict, prefix: str, nullable: frozenset[str], *, encoded: bool
) -> Iterator[tuple[str, str, bool]]:
    for name in value:
        if name not in feature:
            yield f"{prefix}{name}", "unknown field", False
    for name, subfeature in feature.items():
        field = f"{prefix}{name}"
        if name not in value:
            yield field, "missing field", False
        elif value[name] is not None or name not in nullable:
            yield from _value_problems(subfeature, value[name], field, encoded=encoded)


def row_problems(
    config: str, row: object, *, encoded: bool = False, labels: bool | None = None
) -> list[tuple[str, str]]:
    """Return ``(field, message)`` for every way ``row`` breaks the format of ``config``.

    ``encoded=False`` checks a row as written in the JSONL file (labels are
    strings); ``encoded=True`` a row as loaded by ``datasets`` (labels are ints).
    ``labels=True`` keeps only label problems, ``labels=False`` only the others.
    """
    if not isinstance(row, dict):
        found = [("(row)", f"expected a JSON object, got {type(row).__name__}", False)]
    else:
        nullable = NULLABLE[config]
        found = list(_struct_problems(FEATURES[config], row, "", nullable, encoded=encoded))
    return [(field, message) for field, message, is_label in found if labels in (None, is_label)]


def _item(config: str, row: object) -> str | None:
    if not isinstance(row, dict):
        return None
    parts = [str(row.get(name)) for name in ID_FIELDS[config] if row.get(name) is not None]
    return "#".join(parts) or None


def _decode(feature, value):
    """Return ``value`` as loaded, with ClassLabel ints turned back into label strings."""
    if value is None:
        return None
    if isinstance(feature, ClassLabel):
        return feature.int2str(value)
    if isinstance(feature, List):
        return [_decode(feature.feature, item) for item in value]
    if isinstance(feature, dict):
        return {name: _decode(sub, value.get(name)) for name, sub in feature.items()}
    return value


def _checked_load(folder: Path, config: str, split: str) -> tuple[datasets.Dataset, list[dict]]:
    """Load ``config``; return the dataset and its rows with label strings, all validated."""
    path = folder / data_file(config, split=split)
    raw_rows = read_jsonl(path)
    for line, row in raw_rows:
        for field, message in row_problems(config, row, encoded=False):
            raise DataError(message, file=path, line=line, item=_item(config, row), field=field)
    dataset = _load_dataset(folder, config, split)
    if len(dataset) != len(raw_rows):
        raise DataError(
            f"datasets loaded {len(dataset)} rows, the file has {len(raw_rows)}", file=path
        )
    rows = []
    for (line, _), row in zip(raw_rows, dataset, strict=True):
        for field, message in row_problems(config, row, encoded=True):
            raise DataError(
                f"as loaded by datasets: {message}",
                file=path,
                line=line,
                item=_item(config, row),
                field=field,
            )
        rows.append(_decode(FEATURES[config], row))
    return dataset, rows


def load_config(
    config: str,
    *,
    split: str = splits.MAIN_SPLIT,
    data_dir: str | Path | None = None,
    validate: bool = True,
) -> datasets.Dataset:
    """Return one config as a ``datasets.Dataset`` (labels as ClassLabel ints).

    Every row is validated unless ``validate=False`` (the integrity checks use
    that to see what ``datasets`` alone makes of the files). Raises DataError
    for an unknown config, a file ``datasets`` cannot load, or any bad row.
    """
    if config not in FEATURES:
        raise DataError(f"unknown config {config!r} (expected one of: {', '.join(CONFIGS)})")
    folder = resolve_data_dir(data_dir)
    if not validate:
        return _load_dataset(folder, config, split)
    dataset, _ = _checked_load(folder, config, split)
    return dataset


def load_gold(*, split: str = splits.MAIN_SPLIT, data_dir: str | Path | None = None) -> Annotations:
    """Return every annotation layer as schema objects; raise DataError on any bad row.

    ``split`` names a split of :data:`benchmark.dataset.splits.SPLITS`.
    """
    splits.split(split)
    folder = resolve_data_dir(data_dir)
    layers: dict[str, tuple] = {}
    for config in LAYER_CONFIGS:
        path = folder / data_file(config, split=split)
        _, rows = _checked_load(folder, config, split)
        objects = [
            from_row(config, row, file=path, line=line) for line, row in enumerate(rows, start=1)
        ]
        layers[config] = tuple(objects)
    return Annotations(**layers)
