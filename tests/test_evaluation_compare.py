"""benchmark.evaluation.compare: paired tests of two submissions on the same units."""

from benchmark.evaluation.compare import compare
from benchmark.evaluation.evaluate import load_split


def test_compare_the_gold_with_itself(gold_submission):
    gold = load_split()
    path = gold_submission
    rows, n_units = compare(path, path, gold=gold, n_bootstrap=20, n_rounds=20)
    assert n_units == sum(len(d.sentences) for d in gold.annotations.documents)
    assert len(rows) == 2 * (5 + 3 + 5 + 4)
    assert all(r.delta == 0 and r.bootstrap.p_value == 1.0 for r in rows)
    assert all(r.randomization.p_value == 1.0 for r in rows)
