from pathlib import Path

import pytest
import yaml

from benchmark.dataset.documents import build_document, check_text_hash, load_meta, read_text
from benchmark.dataset.schema import Hedge, Span
from benchmark.errors import DataError

SOURCE = Path(__file__).resolve().parents[1] / "data" / "source"


def test_build_the_seed_document():
    text = read_text(SOURCE / "kharkiv-001.txt")
    meta = load_meta(SOURCE / "kharkiv-001.meta.yaml", doc_id="kharkiv-001")
    check_text_hash(text, meta, file=SOURCE / "kharkiv-001.meta.yaml")
    hedges = [
        Hedge(f"H{i}", "kharkiv-001", i, Span(0, 1, text[0]), "conditional", Span(0, 1, text[0]))
        for i in (2, 5)
    ]
    document = build_document("kharkiv-001", text, meta, hedges=hedges)
    assert [p.kind for p in document.paragraphs] == ["body", "caption"] * 4
    captions = [text[p.start : p.end] for p in document.paragraphs if p.kind == "caption"]
    assert all(caption.startswith("Getty Images ") for caption in captions)
    assert len(document.sentences) == 22
    assert (document.sentences[4].start, document.sentences[4].end) == (594, 672)
    assert [s.sentence_id for s in document.sentences if s.uncertain] == [2, 5]
    assert (document.title, document.outlet, document.publication_date) == (None, None, None)
    assert document.date_inferred == "2022-03-01/2022-03-02"
    assert document.language == "it"
    assert document.source_note.startswith("Italian online news article; outlet and author")


def write_meta(tmp_path, **changes):
    meta = yaml.safe_load((SOURCE / "kharkiv-001.meta.yaml").read_text(encoding="utf-8"))
    meta.update(changes)
    path = tmp_path / "kharkiv-001.meta.yaml"
    path.write_text(yaml.safe_dump(meta), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"author": "x"}, "unknown key(s): author"),
        ({"doc_id": "other"}, "doc_id 'other' does not match the file name"),
        ({"title": 3}, "field title: expected a string or null"),
        ({"caption_paragraphs": "1"}, "field caption_paragraphs: expected a list"),
    ],
)
def test_load_meta_errors(tmp_path, changes, message):
    with pytest.raises(DataError) as caught:
        load_meta(write_meta(tmp_path, **changes), doc_id="kharkiv-001")
    assert message in str(caught.value)


def test_caption_index_out_of_range(tmp_path):
    path = write_meta(tmp_path, caption_paragraphs=[1, 8])
    meta = load_meta(path, doc_id="kharkiv-001")
    with pytest.raises(DataError, match=r"paragraph index\(es\) \[8\] out of range 0-7"):
        build_document("kharkiv-001", read_text(SOURCE / "kharkiv-001.txt"), meta, meta_file=path)


def test_text_hash_mismatch(tmp_path):
    meta = load_meta(SOURCE / "kharkiv-001.meta.yaml", doc_id="kharkiv-001")
    with pytest.raises(DataError, match="the source text must never change"):
        check_text_hash("changed", meta, file=tmp_path / "m.yaml")


def test_read_text_refuses_bad_utf8(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"caf\xe9")
    with pytest.raises(DataError, match="not valid UTF-8"):
        read_text(path)
