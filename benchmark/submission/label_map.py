"""Submissions written for schema 1.x: their labels mapped to 2.0 before they are read.

The map is data, ``data/label_map_1x.tsv`` (read by :func:`benchmark.dataset.tables.
read_label_map`): for every label field whose inventory changed from 1.x to 2.0, each 1.x
label and the 2.0 label it becomes (``ukrainian_military`` and ``russian_military`` ->
``military``; every other 1.x label -> itself). It lets the submissions made before 2.0 (the
pre-registered ones) be scored against 2.0 gold: ``read_submission(..., label_map=...)``
applies :func:`map_line_labels` to every line before checking it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from benchmark.dataset.configs import resolve_data_dir
from benchmark.dataset.tables import LABEL_MAP_FILE, LabelMap, read_label_map


def label_map_1x(*, data_dir: str | Path | None = None) -> LabelMap:
    """Return the 1.x -> 2.0 label map of the data folder (default: the repository's)."""
    return read_label_map(resolve_data_dir(data_dir) / LABEL_MAP_FILE)


def map_line_labels(line: Mapping[str, object], label_map: LabelMap) -> dict[str, object]:
    """Return a copy of a submission line (parsed JSON) with its 1.x labels mapped to 2.0.

    For every item of every layer in the map, a mapped field whose value is a 1.x label of the
    map gets its 2.0 label; every other key, value and item is copied unchanged (a value the
    map does not know is left for the submission reader to reject). ``line`` is not modified.
    A field that 2.0 added (``count_high``) is absent from a 1.x line, and the reader takes an
    absent optional field as null.
    """
    mapped = dict(line)
    for (layer, field), labels in label_map.items():
        items = mapped.get(layer)
        if isinstance(items, list):
            mapped[layer] = [_mapped_item(item, field, labels) for item in items]
    return mapped


def _mapped_item(item: object, field: str, labels: Mapping[str, str]) -> object:
    if not isinstance(item, dict):
        return item
    value = item.get(field)
    if not isinstance(value, str) or value not in labels:
        return item
    return {**item, field: labels[value]}
