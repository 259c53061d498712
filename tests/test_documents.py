from pathlib import Path

import pytest
import yaml

from benchmark.dataset.documents import build_document, paragraph_kinds, read_text
from benchmark.dataset.meta import load_meta
from benchmark.dataset.schema import Hedge, Span
from benchmark.errors import DataError

SOURCE = Path(__file__).resolve().parents[1] / "data" / "source"


def test_build_the_seed_document():
    text = read_text(SOURCE / "kharkiv-001.txt")
    meta = load_meta(SOURCE / "kharkiv-001.meta.yaml", doc_id="kharkiv-001")
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


def test_caption_index_out_of_range(tmp_path):
    path = write_meta(tmp_path, caption_paragraphs=[1, 8])
    meta = load_meta(path, doc_id="kharkiv-001")
    with pytest.raises(DataError, match=r"paragraph index\(es\) \[8\] out of range 0-7"):
        build_document("kharkiv-001", read_text(SOURCE / "kharkiv-001.txt"), meta, meta_file=path)


def test_read_text_refuses_bad_utf8(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"caf\xe9")
    with pytest.raises(DataError, match="not valid UTF-8"):
        read_text(path)


TWO_PARAGRAPHS = "Titolo breve\n\nCorpo del testo. Seconda frase."


def test_a_title_paragraph_is_marked_and_keeps_its_sentences():
    meta = {"title": "Titolo breve", "caption_paragraphs": [], "title_paragraphs": [0]}
    document = build_document("x-001", TWO_PARAGRAPHS, meta)
    assert [p.kind for p in document.paragraphs] == ["title", "body"]
    assert [(s.start, s.end) for s in document.sentences] == [(0, 12), (14, 30), (31, 45)]
    untitled = build_document("x-001", TWO_PARAGRAPHS, {**meta, "title_paragraphs": []})
    assert untitled.sentences == document.sentences


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ({"title": "Altro titolo", "title_paragraphs": [0]}, "paragraph 0 is not the metadata's"),
        ({"title": "Titolo breve", "title_paragraphs": [2]}, r"index\(es\) \[2\] out of range 0-1"),
        (
            {"title": "Titolo breve", "title_paragraphs": [0], "caption_paragraphs": [0]},
            "paragraph 0 is marked both caption and title",
        ),
    ],
)
def test_paragraph_kinds_refuses(meta, message):
    with pytest.raises(DataError, match=message) as caught:
        paragraph_kinds(TWO_PARAGRAPHS, meta, meta_file=Path("m.yaml"))
    assert caught.value.file is not None
