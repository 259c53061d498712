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
    comma_list,
    data_error,
    resample_count,
)
from benchmark.dataset.configs import gold_folders
from benchmark.dataset.layers import LAYER_NAMES
from benchmark.errors import DataError
from benchmark.outputs import check_output, write_output
from benchmark.scoring import modes
from benchmark.terminal import progress, same_file_as_stdout


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
    add_scoring(parser, bootstrap_type=resample_count)
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
    from benchmark.evaluation.results import to_json
    from benchmark.presentation.table import consistency_table, render

    tasks = tuple(args.tasks) if args.tasks is not None else LAYER_NAMES
    chosen = tuple(args.modes) if args.modes is not None else modes.MODE_NAMES
    protected = gold_folders(args.gold_dir)
    try:
        if args.out is not None:
            check_output(args.out, protected=protected, inputs=(args.submission,))
        gold = load_split(split=args.split, data_dir=args.gold_dir)
        progress("score", f"scoring with {args.bootstrap} bootstrap resamples per interval ...")
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
        to_stdout = same_file_as_stdout(args.out)
        try:
            write_output(args.out, to_json(results), protected=protected, inputs=(args.submission,))
        except DataError as error:
            return data_error(error, outcome="kharkiv-ie score: no results file written")
        if not to_stdout:
            sys.stdout.write(f"results written to {args.out}\n")
    return 0
