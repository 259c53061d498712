"""The annotation passes of a split read from their YAML files, for the agreement tables.

A split's annotation folder is the parent of its gold folder (``annotations/`` for ``test``,
``annotations/wikinews/`` for the Wikinews splits); a pass is a folder in it (``first_pass``,
``pass_a``, ``gold``). :func:`read_pass` returns one pass over exactly the split's documents
(:func:`benchmark.dataset.corpus.split_documents`) as :class:`~benchmark.dataset.schema.
Annotations`, each document built from its source text with the sentence ``uncertain`` flags
of that pass's own hedges. A file written for schema 1.x (the Kharkiv first and second pass) is
read through the data folder's ``label_map_1x.tsv`` (:mod:`benchmark.dataset.annotation_1x`),
so that passes of either schema compare label for label; :attr:`PassRead.schemas` says which.
Everything is read from the YAML, never from the built JSONL files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from benchmark.dataset.annotation_source import load_annotation_file
from benchmark.dataset.corpus import build_split_document, split_documents
from benchmark.dataset.layers import LAYERS
from benchmark.dataset.schema import Annotations
from benchmark.dataset.splits import SPLITS, split
from benchmark.dataset.tables import LABEL_MAP_FILE, read_label_map
from benchmark.errors import DataError

GOLD_PASS = "gold"
"""Name of the adjudicated pass (the split's gold folder)."""


@dataclass(frozen=True)
class PassRead:
    """One pass over the documents of one split."""

    split: str
    """The split."""
    name: str
    """The pass folder's name in the split's annotation folder (``pass_a``, ``gold``)."""
    annotations: Annotations
    """Documents (sorted by doc_id) and layers of the pass."""
    schemas: frozenset[str]
    """Schemas (``1.x``, ``2.0``) its files were written for."""


def annotation_folder(data_dir: Path, split_name: str) -> Path:
    """Return the folder that holds the passes of ``split_name`` (parent of its gold folder)."""
    spec = split(split_name)
    if spec.gold is None:
        raise DataError(f"split {split_name} has no annotation passes", field="split")
    return Path(data_dir) / Path(spec.gold).parent


def default_passes(split_name: str) -> tuple[str, str] | None:
    """Return the names of the two pre-adjudication passes of ``split_name``, or None."""
    spec = split(split_name)
    if spec.passes is None:
        return None
    return tuple(Path(path).name for path in spec.passes)


def splits_with_passes(data_dir: Path) -> tuple[str, ...]:
    """Return the splits whose two pass folders exist in ``data_dir``, in split-table order."""
    return tuple(
        name
        for name, spec in SPLITS.items()
        if spec.passes is not None and all((Path(data_dir) / p).is_dir() for p in spec.passes)
    )


def read_pass(data_dir: Path, split_name: str, name: str) -> PassRead:
    """Return the pass folder ``name`` of the split's annotation folder over its documents.

    DataError (file, line, item, field) for a missing folder, a missing file of a document of
    the split, or any problem of a file.
    """
    data_dir = Path(data_dir)
    folder = annotation_folder(data_dir, split_name) / name
    if not folder.is_dir():
        raise DataError("annotation pass folder does not exist", file=folder)
    table = data_dir / LABEL_MAP_FILE
    label_map = read_label_map(table) if table.is_file() else None
    documents = []
    layers: dict[str, list] = {layer: [] for layer in LAYERS}
    schemas = set()
    for source in split_documents(data_dir, split_name):
        path = folder / f"{source.doc_id}.yaml"
        if not path.is_file():
            raise DataError(f"no file of document {source.doc_id} in this pass", file=folder)
        found = load_annotation_file(path, text=source.text, label_map_1x=label_map)
        schemas.add(found.schema)
        documents.append(build_split_document(source, found))
        for layer, items in layers.items():
            items.extend(getattr(found.annotations, layer))
    annotations = Annotations(
        documents=tuple(documents), **{layer: tuple(items) for layer, items in layers.items()}
    )
    return PassRead(split_name, name, annotations, frozenset(schemas))
