"""The dataset's tab-separated tables: the ACE 2005 event-type map and the 1.x label map.

Both live in the data folder and ship with the dataset:

- ``event_types.tsv`` (:data:`EVENT_TYPES_FILE`): one row per event type of
  ``inventory.EVENT_TYPES``, every type exactly once, with its ACE 2005 type (``-`` for the
  extensions), a note on how an ACE-trained system's output maps to it, and its definition;
- ``label_map_1x.tsv`` (:data:`LABEL_MAP_FILE`): for every label field whose inventory changed
  from schema 1.x to 2.0, every 1.x label and the 2.0 label it becomes (a label that kept its
  name maps to itself). :mod:`benchmark.submission.label_map` applies it to a submission line
  written for 1.x.

A table is UTF-8 text; lines starting with ``#`` are comments (the provenance header), the
first other line is the header, then one row per line with exactly the header's columns.
Every problem raises :class:`~benchmark.errors.DataError` naming the file, line and column.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from benchmark.dataset.inventory import EVENT_TYPES
from benchmark.dataset.layers import LAYERS
from benchmark.errors import DataError

EVENT_TYPES_FILE = "event_types.tsv"
"""The event-type table, relative to the data folder."""
EVENT_TYPE_COLUMNS: tuple[str, ...] = ("type", "ace2005_type", "mapping_note", "definition")
"""Header of the event-type table."""
NO_ACE_TYPE = "-"
"""``ace2005_type`` of an extension (a type ACE 2005 does not have)."""

LABEL_MAP_FILE = "label_map_1x.tsv"
"""The 1.x -> 2.0 label map, relative to the data folder."""
LABEL_MAP_COLUMNS: tuple[str, ...] = ("layer", "field", "label_1x", "label_2_0")
"""Header of the label map."""


@dataclass(frozen=True)
class Row:
    """One row of a table."""

    line: int
    """1-based line of the row in its file."""
    values: Mapping[str, str]
    """Column name -> cell text."""


@dataclass(frozen=True)
class EventTypeRow:
    """One row of ``event_types.tsv``."""

    event_type: str
    """The kharkiv-ie type (``inventory.EVENT_TYPES``)."""
    ace2005_type: str | None
    """The ACE 2005 type it equals, or None for an extension."""
    mapping_note: str
    """How an ACE-trained system's output maps to this type."""
    definition: str
    """What the type covers (as in ``data/GUIDELINES.md`` section 3.2)."""


def read_table(path: Path, columns: tuple[str, ...]) -> tuple[Row, ...]:
    """Return the rows of the table at ``path``, whose header must be ``columns``."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"cannot read the table: {error}", file=path) from None
    header = None
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            if tuple(cells) != columns:
                expected = "<TAB>".join(columns)
                raise DataError(f"header must be {expected}", file=path, line=number)
            header = columns
            continue
        if len(cells) != len(columns):
            message = f"expected {len(columns)} tab-separated columns, got {len(cells)}"
            raise DataError(message, file=path, line=number)
        for name, cell in zip(columns, cells, strict=True):
            if not cell.strip():
                raise DataError("empty cell", file=path, line=number, field=name)
        rows.append(Row(number, MappingProxyType(dict(zip(columns, cells, strict=True)))))
    if header is None:
        raise DataError("no header line", file=path)
    return tuple(rows)


def _cell_error(path: Path, row: Row, column: str, message: str) -> DataError:
    """Return the error of one cell of ``row``: file, line and column named."""
    return DataError(message, file=path, line=row.line, field=column)


def read_event_types(path: Path) -> tuple[EventTypeRow, ...]:
    """Return the rows of ``event_types.tsv``, in inventory order; DataError when not exact.

    Every type of ``inventory.EVENT_TYPES`` must have exactly one row and no other type any.
    """
    rows = read_table(path, EVENT_TYPE_COLUMNS)
    found: dict[str, Row] = {}
    for row in rows:
        name = row.values["type"]
        if name not in EVENT_TYPES:
            expected = ", ".join(EVENT_TYPES)
            message = f"unknown event type {name!r}; expected one of {expected}"
            raise _cell_error(path, row, "type", message)
        if name in found:
            message = f"event type {name} is listed twice (first on line {found[name].line})"
            raise _cell_error(path, row, "type", message)
        found[name] = row
    missing = [name for name in EVENT_TYPES if name not in found]
    if missing:
        raise DataError(f"no row for event type(s) {', '.join(missing)}", file=path, field="type")
    return tuple(
        EventTypeRow(
            event_type=name,
            ace2005_type=None
            if found[name].values["ace2005_type"] == NO_ACE_TYPE
            else found[name].values["ace2005_type"],
            mapping_note=found[name].values["mapping_note"],
            definition=found[name].values["definition"],
        )
        for name in EVENT_TYPES
    )


LabelMap = Mapping[tuple[str, str], Mapping[str, str]]
"""(layer, field) -> {1.x label: 2.0 label}."""


def read_label_map(path: Path) -> LabelMap:
    """Return the label map at ``path``; DataError when a row names no 2.0 label field.

    ``layer`` and ``field`` must name a label field of a layer (``casualties``,
    ``victim_group``), ``label_2_0`` a label of that field's 2.0 inventory, and a 1.x label
    may appear once per field.
    """
    mapping: dict[tuple[str, str], dict[str, str]] = {}
    for row in read_table(path, LABEL_MAP_COLUMNS):
        layer, field = row.values["layer"], row.values["field"]
        if layer not in LAYERS:
            raise _cell_error(path, row, "layer", f"unknown layer {layer!r}")
        labels = LAYERS[layer].label_fields.get(field)
        if labels is None:
            names = ", ".join(LAYERS[layer].label_fields)
            message = f"{field!r} is no label field of {layer}; expected one of {names}"
            raise _cell_error(path, row, "field", message)
        old, new = row.values["label_1x"], row.values["label_2_0"]
        if new not in labels:
            expected = ", ".join(labels)
            message = f"{new!r} is not a 2.0 label of {layer}.{field}; expected one of {expected}"
            raise _cell_error(path, row, "label_2_0", message)
        of_field = mapping.setdefault((layer, field), {})
        if old in of_field:
            message = f"1.x label {old!r} of {layer}.{field} is mapped twice"
            raise _cell_error(path, row, "label_1x", message)
        of_field[old] = new
    return MappingProxyType({key: MappingProxyType(labels) for key, labels in mapping.items()})
