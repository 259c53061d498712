"""The generic counter: turns matched pairs into a :class:`SubtaskResult`.

tp = matched pairs; fp = predictions left unmatched (unaligned ones included, so they are
never dropped); fn = gold items left unmatched. The per-type breakdown counts, for typed
subtasks, tp and fn under the gold item's label and fp under the predicted item's label (a
matched pair always has one label: it is part of the key). Per-sentence counts put tp and fn in
the gold item's sentence and fp in the predicted item's sentence. Id lists are sorted by
(doc_id, natural item id order), so they never depend on the order of the input.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from benchmark.scoring.items import Item, natural_key
from benchmark.scoring.report import Counts, PerUnit, SubtaskResult


def count(
    gold: Sequence[Item],
    pred: Sequence[Item],
    pairs: np.ndarray,
    *,
    task: str,
    subtask: str,
    mode: str,
    units: Sequence[tuple[str, int]],
    per_type: dict[str, Counts] | None = None,
) -> SubtaskResult:
    """Count one subtask; ``per_type`` replaces the label breakdown when given."""
    gold_matched = np.zeros(len(gold), dtype=bool)
    pred_matched = np.zeros(len(pred), dtype=bool)
    gold_matched[pairs[:, 0]] = True
    pred_matched[pairs[:, 1]] = True
    missed = [g for g, hit in zip(gold, gold_matched, strict=True) if not hit]
    spurious = [p for p, hit in zip(pred, pred_matched, strict=True) if not hit]
    matched = [(gold[g], pred[p]) for g, p in pairs.tolist()]
    return SubtaskResult(
        task=task,
        subtask=subtask,
        mode=mode,
        tp=len(matched),
        fp=len(spurious),
        fn=len(missed),
        per_type=per_type if per_type is not None else label_counts(matched, missed, spurious),
        matched=tuple(
            sorted(
                ((g.doc_id, g.item_id, p.item_id) for g, p in matched),
                key=lambda row: (row[0], natural_key(row[1]), natural_key(row[2])),
            )
        ),
        missed=_ids(missed),
        spurious=_ids(spurious),
        per_unit=_per_unit(matched, missed, spurious, units),
    )


def totals(gold: Sequence[Item], pred: Sequence[Item], pairs: np.ndarray) -> Counts:
    """Return only the (tp, fp, fn) of a matching (breakdown entries)."""
    return Counts(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))


def label_counts(
    matched: Sequence[tuple[Item, Item]], missed: Sequence[Item], spurious: Sequence[Item]
) -> dict[str, Counts]:
    """Return the per-label counts of a typed subtask (empty when no item has a label)."""
    tp = Counter(g.label for g, _ in matched)
    fn = Counter(g.label for g in missed)
    fp = Counter(p.label for p in spurious)
    labels = sorted({*tp, *fn, *fp} - {None})
    return {label: Counts(tp[label], fp[label], fn[label]) for label in labels}


def _ids(items: Sequence[Item]) -> tuple[tuple[str, str], ...]:
    return tuple(
        sorted(((i.doc_id, i.item_id) for i in items), key=lambda r: (r[0], natural_key(r[1])))
    )


def _per_unit(
    matched: Sequence[tuple[Item, Item]],
    missed: Sequence[Item],
    spurious: Sequence[Item],
    units: Sequence[tuple[str, int]],
) -> PerUnit:
    """Count per (doc_id, sentence_id); sentences outside ``units`` are appended, sorted."""
    tp = Counter((g.doc_id, g.sentence_id) for g, _ in matched)
    fn = Counter((g.doc_id, g.sentence_id) for g in missed)
    fp = Counter((p.doc_id, p.sentence_id) for p in spurious)
    known = set(units)
    extra = sorted({*tp, *fn, *fp} - known)
    all_units = (*units, *extra)
    return PerUnit(
        units=tuple(all_units),
        tp=tuple(tp[u] for u in all_units),
        fp=tuple(fp[u] for u in all_units),
        fn=tuple(fn[u] for u in all_units),
    )
