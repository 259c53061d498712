"""Build a :class:`~benchmark.dataset.schema.Document` from raw text (benchmark segmentation)."""

from __future__ import annotations

from benchmark.dataset.schema import Document, Paragraph, Sentence
from benchmark.dataset.text import paragraphs, sentences


def document_from_text(doc_id: str, text: str) -> Document:
    """Return ``text`` as a document: paragraphs (all ``body``), sentences of benchmark's ``text``.

    Sentence ``uncertain`` flags are False: a submission's sentence labels come from the
    extractor's hedges, not from the document.
    """
    paragraph_spans = paragraphs(text)
    sentence_spans = [
        bounds for start, end in paragraph_spans for bounds in sentences(text, start, end)
    ]
    return Document(
        doc_id=doc_id,
        text=text,
        language="it",
        paragraphs=tuple(Paragraph(start, end, "body") for start, end in paragraph_spans),
        sentences=tuple(
            Sentence(index, start, end, False) for index, (start, end) in enumerate(sentence_spans)
        ),
    )
