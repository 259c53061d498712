"""``kharkiv-ie predict --baseline NAME INPUT [--out FILE]``: run a baseline on any Italian text.

The baseline is built from its config (``conf/baseline/<NAME>.yaml``, composed with Hydra, so
``--baseline crf`` uses the crf options of ``crf.yaml``). INPUT is a ``.txt`` file (one
document, ``doc_id`` = the file stem) or a ``.jsonl`` file of ``{"doc_id": ..., "text": ...}``
objects. The output is a submission JSONL (one line
per document, all four layers plus sentence labels), written atomically to ``--out`` or
printed to stdout. Bad input: a one-line error naming file, line and field; exit code 2;
nothing written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from baselines.config import baseline_names
from benchmark import json_input
from benchmark.dataset.configs import gold_folders
from benchmark.errors import DataError
from benchmark.input_files import read_input
from benchmark.outputs import check_output, write_output
from benchmark.printable import printable
from benchmark.submission.format import submission_line_from_annotations
from benchmark.terminal import progress, write_payload

JSONL_SUFFIXES = (".jsonl", ".ndjson")
"""File suffixes read as JSONL; any other file is one plain-text document."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``predict``."""
    parser.add_argument(
        "--baseline", required=True, help=f"baseline to run: {', '.join(baseline_names())}"
    )
    parser.add_argument("input", help='a .txt file (one document) or a JSONL of {"doc_id", "text"}')
    parser.add_argument("--out", help="submission JSONL to write (default: stdout)")


def run(args: argparse.Namespace) -> int:
    """Run the baseline and write the submission; return 0, or 2 on bad input."""
    from baselines.document import document_from_text
    from baselines.registry import get_extractor

    protected = gold_folders()
    try:
        if args.out:
            check_output(args.out, protected=protected, inputs=(args.input,))
        documents = read_documents(Path(args.input))
        progress("predict", f"{args.baseline} on {len(documents)} document(s) ...")
        extractor = get_extractor(args.baseline)
        lines = []
        for doc_id, text in documents:
            annotations = extractor.extract(document_from_text(doc_id, text))
            lines.append(submission_line_from_annotations(annotations, doc_id))
        payload = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
        if args.out:
            write_output(args.out, payload, protected=protected, inputs=(args.input,))
        else:
            write_payload(payload)
    except DataError as error:
        sys.stderr.write(f"kharkiv-ie predict: error: {error}\n")
        return 2
    return 0


def read_documents(path: Path) -> list[tuple[str, str]]:
    """Return ``(doc_id, text)`` pairs from a .txt or JSONL file; raise DataError on bad input."""
    raw = read_input(path, what="input file")
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataError(f"not valid UTF-8 (byte {error.start})", file=path) from None
    if path.suffix.lower() not in JSONL_SUFFIXES:
        if not path.stem:
            raise DataError("cannot derive a doc_id from the file name", file=path)
        # a file name need not be UTF-8: its undecodable bytes are shown as \xNN escapes
        return [(printable(path.stem), content)]
    return _read_jsonl(path, content)


def _read_jsonl(path: Path, content: str) -> list[tuple[str, str]]:
    documents: list[tuple[str, str]] = []
    seen: set[str] = set()
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json_input.parse(line, unique_keys=True)
        except json_input.BadJson as error:
            field = None if error.path == "$" else error.path
            raise DataError(error.reason, file=path, line=number, field=field) from None
        if not isinstance(row, dict):
            raise DataError("expected a JSON object", file=path, line=number)
        for field in ("doc_id", "text"):
            if field not in row:
                raise DataError("missing field", file=path, line=number, field=field)
            if not isinstance(row[field], str):
                raise DataError("must be a string", file=path, line=number, field=field)
        doc_id = row["doc_id"]
        if not doc_id.strip():
            raise DataError("must not be empty", file=path, line=number, field="doc_id")
        if doc_id in seen:
            raise DataError("duplicate doc_id", file=path, line=number, item=doc_id, field="doc_id")
        seen.add(doc_id)
        documents.append((doc_id, row["text"]))
    if not documents:
        raise DataError("no documents in the file", file=path)
    return documents
