"""baselines.crf.extractor: the crf baseline for new text and its out-of-fold protocol."""

import dataclasses

import pytest
from support.crf_synthetic import HEDGED, synthetic_corpus

from baselines.base import Extractor, OutOfFold, TrainingData
from baselines.crf import CrfExtractor, predict_crf_cross_validated, predict_crf_leaving_out
from baselines.document import document_from_text
from baselines.registry import get_extractor
from benchmark.dataset.schema import Span
from benchmark.errors import DataError


def test_registry_entry_is_lazy_and_implements_both_interfaces():
    extractor = get_extractor("crf")
    assert isinstance(extractor, CrfExtractor) and isinstance(extractor, Extractor)
    assert isinstance(extractor, OutOfFold)
    assert extractor.name == "crf"
    assert extractor._model is None  # nothing trained until the first extract()


def test_fit_then_extract_new_text(crf_options):
    document, rows = synthetic_corpus(HEDGED)
    extractor = CrfExtractor(**crf_options).fit(rows, [document])
    new = document_from_text("new", "Il sindaco dovrebbe tornare presto. Il sindaco torna.")
    predicted = extractor.extract(new)
    assert predicted.documents == (new,)
    assert [(h.hedge_id, h.sentence_id, h.cue, h.cue_type, h.scope) for h in predicted.hedges] == [
        (
            "H1",
            0,
            Span(11, 19, "dovrebbe"),
            "conditional",
            Span(0, 34, "Il sindaco dovrebbe tornare presto"),
        )
    ]
    assert predicted.events == predicted.attributions == predicted.casualties == ()


def test_trained_on_the_gold_it_tags_a_new_paragraph_and_refuses_the_article(
    crf_options, test_gold
):
    extractor = CrfExtractor(**crf_options)
    text = "Secondo la polizia, tre persone sarebbero rimaste ferite durante la notte."
    predicted = extractor.extract(document_from_text("nuovo", text))
    assert [(h.cue.text, h.cue_type) for h in predicted.hedges] == [("sarebbero", "conditional")]
    with pytest.raises(DataError, match="is a training sentence of the crf baseline"):
        extractor.extract(test_gold.documents[0])


def test_an_excluded_sentence_may_be_predicted_a_trained_one_may_not(crf_params):
    document, rows = synthetic_corpus(HEDGED)
    # sentence 1 "I soldati avrebbero lasciato la base." is left out of training
    edited = document_from_text("edit", "I soldati avrebbero lasciato la base.")
    options = {"train_documents": [document], "excluded": {("synthetic", 1)}, "params": crf_params}
    predicted = predict_crf_leaving_out(rows, documents=[edited], **options)
    assert predicted.documents == (edited,)
    assert all(hedge.doc_id == "edit" for hedge in predicted.hedges)
    # sentence 7 "I soldati hanno lasciato la base." was trained on: refused
    copy = document_from_text("copy", "I soldati hanno lasciato la base.")
    with pytest.raises(DataError, match="is a training sentence of the crf baseline"):
        predict_crf_leaving_out(rows, documents=[copy], **options)


def test_out_of_fold_protocol_cross_validates_training_documents(crf_options, crf_params):
    document, rows = synthetic_corpus(HEDGED)
    extractor = CrfExtractor(**crf_options)
    training = TrainingData(rows=tuple(rows), documents=(document,), held_out={})
    predicted = extractor.predict_out_of_fold([document], training=training)
    expected = predict_crf_cross_validated(
        rows,
        [document],
        folds=crf_options["folds"],
        document_folds=crf_options["document_folds"],
        seed=crf_options["seed"],
        params=crf_params,
    )
    assert predicted == expected
    assert extractor._model is None  # the protocol never trains on the predicted sentences


def test_out_of_fold_protocol_leaves_out_what_each_other_document_repeats(crf_options, crf_params):
    document, rows = synthetic_corpus(HEDGED)
    edited = document_from_text("edit", "I soldati avrebbero lasciato la base.")
    copy = document_from_text("copy", "Il ministro sarebbe partito ieri sera.")
    held_out = {"edit": frozenset({("synthetic", 1)}), "copy": frozenset({("synthetic", 1)})}
    training = TrainingData(rows=tuple(rows), documents=(document,), held_out=held_out)
    with pytest.raises(DataError, match="document 'copy', sentence 0, is a training sentence"):
        CrfExtractor(**crf_options).predict_out_of_fold([edited, copy], training=training)
    training = dataclasses.replace(
        training, held_out={**held_out, "copy": frozenset({("synthetic", 0), ("synthetic", 1)})}
    )
    predicted = CrfExtractor(**crf_options).predict_out_of_fold([edited, copy], training=training)
    assert predicted.documents == (edited, copy)
    alone = predict_crf_leaving_out(
        rows,
        train_documents=[document],
        documents=[edited],
        excluded={("synthetic", 1)},
        params=crf_params,
    )
    assert [h for h in predicted.hedges if h.doc_id == "edit"] == list(alone.hedges)


def test_training_documents_not_predicted_are_background_in_every_fold(
    crf_options, crf_params, monkeypatch
):
    import baselines.crf.extractor as extractor_module

    predicted_doc, predicted_rows = synthetic_corpus(HEDGED[:6], doc_id="predicted")
    other_doc, other_rows = synthetic_corpus(HEDGED[6:], doc_id="other")
    calls = []
    real = extractor_module.predict_crf_cross_validated

    def spy(rows, documents, **options):
        calls.append((rows, documents, options))
        return real(rows, documents, **options)

    monkeypatch.setattr(extractor_module, "predict_crf_cross_validated", spy)
    training = TrainingData(
        rows=(*predicted_rows, *other_rows), documents=(predicted_doc, other_doc), held_out={}
    )
    result = CrfExtractor(**crf_options).predict_out_of_fold([predicted_doc], training=training)
    assert result.documents == (predicted_doc,)
    ((rows, documents, options),) = calls
    assert rows == predicted_rows and documents == [predicted_doc]
    assert options["background_rows"] == other_rows
    assert options["background_documents"] == [other_doc]


@pytest.mark.parametrize(
    ("train_splits", "message"),
    [
        (["test", "wikinews_test"], "split 'wikinews_test' is held out"),
        ([], "train_splits must be a non-empty list"),
        (["nosuch"], "unknown split 'nosuch'"),
    ],
)
def test_held_out_or_bad_training_splits_are_refused(crf_options, train_splits, message):
    with pytest.raises(DataError, match=message):
        CrfExtractor(**{**crf_options, "train_splits": train_splits})


def test_the_config_trains_on_kharkiv_and_wikinews_dev(crf_options):
    assert crf_options["train_splits"] == ["test", "wikinews_dev"]
    assert CrfExtractor(**crf_options).train_splits == ("test", "wikinews_dev")
