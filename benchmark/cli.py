"""The ``kharkiv-ie`` command line: argument parsing only, no logic.

Each subcommand lives in ``benchmark.commands.<name>`` and exposes
``add_arguments(parser)`` and ``run(args) -> int``. The table below is the
explicit list of subcommands (no import-time registry).
"""

from __future__ import annotations

import argparse
import importlib
import sys

# subcommand name -> (module under benchmark.commands, or a dotted path such as
# "baselines.commands.predict" for commands that need the baselines, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "build-data": (
        "build_data",
        "Rebuild data/<config>/test.jsonl, MANIFEST and card tables from the gold",
    ),
    "sentences": ("sentences", "List sentence ids and offsets of the source texts"),  # noqa: E501
    "validate": ("validate", "Check a submission JSONL against the gold documents."),
    "score": ("score", "Score a submission: P/R/F1 with bootstrap CIs; --out writes JSON results."),
    "compare": ("compare", "Paired significance tests between two submissions (low power!)."),
    "report": ("report", "Write a self-contained HTML error-analysis page of a submission."),
    "agreement": ("agreement", "Inter-annotator agreement between two annotation passes."),
    "check-data": ("check_data", "Run every integrity check of the HF dataset folder data/."),
    "reproduce": (
        "baselines.commands.reproduce",
        "Run all baselines; write results/, LEADERBOARD.md.",
    ),  # noqa: E501
    "leaderboard": ("leaderboard", "Regenerate LEADERBOARD.md from results/*.json only."),
    "predict": (
        "baselines.commands.predict",
        "Run a baseline on Italian text; write a submission JSONL.",
    ),  # noqa: E501
}


def build_parser() -> argparse.ArgumentParser:
    """Return the top-level parser with one subparser per entry of COMMANDS."""
    parser = argparse.ArgumentParser(
        prog="kharkiv-ie",
        description="kharkiv-ie: gold data, scorer and baselines for Italian conflict-news IE.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        dotted = module_name if "." in module_name else f"benchmark.commands.{module_name}"
        module = importlib.import_module(dotted)
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
