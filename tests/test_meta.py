"""benchmark.dataset.meta: the metadata file of a source document."""

from pathlib import Path

import pytest
import yaml

from benchmark.dataset.documents import read_text
from benchmark.dataset.meta import OPTIONAL_META_KEYS, check_text_hash, load_meta
from benchmark.errors import DataError

SOURCE = Path(__file__).resolve().parents[1] / "data" / "source"
PROVENANCE = {
    "corpus": "KIND",
    "repository": "https://example.org/kind",
    "commit": "abc123",
    "file": "wikinews.tsv",
    "first_sentence": 0,
    "n_sentences": 3,
}


def write_meta(tmp_path, **changes):
    meta = yaml.safe_load((SOURCE / "kharkiv-001.meta.yaml").read_text(encoding="utf-8"))
    meta.update(changes)
    path = tmp_path / "kharkiv-001.meta.yaml"
    path.write_text(yaml.safe_dump(meta, sort_keys=False), encoding="utf-8")
    return path


def test_the_seed_metadata_gets_the_optional_defaults():
    meta = load_meta(SOURCE / "kharkiv-001.meta.yaml", doc_id="kharkiv-001")
    assert (meta["split"], meta["provenance"], meta["title_paragraphs"]) == ("test", None, [])
    assert set(OPTIONAL_META_KEYS) == {"split", "provenance", "title_paragraphs"}
    assert meta["caption_paragraphs"] == [1, 3, 5, 7]
    check_text_hash(read_text(SOURCE / "kharkiv-001.txt"), meta, file=Path("m.yaml"))


def test_optional_keys_are_read_when_given(tmp_path):
    path = write_meta(tmp_path, split="wikinews_dev", provenance=PROVENANCE, title_paragraphs=[0])
    meta = load_meta(path, doc_id="kharkiv-001")
    assert (meta["split"], meta["provenance"], meta["title_paragraphs"]) == (
        "wikinews_dev",
        PROVENANCE,
        [0],
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"author": "x"}, "unknown key(s): author"),
        ({"doc_id": "other"}, "doc_id 'other' does not match the file name"),
        ({"title": 3}, "field title: expected a string or null"),
        ({"caption_paragraphs": "1"}, "field caption_paragraphs: expected a list"),
        ({"title_paragraphs": [True]}, "field title_paragraphs: expected a list"),
        ({"split": "contrast"}, "unknown split 'contrast'; expected one of ['test', 'wikinews"),
        ({"provenance": {"corpus": "KIND"}}, "field provenance: expected a mapping with the keys"),
        (
            {"provenance": {**PROVENANCE, "n_sentences": 0}},
            "provenance n_sentences: expected an integer >= 1",
        ),
        (
            {"provenance": {**PROVENANCE, "commit": ""}},
            "provenance commit: expected a non-empty string",
        ),
    ],
)
def test_load_meta_errors(tmp_path, changes, message):
    with pytest.raises(DataError) as caught:
        load_meta(write_meta(tmp_path, **changes), doc_id="kharkiv-001")
    assert message in str(caught.value)
    assert "kharkiv-001.meta.yaml" in str(caught.value)


def test_an_error_names_the_line_of_its_key(tmp_path):
    path = write_meta(tmp_path, title=3)
    line = path.read_text(encoding="utf-8").splitlines().index("title: 3") + 1
    with pytest.raises(DataError) as caught:
        load_meta(path, doc_id="kharkiv-001")
    assert caught.value.line == line


def test_missing_keys_are_named(tmp_path):
    path = tmp_path / "kharkiv-001.meta.yaml"
    path.write_text("doc_id: kharkiv-001\nlanguage: it\n", encoding="utf-8")
    with pytest.raises(DataError, match="missing key\\(s\\): text_sha256, title, outlet"):
        load_meta(path, doc_id="kharkiv-001")


def test_text_hash_mismatch(tmp_path):
    meta = load_meta(SOURCE / "kharkiv-001.meta.yaml", doc_id="kharkiv-001")
    with pytest.raises(DataError, match="the source text must never change"):
        check_text_hash("changed", meta, file=tmp_path / "m.yaml")
