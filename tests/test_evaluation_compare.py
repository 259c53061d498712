"""benchmark.evaluation.compare: paired tests of two submissions on the same units."""

import pytest

from benchmark.evaluation.compare import compare
from benchmark.evaluation.evaluate import load_split


def test_compare_the_gold_with_itself(gold_submission):
    gold = load_split()
    path = gold_submission
    rows, n_units = compare(path, path, gold=gold, n_bootstrap=20, n_rounds=20)
    assert n_units == sum(len(d.sentences) for d in gold.annotations.documents)
    assert len(rows) == 4 * (5 + 3 + 7 + 4)
    assert all(r.delta == 0 and r.bootstrap.p_value == 1.0 for r in rows)
    assert all(r.permutation.p_value == 1.0 and r.n_differing == 0 for r in rows)
    assert all(r.permutation.method == "exact" for r in rows)


def test_unplaced_predictions_count_in_every_resample(tmp_path, test_gold):
    from support.files import write_jsonl

    from benchmark.submission import submission_line_from_annotations

    lines = [submission_line_from_annotations(test_gold, d.doc_id) for d in test_gold.documents]
    a = write_jsonl(tmp_path / "a.jsonl", lines)
    # B = the gold plus one event whose trigger occurs nowhere and that gives no sentence:
    # a false positive of no sentence (unit (doc, -1))
    lost = {"event_id": "lost", "trigger": {"text": "zzzz"}, "event_type": "Life:Die",
            "polarity": "positive", "certainty": "certain"}  # fmt: skip
    lines[0]["events"].append(lost)
    b = write_jsonl(tmp_path / "b.jsonl", lines)
    rows, _ = compare(a, b, gold=load_split(), n_bootstrap=200, n_rounds=20)
    row = next(r for r in rows if (r.subtask, r.mode) == ("trigger_identification", "exact"))
    # n gold events: A (n, 0, 0) F1 1; B (n, 1, 0) F1 2n / (2n + 1): delta -1 / (2n + 1)
    n = len(test_gold.events)
    assert row.delta == pytest.approx(-1 / (2 * n + 1))
    # one differing unit, the unplaced one: exact permutation over 2 patterns, both as extreme
    assert (row.n_differing, row.permutation.p_value) == (1, 1.0)
    # the bootstrap adds the false positive to every resample: every delta_i < 0 (resampled
    # as a 23rd "sentence", about a third of the resamples would leave it out, delta_i = 0)
    assert row.bootstrap.ci_high < 0
