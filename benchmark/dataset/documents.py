"""Document construction: segmentation of a source text plus its metadata file.

A source document is ``<source folder>/<doc_id>.txt`` (the text, byte for byte) and
``<doc_id>.meta.yaml`` (honest metadata, :mod:`benchmark.dataset.meta`). Paragraphs and
sentences come from :mod:`benchmark.dataset.text`; which paragraphs are photo captions or the
headline is stated in the metadata (``caption_paragraphs``, ``title_paragraphs``), never
guessed from the wording. A paragraph's kind never changes a sentence: sentence ids are the
segmentation's whatever the kinds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from benchmark.dataset import text as segmentation
from benchmark.dataset.layers import uncertain_sentences
from benchmark.dataset.schema import Document, Hedge, Paragraph, Sentence
from benchmark.errors import DataError

PARAGRAPH_LISTS: tuple[tuple[str, str], ...] = (
    ("caption_paragraphs", "caption"),
    ("title_paragraphs", "title"),
)
"""(metadata key, paragraph kind) of the paragraphs the metadata marks; the rest are ``body``."""


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


def build_document(
    doc_id: str,
    text: str,
    meta: Mapping[str, Any],
    *,
    hedges: Iterable[Hedge] = (),
    meta_file: Path | None = None,
) -> Document:
    """Return the Document of ``text``: segmentation, paragraph kinds and metadata.

    Sentence ``uncertain`` flags follow the gold ``hedges`` of the document
    (:func:`benchmark.dataset.layers.uncertain_sentences`).
    """
    paragraph_spans = segmentation.paragraphs(text)
    kinds = paragraph_kinds(text, meta, meta_file=meta_file)
    paragraphs = tuple(
        Paragraph(start=start, end=end, kind=kinds.get(index, "body"))
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


def paragraph_kinds(
    text: str, meta: Mapping[str, Any], *, meta_file: Path | None = None
) -> dict[int, str]:
    """Return paragraph index -> kind of the paragraphs the metadata marks (caption, title).

    DataError for an index out of range, a paragraph marked twice, or a title paragraph whose
    text is not the metadata's ``title``.
    """
    spans = segmentation.paragraphs(text)
    count = len(spans)
    kinds: dict[int, str] = {}
    for key, kind in PARAGRAPH_LISTS:
        indices = list(meta.get(key) or ())
        bad = sorted(index for index in indices if not 0 <= index < count)
        if bad:
            raise DataError(
                f"paragraph index(es) {bad} out of range 0-{count - 1}", file=meta_file, field=key
            )
        for index in indices:
            if index in kinds:
                message = f"paragraph {index} is marked both {kinds[index]} and {kind}"
                raise DataError(message, file=meta_file, field=key)
            if kind == "title":
                start, end = spans[index]
                if text[start:end] != meta.get("title"):
                    message = f"paragraph {index} is not the metadata's title, word for word"
                    raise DataError(message, file=meta_file, field=key)
            kinds[index] = kind
    return kinds
