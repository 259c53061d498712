"""Safe YAML whose mappings remember their line numbers, for one-line errors naming the line.

The annotation passes (:mod:`benchmark.dataset.annotation_source`) and the contrast edit
specification (:mod:`benchmark.dataset.contrast.spec`) are read with :func:`load_yaml`: every
mapping is a :class:`LineDict`, and a key given twice is an error (plain YAML keeps the last).
"""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import Any

import yaml

from benchmark.errors import DataError


class LineDict(dict):
    """A YAML mapping that remembers the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]


def line_dict(values: dict, line: int) -> LineDict:
    """Return ``values`` as a :class:`LineDict` located at ``line`` (keys without lines)."""
    mapping = LineDict(values)
    mapping.line = line
    mapping.key_lines = {}
    return mapping


class _LineLoader(yaml.SafeLoader):
    """Safe YAML loader whose mappings are :class:`LineDict` and refuse duplicate keys."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = line_dict({}, node.start_mark.line + 1)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, Hashable):
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a scalar", key_node.start_mark
            )
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(source: str, *, file: str | Path) -> Any:
    """Parse safe YAML into :class:`LineDict` mappings; DataError (file, line) when invalid."""
    try:
        return yaml.load(source, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise DataError(
            f"invalid YAML: {problem}", file=file, line=mark.line + 1 if mark else None
        ) from None
    except RecursionError:
        raise DataError("invalid YAML: nested too deeply", file=file) from None
    except ValueError as error:  # int() of a digit string longer than Python converts
        raise DataError(f"invalid YAML: {str(error).splitlines()[0][:100]}", file=file) from None
