"""``kharkiv-ie validate SUBMISSION``: check a submission JSONL against the gold documents.

Prints every error (one line each, ``FILE:LINE: JSON.PATH: message``) to stderr
and exits 2, or prints ``OK`` with item counts, the attempted tasks, every
warning and (``--lenient``) every rejected item to stdout and exits 0. Writes
nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmark.commands._options import (
    add_gold_dir,
    add_lenient,
    add_split,
    add_submission,
    data_error,
)
from benchmark.dataset.gold import read_gold
from benchmark.dataset.schema import UNKNOWN_SENTENCE, Annotations
from benchmark.errors import DataError
from benchmark.submission import SENTENCES, TASKS, Submission, read_submission


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``validate``."""
    add_submission(parser)
    add_lenient(parser)
    add_split(parser)
    add_gold_dir(parser)


def _load_gold(gold_dir: Path | None, *, split: str) -> Annotations:
    """Read the gold annotations of ``split`` (manifest-checked, without ``datasets``)."""
    return read_gold(split=split, data_dir=gold_dir)


def summary(submission: Submission, *, name: str) -> list[str]:
    """Return the report lines of a valid submission: counts, tasks, warnings."""
    annotations = submission.annotations
    counts = []
    for task in TASKS:
        if task not in submission.attempted:
            counts.append(f"{task}: not attempted")
        elif task == SENTENCES:
            # the gold sentences' labels only: a rejected entry that said "uncertain" stands as
            # the unknown sentence -1 (a false positive) and is counted with the rejected items
            accepted = [
                uncertain
                for (_, sentence_id), uncertain in submission.sentence_labels.items()
                if sentence_id != UNKNOWN_SENTENCE
            ]
            uncertain, labelled = sum(accepted), len(accepted)
            counts.append(f"sentences: {labelled} labels ({uncertain} uncertain)")
        else:
            counts.append(f"{task}: {len(getattr(annotations, task))}")
    lines = [
        f"OK: {name}: {len(annotations.documents)} document(s)",
        "  " + ", ".join(counts),
        f"  unaligned spans (counted as false positives): {len(submission.unaligned)}",
    ]
    if submission.rejected:
        lines.append(
            f"  rejected items (lenient reading; counted as false positives): "
            f"{len(submission.rejected)}"
        )
        for item in submission.rejected:
            lines.extend(
                f"{name}:{item.line}: {error} (item kept as a false positive)"
                for error in item.errors
            )
    lines.append(f"  warnings: {len(submission.warnings)}")
    lines.extend(str(warning) for warning in submission.warnings)
    return lines


def run(args: argparse.Namespace) -> int:
    """Validate ``args.submission``; return 0 when valid, 2 otherwise."""
    try:
        gold = _load_gold(args.gold_dir, split=args.split)
    except DataError as error:
        return data_error(
            error, outcome="kharkiv-ie validate: cannot load the gold data; nothing was checked"
        )
    try:
        submission = read_submission(args.submission, gold=gold, lenient=args.lenient)
    except DataError as error:
        return data_error(error, outcome=f"kharkiv-ie validate: {args.submission} is not valid")
    sys.stdout.write("\n".join(summary(submission, name=str(args.submission))) + "\n")
    return 0
