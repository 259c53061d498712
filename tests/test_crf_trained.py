"""baselines.crf.trained: CRFs trained on given sentences refuse to tag those sentences again."""

import pytest
from support.crf_synthetic import HEDGED, synthetic_corpus

from baselines.crf.trained import MIN_GUARDED_CHARS, TrainedCrf
from baselines.document import document_from_text
from benchmark.errors import DataError


def test_a_training_sentence_is_refused(crf_params):
    document, rows = synthetic_corpus(HEDGED)
    model = TrainedCrf(params=crf_params).fit(rows, [document])
    repeated = document_from_text("copy", "Ecco. I soldati hanno lasciato la base.")
    with pytest.raises(DataError) as caught:
        model.extract(repeated)
    assert str(caught.value).startswith(
        "document 'copy', sentence 1, is a training sentence of the crf baseline;"
    )


def test_short_sentences_are_not_guarded(crf_params):
    short = [("Il ministro parla.", {}), *HEDGED]  # 18 characters < MIN_GUARDED_CHARS
    assert len("Il ministro parla.") < MIN_GUARDED_CHARS
    document, rows = synthetic_corpus(short)
    model = TrainedCrf(params=crf_params).fit(rows, [document])
    assert model.extract(document_from_text("x", "Il ministro parla.")).hedges == ()


def test_extract_before_fit_raises(crf_params):
    with pytest.raises(RuntimeError, match="not trained"):
        TrainedCrf(params=crf_params).extract(document_from_text("x", "Frase."))


def test_rows_of_an_unknown_document_are_refused(crf_params):
    document, rows = synthetic_corpus(HEDGED)
    with pytest.raises(DataError, match="item synthetic#0, field doc_id: doc_id is not among"):
        TrainedCrf(params=crf_params).fit(rows, [])
