"""Hand-made attribution case: gold and prediction (counts: tests/test_scoring_attributions.py)."""

from __future__ import annotations

from benchmark.dataset.schema import Attribution
from support.documents import annotations, document, span

TEXT = (
    "Il sindaco ha detto che, secondo la polizia, i russi hanno colpito un ospedale. "
    "Sarebbero morte tre persone, si legge."
)
DOC = document(TEXT)


def relation(aid, source, cue, content, parent):
    def s(words):
        return None if words is None else span(TEXT, words)

    return Attribution(aid, "d1", s(source), None, s(cue), s(content), "indirect", parent)


GOLD = annotations(
    DOC,
    attributions=[
        relation("A1", "Il sindaco", "ha detto",
                 "secondo la polizia, i russi hanno colpito un ospedale", None),
        relation("A2", "la polizia", "secondo", "i russi hanno colpito un ospedale", "A1"),
        relation("A3", None, "si legge", "Sarebbero morte tre persone", None),  # implicit source
    ],
)  # fmt: skip
PRED = annotations(
    DOC,
    attributions=[
        # cue "detto" only overlaps "ha detto"
        relation("B1", "Il sindaco", "detto",
                 "secondo la polizia, i russi hanno colpito un ospedale", None),
        # content only overlaps (and overlaps A1's content too); parent missing (gold: A1)
        relation("B2", "la polizia", "secondo", "i russi hanno colpito", None),
        # a source where the gold has none
        relation("B3", "tre persone", "si legge", "Sarebbero morte tre persone", None),
    ],
)  # fmt: skip
