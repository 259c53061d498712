"""The gold data build: source texts + gold annotation YAMLs -> the six JSONL configs.

Reads ``<data_dir>/source/<doc_id>.txt`` with ``<doc_id>.meta.yaml`` and
``<data_dir>/annotations/gold/<doc_id>.yaml``, and writes
``<out_dir>/<config>/test.jsonl`` for every config in :data:`benchmark.dataset.configs.CONFIGS`
(one JSON object per line, ``ensure_ascii=False``, keys in schema field order,
rows sorted by doc_id then id or sentence, trailing newline) and
``<out_dir>/MANIFEST.sha256`` (``sha256  path`` lines, paths relative to the data
folder, sorted: the JSONL files, the source texts and metadata, the contrast specification
and the tables ``event_types.tsv`` and ``label_map_1x.tsv``). Everything is computed in
memory and written to a temporary folder first; files are moved into place only when all of
them were written.
If ``<data_dir>/README.md`` holds the generated-block markers, the statistics and
manifest tables between them are refreshed (written to ``<out_dir>/README.md``).

When ``<data_dir>/contrast/edits.yaml`` exists, the ``contrast`` split is built in the
same pass (:mod:`benchmark.dataset.contrast.build`) and written as ``<config>/contrast.jsonl``;
both splits are staged together and moved into place only when both were built.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from benchmark.dataset import features
from benchmark.dataset.annotation_source import load_annotation_file
from benchmark.dataset.configs import CARD_NAME, CONFIGS, LABEL_FIELDS, MANIFEST_NAME, data_file
from benchmark.dataset.contrast.build import build_contrast
from benchmark.dataset.document_rows import document_rows, id_order
from benchmark.dataset.documents import build_document, check_text_hash, load_meta, read_text
from benchmark.dataset.layers import LAYERS, TAG_COLUMNS
from benchmark.dataset.splits import CONTRAST_SPLIT, MAIN_SPLIT
from benchmark.dataset.tables import EVENT_TYPES_FILE, LABEL_MAP_FILE
from benchmark.dataset.tokens_view import DroppedSpan
from benchmark.errors import DataError

CONTRAST_SPEC = Path(CONTRAST_SPLIT.spec)
"""The contrast edit specification, relative to the data folder."""
TABLES = (Path(EVENT_TYPES_FILE), Path(LABEL_MAP_FILE))
"""The dataset's tables (:mod:`benchmark.dataset.tables`), listed in the manifest."""
CONTRAST_MARKERS = ("<!-- generated:contrast:start -->", "<!-- generated:contrast:end -->")
STATISTICS_MARKERS = ("<!-- generated:statistics:start -->", "<!-- generated:statistics:end -->")
MANIFEST_MARKERS = ("<!-- generated:manifest:start -->", "<!-- generated:manifest:end -->")


@dataclasses.dataclass(frozen=True)
class BuildReport:
    """What a build wrote and what the data holds."""

    written: tuple[Path, ...]
    """Files written (absolute paths), in writing order."""
    row_counts: dict[str, int]
    """Number of rows per config."""
    label_counts: dict[str, dict[str, dict[str, int]]]
    """config -> label field -> label -> count (all inventory labels, zeros included);
    for the token tag fields, the number of tagged spans (``B-`` tags) per type."""
    token_count: int
    """Number of tokens in the ``tokens`` config."""
    uncertain_sentences: int
    """Number of sentences flagged ``uncertain``."""
    dropped: tuple[DroppedSpan, ...]
    """Spans the flat view left out (overlap policy of ``benchmark.dataset.tokens_view``)."""
    manifest: tuple[tuple[str, str], ...]
    """(sha256, path relative to the data folder) of every manifest entry, sorted by path."""
    card_blocks: tuple[str, ...]
    """Generated blocks of the card that were refreshed (empty when there is no card)."""
    contrast_row_counts: dict[str, int] = dataclasses.field(default_factory=dict)
    """Number of rows per config in the contrast split (empty when it is not built)."""
    contrast_phenomena: tuple[tuple[str, str, int, int], ...] = ()
    """(phenomenon, layer, groups, documents) of the contrast split, in spec order."""


def build_data(*, data_dir: Path, out_dir: Path | None = None) -> BuildReport:
    """Build every config from the gold annotations; see the module docstring."""
    data_dir = Path(data_dir).resolve()
    out_dir = data_dir if out_dir is None else Path(out_dir).resolve()
    rows, dropped = collect_rows(data_dir=data_dir)
    files = {data_file(config, split=MAIN_SPLIT): serialize(rows[config]) for config in CONFIGS}
    contrast = None
    if (data_dir / CONTRAST_SPEC).is_file():
        contrast = build_contrast(data_dir=data_dir)
        files.update(
            {
                data_file(config, split=CONTRAST_SPLIT.name): serialize(contrast.rows[config])
                for config in CONFIGS
            }
        )
    counts, token_count, uncertain = statistics(rows)
    source_hashes = [
        (_sha256(path.read_bytes()), f"source/{path.name}")
        for path in sorted((data_dir / "source").iterdir())
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
            row_counts={config: len(rows[config]) for config in CONFIGS},
            label_counts=counts,
            token_count=token_count,
            uncertain_sentences=uncertain,
            dropped=tuple(dropped),
            manifest=manifest,
            card_blocks=(),
            contrast_row_counts=(
                {config: len(contrast.rows[config]) for config in CONFIGS} if contrast else {}
            ),
            contrast_phenomena=_phenomena(contrast) if contrast else (),
        )
        staged = [*files, MANIFEST_NAME]
        card, blocks = refresh_card(data_dir / CARD_NAME, report=report)
        if card is None and (data_dir / CARD_NAME).is_file():
            card = read_text(data_dir / CARD_NAME)
        if card is not None:
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


def contrast_markdown(report: BuildReport) -> str:
    """Return the markdown block describing the contrast split."""
    if not report.contrast_row_counts:
        return "The contrast split is not built (no `contrast/edits.yaml`)."
    groups = sum(entry[2] for entry in report.contrast_phenomena)
    documents = sum(entry[3] for entry in report.contrast_phenomena)
    lines = [
        f"{groups} groups, {documents} documents ({groups} originals, "
        f"{documents - groups} edited variants).",
        "",
        "| phenomenon | layer judged | groups | documents |",
        "|---|---|---:|---:|",
    ]
    lines += [f"| `{n}` | {layer} | {g} | {d} |" for n, layer, g, d in report.contrast_phenomena]
    lines += ["", "| config | contrast rows |", "|---|---:|"]
    lines += [f"| {config} | {n} |" for config, n in report.contrast_row_counts.items()]
    return "\n".join(lines)


def collect_rows(*, data_dir: Path) -> tuple[dict[str, list[dict]], list[DroppedSpan]]:
    """Parse every source document and its gold; return rows per config and dropped spans."""
    source_dir = data_dir / "source"
    gold_dir = data_dir / "annotations" / "gold"
    if not source_dir.is_dir():
        raise DataError("source folder does not exist", file=source_dir)
    if not gold_dir.is_dir():
        raise DataError("gold annotation folder does not exist", file=gold_dir)
    texts = sorted(source_dir.glob("*.txt"))
    if not texts:
        raise DataError("no source text (*.txt) found", file=source_dir)
    known = {path.stem for path in texts}
    for path in sorted(gold_dir.glob("*.yaml")):
        if path.stem not in known:
            raise DataError(f"no source text {path.stem}.txt for this gold file", file=path)
    rows: dict[str, list[dict]] = {config: [] for config in CONFIGS}
    dropped: list[DroppedSpan] = []
    for text_path in texts:
        doc_id = text_path.stem
        meta_path = source_dir / f"{doc_id}.meta.yaml"
        gold_path = gold_dir / f"{doc_id}.yaml"
        if not meta_path.is_file():
            raise DataError(f"no metadata file {meta_path.name}", file=text_path)
        if not gold_path.is_file():
            raise DataError(f"no gold annotations {gold_path.name} for this text", file=text_path)
        text = read_text(text_path)
        meta = load_meta(meta_path, doc_id=doc_id)
        check_text_hash(text, meta, file=meta_path)
        gold = load_annotation_file(gold_path, text=text)
        document = build_document(
            doc_id,
            text,
            meta,
            hedges=gold.annotations.hedges,
            meta_file=meta_path,
        )
        document_config_rows, document_dropped = document_rows(document, gold)
        dropped.extend(document_dropped)
        for config, config_rows in document_config_rows.items():
            rows[config].extend(config_rows)
    for config, config_rows in rows.items():
        config_rows.sort(key=lambda row, c=config: _row_order(c, row))
    return rows, dropped


def _row_order(config: str, row: dict) -> tuple:
    """Sort key: doc_id, then numeric id (``E2`` before ``E10``) or sentence id."""
    if config in LAYERS:
        return (row["doc_id"], *id_order(row[LAYERS[config].id_field]))
    return (row["doc_id"], row.get("sentence_id", 0), "")


def serialize(rows: list[dict]) -> bytes:
    """Return the JSONL bytes of ``rows``: one object per line, trailing newline."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")


def statistics(
    rows: dict[str, list[dict]],
) -> tuple[dict[str, dict[str, dict[str, int]]], int, int]:
    """Return (label counts, token count, uncertain sentence count) of the built rows."""
    counts: dict[str, dict[str, dict[str, int]]] = {}
    for config, fields in LABEL_FIELDS.items():
        counts[config] = {}
        for field, names in fields.items():
            if field in TAG_COLUMNS:
                tags = Counter(tag for row in rows[config] for tag in row[field])
                types = [name[2:] for name in names if name.startswith("B-")]
                counts[config][field] = {name: tags[f"B-{name}"] for name in types}
                continue
            values = Counter(_field_values(rows[config], field))
            counts[config][field] = {name: values[name] for name in names}
    token_count = sum(len(row["tokens"]) for row in rows["tokens"])
    uncertain = sum(1 for row in rows["tokens"] if row["uncertain"])
    return counts, token_count, uncertain


def _field_values(rows: list[dict], field: str) -> list[Any]:
    """Return the values of ``field`` (``a.b``: key b of every element of list a)."""
    if "." not in field:
        return [row[field] for row in rows]
    outer, inner = field.split(".", 1)
    return [element[inner] for row in rows for element in row[outer]]


def statistics_markdown(report: BuildReport) -> str:
    """Return the markdown statistics block of the card."""
    lines = ["| config | rows |", "|---|---:|"]
    lines += [f"| {config} | {count} |" for config, count in report.row_counts.items()]
    lines += [
        "",
        f"The `tokens` config holds {report.token_count} tokens; "
        f"{report.uncertain_sentences} of {report.row_counts['tokens']} sentences are `uncertain`.",
        "",
        "Labels (for the `*_tags` fields: number of `B-` tags per type; a span split across "
        "two sentences counts once per sentence):",
        "",
        "| config | field | label | count |",
        "|---|---|---|---:|",
    ]
    for config, fields in report.label_counts.items():
        for field, labels in fields.items():
            lines += [f"| {config} | {field} | {label} | {n} |" for label, n in labels.items()]
    lines.append("")
    if not report.dropped:
        lines.append("The `tokens` view dropped no span: no two spans of one tag column overlap.")
    else:
        lines += [
            f"The `tokens` view dropped {len(report.dropped)} overlapping span(s) "
            "(policy in `benchmark/dataset/tokens_view.py`); they remain in the layer configs:",
            "",
        ]
        for entry in report.dropped:
            drop, kept = entry.dropped, entry.kept
            lines.append(
                f"- {entry.doc_id}, `{drop.column}`: {drop.label} of {drop.item_id} "
                f"{_quote(drop.span.text)} ({drop.span.start}-{drop.span.end}) overlaps "
                f"{kept.label} of {kept.item_id} ({kept.span.start}-{kept.span.end})"
            )
    return "\n".join(lines)


def manifest_markdown(report: BuildReport) -> str:
    """Return the markdown manifest block of the card."""
    lines = [
        f"SHA-256 of the data files (paths relative to `data/`; also in `data/{MANIFEST_NAME}`):",
        "",
        "| file | sha256 |",
        "|---|---|",
    ]
    lines += [f"| `{path}` | `{digest}` |" for digest, path in report.manifest]
    return "\n".join(lines)


def refresh_card(path: Path, *, report: BuildReport) -> tuple[str | None, list[str]]:
    """Return (new card text, refreshed block names); (None, []) when nothing to refresh."""
    if not path.is_file():
        return None, []
    card = read_text(path)
    refreshed = []
    for name, markers, body in (
        ("statistics", STATISTICS_MARKERS, statistics_markdown(report)),
        ("manifest", MANIFEST_MARKERS, manifest_markdown(report)),
        ("contrast", CONTRAST_MARKERS, contrast_markdown(report)),
    ):
        start_marker, end_marker = markers
        start = card.find(start_marker)
        end = card.find(end_marker, start + len(start_marker)) if start >= 0 else -1
        if start < 0 or end < 0:
            continue
        head = card[: start + len(start_marker)]
        card = f"{head}\n{body}\n{card[end:]}"
        refreshed.append(name)
    return (card, refreshed) if refreshed else (None, [])


def _quote(text: str) -> str:
    """Quote a span text for a markdown list, shortened when long."""
    short = text if len(text) <= 60 else text[:57] + "..."
    return '"' + short.replace("|", "\\|").replace("\n", " ") + '"'


def _sha256(payload: bytes) -> str:
    """Return the hex SHA-256 of ``payload``."""
    return hashlib.sha256(payload).hexdigest()


def _write(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path``, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(payload)
