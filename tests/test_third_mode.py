"""A throwaway third match mode, passed in as a parameter, through every stage of the flow.

score -> results file -> leaderboard -> HTML page: nothing lists the modes but the table the
caller hands in. The mode, ``starts``, pairs items whose spans START at the same characters
(same document, label and attributes); on the hand-made event case of
tests/test_scoring_events.py its trigger_identification counts are worked out by hand:
P1 and E1 start at "attaccato", P2 ("bombardato un") and E2 ("bombardato") at "bombardato",
P3 and E3 at "morto"; P4 ("hanno") starts where no gold trigger does. So tp 3, fp 1, fn 0,
against exact's tp 2, fp 2, fn 1.
"""

import json

import pytest
from support.event_case import DOC, GOLD, PRED

from benchmark.evaluation.evaluate import Gold, evaluate
from benchmark.evaluation.results import read_results, write_results
from benchmark.presentation.error_page.build import error_page
from benchmark.presentation.leaderboard import read_entries, render
from benchmark.presentation.table import render as render_table
from benchmark.scoring.modes import MATCH_MODES, Candidates, MatchMode
from benchmark.submission import submission_line_from_annotations


def starts_key(item):
    if item.unaligned:
        return None
    starts = tuple(None if span is None else span[0] for span in item.spans)
    return (item.doc_id, item.label, item.attrs, starts)


STARTS = MatchMode("starts", "spans start at the same places", starts_key, Candidates.EQUAL_KEYS)
TABLE = {**MATCH_MODES, STARTS.name: STARTS}


@pytest.fixture(scope="module")
def evaluation(tmp_path_factory):
    folder = tmp_path_factory.mktemp("third")
    path = folder / "starts-system.jsonl"
    line = submission_line_from_annotations(PRED, DOC.doc_id, tasks=("events",))
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    gold = Gold(annotations=GOLD, split="test", data_dir=folder)
    return evaluate(
        path,
        gold=gold,
        modes=("exact", "overlap", "starts"),
        mode_table=TABLE,
        n_bootstrap=0,
        system_name="starts-system",
    )


def test_score_counts_the_third_mode_by_hand(evaluation):
    scores = evaluation.results.scores
    starts = scores.get("events", "trigger_identification", "starts")
    assert (starts.tp, starts.fp, starts.fn) == (3, 1, 0)
    exact = scores.get("events", "trigger_identification", "exact")
    assert (exact.tp, exact.fp, exact.fn) == (2, 2, 1)
    assert evaluation.results.provenance.config["modes"] == ["exact", "overlap", "starts"]
    table = render_table(scores, tasks=("events",), modes=("exact", "overlap", "starts"))
    rows = [line.split() for line in table.splitlines()[2:5]]
    assert [row[-4:-3] for row in rows] == [["-"], ["-"], ["-"]]  # untyped: no macro-F1
    assert [row[-3:] for row in rows] == [["2", "2", "1"], ["3", "1", "0"], ["3", "1", "0"]]
    assert rows[2][0] == "starts"


def test_results_file_round_trip_keeps_the_third_mode(evaluation, tmp_path):
    path = tmp_path / "starts-system.json"
    write_results(path, evaluation.results)
    data = json.loads(path.read_text(encoding="utf-8"))
    cell = data["tasks"]["events"]["trigger_identification"]["starts"]
    assert (cell["tp"], cell["fp"], cell["fn"]) == (3, 1, 0)
    assert cell["f1"] == 6 / 7
    loaded = read_results(path)
    assert loaded.scores.get("events", "trigger_identification", "starts").f1 == 6 / 7


def test_leaderboard_gets_a_column_group_for_the_third_mode(evaluation, tmp_path):
    write_results(tmp_path / "starts-system.json", evaluation.results)
    page = render(read_entries(tmp_path))
    header = next(line for line in page.splitlines() if line.startswith("| # | System | Subtask"))
    assert "| F1 overlap | 95% CI overlap | F1 starts | 95% CI starts |" in header
    row = next(line for line in page.splitlines() if "| trigger_identification |" in line)
    # exact (the ranking mode) P / R / F1 by hand 2/4, 2/3, 4/7, no interval, no macro-F1
    # (untyped); overlap and starts F1 6/7
    assert "| 0.500 | 0.667 | 0.571 | — | — | 0.857 | — | 0.857 | — |" in row


def test_error_page_shows_and_colours_by_the_third_mode(evaluation):
    page = error_page(evaluation, gold=GOLD, split="test", mode="starts")
    assert '<tr class="shown"><td>starts</td>' in page
    assert "<dt>highlight mode</dt><dd>starts</dd>" in page
    assert "Spans coloured by the starts match" in page
