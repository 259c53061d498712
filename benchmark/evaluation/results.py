"""The versioned results file: dataset and provenance around the scores, JSON I/O.

The in-memory score objects (:class:`Counts`, :class:`SubtaskResult`, :class:`Scores`...) are
defined in :mod:`benchmark.scoring.scores`; :class:`Results` wraps them.

A results file (``schema_version`` :data:`SCHEMA_VERSION`)::

    {"schema_version": "1.2",
     "dataset": {"name", "version", "sha256"},
     "scorer_version": "...",
     "system": {...free-form description of the submission...},
     "provenance": {"config", "git_commit", "package_versions", "created"},
     "tasks": {TASK: {SUBTASK: {MODE: {"precision", "recall", "f1", "macro_f1", "tp", "fp", "fn",
                                       "ci95": [lo, hi] | null, "per_type": {LABEL: {...}},
                                       "matched": [[doc_id, gold_id, pred_id], ...],
                                       "missed": [[doc_id, gold_id], ...],
                                       "spurious": [[doc_id, pred_id], ...]}}}},
     "not_attempted": ["casualties", "hedges/uncertain", ...],
     "unaligned": [{"doc_id", "task", "item_id", "field", "text"}, ...],
     "rejected": [{"doc_id", "task", "item_id", "line", "path", "errors": [...]}, ...],
     "contrast_consistency": {MODE: {"phenomena": {...}, "overall": {...}}}}

``contrast_consistency`` (since 1.1) is present only for the contrast split; its format is
:mod:`benchmark.evaluation.results_contrast`. Version 1.0 files (without it) migrate unchanged.
Since 1.2: counts may be fractional (the ``partial`` mode credits a pair with its token F1);
``macro_f1`` (the mean per-type F1, null for an untyped subtask) sits beside the micro
``f1``; ``rejected`` lists the items kept as false positives by a lenient reading. A 1.1 file
migrates by gaining ``"rejected": []`` (its ``macro_f1`` is derived from ``per_type``).

A task the submission did not attempt is ``TASK: {"attempted": false}`` (no numbers, never
zeros); a subtask not attempted inside an attempted task is ``SUBTASK: {"attempted": false}``.
Precision, recall and F1 are stored for readers but derived from the counts
(:mod:`benchmark.scoring.metrics`); loading checks that they agree. Per-sentence counts
(``per_unit``) are kept in memory for the statistics and are not written.

Older files keep loading: :data:`MIGRATIONS` maps a schema version to the function that
rewrites such a dict into the next version, applied in a chain up to :data:`SCHEMA_VERSION`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmark.atomic import write_text_atomically
from benchmark.errors import DataError
from benchmark.evaluation import results_contrast
from benchmark.evaluation.results_contrast import ConsistencySection
from benchmark.evaluation.results_reader import JsonReader, read_rejected, read_tasks
from benchmark.scoring import SCORER_VERSION
from benchmark.scoring.scores import Counts, Scores, SubtaskResult
from benchmark.submission.rejected import RejectedItem
from benchmark.submission.unaligned import UnalignedSpan

SCHEMA_VERSION = "1.2"
"""Version of the results file format written by :func:`to_json`."""


def _add_rejected(data: dict[str, Any]) -> dict[str, Any]:
    """1.1 -> 1.2: no item was rejected (lenient reading did not exist)."""
    return {**data, "rejected": data.get("rejected", [])}


MIGRATIONS: dict[str, tuple[str, Callable[[dict[str, Any]], dict[str, Any]]]] = {
    # 1.1 added the optional contrast_consistency section: a 1.0 file is a valid 1.1 file.
    "1.0": ("1.1", dict),
    # 1.2 added macro_f1 (derived, checked when present), fractional counts and rejected.
    "1.1": ("1.2", _add_rejected),
}
"""Old schema version -> (next version, function rewriting a dict of the old version)."""


@dataclass(frozen=True)
class DatasetInfo:
    """Which gold data the submission was scored against."""

    name: str
    """Dataset name (``kharkiv-ie``)."""
    version: str
    """Dataset version."""
    sha256: str
    """Content hash of the gold data files."""


@dataclass(frozen=True)
class Provenance:
    """How the results were produced."""

    config: Mapping[str, Any]
    """Scoring options / resolved configuration."""
    git_commit: str | None
    """Commit of the scorer code, when known."""
    package_versions: Mapping[str, str]
    """Versions of the packages that can move a number."""
    created: str
    """ISO 8601 creation time."""


@dataclass(frozen=True)
class Results:
    """A complete results file."""

    dataset: DatasetInfo
    """The gold data."""
    system: Mapping[str, Any]
    """Free-form description of the scored system."""
    provenance: Provenance
    """How the file was produced."""
    scores: Scores
    """The scores."""
    scorer_version: str = SCORER_VERSION
    """Scorer version that produced the scores."""
    schema_version: str = SCHEMA_VERSION
    """Results file format version."""
    contrast_consistency: tuple[ConsistencySection, ...] = ()
    """Contrast consistency per match mode (contrast split only; empty otherwise)."""


def to_dict(results: Results) -> dict[str, Any]:
    """Return the JSON-ready dict of ``results`` (current schema version)."""
    tasks: dict[str, Any] = {}
    for item in results.scores.not_attempted:
        task, _, subtask = item.partition("/")
        if subtask:
            tasks.setdefault(task, {})[subtask] = {"attempted": False}
        else:
            tasks[task] = {"attempted": False}
    for result in results.scores.results:
        subtasks = tasks.setdefault(result.task, {})
        subtasks.setdefault(result.subtask, {})[result.mode] = _result_dict(result)
    data = {
        "schema_version": SCHEMA_VERSION,
        "dataset": vars(results.dataset).copy(),
        "scorer_version": results.scorer_version,
        "system": dict(results.system),
        "provenance": {
            "config": dict(results.provenance.config),
            "git_commit": results.provenance.git_commit,
            "package_versions": dict(results.provenance.package_versions),
            "created": results.provenance.created,
        },
        "tasks": tasks,
        "not_attempted": list(results.scores.not_attempted),
        "unaligned": [vars(span).copy() for span in results.scores.unaligned],
        "rejected": [_rejected_dict(item) for item in results.scores.rejected],
    }
    if results.contrast_consistency:
        data[results_contrast.SECTION] = results_contrast.to_dict(results.contrast_consistency)
    return data


def to_json(results: Results) -> str:
    """Serialise ``results`` as indented JSON (UTF-8 text, trailing newline)."""
    return json.dumps(to_dict(results), ensure_ascii=False, indent=2) + "\n"


def write_results(path: Path, results: Results) -> None:
    """Write ``results`` to ``path`` atomically (temporary file, then rename)."""
    write_text_atomically(path, to_json(results))


def read_results(path: Path) -> Results:
    """Load a results file of any supported schema version."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataError(
            f"not valid UTF-8 ({error.reason} at byte {error.start})", file=path
        ) from None
    return from_json(text, file=path)


def from_json(text: str, *, file: str | Path | None = None) -> Results:
    """Parse a results file's text (migrating older schema versions)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataError(f"malformed JSON: {error.msg}", file=file, line=error.lineno) from None
    return from_dict(data, file=file)


def from_dict(data: Any, *, file: str | Path | None = None) -> Results:
    """Build :class:`Results` from a parsed results file, migrating it first."""
    reader = JsonReader(file)
    data = migrate(reader.mapping(data, "$"), file=file)
    dataset = reader.mapping(data.get("dataset"), "dataset")
    provenance = reader.mapping(data.get("provenance"), "provenance")
    results, not_attempted = read_tasks(reader, reader.mapping(data.get("tasks"), "tasks"))
    listed = reader.strings(data.get("not_attempted", []), "not_attempted")
    if sorted(listed) != sorted(not_attempted):
        raise DataError(
            f"lists {sorted(listed)} but tasks mark {sorted(not_attempted)} as not attempted",
            file=file,
            field="not_attempted",
        )
    unaligned = [
        UnalignedSpan(**{k: reader.string(span.get(k), f"unaligned[{i}].{k}") for k in _SPAN_KEYS})
        for i, span in enumerate(
            reader.mapping(s, f"unaligned[{i}]")
            for i, s in enumerate(reader.sequence(data.get("unaligned", []), "unaligned"))
        )
    ]
    rejected = [
        read_rejected(reader, reader.mapping(item, f"rejected[{i}]"), f"rejected[{i}]")
        for i, item in enumerate(reader.sequence(data.get("rejected", []), "rejected"))
    ]
    return Results(
        dataset=DatasetInfo(
            **{
                k: reader.string(dataset.get(k), f"dataset.{k}")
                for k in ("name", "version", "sha256")
            }
        ),
        system=reader.mapping(data.get("system"), "system"),
        provenance=Provenance(
            config=reader.mapping(provenance.get("config"), "provenance.config"),
            git_commit=reader.optional_string(
                provenance.get("git_commit"), "provenance.git_commit"
            ),
            package_versions=reader.mapping(
                provenance.get("package_versions"), "provenance.package_versions"
            ),
            created=reader.string(provenance.get("created"), "provenance.created"),
        ),
        scores=Scores(tuple(results), tuple(listed), tuple(unaligned), tuple(rejected)),
        scorer_version=reader.string(data.get("scorer_version"), "scorer_version"),
        schema_version=SCHEMA_VERSION,
        contrast_consistency=results_contrast.from_dict(
            data.get(results_contrast.SECTION), file=file
        ),
    )


def migrate(data: dict[str, Any], *, file: str | Path | None = None) -> dict[str, Any]:
    """Apply :data:`MIGRATIONS` until ``data`` is at :data:`SCHEMA_VERSION`."""
    version = data.get("schema_version")
    seen = set()
    while version != SCHEMA_VERSION:
        if version not in MIGRATIONS or version in seen:
            known = sorted({SCHEMA_VERSION, *MIGRATIONS})
            raise DataError(
                f"unsupported schema version {version!r}; this scorer reads {known}",
                file=file,
                field="schema_version",
            )
        seen.add(version)
        version, function = MIGRATIONS[version]
        data = function(data)
        data["schema_version"] = version
    return data


_SPAN_KEYS = ("doc_id", "task", "item_id", "field", "text")


def _rejected_dict(item: RejectedItem) -> dict[str, Any]:
    return {**vars(item), "errors": list(item.errors)}


def _result_dict(result: SubtaskResult) -> dict[str, Any]:
    """Return the JSON dict of one (task, subtask, mode)."""
    return {
        **_counts_dict(result.counts, macro_f1=result.macro_f1),
        "ci95": list(result.ci95) if result.ci95 is not None else None,
        "per_type": {label: _counts_dict(counts) for label, counts in result.per_type.items()},
        "matched": [list(pair) for pair in result.matched],
        "missed": [list(pair) for pair in result.missed],
        "spurious": [list(pair) for pair in result.spurious],
    }


def _counts_dict(counts: Counts, *, macro_f1: float | None = None) -> dict[str, Any]:
    ratios = {"precision": counts.precision, "recall": counts.recall, "f1": counts.f1}
    if macro_f1 is not None:
        ratios["macro_f1"] = macro_f1
    return {**ratios, "tp": counts.tp, "fp": counts.fp, "fn": counts.fn}
