"""``kharkiv-ie agreement``: inter-annotator agreement between two annotation passes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmark.dataset.configs import data_dir
from benchmark.errors import DataError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's options."""
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="dataset folder (default: data/)"
    )
    parser.add_argument("--first", default="first_pass", help="first pass folder name")
    parser.add_argument("--second", default="second_pass", help="second pass folder name")


def run(args: argparse.Namespace) -> int:
    """Print the agreement tables; exit 2 on unreadable passes."""
    from benchmark.dataset.annotation_1x import SCHEMA_1X
    from benchmark.dataset.tables import LABEL_MAP_FILE
    from benchmark.scoring.agreement import (
        agreement,
        agreement_markdown,
        pass_annotations,
        pass_schemas,
    )

    folder = (args.data_dir or data_dir()).resolve()
    try:
        first = pass_annotations(folder, args.first)
        second = pass_annotations(folder, args.second)
        schemas = {name: pass_schemas(folder, name) for name in (args.first, args.second)}
    except DataError as error:
        sys.stderr.write(f"kharkiv-ie agreement: {error}\n")
        return 2
    sys.stdout.write(f"Agreement: {args.first} vs {args.second}\n\n")
    for name, found in schemas.items():
        if SCHEMA_1X in found:
            sys.stdout.write(
                f"{name} was written for schema 1.x: its labels are read through "
                f"{LABEL_MAP_FILE}.\n\n"
            )
    sys.stdout.write(agreement_markdown(agreement(first, second)))
    return 0
