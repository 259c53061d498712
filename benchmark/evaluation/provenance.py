"""Provenance of a results file: which data, which scorer, which code, which packages.

Nothing here may fail a scoring run: a missing ``git`` (or a copy that is not a
git checkout) gives ``git_commit = None``, a package that is not installed is
left out of ``package_versions``.
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmark.dataset.configs import DATASET_NAME, DATASET_VERSION, content_hash
from benchmark.dataset.splits import MAIN_SPLIT
from benchmark.evaluation.results import DatasetInfo, Provenance

PACKAGES: tuple[str, ...] = ("kharkiv-ie", "datasets", "numpy", "scikit-learn", "seqeval")
"""Packages whose versions can move a number (or identify the scorer)."""

_REPOSITORY = Path(__file__).resolve().parents[2]
"""The checkout that holds this package (where ``git rev-parse`` runs)."""


def dataset_info(*, data_dir: str | Path, split: str = MAIN_SPLIT) -> DatasetInfo:
    """Return name, version and the content hash of split ``split`` of the gold in ``data_dir``."""
    return DatasetInfo(
        name=DATASET_NAME, version=DATASET_VERSION, sha256=content_hash(data_dir, split=split)
    )


def git_commit(*, repository: Path = _REPOSITORY) -> str | None:
    """Return ``git rev-parse HEAD`` of ``repository``, or None when it cannot be read."""
    try:
        completed = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=repository,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    commit = completed.stdout.strip()
    if completed.returncode != 0 or len(commit) != 40:
        return None
    return commit


def package_versions(*, packages: tuple[str, ...] = PACKAGES) -> dict[str, str]:
    """Return ``{package: version}`` of the installed ``packages`` (missing ones left out)."""
    versions = {}
    for name in packages:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return versions


def now_iso() -> str:
    """Return the current UTC time, ISO 8601, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def provenance(*, config: Mapping[str, Any]) -> Provenance:
    """Return the provenance of a run made with the scoring options ``config``."""
    return Provenance(
        config=dict(config),
        git_commit=git_commit(),
        package_versions=package_versions(),
        created=now_iso(),
    )
