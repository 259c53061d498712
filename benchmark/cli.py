"""The ``kharkiv-ie`` command line: argument parsing only, no logic.

Each subcommand lives in ``benchmark.commands.<name>`` and exposes
``add_arguments(parser)`` and ``run(args) -> int``. The table below is the
explicit list of subcommands (no import-time registry).
"""

from __future__ import annotations

import argparse
import importlib
import sys

# subcommand name -> (module under benchmark.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {}


def build_parser() -> argparse.ArgumentParser:
    """Return the top-level parser with one subparser per entry of COMMANDS."""
    parser = argparse.ArgumentParser(
        prog="kharkiv-ie",
        description="kharkiv-ie: gold data, scorer and baselines for Italian conflict-news IE.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        module = importlib.import_module(f"benchmark.commands.{module_name}")
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(command_parser)
        command_parser.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv`` and run the chosen subcommand; return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 0
    return int(args._run(args))


if __name__ == "__main__":
    sys.exit(main())
