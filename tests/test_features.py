import yaml
from datasets import ClassLabel, Features, List, Value
from support.tiny_dataset import REPO

from benchmark.dataset import features, inventory, loading
from benchmark.dataset.configs import CONFIGS

SPAN = {"start": Value("int32"), "end": Value("int32"), "text": Value("string")}


def test_columns_follow_the_jsonl_row_format():
    assert {config: list(feats) for config, feats in features.FEATURES.items()} == {
        "documents": [
            "doc_id",
            "text",
            "language",
            "paragraphs",
            "sentences",
            "title",
            "outlet",
            "publication_date",
            "date_inferred",
            "date_evidence",
            "source_note",
        ],
        "events": [
            "event_id",
            "doc_id",
            "sentence_id",
            "trigger",
            "event_type",
            "arguments",
            "polarity",
            "certainty",
            "attribution_id",
        ],
        "casualties": [
            "casualty_id",
            "doc_id",
            "sentence_id",
            "status",
            "count",
            "count_high",
            "count_qualifier",
            "count_span",
            "qualifier_span",
            "trigger",
            "victim",
            "victim_group",
            "location",
            "time",
            "polarity",
            "certainty",
            "event_id",
            "attribution_id",
        ],
        "attributions": [
            "attribution_id",
            "doc_id",
            "source",
            "source_antecedent",
            "cue",
            "content",
            "attribution_type",
            "parent_id",
        ],
        "hedges": ["hedge_id", "doc_id", "sentence_id", "cue", "cue_type", "scope"],
        "tokens": [
            "doc_id",
            "sentence_id",
            "tokens",
            "token_starts",
            "token_ends",
            "event_tags",
            "hedge_tags",
            "attribution_tags",
            "casualty_tags",
            "uncertain",
        ],
    }


def test_class_label_names_are_the_inventories():
    events = features.FEATURES["events"]
    assert events["event_type"].names == list(inventory.EVENT_TYPES)
    assert events["arguments"].feature["role"].names == list(inventory.ARGUMENT_ROLES)
    assert events["polarity"].names == ["positive", "negative"]
    assert events["certainty"].names == ["certain", "uncertain"]
    casualties = features.FEATURES["casualties"]
    assert casualties["status"].names == ["killed", "injured", "unspecified"]
    assert casualties["count_qualifier"].names == list(inventory.COUNT_QUALIFIERS)
    assert casualties["victim_group"].names == list(inventory.VICTIM_GROUPS)
    assert features.FEATURES["attributions"]["attribution_type"].names == [
        "direct",
        "indirect",
        "mixed",
    ]
    assert features.FEATURES["hedges"]["cue_type"].names == list(inventory.HEDGE_CUE_TYPES)
    kinds = features.FEATURES["documents"]["paragraphs"].feature["kind"]
    assert kinds.names == ["body", "caption", "title"]
    tokens = features.FEATURES["tokens"]
    assert tokens["event_tags"] == List(ClassLabel(names=list(inventory.EVENT_TAGS)))
    assert tokens["hedge_tags"].feature.names[:3] == ["O", "B-conditional", "I-conditional"]
    assert tokens["attribution_tags"].feature.num_classes == 7
    assert tokens["casualty_tags"].feature.names == [
        "O",
        "B-COUNT",
        "I-COUNT",
        "B-VICTIM",
        "I-VICTIM",
    ]


def test_value_types():
    casualties = features.FEATURES["casualties"]
    assert casualties["count"] == Value("int32")
    assert casualties["count_span"] == SPAN
    assert casualties["victim"] == SPAN
    assert casualties["casualty_id"] == Value("string")
    assert casualties["sentence_id"] == Value("int32")
    assert features.FEATURES["events"]["arguments"] == List(
        {
            "role": ClassLabel(names=list(inventory.ARGUMENT_ROLES)),
            "start": Value("int32"),
            "end": Value("int32"),
            "text": Value("string"),
        }
    )
    assert features.FEATURES["documents"]["sentences"].feature["uncertain"] == Value("bool")
    assert features.FEATURES["tokens"]["token_starts"] == List(Value("int32"))


def test_card_yaml_uses_list_for_list_of_struct(tiny_dataset):
    card = yaml.safe_load(features.render_card_yaml(data_dir=tiny_dataset))
    assert "sequence" not in features.render_card_yaml(data_dir=tiny_dataset)
    events = next(info for info in card["dataset_info"] if info["config_name"] == "events")
    arguments = next(item for item in events["features"] if item["name"] == "arguments")
    assert [field["name"] for field in arguments["list"]] == ["role", "start", "end", "text"]
    assert arguments["list"][0]["dtype"]["class_label"]["names"]["3"] == "Place"
    tokens = next(info for info in card["dataset_info"] if info["config_name"] == "tokens")
    starts = next(item for item in tokens["features"] if item["name"] == "token_starts")
    assert starts == {"name": "token_starts", "list": "int32"}


def test_card_yaml_round_trips_to_the_features(tiny_dataset):
    card = yaml.safe_load(features.render_card_yaml(data_dir=tiny_dataset))
    assert [info["config_name"] for info in card["dataset_info"]] == list(CONFIGS)
    for info in card["dataset_info"]:
        parsed = Features._from_yaml_list(info["features"])
        assert parsed == features.FEATURES[info["config_name"]]


def test_card_configs_and_metadata(tiny_dataset):
    card = yaml.safe_load(features.render_card_yaml(data_dir=tiny_dataset))
    assert card["configs"][0] == {
        "config_name": "documents",
        "default": True,
        "data_files": [{"split": "test", "path": "documents/test.jsonl"}],
    }
    assert card["configs"][1] == {
        "config_name": "events",
        "data_files": [{"split": "test", "path": "events/test.jsonl"}],
    }
    assert sum(1 for config in card["configs"] if config.get("default")) == 1
    assert card["license"] == "cc-by-4.0"
    assert "copyright stays with its publisher" in card["license_details"]
    assert card["language"] == ["it"]
    assert card["task_categories"] == ["token-classification", "text-classification"]
    assert "task_ids" not in card
    assert card["size_categories"] == ["n<1K"]
    assert card["tags"] == [
        "event-extraction",
        "attribution",
        "hedging",
        "factuality",
        "casualties",
        "italian",
        "news",
    ]


def test_split_sizes_are_what_datasets_records(tiny_dataset):
    card = yaml.safe_load(features.render_card_yaml(data_dir=tiny_dataset))
    splits = {info["config_name"]: info["splits"] for info in card["dataset_info"]}
    assert [splits[config][0]["num_examples"] for config in features.CONFIGS] == [
        1,
        3,
        1,
        3,
        2,
        22,
    ]
    for config in features.CONFIGS:
        recorded = loading.load_config(config, data_dir=tiny_dataset).info.splits["test"]
        assert splits[config] == [
            {"name": "test", "num_bytes": recorded.num_bytes, "num_examples": recorded.num_examples}
        ]


def test_missing_file_counts_as_empty(tmp_path):
    stats = features.split_stats(tmp_path / "none.jsonl", features.FEATURES["hedges"])
    assert stats == {"num_bytes": 0, "num_examples": 0}


def test_committed_card_yaml_equals_the_rendered_one():
    committed, body = features.split_front_matter(
        (REPO / "data" / "README.md").read_text(encoding="utf-8")
    )
    assert committed == features.render_card_yaml(data_dir=REPO / "data")
    for marker in (
        "<!-- generated:statistics:start -->",
        "<!-- generated:statistics:end -->",
        "<!-- generated:manifest:start -->",
        "<!-- generated:manifest:end -->",
    ):
        assert body.count(marker) == 1


def test_front_matter_replacement_keeps_the_body():
    card = "---\na: 1\n---\n# Title\n\ntext\n"
    assert features.split_front_matter(card) == ("a: 1\n", "# Title\n\ntext\n")
    assert features.card_with_yaml(card, "b: 2\n") == "---\nb: 2\n---\n# Title\n\ntext\n"
    assert features.split_front_matter("# no yaml\n") == (None, "# no yaml\n")
    assert features.card_with_yaml("# no yaml\n", "b: 2\n") == "---\nb: 2\n---\n# no yaml\n"
