import dataclasses
import json

import pytest
from support.crf_synthetic import HEDGED, synthetic_corpus

import baselines.crf.crossval as crossval
from baselines.crf import load_token_rows, predict_crf_cross_validated
from baselines.crf.folds import FoldError
from benchmark.dataset.rows import to_row
from benchmark.errors import DataError


class SpyTagger(crossval.SentenceTagger):
    """Records, per fold, the sentences trained on and the sentences predicted."""

    log: list = []

    def fit(self, features, tags):
        SpyTagger.log.append(("fit", [" ".join(t["low"] for t in s) for s in features]))
        return super().fit(features, tags)

    def predict(self, features):
        SpyTagger.log.append(("predict", [" ".join(t["low"] for t in s) for s in features]))
        return super().predict(features)


def test_every_sentence_is_predicted_once_by_a_model_that_never_saw_it(monkeypatch, crf_params):
    SpyTagger.log = []
    monkeypatch.setattr(crossval, "SentenceTagger", SpyTagger)
    document, rows = synthetic_corpus(HEDGED)
    params = dataclasses.replace(crf_params, max_iterations=20)
    predict_crf_cross_validated(rows, [document], folds=4, document_folds=2, seed=3, params=params)
    assert [kind for kind, _ in SpyTagger.log] == ["fit", "predict"] * 4
    everything = {" ".join(word.lower() for word in row.tokens) for row in rows}
    assert len(everything) == 12
    predicted = []
    for (_, trained), (_, held_out) in zip(SpyTagger.log[::2], SpyTagger.log[1::2], strict=True):
        assert len(trained) == 9 and len(held_out) == 3
        assert not set(trained) & set(held_out)
        assert set(trained) | set(held_out) == everything
        predicted.extend(held_out)
    assert sorted(predicted) == sorted(everything)


def test_same_seed_same_output_on_synthetic_text(crf_params):
    document, rows = synthetic_corpus(HEDGED)
    options = {"folds": 3, "document_folds": 2, "seed": 0, "params": crf_params}
    first = predict_crf_cross_validated(rows, [document], **options)
    second = predict_crf_cross_validated(list(reversed(rows)), [document], **options)
    assert first == second
    assert first.documents == (document,)


def test_rows_that_do_not_match_their_document_raise(crf_options, crf_params):
    document, rows = synthetic_corpus(HEDGED)
    options = {
        "folds": crf_options["folds"],
        "document_folds": crf_options["document_folds"],
        "seed": crf_options["seed"],
        "params": crf_params,
    }
    # sentence 1 starts at 39: "Il ministro sarebbe partito ieri sera." is 38 characters + 1 space
    renamed = dataclasses.replace(rows[1], tokens=("Gli", *rows[1].tokens[1:]))
    with pytest.raises(DataError) as caught:
        predict_crf_cross_validated([rows[0], renamed, *rows[2:]], [document], **options)
    assert str(caught.value) == (
        "item synthetic#1, field tokens[0]: token 'Gli' does not match the document text at 39..40"
    )
    with pytest.raises(DataError, match="item other#0, field doc_id: doc_id is not among"):
        predict_crf_cross_validated(
            [dataclasses.replace(rows[0], doc_id="other")], [document], **options
        )
    with pytest.raises(DataError, match="item synthetic#0, field sentence_id: duplicate sentence"):
        predict_crf_cross_validated([rows[0], rows[0], *rows[1:]], [document], **options)
    with pytest.raises(FoldError, match="folds=13 exceeds the number of sentences"):
        predict_crf_cross_validated(rows, [document], **{**options, "folds": 13})


def test_gold_token_rows_load_with_label_strings():
    rows = load_token_rows()
    assert len(rows) == 22
    assert [row.sentence_id for row in rows] == list(range(22))
    assert rows[0].tokens[4] == "attaccato" and rows[0].event_tags[4] == "B-Conflict:Attack"
    assert rows[2].tokens[7] == "sarebbero" and rows[2].hedge_tags[7] == "B-conditional"
    assert rows[2].hedge_tags[8] == "I-conditional"


def test_gold_cross_validation_is_byte_identical_across_runs(test_gold, crf_options, crf_params):
    gold = test_gold
    rows = load_token_rows()
    folds, seed = crf_options["folds"], crf_options["seed"]

    def run() -> str:
        predicted = predict_crf_cross_validated(
            rows,
            gold.documents,
            folds=folds,
            document_folds=crf_options["document_folds"],
            seed=seed,
            params=crf_params,
        )
        assert predicted.documents == gold.documents
        layers = ("events", "casualties", "attributions", "hedges")
        return json.dumps({name: [to_row(x) for x in getattr(predicted, name)] for name in layers})

    assert run() == run()


def test_several_documents_are_folded_whole_with_the_background_in_every_fold(
    monkeypatch, crf_params
):
    SpyTagger.log = []
    monkeypatch.setattr(crossval, "SentenceTagger", SpyTagger)
    corpora = [synthetic_corpus(HEDGED[i::3], doc_id=f"doc{i}") for i in range(3)]
    background_document, background_rows = synthetic_corpus(HEDGED[:2], doc_id="background")
    documents = [document for document, _ in corpora]
    rows = [row for _, doc_rows in corpora for row in doc_rows]
    params = dataclasses.replace(crf_params, max_iterations=20)
    predicted = predict_crf_cross_validated(
        rows,
        documents,
        folds=5,
        document_folds=3,
        seed=0,
        params=params,
        background_rows=background_rows,
        background_documents=[background_document],
    )
    assert predicted.documents == tuple(documents)
    # 3 documents in 3 folds: one fit + one predict per document
    assert [kind for kind, _ in SpyTagger.log] == ["fit", "predict"] * 3
    background = [" ".join(w.lower() for w in row.tokens) for row in background_rows]
    per_document = {
        document.doc_id: {" ".join(w.lower() for w in row.tokens) for row in doc_rows}
        for document, doc_rows in corpora
    }
    held_out_sets = []
    for (_, trained), (_, held_out) in zip(SpyTagger.log[::2], SpyTagger.log[1::2], strict=True):
        # the background is in every fold's training, after the fold's own sentences
        assert trained[-len(background) :] == background
        # the predicted sentences are exactly one whole document, never trained on
        assert set(held_out) in per_document.values()
        assert not set(held_out) & set(trained[: -len(background)])
        assert len(trained) - len(background) == len(rows) - len(held_out)
        held_out_sets.append(frozenset(held_out))
    assert set(held_out_sets) == {frozenset(v) for v in per_document.values()}


def test_a_document_cannot_be_predicted_and_background(crf_params):
    document, rows = synthetic_corpus(HEDGED)
    with pytest.raises(DataError, match="item synthetic, field doc_id: a document is both"):
        predict_crf_cross_validated(
            rows,
            [document],
            folds=3,
            document_folds=2,
            seed=0,
            params=crf_params,
            background_rows=rows,
            background_documents=[document],
        )
