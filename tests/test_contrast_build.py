import json
import shutil
from pathlib import Path

import pytest
from support.contrast_pins import CHANGED_IN_2_0, PINNED

from benchmark.dataset.build import build_data, serialize
from benchmark.dataset.configs import CONFIGS
from benchmark.dataset.contrast.build import build_contrast
from benchmark.dataset.contrast.groups import contrast_groups
from benchmark.dataset.features import FEATURES
from benchmark.errors import DataError

REPO_DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def built():
    return build_contrast(data_dir=REPO_DATA)


def test_split_size_and_groups(built):
    groups = contrast_groups(data_dir=REPO_DATA)
    assert len(groups) == 37
    assert sum(len(g.doc_ids) for g in groups) == 106
    assert len(built.rows["documents"]) == 106
    assert groups[0].doc_ids == ("kharkiv-001-c01-orig", "kharkiv-001-c01-e1")
    assert (groups[0].phenomenon, groups[0].layer) == (
        "hedging.conditional_to_indicative",
        "hedges",
    )
    assert built.dropped == ()


@pytest.mark.parametrize("doc_id", sorted(PINNED))
def test_pinned_items(built, doc_id):
    expected = PINNED[doc_id]
    (document,) = [row for row in built.rows["documents"] if row["doc_id"] == doc_id]
    assert document["text"] == expected["text"]
    assert [s["uncertain"] for s in document["sentences"]] == expected["uncertain"]
    for config, rows in expected["rows"].items():
        id_field = FEATURES[config] and next(iter(FEATURES[config]))
        wanted = {row[id_field] for row in rows}
        got = [r for r in built.rows[config] if r["doc_id"] == doc_id and r[id_field] in wanted]
        assert got == rows


def test_original_documents_are_the_paragraphs_with_their_gold(built):
    source = (REPO_DATA / "source" / "kharkiv-001.txt").read_text(encoding="utf-8")
    (orig,) = [r for r in built.rows["documents"] if r["doc_id"] == "kharkiv-001-c09-orig"]
    assert orig["text"] == "Getty Images Il dipartimento universitario colpito dai missili"
    assert orig["text"] in source
    assert [p["kind"] for p in orig["paragraphs"]] == ["caption"]
    events = [r for r in built.rows["events"] if r["doc_id"] == "kharkiv-001-c09-orig"]
    assert [(e["event_id"], e["trigger"]["start"], e["trigger"]["text"]) for e in events] == [
        ("E11", 43, "colpito")
    ]


def test_committed_contrast_files_equal_a_fresh_build(built):
    for config in CONFIGS:
        committed = (REPO_DATA / config / "contrast.jsonl").read_bytes()
        assert committed == serialize(built.rows[config]), config


def _copy_data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(REPO_DATA, target, ignore=shutil.ignore_patterns(".build-*"))
    return target


def test_undeclared_straddling_span_fails_and_writes_nothing(tmp_path):
    data = _copy_data(tmp_path)
    spec = data / "contrast" / "edits.yaml"
    text = spec.read_text(encoding="utf-8")
    broken = text.replace(
        "          - {layer: events, id: E13, set: {trigger: esplosione, polarity: negative}}\n",
        "          - {layer: events, id: E13, set: {polarity: negative}}\n",
    )
    assert broken != text
    spec.write_text(broken, encoding="utf-8")
    before = (data / "events" / "contrast.jsonl").read_bytes()
    with pytest.raises(DataError, match=r"c14/e1: events E13 field trigger: span 'esplosioni'"):
        build_data(data_dir=data)
    assert (data / "events" / "contrast.jsonl").read_bytes() == before


def test_ambiguous_edit_is_refused(tmp_path):
    data = _copy_data(tmp_path)
    spec = data / "contrast" / "edits.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(
        text.replace('{op: replace, old: "24", new: "48"}', '{op: replace, old: "e", new: "E"}'),
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=r"c18/e1: 'e' occurs \d+ times in the paragraph"):
        build_contrast(data_dir=data)


def test_contrast_rows_are_valid_json_lines():
    for config in CONFIGS:
        lines = (REPO_DATA / config / "contrast.jsonl").read_text(encoding="utf-8").splitlines()
        assert all(json.loads(line)["doc_id"].startswith("kharkiv-001-c") for line in lines)


def test_casualty_event_is_the_causing_event_never_a_life_mention(built):
    events = {(r["doc_id"], r["event_id"]): r for r in built.rows["events"]}
    linked = [r for r in built.rows["casualties"] if r["event_id"] is not None]
    assert {events[(r["doc_id"], r["event_id"])]["trigger"]["text"] for r in linked} == {
        "bombardamenti"
    }
    wanted = {
        ("kharkiv-001-c11-e2", "C1"): ("unspecified", "vittime", "positive", None),
        ("kharkiv-001-c12-e1", "C1"): ("unspecified", "vittima", "negative", None),
        ("kharkiv-001-c12-e2", "C1"): ("killed", "morti", "negative", None),
        ("kharkiv-001-c12-e2", "C6"): ("injured", "feriti", "negative", None),
    }
    got = {
        (r["doc_id"], r["casualty_id"]): (
            r["status"],
            r["trigger"]["text"],
            r["polarity"],
            r["event_id"],
        )
        for r in built.rows["casualties"]
        if r["doc_id"] in {"kharkiv-001-c11-e2", "kharkiv-001-c12-e1", "kharkiv-001-c12-e2"}
    }
    assert got == wanted
    life = [
        (r["doc_id"], r["event_id"], r["trigger"]["text"])
        for r in built.rows["events"]
        if r["doc_id"] in {"kharkiv-001-c11-e2", "kharkiv-001-c12-e1", "kharkiv-001-c12-e2"}
        and r["event_type"].startswith("Life:")
    ]
    assert life == [("kharkiv-001-c12-e2", "E28", "morti"), ("kharkiv-001-c12-e2", "E29", "feriti")]


def _value(value):
    return value["text"] if isinstance(value, dict) and "text" in value else value


@pytest.mark.parametrize("key", sorted(CHANGED_IN_2_0), ids="/".join)
def test_items_changed_by_schema_2_0(built, key):
    doc_id, layer, item_id = key
    id_field = next(iter(FEATURES[layer]))
    (row,) = [r for r in built.rows[layer] if r["doc_id"] == doc_id and r[id_field] == item_id]
    assert {field: _value(row[field]) for field in CHANGED_IN_2_0[key]} == CHANGED_IN_2_0[key]


def test_c33_e1_flips_the_place_of_the_explosions(built):
    # "sono state percepite in piazza ..." locates the perception (no Place, 3.5);
    # "sono avvenute in piazza ..." locates the explosions.
    def e13(doc_id):
        (row,) = [
            r for r in built.rows["events"] if r["doc_id"] == doc_id and r["event_id"] == "E13"
        ]
        return [(a["role"], a["text"]) for a in row["arguments"]]

    (edited,) = [r for r in built.rows["documents"] if r["doc_id"] == "kharkiv-001-c33-e1"]
    assert "Le esplosioni sono avvenute in piazza della Costituzione" in edited["text"]
    assert e13("kharkiv-001-c33-orig") == []
    assert e13("kharkiv-001-c33-e1") == [("Place", "piazza della Costituzione")]
