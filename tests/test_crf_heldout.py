"""baselines.crf.heldout: train without the excluded sentences, predict, guard the rest."""

import pytest
from crf_synthetic import HEDGED, synthetic_corpus

from baselines.crf.heldout import predict_crf_leaving_out, training_rows
from baselines.document import document_from_text
from benchmark.errors import DataError


def test_training_rows_drop_exactly_the_excluded_keys():
    _, rows = synthetic_corpus(HEDGED)
    kept = training_rows(rows, excluded={("synthetic", 1), ("synthetic", 7)})
    assert [row.sentence_id for row in kept] == [0, 2, 3, 4, 5, 6, 8, 9, 10, 11]


def test_unknown_excluded_key_and_nothing_left_are_errors():
    _, rows = synthetic_corpus(HEDGED)
    with pytest.raises(DataError, match="item synthetic#12, field excluded"):
        training_rows(rows, excluded={("synthetic", 12)})
    with pytest.raises(DataError, match="no training sentence is left"):
        training_rows(rows, excluded={("synthetic", i) for i in range(12)})


def test_an_excluded_sentence_may_be_predicted_a_trained_one_may_not():
    document, rows = synthetic_corpus(HEDGED)
    # sentence 1 "I soldati avrebbero lasciato la base." is left out of training
    edited = document_from_text("edit", "I soldati avrebbero lasciato la base.")
    predicted = predict_crf_leaving_out(
        rows, train_documents=[document], documents=[edited], excluded={("synthetic", 1)}
    )
    assert predicted.documents == (edited,)
    assert all(hedge.doc_id == "edit" for hedge in predicted.hedges)
    # sentence 7 "I soldati hanno lasciato la base." was trained on: refused
    copy = document_from_text("copy", "I soldati hanno lasciato la base.")
    with pytest.raises(DataError, match="is a training sentence of the crf baseline"):
        predict_crf_leaving_out(
            rows, train_documents=[document], documents=[copy], excluded={("synthetic", 1)}
        )
