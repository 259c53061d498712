"""The installed ``kharkiv-ie`` script: the benchmark's commands plus those that run baselines.

:data:`COMMANDS` extends :data:`benchmark.cli.COMMANDS` (the ``benchmark`` package never
imports ``baselines``) with ``reproduce`` and ``predict``; parsing is
:func:`benchmark.cli.main`. Every command module is light to import, so ``--help`` starts
fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from baselines.commands import predict, reproduce
from benchmark import cli

COMMANDS: dict[str, cli.Command] = {
    **cli.COMMANDS,
    "reproduce": cli.Command(reproduce, "Run all baselines; write results/, LEADERBOARD.md."),
    "predict": cli.Command(predict, "Run a baseline on Italian text; write a submission JSONL."),
}
"""Subcommand name -> command, in help order."""


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the chosen subcommand; return its exit code."""
    return cli.main(argv, commands=COMMANDS)


if __name__ == "__main__":
    sys.exit(main())
