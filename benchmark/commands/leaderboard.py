"""``kharkiv-ie leaderboard``: regenerate LEADERBOARD.md from ``results/*.json`` only.

Thin: the page is :func:`benchmark.presentation.leaderboard.render`. By default it reads
``results/`` and writes ``LEADERBOARD.md`` of the repository checkout (found from the package,
whatever the working directory; outside a checkout, give both paths). A bad results file
prints one line (file and field) to stderr and exits 2 without touching the page. The page is
never written into the gold folder nor over a results file. ``--check`` writes nothing and
exits 1 when the page is out of date with the results.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmark.commands._options import data_error
from benchmark.errors import DataError

RESULTS_DIR = "results"
"""Default results folder, relative to the repository root."""
LEADERBOARD = "LEADERBOARD.md"
"""Default page, relative to the repository root."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``leaderboard``."""
    parser.add_argument(
        "--results-dir", type=Path, default=None, help=f"default: the repository's {RESULTS_DIR}/"
    )
    parser.add_argument(
        "--out", type=Path, default=None, help=f"default: the repository's {LEADERBOARD}"
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 when --out is out of date"
    )


def _paths(args: argparse.Namespace) -> tuple[Path, Path]:
    """Return (results folder, page): the options, else the repository's; DataError outside."""
    if args.results_dir is not None and args.out is not None:
        return args.results_dir, args.out
    from benchmark.repository import require_repository_root

    root = require_repository_root(
        what="kharkiv-ie leaderboard without --results-dir and --out",
        hint="give --results-dir DIR and --out FILE",
    )
    return (
        args.results_dir if args.results_dir is not None else root / RESULTS_DIR,
        args.out if args.out is not None else root / LEADERBOARD,
    )


def run(args: argparse.Namespace) -> int:
    """Regenerate (or check) the page; return 0, 1 (out of date, --check) or 2 (bad input)."""
    from benchmark.dataset.configs import gold_folders
    from benchmark.presentation.leaderboard_file import render_page, write_leaderboard

    try:
        results_dir, out = _paths(args)
        if args.check:
            text = render_page(results_dir=results_dir)
            current = out.read_bytes() if out.is_file() else b""
            if current != text.encode("utf-8"):
                sys.stderr.write(f"{out} is out of date: run `kharkiv-ie leaderboard`\n")
                return 1
            sys.stdout.write(f"{out} is up to date with {results_dir}/\n")
            return 0
        changed = write_leaderboard(results_dir=results_dir, out=out, protected=gold_folders())
    except DataError as error:
        return data_error(error, outcome="kharkiv-ie leaderboard: nothing was written")
    verb = "regenerated" if changed else "already up to date:"
    sys.stdout.write(f"{out} {verb} from {results_dir}/\n")
    return 0
