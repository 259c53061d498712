"""LEADERBOARD.md from results files (presentation.leaderboard and kharkiv-ie leaderboard)."""

from pathlib import Path

import pytest

from benchmark.cli import main
from benchmark.errors import DataError
from benchmark.evaluation.results import DatasetInfo, Provenance, Results, write_results
from benchmark.presentation.leaderboard import (
    HEADER,
    MAIN_SUBTASKS,
    ranked,
    read_entries,
    render,
)
from benchmark.presentation.leaderboard_file import render_page, write_leaderboard
from benchmark.scoring import SCORER_VERSION
from benchmark.scoring.scores import Scores, SubtaskResult

REPO = Path(__file__).resolve().parents[1]


def _results(name, counts, *, not_attempted=(), split="test", system=None, ci=(0.1, 0.9)):
    """counts: {(task, subtask): (tp, fp, fn)}, written for both modes."""
    rows = tuple(
        SubtaskResult(task, subtask, mode, tp, fp, fn, ci95=ci)
        for (task, subtask), (tp, fp, fn) in counts.items()
        for mode in ("exact", "overlap")
    )
    return Results(
        dataset=DatasetInfo("kharkiv-ie", "1.0.0", "abcdef0123456789" * 4),
        system=system if system is not None else {"name": name},
        provenance=Provenance({"split": split}, None, {}, "2024-01-01T00:00:00+00:00"),
        scores=Scores(rows, tuple(not_attempted)),
    )


def _write(folder, name, results):
    folder.mkdir(exist_ok=True)
    write_results(folder / f"{name}.json", results)


@pytest.fixture
def results_dir(tmp_path):
    folder = tmp_path / "results"
    # events main F1: alpha 2tp/(2tp+fp+fn) = 2/(2+0+1) = 0.667; beta 1.0; gamma 0.667 (tie)
    _write(
        folder,
        "alpha",
        _results(
            "alpha",
            {("events", "trigger_classification"): (1, 0, 1)},
            not_attempted=("casualties", "attributions", "hedges"),
        ),
    )
    _write(
        folder,
        "beta",
        _results(
            "beta",
            {("events", "trigger_classification"): (2, 0, 0), ("hedges", "cue"): (1, 1, 0)},
            not_attempted=("casualties", "attributions", "hedges/uncertain"),
            system={
                "name": "beta",
                "verified_by": "reproduce",
                "config": "baseline=beta",
                "report": "reports/beta.html",
            },
        ),
    )
    _write(
        folder,
        "gamma",
        _results(
            "gamma",
            {("events", "trigger_classification"): (2, 1, 1)},
            not_attempted=("casualties", "attributions", "hedges"),
        ),
    )
    _write(
        folder,
        "delta",
        _results("delta", {}, not_attempted=("events", "casualties", "attributions", "hedges")),
    )
    return folder


def test_main_subtasks():
    assert MAIN_SUBTASKS == {
        "events": "trigger_classification",
        "casualties": "record",
        "attributions": "relation",
        "hedges": "cue_typed",
    }


def test_ranking_by_main_f1_with_ties_and_unranked_last(results_dir):
    entries = read_entries(results_dir)
    assert [(rank, e.name) for rank, e in ranked(entries, "events")] == [
        ("1", "beta"),
        ("2", "alpha"),
        ("2", "gamma"),
        ("—", "delta"),
    ]
    # hedges: beta attempted cue but not cue_typed (its main subtask): unranked
    assert [rank for rank, _ in ranked(entries, "hedges")] == ["—"] * 4


def test_rendered_rows(results_dir):
    page = render(read_entries(results_dir))
    lines = page.splitlines()
    assert lines[0] == HEADER
    assert "do not edit by hand" in page
    # columns: exact P, R, F1, 95% CI, macro-F1; overlap F1, 95% CI
    dashes = "— | — | — | — | — | — | —"
    assert (
        f"| 1 | beta ([report](reports/beta.html)) | trigger_identification | {dashes} | "
        "reproduce · 2024-01-01 · data `abcdef01` |"
    ) in lines
    # no per-type counts in these files: no macro-F1
    assert (
        "|  | beta | **trigger_classification** | 1.000 | 1.000 | 1.000 | [0.100, 0.900] | — | "
        "1.000 | [0.100, 0.900] | reproduce · 2024-01-01 · data `abcdef01` |"
    ) in lines
    # alpha: P = 1/1, R = 1/2, F1 = 2/3
    assert (
        "|  | alpha | **trigger_classification** | 1.000 | 0.500 | 0.667 | [0.100, 0.900] | — | "
        "0.667 | [0.100, 0.900] | submitted · 2024-01-01 · data `abcdef01` |"
    ) in lines
    not_attempted = "not attempted | — | — | — | — | — | —"
    assert (
        f"| — | delta | — | {not_attempted} | submitted · 2024-01-01 · data `abcdef01` |" in lines
    )
    assert (
        "|  | beta | uncertain | not attempted | — | — | — | — | not attempted | — | "
        "reproduce · 2024-01-01 · data `abcdef01` |"
    ) in lines
    # systems table: main F1 per task, not attempted as a dash
    assert (
        "| beta ([report](reports/beta.html)) | 1.000 | — | — | — | reproduce | 2024-01-01 "
        "| `baseline=beta` "
        f"| `abcdef01` | {SCORER_VERSION} | — |"
    ) in lines
    assert page.index("| 1 | beta") < page.index("| 2 | alpha") < page.index("| 2 | gamma")
    assert "## How to submit" in page
    assert "kharkiv-ie score SUBMISSION --system-name NAME --out results/NAME.json" in page
    assert page.endswith("\n") and not page.endswith("\n\n\n")


def test_splits_get_their_own_sections(results_dir):
    _write(
        results_dir,
        "alpha.contrast",
        _results(
            "alpha",
            {("events", "trigger_classification"): (0, 1, 1)},
            split="contrast",
            not_attempted=("casualties", "attributions", "hedges"),
        ),
    )
    page = render(read_entries(results_dir))
    assert page.index("## Split `test`") < page.index("## Split `contrast`")


def test_duplicate_system_in_one_split_is_an_error(results_dir):
    _write(
        results_dir,
        "zeta",
        _results("alpha", {}, not_attempted=("events", "casualties", "attributions", "hedges")),
    )
    with pytest.raises(Exception, match="also in alpha.json"):
        read_entries(results_dir)


def test_write_is_idempotent(results_dir, tmp_path):
    out = tmp_path / "LEADERBOARD.md"
    assert write_leaderboard(results_dir=results_dir, out=out) is True
    first = out.read_bytes()
    assert write_leaderboard(results_dir=results_dir, out=out) is False
    assert out.read_bytes() == first


def test_cli_check_and_bad_file(results_dir, tmp_path, capsys):
    out = tmp_path / "LB.md"
    args = ["leaderboard", "--results-dir", str(results_dir), "--out", str(out)]
    assert main([*args, "--check"]) == 1
    assert main(args) == 0
    assert main([*args, "--check"]) == 0
    before = out.read_bytes()
    (results_dir / "broken.json").write_text("{not json", encoding="utf-8")
    capsys.readouterr()
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "broken.json:1" in err and "malformed JSON" in err
    assert out.read_bytes() == before


def test_committed_leaderboard_is_up_to_date_with_results():
    page = render_page(results_dir=REPO / "results")
    committed = (REPO / "LEADERBOARD.md").read_text(encoding="utf-8")
    assert committed == page, "LEADERBOARD.md is out of date: run `kharkiv-ie leaderboard`"


def test_contrast_consistency_table(tmp_path):
    from dataclasses import replace

    from benchmark.evaluation.results_contrast import ConsistencySection
    from benchmark.scoring.consistency import Consistency

    folder = tmp_path / "results"
    counts = {("events", "trigger_classification"): (1, 1, 0)}  # F1 2/(2+1+0) = 0.667
    for name, rows in (
        ("low", (Consistency("neg", 2, 0, 0.0, ("c1", "c2")), Consistency("hedge", 1, 1, 1.0, ()))),
        ("high", (Consistency("neg", 2, 2, 1.0, ()), Consistency("hedge", 1, 0, 0.0, ("c3",)))),
    ):
        results = replace(
            _results(name, counts, split="contrast"),
            contrast_consistency=(ConsistencySection("exact", rows),),
        )
        _write(folder, f"{name}.contrast", results)
    page = render(read_entries(folder))
    table = page[page.index("### Contrast consistency") :].split("\n\n")[2].splitlines()
    assert table[0] == "| Phenomenon | high | low |"  # high: 2/3 overall, low: 1/3
    assert table[2] == "| neg | 2/2 (1.000) | 0/2 (0.000) |"
    assert table[3] == "| hedge | 0/1 (0.000) | 1/1 (1.000) |"
    assert table[4] == "| **overall** | 2/3 (0.667) | 1/3 (0.333) |"
    assert table[5] == "| F1 events (trigger_classification) | 0.667 | 0.667 |"
    assert "| F1 casualties (record) | — | — |" in table


def test_a_results_folder_without_results_is_refused(tmp_path):
    with pytest.raises(DataError, match="no results file"):
        read_entries(tmp_path)


def test_names_and_free_text_are_inert_in_the_page(tmp_path):
    system = {
        "name": "<img src=x onerror=alert(1)> | [click](http://evil)\n| forged | row |",
        "config": "`x` | <b>",
        "report": "javascript:alert(1)",
        "verified_by": "*me*",
    }
    _write(
        tmp_path,
        "evil",
        _results("evil", {("events", "trigger_classification"): (1, 0, 0)}, system=system),
    )
    page = render(read_entries(tmp_path))
    rows = [line for line in page.splitlines() if "onerror" in line]
    assert rows and all(line.startswith("| ") and line.endswith(" |") for line in rows)
    name = (
        "&lt;img src=x onerror=alert\\(1\\)&gt; \\| \\[click\\]\\(http://evil\\)"
        "\\\\n\\| forged \\| row \\|"
    )
    assert all(name in line for line in rows)
    assert "<img" not in page and "<b>" not in page and "](http://evil)" not in page
    assert "javascript:" not in page  # a link that is not a relative .html page is left out
    assert "\\*me\\*" in page and "\\`x\\` \\| &lt;b&gt;" in page
    assert "| forged |" not in page


def test_the_repository_page_is_the_default_and_outside_a_checkout_paths_are_needed(
    tmp_path, capsys, monkeypatch
):
    import benchmark.repository as repository

    monkeypatch.setattr(repository, "repository_root", lambda: None)
    assert main(["leaderboard", "--check"]) == 2
    err = capsys.readouterr().err
    assert "needs the kharkiv-ie repository checkout" in err and "give --results-dir" in err
    assert len(err.splitlines()) == 2


def test_pre_registered_rows_come_first_and_every_row_shows_its_timing(tmp_path):
    folder = tmp_path / "results"
    counts = {  # events main F1: pre 2/(2+0+1) = 0.667 < later 1.0 and plain 1.0
        "pre": (1, 0, 1),
        "later": (2, 0, 0),
        "plain": (2, 0, 0),
    }
    timings = {"pre": "pre-registered", "later": "developed after the test gold existed"}
    for name, triple in counts.items():
        system = {"name": name, **({"timing": timings[name]} if name in timings else {})}
        _write(
            folder,
            f"{name}.wikinews_test",
            _results(
                name,
                {("events", "trigger_classification"): triple},
                not_attempted=("casualties", "attributions", "hedges"),
                split="wikinews_test",
                system=system,
            ),
        )
    entries = read_entries(folder)
    # ranked apart: the pre-registered group first, then the others (later and plain tie)
    assert [(rank, e.name) for rank, e in ranked(entries, "events")] == [
        ("1", "pre"),
        ("1", "later"),
        ("1", "plain"),
    ]
    page = render(entries)
    section = page[page.index("## Split `wikinews_test`") :]
    assert section.index("The first rows are the **pre-registered** submissions") < section.index(
        "| System |"
    )
    systems = [line for line in section.splitlines() if line.startswith("| ") and "0.667" in line]
    assert systems[0].startswith("| pre | 0.667 | — | — | — | pre-registered | submitted |")
    assert "| later | 1.000 | — | — | — | developed after the test gold existed |" in section
    assert "| plain | 1.000 | — | — | — | — | submitted |" in section
    assert section.index("| 1 | pre | trigger_identification |") < section.index(
        "| 1 | later | trigger_identification |"
    )
    assert "pre-registered · submitted · 2024-01-01" in section


def test_a_split_without_timings_has_no_timing_column(results_dir):
    page = render(read_entries(results_dir))
    assert "timing" not in page and "pre-registered" not in page
