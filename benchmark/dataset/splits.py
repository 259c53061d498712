"""The gold splits: ONE table, read by the build, loaders, checks, scorer, pipeline, leaderboard.

A split is a set of JSONL files ``<config>/<split>.jsonl``. How it is made is its ``kind``:
``annotations`` (source texts plus adjudicated gold annotations, :mod:`benchmark.dataset.build`)
or ``contrast`` (minimal edits of the test paragraphs declared in ``spec``,
:mod:`benchmark.dataset.contrast`).

An annotations split reads its documents from its ``source`` folder (``<doc_id>.txt`` and
``<doc_id>.meta.yaml``) and their gold from its ``gold`` folder (``<doc_id>.yaml``). Several
splits may share a folder: a document belongs to the split named by the ``split`` key of its
metadata (a metadata file without the key belongs to the main split). ``passes`` names the two
independent annotation passes made before adjudication, which ``kharkiv-ie agreement`` compares.

The main split is always present; another exists once it is declared in the folder (its
``spec`` file or its ``gold`` folder) or a file of it is there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from benchmark.errors import DataError

ANNOTATIONS = "annotations"
"""Split kind: built from a source folder and a gold annotation folder."""
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
    """One line, for help texts and the card."""
    spec: str | None = None
    """File (relative to the data folder) that declares a contrast split."""
    source: str | None = None
    """Folder of the source texts and metadata of an annotations split (relative)."""
    gold: str | None = None
    """Folder of the adjudicated gold YAML files of an annotations split (relative)."""
    passes: tuple[str, str] | None = None
    """The two pre-adjudication pass folders (relative), first and second; None when none."""
    held_out: bool = False
    """True for a held-out test split: no system may be developed or tuned on it."""

    @property
    def declared_by(self) -> str | None:
        """The path whose presence in a data folder declares the split (None: always there)."""
        if self.kind == CONTRAST:
            return self.spec
        return None if self.name == MAIN_SPLIT else self.gold


TEST = SplitSpec(
    "test",
    ANNOTATIONS,
    "the Kharkiv article, adjudicated (one document)",
    source="source",
    gold="annotations/gold",
    passes=("annotations/first_pass", "annotations/second_pass"),
)
CONTRAST_SPLIT = SplitSpec(
    "contrast",
    CONTRAST,
    "minimal edits of the test paragraphs, one phenomenon flipped at a time",
    spec="contrast/edits.yaml",
)
WIKINEWS_DEV = SplitSpec(
    "wikinews_dev",
    ANNOTATIONS,
    "16 Italian Wikinews passages, adjudicated: for development",
    source="source/wikinews",
    gold="annotations/wikinews/gold",
    passes=("annotations/wikinews/pass_a", "annotations/wikinews/pass_b"),
)
WIKINEWS_TEST = SplitSpec(
    "wikinews_test",
    ANNOTATIONS,
    "32 Italian Wikinews passages, adjudicated: held out",
    source="source/wikinews",
    gold="annotations/wikinews/gold",
    passes=("annotations/wikinews/pass_a", "annotations/wikinews/pass_b"),
    held_out=True,
)

SPLITS: Mapping[str, SplitSpec] = MappingProxyType(
    {s.name: s for s in (TEST, CONTRAST_SPLIT, WIKINEWS_DEV, WIKINEWS_TEST)}
)
"""Split name -> spec, in card and page order."""

SPLIT_NAMES: tuple[str, ...] = tuple(SPLITS)
"""Every split name, in card order."""

MAIN_SPLIT = TEST.name
"""The split loaded by default; its results files carry no split suffix."""

ANNOTATION_SPLITS: tuple[str, ...] = tuple(s.name for s in SPLITS.values() if s.kind == ANNOTATIONS)
"""The splits built from source texts and gold annotations, in card order."""


def split(name: str) -> SplitSpec:
    """Return the spec of ``name``; DataError naming the splits for any other name."""
    if name not in SPLITS:
        raise DataError(
            f"unknown split {name!r}; expected one of {list(SPLIT_NAMES)}", field="split"
        )
    return SPLITS[name]


def splits_of_source(source: str) -> tuple[str, ...]:
    """Return the annotations splits whose documents live in the folder ``source``."""
    return tuple(name for name in ANNOTATION_SPLITS if SPLITS[name].source == source)


def page_order(names: set[str] | frozenset[str]) -> list[str]:
    """Return split names in table order, names outside the table after them, sorted."""
    return [n for n in SPLIT_NAMES if n in names] + sorted(n for n in names if n not in SPLITS)
