"""Where the Hydra configs are, and composing them (Compose API, ``version_base="1.3"``).

The configs live in the top-level ``conf/`` folder of the repository; the wheel ships the same
files as ``baselines/conf`` (``pyproject.toml``, hatch ``force-include``). :data:`CONF_DIR` is
resolved from this package's location, never from the working directory (a relative
``config_path`` breaks under console scripts and non-editable installs).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmark.errors import DataError

_PACKAGE = Path(__file__).resolve().parent


def conf_dir(package: Path = _PACKAGE) -> Path:
    """Return the config folder for the package at ``package``: shipped copy, else the repo's."""
    shipped = package / "conf"
    return shipped if shipped.is_dir() else package.parent / "conf"


CONF_DIR = conf_dir()
"""Absolute path of the Hydra config folder."""

CONFIG_NAME = "config"
"""The primary config (``conf/config.yaml``)."""

BASELINE_GROUP = "baseline"
"""Config group with one file per baseline: its ``_target_`` and its options."""


def baseline_names(conf: Path = CONF_DIR) -> tuple[str, ...]:
    """Return the baselines that have a config file, sorted (the registry of baselines)."""
    return tuple(sorted(path.stem for path in (conf / BASELINE_GROUP).glob("*.yaml")))


def compose_config(baseline: str, *, overrides: Sequence[str] = (), conf: Path = CONF_DIR) -> Any:
    """Return the composed config of ``baseline`` plus ``overrides``; DataError when bad."""
    from hydra import compose, initialize_config_dir
    from hydra.errors import HydraException
    from omegaconf.errors import OmegaConfBaseException

    names = baseline_names(conf)
    if baseline not in names:
        raise DataError(f"unknown baseline {baseline!r}; choose one of {list(names)}")
    try:
        with initialize_config_dir(config_dir=str(conf), version_base="1.3", job_name="kharkiv"):
            return compose(
                config_name=CONFIG_NAME, overrides=[f"{BASELINE_GROUP}={baseline}", *overrides]
            )
    except (HydraException, OmegaConfBaseException) as error:
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise DataError(f"bad config override: {message}", field="overrides") from None
