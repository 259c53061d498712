"""``kharkiv-ie sentences``: list sentence ids and offsets, for writing annotation anchors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmark.errors import DataError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``sentences``."""
    parser.add_argument(
        "--doc-id", help="document to list (default: every document, each after a '# doc_id' line)"
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="data folder holding source/ (default: the gold data folder)",
    )


def run(args: argparse.Namespace) -> int:
    """Print ``id<TAB>start<TAB>end<TAB>text`` per sentence; exit 2 on a bad doc id."""
    from benchmark.dataset.configs import data_dir
    from benchmark.dataset.documents import read_text, sentence_offsets

    source = Path(args.data_dir if args.data_dir is not None else data_dir()) / "source"
    try:
        if args.doc_id is not None:
            path = source / f"{args.doc_id}.txt"
            if not path.is_file():
                raise DataError(f"no source text for doc_id {args.doc_id!r}", file=path)
            paths = [path]
        else:
            paths = sorted(source.glob("*.txt"))
            if not paths:
                raise DataError("no source text (*.txt) found", file=source)
        texts = [(path.stem, read_text(path)) for path in paths]
    except DataError as error:
        sys.stderr.write(f"kharkiv-ie sentences: error: {error}\n")
        return 2
    for doc_id, text in texts:
        if args.doc_id is None:
            sys.stdout.write(f"# {doc_id}\n")
        for index, (start, end) in enumerate(sentence_offsets(text)):
            shown = text[start:end].replace("\t", "\\t").replace("\n", "\\n")
            sys.stdout.write(f"{index}\t{start}\t{end}\t{shown}\n")
    return 0
