"""List every disagreement between two annotation passes, for the adjudicator.

``python diff_passes.py --texts TEXT_DIR PASS_A_DIR PASS_B_DIR [--out FILE]`` reads the 2.0-format
files of both passes (:mod:`benchmark.dataset.annotation_source`), pairs the items of each layer
one to one by their head span (event trigger, casualty victim + count span, attribution cue,
hedge cue; identical offsets first, then overlapping ones), and writes Markdown: per document
and layer, the items only one pass has, and for every pair the fields whose values differ.
References are shown by the head text of the item they point to, so ids need not agree. The
listing says nothing about which pass is right. A file that is not valid 2.0 (a 1.x file
among them) stops the listing with one line naming file, line, item and field (exit code 2).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmark.dataset import annotation_source
from benchmark.dataset.documents import read_text
from benchmark.dataset.layers import LAYERS
from benchmark.errors import DataError

HEAD = {
    "events": lambda item: (item.trigger,),
    "casualties": lambda item: (item.victim, item.count_span),
    "attributions": lambda item: (item.cue,),
    "hedges": lambda item: (item.cue,),
}
ID = {name: spec.id_field for name, spec in LAYERS.items()}
FIELDS = {
    "events": ("event_type", "polarity", "certainty", "attribution_id", "arguments"),
    "casualties": (
        "status", "count", "count_high", "count_qualifier", "count_span", "qualifier_span",
        "trigger", "victim", "victim_group", "location", "time", "polarity", "certainty",
        "event_id", "attribution_id",
    ),
    "attributions": (
        "source", "source_antecedent", "content", "attribution_type", "parent_id",
    ),
    "hedges": ("cue_type", "scope"),
}  # fmt: skip
REFERENCE = {"attribution_id": "attributions", "event_id": "events", "parent_id": "attributions"}


def show(span) -> str:
    """Return a span as ``"text"@start``, or ``-``."""
    return "-" if span is None else f'"{span.text}"@{span.start}'


def offsets(item, layer: str) -> tuple:
    """Return the head offsets of an item."""
    return tuple((s.start, s.end) if s is not None else None for s in HEAD[layer](item))


def overlaps(a, b, layer: str) -> bool:
    """Return True when the first head spans of two items share a character."""
    x, y = HEAD[layer](a)[0], HEAD[layer](b)[0]
    return x.start < y.end and y.start < x.end


def pair(items_a, items_b, layer: str):
    """Return (pairs, only_a, only_b): identical heads first, then overlapping ones."""
    pairs, rest_b = [], list(items_b)
    rest_a = []
    for a in items_a:
        match = next((b for b in rest_b if offsets(b, layer) == offsets(a, layer)), None)
        if match is None:
            rest_a.append(a)
        else:
            pairs.append((a, match))
            rest_b.remove(match)
    only_a = []
    for a in rest_a:
        match = next((b for b in rest_b if overlaps(a, b, layer)), None)
        if match is None:
            only_a.append(a)
        else:
            pairs.append((a, match))
            rest_b.remove(match)
    return pairs, only_a, rest_b


def value(item, field: str, *, heads: dict) -> str:
    """Return a field's value for display (references by their target's head text)."""
    got = getattr(item, field)
    if field in REFERENCE:
        return "-" if got is None else heads[REFERENCE[field]].get(got, got)
    if field == "arguments":
        return "; ".join(sorted(f"{arg.role} {show(arg.span)}" for arg in got)) or "none"
    if hasattr(got, "start"):
        return show(got)
    return "-" if got is None else str(got)


def describe(item, layer: str, *, heads: dict) -> str:
    """Return one line describing an item and all its fields."""
    fields = ", ".join(f"{f}={value(item, f, heads=heads)}" for f in FIELDS[layer])
    head = " / ".join(show(span) for span in HEAD[layer](item))
    return f"{getattr(item, ID[layer])} {head}: {fields}"


def load(path: Path, text: str):
    """Return (annotations, head texts by layer and id)."""
    parsed = annotation_source.load_annotation_file(path, text=text).annotations
    heads = {
        layer: {getattr(i, ID[layer]): show(HEAD[layer](i)[0]) for i in getattr(parsed, layer)}
        for layer in HEAD
    }
    return parsed, heads


def diff_document(doc_id: str, text: str, path_a: Path, path_b: Path) -> tuple[str, int]:
    """Return the Markdown of one document's disagreements and their number."""
    a, heads_a = load(path_a, text)
    b, heads_b = load(path_b, text)
    lines, count = [f"## {doc_id}\n"], 0
    for layer in HEAD:
        pairs, only_a, only_b = pair(getattr(a, layer), getattr(b, layer), layer)
        rows = [f"- only A: {describe(i, layer, heads=heads_a)}" for i in only_a]
        rows += [f"- only B: {describe(i, layer, heads=heads_b)}" for i in only_b]
        for x, y in pairs:
            if offsets(x, layer) != offsets(y, layer):
                rows.append(
                    f"- head differs: A {getattr(x, ID[layer])} "
                    f"{' / '.join(show(s) for s in HEAD[layer](x))} vs B "
                    f"{getattr(y, ID[layer])} {' / '.join(show(s) for s in HEAD[layer](y))}"
                )
            for field in FIELDS[layer]:
                va = value(x, field, heads=heads_a)
                vb = value(y, field, heads=heads_b)
                if va != vb:
                    rows.append(
                        f"- {getattr(x, ID[layer])}/{getattr(y, ID[layer])} "
                        f"{show(HEAD[layer](x)[0])} {field}: A {va} | B {vb}"
                    )
        count += len(rows)
        if rows:
            lines.append(f"### {layer}\n" + "\n".join(rows) + "\n")
    if count == 0:
        lines.append("no disagreement\n")
    return "\n".join(lines) + "\n", count


def main(argv: list[str] | None = None) -> int:
    """Write the disagreement listing of every document both passes annotated."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, required=True)
    parser.add_argument("--out", type=Path)
    parser.add_argument("pass_a", type=Path)
    parser.add_argument("pass_b", type=Path)
    args = parser.parse_args(argv)
    chunks, total = [], 0
    for path_a in sorted(args.pass_a.glob("*.yaml")):
        path_b = args.pass_b / path_a.name
        if not path_b.is_file():
            chunks.append(f"## {path_a.stem}\n\nmissing in pass B\n\n")
            continue
        try:
            text = read_text(args.texts / f"{path_a.stem}.txt")
            chunk, count = diff_document(path_a.stem, text, path_a, path_b)
        except (DataError, OSError) as error:
            sys.stderr.write(f"diff_passes: {error}\n")
            return 2
        chunks.append(chunk)
        total += count
    output = f"# Disagreements between the passes ({total} rows)\n\n" + "".join(chunks)
    if args.out is None:
        sys.stdout.write(output)
    else:
        args.out.write_text(output, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
