import shutil
from pathlib import Path

import pytest

from benchmark.cli import main
from benchmark.dataset.annotation_1x import SCHEMA_1X, SCHEMA_2_0, is_1x
from benchmark.dataset.annotation_source import parse_annotations
from benchmark.dataset.passes import read_pass
from benchmark.dataset.tables import LABEL_MAP_FILE
from benchmark.dataset.yaml_lines import load_yaml
from benchmark.errors import DataError
from benchmark.scoring.agreement import agreement

REPO_DATA = Path(__file__).resolve().parents[1] / "data"
FIXTURE = Path(__file__).parent / "fixtures" / "annotations" / "data"
GOLD = (FIXTURE / "annotations" / "gold" / "tiny-001.yaml").read_text(encoding="utf-8")
TEXT = (FIXTURE / "source" / "tiny-001.txt").read_bytes().decode("utf-8")
MAP = {
    ("casualties", "victim_group"): {"people": "people", "ukrainian_military": "military"},
}

# The 2.0 fixture written the 1.x way: no count_high, C2 (line 67 here) a 1.x group.
OLD = GOLD.replace("    count_high: null\n", "").replace(
    "    victim_group: people\n    location: null\n    time: null\n    polarity: positive\n"
    "    certainty: certain\n    event: E1\n    attribution: A1",
    "    victim_group: ukrainian_military\n    location: null\n    time: null\n"
    "    polarity: positive\n    certainty: certain\n    event: E1\n    attribution: A1",
)


def test_the_1x_fixture_differs_as_intended():
    assert GOLD.count("count_high: null") == 2 and "count_high" not in OLD
    assert OLD.count("ukrainian_military") == 1
    assert OLD.splitlines()[66] == "    victim_group: ukrainian_military"


def test_a_file_is_1x_when_its_casualties_lack_the_added_key():
    assert is_1x(load_yaml(OLD, file="f.yaml"))
    assert not is_1x(load_yaml(GOLD, file="f.yaml"))
    no_casualties = OLD[: OLD.index("casualties:")] + "casualties: []\n"
    assert not is_1x(load_yaml(no_casualties, file="f.yaml"))  # reads the same either way


def test_a_1x_file_is_read_through_the_map():
    parsed = parse_annotations(OLD, text=TEXT, file="f.yaml", label_map_1x=MAP)
    assert parsed.schema == SCHEMA_1X
    c1, c2 = parsed.annotations.casualties
    assert (c1.victim_group, c2.victim_group) == ("people", "military")
    assert (c1.count, c1.count_high, c2.count, c2.count_high) == (2, None, 3, None)
    same = parse_annotations(GOLD, text=TEXT, file="f.yaml", label_map_1x=MAP)
    assert same.schema == SCHEMA_2_0


def test_without_the_map_a_1x_file_is_refused():
    with pytest.raises(DataError) as caught:
        parse_annotations(OLD, text=TEXT, file="f.yaml")
    assert str(caught.value) == (
        "f.yaml:42: item C1: missing key(s) count_high in an item of casualties"
    )


def test_a_2_0_label_in_a_1x_file_is_refused():
    mixed = OLD.replace("victim_group: ukrainian_military", "victim_group: military")
    with pytest.raises(DataError) as caught:
        parse_annotations(mixed, text=TEXT, file="f.yaml", label_map_1x=MAP)
    assert str(caught.value).startswith(
        "f.yaml:67: item C2, field victim_group: 'military' is no 1.x label (this file is read "
        "as schema 1.x: no item has count_high); expected one of people, ukrainian_military"
    )


@pytest.fixture
def mixed_passes(tmp_path):
    """A data folder with a 1.x first pass and the 2.0 gold, and the dataset's label map."""
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    shutil.copyfile(REPO_DATA / LABEL_MAP_FILE, folder / LABEL_MAP_FILE)
    (folder / "annotations" / "first_pass").mkdir()
    (folder / "annotations" / "first_pass" / "tiny-001.yaml").write_text(OLD, encoding="utf-8")
    return folder


def test_agreement_compares_a_1x_pass_with_a_2_0_pass(mixed_passes, capsys):
    assert read_pass(mixed_passes, "test", "first_pass").schemas == {SCHEMA_1X}
    assert read_pass(mixed_passes, "test", "gold").schemas == {SCHEMA_2_0}
    report = agreement(
        read_pass(mixed_passes, "test", "first_pass").annotations,
        read_pass(mixed_passes, "test", "gold").annotations,
    )
    (groups,) = [row for row in report.labels if row.label == "victim_group"]
    # C1 people = people; C2 ukrainian_military (read as military) vs people
    assert (groups.pairs, groups.observed) == (2, 0.5)
    command = ["agreement", "--data-dir", str(mixed_passes), "--split", "test"]
    assert main([*command, "--second", "gold", "--bootstrap", "0"]) == 0
    out = capsys.readouterr().out
    assert "first_pass written for schema 1.x: labels read through label_map_1x.tsv." in out
    assert "gold written" not in out
