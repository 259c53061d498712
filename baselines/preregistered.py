"""The pre-registered submissions: the baselines' predictions made before the Wikinews gold.

``results/preregistered/`` (``paths.preregistered_dir``) holds ``<baseline>.<split>.jsonl`` and
``MANIFEST.json``, written once by ``scripts/preregister.py`` before any gold of the Wikinews
passages existed: the git commit and the baselines' code version they were made with, and the
SHA-256 of every submission. They are never regenerated and never modified. ``kharkiv-ie
reproduce`` scores each of them AS COMMITTED (:func:`score_preregistered`): the file's SHA-256
must equal the manifest's, since it was written for schema 1.x its labels are read through
``data/label_map_1x.tsv``, and it is read leniently (:mod:`benchmark.submission.rejected`): an
item the reader refuses (the 1.x ``rules`` baseline could nest two relations in each other) is
kept as a listed false positive instead of refusing the whole file. Its results are
``results/<baseline>.preregistered.<split>.json``, system ``<baseline>.preregistered``, timing
:data:`PREREGISTERED`.

A baseline run with the current code on such a split is marked :data:`AFTER_GOLD` unless it is
a pre-registered baseline whose code version is still the pre-registered one (:func:`timing`):
its code may have been written or changed after the gold of the split existed, so its figure is
not a held-out one.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from benchmark.errors import DataError
from benchmark.presentation.timing import AFTER_GOLD, PREREGISTERED

MANIFEST = "MANIFEST.json"
"""The pre-registration record in the pre-registered folder."""
SUFFIX = "preregistered"
"""Second part of the system name and results file name of a pre-registered submission."""


@dataclass(frozen=True)
class Submission:
    """One pre-registered submission, as the manifest records it."""

    baseline: str
    """The baseline that predicted it."""
    split: str
    """The split it predicts."""
    path: Path
    """The committed submission file."""
    sha256: str
    """Its SHA-256 recorded at pre-registration."""


@dataclass(frozen=True)
class Preregistration:
    """What ``MANIFEST.json`` records."""

    git_commit: str
    """Commit the predictions were made at."""
    code_version: Mapping[str, str]
    """The baselines' code version then (:func:`baselines.code_version.code_version`)."""
    submissions: tuple[Submission, ...]
    """Every submission, by baseline then split."""

    def find(self, baseline: str, split: str) -> Submission | None:
        """Return the submission of ``baseline`` on ``split``, or None."""
        return next(
            (s for s in self.submissions if (s.baseline, s.split) == (baseline, split)), None
        )


def read_preregistration(folder: str | Path) -> Preregistration | None:
    """Return the manifest of ``folder``; None when the folder has none; DataError when bad."""
    path = Path(folder) / MANIFEST
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        submissions = tuple(
            Submission(
                baseline=name,
                split=split,
                path=Path(folder) / str(entry["file"]),
                sha256=str(entry["sha256"]),
            )
            for name, baseline in sorted(data["baselines"].items())
            for split, entry in sorted(baseline["submissions"].items())
        )
        return Preregistration(
            git_commit=str(data["git_commit"]),
            code_version=dict(data["code_version"]),
            submissions=submissions,
        )
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise DataError(f"unreadable pre-registration manifest: {error}", file=path) from None


def timing(
    preregistration: Preregistration | None,
    *,
    baseline: str,
    split: str,
    code_version: Mapping[str, str],
) -> str | None:
    """Return :data:`AFTER_GOLD` for a current-code run on a pre-registered split, else None.

    A split is pre-registered when the manifest has a submission of any baseline on it. Only a
    baseline pre-registered there whose code version is still the pre-registered one gets None;
    any other (changed since, or not pre-registered at all) may have been developed after the
    gold existed.
    """
    if preregistration is None or not any(s.split == split for s in preregistration.submissions):
        return None
    unchanged = dict(code_version) == dict(preregistration.code_version)
    return None if unchanged and preregistration.find(baseline, split) else AFTER_GOLD


def checked_submission(submission: Submission) -> Path:
    """Return the submission's path; DataError when it is missing or differs from the manifest."""
    try:
        payload = submission.path.read_bytes()
    except OSError:
        raise DataError("pre-registered submission missing", file=submission.path) from None
    digest = hashlib.sha256(payload).hexdigest()
    if digest != submission.sha256:
        raise DataError(
            f"SHA-256 is {digest}, the pre-registration recorded {submission.sha256}: "
            "a pre-registered submission is scored as committed",
            file=submission.path,
        )
    return submission.path


def score_preregistered(
    resolved: Mapping[str, Any],
    *,
    baseline: str,
    golds: dict[tuple[str, str], Any] | None = None,
    progress: Callable[[str], None] = lambda line: None,
) -> tuple[Path, ...]:
    """Score every pre-registered submission of ``baseline`` on the splits of ``resolved``.

    ``resolved`` is the composed config as a plain dict (its ``splits``, ``scoring``, ``paths``
    and ``write_reports``); ``golds`` keeps the loaded splits, as for
    :func:`baselines.pipeline.run_baseline`. Writes the results (and report pages) of each;
    returns the results paths. Nothing is written when the folder has no manifest.
    """
    from baselines.pipeline import (
        cached_split,
        keep_created,
        report_link,
        results_name,
        scoring_options,
        write_text,
    )
    from benchmark.dataset.configs import gold_folders
    from benchmark.evaluation.evaluate import evaluate
    from benchmark.evaluation.results import to_json
    from benchmark.presentation.error_page.build import error_page

    paths = resolved["paths"]
    preregistration = read_preregistration(paths["preregistered_dir"])
    if preregistration is None:
        return ()
    system = f"{baseline}.{SUFFIX}"
    protected = gold_folders(paths["data_dir"])
    golds = {} if golds is None else golds
    written = []
    for split in resolved["splits"]:
        found = preregistration.find(baseline, split)
        if found is None:
            continue
        gold = cached_split(golds, split=split, data_dir=paths["data_dir"])
        evaluation = evaluate(
            checked_submission(found),
            gold=gold,
            system_name=system,
            schema_1x=True,
            lenient=True,
            **scoring_options(resolved["scoring"]),
        )
        results_path = Path(paths["results_dir"]) / results_name(system, split)
        report_path = Path(paths["reports_dir"]) / results_name(system, split, suffix=".html")
        link = report_link(report_path, paths) if resolved.get("write_reports") else None
        results = _preregistered_results(
            evaluation.results, found, preregistration, report=link, paths=paths
        )
        results = keep_created(results, results_path)
        write_text(results_path, to_json(results), protected=protected, only_if_changed=True)
        if link is not None:
            page = error_page(
                replace(evaluation, results=results), gold=gold.annotations, split=split
            )
            write_text(report_path, page, protected=protected, only_if_changed=True)
        progress(f"{system} [{split}]: scored as committed -> {results_path}")
        written.append(results_path)
    return tuple(written)


def _preregistered_results(
    results: Any,
    submission: Submission,
    preregistration: Preregistration,
    *,
    report: str | None,
    paths: Mapping[str, Any],
) -> Any:
    """Return ``results`` described as a pre-registered submission (machine-independent)."""
    system = {
        "name": results.system["name"],
        "baseline": submission.baseline,
        "verified_by": "reproduce",
        "timing": PREREGISTERED,
        "submission": _relative(submission.path, paths),
        "submission_sha256": results.system["submission_sha256"],
        "preregistered_at": preregistration.git_commit,
        "code_version": dict(preregistration.code_version),
    }
    if report is not None:
        system["report"] = report
    provenance = replace(results.provenance, git_commit=None)
    return replace(results, system=system, provenance=provenance)


def _relative(path: Path, paths: Mapping[str, Any]) -> str:
    """Return ``path`` relative to the leaderboard's folder (the repository root), POSIX."""
    return Path(os.path.relpath(path, Path(paths["leaderboard"]).parent)).as_posix()
