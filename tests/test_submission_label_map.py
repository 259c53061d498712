import json
from pathlib import Path

import pytest
from support.documents import annotations, document

from benchmark.dataset.tables import LABEL_MAP_FILE, read_label_map
from benchmark.submission import SubmissionInvalid, parse_submission
from benchmark.submission.label_map import label_map_1x, map_line_labels

DATA = Path(__file__).resolve().parents[1] / "data"

# A hand-written map (the shape of read_label_map's result), so that these cases do not
# depend on the data file; the last test checks the data file gives the same victim groups.
MAP = {
    ("casualties", "victim_group"): {
        "people": "people",
        "ukrainian_military": "military",
        "russian_military": "military",
    },
    ("events", "event_type"): {"Life:Die": "Life:Die"},
}

TEXT = "Sono morti 4 soldati ucraini e 2 russi."
GOLD = annotations(document(TEXT, doc_id="t1"))


def casualty(cid, group, **extra):
    return {
        "casualty_id": cid, "status": "killed", "count_qualifier": "exact",
        "victim": {"text": "soldati"}, "victim_group": group, "polarity": "positive",
        "certainty": "certain", **extra,
    }  # fmt: skip


def test_mapped_fields_change_and_everything_else_is_copied():
    line = {
        "doc_id": "t1",
        "casualties": [
            casualty("c1", "ukrainian_military", count=4),
            casualty("c2", "russian_military"),
            casualty("c3", "people"),
        ],
        "events": [{"event_id": "e1", "event_type": "Life:Die"}],
        "hedges": [],
    }
    mapped = map_line_labels(line, MAP)
    assert [c["victim_group"] for c in mapped["casualties"]] == ["military", "military", "people"]
    assert mapped["casualties"][0] == {**line["casualties"][0], "victim_group": "military"}
    assert mapped["events"] == line["events"] and mapped["hedges"] == []
    # the line itself is left alone
    assert line["casualties"][0]["victim_group"] == "ukrainian_military"


def test_values_the_map_does_not_know_are_left_for_the_reader():
    line = {
        "doc_id": "t1",
        "casualties": [casualty("c1", "soldiers"), casualty("c2", 3), "not an item"],
        "events": "not a list",
    }
    assert map_line_labels(line, MAP) == line


def test_a_1x_line_is_read_through_the_map(tmp_path):
    line = {"doc_id": "t1", "casualties": [casualty("c1", "ukrainian_military", count=4)]}
    data = (json.dumps(line) + "\n").encode()
    with pytest.raises(SubmissionInvalid, match=r'victim_group: expected one of .*"ukrainian'):
        parse_submission(data, gold=GOLD, file="run.jsonl")
    submission = parse_submission(data, gold=GOLD, file="run.jsonl", label_map=MAP)
    (record,) = submission.annotations.casualties
    # count_high, a 2.0 field, is absent from the 1.x line: read as null
    assert (record.victim_group, record.count, record.count_high) == ("military", 4, None)


def test_the_dataset_map_maps_the_1x_victim_groups():
    mapping = label_map_1x(data_dir=DATA)
    assert mapping == read_label_map(DATA / LABEL_MAP_FILE)
    groups = mapping[("casualties", "victim_group")]
    assert {old: groups[old] for old in MAP[("casualties", "victim_group")]} == dict(
        MAP[("casualties", "victim_group")]
    )
