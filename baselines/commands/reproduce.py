"""``kharkiv-ie reproduce [OVERRIDE ...]``: run every baseline, write results and LEADERBOARD.md.

Thin: the work is :func:`baselines.reproduce.reproduce`. OVERRIDEs are Hydra overrides applied
to every baseline (``scoring.bootstrap=200``, ``paths.results_dir=/tmp/results``...). Bad data
or a bad override prints one line to stderr and exits 2.
"""

from __future__ import annotations

import argparse
import sys
import time


def _names(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``reproduce``."""
    parser.add_argument(
        "overrides", nargs="*", help="Hydra overrides for every baseline, e.g. scoring.seed=1"
    )
    parser.add_argument(
        "--baselines",
        type=_names,
        default=None,
        help="comma-separated (default: every baseline that needs no option, e.g. not llm)",
    )


def run(args: argparse.Namespace) -> int:
    """Reproduce the baselines; return 0, or 2 on bad input."""
    from baselines.reproduce import BASELINES, reproduce
    from benchmark.errors import DataError

    started = time.perf_counter()

    def progress(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    try:
        reproduce(
            baselines=tuple(args.baselines) if args.baselines is not None else BASELINES,
            overrides=tuple(args.overrides),
            progress=progress,
        )
    except DataError as error:
        sys.stderr.write(f"kharkiv-ie reproduce: error: {error}\n")
        return 2
    progress(f"done in {time.perf_counter() - started:.1f} s")
    return 0
