"""Where a command may write, and how: the one way every output file is written.

Before a command does any work it checks its outputs with :func:`check_output`, and it writes
them with :func:`write_output`, which checks again. An output is refused (a one-line
:class:`~benchmark.errors.DataError`) when

- it lies under a protected folder: the gold folders (the repository's ``data/``, the copy
  shipped in the package, ``$KHARKIV_IE_DATA_DIR``, a ``--gold-dir``), which only
  ``kharkiv-ie build-data`` writes;
- it is one of the command's own inputs (the same file, by inode: a symlink or a hard link
  does not hide it), which a result would destroy;
- it is a folder, or its folder does not exist.

An accepted output is written according to what is there:

- standard output itself (``--out /dev/stdout``, or any path of the file stdout writes to):
  written to stdout, after what the command printed;
- another existing file that is not a regular file (``/dev/null``, a FIFO, a terminal):
  opened and written through; it is never replaced by a regular file (replacing
  ``/dev/null``, as root, would delete the device);
- otherwise (a regular file, or nothing yet): replaced atomically
  (:func:`benchmark.atomic.write_text_atomically`) at the path a symlink points to, so the
  symlink stays and a reader never sees half a file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from benchmark.atomic import write_text_atomically
from benchmark.errors import DataError
from benchmark.terminal import same_file_as_stdout, write_payload


def _real(path: Path) -> Path:
    """Return ``path`` absolute with every symlink of its existing part resolved."""
    return Path(os.path.realpath(path))


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_output_folders(
    folders: Iterable[str | Path], *, protected: Iterable[str | Path] = ()
) -> None:
    """Raise DataError when a folder of ``folders`` lies under a folder of ``protected``."""
    protected = tuple(protected)
    for folder in folders:
        real = _real(Path(folder))
        for gold in protected:
            if _inside(real, _real(Path(gold))):
                raise DataError(
                    f"refusing to write under the gold folder {_real(Path(gold))} "
                    "(only kharkiv-ie build-data writes there)",
                    file=folder,
                )


def check_output(
    path: str | Path, *, protected: Iterable[str | Path] = (), inputs: Iterable[str | Path] = ()
) -> None:
    """Raise DataError when ``path`` may not be written (see the module docstring)."""
    path = Path(path)
    real = _real(path)
    check_output_folders([path], protected=protected)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise DataError(f"cannot write here: {error.strerror}", file=path) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise DataError("is a folder, not a file", file=path)
    if info is not None and stat.S_ISREG(info.st_mode):
        for source in inputs:
            try:
                same = os.path.samestat(info, os.stat(source))
            except OSError:
                continue
            if same:
                raise DataError(
                    f"refusing to overwrite the command's own input {source}", file=path
                )
    if info is None and not real.parent.is_dir():
        raise DataError("output folder does not exist", file=path)


def write_output(
    path: str | Path,
    text: str,
    *,
    protected: Iterable[str | Path] = (),
    inputs: Iterable[str | Path] = (),
    only_if_changed: bool = False,
) -> bool:
    """Check and write ``text`` (UTF-8) to ``path`` (see the module); return True when written.

    With ``only_if_changed``, an identical regular file is left untouched.
    """
    path = Path(path)
    check_output(path, protected=tuple(protected), inputs=tuple(inputs))
    if same_file_as_stdout(path):
        write_payload(text)
        return True
    try:
        if path.exists() and not stat.S_ISREG(os.stat(path).st_mode):
            with open(path, "wb") as stream:
                stream.write(text.encode("utf-8"))
            return True
        return write_text_atomically(_real(path), text, only_if_changed=only_if_changed)
    except OSError as error:
        raise DataError(f"cannot write: {error.strerror}", file=path) from None
