"""The gold submitted as a prediction, through the real CLI and the real gold data.

Gold with offsets and gold as text only must score exactly 1.0 everywhere (every mode,
every task, subtask and per-type entry); an empty submission 0.0 P and R everywhere.
"""

import json

from support.subtasks import SUBTASKS

from benchmark import cli
from benchmark.evaluation.results import read_results
from benchmark.submission import submission_line_from_annotations


def text_only(value):
    """Replace every {start, end, text} span by {text} (arguments keep their role)."""
    if isinstance(value, list):
        return [text_only(x) for x in value]
    if not isinstance(value, dict):
        return value
    if {"start", "end", "text"} <= set(value):
        return {k: v for k, v in value.items() if k not in ("start", "end")}
    return {k: text_only(v) for k, v in value.items()}


def write_lines(path, lines):
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    return path


def score_file(tmp_path, lines, name, *extra):
    submission = write_lines(tmp_path / f"{name}.jsonl", lines)
    out = tmp_path / f"{name}-scores.json"
    code = cli.main(["score", str(submission), "--bootstrap", "50", "--out", str(out), *extra])
    assert code == 0
    return json.loads(out.read_text("utf-8")), out


def gold_lines(gold):
    return [submission_line_from_annotations(gold, doc.doc_id) for doc in gold.documents]


def assert_perfect(tasks):
    assert sorted(tasks) == sorted(SUBTASKS)
    for task, subtasks in SUBTASKS.items():
        assert sorted(tasks[task]) == sorted(subtasks)
        for subtask in subtasks:
            assert sorted(tasks[task][subtask]) == ["exact", "normalised", "overlap", "partial"]
            for body in tasks[task][subtask].values():
                assert (body["precision"], body["recall"], body["f1"]) == (1.0, 1.0, 1.0)
                assert body["fp"] == body["fn"] == 0 and body["tp"] > 0
                assert body["ci95"] == [1.0, 1.0]
                assert body["missed"] == [] and body["spurious"] == []
                for counts in body["per_type"].values():
                    assert (counts["precision"], counts["recall"], counts["f1"]) == (1, 1, 1)


def test_gold_scores_one_everywhere(tmp_path, test_gold):
    data, out = score_file(tmp_path, gold_lines(test_gold), "gold")
    assert_perfect(data["tasks"])
    events = data["tasks"]["events"]
    assert events["trigger_identification"]["exact"]["tp"] == len(test_gold.events)
    assert events["argument_identification"]["exact"]["tp"] == sum(
        len(e.arguments) for e in test_gold.events
    )
    assert data["tasks"]["hedges"]["cue"]["overlap"]["tp"] == len(test_gold.hedges)
    uncertain = sum(s.uncertain for d in test_gold.documents for s in d.sentences)
    assert data["tasks"]["hedges"]["uncertain"]["exact"]["tp"] == uncertain
    assert data["not_attempted"] == [] and data["unaligned"] == []
    assert read_results(out).scores.get("events", "factuality", "exact").f1 == 1.0


def test_text_only_gold_scores_one_everywhere(tmp_path, test_gold):
    lines = [text_only(line) for line in gold_lines(test_gold)]
    flat = json.dumps(lines)
    assert '"start"' not in flat and '"end"' not in flat  # really text only
    data, _ = score_file(tmp_path, lines, "text-only")
    assert_perfect(data["tasks"])
    assert data["unaligned"] == []


def test_empty_submission_scores_zero_everywhere(tmp_path, test_gold):
    lines = [
        {
            "doc_id": d.doc_id,
            "events": [],
            "casualties": [],
            "attributions": [],
            "hedges": [],
            "sentences": [],
        }
        for d in test_gold.documents
    ]
    data, _ = score_file(tmp_path, lines, "empty")
    for task, subtasks in SUBTASKS.items():
        for subtask in subtasks:
            for body in data["tasks"][task][subtask].values():
                # zero-division policy 0.0: tp = fp = 0 gives precision 0.0
                assert (body["precision"], body["recall"], body["f1"]) == (0.0, 0.0, 0.0)
                assert body["tp"] == body["fp"] == 0 and body["fn"] > 0
    assert data["tasks"]["events"]["trigger_identification"]["exact"]["fn"] == len(test_gold.events)
    assert data["tasks"]["hedges"]["scope"]["overlap"]["fn"] == len(test_gold.hedges)


def test_without_casualties_they_are_not_attempted(tmp_path, test_gold, capsys):
    lines = [
        submission_line_from_annotations(
            test_gold, d.doc_id, tasks=("events", "attributions", "hedges", "sentences")
        )
        for d in test_gold.documents
    ]
    data, _ = score_file(tmp_path, lines, "no-casualties")
    assert data["tasks"]["casualties"] == {"attempted": False}
    assert data["not_attempted"] == ["casualties"]
    assert data["tasks"]["events"]["factuality"]["exact"]["f1"] == 1.0
    assert "casualties: not attempted\n" in capsys.readouterr().out
