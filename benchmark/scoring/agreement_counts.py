"""Per-document counts of the agreement rows, and the item pairs both passes annotated.

Shared by :mod:`benchmark.scoring.agreement` (spans, labels) and
:mod:`benchmark.scoring.agreement_links` (links, fields).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from benchmark.dataset.layers import item_id
from benchmark.scoring.modes import EXACT
from benchmark.scoring.scores import PerUnit, Scores
from benchmark.scoring.tasks import TASKS


@dataclass(frozen=True)
class DocumentCounts:
    """The counts of one agreement row per document: its statistic is a function of their sums."""

    doc_ids: tuple[str, ...]
    """The documents, in the first pass's order."""
    columns: tuple[str, ...]
    """Name of each count column (``tp``, ``fp``, ``fn``; ``agreeing``, ``compared``...)."""
    rows: tuple[tuple[int, ...], ...]
    """One tuple of counts per document, in ``doc_ids`` order."""

    def totals(self) -> tuple[int, ...]:
        """Return the sum of every column over the documents."""
        if not self.rows:
            return (0,) * len(self.columns)
        return tuple(sum(column) for column in zip(*self.rows, strict=True))


def identified(report: Scores, task: str) -> tuple[tuple[str, str, str], ...]:
    """Return (doc_id, first id, second id) of the items of ``task`` both passes annotated."""
    return report.get(task, TASKS[task].identification, EXACT.name).matched


def by_id(items: Sequence[object]) -> dict[tuple[str, str], object]:
    """Return (doc_id, own id) -> item."""
    return {(item.doc_id, item_id(item)): item for item in items}


def by_document(per_unit: PerUnit | None, doc_ids: Sequence[str]) -> DocumentCounts:
    """Return the (tp, fp, fn) of per-sentence counts summed per document."""
    where = {doc_id: index for index, doc_id in enumerate(doc_ids)}
    sums = [[0, 0, 0] for _ in doc_ids]
    if per_unit is not None:
        for (doc_id, _), tp, fp, fn in zip(
            per_unit.units, per_unit.tp, per_unit.fp, per_unit.fn, strict=True
        ):
            row = sums[where[doc_id]]
            row[0], row[1], row[2] = row[0] + tp, row[1] + fp, row[2] + fn
    return DocumentCounts(tuple(doc_ids), ("tp", "fp", "fn"), tuple(map(tuple, sums)))
