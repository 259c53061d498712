"""Annotation passes written for schema 1.x, read as 2.0 (the Kharkiv first and second pass).

Schema 2.0 (``data/annotations/FORMAT.md``) added one key, casualty ``count_high``
(:data:`ADDED_KEYS`), and changed label inventories; ``data/label_map_1x.tsv`` maps every
1.x label of a changed field to its 2.0 label. A pass file in which no item has an added key
and at least one item of a layer that gained one exists (a file with casualties, none with
``count_high``) is a 1.x file. :func:`as_2_0` returns such a file as a 2.0 one: the added keys
null, every mapped label replaced by its 2.0 label (a value that is no 1.x label of the map is
an error naming file, line, item and field); any other file is returned unchanged. Only the
reader of a whole pass asked for it applies this (:func:`benchmark.dataset.annotation_source.
parse_pass` with ``label_map_1x``): the agreement between the 1.x passes and anything else.
Annotators' files and the gold are always read as 2.0.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from benchmark.dataset.layers import LAYERS
from benchmark.dataset.tables import LabelMap
from benchmark.dataset.yaml_lines import LineDict, line_dict
from benchmark.errors import DataError

SCHEMA_1X = "1.x"
"""Name of the older schema, as reported for a pass read through the label map."""
SCHEMA_2_0 = "2.0"
"""Name of the current schema."""

ADDED_KEYS: Mapping[str, tuple[str, ...]] = {"casualties": ("count_high",)}
"""Layer -> the item keys schema 2.0 added (a 1.x file has none; they read as null)."""


def is_1x(data: Any) -> bool:
    """Return True when the loaded pass ``data`` is a 1.x file (see the module docstring)."""
    if not isinstance(data, LineDict):
        return False
    seen = False
    for layer, keys in ADDED_KEYS.items():
        items = data.get(layer)
        if not isinstance(items, list):
            continue
        for item in items:
            if not isinstance(item, LineDict):
                return False
            seen = True
            if any(key in item for key in keys):
                return False
    return seen


def as_2_0(data: Any, *, label_map: LabelMap, file: str | Path) -> tuple[Any, str]:
    """Return ``(data as a 2.0 pass, the schema it was written for)``; see the module docstring."""
    if not is_1x(data):
        return data, SCHEMA_2_0
    upgraded = line_dict(dict(data), data.line)
    upgraded.key_lines = dict(data.key_lines)
    for layer, spec in LAYERS.items():
        items = data.get(layer)
        if not isinstance(items, list):
            continue
        keys = {f.name: f.yaml_key for f in spec.fields}
        mapped = {
            keys[field]: labels for (name, field), labels in label_map.items() if name == layer
        }
        upgraded[layer] = [
            _item(item, mapped, ADDED_KEYS.get(layer, ()), file=file) for item in items
        ]
    return upgraded, SCHEMA_1X


def _item(
    item: Any, mapped: Mapping[str, Mapping[str, str]], added: tuple[str, ...], *, file: str | Path
) -> Any:
    """Return one 1.x item with its added keys null and its labels mapped."""
    if not isinstance(item, LineDict):
        return item  # the parser reports it
    values = dict(item)
    for key, labels in mapped.items():
        if key not in values:
            continue  # the parser reports the missing key
        if values[key] not in labels:
            raise DataError(
                f"{values[key]!r} is no 1.x label (this file is read as schema 1.x: no item has "
                f"{', '.join(added) or 'the keys 2.0 added'}); expected one of {', '.join(labels)}",
                file=file,
                line=item.key_lines.get(key, item.line),
                item=values.get("id") if isinstance(values.get("id"), str) else None,
                field=key,
            )
        values[key] = labels[values[key]]
    for key in added:
        values[key] = None
    upgraded = line_dict(values, item.line)
    upgraded.key_lines = dict(item.key_lines)
    return upgraded
