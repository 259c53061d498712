"""The source documents of an annotations split, and their rows built from the gold.

An annotations split (:mod:`benchmark.dataset.splits`) has a ``source`` folder of texts and
metadata and a ``gold`` folder of adjudicated annotation YAMLs. Its documents are the texts
of its source folder whose metadata names the split (``split``; absent: the main split). The
folder is read strictly: every text has its metadata and its gold file, every gold file its
text, and every metadata names a split whose documents live in that folder. Every problem
raises :class:`~benchmark.errors.DataError` naming the file (and line and key).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmark.dataset.annotation_source import PassAnnotations, load_annotation_file
from benchmark.dataset.configs import CONFIGS
from benchmark.dataset.document_rows import document_rows, id_order
from benchmark.dataset.documents import build_document, read_text
from benchmark.dataset.layers import LAYERS
from benchmark.dataset.meta import check_text_hash, load_meta
from benchmark.dataset.schema import Document
from benchmark.dataset.splits import ANNOTATIONS, SPLITS, splits_of_source
from benchmark.dataset.tokens_view import DroppedSpan
from benchmark.errors import DataError


@dataclass(frozen=True)
class SourceDocument:
    """One source text of a split, with its checked metadata."""

    doc_id: str
    """The document id (the file stem)."""
    text_path: Path
    """``<source>/<doc_id>.txt``."""
    meta_path: Path
    """``<source>/<doc_id>.meta.yaml``."""
    text: str
    """The text, exactly as in the file (its SHA-256 equals the metadata's)."""
    meta: dict[str, Any]
    """The metadata, checked, optional keys filled in (:func:`benchmark.dataset.meta.load_meta`)."""


@dataclass(frozen=True)
class SplitRows:
    """What the build makes of one annotations split."""

    split: str
    """The split name."""
    documents: tuple[SourceDocument, ...]
    """Its source documents, by doc_id."""
    rows: dict[str, list[dict]]
    """config -> rows (sorted by doc_id, then numeric id or sentence)."""
    dropped: tuple[DroppedSpan, ...]
    """Spans its flat tokens view left out."""


def _annotations_spec(split: str):
    spec = SPLITS.get(split)
    if spec is None or spec.kind != ANNOTATIONS:
        raise DataError(f"{split!r} is not an annotations split", field="split")
    return spec


def split_documents(data_dir: Path, split: str) -> tuple[SourceDocument, ...]:
    """Return the source documents of ``split``, sorted by doc_id (metadata and hash checked)."""
    spec = _annotations_spec(split)
    source_dir = Path(data_dir) / spec.source
    if not source_dir.is_dir():
        raise DataError("source folder does not exist", file=source_dir)
    texts = sorted(source_dir.glob("*.txt"))
    if not texts:
        raise DataError("no source text (*.txt) found", file=source_dir)
    sharing = splits_of_source(spec.source)
    found = []
    for text_path in texts:
        doc_id = text_path.stem
        meta_path = source_dir / f"{doc_id}.meta.yaml"
        if not meta_path.is_file():
            raise DataError(f"no metadata file {meta_path.name}", file=text_path)
        meta = load_meta(meta_path, doc_id=doc_id)
        if meta["split"] not in sharing:
            message = (
                f"split {meta['split']!r} does not take its documents from {spec.source}/ "
                f"(its splits: {', '.join(sharing)})"
            )
            raise DataError(message, file=meta_path, field="split")
        if meta["split"] != split:
            continue
        text = read_text(text_path)
        check_text_hash(text, meta, file=meta_path)
        found.append(SourceDocument(doc_id, text_path, meta_path, text, meta))
    if not found:
        raise DataError(f"no document of split {split} (metadata key split)", file=source_dir)
    return tuple(found)


def split_gold(data_dir: Path, split: str, documents: tuple[SourceDocument, ...]):
    """Return doc_id -> the parsed gold of each document of ``split``.

    DataError for a document without a gold file, or a gold file of the split's folder whose
    text is in no split reading that folder.
    """
    spec = _annotations_spec(split)
    gold_dir = Path(data_dir) / spec.gold
    if not gold_dir.is_dir():
        raise DataError("gold annotation folder does not exist", file=gold_dir)
    known = {
        path.stem
        for name in SPLITS
        if SPLITS[name].gold == spec.gold and SPLITS[name].source
        for path in (Path(data_dir) / SPLITS[name].source).glob("*.txt")
    }
    for path in sorted(gold_dir.glob("*.yaml")):
        if path.stem not in known:
            raise DataError(f"no source text {path.stem}.txt for this gold file", file=path)
    gold: dict[str, PassAnnotations] = {}
    for document in documents:
        gold_path = gold_dir / f"{document.doc_id}.yaml"
        if not gold_path.is_file():
            message = f"no gold annotations {spec.gold}/{gold_path.name} for this text"
            raise DataError(message, file=document.text_path)
        gold[document.doc_id] = load_annotation_file(gold_path, text=document.text)
    return gold


def build_split_document(source: SourceDocument, gold: PassAnnotations) -> Document:
    """Return the :class:`Document` of one source document, uncertainty from its gold hedges."""
    return build_document(
        source.doc_id,
        source.text,
        source.meta,
        hedges=gold.annotations.hedges,
        meta_file=source.meta_path,
    )


def collect_rows(*, data_dir: Path, split: str) -> SplitRows:
    """Parse every source document of ``split`` and its gold; return its rows per config."""
    documents = split_documents(Path(data_dir), split)
    gold = split_gold(Path(data_dir), split, documents)
    rows: dict[str, list[dict]] = {config: [] for config in CONFIGS}
    dropped: list[DroppedSpan] = []
    for source in documents:
        document = build_split_document(source, gold[source.doc_id])
        document_config_rows, document_dropped = document_rows(document, gold[source.doc_id])
        dropped.extend(document_dropped)
        for config, config_rows in document_config_rows.items():
            rows[config].extend(config_rows)
    for config, config_rows in rows.items():
        config_rows.sort(key=lambda row, c=config: _row_order(c, row))
    return SplitRows(split=split, documents=documents, rows=rows, dropped=tuple(dropped))


def _row_order(config: str, row: dict) -> tuple:
    """Sort key: doc_id, then numeric id (``E2`` before ``E10``) or sentence id."""
    if config in LAYERS:
        return (row["doc_id"], *id_order(row[LAYERS[config].id_field]))
    return (row["doc_id"], row.get("sentence_id", 0), "")
