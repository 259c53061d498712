"""``kharkiv-ie agreement``: inter-annotator agreement of the annotation passes, per split."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmark.commands._options import bounded_int
from benchmark.dataset.configs import data_dir
from benchmark.dataset.splits import SPLITS
from benchmark.errors import DataError
from benchmark.terminal import progress


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's options."""
    with_passes = [name for name, spec in SPLITS.items() if spec.passes is not None]
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="dataset folder (default: data/)"
    )
    parser.add_argument(
        "--split",
        action="append",
        choices=with_passes,
        default=None,
        help="split to compare (repeatable; default: every split whose two passes exist)",
    )
    parser.add_argument(
        "--first",
        default=None,
        help="first pass: a folder of the split's annotation folder (default: its first pass); "
        "with --first or --second only that comparison is printed",
    )
    parser.add_argument(
        "--second",
        default=None,
        help="second pass, likewise (default: the split's second pass; 'gold': the gold)",
    )
    parser.add_argument(
        "--bootstrap",
        type=bounded_int(0),
        default=1000,
        help="bootstrap resamples of the documents for the 95%% intervals (0: none; default 1000)",
    )
    parser.add_argument("--seed", type=int, default=0, help="bootstrap seed (default 0)")


def run(args: argparse.Namespace) -> int:
    """Print the agreement tables; exit 2 with one line on unreadable passes."""
    progress("agreement", "loading the scorer ...")
    from benchmark.presentation.agreement import agreement_text

    folder = (args.data_dir or data_dir()).resolve()
    try:
        text = agreement_text(
            folder,
            splits=args.split,
            first=args.first,
            second=args.second,
            n_resamples=args.bootstrap,
            seed=args.seed,
        )
    except DataError as error:
        sys.stderr.write(f"kharkiv-ie agreement: {error}\n")
        return 2
    sys.stdout.write(text + "\n")
    return 0
