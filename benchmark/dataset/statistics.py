"""What one built split holds: documents, sentences, tokens, rows and labels, per document too.

Computed by :mod:`benchmark.dataset.build` from the rows it writes, for the card's generated
statistics and provenance blocks (:mod:`benchmark.dataset.card`) and the build report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from benchmark.dataset.configs import CONFIGS, LABEL_FIELDS
from benchmark.dataset.layers import TAG_COLUMNS
from benchmark.dataset.tokens_view import DroppedSpan


@dataclass(frozen=True)
class DocumentStatistics:
    """One document of a split."""

    doc_id: str
    """The document id."""
    sentences: int
    """Number of sentences."""
    tokens: int
    """Number of tokens (of the ``tokens`` config)."""
    provenance: Mapping[str, Any] | None
    """The metadata's ``provenance`` (where the text comes from), or None."""


@dataclass(frozen=True)
class SplitStatistics:
    """The counts of one built split."""

    split: str
    """The split name."""
    row_counts: Mapping[str, int]
    """Number of rows per config, in config order."""
    label_counts: Mapping[str, Mapping[str, Mapping[str, int]]]
    """config -> label field -> label -> count (all inventory labels, zeros included); for
    the token tag fields, the number of tagged spans (``B-`` tags) per type."""
    token_count: int
    """Number of tokens in the ``tokens`` config."""
    uncertain_sentences: int
    """Number of sentences flagged ``uncertain``."""
    documents: tuple[DocumentStatistics, ...]
    """Per document, in row order."""
    dropped: tuple[DroppedSpan, ...] = ()
    """Spans the flat view left out (overlap policy of ``benchmark.dataset.tokens_view``)."""

    @property
    def sentence_count(self) -> int:
        """Number of sentences (rows of the ``tokens`` config)."""
        return self.row_counts["tokens"]


def split_statistics(
    split: str,
    rows: Mapping[str, list[dict]],
    *,
    provenance: Mapping[str, Mapping[str, Any] | None] | None = None,
    dropped: tuple[DroppedSpan, ...] = (),
) -> SplitStatistics:
    """Return the statistics of the rows of one split (``provenance``: doc_id -> provenance)."""
    counts: dict[str, dict[str, dict[str, int]]] = {}
    for config, fields in LABEL_FIELDS.items():
        counts[config] = {}
        for field, names in fields.items():
            if field in TAG_COLUMNS:
                tags = Counter(tag for row in rows[config] for tag in row[field])
                types = [name[2:] for name in names if name.startswith("B-")]
                counts[config][field] = {name: tags[f"B-{name}"] for name in types}
                continue
            values = Counter(_field_values(rows[config], field))
            counts[config][field] = {name: values[name] for name in names}
    tokens_of = Counter()
    for row in rows["tokens"]:
        tokens_of[row["doc_id"]] += len(row["tokens"])
    documents = tuple(
        DocumentStatistics(
            doc_id=row["doc_id"],
            sentences=len(row["sentences"]),
            tokens=tokens_of[row["doc_id"]],
            provenance=(provenance or {}).get(row["doc_id"]),
        )
        for row in rows["documents"]
    )
    return SplitStatistics(
        split=split,
        row_counts={config: len(rows[config]) for config in CONFIGS},
        label_counts=counts,
        token_count=sum(tokens_of.values()),
        uncertain_sentences=sum(1 for row in rows["tokens"] if row["uncertain"]),
        documents=documents,
        dropped=tuple(dropped),
    )


def _field_values(rows: list[dict], field: str) -> list[Any]:
    """Return the values of ``field`` (``a.b``: key b of every element of list a)."""
    if "." not in field:
        return [row[field] for row in rows]
    outer, inner = field.split(".", 1)
    return [element[inner] for row in rows for element in row[outer]]
