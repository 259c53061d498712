"""baselines.pipeline: one baseline run on a tiny gold folder (written by test_integrity)."""

import json
import re
from pathlib import Path

import pytest
from support.producers import FirstWordHedges

import baselines.crf.extractor as extractor_module
from baselines.pipeline import blind, lines_text, results_name, run_baseline, submission_of
from baselines.reproduce import compose_config
from benchmark.dataset.schema import Document, Sentence
from benchmark.evaluation import provenance as provenance_module
from benchmark.evaluation.results import read_results


def _cfg(baseline, tiny_dataset, tmp_path, *extra):
    return compose_config(
        baseline,
        overrides=[
            f"paths.data_dir={tiny_dataset}",
            "training_splits=[test]",  # the tiny gold has no wikinews_dev split
            f"paths.runs_dir={tmp_path / 'runs'}",
            f"paths.results_dir={tmp_path / 'results'}",
            f"paths.reports_dir={tmp_path / 'reports'}",
            f"paths.leaderboard={tmp_path / 'LEADERBOARD.md'}",
            "scoring.bootstrap=20",
            "splits=[test]",  # the tiny gold has no contrast split
            *extra,
        ],
    )


def test_results_name():
    assert results_name("rules", "test") == "rules.json"
    assert results_name("rules", "contrast") == "rules.contrast.json"
    assert results_name("rules", "contrast", suffix=".html") == "rules.contrast.html"


def test_blind_clears_gold_uncertainty():
    doc = Document("d", "A. B.", "it", (), (Sentence(0, 0, 2, True), Sentence(1, 3, 5, False)))
    assert [s.uncertain for s in blind(doc).sentences] == [False, False]
    assert [(s.start, s.end) for s in blind(doc).sentences] == [(0, 2), (3, 5)]


def test_a_producer_s_lines_are_the_submission_for_blinded_documents(test_gold, tmp_path):
    producer = FirstWordHedges()
    said = []
    usage = tmp_path / "usage.test.jsonl"
    text = submission_of(
        producer,
        test_gold.documents,
        split="test",
        data_dir=None,
        usage_path=usage,
        progress=said.append,
    )
    [call] = producer.calls
    assert text == lines_text(
        FirstWordHedges().predict_lines(
            call["documents"], usage_path=None, progress=lambda line: None
        )
    )
    assert [d.doc_id for d in call["documents"]] == ["kharkiv-001"]
    assert any(s.uncertain for s in test_gold.documents[0].sentences)
    assert not any(s.uncertain for s in call["documents"][0].sentences)  # blinded
    assert call["usage_path"] == usage and said == ["first-word: 1 documents"]
    line = json.loads(text)
    assert list(line) == ["doc_id", "hedges"] and len(line["hedges"]) == 22


def test_a_producer_runs_through_the_pipeline_and_is_scored(tiny_dataset, tmp_path):
    cfg = _cfg(
        "empty", tiny_dataset, tmp_path, "baseline._target_=support.producers.FirstWordHedges"
    )
    output = run_baseline(cfg)
    (split,) = output.splits
    lines = split.submission.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["doc_id"] for line in lines] == ["kharkiv-001"]
    assert "start" not in lines[0]  # written as produced: text-only spans
    results = json.loads(split.results.read_text(encoding="utf-8"))
    assert results["not_attempted"] == ["events", "casualties", "attributions", "hedges/uncertain"]
    cue = results["tasks"]["hedges"]["cue"]["exact"]
    # the tiny gold has 2 hedges; 22 first words predicted, every one aligned (none listed)
    assert cue["tp"] + cue["fn"] == 2 and cue["tp"] + cue["fp"] == 22
    assert results["unaligned"] == []


def test_empty_baseline_on_the_tiny_gold(tiny_dataset, tmp_path):
    output = run_baseline(_cfg("empty", tiny_dataset, tmp_path))
    assert output.system == "empty"
    assert output.run_dir == tmp_path / "runs" / "empty"
    (split,) = output.splits
    assert split.split == "test"
    lines = split.submission.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    line = json.loads(lines[0])
    assert line["doc_id"] == "kharkiv-001"
    assert [line[k] for k in ("events", "casualties", "attributions", "hedges")] == [[]] * 4
    assert len(line["sentences"]) == 22  # one tokens row per sentence in the fixture
    assert not any(s["uncertain"] for s in line["sentences"])

    assert split.results == tmp_path / "results" / "empty.json"
    results = read_results(split.results)
    report = results.scores
    # fixture: 3 events, 1 casualty, 3 attributions, 2 hedges; nothing predicted
    for task, subtask, gold in [
        ("events", "trigger_classification", 3),
        ("casualties", "record", 1),
        ("attributions", "relation", 3),
        ("hedges", "cue_typed", 2),
    ]:
        for mode in ("exact", "overlap"):
            result = report.get(task, subtask, mode)
            assert (result.tp, result.fp, result.fn) == (0, 0, gold)
            assert result.ci95 == (0.0, 0.0)


def test_committed_results_are_machine_independent(tiny_dataset, tmp_path):
    output = run_baseline(_cfg("empty", tiny_dataset, tmp_path))
    committed_text = output.splits[0].results.read_text(encoding="utf-8")
    assert str(tmp_path) not in committed_text
    assert str(tiny_dataset) not in committed_text
    committed = read_results(output.splits[0].results)
    assert committed.provenance.git_commit is None
    assert committed.system["verified_by"] == "reproduce"
    assert committed.system["config"] == "baseline=empty"
    assert re.fullmatch(r"[0-9a-f]{64}", committed.system["code_version"]["sources_sha256"])
    hydra = committed.provenance.config["hydra"]
    assert hydra["resolved"]["baseline"] == {"name": "empty"}
    assert hydra["resolved"]["scoring"]["bootstrap"] == 20
    assert "paths" not in hydra["resolved"]
    assert committed.provenance.config["split"] == "test"
    assert committed.provenance.package_versions["hydra-core"].startswith("1.3.")
    # the run folder copy keeps the machine-specific provenance
    run_copy = read_results(output.splits[0].scores)
    assert run_copy.provenance.git_commit is None or len(run_copy.provenance.git_commit) == 40
    assert run_copy.system == {k: v for k, v in committed.system.items() if k != "report"}


def test_report_page_is_written_and_linked(tiny_dataset, tmp_path):
    output = run_baseline(_cfg("empty", tiny_dataset, tmp_path))
    split = output.splits[0]
    if split.report is None:
        pytest.skip("benchmark.presentation.error_page.build is not available")
    assert split.report == tmp_path / "reports" / "empty.html"
    assert split.report.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert read_results(split.results).system["report"] == "reports/empty.html"


def test_rerun_keeps_created_and_bytes(tiny_dataset, tmp_path, monkeypatch):
    monkeypatch.setattr(provenance_module, "now_iso", lambda: "2030-01-01T00:00:00+00:00")
    first = run_baseline(_cfg("empty", tiny_dataset, tmp_path)).splits[0]
    committed_before = first.results.read_bytes()
    monkeypatch.setattr(provenance_module, "now_iso", lambda: "2031-06-06T00:00:00+00:00")
    second = run_baseline(_cfg("empty", tiny_dataset, tmp_path)).splits[0]
    assert second.results.read_bytes() == committed_before
    assert read_results(second.results).provenance.created == "2030-01-01T00:00:00+00:00"
    assert read_results(second.scores).provenance.created == "2031-06-06T00:00:00+00:00"


def test_changed_scores_rewrite_created(tiny_dataset, tmp_path, monkeypatch):
    monkeypatch.setattr(provenance_module, "now_iso", lambda: "2030-01-01T00:00:00+00:00")
    run_baseline(_cfg("empty", tiny_dataset, tmp_path))
    monkeypatch.setattr(provenance_module, "now_iso", lambda: "2031-06-06T00:00:00+00:00")
    path = (
        run_baseline(_cfg("empty", tiny_dataset, tmp_path, "scoring.bootstrap=10"))
        .splits[0]
        .results
    )
    assert read_results(path).provenance.created == "2031-06-06T00:00:00+00:00"


def test_crf_scores_the_gold_out_of_fold(
    tiny_dataset, tmp_path, monkeypatch, crf_options, crf_params
):
    calls = []
    real = extractor_module.predict_crf_cross_validated

    def spy(rows, documents, **options):
        calls.append(({(r.doc_id, r.sentence_id) for r in rows}, options))
        return real(rows, documents, **options)

    def refuse(*args, **kwargs):
        raise AssertionError("the gold must not be predicted by a model trained on all of it")

    monkeypatch.setattr(extractor_module, "predict_crf_cross_validated", spy)
    monkeypatch.setattr(extractor_module, "TrainedCrf", refuse)
    cfg = _cfg("crf", tiny_dataset, tmp_path, "baseline.folds=3", "baseline.seed=7")
    output = run_baseline(cfg)
    assert len(calls) == 1
    sentences, options = calls[0]
    assert len(sentences) == 22
    # folds and seed from the overrides, the rest from conf/baseline/crf.yaml; nothing but the
    # test split to train on here, so no background sentences
    assert options == {
        "folds": 3,
        "document_folds": crf_options["document_folds"],
        "seed": 7,
        "params": crf_params,
        "background_rows": [],
        "background_documents": [],
    }
    assert read_results(output.splits[0].results).system["name"] == "crf"


def test_unknown_split_is_a_data_error(tiny_dataset, tmp_path):
    from benchmark.errors import DataError

    with pytest.raises(DataError, match="split"):
        run_baseline(_cfg("empty", tiny_dataset, tmp_path, "splits=[nosuch]"))
    assert not (tmp_path / "results").exists()


def test_runs_from_another_working_directory(tiny_dataset, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    output = run_baseline(_cfg("naive", tiny_dataset, tmp_path))
    assert Path(output.splits[0].results).is_file()


def test_crf_never_predicts_a_contrast_document_with_a_model_trained_on_its_paragraph(
    monkeypatch, test_gold, contrast_gold
):
    from baselines.crf.trained import TrainedCrf
    from baselines.pipeline import predict
    from baselines.registry import get_extractor
    from benchmark.dataset.gold import read_gold
    from benchmark.dataset.text import paragraphs

    article = test_gold.documents[0]
    dev_keys = {
        (d.doc_id, s.sentence_id)
        for d in read_gold(split="wikinews_dev").documents
        for s in d.sentences
    }
    trained, predicted_by = [], {}
    real_fit, real_extract = TrainedCrf.fit, TrainedCrf.extract

    def fit(self, rows, documents):
        trained.append(frozenset((r.doc_id, r.sentence_id) for r in rows))
        self._spy = len(trained) - 1
        return real_fit(self, rows, documents)

    def extract(self, document):
        predicted_by[document.doc_id] = trained[self._spy]
        return real_extract(self, document)

    monkeypatch.setattr(TrainedCrf, "fit", fit)
    monkeypatch.setattr(TrainedCrf, "extract", extract)
    contrast = contrast_gold
    result = predict(get_extractor("crf"), contrast.documents, split="contrast", data_dir=None)
    assert [d.doc_id for d in result.documents] == [d.doc_id for d in contrast.documents]
    assert set(predicted_by) == {d.doc_id for d in contrast.documents}
    spans = paragraphs(article.text)
    for document in contrast.documents:
        # independent check: every test sentence whose text is in the contrast document
        # (its unchanged sentences) must be absent from its model's training sentences
        reused = {
            ("kharkiv-001", s.sentence_id)
            for s in article.sentences
            if len(article.text[s.start : s.end].strip()) >= 20
            and article.text[s.start : s.end].strip() in document.text
        }
        assert not reused & predicted_by[document.doc_id], document.doc_id
        # and the whole source paragraph is left out, nothing else
        (paragraph,) = [
            i for i, (a, b) in enumerate(spans) if document.text[:30] in article.text[a:b]
        ] or [None]
        if paragraph is not None:
            a, b = spans[paragraph]
            source = {("kharkiv-001", s.sentence_id) for s in article.sentences if a <= s.start < b}
            kharkiv = {key for key in predicted_by[document.doc_id] if key[0] == "kharkiv-001"}
            assert kharkiv == {("kharkiv-001", s.sentence_id) for s in article.sentences} - source
            # every wikinews_dev sentence (training_splits) is in the model's training
            assert dev_keys <= predicted_by[document.doc_id]
