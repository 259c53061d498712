"""Document construction: segmentation of a source text plus its metadata file.

A source document is ``data/source/<doc_id>.txt`` (the text, byte for byte) and
``data/source/<doc_id>.meta.yaml`` (honest metadata, see :data:`META_KEYS`).
Paragraphs and sentences come from :mod:`benchmark.dataset.text`; which paragraphs are
photo captions is stated in the metadata (``caption_paragraphs``), never guessed
from the wording.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from benchmark.dataset import text as segmentation
from benchmark.dataset.layers import uncertain_sentences
from benchmark.dataset.schema import Document, Hedge, Paragraph, Sentence
from benchmark.dataset.yaml_lines import load_yaml
from benchmark.errors import DataError

# Keys of a metadata file; all are required (null where the value is unknown).
META_KEYS: tuple[str, ...] = (
    "doc_id",
    "language",
    "text_sha256",
    "title",
    "outlet",
    "publication_date",
    "date_inferred",
    "date_evidence",
    "source_note",
    "caption_paragraphs",
)
_NULLABLE_STRINGS = (
    "title",
    "outlet",
    "publication_date",
    "date_inferred",
    "date_evidence",
    "source_note",
)


def read_text(path: Path) -> str:
    """Return the UTF-8 text of ``path`` exactly (no newline translation)."""
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataError(
            f"not valid UTF-8 ({error.reason} at byte {error.start})", file=path
        ) from None


def sentence_offsets(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of every sentence of ``text``, paragraph by paragraph."""
    return [
        span
        for start, end in segmentation.paragraphs(text)
        for span in segmentation.sentences(text, start, end)
    ]


def load_meta(path: Path, *, doc_id: str) -> dict[str, Any]:
    """Read and check the metadata file of document ``doc_id``."""
    meta = load_yaml(read_text(path), file=path)
    if not isinstance(meta, dict):
        raise DataError("expected a mapping of metadata keys", file=path)
    missing = [key for key in META_KEYS if key not in meta]
    if missing:
        raise DataError(f"missing key(s): {', '.join(missing)}", file=path)
    unknown = sorted(str(key) for key in meta if key not in META_KEYS)
    if unknown:
        raise DataError(f"unknown key(s): {', '.join(unknown)}", file=path)
    if meta["doc_id"] != doc_id:
        raise DataError(f"doc_id {meta['doc_id']!r} does not match the file name", file=path)
    for key in ("language", "text_sha256"):
        if not isinstance(meta[key], str) or not meta[key]:
            raise DataError("expected a non-empty string", file=path, field=key)
    for key in _NULLABLE_STRINGS:
        if meta[key] is not None and not isinstance(meta[key], str):
            raise DataError("expected a string or null", file=path, field=key)
    captions = meta["caption_paragraphs"]
    if not isinstance(captions, list) or not all(
        isinstance(index, int) and not isinstance(index, bool) for index in captions
    ):
        raise DataError(
            "expected a list of paragraph indices", file=path, field="caption_paragraphs"
        )
    return meta


def check_text_hash(text: str, meta: Mapping[str, Any], *, file: Path) -> None:
    """Refuse a source text whose SHA-256 differs from the one recorded in its metadata."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if digest != meta["text_sha256"]:
        raise DataError(
            f"text SHA-256 is {digest}, metadata records {meta['text_sha256']}: "
            "the source text must never change",
            file=file,
            field="text_sha256",
        )


def build_document(
    doc_id: str,
    text: str,
    meta: Mapping[str, Any],
    *,
    hedges: Iterable[Hedge] = (),
    meta_file: Path | None = None,
) -> Document:
    """Return the Document of ``text``: segmentation, caption kinds and metadata.

    Sentence ``uncertain`` flags follow the gold ``hedges`` of the document
    (:func:`benchmark.dataset.layers.uncertain_sentences`).
    """
    paragraph_spans = segmentation.paragraphs(text)
    captions = set(meta.get("caption_paragraphs") or ())
    bad = sorted(index for index in captions if not 0 <= index < len(paragraph_spans))
    if bad:
        raise DataError(
            f"paragraph index(es) {bad} out of range 0-{len(paragraph_spans) - 1}",
            file=meta_file,
            field="caption_paragraphs",
        )
    paragraphs = tuple(
        Paragraph(start=start, end=end, kind="caption" if index in captions else "body")
        for index, (start, end) in enumerate(paragraph_spans)
    )
    uncertain = uncertain_sentences(hedges)
    sentences = tuple(
        Sentence(index, start, end, uncertain=(doc_id, index) in uncertain)
        for index, (start, end) in enumerate(sentence_offsets(text))
    )
    return Document(
        doc_id=doc_id,
        text=text,
        language=meta.get("language", "it"),
        paragraphs=paragraphs,
        sentences=sentences,
        title=meta.get("title"),
        outlet=meta.get("outlet"),
        publication_date=meta.get("publication_date"),
        date_inferred=meta.get("date_inferred"),
        date_evidence=meta.get("date_evidence"),
        source_note=meta.get("source_note"),
    )
