"""benchmark.dataset.corpus: the source documents of an annotations split and their rows."""

import shutil
from pathlib import Path

import pytest
import yaml

from benchmark.dataset.corpus import collect_rows, split_documents, split_gold
from benchmark.errors import DataError

REPO = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "annotations" / "data"
DOC = "tiny-001"
DEV = [f"wn-{n:03d}" for n in (2, 4, 5, 9, 10, 13, 17, 24, 27, 32, 33, 36, 37, 40, 41, 46)]


@pytest.fixture
def data_dir(tmp_path):
    return Path(shutil.copytree(FIXTURE, tmp_path / "data"))


def test_the_fixture_split_has_its_one_document(data_dir):
    (document,) = split_documents(data_dir, "test")
    assert document.doc_id == DOC
    assert document.meta["split"] == "test"  # no split key: the main split
    assert document.text_path == data_dir / "source" / f"{DOC}.txt"


def test_the_wikinews_dev_split_reads_its_documents_from_the_shared_folder():
    documents = split_documents(REPO / "data", "wikinews_dev")
    assert [d.doc_id for d in documents] == DEV
    assert {d.meta["provenance"]["corpus"] for d in documents} == {"KIND"}


def test_rows_of_the_fixture_split(data_dir):
    built = collect_rows(data_dir=data_dir, split="test")
    counts = {config: len(rows) for config, rows in built.rows.items()}
    # the fixture gold: 4 events, 2 casualties, 3 attributions, 1 hedge over 4 sentences
    assert counts == {
        "documents": 1, "events": 4, "casualties": 2, "attributions": 3, "hedges": 1, "tokens": 4,
    }  # fmt: skip
    assert [row["event_id"] for row in built.rows["events"]] == ["E1", "E2", "E3", "E4"]
    assert [d.doc_id for d in built.documents] == [DOC]


def test_a_contrast_split_has_no_source_documents(data_dir):
    with pytest.raises(DataError, match="'contrast' is not an annotations split"):
        split_documents(data_dir, "contrast")


def _set_meta(folder, **changes):
    path = folder / "source" / f"{DOC}.meta.yaml"
    meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    meta.update(changes)
    path.write_text(yaml.safe_dump(meta, sort_keys=False), encoding="utf-8")
    return path


def test_a_document_in_a_folder_its_split_does_not_read_is_refused(data_dir):
    path = _set_meta(data_dir, split="wikinews_dev")
    with pytest.raises(
        DataError, match="split 'wikinews_dev' does not take its documents"
    ) as caught:
        split_documents(data_dir, "test")
    assert caught.value.file == str(path)


def test_missing_gold_and_metadata_are_named(data_dir):
    assert DOC in split_gold(data_dir, "test", split_documents(data_dir, "test"))
    gold = data_dir / "annotations" / "gold" / f"{DOC}.yaml"
    gold.rename(data_dir / "elsewhere.yaml")
    with pytest.raises(DataError, match="no gold annotations annotations/gold/tiny-001.yaml"):
        split_gold(data_dir, "test", split_documents(data_dir, "test"))
    (data_dir / "source" / f"{DOC}.meta.yaml").unlink()
    with pytest.raises(DataError, match="no metadata file tiny-001.meta.yaml"):
        split_documents(data_dir, "test")
