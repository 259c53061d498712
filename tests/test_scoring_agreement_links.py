"""benchmark.scoring.agreement_links: links and nullable fields among the identified pairs."""

import shutil
from pathlib import Path

import pytest

from benchmark.dataset.passes import read_pass
from benchmark.scoring.agreement import agreement
from benchmark.scoring.agreement_links import FIELD_ROWS, LINK_ROWS

FIXTURE = Path(__file__).parent / "fixtures" / "annotations" / "data"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The fixture gold against a second pass that relinks E3, unnests A2, drops C1's count."""
    folder = Path(shutil.copytree(FIXTURE, tmp_path_factory.mktemp("links") / "data"))
    gold = (folder / "annotations" / "gold" / "tiny-001.yaml").read_text(encoding="utf-8")
    second = gold.replace(
        "    attribution: A1\n    arguments:\n      - [Victim, Altre tre persone]",
        "    attribution: A3\n    arguments:\n      - [Victim, Altre tre persone]",
    ).replace("    type: indirect\n    parent: A1", "    type: indirect\n    parent: null")
    second = second.replace("    count_span: Due\n", "    count_span: null\n")
    assert second.count("attribution: A3") == 2 and "parent: A1" not in second
    for name, text in (("first_pass", gold), ("second_pass", second)):
        (folder / "annotations" / name).mkdir()
        (folder / "annotations" / name / "tiny-001.yaml").write_text(text, encoding="utf-8")
    first = read_pass(folder, "test", "first_pass").annotations
    return agreement(first, read_pass(folder, "test", "second_pass").annotations)


def _link(report, layer, field):
    return next(r for r in report.links if (r.layer, r.field) == (layer, field))


def test_the_links_compared():
    assert LINK_ROWS == (
        ("events", "attribution_id", "attributions"),
        ("casualties", "event_id", "events"),
        ("casualties", "attribution_id", "attributions"),
        ("attributions", "parent_id", "attributions"),
    )


def test_link_agreement_counts(report):
    # E1 A1, E2 A2, E4 A3 in both; E3 A1 against A3: 3 of 4 compared agree
    events = _link(report, "events", "attribution_id")
    assert (events.pairs, events.both_none, events.excluded) == (4, 0, 0)
    assert (events.compared, events.agreeing, events.share) == (4, 3, 0.75)
    # C1 -> E1 and C2 -> E1 in both passes
    casualties = _link(report, "casualties", "event_id")
    assert (casualties.compared, casualties.agreeing) == (2, 2)
    # A1 and A3 have no parent in either pass; A2's parent A1 against none: 0 of 1
    parents = _link(report, "attributions", "parent_id")
    assert (parents.pairs, parents.both_none, parents.compared, parents.agreeing) == (3, 2, 1, 0)
    assert parents.share == 0.0
    assert events.counts.rows == ((3, 4),)


def _field(report, task, field, mode="exact"):
    return next(r for r in report.fields if (r.task, r.field, r.mode) == (task, field, mode))


def test_field_agreement_counts(report):
    assert ("attributions", "source_antecedent") in FIELD_ROWS
    # count_span: Due and tre in the first pass, tre only in the second: F1 = 2 * 1 / (2 + 1)
    spans = _field(report, "casualties", "count_span")
    assert (spans.pairs, spans.first, spans.second, spans.matched) == (2, 2, 1, 1)
    assert spans.f1 == pytest.approx(2 / 3)
    # no pass sets a qualifier span or count_high: no F1
    assert _field(report, "casualties", "qualifier_span").f1 is None
    assert _field(report, "casualties", "count_high").f1 is None
    # the triggers of both records agree
    assert _field(report, "casualties", "trigger", "overlap").f1 == 1.0
