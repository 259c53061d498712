"""One baseline run: predict the gold, write the submission, score it, write the results.

:func:`run_baseline` is the plain function under ``python -m baselines.run`` and
``kharkiv-ie reproduce``; it takes the composed Hydra config (``baselines/conf/``) but never
imports Hydra itself. For every split of ``cfg.splits``:

1. predict the gold documents of the split, with the sentences' gold ``uncertain`` flags
   blanked (a baseline sees text and segmentation only). ``crf`` on ``test`` uses the
   out-of-fold path (:func:`baselines.crf.predict_crf_cross_validated`): no gold sentence is
   predicted by a model trained on it. ``crf`` on ``contrast`` leaves the source paragraph
   out (:func:`baselines.crf.predict_crf_leaving_out`): the documents of a contrast group
   built from test paragraph ``p`` (``paragraph`` in ``data/contrast/edits.yaml``) are
   predicted by a model trained on every test sentence outside ``p``; the excluded sentence
   keys are worked out here (:func:`source_paragraph_sentences`), since an extractor does
   not import ``benchmark.contrast``;
2. write the submission ``<run_dir>/submission.<split>.jsonl``;
3. score it with :func:`benchmark.evaluate.evaluate` (both modes, 95% CIs) and write the
   full-provenance scores ``<run_dir>/scores.<split>.json`` (git commit, creation time);
4. write the committed results ``<results_dir>/<system>.json`` (``<system>.<split>.json`` for
   splits other than ``test``): no git commit, no path, a :func:`~baselines.code_version.
   code_version` instead, and the ``created`` time of the file already there when nothing
   else changed, so reproducing the same code rewrites nothing;
5. when ``cfg.write_reports`` and :mod:`benchmark.report` provides a page builder, write the
   HTML error-analysis page ``<reports_dir>/<system>[.<split>].html`` (same rule).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from baselines.base import merge_results
from baselines.code_version import code_version
from baselines.registry import get_extractor
from benchmark.atomic import write_text_atomically
from benchmark.errors import DataError
from benchmark.provenance import PACKAGES, package_versions
from benchmark.results import Results, read_results, to_json
from benchmark.schema import Annotations, Document
from benchmark.submission.format import submission_line_from_annotations

DEFAULT_SPLIT = "test"
"""The split whose results file carries no split suffix."""

CONTRAST_SPLIT = "contrast"
"""The split of edited paragraphs (crf: leave-source-paragraph-out)."""

SentenceKey = tuple[str, int]
"""``(doc_id, sentence_id)`` of a test sentence."""

EXTRA_PACKAGES: tuple[str, ...] = (
    "hydra-core",
    "omegaconf",
    "sklearn-crfsuite",
    "python-crfsuite",
)
"""Packages recorded on top of the scorer's list (config handling and the CRF)."""


@dataclass(frozen=True)
class SplitOutput:
    """What one split of a run wrote."""

    split: str
    """Gold split."""
    submission: Path
    """The submission JSONL (run folder)."""
    scores: Path
    """Full-provenance results (run folder)."""
    results: Path
    """Committed results file."""
    report: Path | None
    """HTML error-analysis page, when written."""
    evaluation: Any
    """The :class:`benchmark.evaluate.Evaluation` (committed results inside)."""


@dataclass(frozen=True)
class RunOutput:
    """What one baseline run wrote."""

    system: str
    """System (= baseline) name."""
    run_dir: Path
    """Run folder (submissions and full-provenance scores)."""
    splits: tuple[SplitOutput, ...]
    """One entry per split, in config order."""


def results_name(system: str, split: str, *, suffix: str = ".json") -> str:
    """Return ``<system>.json`` for the test split, ``<system>.<split>.json`` otherwise."""
    return f"{system}{suffix}" if split == DEFAULT_SPLIT else f"{system}.{split}{suffix}"


def blind(document: Document) -> Document:
    """Return ``document`` with every sentence's gold ``uncertain`` flag set to False."""
    return replace(
        document, sentences=tuple(replace(s, uncertain=False) for s in document.sentences)
    )


def predict(
    baseline: Mapping[str, Any], *, gold: Annotations, split: str, data_dir: Any
) -> Annotations:
    """Return the predictions of ``baseline`` (a config node) on the gold documents."""
    documents = tuple(blind(document) for document in gold.documents)
    name = baseline["name"]
    if name == "crf":
        from baselines.crf import CrfExtractor, load_token_rows, predict_crf_cross_validated

        options = {k: baseline[k] for k in ("c1", "c2", "max_iterations")}
        if split == DEFAULT_SPLIT:
            rows = load_token_rows(data_dir=data_dir)
            return predict_crf_cross_validated(
                rows, documents, folds=baseline["folds"], seed=baseline["seed"], **options
            )
        if split == CONTRAST_SPLIT:
            return _predict_crf_contrast(documents, data_dir=data_dir, options=options)
        extractor = CrfExtractor(data_dir=data_dir, **options)
    else:
        extractor = get_extractor(name)
    return merge_results(documents, (extractor.extract(document) for document in documents))


def source_paragraph_sentences(
    *, test_documents: Sequence[Document], data_dir: Any
) -> dict[str, frozenset[SentenceKey]]:
    """Return contrast doc_id -> the test sentence keys of its group's source paragraph.

    The paragraph is the spec's ``paragraph`` (0-based, :func:`benchmark.text.paragraphs` of
    the source document); a sentence belongs to it when their offsets overlap. Membership
    comes from :func:`benchmark.contrast.groups.group_doc_ids`. DataError when the source
    document is not among ``test_documents`` or a paragraph index is out of range.
    """
    from benchmark.contrast.groups import SPEC_PATH, group_doc_ids
    from benchmark.contrast.spec import load_spec
    from benchmark.loading import data_dir as default_data_dir
    from benchmark.text import paragraphs

    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    spec = load_spec(folder / SPEC_PATH)
    source = next((d for d in test_documents if d.doc_id == spec.doc_id), None)
    if source is None:
        raise DataError(f"source document {spec.doc_id!r} of the contrast spec is not in test")
    spans = paragraphs(source.text)
    found: dict[str, frozenset[SentenceKey]] = {}
    for group in spec.groups:
        if not 0 <= group.paragraph < len(spans):
            raise DataError(
                f"group {group.group}: paragraph {group.paragraph} out of range",
                file=folder / SPEC_PATH,
                field="paragraph",
            )
        start, end = spans[group.paragraph]
        keys = frozenset(
            (source.doc_id, s.sentence_id)
            for s in source.sentences
            if s.start < end and start < s.end
        )
        for doc_id in group_doc_ids(spec, group):
            found[doc_id] = keys
    return found


def _predict_crf_contrast(
    documents: Sequence[Document], *, data_dir: Any, options: Mapping[str, Any]
) -> Annotations:
    """Predict contrast ``documents`` leaving each one's source paragraph out of training."""
    from baselines.crf import load_token_rows, predict_crf_leaving_out
    from benchmark.loading import load_gold

    test_documents = load_gold(split=DEFAULT_SPLIT, data_dir=data_dir).documents
    sources = source_paragraph_sentences(test_documents=test_documents, data_dir=data_dir)
    batches: dict[frozenset[SentenceKey], list[Document]] = {}
    for document in documents:
        if document.doc_id not in sources:
            raise DataError(f"contrast document {document.doc_id!r} is in no contrast group")
        batches.setdefault(sources[document.doc_id], []).append(document)
    rows = load_token_rows(data_dir=data_dir)
    parts = [
        predict_crf_leaving_out(
            rows, train_documents=test_documents, documents=members, excluded=excluded, **options
        )
        for excluded, members in sorted(batches.items(), key=lambda pair: sorted(pair[0]))
    ]
    return merge_results(documents, parts)


def submission_text(predicted: Annotations) -> str:
    """Return the submission JSONL of ``predicted`` (one line per document, in order)."""
    return "".join(
        json.dumps(submission_line_from_annotations(predicted, d.doc_id), ensure_ascii=False) + "\n"
        for d in predicted.documents
    )


def run_baseline(
    cfg: Any,
    *,
    run_dir: str | Path | None = None,
    overrides: Sequence[str] = (),
    progress: Any = None,
) -> RunOutput:
    """Run the baseline of ``cfg`` on every split of ``cfg.splits``; see the module docstring.

    ``run_dir`` defaults to ``<paths.runs_dir>/<baseline.name>``; ``overrides`` (recorded in
    the provenance) are the Hydra overrides that chose this config; ``progress`` is called
    with one line of text per step. Raises DataError for bad data or options.
    """
    from omegaconf import OmegaConf  # hydra's dependency; benchmark/ never imports it

    from benchmark.evaluate import evaluate, load_split  # imports datasets: slow

    resolved = OmegaConf.to_container(cfg, resolve=True)
    name = resolved["baseline"]["name"]
    paths = resolved["paths"]
    run_dir = Path(run_dir) if run_dir is not None else Path(paths["runs_dir"]) / name
    say = progress if progress is not None else (lambda line: None)
    recorded = {key: value for key, value in resolved.items() if key != "paths"}
    config_name = " ".join(overrides) if overrides else f"baseline={name}"
    outputs = []
    for split in resolved["splits"]:
        gold = load_split(split=split, data_dir=paths["data_dir"])
        predicted = predict(
            resolved["baseline"], gold=gold.annotations, split=split, data_dir=paths["data_dir"]
        )
        submission = run_dir / f"submission.{split}.jsonl"
        write_text(submission, submission_text(predicted))
        scoring = resolved["scoring"]
        evaluation = evaluate(
            submission,
            gold=gold,
            tasks=scoring["tasks"],
            modes=scoring["modes"],
            n_bootstrap=scoring["bootstrap"],
            seed=scoring["seed"],
            system_name=name,
        )
        run_results = _with_provenance(
            evaluation.results,
            name=name,
            config_name=config_name,
            recorded=recorded,
            overrides=overrides,
        )
        scores = run_dir / f"scores.{split}.json"
        write_text(scores, to_json(run_results))
        results_path = Path(paths["results_dir"]) / results_name(name, split)
        report_path = Path(paths["reports_dir"]) / results_name(name, split, suffix=".html")
        report_link = None
        if resolved.get("write_reports") and _report_builder() is not None:
            report_link = Path(
                os.path.relpath(report_path, Path(paths["leaderboard"]).parent)
            ).as_posix()
        committed = _committed(run_results, report=report_link)
        committed = _keep_created(committed, results_path)
        write_text(results_path, to_json(committed), only_if_changed=True)
        evaluation = replace(evaluation, results=committed)
        report = None
        if report_link is not None:
            page = _report_builder()(evaluation, gold=gold.annotations, split=split)
            write_text(report_path, page, only_if_changed=True)
            report = report_path
        say(f"{name} [{split}]: {_summary(committed)} -> {results_path}")
        outputs.append(SplitOutput(split, submission, scores, results_path, report, evaluation))
    return RunOutput(system=name, run_dir=run_dir, splits=tuple(outputs))


def write_text(path: Path, text: str, *, only_if_changed: bool = False) -> bool:
    """Write ``text`` to ``path`` atomically (creating its folder); return True when written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_text_atomically(path, text, only_if_changed=only_if_changed)


def _with_provenance(
    results: Results,
    *,
    name: str,
    config_name: str,
    recorded: Mapping[str, Any],
    overrides: Sequence[str],
) -> Results:
    """Return ``results`` with the pipeline's system description and resolved config."""
    system = {
        "name": name,
        "baseline": name,
        "config": config_name,
        "verified_by": "reproduce",
        "submission_sha256": results.system["submission_sha256"],
        "code_version": code_version(),
    }
    config = {
        **results.provenance.config,
        "hydra": {"config_name": "config", "overrides": list(overrides), "resolved": recorded},
    }
    provenance = replace(
        results.provenance,
        config=config,
        package_versions=package_versions(packages=(*PACKAGES, *EXTRA_PACKAGES)),
    )
    return replace(results, system=system, provenance=provenance)


def _committed(results: Results, *, report: str | None) -> Results:
    """Return the machine-independent copy of ``results`` (no git commit; report link)."""
    system = dict(results.system)
    if report is not None:
        system["report"] = report
    return replace(results, system=system, provenance=replace(results.provenance, git_commit=None))


def _keep_created(results: Results, path: Path) -> Results:
    """Return ``results`` with the ``created`` of ``path`` when nothing else differs."""
    if not path.is_file():
        return results
    try:
        previous = read_results(path)
    except DataError:
        return results  # unreadable: it is replaced
    candidate = replace(
        results, provenance=replace(results.provenance, created=previous.provenance.created)
    )
    return candidate if to_json(candidate).encode("utf-8") == path.read_bytes() else results


def _report_builder() -> Any:
    """Return ``benchmark.report.build.report_page`` when it exists, else None.

    Integration hook: the HTML page is optional; the pipeline works without it.
    """
    try:
        from benchmark.report.build import report_page
    except ImportError:
        return None
    return report_page


def _summary(results: Results) -> str:
    """Return ``task F1`` (main subtask, exact) for every attempted task."""
    from benchmark.leaderboard import MAIN_SUBTASKS

    parts = []
    for task, subtask in MAIN_SUBTASKS.items():
        try:
            parts.append(f"{task} {results.report.get(task, subtask, 'exact').f1:.3f}")
        except KeyError:
            parts.append(f"{task} n/a")
    return ", ".join(parts)
