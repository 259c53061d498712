"""In-memory result objects of the scorer: counts, per-sentence counts, all scores of a run.

:func:`benchmark.scoring.run.score` returns :class:`Scores`; :mod:`benchmark.evaluation.results`
wraps them with dataset and provenance information into a versioned results file.

Counts are integers, except under a match mode with a credit function
(:class:`~benchmark.scoring.modes.MatchMode`), where a matched pair adds its credit to tp and
the rest of it to fp and fn.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from benchmark.dataset.schema import UNKNOWN_SENTENCE
from benchmark.errors import DataError
from benchmark.scoring.metrics import f1, macro_f1, precision, recall
from benchmark.submission.rejected import RejectedItem
from benchmark.submission.unaligned import UnalignedSpan

Count = int | float
"""A count: an integer, or a sum of credits under a crediting match mode."""


@dataclass(frozen=True)
class Counts:
    """Raw counts of one subtask (or of one label of it)."""

    tp: Count
    """Matched gold/prediction pairs (their credits)."""
    fp: Count
    """Predictions left unmatched (unaligned ones included), plus uncredited parts."""
    fn: Count
    """Gold items left unmatched, plus uncredited parts."""

    @property
    def precision(self) -> float:
        """Return tp / (tp + fp) (zero-division policy of :mod:`benchmark.scoring.metrics`)."""
        return precision(self.tp, self.fp)

    @property
    def recall(self) -> float:
        """Return tp / (tp + fn), same policy."""
        return recall(self.tp, self.fn)

    @property
    def f1(self) -> float:
        """Return 2tp / (2tp + fp + fn), same policy."""
        return f1(self.tp, self.fp, self.fn)


@dataclass(frozen=True)
class PerUnit:
    """Per-sentence counts: one (tp, fp, fn) per unit (doc_id, sentence_id)."""

    units: tuple[tuple[str, int], ...]
    """Every gold sentence in document order, then any extra unit (sentence -1: unknown)."""
    tp: tuple[Count, ...]
    """tp per unit (counted in the gold item's sentence)."""
    fp: tuple[Count, ...]
    """fp per unit (counted in the predicted item's sentence)."""
    fn: tuple[Count, ...]
    """fn per unit (counted in the gold item's sentence)."""

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Return (tp, fp, fn) as arrays, the input of :mod:`benchmark.stats`.

        int64 for integer counts (the statistics accept only those); float64 for credits.
        """
        columns = (self.tp, self.fp, self.fn)
        integral = all(isinstance(x, int) for column in columns for x in column)
        return tuple(np.asarray(x, dtype=np.int64 if integral else np.float64) for x in columns)

    def placed_and_unplaced(self) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...] | None]:
        """Return the :meth:`arrays` of the units with a sentence, and of those without one.

        Units of sentence ``-1`` hold the predictions no sentence could be given (all their
        spans unaligned); the statistics add them to every resample instead of resampling
        them as a sentence. The second triple is None when there is no such unit.
        """
        columns = self.arrays()
        placed = np.array([sentence != UNKNOWN_SENTENCE for _, sentence in self.units], bool)
        if placed.all():
            return columns, None
        return (
            tuple(column[placed] for column in columns),
            tuple(column[~placed] for column in columns),
        )

    def reindexed(self, units: Sequence[tuple[str, int]]) -> PerUnit:
        """Return the counts over ``units`` (zeros where absent), e.g. to pair two systems."""
        where = {unit: i for i, unit in enumerate(self.units)}
        dropped = [u for u, i in where.items() if u not in set(units) and self._nonzero(i)]
        if dropped:
            raise DataError(f"units {dropped[:3]} hold counts but are not in the new unit list")

        def column(values: tuple[int, ...]) -> tuple[int, ...]:
            return tuple(values[where[u]] if u in where else 0 for u in units)

        return PerUnit(tuple(units), column(self.tp), column(self.fp), column(self.fn))

    def _nonzero(self, i: int) -> bool:
        return bool(self.tp[i] or self.fp[i] or self.fn[i])


@dataclass(frozen=True)
class SubtaskResult:
    """Scores of one (task, subtask, match mode)."""

    task: str
    """``events``, ``casualties``, ``attributions`` or ``hedges``."""
    subtask: str
    """Subtask name (defined in the task's scoring module)."""
    mode: str
    """Match mode name (``exact``, ``overlap``...)."""
    tp: Count
    """Matched pairs (their credits)."""
    fp: Count
    """Unmatched predictions (and uncredited parts)."""
    fn: Count
    """Unmatched gold items (and uncredited parts)."""
    per_type: Mapping[str, Counts] = field(default_factory=dict)
    """Label (or breakdown entry) -> counts; empty for untyped subtasks."""
    matched: tuple[tuple[str, str, str], ...] = ()
    """(doc_id, gold_id, pred_id) of every matched pair."""
    missed: tuple[tuple[str, str], ...] = ()
    """(doc_id, gold_id) of every unmatched gold item."""
    spurious: tuple[tuple[str, str], ...] = ()
    """(doc_id, pred_id) of every unmatched prediction."""
    per_unit: PerUnit | None = field(default=None, compare=False)
    """Per-sentence counts for the bootstrap (not written to results files)."""
    ci95: tuple[float, float] | None = None
    """95% bootstrap interval of F1, when computed."""

    @property
    def counts(self) -> Counts:
        """The (tp, fp, fn) triple."""
        return Counts(self.tp, self.fp, self.fn)

    @property
    def precision(self) -> float:
        """Derived precision."""
        return self.counts.precision

    @property
    def recall(self) -> float:
        """Derived recall."""
        return self.counts.recall

    @property
    def f1(self) -> float:
        """Derived F1."""
        return self.counts.f1

    @property
    def macro_f1(self) -> float | None:
        """Mean F1 over the ``per_type`` entries; None for an untyped subtask (no entries)."""
        return macro_f1((c.tp, c.fp, c.fn) for c in self.per_type.values())

    def with_ci95(self, low: float, high: float) -> SubtaskResult:
        """Return a copy carrying the interval ``(low, high)``."""
        return replace(self, ci95=(float(low), float(high)))


@dataclass(frozen=True)
class Scores:
    """Everything :func:`benchmark.scoring.run.score` computes for one submission."""

    results: tuple[SubtaskResult, ...]
    """One result per attempted (task, subtask, mode), in report order."""
    not_attempted: tuple[str, ...] = ()
    """Tasks (``casualties``) and subtasks (``hedges/uncertain``) not attempted."""
    unaligned: tuple[UnalignedSpan, ...] = ()
    """Every unaligned span of the submission (rejected items' placeholders excluded)."""
    rejected: tuple[RejectedItem, ...] = ()
    """Items of the submission kept as false positives because they had errors (lenient)."""

    def get(self, task: str, subtask: str, mode: str) -> SubtaskResult:
        """Return one result; KeyError when it was not scored."""
        for result in self.results:
            if (result.task, result.subtask, result.mode) == (task, subtask, mode):
                return result
        raise KeyError((task, subtask, mode))
