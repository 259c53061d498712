"""Check annotation files of the 2.0 format (guidelines 2.0) against their texts.

For annotators: ``python check_pass.py --texts TEXT_DIR FILE.yaml [FILE.yaml ...]`` resolves every
anchor of every file against ``TEXT_DIR/<doc_id>.txt`` with the project's own resolver
(:mod:`benchmark.annotation_source`) and prints ``OK`` with item counts, or one line per file with
the first problem (file, line, item, field). Exit code 0 when every file is valid, 1 otherwise.

The 2.0 label inventories and the casualty field ``count_high`` are applied here until the
package's schema is moved to 2.0 (``benchmark.inventory``); they follow ``FORMAT.md`` 2.0.
``--listing OUT_DIR`` instead writes ``<doc_id>.sentences.txt`` per text: sentence ids, offsets,
text and tokens (token boundaries are where anchors may start and end).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmark.dataset import annotation_source, inventory
from benchmark.dataset.documents import read_text, sentence_offsets
from benchmark.dataset.text import tokenize
from benchmark.errors import DataError

INVENTORY_2_0 = {
    "EVENT_TYPES": (
        "Conflict:Attack",
        "Life:Die",
        "Life:Injure",
        "Movement:Transport",
        "Contact:Meet",
        "Conflict:Siege",
        "Conflict:Damage",
        "Conflict:Explosion",
        "Disaster:Accident",
        "Disaster:Fire",
    ),
    "COUNT_QUALIFIERS": (
        "exact",
        "at_least",
        "more_than",
        "at_most",
        "less_than",
        "approximate",
        "range",
        "unquantified",
    ),
    "VICTIM_GROUPS": (
        "people",
        "civilians",
        "children",
        "military",
        "police",
        "armed_group",
        "international_staff",
        "other",
    ),
}


def use_format_2_0() -> None:
    """Switch the parser to the 2.0 inventories and casualty keys."""
    for name, labels in INVENTORY_2_0.items():
        setattr(inventory, name, labels)
    keys = annotation_source.ITEM_KEYS["casualties"]
    if "count_high" not in keys:
        at = keys.index("count") + 1
        annotation_source.ITEM_KEYS["casualties"] = (*keys[:at], "count_high", *keys[at:])


def check_count_high(path: Path) -> None:
    """Refuse a ``count_high`` that is not an integer above ``count`` for a range, else null."""
    data = annotation_source.load_yaml(read_text(path), file=path)
    for item in data.get("casualties") or []:
        high, low, qualifier = item.get("count_high"), item.get("count"), item.get("qualifier")
        where = f"{path}:{item.key_lines.get('count_high', item.line)}: {item.get('id')}"
        if qualifier == "range":
            if not isinstance(high, int) or isinstance(high, bool) or not isinstance(low, int):
                raise DataError(f"{where}: a range needs integer count and count_high")
            if high <= low:
                raise DataError(f"{where}: count_high {high} must exceed count {low}")
        elif high is not None:
            raise DataError(f"{where}: count_high must be null unless qualifier is range")


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
    use_format_2_0()
    failed = 0
    for path in args.files:
        try:
            text = read_text(args.texts / f"{path.stem}.txt")
            parsed = annotation_source.load_annotation_file(path, text=text)
            check_count_high(path)
        except (DataError, OSError) as error:
            failed += 1
            sys.stdout.write(f"ERROR {error}\n")
            continue
        counts = ", ".join(
            f"{len(getattr(parsed, layer))} {layer}"
            for layer in ("events", "casualties", "attributions", "hedges")
        )
        sys.stdout.write(f"OK {path}: {counts}\n")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
