"""benchmark.dataset.integrity_source: each split's documents against their source files."""

import shutil
from pathlib import Path

from support.tiny_dataset import DOC

from benchmark.dataset.integrity_source import check_source_text

REPO = Path(__file__).resolve().parents[1]


def test_the_tiny_split_and_the_wikinews_dev_split_are_clean(tiny_dataset):
    assert check_source_text(tiny_dataset, "test") == []
    assert check_source_text(REPO / "data", "wikinews_dev") == []


def test_a_source_text_without_a_row_in_its_split(tiny_copy):
    source = tiny_copy / "source"
    shutil.copyfile(source / f"{DOC}.txt", source / "extra-001.txt")
    meta = (source / f"{DOC}.meta.yaml").read_text(encoding="utf-8")
    (source / "extra-001.meta.yaml").write_text(
        meta.replace(f"doc_id: {DOC}", "doc_id: extra-001"), encoding="utf-8"
    )
    (problem,) = check_source_text(tiny_copy, "test")
    assert (problem.check, problem.field) == ("source_text", "split")
    assert problem.file == str(source / "extra-001.meta.yaml")
    assert problem.message == "document extra-001 of split test has no row"


def test_a_row_whose_document_belongs_to_another_split(tiny_copy):
    meta = tiny_copy / "source" / f"{DOC}.meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + "split: wikinews_dev\n", encoding="utf-8")
    messages = [p.message for p in check_source_text(tiny_copy, "test")]
    assert any("does not take its documents from source/" in m for m in messages)
