import pytest

from baselines.training import source_paragraph_sentences, training_data
from benchmark.errors import DataError


def test_source_paragraph_sentences_of_the_real_contrast_spec(test_gold, contrast_gold):
    sources = source_paragraph_sentences(
        contrast_gold.documents, train_documents=test_gold.documents, data_dir=None
    )
    # paragraph 0 of the article holds sentences 0-3; paragraph 5 (a caption) sentence 14
    assert sources["kharkiv-001-c01-orig"] == {("kharkiv-001", i) for i in range(4)}
    assert sources["kharkiv-001-c01-e1"] == {("kharkiv-001", i) for i in range(4)}
    assert sources["kharkiv-001-c31-e1"] == {("kharkiv-001", 14)}


def test_training_data_gathers_every_training_split(test_gold):
    from benchmark.dataset.gold import read_gold

    dev = read_gold(split="wikinews_dev")
    training = training_data(
        dev.documents, split="wikinews_dev", data_dir=None, train_splits=["test", "wikinews_dev"]
    )
    assert training.documents == (*test_gold.documents, *dev.documents)
    expected = sum(len(d.sentences) for d in (*test_gold.documents, *dev.documents))
    assert len(training.rows) == expected
    assert {row.doc_id for row in training.rows} == {d.doc_id for d in training.documents}
    assert training.held_out == {}


def test_training_data_refuses_a_held_out_split():
    with pytest.raises(DataError, match="split 'wikinews_test' is held out"):
        training_data((), split="test", data_dir=None, train_splits=["test", "wikinews_test"])
