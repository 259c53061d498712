"""``kharkiv-ie score SUBMISSION``: validate, score, bootstrap, print the table, write results.

Thin: options are parsed here, the work is :func:`benchmark.evaluation.evaluate.evaluate`. On
``--split contrast`` the table is followed by the contrast consistency per phenomenon. Invalid
input
(submission, options, a split that does not exist) prints one line per error to stderr and
exits 2 without writing anything; ``--out`` is written atomically, only after scoring succeeded.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmark.commands._options import (
    add_gold_dir,
    add_lenient,
    add_schema_1x,
    add_scoring,
    add_split,
    add_submission,
    bounded_int,
    comma_list,
    data_error,
)
from benchmark.dataset.layers import LAYER_NAMES
from benchmark.errors import DataError
from benchmark.scoring import modes

non_negative_int = bounded_int(0)
"""Parse an integer >= 0 (argparse type)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``score``."""
    add_submission(parser)
    parser.add_argument(
        "--tasks",
        type=comma_list,
        default=None,
        help=f"comma-separated tasks (default: {','.join(LAYER_NAMES)})",
    )
    add_split(parser)
    parser.add_argument("--out", type=Path, default=None, help="write the JSON results here")
    add_scoring(parser, bootstrap_type=non_negative_int)
    parser.add_argument(
        "--modes",
        type=comma_list,
        default=None,
        help=f"comma-separated match modes (default: {','.join(modes.MODE_NAMES)}; "
        f"{modes.help_text()})".replace("%", "%%"),
    )
    add_lenient(parser)
    add_schema_1x(parser)
    add_gold_dir(parser)


def run(args: argparse.Namespace) -> int:
    """Score ``args.submission``; return 0, or 2 on bad input (nothing written)."""
    from benchmark.evaluation.evaluate import evaluate, load_split
    from benchmark.evaluation.results import write_results
    from benchmark.presentation.table import consistency_table, render

    tasks = tuple(args.tasks) if args.tasks is not None else LAYER_NAMES
    chosen = tuple(args.modes) if args.modes is not None else modes.MODE_NAMES
    try:
        gold = load_split(split=args.split, data_dir=args.gold_dir)
        evaluation = evaluate(
            args.submission,
            gold=gold,
            tasks=tasks,
            modes=chosen,
            n_bootstrap=args.bootstrap,
            seed=args.seed,
            system_name=args.system_name,
            lenient=args.lenient,
            schema_1x=args.schema_1x,
        )
    except DataError as error:
        return data_error(error, outcome="kharkiv-ie score: nothing was scored or written")
    results = evaluation.results
    sys.stdout.write(f"{results.system['name']}: {args.submission} ({args.split} split)\n\n")
    sys.stdout.write(render(results.scores, tasks=tasks, modes=chosen))
    if results.contrast_consistency:
        sys.stdout.write("\n" + consistency_table(results.contrast_consistency))
    if args.out is not None:
        try:
            write_results(args.out, results)
        except DataError as error:
            return data_error(error, outcome="kharkiv-ie score: no results file written")
        except OSError as error:
            sys.stderr.write(f"{args.out}: cannot write the results: {error.strerror}\n")
            return 2
        sys.stdout.write(f"results written to {args.out}\n")
    return 0
