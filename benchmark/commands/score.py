"""``kharkiv-ie score SUBMISSION``: validate, score, bootstrap, print the table, write results.

Thin: options are parsed here, the work is :func:`benchmark.evaluate.evaluate`. On
``--split contrast`` the table is followed by the contrast consistency per phenomenon. Invalid input
(submission, options, a split that does not exist) prints one line per error to stderr and
exits 2 without writing anything; ``--out`` is written atomically, only after scoring succeeded.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmark.errors import DataError


def comma_list(text: str) -> list[str]:
    """Split ``a,b`` into ``["a", "b"]`` (blank parts dropped)."""
    return [part.strip() for part in text.split(",") if part.strip()]


def non_negative_int(text: str) -> int:
    """Parse an integer >= 0 (argparse type)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected an integer, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected an integer >= 0, got {value}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``score``."""
    parser.add_argument("submission", type=Path, help="submission JSONL file (one line per doc)")
    parser.add_argument(
        "--tasks",
        type=comma_list,
        default=None,
        help="comma-separated tasks (default: events,casualties,attributions,hedges)",
    )
    parser.add_argument("--split", choices=("test", "contrast"), default="test")
    parser.add_argument("--out", type=Path, default=None, help="write the JSON results here")
    parser.add_argument("--system-name", default=None, help="system name (default: file stem)")
    parser.add_argument(
        "--bootstrap",
        type=non_negative_int,
        default=1000,
        help="bootstrap resamples for the 95%% CIs (0: no intervals; default 1000)",
    )
    parser.add_argument("--seed", type=int, default=0, help="bootstrap seed (default 0)")
    parser.add_argument(
        "--modes", type=comma_list, default=None, help="match modes (default: exact,overlap)"
    )
    parser.add_argument(
        "--gold-dir",
        type=Path,
        default=None,
        help="data folder holding the gold configs (default: the repository's data/)",
    )


def run(args: argparse.Namespace) -> int:
    """Score ``args.submission``; return 0, or 2 on bad input (nothing written)."""
    from benchmark.evaluate import evaluate, load_split  # imports datasets: slow
    from benchmark.results import write_results
    from benchmark.scoring.keys import MATCH_MODES
    from benchmark.scoring.run import TASKS
    from benchmark.table import consistency_table, render

    tasks = tuple(args.tasks) if args.tasks is not None else tuple(TASKS)
    modes = tuple(args.modes) if args.modes is not None else MATCH_MODES
    try:
        gold = load_split(split=args.split, data_dir=args.gold_dir)
        evaluation = evaluate(
            args.submission,
            gold=gold,
            tasks=tasks,
            modes=modes,
            n_bootstrap=args.bootstrap,
            seed=args.seed,
            system_name=args.system_name,
        )
    except DataError as error:
        sys.stderr.write(f"{error}\n")
        sys.stderr.write("kharkiv-ie score: nothing was scored or written\n")
        return 2
    results = evaluation.results
    sys.stdout.write(f"{results.system['name']}: {args.submission} ({args.split} split)\n\n")
    sys.stdout.write(render(results.report, tasks=tasks, modes=modes))
    if results.contrast_consistency:
        sys.stdout.write("\n" + consistency_table(results.contrast_consistency))
    if args.out is not None:
        try:
            write_results(args.out, results)
        except OSError as error:
            sys.stderr.write(f"{args.out}: cannot write the results: {error.strerror}\n")
            return 2
        sys.stdout.write(f"results written to {args.out}\n")
    return 0
