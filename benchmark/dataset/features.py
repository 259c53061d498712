"""The ``datasets.Features`` of every public config, and the card YAML made from them.

Everything here is derived from the schema classes and :mod:`benchmark.dataset.configs`
(ClassLabel names in inventory order) so that the dataset card (``data/README.md``) can never
drift from the label sets: :func:`render_card_yaml` renders the card's front matter and the
integrity checks compare the committed card with it. Importing this module imports
``datasets``: the scorer never does (it reads the gold with :mod:`benchmark.dataset.gold`).
"""

from __future__ import annotations

import dataclasses
import io
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.json as paj
import yaml

from benchmark.dataset.configs import (
    CONFIG_TYPES,
    CONFIGS,
    DEFAULT_CONFIG,
    LABEL_FIELDS,
    available_splits,
    data_file,
)
from benchmark.dataset.configs import data_dir as default_data_dir
from benchmark.dataset.hf import ClassLabel, Features, List, Value, table_cast
from benchmark.dataset.schema import Argument, Span
from benchmark.errors import DataError

_INT = Value("int32")
_STR = Value("string")
_SCALARS = {str: _STR, int: _INT, bool: Value("bool")}


def _feature(hint: Any, path: str, labels: Mapping[str, tuple[str, ...]]) -> Any:
    """Return the ``datasets`` feature of a schema field (``path``: its label-field path)."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        (hint,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
    if typing.get_origin(hint) is tuple:
        (item, _) = typing.get_args(hint)
        return List(_feature(item, path, labels))
    if path in labels:
        return ClassLabel(names=list(labels[path]))
    if hint is Span:
        return {name: _feature(sub, f"{path}.{name}", labels) for name, sub in _hints(Span)}
    if hint is Argument:
        span = _feature(Span, path, labels)
        return {"role": _feature(str, f"{path}.role", labels), **span}
    if dataclasses.is_dataclass(hint):
        return {name: _feature(sub, f"{path}.{name}", labels) for name, sub in _hints(hint)}
    return _SCALARS[hint]


def _hints(cls: type) -> list[tuple[str, Any]]:
    hints = typing.get_type_hints(cls)
    return [(f.name, hints[f.name]) for f in dataclasses.fields(cls)]


FEATURES: dict[str, Features] = {
    config: Features(
        {name: _feature(hint, name, LABEL_FIELDS[config]) for name, hint in _hints(cls)}
    )
    for config, cls in CONFIG_TYPES.items()
}
"""``datasets.Features`` per config, columns in JSONL field order: derived from the schema
classes (spans as ``{start, end, text}``, lists of records as ``list:``, ints as int32) and
the label fields of :mod:`benchmark.dataset.configs` (ClassLabel names in inventory order)."""


def split_stats(path: Path, features: Features) -> dict:
    """Return ``{num_bytes, num_examples}`` of a JSONL file as ``datasets`` records them.

    The file is read and cast the way the ``json`` builder of ``datasets`` does
    (pyarrow's JSON reader, then ``table_cast`` to ``features``), so
    ``num_bytes`` is the size of the Arrow table ``datasets`` writes to its cache.
    A missing file counts as empty; an unreadable one raises DataError.
    """
    if not path.is_file():
        return {"num_bytes": 0, "num_examples": 0}
    payload = path.read_bytes()
    if not payload.strip():
        return {"num_bytes": 0, "num_examples": 0}
    try:
        options = paj.ReadOptions(block_size=max(len(payload), 1 << 20))
        table = table_cast(
            paj.read_json(io.BytesIO(payload), read_options=options), features.arrow_schema
        )
    except (ValueError, TypeError, KeyError, pa.ArrowException) as error:
        message = f"cannot measure the split: {type(error).__name__}: {error}"
        raise DataError(message, file=path) from error
    return {"num_bytes": int(table.nbytes), "num_examples": table.num_rows}


def card_metadata(*, data_dir: Path) -> dict:
    """Return the card front matter as plain data (see :func:`render_card_yaml`)."""
    splits = available_splits(data_dir)
    dataset_info = []
    for config in CONFIGS:
        features = FEATURES[config]
        dataset_info.append(
            {
                "config_name": config,
                "features": features._to_yaml_list(),
                "splits": [
                    {
                        "name": split,
                        **split_stats(data_dir / data_file(config, split=split), features),
                    }
                    for split in splits
                ],
            }
        )
    configs = []
    for config in CONFIGS:
        entry: dict = {"config_name": config}
        if config == DEFAULT_CONFIG:
            entry["default"] = True
        entry["data_files"] = [
            {"split": split, "path": data_file(config, split=split)} for split in splits
        ]
        configs.append(entry)
    return {
        "pretty_name": "kharkiv-ie: Italian conflict-news information extraction",
        "license": "cc-by-4.0",
        "license_details": (
            "The annotations (offsets, labels, links, metadata) are released under CC BY 4.0. "
            "The texts are not: the Wikinews passages (splits wikinews_dev, wikinews_test) are "
            "CC BY 2.5, credit 'Wikinotizie / Italian Wikinews contributors', as tokenised in "
            "KIND (Paccosi and Palmero Aprosio, LREC 2022; KIND's CC BY-NC 4.0 NER labels are "
            "not included); the Kharkiv article (splits test, contrast) is reproduced for "
            "research only and its copyright stays with its publisher."
        ),
        "language": ["it"],
        "multilinguality": "monolingual",
        "annotations_creators": ["machine-generated"],
        "language_creators": ["found"],
        "source_datasets": ["original", "extended|KIND"],
        "task_categories": ["token-classification", "text-classification"],
        "size_categories": ["n<1K"],
        "tags": [
            "event-extraction",
            "attribution",
            "hedging",
            "factuality",
            "casualties",
            "italian",
            "news",
        ],
        "configs": configs,
        "dataset_info": dataset_info,
    }


def render_card_yaml(*, data_dir: Path | None = None) -> str:
    """Return the YAML front matter of ``data/README.md`` (without the ``---`` fences).

    Features come from :data:`FEATURES` (datasets 5.x card format: a list of
    structs is ``list:``); split sizes come from the JSONL files in ``data_dir``
    (default: the package's ``data/`` folder).
    """
    folder = default_data_dir() if data_dir is None else Path(data_dir)
    metadata = card_metadata(data_dir=folder)
    return yaml.safe_dump(metadata, sort_keys=False, allow_unicode=True, width=100)


def split_front_matter(card_text: str) -> tuple[str | None, str]:
    """Split a card into ``(yaml_text, body)``; ``yaml_text`` is None without front matter."""
    if not card_text.startswith("---\n"):
        return None, card_text
    end = card_text.find("\n---\n", 3)
    if end == -1:
        return None, card_text
    return card_text[4 : end + 1], card_text[end + 5 :]


def card_with_yaml(card_text: str, yaml_text: str) -> str:
    """Return ``card_text`` with its front matter replaced by ``yaml_text`` (body kept)."""
    _, body = split_front_matter(card_text)
    return f"---\n{yaml_text}---\n{body}"
