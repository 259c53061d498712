"""A machine-independent identity of the code that produced a committed results file.

Committed results (``results/*.json``) must be byte-identical on every machine and after every
``kharkiv-ie reproduce`` of the same code, so they cannot hold the git commit of the working
tree (it changes with every commit, numbers or not) nor paths or dates. They hold instead
:func:`code_version`: the package version and a SHA-256 over the sources that can move a number
(the ``benchmark`` and ``baselines`` packages: code and lexicons; and the Hydra configs of
``conf/``), with line endings normalised. Command-line and rendering code (the presentation
stage) cannot change a score and is left out (:data:`EXCLUDED`), so editing it does not make
the committed results stale. Config files are hashed under ``conf/`` wherever they are found
(the repository's ``conf/`` or the copy a wheel ships in ``baselines/conf``), so a checkout and
an install give the same hash. The git commit
of a run is kept in its run folder (``runs/<system>/scores.<split>.json``).
"""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

PACKAGE = "kharkiv-ie"
"""Distribution name whose version is recorded."""

ROOTS: tuple[str, ...] = ("benchmark", "baselines", "conf")
"""Folders hashed: the two packages and the Hydra configs."""

SUFFIXES: tuple[str, ...] = (".py", ".yaml", ".tsv", ".txt", ".json")
"""File kinds hashed (code, configs, lexicons)."""

EXCLUDED: tuple[str, ...] = (
    "benchmark/commands/",
    "baselines/commands/",
    "benchmark/presentation/",
    "benchmark/cli.py",
    "baselines/cli.py",
    "benchmark/terminal.py",
    "benchmark/outputs.py",
    "benchmark/printable.py",
    "baselines/conf/",
    "benchmark/data/",
)
"""Relative paths (prefixes) not hashed as package code: CLI, terminal, output and rendering
code, which cannot move a number; a wheel's copy of ``conf/`` (hashed as ``conf/``); and a
wheel's copy of the gold data (identified by the results' ``dataset.sha256``)."""

_BASE = Path(__file__).resolve().parents[1]
"""Folder holding the ``benchmark`` and ``baselines`` packages (checkout or site-packages)."""


def _folder(base: Path, root: str) -> Path:
    """Return where ``root`` is under ``base`` (``conf``: the checkout's, else the wheel's)."""
    if root == "conf" and not (base / root).is_dir():
        return base / "baselines" / "conf"
    return base / root


def source_files(*, base: Path = _BASE) -> list[tuple[str, Path]]:
    """Return (relative posix path, file) of every hashed source, sorted by path."""
    files = []
    for root in ROOTS:
        folder = _folder(base, root)
        for path in folder.rglob("*"):
            relative = f"{root}/{path.relative_to(folder).as_posix()}"
            if (
                path.is_file()
                and path.suffix in SUFFIXES
                and "__pycache__" not in path.parts
                and not relative.startswith(EXCLUDED)
            ):
                files.append((relative, path))
    return sorted(files)


def sources_sha256(*, base: Path = _BASE) -> str:
    """Return the SHA-256 of the hashed sources (path and content of each, CRLF as LF)."""
    digest = hashlib.sha256()
    for relative, path in source_files(base=base):
        content = path.read_bytes().replace(b"\r\n", b"\n")
        digest.update(relative.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(content).hexdigest().encode("ascii") + b"\n")
    return digest.hexdigest()


def code_version(*, base: Path = _BASE) -> dict[str, str]:
    """Return ``{"package": version, "sources_sha256": hash}``."""
    try:
        version = metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        version = "unknown"
    return {"package": version, "sources_sha256": sources_sha256(base=base)}
