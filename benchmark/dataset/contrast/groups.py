"""Group membership of the contrast split, derived from ``data/contrast/edits.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from benchmark.dataset.configs import resolve_data_dir
from benchmark.dataset.contrast.spec import ContrastGroup, ContrastSpec, load_spec
from benchmark.dataset.splits import CONTRAST_SPLIT

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


def contrast_groups(*, data_dir: str | Path | None = None) -> tuple[GroupInfo, ...]:
    """Return every group of the spec in ``data_dir`` (default: the package's data folder)."""
    spec = load_spec(resolve_data_dir(data_dir) / SPEC_PATH)
    return tuple(
        GroupInfo(g.group, g.phenomenon, g.layer, group_doc_ids(spec, g)) for g in spec.groups
    )
