"""benchmark.dataset.statistics: the counts of one built split."""

import shutil
from pathlib import Path

from benchmark.dataset.corpus import collect_rows
from benchmark.dataset.statistics import split_statistics

FIXTURE = Path(__file__).parent / "fixtures" / "annotations" / "data"


def test_counts_of_the_fixture_split(tmp_path):
    data_dir = Path(shutil.copytree(FIXTURE, tmp_path / "data"))
    built = collect_rows(data_dir=data_dir, split="test")
    provenance = {"tiny-001": {"corpus": "X"}}
    stats = split_statistics("test", built.rows, provenance=provenance)
    # hand counts of the fixture (tests/test_build.py): 4 sentences, 45 tokens, 1 uncertain
    assert (stats.split, stats.sentence_count, stats.token_count) == ("test", 4, 45)
    assert stats.uncertain_sentences == 1
    (document,) = stats.documents
    assert (document.doc_id, document.sentences, document.tokens) == ("tiny-001", 4, 45)
    assert document.provenance == {"corpus": "X"}
    assert stats.label_counts["documents"]["paragraphs.kind"] == {
        "body": 1, "caption": 1, "title": 0,
    }  # fmt: skip
    # outermost relations A1 and A3 only; A1's content spans two sentences (two B- tags)
    assert stats.label_counts["tokens"]["attribution_tags"] == {
        "SOURCE": 2, "CUE": 2, "CONTENT": 3,
    }  # fmt: skip
    assert stats.label_counts["events"]["event_type"]["Conflict:Attack"] == 2
    assert stats.dropped == ()


def test_a_document_without_provenance(tmp_path):
    data_dir = Path(shutil.copytree(FIXTURE, tmp_path / "data"))
    stats = split_statistics("test", collect_rows(data_dir=data_dir, split="test").rows)
    assert stats.documents[0].provenance is None
