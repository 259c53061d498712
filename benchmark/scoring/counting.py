"""The generic counter: turns matched pairs into a :class:`SubtaskResult`.

tp = matched pairs; fp = predictions left unmatched (unaligned ones included, so they are
never dropped); fn = gold items left unmatched. Under a match mode with a credit function a
matched pair adds its credit ``c`` to tp and ``1 - c`` to both fp and fn (so tp + fp is still
the number of predictions and tp + fn the number of gold items); otherwise every pair counts 1
and all counts are integers. Credits are summed exactly (as fractions) and each count is
rounded to a float once at the end, so counts never depend on the order of the pairs; a count
that comes out whole is an integer. The per-type breakdown counts, for typed subtasks, tp and
fn under the gold item's label and fp under the predicted item's label (a matched pair has one label
when the label is part of the key). Per-sentence counts put tp and fn in the gold item's
sentence and fp in the predicted item's sentence. Id lists are sorted by (doc_id, natural item
id order), so they never depend on the order of the input.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from fractions import Fraction

import numpy as np

from benchmark.scoring.items import Item, natural_key
from benchmark.scoring.modes import MatchMode
from benchmark.scoring.scores import Count, Counts, PerUnit, SubtaskResult

Matched = Sequence[tuple[Item, Item, int | Fraction]]
"""Matched (gold, prediction, credit) triples."""


def matched_pairs(
    gold: Sequence[Item], pred: Sequence[Item], pairs: np.ndarray, *, mode: MatchMode
) -> list[tuple[Item, Item, int | Fraction]]:
    """Return the (gold, prediction, credit) of every pair; credit 1 without a credit function.

    Credits are exact: integers, or fractions (a float credit is converted exactly).
    """
    credit = mode.credit
    return [
        (gold[g], pred[p], 1 if credit is None else _exact(credit(gold[g], pred[p])))
        for g, p in pairs.tolist()
    ]


def _exact(value: int | float | Fraction) -> int | Fraction:
    """Return a credit as an int or an exact fraction."""
    return value if isinstance(value, int) else Fraction(value)


def number(value: int | Fraction) -> Count:
    """Return an exact count as stored: an int when it is whole, else the nearest float."""
    if isinstance(value, Fraction):
        return int(value) if value.denominator == 1 else float(value)
    return value


def count(
    gold: Sequence[Item],
    pred: Sequence[Item],
    pairs: np.ndarray,
    *,
    task: str,
    subtask: str,
    mode: MatchMode,
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
    matched = matched_pairs(gold, pred, pairs, mode=mode)
    lost = sum(1 - c for _, _, c in matched)
    return SubtaskResult(
        task=task,
        subtask=subtask,
        mode=mode.name,
        tp=number(sum(c for _, _, c in matched)),
        fp=number(len(spurious) + lost),
        fn=number(len(missed) + lost),
        per_type=per_type if per_type is not None else label_counts(matched, missed, spurious),
        matched=tuple(
            sorted(
                ((g.doc_id, g.item_id, p.item_id) for g, p, _ in matched),
                key=lambda row: (row[0], natural_key(row[1]), natural_key(row[2])),
            )
        ),
        missed=_ids(missed),
        spurious=_ids(spurious),
        per_unit=_per_unit(matched, missed, spurious, units),
    )


def totals(
    gold: Sequence[Item], pred: Sequence[Item], pairs: np.ndarray, *, mode: MatchMode
) -> Counts:
    """Return only the (tp, fp, fn) of a matching (breakdown entries)."""
    credits = [c for _, _, c in matched_pairs(gold, pred, pairs, mode=mode)]
    tp = sum(credits)
    return Counts(number(tp), number(len(pred) - tp), number(len(gold) - tp))


def label_counts(
    matched: Matched, missed: Sequence[Item], spurious: Sequence[Item]
) -> dict[str, Counts]:
    """Return the per-label counts of a typed subtask (empty when no item has a label)."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p, c in matched:
        tp[g.label] += c
        if c != 1:
            fn[g.label] += 1 - c
            fp[p.label] += 1 - c
    fn.update(g.label for g in missed)
    fp.update(p.label for p in spurious)
    labels = sorted({*tp, *fn, *fp} - {None})
    return {
        label: Counts(number(tp[label]), number(fp[label]), number(fn[label])) for label in labels
    }


def _ids(items: Sequence[Item]) -> tuple[tuple[str, str], ...]:
    return tuple(
        sorted(((i.doc_id, i.item_id) for i in items), key=lambda r: (r[0], natural_key(r[1])))
    )


def _per_unit(
    matched: Matched,
    missed: Sequence[Item],
    spurious: Sequence[Item],
    units: Sequence[tuple[str, int]],
) -> PerUnit:
    """Count per (doc_id, sentence_id); sentences outside ``units`` are appended, sorted."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p, c in matched:
        tp[g.doc_id, g.sentence_id] += c
        if c != 1:
            fn[g.doc_id, g.sentence_id] += 1 - c
            fp[p.doc_id, p.sentence_id] += 1 - c
    fn.update((g.doc_id, g.sentence_id) for g in missed)
    fp.update((p.doc_id, p.sentence_id) for p in spurious)
    known = set(units)
    extra = sorted({*tp, *fn, *fp} - known)
    all_units = (*units, *extra)
    return PerUnit(
        units=tuple(all_units),
        tp=tuple(number(tp[u]) for u in all_units),
        fp=tuple(number(fp[u]) for u in all_units),
        fn=tuple(number(fn[u]) for u in all_units),
    )
