"""Reading the ``tasks`` tree and the lists of a results file, with one-line errors.

Part of :mod:`benchmark.evaluation.results` (the file format is described there): type checks
that raise :class:`~benchmark.errors.DataError` naming the JSON path, and the parsers of the
per-(task, subtask, mode) results and of the rejected items.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from benchmark.errors import DataError
from benchmark.scoring.scores import Counts, SubtaskResult
from benchmark.submission.rejected import RejectedItem

TOLERANCE = 1e-9
"""Largest accepted difference between a stored ratio and the one derived from counts."""

_REJECTED_KEYS = ("doc_id", "task", "item_id", "path")
_COUNT_KEYS = ("tp", "fp", "fn")


def read_rejected(reader: JsonReader, item: dict[str, Any], where: str) -> RejectedItem:
    """Parse one entry of ``rejected``."""
    line = item.get("line")
    if isinstance(line, bool) or not isinstance(line, int) or line < 1:
        raise reader.fail(f"{where}.line", "an integer >= 1", line)
    return RejectedItem(
        **{k: reader.string(item.get(k), f"{where}.{k}") for k in _REJECTED_KEYS},
        line=line,
        errors=tuple(reader.strings(item.get("errors"), f"{where}.errors")),
    )


def read_tasks(reader: JsonReader, tasks: dict[str, Any]) -> tuple[list[SubtaskResult], list[str]]:
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


def _read_result(
    reader: JsonReader, task: str, subtask: str, mode: str, body: Any
) -> SubtaskResult:
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

    result = SubtaskResult(
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
    if body.get("macro_f1") is not None:
        reader.derived(body["macro_f1"], result.macro_f1, f"{where}.macro_f1")
    return result


class JsonReader:
    """Type checks that raise one-line :class:`DataError` naming the JSON path."""

    def __init__(self, file: str | Path | None) -> None:
        """Name ``file`` in every error."""
        self.file = file

    def fail(self, where: str, expected: str, value: Any) -> DataError:
        """Return the error "expected X, got Y" at ``where``."""
        return DataError(
            f"expected {expected}, got {json.dumps(value)[:60]}", file=self.file, field=where
        )

    def mapping(self, value: Any, where: str) -> dict[str, Any]:
        """Return ``value`` if it is an object."""
        if not isinstance(value, dict):
            raise self.fail(where, "an object", value)
        return value

    def sequence(self, value: Any, where: str, *, length: int | None = None) -> list[Any]:
        """Return ``value`` if it is a list (of ``length`` items, when given)."""
        if not isinstance(value, list) or (length is not None and len(value) != length):
            raise self.fail(where, "a list" if length is None else f"a list of {length}", value)
        return value

    def string(self, value: Any, where: str) -> str:
        """Return ``value`` if it is a string."""
        if not isinstance(value, str):
            raise self.fail(where, "a string", value)
        return value

    def optional_string(self, value: Any, where: str) -> str | None:
        """Return ``value`` if it is a string or null."""
        return None if value is None else self.string(value, where)

    def strings(self, value: Any, where: str, *, length: int | None = None) -> list[str]:
        """Return ``value`` if it is a list of strings."""
        return [
            self.string(x, f"{where}[{i}]")
            for i, x in enumerate(self.sequence(value, where, length=length))
        ]

    def number(self, value: Any, where: str) -> float:
        """Return ``value`` as a float if it is a finite number (not a boolean)."""
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise self.fail(where, "a finite number", value)
        return float(value)

    def counts(self, body: dict[str, Any], where: str) -> Counts:
        """Return the tp/fp/fn of ``body``, checking the ratios stored beside them."""
        values = {}
        for key in _COUNT_KEYS:
            value = body.get(key)
            valid = isinstance(value, int | float) and not isinstance(value, bool)
            if not valid or not math.isfinite(value) or value < 0:
                raise self.fail(f"{where}.{key}", "a number >= 0", value)
            values[key] = value
        counts = Counts(**values)
        for key in ("precision", "recall", "f1"):
            self.derived(body.get(key), getattr(counts, key), f"{where}.{key}")
        return counts

    def derived(self, value: Any, expected: float | None, where: str) -> None:
        """Check a stored ratio against the one derived from the counts."""
        stored = self.number(value, where)
        if expected is None or abs(stored - expected) > TOLERANCE:
            raise DataError(
                f"{stored} does not follow from the counts (expected {expected})",
                file=self.file,
                field=where,
            )
