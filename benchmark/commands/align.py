"""``kharkiv-ie align SUBMISSION``: where every text-only span of a submission was placed.

One row per text-only span, in file order (an item's head span first, as it is placed first):
line, JSON path, document, layer, field, the submitted text, the offsets and sentence it was
placed at (``-1`` when not found), how it was matched (``exact``, ``normalised``, ``trimmed``,
or ``not found``), the number of places where the text occurs, whether the place starts and
ends on token boundaries, and whether it was *moved*: a span that must lie in its item's
sentence placed outside it, exactly the spans ``validate`` warns about
(:attr:`benchmark.submission.Placement.moved`). ``--json``
writes one JSON object per span instead (JSON Lines). Spans given by offsets are not listed.
The submission is read as ``validate`` reads it (``--lenient`` too): an invalid one prints its
errors and exits 2. Writes nothing. Thin: the placements are
:attr:`benchmark.submission.Submission.placements`.
"""

from __future__ import annotations

import argparse
import json
import sys

from benchmark.commands._options import (
    add_gold_dir,
    add_lenient,
    add_split,
    add_submission,
    data_error,
)
from benchmark.dataset.gold import read_gold
from benchmark.errors import DataError
from benchmark.submission import Placement, read_submission

COLUMNS: tuple[str, ...] = (
    "line", "path", "doc_id", "field", "start", "end", "sentence", "method", "occurs",
    "whole words", "moved", "text",
)  # fmt: skip
"""Columns of the table."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``align``."""
    add_submission(parser)
    parser.add_argument("--json", action="store_true", help="write JSON Lines, one per span")
    add_lenient(parser)
    add_split(parser)
    add_gold_dir(parser)


def row(placement: Placement) -> list[str]:
    """Return the table cells of one placement."""
    return [
        str(placement.line),
        placement.path,
        placement.doc_id,
        f"{placement.layer}.{placement.field}",
        str(placement.start),
        str(placement.end),
        str(placement.sentence_id),
        placement.method or "not found",
        str(placement.occurrences),
        "yes" if placement.whole_words else "no",
        "yes" if placement.moved else "no",
        json.dumps(placement.text, ensure_ascii=False),
    ]


def table(placements: tuple[Placement, ...]) -> str:
    """Return the placements as an aligned text table (final newline)."""
    rows = [list(COLUMNS), *(row(p) for p in placements)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    if not placements:
        lines.append("(no text-only span)")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    """Print the placements of ``args.submission``; return 0, or 2 on bad input."""
    try:
        gold = read_gold(split=args.split, data_dir=args.gold_dir)
        submission = read_submission(args.submission, gold=gold, lenient=args.lenient)
    except DataError as error:
        return data_error(error, outcome=f"kharkiv-ie align: {args.submission} is not valid")
    placements = submission.placements
    if args.json:
        text = "".join(json.dumps(p.as_dict(), ensure_ascii=False) + "\n" for p in placements)
    else:
        text = table(placements)
    sys.stdout.write(text)
    return 0
