"""Hand-computed attribution scores, both match modes (counts worked out in the comments)."""

from __future__ import annotations

import pytest
from support.attribution_case import GOLD, PRED
from support.documents import counts

from benchmark.scoring import score


@pytest.fixture(scope="module")
def report():
    return score(GOLD, PRED, attempted={"attributions"})


@pytest.mark.parametrize(
    ("subtask", "mode", "expected"),
    [
        # source items: gold A1, A2 (A3 null is no item); pred B1, B2, B3.
        # B3 "tre persone" overlaps no gold source in either mode
        ("source", "exact", (2, 1, 0)),
        ("source", "overlap", (2, 1, 0)),
        # cue: B1 "detto" is not exact
        ("cue", "exact", (2, 1, 1)),
        ("cue", "overlap", (3, 0, 0)),
        # content: B2 not exact. In overlap B2 overlaps A1's and A2's content and B1 equals
        # A1's content but also overlaps A2's: both pairings have 2 matches; B1-A1 + B2-A2
        # share 53 + 21 = 74 characters, B1-A2 + B2-A1 33 + 21 = 54, so B2 goes to A2
        ("content", "exact", (2, 1, 1)),
        ("content", "overlap", (3, 0, 0)),
        # relation exact: each of B1 (cue), B2 (content), B3 (source) has one element wrong
        ("relation", "exact", (0, 3, 3)),
        # overlap: B1=A1 and B2=A2; B3 has a source where A3 has none (null matches null only)
        ("relation", "overlap", (2, 1, 1)),
        # nesting exact: no relation matched
        ("nesting", "exact", (0, 3, 3)),
        # overlap: B1=A1 with both parents null; B2=A2 but its parent is null, gold A1
        ("nesting", "overlap", (1, 2, 2)),
    ],
)
def test_counts(report, subtask, mode, expected):
    assert counts(report, "attributions", subtask, mode) == expected


def test_content_overlap_assignment(report):
    result = report.get("attributions", "content", "overlap")
    assert result.matched == (("d1", "A1", "B1"), ("d1", "A2", "B2"), ("d1", "A3", "B3"))


def test_sentence_of_relation(report):
    per_unit = report.get("attributions", "cue", "exact").per_unit
    # sentence 0: A1 missed, B1 spurious, A2=B2; sentence 1: A3=B3
    assert (per_unit.tp, per_unit.fp, per_unit.fn) == ((1, 1), (1, 0), (1, 0))
