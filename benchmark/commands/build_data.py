"""``kharkiv-ie build-data``: rebuild the JSONL configs, manifest and card tables from the gold."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmark.errors import DataError
from benchmark.terminal import progress


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``build-data``."""
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="data folder with source/ and annotations/gold/ (default: the repository's data/)",
    )


def run(args: argparse.Namespace) -> int:
    """Build the data; print what was written; exit 2 with one line on bad data."""
    from benchmark.dataset.build import build_data  # imports datasets (the card's features)
    from benchmark.dataset.configs import repository_data_dir

    folder = args.data_dir if args.data_dir is not None else repository_data_dir()
    if folder is None:
        sys.stderr.write(
            "kharkiv-ie build-data: error: no repository checkout around this package: "
            "build-data rebuilds the repository's data/ (give --data-dir FOLDER)\n"
        )
        return 2
    progress("build-data", f"building the JSONL configs, card tables and manifest of {folder} ...")
    try:
        report = build_data(data_dir=folder)
    except DataError as error:
        sys.stderr.write(f"kharkiv-ie build-data: error: {error}\n")
        return 2
    out = sys.stdout
    for path in report.written:
        out.write(f"wrote {path}\n")
    counts = ", ".join(f"{config}={count}" for config, count in report.row_counts.items())
    out.write(f"rows: {counts}\n")
    out.write(f"tokens: {report.token_count}; uncertain sentences: {report.uncertain_sentences}\n")
    out.write(f"flat view: {len(report.dropped)} overlapping span(s) dropped\n")
    for entry in report.dropped:
        drop, kept = entry.dropped, entry.kept
        out.write(
            f"  dropped {entry.doc_id} {drop.column} {drop.label} {drop.item_id} "
            f"{drop.span.start}-{drop.span.end} (overlaps {kept.label} {kept.item_id})\n"
        )
    if report.card_blocks:
        out.write(f"card: refreshed {', '.join(report.card_blocks)} block(s) of README.md\n")
    else:
        out.write("card: no README.md with generated-block markers; card not touched\n")
    return 0
