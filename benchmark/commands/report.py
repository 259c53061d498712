"""``kharkiv-ie report SUBMISSION --out report.html``: the error-analysis page of a submission.

Thin: the submission is validated and scored by :func:`benchmark.evaluation.evaluate.evaluate`
(with 95% bootstrap intervals), the page is built by
:func:`benchmark.presentation.error_page.build.error_page`. Bad input prints one line to
stderr (the first error of an invalid submission, and how many more there are) and exits 2
with nothing written; the page is written to a temporary file next to ``--out`` and renamed,
so a reader never sees half a page.
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
    resample_count,
)
from benchmark.dataset.configs import gold_folders
from benchmark.errors import DataError
from benchmark.outputs import check_output, write_output
from benchmark.scoring.modes import EXACT, MODE_NAMES
from benchmark.terminal import progress, same_file_as_stdout


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``report``."""
    add_submission(parser)
    parser.add_argument("--out", type=Path, required=True, help="HTML file to write")
    add_split(parser)
    parser.add_argument(
        "--mode",
        choices=MODE_NAMES,
        default=EXACT.name,
        help="match mode whose tp/fp/fn colour the text (the tables show every mode; "
        "default exact)",
    )
    add_scoring(parser, bootstrap_type=resample_count)
    add_lenient(parser)
    add_schema_1x(parser)
    add_gold_dir(parser)


def _one_line(error: DataError, *, submission: Path) -> str:
    """Return the first error line, saying how many more ``kharkiv-ie validate`` would list."""
    lines = str(error).splitlines() or [""]
    if len(lines) == 1:
        return lines[0]
    return (
        f"{lines[0]} (and {len(lines) - 1} more; `kharkiv-ie validate {submission}` lists them all)"
    )


def run(args: argparse.Namespace) -> int:
    """Write the report page of ``args.submission``; return 0, or 2 on bad input."""
    from benchmark.evaluation.evaluate import evaluate, load_split
    from benchmark.presentation.error_page.build import error_page

    protected = gold_folders(args.gold_dir)
    try:
        check_output(args.out, protected=protected, inputs=(args.submission,))
        gold = load_split(split=args.split, data_dir=args.gold_dir)
        progress("report", f"scoring with {args.bootstrap} bootstrap resamples per interval ...")
        evaluation = evaluate(
            args.submission,
            gold=gold,
            n_bootstrap=args.bootstrap,
            seed=args.seed,
            system_name=args.system_name,
            lenient=args.lenient,
            schema_1x=args.schema_1x,
        )
        page = error_page(evaluation, gold=gold.annotations, split=args.split, mode=args.mode)
        to_stdout = same_file_as_stdout(args.out)
        write_output(args.out, page, protected=protected, inputs=(args.submission,))
    except DataError as error:
        sys.stderr.write(_one_line(error, submission=args.submission) + "\n")
        return 2
    if not to_stdout:
        sys.stdout.write(f"report written to {args.out}\n")
    return 0
