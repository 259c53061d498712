"""Test oracle: seqeval strict IOB2 on the flat ``tokens`` view, beside our exact span counts.

The ``tokens`` view (:mod:`benchmark.dataset.tokens_view`) tags four flat span layers in BIO2,
one row per sentence: ``event_tags``, ``hedge_tags``, ``attribution_tags``, ``casualty_tags``. For a
gold view and a prediction's view generated the same way (:func:`flat_view`),
:func:`flat_layer_scores` computes per column:

- seqeval's micro precision, recall and F1 with ``mode="strict", scheme=IOB2`` (both are
  always passed: ``mode="strict"`` without ``scheme`` silently falls back to seqeval's lenient
  default) and ``zero_division=0`` (the project's policy, :mod:`benchmark.scoring.metrics`);
- our side: each row's tags decoded into typed CHARACTER spans (type = tag suffix, from the
  first token's start to the last token's end) and counted by the generic exact matcher
  (:func:`benchmark.scoring.matching.match`), P/R/F1 from :func:`benchmark.scoring.metrics.prf`.

The decoding follows seqeval's strict IOB2 entity rule: an entity starts at ``B-X`` and goes on
over the ``I-X`` tags that follow it; an ``I-`` tag that continues no entity of its type is
not part of any entity (views built by :mod:`benchmark.dataset.tokens_view` never contain one).
So the two sides must agree exactly; ``tests/test_scoring_flat.py`` checks that they do on the real
gold, and that for events and hedges the flat figures equal the standoff scorer's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from seqeval.metrics import f1_score, precision_score, recall_score
from seqeval.scheme import IOB2

from benchmark.dataset.layers import LAYER_NAMES, TAG_COLUMNS
from benchmark.dataset.schema import Annotations, TokenRow
from benchmark.dataset.tokens_view import DroppedSpan, build_tokens_view
from benchmark.errors import DataError
from benchmark.scoring.items import Item
from benchmark.scoring.matching import match
from benchmark.scoring.metrics import ZERO_DIVISION, prf
from benchmark.scoring.modes import EXACT


class FlatScore(NamedTuple):
    """seqeval's strict IOB2 figures and our exact counts for one tag column."""

    seqeval_precision: float
    """seqeval ``precision_score(mode="strict", scheme=IOB2)``, micro average."""
    seqeval_recall: float
    """seqeval ``recall_score(mode="strict", scheme=IOB2)``, micro average."""
    seqeval_f1: float
    """seqeval ``f1_score(mode="strict", scheme=IOB2)``, micro average."""
    tp: int
    """Our exact matcher: predicted spans identical (offsets and type) to a gold span."""
    fp: int
    """Our exact matcher: predicted spans left unmatched."""
    fn: int
    """Our exact matcher: gold spans left unmatched."""

    @property
    def ours(self) -> tuple[float, float, float]:
        """Our (precision, recall, F1) from tp, fp, fn (:func:`benchmark.scoring.metrics.prf`)."""
        return prf(self.tp, self.fp, self.fn)


def flat_view(annotations: Annotations) -> tuple[tuple[TokenRow, ...], tuple[DroppedSpan, ...]]:
    """Return the token rows of every document of ``annotations`` and the spans dropped.

    Built by :func:`benchmark.dataset.tokens_view.build_tokens_view`, document by document,
    exactly as the committed ``tokens`` config is built from the gold layers.
    """
    rows: list[TokenRow] = []
    dropped: list[DroppedSpan] = []
    for document in annotations.documents:
        of_doc = {
            layer: [item for item in getattr(annotations, layer) if item.doc_id == document.doc_id]
            for layer in LAYER_NAMES
        }
        view = build_tokens_view(document, **of_doc)
        rows.extend(view.rows)
        dropped.extend(view.dropped)
    return tuple(rows), tuple(dropped)


def decode_spans(row: TokenRow, *, column: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, type)`` character spans of one tag column of ``row``.

    seqeval's strict IOB2 rule: ``B-X`` opens an entity, the ``I-X`` right after it extend it;
    a stray ``I-`` tag belongs to no entity.
    """
    tags = _column(row, column)
    spans = []
    i = 0
    while i < len(tags):
        if not tags[i].startswith("B-"):
            i += 1
            continue
        label, last = tags[i][2:], i
        while last + 1 < len(tags) and tags[last + 1] == f"I-{label}":
            last += 1
        spans.append((row.token_starts[i], row.token_ends[last], label))
        i = last + 1
    return spans


def flat_layer_scores(
    gold_rows: Sequence[TokenRow], pred_rows: Sequence[TokenRow]
) -> dict[str, FlatScore]:
    """Score every tag column of ``pred_rows`` against ``gold_rows`` with seqeval and with ours.

    Rows are paired by ``(doc_id, sentence_id)``; both sides must hold the same sentences with
    the same token offsets (raises :class:`DataError` otherwise).
    """
    pred_of = _paired(gold_rows, pred_rows)
    aligned = [pred_of[(row.doc_id, row.sentence_id)] for row in gold_rows]
    options = {"mode": "strict", "scheme": IOB2, "zero_division": ZERO_DIVISION}
    scores = {}
    for column in TAG_COLUMNS:
        y_true = [list(_column(row, column)) for row in gold_rows]
        y_pred = [list(_column(row, column)) for row in aligned]
        gold_items = _items(gold_rows, column)
        pred_items = _items(pred_rows, column)
        tp = len(match(gold_items, pred_items, mode=EXACT))
        scores[column] = FlatScore(
            seqeval_precision=float(precision_score(y_true, y_pred, **options)),
            seqeval_recall=float(recall_score(y_true, y_pred, **options)),
            seqeval_f1=float(f1_score(y_true, y_pred, **options)),
            tp=tp,
            fp=len(pred_items) - tp,
            fn=len(gold_items) - tp,
        )
    return scores


def _column(row: TokenRow, column: str) -> tuple[str, ...]:
    """Return one tag column of ``row``; DataError for a name outside TAG_COLUMNS."""
    if column not in TAG_COLUMNS:
        raise DataError(f"unknown tag column {column!r}; expected one of {list(TAG_COLUMNS)}")
    return getattr(row, column)


def _items(rows: Sequence[TokenRow], column: str) -> list[Item]:
    """Return one typed single-span item per decoded span (id ``<sentence_id>:<n>``)."""
    return [
        Item(f"{row.sentence_id}:{n}", row.doc_id, row.sentence_id, ((start, end),), label=label)
        for row in rows
        for n, (start, end, label) in enumerate(decode_spans(row, column=column))
    ]


def _paired(
    gold_rows: Sequence[TokenRow], pred_rows: Sequence[TokenRow]
) -> dict[tuple[str, int], TokenRow]:
    """Return the prediction rows by (doc_id, sentence_id), checked against the gold rows."""
    pred_of: dict[tuple[str, int], TokenRow] = {}
    for row in pred_rows:
        key = (row.doc_id, row.sentence_id)
        if key in pred_of:
            raise DataError(f"duplicate prediction row {key}", field="sentence_id")
        pred_of[key] = row
    gold_keys = {(row.doc_id, row.sentence_id) for row in gold_rows}
    if len(gold_keys) != len(gold_rows):
        raise DataError("duplicate gold rows (doc_id, sentence_id)", field="sentence_id")
    if gold_keys != set(pred_of):
        missing = sorted(gold_keys - set(pred_of))[:3]
        extra = sorted(set(pred_of) - gold_keys)[:3]
        raise DataError(f"rows differ: missing {missing}, extra {extra}", field="sentence_id")
    for row in gold_rows:
        other = pred_of[(row.doc_id, row.sentence_id)]
        if (other.token_starts, other.token_ends) != (row.token_starts, row.token_ends):
            key = (row.doc_id, row.sentence_id)
            raise DataError(f"row {key}: token offsets differ from the gold", field="token_starts")
    return pred_of
