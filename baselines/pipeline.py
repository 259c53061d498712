"""One baseline run: predict the gold, write the submission, score it, write the results.

:func:`run_baseline` is the plain function under ``python -m baselines.run`` and
``kharkiv-ie reproduce``; it takes the composed Hydra config (``conf/``) but never imports
Hydra itself. The baseline is built from its config node (:func:`baselines.registry.
build_extractor`); no baseline is named here. Step 1 is done for every split of
``cfg.splits`` before steps 2-5 (so a failure while predicting writes no file but the
producer's own records), then steps 2-5 for every split:

1. predict the gold documents of the split, with the sentences' gold ``uncertain`` flags
   blanked (a baseline sees text and segmentation only). A learned baseline
   (:class:`baselines.base.OutOfFold`) goes through its out-of-fold protocol with the gold of
   its ``train_splits`` as training data (a held-out split is refused); for a contrast split
   the training sentences each document repeats (its group's source paragraph, ``paragraph``
   in ``data/contrast/edits.yaml``) are worked out by :mod:`baselines.training`,
   since an extractor does not import ``benchmark.dataset.contrast``. Any other extractor
   extracts document by document. A
   :class:`baselines.base.SubmissionProducer` (a generative baseline, spans as text) returns
   the submission lines itself, which are written as they are and placed in the documents by
   the scorer's alignment when the file is scored; it may keep one record per document of
   what it cost in ``<run_dir>/usage.<split>.jsonl``;
2. write the submission ``<run_dir>/submission.<split>.jsonl``;
3. score it with :func:`benchmark.evaluation.evaluate.evaluate` (the configured modes, 95% CIs)
   and write the full-provenance scores ``<run_dir>/scores.<split>.json`` (git commit, time);
4. write the committed results ``<results_dir>/<system>.json`` (``<system>.<split>.json`` for
   splits other than the main one): no git commit, no path, a :func:`~baselines.code_version.
   code_version` instead, and the ``created`` time of the file already there when nothing
   else changed, so reproducing the same code rewrites nothing. The recorded config leaves out
   the paths and Hydra's instantiation keys (``_target_``: code, which ``code_version``
   identifies);
5. when ``cfg.write_reports``, write the HTML error-analysis page
   ``<reports_dir>/<system>[.<split>].html`` (same rule).

On a split this baseline was pre-registered on (:mod:`baselines.preregistered`), the results
carry ``system.timing`` "developed after the test gold existed" when the code version differs
from the pre-registered one; the pre-registered submissions themselves are scored by
:func:`baselines.preregistered.score_preregistered`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from baselines.base import Extractor, OutOfFold, SubmissionProducer, merge_results
from baselines.code_version import code_version
from baselines.config import resolve_config
from baselines.preregistered import read_preregistration, timing
from baselines.registry import build_extractor
from baselines.training import training_data
from benchmark.dataset import splits
from benchmark.dataset.configs import gold_folders
from benchmark.dataset.schema import Annotations, Document
from benchmark.errors import DataError
from benchmark.evaluation.provenance import PACKAGES, package_versions
from benchmark.evaluation.results import Results, read_results, to_json
from benchmark.outputs import check_output_folders, write_output
from benchmark.scoring.modes import EXACT
from benchmark.scoring.tasks import TASKS
from benchmark.submission.format import submission_line_from_annotations

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
    """The :class:`benchmark.evaluation.evaluate.Evaluation` (committed results inside)."""


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
    """Return ``<system>.json`` for the main split, ``<system>.<split>.json`` otherwise."""
    return f"{system}{suffix}" if split == splits.MAIN_SPLIT else f"{system}.{split}{suffix}"


def blind(document: Document) -> Document:
    """Return ``document`` with every sentence's gold ``uncertain`` flag set to False."""
    return replace(
        document, sentences=tuple(replace(s, uncertain=False) for s in document.sentences)
    )


def predict(
    extractor: Extractor, documents: Sequence[Document], *, split: str, data_dir: Any
) -> Annotations:
    """Return the predictions of ``extractor`` on ``documents`` (gold of ``split``), blinded."""
    documents = tuple(blind(document) for document in documents)
    if isinstance(extractor, OutOfFold):
        training = training_data(
            documents, split=split, data_dir=data_dir, train_splits=extractor.train_splits
        )
        return extractor.predict_out_of_fold(documents, training=training)
    return merge_results(documents, (extractor.extract(document) for document in documents))


def submission_text(predicted: Annotations) -> str:
    """Return the submission JSONL of ``predicted`` (one line per document, in order)."""
    return lines_text(
        submission_line_from_annotations(predicted, d.doc_id) for d in predicted.documents
    )


def lines_text(lines: Iterable[Mapping[str, Any]]) -> str:
    """Return submission lines as JSONL text (UTF-8 characters kept, one line each)."""
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)


def submission_of(
    baseline: Extractor | SubmissionProducer,
    documents: Sequence[Document],
    *,
    split: str,
    data_dir: Any,
    usage_path: Path,
    progress: Callable[[str], None],
) -> str:
    """Return the submission JSONL of ``baseline`` on the gold ``documents`` of ``split``.

    A :class:`~baselines.base.SubmissionProducer` gives the lines itself, for the blinded
    documents; any other baseline's predictions (:func:`predict`) are written as lines.
    """
    if isinstance(baseline, SubmissionProducer):
        blinded = [blind(document) for document in documents]
        return lines_text(baseline.predict_lines(blinded, usage_path=usage_path, progress=progress))
    return submission_text(predict(baseline, documents, split=split, data_dir=data_dir))


def run_baseline(
    cfg: Any,
    *,
    run_dir: str | Path | None = None,
    overrides: Sequence[str] = (),
    progress: Any = None,
    golds: dict[tuple[str, str], Any] | None = None,
) -> RunOutput:
    """Run the baseline of ``cfg`` on every split of ``cfg.splits``; see the module docstring.

    ``run_dir`` defaults to ``<paths.runs_dir>/<baseline.name>``; ``overrides`` (recorded in
    the provenance) are the Hydra overrides that chose this config; ``progress`` is called
    with one line of text per step; ``golds`` keeps the loaded splits by (split, data folder)
    so that several runs in one process (``reproduce``) read each split once. Raises DataError
    for bad data or options.
    """
    from benchmark.evaluation.evaluate import evaluate
    from benchmark.presentation.error_page.build import error_page

    resolved = resolve_config(cfg)
    name = resolved["baseline"]["name"]
    paths = resolved["paths"]
    run_dir = Path(run_dir) if run_dir is not None else Path(paths["runs_dir"]) / name
    protected = gold_folders(paths["data_dir"])
    check_output_folders(
        [run_dir, Path(paths["results_dir"]), Path(paths["reports_dir"]), paths["leaderboard"]],
        protected=protected,
    )
    say = progress if progress is not None else (lambda line: None)
    recorded = _without_instantiation_keys(
        {key: value for key, value in resolved.items() if key != "paths"}
    )
    config_name = " ".join(overrides) if overrides else f"baseline={name}"
    extractor = build_extractor(resolved["baseline"])
    preregistration = read_preregistration(paths["preregistered_dir"])
    golds = {} if golds is None else golds
    # Every split is predicted before anything is written: a baseline that fails on a later
    # split (an LLM server gone) leaves no results of the earlier ones beside stale others.
    predicted = []
    for split in resolved["splits"]:
        gold = cached_split(golds, split=split, data_dir=paths["data_dir"])
        text = submission_of(
            extractor,
            gold.annotations.documents,
            split=split,
            data_dir=paths["data_dir"],
            usage_path=run_dir / f"usage.{split}.jsonl",
            progress=say,
        )
        predicted.append((split, gold, text))
    outputs = []
    for split, gold, text in predicted:
        submission = run_dir / f"submission.{split}.jsonl"
        write_text(submission, text, protected=protected)
        evaluation = evaluate(
            submission, gold=gold, system_name=name, **scoring_options(resolved["scoring"])
        )
        run_results = _with_provenance(
            evaluation.results,
            name=name,
            config_name=config_name,
            recorded=recorded,
            overrides=overrides,
        )
        scores = run_dir / f"scores.{split}.json"
        write_text(scores, to_json(run_results), protected=protected)
        results_path = Path(paths["results_dir"]) / results_name(name, split)
        report_path = Path(paths["reports_dir"]) / results_name(name, split, suffix=".html")
        link = report_link(report_path, paths) if resolved.get("write_reports") else None
        committed = _committed(run_results, report=link)
        note = timing(preregistration, baseline=name, split=split, code_version=code_version())
        if note is not None:
            committed = replace(committed, system={**committed.system, "timing": note})
        committed = keep_created(committed, results_path)
        write_text(results_path, to_json(committed), protected=protected, only_if_changed=True)
        evaluation = replace(evaluation, results=committed)
        report = None
        if link is not None:
            page = error_page(evaluation, gold=gold.annotations, split=split)
            write_text(report_path, page, protected=protected, only_if_changed=True)
            report = report_path
        say(f"{name} [{split}]: {_summary(committed)} -> {results_path}")
        outputs.append(SplitOutput(split, submission, scores, results_path, report, evaluation))
    return RunOutput(system=name, run_dir=run_dir, splits=tuple(outputs))


def scoring_options(scoring: Mapping[str, Any]) -> dict[str, Any]:
    """Return the keyword options of ``evaluate`` from the ``scoring`` config group."""
    return {
        "tasks": scoring["tasks"],
        "modes": scoring["modes"],
        "n_bootstrap": scoring["bootstrap"],
        "seed": scoring["seed"],
    }


def cached_split(golds: dict[tuple[str, str], Any], *, split: str, data_dir: Any) -> Any:
    """Return the loaded gold of ``split`` from ``golds``, loading it on first use."""
    from benchmark.evaluation.evaluate import load_split

    key = (split, str(data_dir))
    if key not in golds:
        golds[key] = load_split(split=split, data_dir=data_dir)
    return golds[key]


def write_text(
    path: Path, text: str, *, protected: Sequence[Path] = (), only_if_changed: bool = False
) -> bool:
    """Write ``text`` to ``path`` (creating its folder), never under ``protected``."""
    check_output_folders([path.parent], protected=protected)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DataError(f"cannot create the folder: {error.strerror}", file=path.parent) from None
    return write_output(path, text, protected=protected, only_if_changed=only_if_changed)


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


def report_link(report_path: Path, paths: Mapping[str, Any]) -> str:
    """Return the link to ``report_path`` from the leaderboard's folder (POSIX, relative)."""
    return Path(os.path.relpath(report_path, Path(paths["leaderboard"]).parent)).as_posix()


def keep_created(results: Results, path: Path) -> Results:
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


def _without_instantiation_keys(node: Any) -> Any:
    """Return ``node`` without Hydra's ``_target_``-style keys, recursively."""
    if isinstance(node, dict):
        return {
            key: _without_instantiation_keys(value)
            for key, value in node.items()
            if not (key.startswith("_") and key.endswith("_"))
        }
    if isinstance(node, list):
        return [_without_instantiation_keys(value) for value in node]
    return node


def _summary(results: Results) -> str:
    """Return ``task F1`` (main subtask, exact) for every attempted task."""
    parts = []
    for task, spec in TASKS.items():
        try:
            parts.append(f"{task} {results.scores.get(task, spec.main, EXACT.name).f1:.3f}")
        except KeyError:
            parts.append(f"{task} n/a")
    return ", ".join(parts)
