"""``kharkiv-ie build-data``: rebuild the JSONL configs, manifest and card blocks from the YAML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmark.errors import DataError

# The repository's data folder, resolved from the package location (not the working directory).
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``build-data``."""
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help="data folder with source/ and annotations/ (default: the repository's data/)",
    )


def run(args: argparse.Namespace) -> int:
    """Build the data; print what was written; exit 2 with one line on bad data."""
    from benchmark.dataset.build import build_data  # imports datasets (the card's features)
    from benchmark.presentation.agreement import card_blocks

    try:
        blocks = card_blocks(args.data_dir)
        report = build_data(data_dir=args.data_dir, card_blocks=blocks)
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
