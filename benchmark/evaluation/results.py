"""The versioned results file: dataset and provenance around the scores, JSON I/O.

The in-memory score objects (:class:`Counts`, :class:`SubtaskResult`, :class:`Scores`...) are
defined in :mod:`benchmark.scoring.scores`; :class:`Results` wraps them.

A results file (``schema_version`` :data:`SCHEMA_VERSION`)::

    {"schema_version": "1.0",
     "dataset": {"name", "version", "sha256"},
     "scorer_version": "...",
     "system": {...free-form description of the submission...},
     "provenance": {"config", "git_commit", "package_versions", "created"},
     "tasks": {TASK: {SUBTASK: {MODE: {"precision", "recall", "f1", "tp", "fp", "fn",
                                       "ci95": [lo, hi] | null, "per_type": {LABEL: {...}},
                                       "matched": [[doc_id, gold_id, pred_id], ...],
                                       "missed": [[doc_id, gold_id], ...],
                                       "spurious": [[doc_id, pred_id], ...]}}}},
     "not_attempted": ["casualties", "hedges/uncertain", ...],
     "unaligned": [{"doc_id", "task", "item_id", "field", "text"}, ...],
     "contrast_consistency": {MODE: {"phenomena": {...}, "overall": {...}}}}

``contrast_consistency`` (since 1.1) is present only for the contrast split; its format is
:mod:`benchmark.evaluation.results_contrast`. Version 1.0 files (without it) migrate unchanged.

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
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmark import json_input
from benchmark.atomic import write_text_atomically
from benchmark.errors import DataError
from benchmark.evaluation import results_contrast
from benchmark.evaluation.results_contrast import ConsistencySection
from benchmark.input_files import read_input
from benchmark.scoring import SCORER_VERSION
from benchmark.scoring.scores import Counts, Scores, SubtaskResult
from benchmark.submission.unaligned import UnalignedSpan

SCHEMA_VERSION = "1.1"
"""Version of the results file format written by :func:`to_json`."""

MIGRATIONS: dict[str, tuple[str, Callable[[dict[str, Any]], dict[str, Any]]]] = {
    # 1.1 added the optional contrast_consistency section: a 1.0 file is a valid 1.1 file.
    "1.0": ("1.1", dict),
}
"""Old schema version -> (next version, function rewriting a dict of the old version)."""

_TOLERANCE = 1e-9
"""Largest accepted difference between a stored ratio and the one derived from counts."""


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
        text = read_input(path, what="results file").decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataError(
            f"not valid UTF-8 ({error.reason} at byte {error.start})", file=path
        ) from None
    return from_json(text, file=path)


def from_json(text: str, *, file: str | Path | None = None) -> Results:
    """Parse a results file's text (migrating older schema versions)."""
    try:
        data = json_input.parse(text, unique_keys=True)
    except json_input.BadJson as error:
        field = None if error.path == "$" else error.path.removeprefix("$.")
        raise DataError(error.reason, file=file, line=error.line, field=field) from None
    return from_dict(data, file=file)


def from_dict(data: Any, *, file: str | Path | None = None) -> Results:
    """Build :class:`Results` from a parsed results file, migrating it first."""
    reader = _Reader(file)
    data = migrate(reader.mapping(data, "$"), file=file)
    dataset = reader.mapping(data.get("dataset"), "dataset")
    provenance = reader.mapping(data.get("provenance"), "provenance")
    results, not_attempted = _read_tasks(reader, reader.mapping(data.get("tasks"), "tasks"))
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
    info = {k: reader.string(dataset.get(k), f"dataset.{k}") for k in ("name", "version", "sha256")}
    if not _SHA256.fullmatch(info["sha256"]):
        raise reader.fail("dataset.sha256", "64 hexadecimal digits", info["sha256"])
    return Results(
        dataset=DatasetInfo(**info),
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
        scores=Scores(tuple(results), tuple(listed), tuple(unaligned)),
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
        if not isinstance(version, str) or version not in MIGRATIONS or version in seen:
            known = sorted({SCHEMA_VERSION, *MIGRATIONS})
            shown = repr(version[:20]) if isinstance(version, str) else json_input.kind(version)
            raise DataError(
                f"unsupported schema version {shown}; this scorer reads {known}",
                file=file,
                field="schema_version",
            )
        seen.add(version)
        version, function = MIGRATIONS[version]
        data = function(data)
        data["schema_version"] = version
    return data


_SPAN_KEYS = ("doc_id", "task", "item_id", "field", "text")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_COUNT_KEYS = ("tp", "fp", "fn")


def _result_dict(result: SubtaskResult) -> dict[str, Any]:
    """Return the JSON dict of one (task, subtask, mode)."""
    return {
        **_counts_dict(result.counts),
        "ci95": list(result.ci95) if result.ci95 is not None else None,
        "per_type": {label: _counts_dict(counts) for label, counts in result.per_type.items()},
        "matched": [list(pair) for pair in result.matched],
        "missed": [list(pair) for pair in result.missed],
        "spurious": [list(pair) for pair in result.spurious],
    }


def _counts_dict(counts: Counts) -> dict[str, Any]:
    return {
        "precision": counts.precision,
        "recall": counts.recall,
        "f1": counts.f1,
        "tp": counts.tp,
        "fp": counts.fp,
        "fn": counts.fn,
    }


def _read_tasks(reader: _Reader, tasks: dict[str, Any]) -> tuple[list[SubtaskResult], list[str]]:
    """Parse the ``tasks`` tree into results and the not-attempted entries."""
    results, not_attempted = [], []
    for task, subtasks in tasks.items():
        subtasks = reader.mapping(subtasks, f"tasks.{task}")
        if subtasks.get("attempted") is False:
            not_attempted.append(task)
            continue
        for subtask, modes in subtasks.items():
            where = f"tasks.{task}.{subtask}"
            modes = reader.mapping(modes, where)
            if modes.get("attempted") is False:
                not_attempted.append(f"{task}/{subtask}")
                continue
            for mode, body in modes.items():
                results.append(_read_result(reader, task, subtask, mode, body))
    return results, not_attempted


def _read_result(reader: _Reader, task: str, subtask: str, mode: str, body: Any) -> SubtaskResult:
    where = f"tasks.{task}.{subtask}.{mode}"
    body = reader.mapping(body, where)
    counts = reader.counts(body, where)
    ci95 = body.get("ci95")
    if ci95 is not None:
        ci95 = tuple(
            reader.number(x, f"{where}.ci95[{i}]")
            for i, x in enumerate(reader.sequence(ci95, f"{where}.ci95", length=2))
        )
    per_type = {
        label: reader.counts(
            reader.mapping(value, f"{where}.per_type.{label}"), f"{where}.per_type.{label}"
        )
        for label, value in reader.mapping(body.get("per_type", {}), f"{where}.per_type").items()
    }

    def ids(name: str, length: int) -> tuple[tuple[str, ...], ...]:
        rows = reader.sequence(body.get(name, []), f"{where}.{name}")
        return tuple(
            tuple(reader.strings(row, f"{where}.{name}[{i}]", length=length))
            for i, row in enumerate(rows)
        )

    return SubtaskResult(
        task=task,
        subtask=subtask,
        mode=mode,
        tp=counts.tp,
        fp=counts.fp,
        fn=counts.fn,
        per_type=per_type,
        matched=ids("matched", 3),
        missed=ids("missed", 2),
        spurious=ids("spurious", 2),
        ci95=ci95,
    )


class _Reader:
    """Type checks that raise one-line :class:`DataError` naming the JSON path."""

    def __init__(self, file: str | Path | None) -> None:
        self.file = file

    def fail(self, where: str, expected: str, value: Any) -> DataError:
        shown = json_input.kind(value)
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            shown = json.dumps(value)[:60]
        return DataError(f"expected {expected}, got {shown}", file=self.file, field=where)

    def mapping(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "an object", value)
        return value

    def sequence(self, value: Any, where: str, *, length: int | None = None) -> list[Any]:
        if not isinstance(value, list) or (length is not None and len(value) != length):
            raise self.fail(where, "a list" if length is None else f"a list of {length}", value)
        return value

    def string(self, value: Any, where: str) -> str:
        if not isinstance(value, str):
            raise self.fail(where, "a string", value)
        return value

    def optional_string(self, value: Any, where: str) -> str | None:
        return None if value is None else self.string(value, where)

    def strings(self, value: Any, where: str, *, length: int | None = None) -> list[str]:
        return [
            self.string(x, f"{where}[{i}]")
            for i, x in enumerate(self.sequence(value, where, length=length))
        ]

    def number(self, value: Any, where: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(where, "a finite number", value)
        try:
            number = float(value)
        except OverflowError:  # an integer beyond the float range
            raise self.fail(where, "a finite number", value) from None
        if not math.isfinite(number):
            raise self.fail(where, "a finite number", value)
        return number

    def counts(self, body: dict[str, Any], where: str) -> Counts:
        values = {}
        for key in _COUNT_KEYS:
            value = body.get(key)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise self.fail(f"{where}.{key}", "an integer >= 0", value)
            values[key] = value
        counts = Counts(**values)
        for key in ("precision", "recall", "f1"):
            stored = self.number(body.get(key), f"{where}.{key}")
            if abs(stored - getattr(counts, key)) > _TOLERANCE:
                raise DataError(
                    f"{stored} does not follow from tp/fp/fn (expected {getattr(counts, key)})",
                    file=self.file,
                    field=f"{where}.{key}",
                )
        return counts
