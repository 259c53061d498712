"""benchmark.dataset.passes: the annotation passes of a split, read from their YAML files."""

import shutil
from pathlib import Path

import pytest

from benchmark.dataset.annotation_1x import SCHEMA_2_0
from benchmark.dataset.passes import (
    annotation_folder,
    default_passes,
    read_pass,
    splits_with_passes,
)
from benchmark.errors import DataError

REPO = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "annotations" / "data"


@pytest.fixture
def data_dir(tmp_path):
    return Path(shutil.copytree(FIXTURE, tmp_path / "data"))


def test_the_pass_folders_of_each_split(data_dir):
    assert annotation_folder(data_dir, "test") == data_dir / "annotations"
    assert annotation_folder(data_dir, "wikinews_test") == data_dir / "annotations" / "wikinews"
    assert default_passes("test") == ("first_pass", "second_pass")
    assert default_passes("wikinews_dev") == ("pass_a", "pass_b")
    assert default_passes("contrast") is None
    with pytest.raises(DataError, match="split contrast has no annotation passes"):
        annotation_folder(data_dir, "contrast")


def test_splits_with_both_passes(data_dir):
    assert splits_with_passes(data_dir) == ()
    (data_dir / "annotations" / "first_pass").mkdir()
    assert splits_with_passes(data_dir) == ()  # one pass is not enough
    (data_dir / "annotations" / "second_pass").mkdir()
    assert splits_with_passes(data_dir) == ("test",)
    assert splits_with_passes(REPO / "data") == ("test", "wikinews_dev", "wikinews_test")


def test_the_gold_read_as_a_pass(data_dir):
    read = read_pass(data_dir, "test", "gold")
    assert (read.split, read.name, read.schemas) == ("test", "gold", frozenset({SCHEMA_2_0}))
    assert [d.doc_id for d in read.annotations.documents] == ["tiny-001"]
    assert len(read.annotations.events) == 4 and len(read.annotations.hedges) == 1
    # the sentence flags follow this pass's own hedges: H1 is in sentence 2
    uncertain = [s.sentence_id for s in read.annotations.documents[0].sentences if s.uncertain]
    assert uncertain == [2]


def test_a_missing_pass_or_file_is_named(data_dir):
    with pytest.raises(DataError, match="annotation pass folder does not exist"):
        read_pass(data_dir, "test", "nope")
    (data_dir / "annotations" / "empty_pass").mkdir()
    with pytest.raises(DataError, match="no file of document tiny-001 in this pass"):
        read_pass(data_dir, "test", "empty_pass")
