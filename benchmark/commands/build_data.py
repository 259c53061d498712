"""``kharkiv-ie build-data``: rebuild the JSONL configs, manifest and card blocks from the YAML."""

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
        help="data folder with source/ and annotations/ (default: the repository's data/)",
    )


def run(args: argparse.Namespace) -> int:
    """Build the data; print what was written; exit 2 with one line on bad data."""
    from benchmark.dataset.build import build_data  # imports datasets (the card's features)
    from benchmark.dataset.configs import repository_data_dir
    from benchmark.presentation.agreement import card_blocks

    folder = args.data_dir if args.data_dir is not None else repository_data_dir()
    if folder is None:
        sys.stderr.write(
            "kharkiv-ie build-data: error: no repository checkout around this package: "
            "build-data rebuilds the repository's data/ (give --data-dir FOLDER)\n"
        )
        return 2
    progress("build-data", f"building the JSONL configs, card tables and manifest of {folder} ...")
    try:
        blocks = card_blocks(folder)
        report = build_data(data_dir=folder, card_blocks=blocks)
    except DataError as error:
        sys.stderr.write(f"kharkiv-ie build-data: error: {error}\n")
        return 2
    out = sys.stdout
    for path in report.written:
        out.write(f"wrote {path}\n")
    for split in report.statistics:
        counts = ", ".join(f"{config}={count}" for config, count in split.row_counts.items())
        out.write(
            f"{split.split}: rows {counts}; tokens {split.token_count}; "
            f"uncertain sentences {split.uncertain_sentences}\n"
        )
    out.write(f"flat view: {len(report.dropped)} overlapping span(s) dropped\n")
    for split in report.statistics:
        for entry in split.dropped:
            drop, kept = entry.dropped, entry.kept
            out.write(
                f"  dropped {split.split} {entry.doc_id} {drop.column} {drop.label} "
                f"{drop.item_id} {drop.span.start}-{drop.span.end} "
                f"(overlaps {kept.label} {kept.item_id})\n"
            )
    if report.card_blocks:
        out.write(f"card: refreshed {', '.join(report.card_blocks)} block(s) of README.md\n")
    else:
        out.write("card: no README.md with generated-block markers; card not touched\n")
    return 0
