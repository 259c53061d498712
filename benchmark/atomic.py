"""Atomic file writes: every command that writes goes through :func:`write_text_atomically`.

A file is written to a temporary sibling and renamed into place, so a failure never leaves a
half-written file; the result gets the usual permissions (0666 minus the umask), not the 0600
of :func:`tempfile.mkstemp`.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from benchmark.errors import DataError


def write_text_atomically(path: str | Path, text: str, *, only_if_changed: bool = False) -> bool:
    """Write ``text`` (UTF-8, LF line ends) to ``path``; return True when written.

    With ``only_if_changed``, an identical existing file is left untouched (its mtime too).
    The folder must exist: a missing one is a :class:`DataError` naming the file.
    """
    path = Path(path)
    data = text.encode("utf-8")
    if only_if_changed and path.is_file() and path.read_bytes() == data:
        return False
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DataError("output folder does not exist", file=path)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def _umask() -> int:
    """Return the process umask (reading it means setting it; set it back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
