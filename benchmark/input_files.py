"""Reading an input file once, whole and bounded: the bytes every reader then parses.

A command reads each input exactly once (``/dev/stdin`` or a pipe cannot be read twice: a
hash taken from a second read would be the hash of nothing), so the parser and the SHA-256
see the same bytes. Any path works, a FIFO or a character device included, but the read
stops past :data:`MAX_INPUT_BYTES` (``/dev/zero`` would otherwise fill the memory).
"""

from __future__ import annotations

from pathlib import Path

from benchmark.errors import DataError

MAX_INPUT_BYTES = 256 * 1024 * 1024
"""Largest input file read (256 MiB: the test split's gold as a submission is 19 KB)."""

_CHUNK = 1024 * 1024


def read_input(path: str | Path, *, what: str, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Return the bytes of ``path``; DataError naming the file (``what`` it is) otherwise."""
    path = Path(path)
    try:
        with open(path, "rb") as stream:
            chunks = []
            size = 0
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise DataError(
                        f"the {what} is larger than {limit // (1024 * 1024)} MiB", file=path
                    )
                chunks.append(chunk)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise DataError(f"cannot read the {what}: {reason}", file=path) from None
    return b"".join(chunks)
