"""benchmark.dataset.configs: names, row types, label/id/nullable fields, folder, hash."""

import shutil
from pathlib import Path

import pytest
from support.tiny_dataset import REPO, edit_rows

from benchmark.dataset import configs, inventory


@pytest.fixture(autouse=True)
def _default_data_dir(monkeypatch):
    monkeypatch.delenv("KHARKIV_IE_DATA_DIR", raising=False)


def test_configs_in_card_order():
    assert configs.CONFIGS == (
        "documents", "events", "casualties", "attributions", "hedges", "tokens",
    )  # fmt: skip
    assert configs.LAYER_CONFIGS == configs.CONFIGS[:-1]
    assert configs.DEFAULT_CONFIG == "documents"


def test_label_fields_of_every_config():
    assert dict(configs.LABEL_FIELDS["events"]) == {
        "event_type": inventory.EVENT_TYPES,
        "arguments.role": inventory.ARGUMENT_ROLES,
        "polarity": inventory.POLARITIES,
        "certainty": inventory.CERTAINTIES,
    }
    assert list(configs.LABEL_FIELDS["casualties"]) == [
        "status", "count_qualifier", "victim_group", "polarity", "certainty",
    ]  # fmt: skip
    kinds = ("body", "caption", "title")
    assert dict(configs.LABEL_FIELDS["documents"]) == {"paragraphs.kind": kinds}
    assert configs.LABEL_FIELDS["tokens"]["casualty_tags"] == (
        "O", "B-COUNT", "I-COUNT", "B-VICTIM", "I-VICTIM",
    )  # fmt: skip


def test_id_fields():
    assert dict(configs.ID_FIELDS) == {
        "documents": ("doc_id",),
        "events": ("event_id",),
        "casualties": ("casualty_id",),
        "attributions": ("attribution_id",),
        "hedges": ("hedge_id",),
        "tokens": ("doc_id", "sentence_id"),
    }


def test_nullable_columns():
    assert configs.NULLABLE["events"] == {"attribution_id"}
    assert configs.NULLABLE["attributions"] == {"source", "source_antecedent", "parent_id"}
    assert configs.NULLABLE["hedges"] == set()
    assert configs.NULLABLE["casualties"] == {
        "count", "count_high", "count_span", "qualifier_span", "trigger", "location", "time",
        "event_id", "attribution_id",
    }  # fmt: skip


def test_data_dir_is_absolute_from_the_package(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert configs.data_dir() == REPO / "data"
    assert configs.data_dir().is_absolute()


def test_data_dir_env_override(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KHARKIV_IE_DATA_DIR", "elsewhere")
    assert configs.data_dir() == tmp_path / "elsewhere"


def test_content_hash_follows_the_data_files_only(tiny_copy, tmp_path):
    before = configs.content_hash(tiny_copy)
    assert len(before) == 64
    moved = Path(shutil.copytree(tiny_copy, tmp_path / "moved"))
    assert configs.content_hash(moved) == before  # relative paths, not absolute ones
    (tiny_copy / "README.md").write_text("# another card\n", encoding="utf-8")
    assert configs.content_hash(tiny_copy) == before
    edit_rows(tiny_copy, "events", 1, lambda row: row.update(polarity="negative"), refresh=False)
    assert configs.content_hash(tiny_copy) != before


def test_available_splits(tmp_path):
    assert configs.available_splits(tmp_path) == ("test",)
    (tmp_path / "hedges").mkdir()
    (tmp_path / "hedges" / "contrast.jsonl").write_text("", encoding="utf-8")
    assert configs.available_splits(tmp_path) == ("test", "contrast")
    assert configs.available_splits(REPO / "data") == (
        "test", "contrast", "wikinews_dev", "wikinews_test",
    )  # fmt: skip


def test_data_file():
    assert configs.data_file("events") == "events/test.jsonl"
    assert configs.data_file("tokens", split="contrast") == "tokens/contrast.jsonl"


def test_the_card_states_the_dataset_version():
    card = (Path(__file__).resolve().parents[1] / "data" / configs.CARD_NAME).read_text(
        encoding="utf-8"
    )
    version = configs.DATASET_VERSION
    assert version.split(".")[0] == "2"  # the annotation schema's major (FORMAT.md 2.0)
    assert f"**Version {version}**" in card
    assert f"## Version\n{version} " in card
    assert f"Dataset version {version};" in card
