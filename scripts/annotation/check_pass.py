"""Check annotation files of the 2.0 format (guidelines 2.0) against their texts.

For annotators: ``python check_pass.py --texts TEXT_DIR FILE.yaml [FILE.yaml ...]`` resolves every
anchor of every file against ``TEXT_DIR/<doc_id>.txt`` with the project's own parser
(:mod:`benchmark.dataset.annotation_source`: the 2.0 inventories of
:mod:`benchmark.dataset.inventory`, every key of ``FORMAT.md`` 2.0, the rule that ``count_high``
is an integer above ``count`` iff ``qualifier`` is ``range``) and prints ``OK`` with item counts,
or one line per file with the first problem (file, line, item, field). Exit code 0 when every
file is valid, 1 otherwise. A file written for schema 1.x is refused.
``--listing OUT_DIR`` instead writes ``<doc_id>.sentences.txt`` per text: sentence ids, offsets,
text and tokens (token boundaries are where anchors may start and end).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmark.dataset import annotation_source
from benchmark.dataset.documents import read_text, sentence_offsets
from benchmark.dataset.layers import LAYER_NAMES
from benchmark.dataset.text import tokenize
from benchmark.errors import DataError


def listing(text: str) -> str:
    """Return the sentence listing of ``text`` (ids, offsets, text, tokens)."""
    lines = []
    for index, (start, end) in enumerate(sentence_offsets(text)):
        tokens = " | ".join(text[a:b] for a, b in tokenize(text, start, end))
        lines.append(f"S{index} [{start}-{end}] {text[start:end]}\n    tokens: {tokens}\n")
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Check files, or write listings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, required=True, help="folder of <doc_id>.txt")
    parser.add_argument("--listing", type=Path, help="write sentence listings to this folder")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    if args.listing is not None:
        args.listing.mkdir(parents=True, exist_ok=True)
        for path in sorted(args.texts.glob("*.txt")):
            out = args.listing / f"{path.stem}.sentences.txt"
            out.write_text(listing(read_text(path)), encoding="utf-8")
        return 0
    failed = 0
    for path in args.files:
        try:
            text = read_text(args.texts / f"{path.stem}.txt")
            parsed = annotation_source.load_annotation_file(path, text=text).annotations
        except (DataError, OSError) as error:
            failed += 1
            sys.stdout.write(f"ERROR {error}\n")
            continue
        counts = ", ".join(f"{len(getattr(parsed, layer))} {layer}" for layer in LAYER_NAMES)
        sys.stdout.write(f"OK {path}: {counts}\n")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
