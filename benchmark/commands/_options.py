"""Options and error output shared by several subcommands (argparse types, common flags)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from benchmark.dataset.splits import MAIN_SPLIT, SPLIT_NAMES
from benchmark.errors import DataError
from benchmark.evaluation import defaults
from benchmark.printable import has_unsafe, invalid_unicode, printable


def bounded_int(minimum: int, maximum: int | None = None) -> Callable[[str], int]:
    """Return an argparse type that parses an integer >= ``minimum`` (and <= ``maximum``)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            if text.strip().lstrip("+-").isdigit():
                reason = f"an integer of {len(text.strip())} digits is too long"
                raise argparse.ArgumentTypeError(reason) from None
            shown = printable(text if len(text) <= 40 else text[:37] + "...")
            raise argparse.ArgumentTypeError(f"expected an integer, got '{shown}'") from None
        if value < minimum or (maximum is not None and value > maximum):
            bounds = f">= {minimum}" if maximum is None else f"from {minimum} to {maximum}"
            shown = str(value) if len(text) <= 40 else f"an integer of {len(text)} digits"
            raise argparse.ArgumentTypeError(f"expected an integer {bounds}, got {shown}")
        return value

    return parse


resample_count = bounded_int(0, defaults.MAX_RESAMPLES)
"""Parse a bootstrap resample count (0: no intervals) (argparse type)."""

positive_resample_count = bounded_int(1, defaults.MAX_RESAMPLES)
"""Parse a resample or round count of ``compare`` (argparse type)."""

seed = bounded_int(0, 2**64 - 1)
"""Parse a random seed (argparse type)."""

MAX_NAME_LENGTH = 200
"""Longest system name accepted."""


def system_name(text: str) -> str:
    """Parse a system name: valid UTF-8, printable, at most :data:`MAX_NAME_LENGTH` characters."""
    if invalid_unicode(text) is not None:
        raise argparse.ArgumentTypeError(f"not valid UTF-8: '{printable(text)}'")
    if has_unsafe(text):
        raise argparse.ArgumentTypeError(
            f"control or invisible formatting characters are not allowed: '{printable(text)}'"
        )
    if not text.strip() or len(text) > MAX_NAME_LENGTH:
        raise argparse.ArgumentTypeError(
            f"expected 1 to {MAX_NAME_LENGTH} characters, got {len(text)}"
        )
    return text


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
    parser.add_argument(
        "--system-name", type=system_name, default=None, help="system name (default: file stem)"
    )
    parser.add_argument(
        "--bootstrap",
        type=bootstrap_type,
        default=defaults.BOOTSTRAP,
        help=f"bootstrap resamples for the 95%% CIs (0: none; default {defaults.BOOTSTRAP})",
    )
    parser.add_argument(
        "--seed", type=seed, default=defaults.SEED, help=f"bootstrap seed (default {defaults.SEED})"
    )


def data_error(error: DataError, *, outcome: str) -> int:
    """Write ``error`` and the ``outcome`` line (``kharkiv-ie score: ...``) to stderr; return 2."""
    sys.stderr.write(f"{error}\n")
    sys.stderr.write(f"{outcome}\n")
    return 2
