"""The project exception for bad input data (gold files, submissions, metadata).

Every message is one line naming the file, the line (when there is one), the
item and the field, so that a CLI can print ``str(error)`` and exit with code 2; characters
that could break the line or reach a terminal as commands are escaped
(:func:`benchmark.printable.printable`).
"""

from __future__ import annotations

from pathlib import Path

from benchmark.printable import printable


class DataError(Exception):
    """Bad input data: a file, row or field that does not follow its format."""

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        item: str | None = None,
        field: str | None = None,
    ) -> None:
        """Store the location parts and the message (newlines are flattened)."""
        self.message = " ".join(str(message).split())
        """What is wrong, one line."""
        self.file = str(file) if file is not None else None
        """File that holds the bad data, when known."""
        self.line = line
        """1-based line number in ``file``, when there is one."""
        self.item = item
        """Identifier of the bad item (``E3``, a row id...), when there is one."""
        self.field = field
        """Name of the bad field, when there is one."""
        super().__init__(str(self))

    def __str__(self) -> str:
        """Return ``file:line: item X, field Y: message`` (parts that are known)."""
        where = ""
        if self.file is not None:
            where = self.file if self.line is None else f"{self.file}:{self.line}"
        elif self.line is not None:
            where = f"line {self.line}"
        what = ", ".join(
            part
            for part in (
                f"item {self.item}" if self.item is not None else "",
                f"field {self.field}" if self.field is not None else "",
            )
            if part
        )
        prefix = ": ".join(part for part in (where, what) if part)
        return printable(f"{prefix}: {self.message}" if prefix else self.message)
