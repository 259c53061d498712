from __future__ import annotations

from support.documents import annotations, document
from support.sklearn_oracle import sklearn_uncertain_prf

from benchmark.scoring.sentences import SentenceIndex, gold_sentence_labels, sentence_units

TEXT = "Prima frase. Seconda frase qui. Terza."
DOC = document(TEXT, uncertain=(1,))


def test_sentence_of_offset():
    index = SentenceIndex([DOC])
    assert [index("d1", offset) for offset in (0, 11, 12, 13, 31, 36)] == [0, 0, 0, 1, 1, 2]
    assert index("d1", -1) == -1 and index("other", 3) == -1


def test_units_and_labels():
    assert sentence_units([DOC]) == (("d1", 0), ("d1", 1), ("d1", 2))
    gold = gold_sentence_labels(annotations(DOC))
    assert gold == {("d1", 0): False, ("d1", 1): True, ("d1", 2): False}


def test_sklearn_prf_missing_labels_are_certain():
    gold = {("d1", 1): True}
    units = sentence_units([DOC])
    assert sklearn_uncertain_prf(gold, {("d1", 1): True, ("d1", 2): True}, units=units) == (
        0.5,
        1.0,
        2 / 3,
    )
    assert sklearn_uncertain_prf(gold, {}, units=units) == (0.0, 0.0, 0.0)
