import json

import datasets
import pytest
from support.tiny_dataset import REPO, edit_rows, refresh_derived

from benchmark.dataset import loading
from benchmark.dataset.configs import CONFIGS, data_file
from benchmark.dataset.features import FEATURES
from benchmark.dataset.splits import SPLIT_NAMES
from benchmark.errors import DataError

ROW_COUNTS = {
    "documents": 1,
    "events": 3,
    "casualties": 1,
    "attributions": 3,
    "hedges": 2,
    "tokens": 22,
}
REAL_DATA_BUILT = (REPO / "data" / "tokens" / "test.jsonl").is_file()


@pytest.fixture(autouse=True)
def _default_data_dir(monkeypatch):
    monkeypatch.delenv("KHARKIV_IE_DATA_DIR", raising=False)


@pytest.mark.parametrize("config", CONFIGS)
def test_every_config_loads_by_absolute_path_from_another_cwd(
    tiny_dataset, tmp_path, config, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    dataset = loading.load_config(config, data_dir=tiny_dataset)
    assert len(dataset) == ROW_COUNTS[config]
    assert dataset.features == FEATURES[config]
    assert dataset.split == "test"


@pytest.mark.parametrize("config", CONFIGS)
def test_every_config_loads_by_relative_path(tiny_dataset, tmp_path, config, monkeypatch):
    monkeypatch.chdir(tiny_dataset.parent)
    plain = datasets.load_dataset("data", config, split="test", cache_dir=str(tmp_path / "c"))
    assert len(plain) == ROW_COUNTS[config]
    assert plain.features == FEATURES[config]
    assert len(loading.load_config(config, data_dir="data")) == ROW_COUNTS[config]


def test_string_labels_are_encoded_as_class_label_ints(tiny_dataset):
    events = loading.load_config("events", data_dir=tiny_dataset)
    # EVENT_TYPES: Conflict:Attack is 0, Conflict:Siege is 5; POLARITIES positive 0;
    # CERTAINTIES uncertain 1; ARGUMENT_ROLES Attacker 0, Target 1, Place 3
    assert events["event_type"] == [0, 5, 0]
    assert events["polarity"] == [0, 0, 0]
    assert events["certainty"] == [0, 1, 1]
    assert [[a["role"] for a in args] for args in events["arguments"]] == [[0, 1], [0], [3]]
    tokens = loading.load_config("tokens", data_dir=tiny_dataset)
    # sentence 0: '"', 'Gli', 'occupanti', 'hanno', 'attaccato'; B-Conflict:Attack is 1
    assert tokens[0]["event_tags"][:6] == [0, 0, 0, 0, 1, 0]


def test_edited_jsonl_never_loads_stale_rows(tiny_copy):
    assert loading.load_config("events", data_dir=tiny_copy)[0]["polarity"] == 0
    edit_rows(tiny_copy, "events", 1, lambda row: row.update(polarity="negative"))
    assert loading.load_config("events", data_dir=tiny_copy)[0]["polarity"] == 1
    assert loading.load_gold(data_dir=tiny_copy).events[0].polarity == "negative"


def test_plain_datasets_cache_serves_stale_rows(tiny_copy, tmp_path):
    # Why loading.py names its cache by content: datasets 5.2 alone keeps the old rows.
    cache = str(tmp_path / "one-cache")
    first = datasets.load_dataset(str(tiny_copy), "events", split="test", cache_dir=cache)
    assert first[0]["polarity"] == 0
    edit_rows(tiny_copy, "events", 1, lambda row: row.update(polarity="negative"))
    again = datasets.load_dataset(str(tiny_copy), "events", split="test", cache_dir=cache)
    assert again[0]["polarity"] == 0


def test_load_gold_builds_schema_objects(tiny_dataset):
    gold = loading.load_gold(data_dir=tiny_dataset)
    assert [len(gold.documents), len(gold.events), len(gold.casualties)] == [1, 3, 1]
    assert [len(gold.attributions), len(gold.hedges)] == [3, 2]
    document = gold.documents[0]
    assert document.doc_id == "kharkiv-001"
    assert len(document.text) == 2879
    assert [s.sentence_id for s in document.sentences if s.uncertain] == [2, 15]
    assert [p.kind for p in document.paragraphs][:4] == ["body", "caption", "body", "caption"]
    first = gold.events[0]
    assert (first.event_type, first.trigger.text, first.trigger.start) == (
        "Conflict:Attack",
        "attaccato",
        21,
    )
    assert [(a.role, a.span.text) for a in first.arguments] == [
        ("Attacker", "Gli occupanti"),
        ("Target", "un ospedale"),
    ]
    casualty = gold.casualties[0]
    assert (casualty.count, casualty.count_qualifier, casualty.location) == (21, "at_least", None)
    assert casualty.qualifier_span.text == "almeno"
    assert [a.parent_id for a in gold.attributions] == [None, None, "A2"]
    assert [h.cue_type for h in gold.hedges] == ["conditional", "conditional"]


def _error(tiny_copy):
    with pytest.raises(DataError) as caught:
        loading.load_gold(data_dir=tiny_copy)
    return str(caught.value).replace(f"{tiny_copy}/", "")


def test_missing_field(tiny_copy):
    edit_rows(tiny_copy, "events", 2, lambda row: row.pop("certainty"))
    assert _error(tiny_copy) == "events/test.jsonl:2: item E2, field certainty: missing field"


def test_missing_nullable_field(tiny_copy):
    # datasets would load the missing column as None without a word
    edit_rows(tiny_copy, "casualties", 1, lambda row: row.pop("location"))
    assert _error(tiny_copy) == "casualties/test.jsonl:1: item C1, field location: missing field"


def test_null_where_not_nullable(tiny_copy):
    edit_rows(tiny_copy, "hedges", 2, lambda row: row.update(scope=None))
    assert _error(tiny_copy) == "hedges/test.jsonl:2: item H2, field scope: is null but is required"


def test_unknown_label_string(tiny_copy):
    edit_rows(tiny_copy, "attributions", 3, lambda row: row.update(attribution_type="reported"))
    assert _error(tiny_copy) == (
        "attributions/test.jsonl:3: item A3, field attribution_type: unknown label 'reported' "
        "(expected one of: direct, indirect, mixed)"
    )


def test_label_as_int_in_the_file(tiny_copy):
    # datasets would read -1 as "no label" and 1 as a valid int
    edit_rows(tiny_copy, "events", 1, lambda row: row["arguments"][1].update(role=-1))
    assert _error(tiny_copy) == (
        "events/test.jsonl:1: item E1, field arguments[1].role: unknown label -1 (expected one "
        "of: Attacker, Target, Instrument, Place, Time, Victim, Agent, Artifact, Origin, "
        "Destination, Entity)"
    )


def test_out_of_range_class_label_int_as_loaded():
    row = {
        "hedge_id": "H1",
        "doc_id": "d",
        "sentence_id": 0,
        "cue": {"start": 0, "end": 1, "text": "x"},
        "cue_type": 3,
        "scope": {"start": 0, "end": 1, "text": "x"},
    }
    assert loading.row_problems("hedges", row, encoded=True) == [
        ("cue_type", "label int 3 out of range 0..2")
    ]
    row["cue_type"] = -1
    assert loading.row_problems("hedges", row, encoded=True) == [
        ("cue_type", "label int -1 out of range 0..2")
    ]
    row["cue_type"] = 2
    assert loading.row_problems("hedges", row, encoded=True) == []


def test_int32_overflow_and_bool_as_int(tiny_copy):
    edit_rows(tiny_copy, "casualties", 1, lambda row: row.update(count=2**31), refresh=False)
    assert (
        _error(tiny_copy)
        == "casualties/test.jsonl:1: item C1, field count: 2147483648 does not fit in int32"
    )
    edit_rows(tiny_copy, "casualties", 1, lambda row: row.update(count=True), refresh=False)
    assert (
        _error(tiny_copy)
        == "casualties/test.jsonl:1: item C1, field count: expected int32, got bool True"
    )


def test_invalid_json_and_blank_line(tiny_copy):
    path = tiny_copy / data_file("hedges")
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert (
        _error(tiny_copy)
        == "hedges/test.jsonl:3: blank line (JSONL needs one JSON object per line)"
    )
    path.write_text('{"hedge_id": \n', encoding="utf-8")
    assert _error(tiny_copy) == "hedges/test.jsonl:1: malformed JSON: Expecting value (column 14)"


def test_stale_card_row_count(tiny_copy):
    card = (tiny_copy / "README.md").read_text(encoding="utf-8")
    path = tiny_copy / data_file("events")
    rows = path.read_text(encoding="utf-8").splitlines()
    extra = json.loads(rows[2]) | {"event_id": "E4"}
    path.write_text(
        "\n".join([*rows, json.dumps(extra, ensure_ascii=False)]) + "\n", encoding="utf-8"
    )
    refresh_derived(tiny_copy)
    (tiny_copy / "README.md").write_text(card, encoding="utf-8")
    assert _error(tiny_copy) == (
        "README.md: the row count of config 'events' differs from the one declared in the card's "
        "dataset_info (regenerate the card YAML: benchmark.dataset.features.render_card_yaml)"
    )


def test_unknown_config(tiny_dataset):
    with pytest.raises(DataError, match="unknown config 'event'"):
        loading.load_config("event", data_dir=tiny_dataset)


@pytest.mark.skipif(not REAL_DATA_BUILT, reason="gold not built yet")
@pytest.mark.parametrize("config", CONFIGS)
def test_real_data_loads_by_relative_path_from_the_repo_root(config, monkeypatch, tmp_path):
    monkeypatch.chdir(REPO)
    plain = datasets.load_dataset("data", config, split="test", cache_dir=str(tmp_path / "c"))
    assert plain.features == FEATURES[config]
    lines = (REPO / "data" / data_file(config)).read_text(encoding="utf-8").splitlines()
    assert len(plain) == len(lines)


@pytest.mark.skipif(not REAL_DATA_BUILT, reason="gold not built yet")
def test_real_gold_loads_from_another_cwd(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    gold = loading.load_gold()
    assert [d.doc_id for d in gold.documents] == ["kharkiv-001"]
    assert len(gold.documents[0].sentences) == 22


def test_loading_is_offline_without_touching_the_process_environment(monkeypatch):
    import os
    import subprocess
    import sys

    code = (
        "import os\n"
        "import benchmark.dataset.loading as loading\n"
        "from benchmark.dataset.hf import datasets_config, hub_constants, offline\n"
        "before = (datasets_config.HF_HUB_OFFLINE, hub_constants.HF_HUB_OFFLINE)\n"
        "with offline():\n"
        "    inside = (datasets_config.HF_HUB_OFFLINE, hub_constants.HF_HUB_OFFLINE)\n"
        "after = (datasets_config.HF_HUB_OFFLINE, hub_constants.HF_HUB_OFFLINE)\n"
        "print(os.environ.get('HF_HUB_OFFLINE'), os.environ.get('HF_DATASETS_OFFLINE'),"
        " before, inside, after)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "TRANSFORMERS_"))}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.strip() == "None None (False, False) (True, True) (False, False)"


@pytest.mark.skipif(not REAL_DATA_BUILT, reason="gold not built yet")
@pytest.mark.parametrize("config", CONFIGS)
def test_every_split_of_the_real_data_loads_offline(config, monkeypatch, tmp_path):
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    loaded = datasets.load_dataset("data", config, cache_dir=str(tmp_path / "c"))
    assert sorted(loaded) == sorted(SPLIT_NAMES)
    for split, rows in loaded.items():
        assert rows.features == FEATURES[config]
        path = REPO / "data" / data_file(config, split=split)
        assert len(rows) == len(path.read_text(encoding="utf-8").splitlines()) > 0


@pytest.mark.skipif(not REAL_DATA_BUILT, reason="gold not built yet")
def test_the_wikinews_splits_hold_one_document_per_passage():
    dev = loading.load_gold(split="wikinews_dev")
    assert [d.doc_id for d in dev.documents] == [
        f"wn-{n:03d}" for n in (2, 4, 5, 9, 10, 13, 17, 24, 27, 32, 33, 36, 37, 40, 41, 46)
    ]
    held_out = loading.load_gold(split="wikinews_test")
    assert len(held_out.documents) == 32
    assert not {d.doc_id for d in dev.documents} & {d.doc_id for d in held_out.documents}
    assert all(d.paragraphs[0].kind == "title" for d in dev.documents)  # headline, blank, body
