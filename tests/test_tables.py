from pathlib import Path

import pytest

from benchmark.dataset import inventory
from benchmark.dataset.tables import (
    EVENT_TYPES_FILE,
    LABEL_MAP_FILE,
    read_event_types,
    read_label_map,
    read_table,
)
from benchmark.errors import DataError

DATA = Path(__file__).resolve().parents[1] / "data"

HEADER = "type\tace2005_type\tmapping_note\tdefinition\n"


def _write(tmp_path, text, name="t.tsv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_event_types_of_the_dataset_list_every_type_once_with_its_ace_type():
    rows = read_event_types(DATA / EVENT_TYPES_FILE)
    assert tuple(row.event_type for row in rows) == inventory.EVENT_TYPES
    # GUIDELINES 3.2: five ACE 2005 types map one to one, five are extensions
    assert {row.event_type: row.ace2005_type for row in rows} == {
        "Conflict:Attack": "Conflict:Attack",
        "Life:Die": "Life:Die",
        "Life:Injure": "Life:Injure",
        "Movement:Transport": "Movement:Transport",
        "Contact:Meet": "Contact:Meet",
        "Conflict:Siege": None,
        "Conflict:Damage": None,
        "Conflict:Explosion": None,
        "Disaster:Accident": None,
        "Disaster:Fire": None,
    }
    assert all(row.mapping_note and row.definition for row in rows)


def test_event_types_missing_unknown_and_repeated_types_are_refused(tmp_path):
    rows = [f"{name}\t-\tnote\tdefinition\n" for name in inventory.EVENT_TYPES]
    path = _write(tmp_path, "# comment\n" + HEADER + "".join(rows[:-1]))
    with pytest.raises(DataError) as caught:
        read_event_types(path)
    assert str(caught.value) == f"{path}: field type: no row for event type(s) Disaster:Fire"
    path = _write(tmp_path, HEADER + "".join(rows) + "Conflict:Bombing\t-\tn\td\n")
    with pytest.raises(DataError) as caught:
        read_event_types(path)
    assert str(caught.value).startswith(
        f"{path}:12: field type: unknown event type 'Conflict:Bombing'; expected one of"
    )
    path = _write(tmp_path, HEADER + "".join(rows) + rows[0])
    with pytest.raises(DataError) as caught:
        read_event_types(path)
    assert str(caught.value) == (
        f"{path}:12: field type: event type Conflict:Attack is listed twice (first on line 2)"
    )


def test_a_table_needs_its_header_and_full_rows(tmp_path):
    columns = ("a", "b")
    with pytest.raises(DataError, match=r"t.tsv:2: header must be a<TAB>b"):
        read_table(_write(tmp_path, "# c\nb\ta\n"), columns)
    with pytest.raises(DataError, match=r"t.tsv:3: expected 2 tab-separated columns, got 3"):
        read_table(_write(tmp_path, "a\tb\nx\ty\nx\ty\tz\n"), columns)
    with pytest.raises(DataError, match=r"t.tsv:2: field b: empty cell"):
        read_table(_write(tmp_path, "a\tb\nx\t \n"), columns)
    with pytest.raises(DataError, match=r"no header line"):
        read_table(_write(tmp_path, "# only a comment\n"), columns)
    rows = read_table(_write(tmp_path, "# c\n\na\tb\nx\ty\n"), columns)
    assert [(row.line, dict(row.values)) for row in rows] == [(4, {"a": "x", "b": "y"})]


def test_label_map_of_the_dataset():
    mapping = read_label_map(DATA / LABEL_MAP_FILE)
    assert set(mapping) == {
        ("events", "event_type"),
        ("casualties", "count_qualifier"),
        ("casualties", "victim_group"),
    }
    # GUIDELINES 9, row 10: the two national military groups merged; every other 1.x label kept
    assert dict(mapping[("casualties", "victim_group")]) == {
        "people": "people",
        "civilians": "civilians",
        "ukrainian_military": "military",
        "russian_military": "military",
        "international_staff": "international_staff",
        "other": "other",
    }
    qualifiers_1x = ("exact", "at_least", "at_most", "approximate", "unquantified")
    assert dict(mapping[("casualties", "count_qualifier")]) == {q: q for q in qualifiers_1x}
    types_1x = inventory.EVENT_TYPES[:8]
    assert "Disaster:Accident" not in types_1x
    assert dict(mapping[("events", "event_type")]) == {t: t for t in types_1x}


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("weapons\tkind\ta\tb", "field layer: unknown layer 'weapons'"),
        ("casualties\tvictim\ta\tb", "field field: 'victim' is no label field of casualties"),
        ("casualties\tvictim_group\tsoldiers\tsoldiers", "field label_2_0: 'soldiers' is not"),
        ("casualties\tvictim_group\tpeople\tpeople", "field label_1x: 1.x label 'people' of"),
    ],
)
def test_label_map_rows_must_name_2_0_labels(tmp_path, row, message):
    text = "layer\tfield\tlabel_1x\tlabel_2_0\ncasualties\tvictim_group\tpeople\tpeople\n"
    path = _write(tmp_path, text + row + "\n")
    with pytest.raises(DataError) as caught:
        read_label_map(path)
    assert str(caught.value).startswith(f"{path}:3: {message}")
