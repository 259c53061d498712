"""The ``kharkiv-ie`` command line: argument parsing only, no logic.

Each subcommand lives in ``benchmark.commands.<name>`` and exposes ``add_arguments(parser)``
and ``run(args) -> int``; command modules import only light modules at import time (heavy
ones inside ``run``), so ``kharkiv-ie --help`` starts fast. :data:`COMMANDS` is the explicit
table of the benchmark's commands (no import-time registry); the installed ``kharkiv-ie``
script (:mod:`baselines.cli`) adds the commands that run baselines, since this package never
imports ``baselines``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType

from benchmark.commands import (
    agreement,
    align,
    build_data,
    check_data,
    compare,
    leaderboard,
    report,
    score,
    sentences,
    validate,
)


@dataclass(frozen=True)
class Command:
    """One subcommand: its module and its one-line help."""

    module: ModuleType
    """Module with ``add_arguments(parser)`` and ``run(args) -> int``."""
    help: str
    """One-line help, shown by ``kharkiv-ie --help``."""


COMMANDS: dict[str, Command] = {
    "build-data": Command(
        build_data, "Rebuild data/<config>/<split>.jsonl, MANIFEST and card tables from the gold"
    ),
    "sentences": Command(sentences, "List sentence ids and offsets of the source texts"),
    "validate": Command(validate, "Check a submission JSONL against the gold documents."),
    "align": Command(align, "Show where every text-only span of a submission was placed."),
    "score": Command(
        score, "Score a submission: P/R/F1 with bootstrap CIs; --out writes JSON results."
    ),
    "compare": Command(compare, "Paired significance tests between two submissions (low power!)."),
    "report": Command(report, "Write a self-contained HTML error-analysis page of a submission."),
    "agreement": Command(agreement, "Inter-annotator agreement between two annotation passes."),
    "check-data": Command(check_data, "Run every integrity check of the HF dataset folder data/."),
    "leaderboard": Command(leaderboard, "Regenerate LEADERBOARD.md from results/*.json only."),
}
"""Subcommand name -> command, in help order."""


def build_parser(commands: Mapping[str, Command] = COMMANDS) -> argparse.ArgumentParser:
    """Return the top-level parser with one subparser per entry of ``commands``."""
    parser = argparse.ArgumentParser(
        prog="kharkiv-ie",
        description="kharkiv-ie: gold data, scorer and baselines for Italian conflict-news IE.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, command in commands.items():
        command_parser = sub.add_parser(name, help=command.help, description=command.help)
        command.module.add_arguments(command_parser)
        command_parser.set_defaults(_run=command.module.run)
    return parser


def main(argv: Sequence[str] | None = None, *, commands: Mapping[str, Command] = COMMANDS) -> int:
    """Parse ``argv`` and run the chosen subcommand; return its exit code."""
    parser = build_parser(commands)
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 0
    return int(args._run(args))


if __name__ == "__main__":
    sys.exit(main())
