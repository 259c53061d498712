"""Struct mode for the composed configs: an override changes a value, never the shape.

Hydra refuses ``scoring.bootsrap=5`` (no such key) but its own hint, ``+scoring.bootsrap=5``,
adds the key, and the run then ignores it silently while the typo is recorded in the
results; ``~scoring.bootstrap`` deletes a key the pipeline needs. So a config composed with
overrides is compared with the same baseline's config without them (the files under
``conf/`` define every key): :func:`check_shape` raises a one-line
:class:`~benchmark.errors.DataError` for

- a key the files do not define (added with ``+`` or ``++``), or one removed with ``~``;
- a value of another kind than the file's (``scoring.bootstrap=[1,2]``,
  ``paths.runs_dir=[a]``): a number stays a number (an integer may stand for a float),
  text stays text (or null where the file has null), a list stays a list;
- ``baseline.name`` other than the fixed name its config file gives: the name is the config
  file's, and it names the results (``baseline.name=bogus`` would file every baseline's results
  as ``bogus``). A name the file derives from an option (the llm's, from its model) may be set.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from benchmark.errors import DataError


def _leaves(node: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Yield ``(dotted key, value)`` for every non-mapping value of a plain nested dict."""
    stack = [(prefix, node)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, Mapping):
            for key, child in value.items():
                stack.append((f"{where}.{key}" if where else str(key), child))
        else:
            yield where, value


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list | tuple):
        return "a list"
    return type(value).__name__


def _fits(value: Any, model: Any) -> bool:
    """Return True when ``value`` may replace ``model`` (the file's value)."""
    if model is None:
        return value is None or isinstance(value, str)
    if isinstance(model, bool):
        return isinstance(value, bool)
    if isinstance(model, int):
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(model, float):
        return isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(model, str):
        return isinstance(value, str)
    if isinstance(model, list | tuple):
        return isinstance(value, list | tuple)
    return type(value) is type(model)


def check_shape(composed: Mapping[str, Any], base: Mapping[str, Any], *, baseline: str) -> None:
    """Raise DataError when ``composed`` differs from ``base`` in shape (see the module).

    Both are plain containers (``OmegaConf.to_container(cfg, resolve=False)``) of the same
    baseline, with and without the overrides.
    """
    composed_leaves = dict(_leaves(composed))
    base_leaves = dict(_leaves(base))
    for key in sorted(composed_leaves.keys() - base_leaves.keys()):
        raise DataError(
            f"bad config override: unknown config key {key!r}: the files under conf/ define "
            "every key, and an override may change a value but not add a key (with or without "
            "'+')"
        )
    for key in sorted(base_leaves.keys() - composed_leaves.keys()):
        raise DataError(f"bad config override: config key {key!r} may not be removed")
    for key in sorted(base_leaves):
        value, model = composed_leaves[key], base_leaves[key]
        if not _fits(value, model):
            raise DataError(
                f"bad config override: config key {key!r}: "
                f"expected {_kind(model)}, got {_kind(value)}",
            )
    name, given = composed_leaves.get("baseline.name"), base_leaves.get("baseline.name")
    derived = isinstance(given, str) and "${" in given  # a name made from an option may be set
    if name != given and not derived:
        raise DataError(
            f"bad config override: config key 'baseline.name' is {name!r}, but the baseline is "
            f"{baseline!r}, whose config file gives its name (the name names the results)"
        )
