import pytest
from crf_synthetic import HEDGED, synthetic_corpus

from baselines.crf.features import quote_mask, sentence_features
from baselines.crf.model import TAG_COLUMNS, CrfParams, SentenceTagger
from baselines.document import document_from_text
from benchmark.text import tokenize


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


def trained():
    document, rows = synthetic_corpus(HEDGED)
    tags = {column: [getattr(row, column) for row in rows] for column in TAG_COLUMNS}
    return SentenceTagger().fit(features_of(document), tags)


def test_learns_the_conditional_ending_and_tags_an_unseen_verb():
    tagger = trained()
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


def test_training_is_deterministic():
    unseen = document_from_text("new", "La squadra vincerebbe la partita. La squadra vince.")
    first = trained().predict(features_of(unseen))
    second = trained().predict(features_of(unseen))
    assert first == second


def test_empty_sentences_are_skipped_and_predicted_empty():
    document, rows = synthetic_corpus(HEDGED)
    features = [*features_of(document), []]
    tags = {column: [getattr(row, column) for row in rows] + [[]] for column in TAG_COLUMNS}
    tagger = SentenceTagger(params=CrfParams(max_iterations=20)).fit(features, tags)
    assert tagger.predict([[]])["hedge_tags"] == [[]]


def test_predict_before_fit_and_fit_on_nothing_raise():
    with pytest.raises(RuntimeError, match="not trained"):
        SentenceTagger().predict([])
    with pytest.raises(ValueError, match="no sentence with tokens"):
        SentenceTagger().fit([[]], {column: [[]] for column in TAG_COLUMNS})


def test_default_params_are_the_documented_ones():
    assert CrfParams() == CrfParams(c1=0.1, c2=0.1, max_iterations=100)
    assert SentenceTagger().params == CrfParams()
