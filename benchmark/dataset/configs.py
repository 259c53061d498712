"""The public configs of the dataset folder and where their files are; no ``datasets`` import.

A config is one JSONL file per split: ``documents``, one per annotation layer (from
:mod:`benchmark.dataset.layers`) and the generated ``tokens`` view. This module names them,
their row types, label fields, id fields and nullable columns (all derived from the schema
classes and the layer specs), the data folder, the manifest and the content hash that keys
every cache and every results file.
"""

from __future__ import annotations

import hashlib
import os
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from benchmark.dataset import inventory
from benchmark.dataset.layers import BIO_COLUMNS, LAYERS
from benchmark.dataset.schema import Document, TokenRow
from benchmark.dataset.splits import MAIN_SPLIT, SPLITS

DOCUMENTS = "documents"
"""Config of the documents (text, paragraphs, sentences, metadata)."""
TOKENS = "tokens"
"""Config of the generated flat view (one BIO2-tagged row per sentence)."""

CONFIG_TYPES: Mapping[str, type] = MappingProxyType(
    {
        DOCUMENTS: Document,
        **{name: spec.item_type for name, spec in LAYERS.items()},
        TOKENS: TokenRow,
    }
)
"""Config name -> the schema class of its rows, in card order."""

CONFIGS: tuple[str, ...] = tuple(CONFIG_TYPES)
"""Every public config, in card order; ``tokens`` is a generated view."""

LAYER_CONFIGS: tuple[str, ...] = (DOCUMENTS, *LAYERS)
"""Configs that hold annotation layers (the fields of ``Annotations``)."""

DEFAULT_CONFIG = DOCUMENTS
"""Config that ``load_dataset(path)`` picks without a config name."""

LABEL_FIELDS: Mapping[str, Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        DOCUMENTS: {"paragraphs.kind": inventory.PARAGRAPH_KINDS},
        **{name: spec.label_fields for name, spec in LAYERS.items()},
        TOKENS: {column: bio.tags for column, bio in BIO_COLUMNS.items()},
    }
)
"""Closed-label fields per config (``a.b`` = field b of each element of list a), with the
inventory that fixes their ClassLabel names; tag fields hold one label per token."""

ID_FIELDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        DOCUMENTS: ("doc_id",),
        **{name: (spec.id_field,) for name, spec in LAYERS.items()},
        TOKENS: ("doc_id", "sentence_id"),
    }
)
"""Fields that identify a row of each config (unique per document, with ``doc_id``)."""


def _optional_fields(cls: type) -> frozenset[str]:
    hints = typing.get_type_hints(cls)
    return frozenset(
        name
        for name, hint in hints.items()
        if typing.get_origin(hint) in (typing.Union, types.UnionType)
        and type(None) in typing.get_args(hint)
    )


NULLABLE: Mapping[str, frozenset[str]] = MappingProxyType(
    {config: _optional_fields(cls) for config, cls in CONFIG_TYPES.items()}
)
"""Top-level columns that may hold null, per config (the ``X | None`` fields)."""

DATASET_NAME = "kharkiv-ie"
"""Name of the dataset, as written in results files."""
DATASET_VERSION = "2.0.0"
"""Version of the dataset in ``data/`` (its card says it in its Version section): the major
is the annotation schema's (``data/GUIDELINES.md``, ``data/annotations/FORMAT.md``)."""

MANIFEST_NAME = "MANIFEST.sha256"
"""The manifest of the data folder: ``<sha256>  <path>`` lines, sorted by path."""
CARD_NAME = "README.md"
"""The dataset card, whose YAML front matter declares the configs and features."""

DATA_DIR_ENV = "KHARKIV_IE_DATA_DIR"
"""Environment variable that overrides the data folder."""


def data_dir() -> Path:
    """Return the absolute data folder: ``$KHARKIV_IE_DATA_DIR`` or ``<repo>/data``."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser().resolve()
    return Path(__file__).resolve().parents[2] / "data"


def resolve_data_dir(folder: str | Path | None) -> Path:
    """Return ``folder`` as an absolute path, or :func:`data_dir` when it is None."""
    return data_dir() if folder is None else Path(folder).expanduser().resolve()


def data_file(config: str, *, split: str = MAIN_SPLIT) -> str:
    """Return the data file of ``config`` relative to the data folder (``events/test.jsonl``)."""
    return f"{config}/{split}.jsonl"


def available_splits(folder: Path) -> tuple[str, ...]:
    """Return the splits of ``folder``: the main one, plus each other declared or built there.

    A split is declared by its ``declared_by`` path (the contrast spec, a gold folder) and built
    once one of its JSONL files exists.
    """
    folder = Path(folder)
    return tuple(
        name
        for name, spec in SPLITS.items()
        if name == MAIN_SPLIT
        or (spec.declared_by is not None and (folder / spec.declared_by).exists())
        or any((folder / data_file(config, split=name)).is_file() for config in CONFIGS)
    )


def content_hash(folder: str | Path, *, split: str | None = None) -> str:
    """Return the SHA-256 of the configured JSONL files: sorted relative paths plus bytes.

    Without ``split``, every split present (:func:`available_splits`) counts: the key of the
    ``datasets`` cache. With ``split``, the files of that split only: the hash of the gold a
    results file was scored against, which rebuilding another split leaves unchanged. A missing
    file contributes its path only, so that adding it changes the hash.
    """
    folder = Path(folder)
    digest = hashlib.sha256()
    splits = available_splits(folder) if split is None else (split,)
    for relpath in sorted(data_file(c, split=s) for c in CONFIGS for s in splits):
        digest.update(relpath.encode("utf-8") + b"\0")
        path = folder / relpath
        if path.is_file():
            body = path.read_bytes()
            digest.update(str(len(body)).encode("ascii") + b"\0" + body)
    return digest.hexdigest()
