"""``kharkiv-ie check-data``: run every integrity check of the HF dataset folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmark.dataset.configs import CONFIGS, DATA_DIR_ENV, available_splits, data_dir, data_file
from benchmark.errors import DataError
from benchmark.terminal import progress


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``check-data``."""
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help=f"dataset folder to check (default: the repository's data/, or ${DATA_DIR_ENV})",
    )


def _row_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def run(args: argparse.Namespace) -> int:
    """Print one ``file:line: field: message`` line per problem (exit 2), or an OK summary."""
    progress("check-data", "loading datasets ...")
    from benchmark.dataset import integrity  # imports datasets (the loadable check)
    from benchmark.presentation.agreement import card_blocks

    folder = data_dir() if args.data_dir is None else Path(args.data_dir)
    if not folder.is_dir():
        sys.stderr.write(f"kharkiv-ie check-data: error: {folder}: no such folder\n")
        return 2
    progress("check-data", f"running {len(integrity.CHECKS)} checks on {folder} ...")
    try:
        problems = integrity.run_all_checks(folder, card_blocks=card_blocks(folder))
    except DataError as error:
        sys.stderr.write(f"kharkiv-ie check-data: error: {error}\n")
        return 2
    if problems:
        for problem in problems:
            sys.stdout.write(f"{problem}\n")
        failed = sorted({problem.check for problem in problems})
        sys.stderr.write(
            f"kharkiv-ie check-data: {len(problems)} problem(s) in {folder} "
            f"(failed checks: {', '.join(failed)})\n"
        )
        return 2
    counts = "; ".join(
        f"{split}: "
        + ", ".join(
            f"{config} {_row_count(folder / data_file(config, split=split))}" for config in CONFIGS
        )
        for split in available_splits(folder)
    )
    sys.stdout.write(
        f"OK: {folder}: all {len(integrity.CHECKS)} checks passed; rows per config: {counts}\n"
    )
    return 0
