"""The gold splits: ONE table, read by the build, loaders, checks, scorer, pipeline, leaderboard.

A split is a set of JSONL files ``<config>/<split>.jsonl``. How it is made is its ``kind``:
``annotations`` (source texts plus the adjudicated gold annotations, :mod:`benchmark.dataset.
build`) or ``contrast`` (minimal edits of the test paragraphs declared in ``spec``,
:mod:`benchmark.dataset.contrast`). The main split is always present; the others exist once
built (their spec or a file of theirs is in the folder).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from benchmark.errors import DataError

ANNOTATIONS = "annotations"
"""Split kind: built from ``source/`` and ``annotations/gold/``."""
CONTRAST = "contrast"
"""Split kind: built from the edit specification ``spec`` over the main split's gold."""


@dataclass(frozen=True)
class SplitSpec:
    """One gold split."""

    name: str
    """Split name (``test``): file stem of its JSONL files."""
    kind: str
    """How it is built: ``ANNOTATIONS`` or ``CONTRAST``."""
    description: str
    """One line, for help texts."""
    spec: str | None = None
    """File (relative to the data folder) that declares the split, when there is one."""


TEST = SplitSpec("test", ANNOTATIONS, "the adjudicated article (the whole corpus is a test set)")
CONTRAST_SPLIT = SplitSpec(
    "contrast",
    CONTRAST,
    "minimal edits of the test paragraphs, one phenomenon flipped at a time",
    spec="contrast/edits.yaml",
)

SPLITS: Mapping[str, SplitSpec] = MappingProxyType({s.name: s for s in (TEST, CONTRAST_SPLIT)})
"""Split name -> spec, in card and page order."""

SPLIT_NAMES: tuple[str, ...] = tuple(SPLITS)
"""Every split name, in card order."""

MAIN_SPLIT = TEST.name
"""The split loaded by default; its results files carry no split suffix."""


def split(name: str) -> SplitSpec:
    """Return the spec of ``name``; DataError naming the splits for any other name."""
    if name not in SPLITS:
        raise DataError(
            f"unknown split {name!r}; expected one of {list(SPLIT_NAMES)}", field="split"
        )
    return SPLITS[name]


def page_order(names: set[str] | frozenset[str]) -> list[str]:
    """Return split names in table order, names outside the table after them, sorted."""
    return [n for n in SPLIT_NAMES if n in names] + sorted(n for n in names if n not in SPLITS)
