"""Hand-made hedge case: gold and prediction (counts: tests/test_scoring_hedges.py)."""

from __future__ import annotations

from benchmark.dataset.schema import Hedge
from support.documents import annotations, document, span

TEXT = "I russi avrebbero colpito l'ospedale. Forse ci sono vittime. Il sindaco ha parlato."
DOC = document(TEXT, uncertain=(0, 1))


def hedge(hid, sentence_id, cue, cue_type, scope):
    return Hedge(hid, "d1", sentence_id, span(TEXT, cue), cue_type, span(TEXT, scope))


GOLD = annotations(
    DOC,
    hedges=[
        hedge("H1", 0, "avrebbero", "conditional", "I russi avrebbero colpito l'ospedale"),
        hedge("H2", 1, "Forse", "epistemic", "Forse ci sono vittime"),
    ],
)
PRED = annotations(
    DOC,
    hedges=[
        # cue and scope only overlap
        hedge("K1", 0, "avrebbero colpito", "conditional", "avrebbero colpito l'ospedale"),
        # cue and scope exact, type wrong
        hedge("K2", 1, "Forse", "evidential", "Forse ci sono vittime"),
        # spurious
        hedge("K3", 2, "ha parlato", "epistemic", "Il sindaco ha parlato"),
    ],
)
# Sentence 0 right, sentence 2 wrongly uncertain, sentence 1 left out (= certain)
