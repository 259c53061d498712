import dataclasses

import pytest
from support.crf_synthetic import HEDGED, synthetic_corpus

from baselines.crf.features import quote_mask, sentence_features
from baselines.crf.model import TAG_COLUMNS, CrfParams, SentenceTagger
from baselines.document import document_from_text
from benchmark.dataset.text import tokenize


def features_of(document, sentence_ids=None):
    mask = quote_mask(document)
    result = []
    for sentence in document.sentences:
        if sentence_ids is not None and sentence.sentence_id not in sentence_ids:
            continue
        offsets = tokenize(document.text, sentence.start, sentence.end)
        starts = [s for s, _ in offsets]
        ends = [e for _, e in offsets]
        result.append(sentence_features(document.text, starts, ends, mask=mask))
    return result


def trained(params):
    document, rows = synthetic_corpus(HEDGED)
    tags = {column: [getattr(row, column) for row in rows] for column in TAG_COLUMNS}
    return SentenceTagger(params=params).fit(features_of(document), tags)


def test_learns_the_conditional_ending_and_tags_an_unseen_verb(crf_params):
    tagger = trained(crf_params)
    # "dovrebbe" and "tornerebbero" never occur in the training sentences.
    unseen = document_from_text(
        "new",
        "Il sindaco dovrebbe tornare presto. I medici tornerebbero in città. Il sindaco torna.",
    )
    predicted = tagger.predict(features_of(unseen))
    assert predicted["hedge_tags"] == [
        ["O", "O", "B-conditional", "O", "O", "O"],
        ["O", "O", "B-conditional", "O", "O", "O"],
        ["O", "O", "O", "O"],
    ]
    # the other columns were all O in training: all O here too
    for column in ("event_tags", "attribution_tags", "casualty_tags"):
        assert predicted[column] == [["O"] * 6, ["O"] * 6, ["O"] * 4]


def test_training_is_deterministic(crf_params):
    unseen = document_from_text("new", "La squadra vincerebbe la partita. La squadra vince.")
    first = trained(crf_params).predict(features_of(unseen))
    second = trained(crf_params).predict(features_of(unseen))
    assert first == second


def test_empty_sentences_are_skipped_and_predicted_empty(crf_params):
    document, rows = synthetic_corpus(HEDGED)
    features = [*features_of(document), []]
    tags = {column: [getattr(row, column) for row in rows] + [[]] for column in TAG_COLUMNS}
    params = dataclasses.replace(crf_params, max_iterations=20)
    tagger = SentenceTagger(params=params).fit(features, tags)
    assert tagger.predict([[]])["hedge_tags"] == [[]]


def test_predict_before_fit_and_fit_on_nothing_raise(crf_params):
    with pytest.raises(RuntimeError, match="not trained"):
        SentenceTagger(params=crf_params).predict([])
    with pytest.raises(ValueError, match="no sentence with tokens"):
        SentenceTagger(params=crf_params).fit([[]], {column: [[]] for column in TAG_COLUMNS})


def test_the_options_have_no_default_in_the_code():
    # their values are written in conf/baseline/crf.yaml only (tests/test_conf.py)
    with pytest.raises(TypeError):
        CrfParams()
    with pytest.raises(TypeError):
        SentenceTagger()
