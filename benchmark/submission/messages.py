"""Errors and warnings produced while reading a submission.

Every message is one line ``FILE:LINE: JSON.PATH: what is wrong``. Errors are
collected for the whole file and raised together as one ``SubmissionInvalid`` (the
first ``ERROR_CAP`` rendered, the rest counted); in lenient mode the reader takes the
errors of an item out of the log (:meth:`ProblemLog.take`) and keeps the item as a
rejected false positive. Warnings are returned to the caller. Unaligned spans are
recorded as a warning naming file, line and path; the records themselves are
:class:`benchmark.submission.unaligned.UnalignedSpan`, listed from the items.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from benchmark.errors import DataError

ERROR_CAP = 50
"""Errors kept per file; the rest are only counted."""


def _where(file: str, line: int | None, path: str) -> str:
    """Return ``FILE:LINE: PATH`` (without the parts that are unknown)."""
    place = file if line is None else f"{file}:{line}"
    return f"{place}: {path}" if path else place


@dataclass(frozen=True)
class SubmissionWarning:
    """Something a submitter may want to know; it does not stop scoring."""

    file: str
    """The submission file."""
    line: int | None
    """1-based line of the file, or None for file-level warnings."""
    path: str
    """JSON path inside the line (``$.events[3].trigger``)."""
    message: str
    """What was noticed, one line."""

    def __str__(self) -> str:
        """Return ``FILE:LINE: PATH: warning: MESSAGE``."""
        return f"{_where(self.file, self.line, self.path)}: warning: {self.message}"


class SubmissionInvalid(DataError):
    """A submission file with one or more errors; ``str()`` gives one line per error."""

    def __init__(self, file: str, errors: tuple[str, ...], omitted: int) -> None:
        """Keep the rendered error lines and how many more were not kept."""
        self.errors = errors
        """Rendered error lines, in file order, at most ``ERROR_CAP``."""
        self.omitted = omitted
        """Number of further errors that were counted but not kept."""
        super().__init__(errors[0] if errors else "invalid submission", file=file)

    def __str__(self) -> str:
        """Return every kept error on its own line, then the count of omitted ones."""
        lines = list(self.errors)
        if self.omitted:
            lines.append(f"{self.file}: ... and {self.omitted} more error(s) not shown")
        return "\n".join(lines)


def describe(value: object) -> str:
    """Return a short JSON rendering of ``value`` for a message (``got ...``)."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + '..."'


@dataclass(frozen=True)
class Problem:
    """One error of a submission file, before rendering."""

    line: int | None
    """1-based line, or None for a file-level error."""
    path: str
    """JSON path inside the line."""
    message: str
    """What is wrong, one line."""


@dataclass
class ProblemLog:
    """Collects the errors, warnings, unaligned spans and span placements of one file."""

    file: str
    """The submission file, as named in messages."""
    problems: list[Problem] = field(default_factory=list)
    """Every error, in the order found."""
    warnings: list[SubmissionWarning] = field(default_factory=list)
    """Warnings, in file order."""
    placements: list = field(default_factory=list)
    """Where every text-only span was placed (``benchmark.submission.placing.Placement``)."""

    @property
    def errors(self) -> list[str]:
        """Rendered errors, at most ``ERROR_CAP``."""
        return [_where(self.file, p.line, p.path) + f": {p.message}" for p in self.problems][
            :ERROR_CAP
        ]

    @property
    def omitted(self) -> int:
        """Errors beyond the cap."""
        return max(len(self.problems) - ERROR_CAP, 0)

    def error(self, line: int | None, path: str, message: str) -> None:
        """Record an error at ``line`` / ``path``."""
        self.problems.append(Problem(line, path, message))

    def take(self, line: int, prefix: str) -> list[Problem]:
        """Remove and return the errors of ``line`` at ``prefix`` or inside it."""
        inside = [
            p
            for p in self.problems
            if p.line == line
            and (p.path == prefix or p.path.startswith((f"{prefix}.", f"{prefix}[")))
        ]
        self.problems = [p for p in self.problems if p not in inside]
        return inside

    def warn(self, line: int | None, path: str, message: str) -> None:
        """Record a warning at ``line`` / ``path``."""
        self.warnings.append(SubmissionWarning(self.file, line, path, message))

    def not_found(self, line: int, path: str, text: str) -> None:
        """Record an unaligned span as a warning naming it (the item keeps the span)."""
        quoted = json.dumps(text, ensure_ascii=False)
        self.warn(line, path, f"text not found, counted as a false positive: {quoted}")

    def raise_if_errors(self) -> None:
        """Raise ``SubmissionInvalid`` when any error was recorded."""
        if self.problems:
            raise SubmissionInvalid(self.file, tuple(self.errors), self.omitted)
