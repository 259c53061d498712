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

from benchmark.atomic import write_text_atomically
from benchmark.commands._options import (
    add_gold_dir,
    add_lenient,
    add_schema_1x,
    add_scoring,
    add_split,
    add_submission,
)
from benchmark.errors import DataError
from benchmark.scoring.modes import EXACT, MODE_NAMES


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
    add_scoring(parser, bootstrap_type=int)
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

    try:
        gold = load_split(split=args.split, data_dir=args.gold_dir)
        evaluation = evaluate(
            args.submission,
            gold=gold,
            n_bootstrap=args.bootstrap,
            seed=args.seed,
            system_name=args.system_name,
            lenient=args.lenient,
            schema_1x=args.schema_1x,
        )
    except DataError as error:
        sys.stderr.write(_one_line(error, submission=args.submission) + "\n")
        return 2
    page = error_page(evaluation, gold=gold.annotations, split=args.split, mode=args.mode)
    try:
        write_text_atomically(args.out, page)
    except DataError as error:
        sys.stderr.write(f"{error}\n")
        return 2
    except OSError as error:
        sys.stderr.write(f"{args.out}: cannot write the report: {error.strerror}\n")
        return 2
    sys.stdout.write(f"report written to {args.out}\n")
    return 0
