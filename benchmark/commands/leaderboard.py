"""``kharkiv-ie leaderboard``: regenerate LEADERBOARD.md from ``results/*.json`` only.

Thin: the page is :func:`benchmark.presentation.leaderboard.render`. A bad results file prints
one line
(file and field) to stderr and exits 2 without touching the page. ``--check`` writes nothing
and exits 1 when the page is out of date with the results.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmark.commands._options import data_error
from benchmark.errors import DataError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``leaderboard``."""
    parser.add_argument(
        "--results-dir", type=Path, default=Path("results"), help="default: results/"
    )
    parser.add_argument(
        "--out", type=Path, default=Path("LEADERBOARD.md"), help="default: LEADERBOARD.md"
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 when --out is out of date"
    )


def run(args: argparse.Namespace) -> int:
    """Regenerate (or check) the page; return 0, 1 (out of date, --check) or 2 (bad input)."""
    from benchmark.presentation.leaderboard_file import render_page, write_leaderboard

    try:
        if args.check:
            text = render_page(results_dir=args.results_dir)
            current = args.out.read_bytes() if args.out.is_file() else b""
            if current != text.encode("utf-8"):
                sys.stderr.write(f"{args.out} is out of date: run `kharkiv-ie leaderboard`\n")
                return 1
            sys.stdout.write(f"{args.out} is up to date with {args.results_dir}/\n")
            return 0
        changed = write_leaderboard(results_dir=args.results_dir, out=args.out)
    except DataError as error:
        return data_error(error, outcome="kharkiv-ie leaderboard: nothing was written")
    except OSError as error:
        sys.stderr.write(f"{args.out}: cannot write the leaderboard: {error.strerror}\n")
        return 2
    verb = "regenerated" if changed else "already up to date:"
    sys.stdout.write(f"{args.out} {verb} from {args.results_dir}/\n")
    return 0
