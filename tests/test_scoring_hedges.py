"""Hand-computed hedge scores, both match modes (counts worked out in the comments)."""

from __future__ import annotations

import pytest
from support.documents import counts
from support.hedge_case import GOLD, PRED
from support.sklearn_oracle import sklearn_uncertain_prf

from benchmark.scoring import score
from benchmark.scoring.scores import Counts
from benchmark.scoring.sentences import gold_sentence_labels

LABELS = {("d1", 0): True, ("d1", 2): True}


@pytest.fixture(scope="module")
def report():
    return score(GOLD, PRED, attempted={"hedges", "sentences"}, sentence_labels=LABELS)


@pytest.mark.parametrize(
    ("subtask", "mode", "expected"),
    [
        ("cue", "exact", (1, 2, 1)),  # K2 only
        ("cue", "overlap", (2, 1, 0)),  # K1 and K2
        ("cue_typed", "exact", (0, 3, 2)),  # K2 has the wrong type
        ("cue_typed", "overlap", (1, 2, 1)),  # K1
        ("scope", "exact", (1, 2, 1)),  # K2: cue and scope identical
        ("scope", "overlap", (2, 1, 0)),  # K1: both overlap
        # uncertain: s0 tp, s2 fp, s1 fn (mode does not matter)
        ("uncertain", "exact", (1, 1, 1)),
        ("uncertain", "overlap", (1, 1, 1)),
    ],
)
def test_counts(report, subtask, mode, expected):
    assert counts(report, "hedges", subtask, mode) == expected


def test_cue_typed_per_type(report):
    assert report.get("hedges", "cue_typed", "overlap").per_type == {
        "conditional": Counts(1, 0, 0),
        "epistemic": Counts(0, 1, 1),  # K3 spurious, H2 missed
        "evidential": Counts(0, 1, 0),  # K2
    }


def test_uncertain_equals_scikit_learn(report):
    result = report.get("hedges", "uncertain", "exact")
    units = [("d1", 0), ("d1", 1), ("d1", 2)]
    expected = sklearn_uncertain_prf(gold_sentence_labels(GOLD), LABELS, units=units)
    assert expected == (0.5, 0.5, 0.5)
    assert (result.precision, result.recall, result.f1) == expected


def test_uncertain_needs_sentences_key():
    report = score(GOLD, PRED, attempted={"hedges"})
    assert report.not_attempted == ("events", "casualties", "attributions", "hedges/uncertain")
    with pytest.raises(KeyError):
        report.get("hedges", "uncertain", "exact")


def test_sentences_without_hedges():
    report = score(GOLD, PRED, attempted={"sentences"}, sentence_labels=LABELS)
    assert "hedges/cue" in report.not_attempted
    assert counts(report, "hedges", "uncertain", "exact") == (1, 1, 1)
