"""``kharkiv-ie compare A B``: paired significance tests between two submissions.

Both files are submissions (the tests need per-sentence counts, which results files do not
keep). For every (task, subtask, mode) both attempted: F1 of A, F1 of B, the difference and
its 95% paired-bootstrap interval, the number of units where A and B differ, the two-sided
permutation p-value (exact over all sign flips when at most 20 units differ, approximate
randomisation above) and the two-sided paired-bootstrap p-value (flagged when it is at its
floor 1/(B+1)). The low-power warning is always printed. Thin: the work is
:func:`benchmark.evaluation.compare.compare`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmark.commands._options import (
    add_gold_dir,
    add_lenient,
    add_split,
    data_error,
    positive_resample_count,
    seed,
)
from benchmark.errors import DataError
from benchmark.evaluation import defaults
from benchmark.terminal import progress


def p_value(value: float) -> str:
    """Return a p-value with four decimals, or in scientific notation below 0.0001."""
    return f"{value:.4f}" if value >= 1e-4 else f"{value:.1e}"


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
        help=f"approximate randomisation rounds, used when more than "
        f"{defaults.MAX_EXACT_UNITS} units differ (default {defaults.ROUNDS})",
    )
    parser.add_argument(
        "--seed",
        type=seed,
        default=defaults.SEED,
        help=f"seed of both tests (default {defaults.SEED})",
    )
    parser.add_argument(
        "--schema-1x",
        action="append",
        choices=("a", "b"),
        default=[],
        help="that submission (a or b; repeatable) was written for schema 1.x: read its labels "
        "through the gold folder's label_map_1x.tsv",
    )
    add_lenient(parser)
    add_split(parser)
    add_gold_dir(parser)


def run(args: argparse.Namespace) -> int:
    """Compare ``args.b`` with ``args.a``; return 0, or 2 on bad input."""
    from benchmark.evaluation.compare import compare
    from benchmark.evaluation.evaluate import load_split
    from benchmark.evaluation.power import power_lines, split_power
    from benchmark.stats.permutation import EXACT
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
            schema_1x=("a" in args.schema_1x, "b" in args.schema_1x),
            lenient=args.lenient,
        )
    except DataError as error:
        return data_error(error, outcome="kharkiv-ie compare: nothing was compared")
    table = [
        ["task", "subtask", "mode", "F1 A", "F1 B", "delta", "delta 95% CI", "differ", "p perm"]
        + ["p boot"]
    ]
    for row in rows:
        boot, perm = row.bootstrap, row.permutation
        marker = "=" if perm.method == EXACT else "~"
        table.append(
            [
                row.task,
                row.subtask,
                row.mode,
                f"{100 * row.f1_a:.1f}",
                f"{100 * row.f1_b:.1f}",
                f"{100 * row.delta:+.1f}",
                f"[{100 * boot.ci_low:+.1f}, {100 * boot.ci_high:+.1f}]",
                str(perm.n_differing),
                f"{marker}{p_value(perm.p_value)}",
                f"{p_value(boot.p_value)}{' (floor)' if boot.at_floor else ''}",
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
        "F1 in percent; delta = F1(B) - F1(A), with its 95% paired-bootstrap interval; differ: "
        "units (sentences, and predictions without a sentence) where A and B differ. All "
        "p-values are two-sided.",
        f"p perm: paired permutation test; '=' exact over all 2^differ sign flips (at most "
        f"{defaults.MAX_EXACT_UNITS} differing units; it cannot go below 2/2^differ), "
        f"'~' approximate randomisation ({args.rounds} rounds, seed {args.seed}).",
        f"p boot: paired bootstrap ({args.bootstrap} resamples of the sentences, seed "
        f"{args.seed}); '(floor)': no resample was as extreme, the value is its floor "
        f"1/{args.bootstrap + 1}, a bound, not an estimate.",
        "",
        low_power_warning(n_units=n_units),
        *power_lines(split_power(gold)),
    ]
    sys.stdout.write("\n".join(out) + "\n")
    return 0
