"""Group membership of the contrast split, derived from ``data/contrast/edits.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from benchmark.dataset.configs import resolve_data_dir
from benchmark.dataset.contrast.spec import ContrastGroup, ContrastSpec, parse_spec
from benchmark.dataset.gold import verified_bytes
from benchmark.dataset.splits import CONTRAST_SPLIT
from benchmark.errors import DataError

SPEC_PATH = Path(CONTRAST_SPLIT.spec)
"""The edit specification, relative to the data folder."""

ORIGINAL = "orig"
"""Item part of the doc_id of a group's unedited paragraph."""


@dataclass(frozen=True)
class GroupInfo:
    """One contrast group as the consistency metric needs it."""

    group: str
    """Group id (``c01``)."""
    phenomenon: str
    """Phenomenon the group's edits flip."""
    layer: str
    """Gold layer judged for consistency."""
    doc_ids: tuple[str, ...]
    """Documents of the group: the original first, then the edits in spec order."""


def doc_id_of(source_doc: str, group: str, item: str) -> str:
    """Return the contrast doc_id ``<source>-<group>-<item>`` (item ``orig`` or ``e<n>``)."""
    return f"{source_doc}-{group}-{item}"


def group_doc_ids(spec: ContrastSpec, group: ContrastGroup) -> tuple[str, ...]:
    """Return the doc_ids of ``group``: original first."""
    items = [ORIGINAL, *(item.item_id for item in group.items)]
    return tuple(doc_id_of(spec.doc_id, group.group, item) for item in items)


def verified_spec(*, data_dir: str | Path | None = None) -> ContrastSpec:
    """Return the spec of ``data_dir`` (default: the gold folder), checked by the manifest."""
    folder = resolve_data_dir(data_dir)
    data = verified_bytes(folder, SPEC_PATH.as_posix())
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataError(f"not UTF-8: {error.reason}", file=folder / SPEC_PATH) from None
    return parse_spec(text, file=folder / SPEC_PATH)


def contrast_groups(*, data_dir: str | Path | None = None) -> tuple[GroupInfo, ...]:
    """Return every group of the spec in ``data_dir`` (default: the gold folder)."""
    spec = verified_spec(data_dir=data_dir)
    return tuple(
        GroupInfo(g.group, g.phenomenon, g.layer, group_doc_ids(spec, g)) for g in spec.groups
    )
