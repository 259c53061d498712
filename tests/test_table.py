from benchmark.presentation.table import interval, percent, render
from benchmark.scoring.scores import Scores, SubtaskResult, UnalignedSpan


def result(subtask, mode, tp, fp, fn, ci95=None):
    return SubtaskResult("hedges", subtask, mode, tp, fp, fn, ci95=ci95)


def test_percent_and_interval():
    assert percent(2 / 3) == "66.7"
    assert interval(None) == "-"
    assert interval((0.5, 0.8125)) == "[50.0, 81.2]"


def test_render_rows_not_attempted_and_unaligned():
    report = Scores(
        results=(
            result("cue", "exact", 3, 1, 2, (0.5, 0.8)),  # P 3/4, R 3/5, F1 6/9
            result("cue", "overlap", 4, 0, 1),  # P 1, R 4/5, F1 8/9
        ),
        not_attempted=("events", "hedges/uncertain"),
        unaligned=(UnalignedSpan("d1", "hedges", "H9", "cue", "forse"),),
    )
    text = render(report, tasks=("events", "hedges"), modes=("exact", "overlap"))
    assert text.splitlines() == [
        "events: not attempted",
        "",
        "hedges",
        "  subtask  mode         P     R    F1        95% CI  macro F1  tp  fp  fn",
        "  cue      exact     75.0  60.0  66.7  [50.0, 80.0]         -   3   1   2",
        "           overlap  100.0  80.0  88.9             -         -   4   0   1",
        "  uncertain: not attempted",
        "",
        "unaligned spans (counted as false positives): 1",
        '  d1 hedges H9 cue: "forse"',
    ]


def test_zero_division_shows_zero():
    report = Scores(results=(result("scope", "exact", 0, 0, 4),))
    lines = render(report, tasks=("hedges",), modes=("exact",)).splitlines()
    assert lines[2].split() == ["scope", "exact", "0.0", "0.0", "0.0", "-", "-", "0", "0", "4"]


def test_fractional_counts_macro_f1_and_rejected_items():
    from benchmark.scoring.scores import Counts
    from benchmark.submission import RejectedItem

    # partial credits tp 2.5 fp 1.5 fn 0.5: P 62.5, R 83.3, F1 5 / 7 = 71.4
    # per type: conditional tp 2.5 fp 0.5 fn 0.5 -> 5/6; evidential fp 1 -> 0; macro 5/12
    per_type = {"conditional": Counts(2.5, 0.5, 0.5), "evidential": Counts(0, 1, 0)}
    report = Scores(
        results=(SubtaskResult("hedges", "cue_typed", "partial", 2.5, 1.5, 0.5, per_type),),
        rejected=(RejectedItem("d1", "hedges", "h2", 3, "$.hedges[1]", ("$.x: bad", "$.y: no")),),
    )
    lines = render(report, tasks=("hedges",), modes=("partial",)).splitlines()
    assert lines[2].split() == [
        "cue_typed", "partial", "62.5", "83.3", "71.4", "-", "41.7", "2.5", "1.5", "0.5"
    ]  # fmt: skip
    assert lines[-2:] == [
        "rejected items (lenient reading; counted as false positives): 1",
        "  d1 line 3 $.hedges[1] (h2): $.x: bad",
    ]


def test_consistency_table():
    from benchmark.evaluation.results_contrast import ConsistencySection
    from benchmark.presentation.table import consistency_table
    from benchmark.scoring.consistency import Consistency

    assert consistency_table(()) == ""
    exact = ConsistencySection(
        "exact", (Consistency("neg", 2, 1, 0.5, ("c2",)), Consistency("hedge", 3, 0, None, ()))
    )
    lines = consistency_table([exact]).splitlines()
    assert lines[1].split() == [
        "phenomenon",
        "exact",
        "groups",
        "exact",
        "consistent",
        "exact",
        "%",
    ]
    assert lines[2].split() == ["neg", "2", "1", "50.0"]
    assert lines[3].split() == ["hedge", "3", "0", "not", "attempted"]
    assert lines[4].split() == ["overall", "5", "1", "not", "attempted"]
