"""Placing the spans of one item: the head first, anchors, warnings, placements per field."""

from benchmark.dataset.schema import Span
from benchmark.submission.alignment import DocumentIndex
from benchmark.submission.messages import ProblemLog
from benchmark.submission.placing import SpanPlacer, SpanSpec, must_stay

# sentences 0 = 0..27 "Il ponte dei fiumetti cade.", 1 = 28..56 "Il ponte regge, il fiume no."
# words: "fiumetti" 13..21, "cade" 22..26, "Il ponte" 0..8 and 28..36, "il fiume" 44..52,
# "fiume no" 47..55
TEXT = "Il ponte dei fiumetti cade. Il ponte regge, il fiume no."
BOUNDS = ((0, 27), (28, 56))


def placer() -> SpanPlacer:
    return SpanPlacer(ProblemLog("run.jsonl"), 1, DocumentIndex(TEXT, BOUNDS), "d1")


def text(words, path="$.hedges[0].scope"):
    return SpanSpec(path, None, None, words, None)


def test_fixture_offsets():
    assert [TEXT[s:e] for s, e in BOUNDS] == [
        "Il ponte dei fiumetti cade.",
        "Il ponte regge, il fiume no.",
    ]
    assert TEXT.index("fiume") == 13 and TEXT.index("fiume no") == 47


def test_a_span_that_must_stay_warns_when_it_leaves_its_anchor_sentence():
    p = placer()
    # anchor "cade" 22..26 (sentence 0); "fiume no" occurs only in sentence 1 (47..55)
    span = p.resolve(
        text("fiume no"), layer="hedges", field="scope", anchor=Span(22, 26, "cade"),
        sentence_id=None, must_stay=True,
    )  # fmt: skip
    assert span == Span(47, 55, "fiume no")
    (warning,) = p.log.warnings
    assert warning.message.startswith("placed in sentence 1, outside the sentence of its anchor")
    (placed,) = p.log.placements
    assert (placed.sentence_id, placed.moved, placed.method, placed.occurrences) == (
        1,
        True,
        "exact",
        1,
    )


def test_a_span_allowed_to_leave_gets_no_warning():
    p = placer()
    p.resolve(
        text("fiume no"), layer="attributions", field="content", anchor=Span(22, 26, "cade"),
        sentence_id=None, must_stay=must_stay("attributions", "content"),
    )  # fmt: skip
    assert p.log.warnings == [] and p.log.placements[0].moved
    assert must_stay("hedges", "scope") and must_stay("events", "arguments")
    assert not must_stay("attributions", "source_antecedent")


def test_places_taken_are_remembered_per_field():
    p = placer()
    # "Il ponte" at 0 and 28: two unanchored cues take both; a scope is another field
    first = p.resolve(text("Il ponte"), layer="hedges", field="cue", anchor=None, sentence_id=None)
    second = p.resolve(text("Il ponte"), layer="hedges", field="cue", anchor=None, sentence_id=None)
    other = p.resolve(
        text("Il ponte"), layer="hedges", field="scope", anchor=None, sentence_id=None
    )
    assert (first.start, second.start, other.start) == (0, 28, 0)


def test_an_unambiguous_span_counts_places_at_every_level():
    p = placer()
    # "fiume" occurs verbatim at 13 (inside "fiumetti") and at 47: ambiguous; "il fiume"
    # occurs once (44), at any level: unambiguous
    assert p.unambiguous_span([None, text("fiume")]) is None
    assert p.unambiguous_span([text("fiume"), text("il fiume")]) == Span(44, 52, "")
    # "IL PONTE" occurs only folded, twice: ambiguous
    assert p.unambiguous_span([text("IL PONTE")]) is None
    offsets = SpanSpec("$.x", 3, 8, None, None)
    assert p.unambiguous_span([offsets]) == Span(3, 8, "")
