"""Standard output and error of a command: escaped, flushed, and failing with one line.

:func:`run_guarded` runs a command with ``sys.stdout`` and ``sys.stderr`` wrapped so that

- every text written is passed through :func:`benchmark.printable.printable_lines`: no
  control character, bidirectional override or lone surrogate from an input reaches the
  terminal (newlines and tabs of the command's own layout are kept), and nothing can raise
  ``UnicodeEncodeError``;
- every write is flushed at once, so a full disk or a closed pipe (``> /dev/full``,
  ``| head -1``) is noticed where it happens, before the command writes its files, and
  becomes :class:`OutputStreamError`: one line on stderr and exit code 2, never a
  traceback or Python's ``Exception ignored`` at exit.

A command's data on stdout (``predict`` without ``--out``, ``--out /dev/stdout``) is not
text for a terminal: :func:`write_payload` writes it byte for byte. A command that takes more
than a second says what it is doing with :func:`progress` (on a terminal only).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from benchmark.errors import DataError
from benchmark.printable import printable_lines

_NAMES = {"stdout": "standard output", "stderr": "standard error"}


class OutputStreamError(DataError):
    """Standard output or error cannot be written (disk full, pipe closed...)."""


class GuardedStream:
    """A text stream that escapes what it is given and flushes each write."""

    def __init__(self, stream: TextIO, *, name: str) -> None:
        """Wrap ``stream`` (``name`` is ``stdout`` or ``stderr``, for messages)."""
        self.stream = stream
        """The wrapped stream."""
        self.name = name
        """``stdout`` or ``stderr``."""

    def write(self, text: str) -> int:
        """Write ``text`` with unsafe characters escaped; flush; OutputStreamError on failure."""
        try:
            self.stream.write(printable_lines(text))
            self.stream.flush()
        except OSError as error:
            raise _failure(self, error) from None
        return len(text)

    def write_bytes(self, data: bytes) -> None:
        """Write ``data`` unchanged (to the binary buffer under the stream, when there is one)."""
        try:
            self.stream.flush()
            buffer = getattr(self.stream, "buffer", None)
            if buffer is None:
                self.stream.write(data.decode("utf-8"))
            else:
                buffer.write(data)
                buffer.flush()
            self.stream.flush()
        except OSError as error:
            raise _failure(self, error) from None

    def flush(self) -> None:
        """Flush the wrapped stream; OutputStreamError on failure."""
        try:
            self.stream.flush()
        except OSError as error:
            raise _failure(self, error) from None

    def __getattr__(self, name: str) -> Any:
        """Delegate everything else (``isatty``, ``fileno``, ``encoding``...)."""
        return getattr(self.stream, name)


def _failure(stream: GuardedStream, error: OSError) -> OutputStreamError:
    _discard_pending(stream.stream)
    reason = error.strerror or type(error).__name__
    return OutputStreamError(f"cannot write to {_NAMES[stream.name]}: {reason}")


def _discard_pending(stream: TextIO) -> None:
    """Point the stream's file descriptor at /dev/null, so that exiting cannot fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)


def write_payload(text: str) -> None:
    """Write a command's data (JSON, JSONL) to stdout byte for byte, as UTF-8."""
    stream = sys.stdout
    data = text.encode("utf-8")
    if isinstance(stream, GuardedStream):
        stream.write_bytes(data)
    else:
        stream.write(text)
        stream.flush()


def progress(command: str, message: str) -> None:
    """Tell an interactive user what a slow command is doing: ``kharkiv-ie CMD: MESSAGE``.

    Written to standard error only when it is a terminal, so that a script reading a failed
    command's standard error still gets its one-line error, and nothing else.
    """
    stream = sys.stderr
    try:
        interactive = stream.isatty()
    except (AttributeError, ValueError, OSError):
        interactive = False
    if interactive:
        stream.write(f"kharkiv-ie {command}: {message}\n")


def same_file_as_stdout(path: os.PathLike[str] | str) -> bool:
    """Return True when ``path`` is the file standard output writes to (``/dev/stdout``)."""
    try:
        return os.path.samestat(os.stat(path), os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError, AttributeError):
        return False  # no file behind stdout (a test's capture), or no such path


@contextlib.contextmanager
def guarded_streams() -> Iterator[None]:
    """Wrap ``sys.stdout`` and ``sys.stderr`` (see the module) for the duration of the block."""
    saved = sys.stdout, sys.stderr
    errors = []
    for stream in saved:
        errors.append(getattr(stream, "errors", None))
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")
    sys.stdout = GuardedStream(saved[0], name="stdout")
    sys.stderr = GuardedStream(saved[1], name="stderr")
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
        for stream, old in zip(saved, errors, strict=True):
            if old is not None:
                with contextlib.suppress(AttributeError, ValueError, OSError):
                    stream.reconfigure(errors=old)


def run_guarded(command: Callable[[], int], *, prog: str) -> int:
    """Run ``command`` with guarded streams; return its exit code, 2 when a stream fails."""
    with guarded_streams():
        try:
            return command()
        except OutputStreamError as error:
            with contextlib.suppress(OutputStreamError):
                sys.stderr.write(f"{prog}: {error}\n")
            return 2
