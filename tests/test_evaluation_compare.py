"""benchmark.evaluation.compare: paired tests of two submissions on the same units."""

import json

from benchmark.evaluation.compare import compare
from benchmark.evaluation.evaluate import load_split
from benchmark.submission import submission_line_from_annotations


def test_compare_the_gold_with_itself(tmp_path):
    gold = load_split()
    annotations = gold.annotations
    path = tmp_path / "g.jsonl"
    path.write_text(
        "".join(
            json.dumps(submission_line_from_annotations(annotations, d.doc_id)) + "\n"
            for d in annotations.documents
        ),
        "utf-8",
    )
    rows, n_units = compare(path, path, gold=gold, n_bootstrap=20, n_rounds=20)
    assert n_units == sum(len(d.sentences) for d in annotations.documents)
    assert len(rows) == 2 * (5 + 3 + 5 + 4)
    assert all(r.delta == 0 and r.bootstrap.p_value == 1.0 for r in rows)
    assert all(r.randomization.p_value == 1.0 for r in rows)
