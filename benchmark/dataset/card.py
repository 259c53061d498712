"""The generated blocks of the dataset card (``data/README.md``) and how they are refreshed.

A block sits between ``<!-- generated:NAME:start -->`` and ``<!-- generated:NAME:end -->``;
everything else in the card is prose. :mod:`benchmark.dataset.build` renders the blocks made
from the data (``statistics``, ``provenance``, ``manifest``, ``contrast``) and refreshes them
with any block handed to it (``agreement``, rendered by ``kharkiv-ie build-data`` from the
annotation passes). A block whose markers are absent is left out; no span text of any split
is written into a block (ids and offsets only).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from benchmark.dataset.configs import MANIFEST_NAME
from benchmark.dataset.statistics import SplitStatistics

_BLOCK = re.compile(
    r"<!-- generated:(?P<name>[a-z_]+):start -->\n?"
    r"(?P<body>.*?)\n?<!-- generated:(?P=name):end -->",
    re.DOTALL,
)


def markers(name: str) -> tuple[str, str]:
    """Return the start and end markers of block ``name``."""
    return f"<!-- generated:{name}:start -->", f"<!-- generated:{name}:end -->"


def blocks_of(card: str) -> dict[str, str]:
    """Return block name -> its body as written in ``card`` (without the markers)."""
    return {match["name"]: match["body"] for match in _BLOCK.finditer(card)}


def refresh(card: str, bodies: Mapping[str, str]) -> tuple[str, list[str]]:
    """Return ``card`` with the blocks of ``bodies`` replaced, and the names refreshed."""
    refreshed = []
    for name, body in bodies.items():
        start_marker, end_marker = markers(name)
        start = card.find(start_marker)
        end = card.find(end_marker, start + len(start_marker)) if start >= 0 else -1
        if start < 0 or end < 0:
            continue
        head = card[: start + len(start_marker)]
        card = f"{head}\n{body}\n{card[end:]}"
        refreshed.append(name)
    return card, refreshed


def _row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def statistics_markdown(splits: Sequence[SplitStatistics]) -> str:
    """Return the statistics block: counts and labels with one column per split."""
    names = [f"`{s.split}`" for s in splits]
    lines = [_row(["", *names]), "|---|" + "---:|" * len(splits)]
    lines.append(_row(["documents", *(len(s.documents) for s in splits)]))
    lines.append(_row(["sentences", *(s.sentence_count for s in splits)]))
    lines.append(_row(["tokens", *(s.token_count for s in splits)]))
    lines.append(_row(["uncertain sentences", *(s.uncertain_sentences for s in splits)]))
    layers = [c for c in splits[0].row_counts if c not in ("documents", "tokens")]
    lines += [
        _row([f"{layer} (items)", *(s.row_counts[layer] for s in splits)]) for layer in layers
    ]
    lines += [
        "",
        "Labels (for the `*_tags` fields: number of `B-` tags per type; a span split across "
        "two sentences counts once per sentence):",
        "",
        _row(["config", "field", "label", *names]),
        "|---|---|---|" + "---:|" * len(splits),
    ]
    first = splits[0].label_counts
    for config, fields in first.items():
        for field, labels in fields.items():
            for label in labels:
                counts = [s.label_counts[config][field][label] for s in splits]
                lines.append(_row([config, field, label, *counts]))
    lines.append("")
    dropped = [(s.split, entry) for s in splits for entry in s.dropped]
    if not dropped:
        lines.append("The `tokens` view dropped no span: no two spans of one tag column overlap.")
        return "\n".join(lines)
    lines += [
        f"The `tokens` view dropped {len(dropped)} overlapping span(s) "
        "(policy in `benchmark/dataset/tokens_view.py`); they remain in the layer configs:",
        "",
    ]
    for split, entry in dropped:
        drop, kept = entry.dropped, entry.kept
        lines.append(
            f"- `{split}`, {entry.doc_id}, `{drop.column}`: {drop.label} of {drop.item_id} "
            f"({drop.span.start}-{drop.span.end}) overlaps {kept.label} of {kept.item_id} "
            f"({kept.span.start}-{kept.span.end})"
        )
    return "\n".join(lines)


def provenance_markdown(splits: Sequence[SplitStatistics]) -> str:
    """Return the provenance block: one row per document whose metadata has a provenance."""
    rows = [(s.split, d) for s in splits for d in s.documents if d.provenance is not None]
    if not rows:
        return "No document was taken from another corpus."
    files: dict[tuple[str, str, str, str], int] = {}
    for split, document in rows:
        p = document.provenance
        key = (p["corpus"], p["commit"], p["file"], split)
        files[key] = files.get(key, 0) + 1
    lines = [
        "| corpus | commit | file | split | documents |",
        "|---|---|---|---|---:|",
        *(
            _row([corpus, f"`{commit}`", f"`{file}`", f"`{split}`", n])
            for (corpus, commit, file, split), n in sorted(files.items())
        ),
        "",
        f"{len(rows)} documents taken from another corpus (from the `provenance` key of their "
        "metadata; `first sentence`: 0-based index of the corpus sentence the text starts with, "
        "in the corpus file; `corpus sentences`: how many it holds; `sentences` and `tokens`: "
        "this dataset's segmentation):",
        "",
        "| doc_id | split | corpus | commit | file | first sentence | corpus sentences | "
        "sentences | tokens |",
        "|---|---|---|---|---|---:|---:|---:|---:|",
    ]
    for split, document in sorted(rows, key=lambda entry: entry[1].doc_id):
        p = document.provenance
        lines.append(
            _row(
                [
                    document.doc_id,
                    f"`{split}`",
                    f"[{p['corpus']}]({p['repository']})",
                    f"`{p['commit']}`",
                    f"`{p['file']}`",
                    p["first_sentence"],
                    p["n_sentences"],
                    document.sentences,
                    document.tokens,
                ]
            )
        )
    return "\n".join(lines)


def manifest_markdown(manifest: Sequence[tuple[str, str]]) -> str:
    """Return the manifest block from (sha256, path) entries."""
    lines = [
        f"SHA-256 of the data files (paths relative to `data/`; also in `data/{MANIFEST_NAME}`):",
        "",
        "| file | sha256 |",
        "|---|---|",
    ]
    lines += [f"| `{path}` | `{digest}` |" for digest, path in manifest]
    return "\n".join(lines)


def contrast_markdown(
    phenomena: Sequence[tuple[str, str, int, int]], row_counts: Mapping[str, int]
) -> str:
    """Return the contrast block: groups and documents per phenomenon, rows per config."""
    if not row_counts:
        return "The contrast split is not built (no `contrast/edits.yaml`)."
    groups = sum(entry[2] for entry in phenomena)
    documents = sum(entry[3] for entry in phenomena)
    lines = [
        f"{groups} groups, {documents} documents ({groups} originals, "
        f"{documents - groups} edited variants).",
        "",
        "| phenomenon | layer judged | groups | documents |",
        "|---|---|---:|---:|",
    ]
    lines += [f"| `{n}` | {layer} | {g} | {d} |" for n, layer, g, d in phenomena]
    lines += ["", "| config | contrast rows |", "|---|---:|"]
    lines += [f"| {config} | {n} |" for config, n in row_counts.items()]
    return "\n".join(lines)
