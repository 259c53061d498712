"""Load the hand-written lexicons of ``baselines/lexicons/`` (TSV with a provenance header).

Every lexicon file starts with a ``# provenance:`` comment saying where its entries come
from (general Italian grammar and vocabulary, never the benchmark's article). Lines starting
with ``#`` are comments, blank lines are skipped, columns are separated by tabs.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"
"""Folder holding the lexicon files."""


class LexiconError(Exception):
    """A lexicon file is missing, lacks its provenance header or has a malformed row."""


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Return the rows of lexicon ``name`` (file ``<name>.tsv``) as tuples of columns."""
    path = LEXICON_DIR / f"{name}.tsv"
    if not path.is_file():
        raise LexiconError(f"{path}: lexicon file not found")
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].startswith("# provenance:"):
        raise LexiconError(f"{path}:1: the first line must be a '# provenance:' comment")
    table = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = tuple(column.strip() for column in line.split("\t"))
        if not columns[0]:
            raise LexiconError(f"{path}:{number}: empty first column")
        table.append(columns)
    return tuple(table)


def column(row: tuple[str, ...], index: int) -> str:
    """Return column ``index`` of ``row``, or ``""`` when the row is shorter."""
    return row[index] if index < len(row) else ""


@cache
def words(name: str) -> frozenset[str]:
    """Return the first column of lexicon ``name`` as a set."""
    return frozenset(row[0] for row in rows(name))


@cache
def classes(name: str) -> dict[str, frozenset[str]]:
    """Return a two-column ``class<TAB>word`` lexicon as class -> set of words."""
    grouped: dict[str, set[str]] = defaultdict(set)
    for row in rows(name):
        grouped[row[0]].add(column(row, 1))
    return {key: frozenset(value) for key, value in grouped.items()}


@cache
def mapping(name: str) -> dict[str, str]:
    """Return a ``word<TAB>value`` lexicon as word -> value (first entry wins)."""
    table: dict[str, str] = {}
    for row in rows(name):
        table.setdefault(row[0], column(row, 1))
    return table


def function_words(kind: str) -> frozenset[str]:
    """Return the closed-class words of one class of ``function_words.tsv``."""
    return classes("function_words").get(kind, frozenset())
