"""The gold data build: source texts + gold annotation YAMLs -> the six JSONL configs per split.

For every annotations split of :mod:`benchmark.dataset.splits` (the main split always, another
once its gold folder exists) the documents of its source folder and their gold
(:mod:`benchmark.dataset.corpus`) become ``<out_dir>/<config>/<split>.jsonl`` for every config
in :data:`benchmark.dataset.configs.CONFIGS` (one JSON object per line, ``ensure_ascii=False``,
keys in schema field order, rows sorted by doc_id then id or sentence, trailing newline). When
``<data_dir>/contrast/edits.yaml`` exists, the ``contrast`` split is built in the same pass
(:mod:`benchmark.dataset.contrast.build`). ``<out_dir>/MANIFEST.sha256`` lists ``sha256  path``
(paths relative to the data folder, sorted) of the JSONL files, of every file of the splits'
source folders (texts and metadata), of the contrast specification and of the tables
``event_types.tsv`` and ``label_map_1x.tsv``.

Everything is computed in memory and written to a temporary folder first; files are moved into
place only when all of them were written. If ``<data_dir>/README.md`` holds generated-block
markers (:mod:`benchmark.dataset.card`), the statistics, provenance, manifest and contrast
blocks, and any block handed in ``card_blocks``, are refreshed, and its YAML front matter is
regenerated from the staged files.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from benchmark.dataset import card as card_blocks_module
from benchmark.dataset import features
from benchmark.dataset.configs import CARD_NAME, CONFIGS, MANIFEST_NAME, data_file
from benchmark.dataset.contrast.build import build_contrast
from benchmark.dataset.corpus import collect_rows
from benchmark.dataset.documents import read_text
from benchmark.dataset.splits import ANNOTATION_SPLITS, CONTRAST_SPLIT, MAIN_SPLIT, SPLITS
from benchmark.dataset.statistics import SplitStatistics, split_statistics
from benchmark.dataset.tables import EVENT_TYPES_FILE, LABEL_MAP_FILE
from benchmark.dataset.tokens_view import DroppedSpan

CONTRAST_SPEC = Path(CONTRAST_SPLIT.spec)
"""The contrast edit specification, relative to the data folder."""
TABLES = (Path(EVENT_TYPES_FILE), Path(LABEL_MAP_FILE))
"""The dataset's tables (:mod:`benchmark.dataset.tables`), listed in the manifest."""


@dataclasses.dataclass(frozen=True)
class BuildReport:
    """What a build wrote and what the data holds."""

    written: tuple[Path, ...]
    """Files written (absolute paths), in writing order."""
    statistics: tuple[SplitStatistics, ...]
    """The counts of every split built, in split-table order."""
    manifest: tuple[tuple[str, str], ...]
    """(sha256, path relative to the data folder) of every manifest entry, sorted by path."""
    card_blocks: tuple[str, ...]
    """Generated blocks of the card that were refreshed (empty when there is no card)."""
    contrast_phenomena: tuple[tuple[str, str, int, int], ...] = ()
    """(phenomenon, layer, groups, documents) of the contrast split, in spec order."""

    def split(self, name: str) -> SplitStatistics | None:
        """Return the statistics of split ``name``, or None when it was not built."""
        return next((s for s in self.statistics if s.split == name), None)

    @property
    def row_counts(self) -> Mapping[str, int]:
        """Number of rows per config of the main split."""
        return self.split(MAIN_SPLIT).row_counts

    @property
    def label_counts(self) -> Mapping[str, Mapping[str, Mapping[str, int]]]:
        """Label counts of the main split (:attr:`SplitStatistics.label_counts`)."""
        return self.split(MAIN_SPLIT).label_counts

    @property
    def token_count(self) -> int:
        """Number of tokens of the main split."""
        return self.split(MAIN_SPLIT).token_count

    @property
    def uncertain_sentences(self) -> int:
        """Number of ``uncertain`` sentences of the main split."""
        return self.split(MAIN_SPLIT).uncertain_sentences

    @property
    def dropped(self) -> tuple[DroppedSpan, ...]:
        """Spans the flat view left out, every split."""
        return tuple(entry for s in self.statistics for entry in s.dropped)

    @property
    def contrast_row_counts(self) -> Mapping[str, int]:
        """Number of rows per config of the contrast split (empty when it is not built)."""
        found = self.split(CONTRAST_SPLIT.name)
        return found.row_counts if found is not None else {}


def built_splits(data_dir: Path) -> tuple[str, ...]:
    """Return the splits a build of ``data_dir`` makes: the main one and each one declared."""
    return tuple(
        name
        for name, spec in SPLITS.items()
        if name == MAIN_SPLIT
        or (spec.declared_by is not None and (Path(data_dir) / spec.declared_by).exists())
    )


def build_data(
    *, data_dir: Path, out_dir: Path | None = None, card_blocks: Mapping[str, str] | None = None
) -> BuildReport:
    """Build every config of every split from the gold annotations; see the module docstring.

    ``card_blocks``: block name -> body of further generated blocks of the card (the
    agreement tables), refreshed with the others.
    """
    data_dir = Path(data_dir).resolve()
    out_dir = data_dir if out_dir is None else Path(out_dir).resolve()
    files: dict[str, bytes] = {}
    statistics: dict[str, SplitStatistics] = {}
    contrast = None
    sources = []
    for split in built_splits(data_dir):
        if split in ANNOTATION_SPLITS:
            built = collect_rows(data_dir=data_dir, split=split)
            rows, dropped = built.rows, built.dropped
            provenance = {d.doc_id: d.meta["provenance"] for d in built.documents}
            sources.append(SPLITS[split].source)
        else:
            contrast = build_contrast(data_dir=data_dir)
            rows, dropped, provenance = contrast.rows, contrast.dropped, {}
        files.update({data_file(c, split=split): serialize(rows[c]) for c in CONFIGS})
        statistics[split] = split_statistics(
            split, rows, provenance=provenance, dropped=tuple(dropped)
        )
    source_hashes = [
        (_sha256(path.read_bytes()), path.relative_to(data_dir).as_posix())
        for folder in dict.fromkeys(sources)
        for path in sorted((data_dir / folder).iterdir())
        if path.is_file() and not path.name.startswith(".")
    ]
    for relative in (CONTRAST_SPEC, *TABLES):
        if (data_dir / relative).is_file():
            digest = _sha256((data_dir / relative).read_bytes())
            source_hashes.append((digest, relative.as_posix()))
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=out_dir))
    try:
        for relative, payload in files.items():
            _write(staging / relative, payload)
        # The manifest describes the files as written, so hash them back from disk.
        manifest = tuple(
            sorted(
                [(_sha256((staging / relative).read_bytes()), relative) for relative in files]
                + source_hashes,
                key=lambda entry: entry[1],
            )
        )
        _write(staging / MANIFEST_NAME, "".join(f"{h}  {p}\n" for h, p in manifest).encode())
        report = BuildReport(
            written=(),
            statistics=tuple(statistics.values()),
            manifest=manifest,
            card_blocks=(),
            contrast_phenomena=_phenomena(contrast) if contrast else (),
        )
        staged = [*files, MANIFEST_NAME]
        blocks: list[str] = []
        if (data_dir / CARD_NAME).is_file():
            card, blocks = refresh_card(
                read_text(data_dir / CARD_NAME), report=report, extra=card_blocks or {}
            )
            # The card's YAML declares split sizes, which datasets verifies on load: refresh it
            # from the staged files so a rebuilt dataset never ships a stale header.
            card = features.card_with_yaml(card, features.render_card_yaml(data_dir=staging))
            _write(staging / CARD_NAME, card.encode("utf-8"))
            staged.append(CARD_NAME)
        written = []
        for relative in staged:
            target = out_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / relative, target)
            written.append(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return dataclasses.replace(report, written=tuple(written), card_blocks=tuple(blocks))


def _phenomena(contrast) -> tuple[tuple[str, str, int, int], ...]:
    """Return (phenomenon, layer, groups, documents) per phenomenon, in spec order."""
    found: dict[tuple[str, str], list[int]] = {}
    for group in contrast.spec.groups:
        counts = found.setdefault((group.phenomenon, group.layer), [0, 0])
        counts[0] += 1
        counts[1] += 1 + len(group.items)
    return tuple((name, layer, g, d) for (name, layer), (g, d) in found.items())


def refresh_card(
    card: str, *, report: BuildReport, extra: Mapping[str, str]
) -> tuple[str, list[str]]:
    """Return the card text with its generated blocks refreshed, and the names refreshed."""
    bodies = {
        "statistics": card_blocks_module.statistics_markdown(report.statistics),
        "provenance": card_blocks_module.provenance_markdown(report.statistics),
        "manifest": card_blocks_module.manifest_markdown(report.manifest),
        "contrast": card_blocks_module.contrast_markdown(
            report.contrast_phenomena, report.contrast_row_counts
        ),
        **extra,
    }
    return card_blocks_module.refresh(card, bodies)


def serialize(rows: list[dict]) -> bytes:
    """Return the JSONL bytes of ``rows``: one object per line, trailing newline."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")


def _sha256(payload: bytes) -> str:
    """Return the hex SHA-256 of ``payload``."""
    return hashlib.sha256(payload).hexdigest()


def _write(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path``, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(payload)
