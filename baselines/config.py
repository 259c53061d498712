"""Where the Hydra configs are, and composing them (Compose API, ``version_base="1.3"``).

The configs live in the top-level ``conf/`` folder of the repository; the wheel ships the same
files as ``baselines/conf`` (``pyproject.toml``, hatch ``force-include``). :data:`CONF_DIR` is
resolved from this package's location, never from the working directory (a relative
``config_path`` breaks under console scripts and non-editable installs).

A baseline's config may leave an option required (``???``, e.g. the llm's ``model``): such a
baseline runs only when the caller gives it, so ``reproduce`` leaves it out of its default
list (:func:`default_baselines`), and resolving a config without it is a one-line error
naming the override (:func:`resolve_config`). A config may derive a file-safe name from an
option with the ``slug`` resolver (``name: llm-${slug:${baseline.model}}``), registered by
:func:`register_resolvers` before any config is composed here or in ``baselines.run``.
"""

from __future__ import annotations

import re
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


REQUIRED = "???"
"""OmegaConf's value of a required option that was not given."""

_NOT_IN_A_NAME = re.compile(r"[^a-z0-9._-]+")


def baseline_names(conf: Path = CONF_DIR) -> tuple[str, ...]:
    """Return the baselines that have a config file, sorted (the registry of baselines)."""
    return tuple(sorted(path.stem for path in (conf / BASELINE_GROUP).glob("*.yaml")))


def default_baselines(conf: Path = CONF_DIR) -> tuple[str, ...]:
    """Return the baselines whose config requires nothing of the caller (no ``???``), sorted."""
    from omegaconf import OmegaConf

    return tuple(
        name
        for name in baseline_names(conf)
        if not required_keys(OmegaConf.load(conf / BASELINE_GROUP / f"{name}.yaml"))
    )


def required_keys(node: Any, *, prefix: str = "") -> list[str]:
    """Return the dotted keys of ``node`` (a config or part of it) still ``???``, in order."""
    from omegaconf import OmegaConf

    plain = OmegaConf.to_container(node, resolve=False) if OmegaConf.is_config(node) else node
    found: list[str] = []

    def walk(value: Any, key: str) -> None:
        if isinstance(value, dict):
            for child, inner in value.items():
                walk(inner, f"{key}.{child}" if key else str(child))
        elif isinstance(value, list):
            for index, inner in enumerate(value):
                walk(inner, f"{key}[{index}]")
        elif value == REQUIRED:
            found.append(key)

    walk(plain, prefix)
    return found


def resolve_config(node: Any, *, prefix: str = "") -> dict[str, Any]:
    """Return ``node`` resolved as plain containers; DataError naming a required option left out.

    ``prefix`` is the dotted key of ``node`` in the whole config (``baseline``), so messages
    name the override to give.
    """
    from omegaconf import OmegaConf
    from omegaconf.errors import OmegaConfBaseException

    missing = required_keys(node, prefix=prefix)
    if missing:
        overrides = " ".join(f"{key}=..." for key in missing)
        raise DataError(f"required: add the override(s) {overrides}", field=missing[0])
    register_resolvers()
    try:
        return OmegaConf.to_container(node, resolve=True)
    except OmegaConfBaseException as error:
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise DataError(f"bad config: {message}", field=prefix or None) from None


def slug(text: Any) -> str:
    """Return ``text`` as a file-safe name (``Qwen/Qwen2.5-7B`` -> ``qwen-qwen2.5-7b``).

    Lower case; every run of characters other than letters, digits, ``.``, ``_`` and ``-``
    becomes one ``-``; no leading or trailing ``-`` or ``.``. ValueError when nothing is left.
    """
    name = _NOT_IN_A_NAME.sub("-", str(text).lower()).strip("-.")
    if not name:
        raise ValueError(f"no file-safe name can be made of {text!r}")
    return name


def register_resolvers() -> None:
    """Register the resolvers the configs may use (``slug``); calling it again is harmless."""
    from omegaconf import OmegaConf

    OmegaConf.register_new_resolver("slug", slug, replace=True)


def compose_config(baseline: str, *, overrides: Sequence[str] = (), conf: Path = CONF_DIR) -> Any:
    """Return the composed config of ``baseline`` plus ``overrides``; DataError when bad."""
    from hydra import compose, initialize_config_dir
    from hydra.errors import HydraException
    from omegaconf.errors import OmegaConfBaseException

    names = baseline_names(conf)
    if baseline not in names:
        raise DataError(f"unknown baseline {baseline!r}; choose one of {list(names)}")
    register_resolvers()
    try:
        with initialize_config_dir(config_dir=str(conf), version_base="1.3", job_name="kharkiv"):
            return compose(
                config_name=CONFIG_NAME, overrides=[f"{BASELINE_GROUP}={baseline}", *overrides]
            )
    except (HydraException, OmegaConfBaseException) as error:
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise DataError(f"bad config override: {message}", field="overrides") from None
