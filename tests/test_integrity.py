import hashlib
import json
import shutil
from pathlib import Path

import pytest
from support.tiny_dataset import DOC, HEDGES, REPO, edit_rows, read_jsonl, refresh_derived

from benchmark.dataset import integrity
from benchmark.dataset.build import build_data
from benchmark.dataset.configs import CONFIGS, data_file
from benchmark.dataset.features import card_with_yaml, render_card_yaml
from benchmark.dataset.pins import PINNED_SHA256


def failures(folder):
    """Return check name -> list of 'relpath:line: field: message' strings."""
    found = {}
    for problem in integrity.run_all_checks(folder):
        found.setdefault(problem.check, []).append(str(problem).replace(f"{folder}/", ""))
    return found


def test_fixture_counts(tiny_dataset):
    assert [len(read_jsonl(tiny_dataset / data_file(config))) for config in CONFIGS] == [
        1,
        3,
        1,
        3,
        2,
        22,
    ]
    sentences = read_jsonl(tiny_dataset / "documents" / "test.jsonl")[0]["sentences"]
    assert [s["sentence_id"] for s in sentences if s["uncertain"]] == [2, 15]


def test_good_dataset_passes_every_check(tiny_dataset):
    assert integrity.run_all_checks(tiny_dataset) == []


@pytest.mark.skipif(
    not (REPO / "data" / "tokens" / "test.jsonl").is_file(), reason="gold not built yet"
)
def test_real_data_passes_every_check():
    assert [str(problem) for problem in integrity.run_all_checks(REPO / "data")] == []


def test_rows_missing_field(tiny_copy):
    edit_rows(tiny_copy, "events", 1, lambda row: row.pop("polarity"))
    assert failures(tiny_copy) == {"rows": ["events/test.jsonl:1: polarity: missing field"]}


def test_rows_wrong_type_null_and_invalid_json(tiny_copy):
    edit_rows(tiny_copy, "hedges", 2, lambda row: row.update(sentence_id="15", scope=None))
    with (tiny_copy / "casualties" / "test.jsonl").open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    found = integrity.check_rows(tiny_copy)
    assert [str(problem).replace(f"{tiny_copy}/", "") for problem in found] == [
        "casualties/test.jsonl:2: malformed JSON: Expecting property name enclosed in double "
        "quotes (column 2)",
        "hedges/test.jsonl:2: sentence_id: expected int32, got str '15'",
        "hedges/test.jsonl:2: scope: is null but is required",
    ]


def test_labels_datasets_would_silently_accept(tiny_copy):
    # datasets strips white space around a label string; the check does not.
    edit_rows(tiny_copy, "events", 1, lambda row: row.update(polarity=" positive"))
    assert failures(tiny_copy) == {
        "labels": [
            "events/test.jsonl:1: polarity: unknown label ' positive' "
            "(expected one of: positive, negative)"
        ]
    }


def test_labels_unknown_also_breaks_loading(tiny_copy):
    edit_rows(tiny_copy, "tokens", 1, lambda row: row["event_tags"].__setitem__(0, "B-Attack"))
    found = failures(tiny_copy)
    assert found["labels"] == [
        "tokens/test.jsonl:1: event_tags[0]: unknown label 'B-Attack' (expected one of: "
        "O, B-Conflict:Attack, I-Conflict:Attack, B-Life:Die, I-Life:Die, B-Life:Injure, "
        "I-Life:Injure, B-Movement:Transport, I-Movement:Transport, B-Contact:Meet, "
        "I-Contact:Meet, B-Conflict:Siege, I-Conflict:Siege, B-Conflict:Damage, "
        "I-Conflict:Damage, B-Conflict:Explosion, I-Conflict:Explosion, B-Disaster:Accident, "
        "I-Disaster:Accident, B-Disaster:Fire, I-Disaster:Fire)"
    ]
    # datasets refuses the file too, and the card's split size cannot be measured.
    assert sorted(found) == ["card", "labels", "loadable", "tokens_view"]


def test_source_text_changed(tiny_copy):
    source = tiny_copy / "source" / f"{DOC}.txt"
    source.write_bytes(source.read_bytes().replace(b"Kharkiv", b"Kharkov", 1))
    refresh_derived(tiny_copy)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    seed = integrity.SEED_FILES[DOC]
    expected = [
        f"documents/test.jsonl:1: text: differs from source/{DOC}.txt (byte for byte)",
        f"source/{DOC}.txt: text: SHA-256 is {digest}, pinned {PINNED_SHA256[DOC]}",
    ]
    if seed.is_file():  # the seed copy exists on developer and CI machines only
        expected.append(f"source/{DOC}.txt: text: differs from the seed file {seed}")
    expected.append(
        f"source/{DOC}.meta.yaml: text_sha256: text SHA-256 is {digest}, metadata records "
        f"{PINNED_SHA256[DOC]}: the source text must never change"
    )
    assert failures(tiny_copy) == {"source_text": expected}


def test_spans_text_mismatch_and_alignment(tiny_copy):
    edit_rows(tiny_copy, "events", 1, lambda row: row["trigger"].update(text="attaccatO"))
    edit_rows(
        tiny_copy, "hedges", 1, lambda row: row["cue"].update(start=266, text="arebbero stati")
    )
    assert failures(tiny_copy) == {
        "spans": [
            "events/test.jsonl:1: trigger: text 'attaccatO' != document text 'attaccato' at 21..30",
            "hedges/test.jsonl:1: cue: 266..280 ('arebbero stati') is not token-aligned",
        ]
    }


def test_spans_out_of_range(tiny_copy):
    edit_rows(
        tiny_copy, "attributions", 2, lambda row: row["cue"].update(start=2213, end=2206, text="")
    )
    assert failures(tiny_copy) == {
        "spans": [
            "attributions/test.jsonl:2: cue: bad offsets 2213..2206 (document has 2879 characters)"
        ]
    }


def test_ids_duplicate(tiny_copy):
    edit_rows(tiny_copy, "hedges", 2, lambda row: row.update(hedge_id="H1"))
    assert failures(tiny_copy) == {
        "ids": [
            "hedges/test.jsonl:2: hedge_id: duplicate id H1 in document 'kharkiv-001' "
            "(first on line 1)"
        ]
    }


def test_references_unresolved(tiny_copy):
    edit_rows(tiny_copy, "events", 1, lambda row: row.update(attribution_id="A9"))
    edit_rows(tiny_copy, "casualties", 1, lambda row: row.update(event_id="E7"))
    assert failures(tiny_copy) == {
        "references": [
            "events/test.jsonl:1: attribution_id: 'A9' names no row of attributions in document "
            "'kharkiv-001'",
            "casualties/test.jsonl:1: event_id: 'E7' names no row of events in document "
            "'kharkiv-001'",
        ]
    }


def test_references_unknown_sentence(tiny_copy):
    edit_rows(tiny_copy, "hedges", 1, lambda row: row.update(doc_id="kharkiv-002"))
    found = failures(tiny_copy)
    assert found["references"] == ["hedges/test.jsonl:1: doc_id: unknown document 'kharkiv-002'"]
    # a hedge of another document no longer marks sentence 2 uncertain
    assert sorted(found) == ["references", "tokens_view", "uncertain"]


def test_parent_cycle(tiny_copy):
    edit_rows(tiny_copy, "attributions", 3, lambda row: row.update(parent_id="A3"))
    assert failures(tiny_copy) == {
        "parent_cycles": ["attributions/test.jsonl:3: parent_id: parent chain loops: A3 -> A3"]
    }


def test_parent_cycle_of_two(tiny_copy):
    edit_rows(tiny_copy, "attributions", 2, lambda row: row.update(parent_id="A3"))
    found = failures(tiny_copy)
    assert found["parent_cycles"] == [
        "attributions/test.jsonl:2: parent_id: parent chain loops: A2 -> A3 -> A2",
        "attributions/test.jsonl:3: parent_id: parent chain loops: A3 -> A2 -> A3",
    ]


def test_uncertain_flag_without_hedge(tiny_copy):
    def clear(row):
        row["sentences"][2]["uncertain"] = False

    edit_rows(tiny_copy, "documents", 1, clear)
    edit_rows(tiny_copy, "tokens", 3, lambda row: row.update(uncertain=False))
    assert failures(tiny_copy) == {
        "uncertain": [
            "documents/test.jsonl:1: sentences[2].uncertain: uncertain is False, "
            "but the sentence holds a hedge"
        ]
    }


def test_uncertain_tokens_view_disagrees(tiny_copy):
    edit_rows(tiny_copy, "tokens", 16, lambda row: row.update(uncertain=False))
    found = failures(tiny_copy)
    assert found["uncertain"] == [
        "tokens/test.jsonl:16: uncertain: uncertain is False, the documents config says True"
    ]
    assert found["tokens_view"] == [
        "tokens/test.jsonl:16: uncertain: differs from a fresh generation (expected true)"
    ]


def test_sentence_anchor(tiny_copy):
    edit_rows(tiny_copy, "events", 2, lambda row: row.update(sentence_id=1))
    assert failures(tiny_copy) == {
        "sentence_anchors": [
            "events/test.jsonl:2: sentence_id: sentence_id is 1, but trigger starts in sentence 2"
        ]
    }


def test_loadable_card_points_elsewhere(tiny_copy):
    card = tiny_copy / "README.md"
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace("path: hedges/test.jsonl", "path: hedges/missing.jsonl"))
    found = failures(tiny_copy)
    # the card is what datasets reads, so the card check fails with it
    assert found == {
        "loadable": [found["loadable"][0]],
        "card": ["README.md: configs: differs from render_card_yaml()"],
    }
    assert found["loadable"][0].startswith(
        "hedges/test.jsonl: datasets cannot load config 'hedges': "
    )


def test_card_drift(tiny_copy):
    card = tiny_copy / "README.md"
    card.write_text(card.read_text(encoding="utf-8").replace("license: cc-by-4.0", "license: mit"))
    assert failures(tiny_copy) == {"card": ["README.md: license: differs from render_card_yaml()"]}


def test_card_row_count_stale(tiny_copy):
    stale_card = (tiny_copy / "README.md").read_text(encoding="utf-8")
    with (tiny_copy / "hedges" / "test.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({**HEDGES[1], "hedge_id": "H3"}, ensure_ascii=False) + "\n")
    refresh_derived(tiny_copy)
    (tiny_copy / "README.md").write_text(stale_card, encoding="utf-8")
    found = failures(tiny_copy)
    assert found["card"] == ["README.md: dataset_info: differs from render_card_yaml()"]
    assert found["loadable"] == [
        "README.md: the row count of config 'hedges' differs from the one declared in "
        "the card's dataset_info (regenerate the card YAML: "
        "benchmark.dataset.features.render_card_yaml)"
    ]


def test_manifest_wrong_hash_and_unlisted(tiny_copy):
    manifest = tiny_copy / "MANIFEST.sha256"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    assert [line.split("  ")[1] for line in lines] == [
        "attributions/test.jsonl",
        "casualties/test.jsonl",
        "documents/test.jsonl",
        "events/test.jsonl",
        "hedges/test.jsonl",
        "source/kharkiv-001.meta.yaml",
        "source/kharkiv-001.txt",
        "tokens/test.jsonl",
    ]
    lines[3] = "0" * 64 + "  events/test.jsonl"
    del lines[7]
    del lines[5]  # a source metadata file must be listed too
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert failures(tiny_copy) == {
        "manifest": [
            "MANIFEST.sha256:4: events/test.jsonl: SHA-256 differs",
            "MANIFEST.sha256: tokens/test.jsonl not listed",
            "MANIFEST.sha256: source/kharkiv-001.meta.yaml not listed",
        ]
    }


def test_ranges_count_high_iff_range(tiny_copy):
    # C1 is "almeno 21" (at_least): an upper bound is refused; as a range it needs one above 21
    edit_rows(tiny_copy, "casualties", 1, lambda row: row.update(count_high=30))
    assert failures(tiny_copy) == {
        "ranges": [
            "casualties/test.jsonl:1: count_high: count_high must be null unless "
            "count_qualifier is range, got 30"
        ]
    }
    edit_rows(tiny_copy, "casualties", 1, lambda row: row.update(count_qualifier="range"))
    assert failures(tiny_copy) == {}
    edit_rows(tiny_copy, "casualties", 1, lambda row: row.update(count_high=21))
    assert failures(tiny_copy) == {
        "ranges": [
            "casualties/test.jsonl:1: count_high: count_high 21 must be greater than count 21"
        ]
    }
    edit_rows(tiny_copy, "casualties", 1, lambda row: row.update(count_high=None))
    assert failures(tiny_copy) == {
        "ranges": [
            "casualties/test.jsonl:1: count_high: a range needs integers count and count_high, "
            "got 21 and null"
        ]
    }


def test_event_types_every_type_exactly_once(tiny_copy):
    table = tiny_copy / "event_types.tsv"
    lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
    fire = next(n for n, line in enumerate(lines) if line.startswith("Disaster:Fire\t"))
    table.write_text("".join(lines[:fire] + lines[fire + 1 :]), encoding="utf-8")
    assert failures(tiny_copy) == {
        "event_types": ["event_types.tsv: type: no row for event type(s) Disaster:Fire"]
    }
    twice = lines + [lines[fire - 1]]
    table.write_text("".join(twice), encoding="utf-8")
    assert failures(tiny_copy) == {
        "event_types": [
            f"event_types.tsv:{len(twice)}: type: event type Disaster:Accident is listed twice "
            f"(first on line {fire})"
        ]
    }
    table.unlink()
    assert failures(tiny_copy) == {"event_types": ["event_types.tsv: no such file"]}


def test_label_map_targets_are_2_0_labels(tiny_copy):
    table = tiny_copy / "label_map_1x.tsv"
    text = table.read_text(encoding="utf-8")
    line = 1 + text.splitlines().index("casualties\tvictim_group\tukrainian_military\tmilitary")
    table.write_text(text.replace("ukrainian_military\tmilitary", "ukrainian_military\tukrainian"))
    assert failures(tiny_copy) == {
        "label_map": [
            f"label_map_1x.tsv:{line}: label_2_0: 'ukrainian' is not a 2.0 label of "
            "casualties.victim_group; expected one of people, civilians, military, "
            "international_staff, other, children, police, armed_group"
        ]
    }


def test_tokens_view_stale(tiny_copy):
    # sentence 0: '"', 'Gli', 'occupanti', 'hanno', 'attaccato' -> the trigger is token 4
    def untag(row):
        assert row["event_tags"][4] == "B-Conflict:Attack"
        row["event_tags"][4] = "O"

    edit_rows(tiny_copy, "tokens", 1, untag)
    found = failures(tiny_copy)
    assert list(found) == ["tokens_view"]
    assert found["tokens_view"][0].startswith(
        'tokens/test.jsonl:1: event_tags: differs from a fresh generation (expected ["O", "O", '
        '"O", "O", "B-Conflict:Attack", "O"'
    )


def test_every_check_has_a_broken_copy_test():
    tested = {
        "rows",
        "labels",
        "source_text",
        "spans",
        "ids",
        "references",
        "parent_cycles",
        "ranges",
        "uncertain",
        "sentence_anchors",
        "loadable",
        "card",
        "manifest",
        "event_types",
        "label_map",
        "tokens_view",
    }
    assert set(integrity.CHECKS) == tested


@pytest.mark.skipif(
    not (REPO / "data" / "annotations" / "gold" / f"{DOC}.yaml").is_file(), reason="no gold yet"
)
def test_gold_built_into_a_copy_passes_every_check(tmp_path):
    copy = Path(shutil.copytree(REPO / "data", tmp_path / "data"))
    build_data(data_dir=copy)
    card = copy / "README.md"  # until build_data renders the card YAML itself
    new_yaml = render_card_yaml(data_dir=copy)
    card.write_text(card_with_yaml(card.read_text(encoding="utf-8"), new_yaml), encoding="utf-8")
    assert [str(problem) for problem in integrity.run_all_checks(copy)] == []
