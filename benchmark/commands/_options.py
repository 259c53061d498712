"""Options and error output shared by several subcommands (argparse types, common flags)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from benchmark.dataset.splits import MAIN_SPLIT, SPLIT_NAMES
from benchmark.errors import DataError
from benchmark.evaluation import defaults


def bounded_int(minimum: int) -> Callable[[str], int]:
    """Return an argparse type that parses an integer >= ``minimum``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected an integer, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"expected an integer >= {minimum}, got {value}")
        return value

    return parse


def comma_list(text: str) -> list[str]:
    """Split ``a,b`` into ``["a", "b"]`` (blank parts dropped)."""
    return [part.strip() for part in text.split(",") if part.strip()]


def add_gold_dir(parser: argparse.ArgumentParser) -> None:
    """Add ``--gold-dir`` (default None: the repository's data/)."""
    parser.add_argument(
        "--gold-dir",
        type=Path,
        default=None,
        help="data folder holding the gold configs (default: the repository's data/)",
    )


def add_split(parser: argparse.ArgumentParser) -> None:
    """Add ``--split`` (the splits of :data:`benchmark.dataset.splits.SPLITS`; default: main)."""
    parser.add_argument("--split", choices=SPLIT_NAMES, default=MAIN_SPLIT)


def add_submission(parser: argparse.ArgumentParser) -> None:
    """Add the positional ``submission`` argument."""
    parser.add_argument("submission", type=Path, help="submission JSONL file (one line per doc)")


def add_schema_1x(parser: argparse.ArgumentParser) -> None:
    """Add ``--schema-1x``: the submission's labels are read through ``label_map_1x.tsv``."""
    parser.add_argument(
        "--schema-1x",
        action="store_true",
        help="the submission was written for schema 1.x (before dataset 2.0.0, e.g. the "
        "pre-registered ones): read its labels through the gold folder's label_map_1x.tsv",
    )


def add_lenient(parser: argparse.ArgumentParser) -> None:
    """Add ``--lenient``: items with errors become listed false positives (default: strict)."""
    parser.add_argument(
        "--lenient",
        action="store_true",
        help="keep an item with errors (unknown label, bad sentence id, wrong type...) as a "
        "listed false positive instead of rejecting the file; errors of a line or of the file "
        "stay fatal (default: strict)",
    )


def add_scoring(parser: argparse.ArgumentParser, *, bootstrap_type: Callable[[str], int]) -> None:
    """Add ``--system-name``, ``--bootstrap`` (95% CIs) and ``--seed`` of a scoring command."""
    parser.add_argument("--system-name", default=None, help="system name (default: file stem)")
    parser.add_argument(
        "--bootstrap",
        type=bootstrap_type,
        default=defaults.BOOTSTRAP,
        help=f"bootstrap resamples for the 95%% CIs (0: none; default {defaults.BOOTSTRAP})",
    )
    parser.add_argument(
        "--seed", type=int, default=defaults.SEED, help=f"bootstrap seed (default {defaults.SEED})"
    )


def data_error(error: DataError, *, outcome: str) -> int:
    """Write ``error`` and the ``outcome`` line (``kharkiv-ie score: ...``) to stderr; return 2."""
    sys.stderr.write(f"{error}\n")
    sys.stderr.write(f"{outcome}\n")
    return 2
