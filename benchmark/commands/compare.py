"""``kharkiv-ie compare A B``: paired significance tests between two submissions.

Both files are submissions (the tests need per-sentence counts, which results files do not
keep). For every (task, subtask, mode) both attempted: F1 of A, F1 of B, the difference, the
paired-bootstrap p-value (one-sided) and the approximate-randomisation p-value (two-sided).
The low-power warning is always printed. Thin: the work is
:func:`benchmark.evaluation.compare.compare`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmark.commands._options import (
    add_gold_dir,
    add_split,
    data_error,
    positive_resample_count,
    seed,
)
from benchmark.errors import DataError
from benchmark.evaluation import defaults
from benchmark.terminal import progress


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``compare``."""
    parser.add_argument("a", type=Path, help="submission JSONL of system A")
    parser.add_argument("b", type=Path, help="submission JSONL of system B")
    parser.add_argument(
        "--bootstrap",
        type=positive_resample_count,
        default=defaults.BOOTSTRAP,
        help=f"paired bootstrap resamples (default {defaults.BOOTSTRAP})",
    )
    parser.add_argument(
        "--rounds",
        type=positive_resample_count,
        default=defaults.ROUNDS,
        help=f"approximate randomisation rounds (default {defaults.ROUNDS})",
    )
    parser.add_argument(
        "--seed",
        type=seed,
        default=defaults.SEED,
        help=f"seed of both tests (default {defaults.SEED})",
    )
    add_split(parser)
    add_gold_dir(parser)


def run(args: argparse.Namespace) -> int:
    """Compare ``args.b`` with ``args.a``; return 0, or 2 on bad input."""
    from benchmark.evaluation.compare import compare
    from benchmark.evaluation.evaluate import load_split
    from benchmark.stats.power import low_power_warning

    try:
        gold = load_split(split=args.split, data_dir=args.gold_dir)
        progress(
            "compare",
            f"paired tests: {args.bootstrap} bootstrap resamples, {args.rounds} randomisation "
            "rounds per subtask ...",
        )
        rows, n_units = compare(
            args.a,
            args.b,
            gold=gold,
            n_bootstrap=args.bootstrap,
            n_rounds=args.rounds,
            seed=args.seed,
        )
    except DataError as error:
        return data_error(error, outcome="kharkiv-ie compare: nothing was compared")
    table = [["task", "subtask", "mode", "F1 A", "F1 B", "delta", "p boot", "p AR"]]
    for row in rows:
        table.append(
            [
                row.task,
                row.subtask,
                row.mode,
                f"{100 * row.f1_a:.1f}",
                f"{100 * row.f1_b:.1f}",
                f"{100 * row.delta:+.1f}",
                f"{row.bootstrap.p_value:.4f}",
                f"{row.randomization.p_value:.4f}",
            ]
        )
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
    out = [f"A = {args.a}", f"B = {args.b}", ""]
    for r in table:
        cells = [c.ljust(w) for c, w in zip(r[:3], widths[:3], strict=True)]
        cells += [c.rjust(w) for c, w in zip(r[3:], widths[3:], strict=True)]
        out.append("  ".join(cells).rstrip())
    if len(table) == 1:
        out.append("(no task/subtask attempted by both submissions)")
    out += [
        "",
        f"F1 in percent; delta = F1(B) - F1(A); p boot: paired bootstrap, one-sided "
        f"({args.bootstrap} resamples); p AR: approximate randomisation, two-sided "
        f"({args.rounds} rounds); seed {args.seed}.",
        "",
        low_power_warning(n_units=n_units),
    ]
    sys.stdout.write("\n".join(out) + "\n")
    return 0
