from __future__ import annotations

import numpy as np
import pytest

from benchmark.errors import DataError
from benchmark.scoring.scores import Counts, PerUnit, Scores, SubtaskResult


def test_counts_derive_ratios():
    assert (Counts(1, 3, 0).precision, Counts(1, 3, 0).recall) == (0.25, 1.0)


def test_per_unit_arrays_and_reindex():
    per_unit = PerUnit((("d", 0), ("d", 1)), (1, 0), (0, 2), (1, 1))
    tp, fp, fn = per_unit.arrays()
    assert tp.dtype == np.int64 and fp.tolist() == [0, 2]
    wider = per_unit.reindexed([("d", 0), ("d", 1), ("d", -1)])
    assert wider.fp == (0, 2, 0)
    with pytest.raises(DataError, match="hold counts"):
        per_unit.reindexed([("d", 0)])


def test_report_get_and_ci():
    result = SubtaskResult("events", "cue", "exact", 1, 1, 1)
    report = Scores((result,))
    assert report.get("events", "cue", "exact").f1 == 0.5
    assert result.with_ci95(0.1, 0.9).ci95 == (0.1, 0.9)
    with pytest.raises(KeyError):
        report.get("events", "cue", "overlap")
