"""The public rows of one document: its ``documents`` row, its gold layers, its tokens view.

One function for both builds that write rows: the test split (:mod:`benchmark.dataset.build`)
and the contrast split (:mod:`benchmark.dataset.contrast.build`).
"""

from __future__ import annotations

from benchmark.dataset.annotation_source import PassAnnotations
from benchmark.dataset.layers import LAYERS
from benchmark.dataset.rows import to_row
from benchmark.dataset.schema import Document
from benchmark.dataset.tokens_view import DroppedSpan, build_tokens_view


def id_order(item_id: str) -> tuple[int, str]:
    """Sort key of an item id: its number first (``E2`` before ``E10``), then the id itself."""
    digits = item_id[1:]
    return (int(digits) if digits.isdigit() else -1, item_id)


def document_rows(
    document: Document, gold: PassAnnotations
) -> tuple[dict[str, list[dict]], tuple[DroppedSpan, ...]]:
    """Return the rows of ``document`` per config, and the spans its flat tokens view dropped.

    Configs in the order ``documents``, the four layers (rows in :func:`id_order`), ``tokens``
    (one row per sentence, in sentence order).
    """
    view = build_tokens_view(document, **{name: getattr(gold.annotations, name) for name in LAYERS})
    rows: dict[str, list[dict]] = {"documents": [to_row(document)]}
    for name, spec in LAYERS.items():
        rows[name] = sorted(
            (to_row(item) for item in getattr(gold.annotations, name)),
            key=lambda row, key=spec.id_field: id_order(row[key]),
        )
    rows["tokens"] = [to_row(row) for row in view.rows]
    return rows, tuple(view.dropped)
