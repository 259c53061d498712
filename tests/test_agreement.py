import shutil
from pathlib import Path

import pytest

from benchmark.cli import main
from benchmark.dataset.card import blocks_of
from benchmark.dataset.passes import read_pass
from benchmark.scoring.agreement import agreement, agreement_markdown

FIXTURE = Path(__file__).parent / "fixtures" / "annotations" / "data"


@pytest.fixture
def data_dir(tmp_path):
    """A dataset folder with two passes over tiny-001: the second differs in three places."""
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    gold = (folder / "annotations" / "gold" / "tiny-001.yaml").read_text(encoding="utf-8")
    (folder / "annotations" / "first_pass").mkdir()
    (folder / "annotations" / "first_pass" / "tiny-001.yaml").write_text(gold, encoding="utf-8")
    second = gold.replace(
        "trigger: uccise\n    type: Life:Die", "trigger: uccise\n    type: Life:Injure"
    )  # E2 retyped
    second = second.replace(
        "    victim: persone\n    victim_group: people\n    location: null\n    time: null\n"
        "    polarity: positive\n    certainty: certain\n    event: E1\n    attribution: A2",
        "    victim: Due persone\n    victim_group: people\n    location: null\n    time: null\n"
        "    polarity: positive\n    certainty: certain\n    event: E1\n    attribution: A2",
    )  # C1 victim widened: overlaps, not exact
    second = second[: second.index("hedges:")] + "hedges: []\n"  # H1 missed
    assert second.count("Life:Injure") == 2 and "victim: Due persone" in second
    (folder / "annotations" / "second_pass").mkdir()
    (folder / "annotations" / "second_pass" / "tiny-001.yaml").write_text(second, encoding="utf-8")
    return folder


def _span_row(report, task, subtask, mode):
    return next(r for r in report.spans if (r.task, r.subtask, r.mode) == (task, subtask, mode))


def _label_row(report, label):
    return next(r for r in report.labels if r.label == label)


def test_span_agreement_counts(data_dir):
    report = agreement(
        read_pass(data_dir, "test", "first_pass").annotations,
        read_pass(data_dir, "test", "second_pass").annotations,
    )
    triggers = _span_row(report, "events", "trigger_identification", "exact")
    assert (triggers.first, triggers.second, triggers.matched, triggers.f1) == (4, 4, 4, 1.0)
    typed = _span_row(report, "events", "trigger_classification", "exact")
    assert (typed.matched, typed.f1) == (3, 0.75)  # 2*3 / (4+4)
    victims = _span_row(report, "casualties", "victim", "exact")
    assert (victims.matched, victims.f1) == (1, 0.5)  # "persone" vs "Due persone"
    assert _span_row(report, "casualties", "victim", "overlap").f1 == 1.0
    cues = _span_row(report, "hedges", "cue", "exact")
    assert (cues.first, cues.second, cues.matched, cues.f1) == (1, 0, 0, 0.0)


def test_label_agreement_kappa(data_dir):
    report = agreement(
        read_pass(data_dir, "test", "first_pass").annotations,
        read_pass(data_dir, "test", "second_pass").annotations,
    )
    event_type = _label_row(report, "event_type")
    # first: Attack, Die, Injure, Attack; second: Attack, Injure, Injure, Attack
    # p_o = 3/4; p_e = 2/4*2/4 + 1/4*0 + 1/4*2/4 = 3/8; kappa = (3/4 - 3/8) / (5/8) = 0.6
    assert event_type.pairs == 4
    assert event_type.observed == pytest.approx(0.75)
    assert event_type.kappa == pytest.approx(0.6)
    # sentence 2 is uncertain only in the first pass: p_o = 3/4 = p_e, kappa 0
    sentences = _label_row(report, "sentence uncertain")
    assert (sentences.pairs, sentences.observed, sentences.kappa) == (4, 0.75, 0.0)
    # every matched event is positive in both passes: kappa undefined
    assert _label_row(report, "event polarity").kappa is None


def test_identical_passes_agree_fully(data_dir):
    first = read_pass(data_dir, "test", "first_pass").annotations
    report = agreement(first, first)
    assert all(row.f1 == 1.0 for row in report.spans if row.first)
    assert "| events | trigger_identification | 4 | 4 | 1.000 | 1.000 |" in agreement_markdown(
        report
    )


def test_command_prints_tables_and_refuses_a_missing_pass(data_dir, capsys):
    assert main(["agreement", "--data-dir", str(data_dir)]) == 0
    assert "| hedges | cue | 1 | 0 | 0.000 | 0.000 |" in capsys.readouterr().out
    assert main(["agreement", "--data-dir", str(data_dir), "--second", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope" in err


def test_card_agreement_block_is_what_the_command_prints(capsys):
    data = Path(__file__).resolve().parents[1] / "data"
    card = (data / "README.md").read_text(encoding="utf-8")
    assert main(["agreement", "--data-dir", str(data)]) == 0
    assert capsys.readouterr().out == blocks_of(card)["agreement"] + "\n"
