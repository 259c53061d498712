"""baselines.crf.heldout: the training rows left once the excluded sentences are dropped."""

import pytest
from support.crf_synthetic import HEDGED, synthetic_corpus

from baselines.crf.heldout import training_rows
from benchmark.errors import DataError


def test_training_rows_drop_exactly_the_excluded_keys():
    _, rows = synthetic_corpus(HEDGED)
    kept = training_rows(rows, excluded={("synthetic", 1), ("synthetic", 7)})
    assert [row.sentence_id for row in kept] == [0, 2, 3, 4, 5, 6, 8, 9, 10, 11]


def test_unknown_excluded_key_and_nothing_left_are_errors():
    _, rows = synthetic_corpus(HEDGED)
    with pytest.raises(DataError, match="item synthetic#12, field excluded"):
        training_rows(rows, excluded={("synthetic", 12)})
    with pytest.raises(DataError, match="no training sentence is left"):
        training_rows(rows, excluded={("synthetic", i) for i in range(12)})
