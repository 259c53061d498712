"""The repository checkout that holds this package, when there is one.

Commands that write the repository's own files (``reproduce``: ``results/``, ``reports/``,
``LEADERBOARD.md``; ``leaderboard``) write them at the repository root, whatever the working
directory, and refuse with one line when the package is not in a checkout (an installed
wheel). The root is found from the package's location, never from the working directory: the
results belong to this code, not to whatever folder the user stands in.
"""

from __future__ import annotations

import re
from pathlib import Path

from benchmark.errors import DataError

PROJECT_NAME = "kharkiv-ie"
"""The ``[project] name`` of the checkout's ``pyproject.toml``."""

_NAME_LINE = re.compile(r'^name\s*=\s*"([^"]+)"\s*$', re.MULTILINE)


def repository_root(*, package: Path | None = None) -> Path | None:
    """Return the checkout holding the ``benchmark`` package (or ``package``), else None.

    A checkout is the package's parent folder when it holds a ``pyproject.toml`` naming this
    project, and the ``baselines`` package, ``conf/`` and ``data/`` beside it.
    """
    package = Path(__file__).resolve().parent if package is None else Path(package)
    root = package.parent
    pyproject = root / "pyproject.toml"
    if not pyproject.is_file() or not all(
        (root / name).is_dir() for name in ("baselines", "conf", "data")
    ):
        return None
    try:
        match = _NAME_LINE.search(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    return root if match is not None and match.group(1) == PROJECT_NAME else None


def require_repository_root(*, what: str, hint: str) -> Path:
    """Return :func:`repository_root`; DataError saying ``what`` needs it and ``hint`` otherwise."""
    root = repository_root()
    if root is None:
        raise DataError(
            f"{what} needs the kharkiv-ie repository checkout, and this package is installed "
            f"outside one ({Path(__file__).resolve().parent.parent}); {hint}"
        )
    return root
