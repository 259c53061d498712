"""``kharkiv-ie reproduce [OVERRIDE ...]``: run every baseline, write results and LEADERBOARD.md.

Thin: the work is :func:`baselines.reproduce.reproduce`. Outputs go to the repository root
(``runs/``, ``results/``, ``reports/``, ``LEADERBOARD.md``), found from the package whatever the
working directory; ``--out-dir DIR`` puts them all under DIR instead (an installed package has
no repository). OVERRIDEs are Hydra overrides applied to every baseline (``scoring.seed=1``):
a key the configs do not define is an error, with or without ``+``, and a run with overrides
writes under ``runs/`` only, unless ``--update-committed``. Bad data or a bad override prints
one line to stderr and exits 2.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


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
    parser.add_argument(
        "--out-dir",
        type=Path,
        default=None,
        help="write runs/, results/, reports/ and LEADERBOARD.md under this folder "
        "(default: the repository root)",
    )
    parser.add_argument(
        "--update-committed",
        action="store_true",
        help="with overrides, rewrite the committed results/, reports/ and LEADERBOARD.md "
        "(default: such a run writes under runs/ only)",
    )


def run(args: argparse.Namespace) -> int:
    """Reproduce the baselines; return 0, or 2 on bad input."""
    from baselines.reproduce import BASELINES, reproduce
    from benchmark.errors import DataError

    started = time.perf_counter()

    def progress(line: str) -> None:
        sys.stdout.write(line + "\n")

    try:
        reproduce(
            baselines=tuple(args.baselines) if args.baselines is not None else BASELINES,
            overrides=tuple(args.overrides),
            out_dir=args.out_dir,
            update_committed=args.update_committed,
            progress=progress,
        )
    except DataError as error:
        sys.stderr.write(f"kharkiv-ie reproduce: error: {error}\n")
        return 2
    progress(f"done in {time.perf_counter() - started:.1f} s")
    return 0
