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


def test_a_span_allowed_to_leave_is_not_moved_in_the_warnings_or_the_placements():
    p = placer()
    # the same place as above (47..55, outside the anchor's sentence 0), but a content may
    # lie outside its cue's sentence: no warning, and the placement is not "moved" either
    p.resolve(
        text("fiume no"), layer="attributions", field="content", anchor=Span(22, 26, "cade"),
        sentence_id=None, must_stay=must_stay("attributions", "content"),
    )  # fmt: skip
    assert p.log.warnings == []
    (placed,) = p.log.placements
    assert (placed.start, placed.end, placed.sentence_id, placed.moved) == (47, 55, 1, False)
    assert must_stay("hedges", "scope") and must_stay("events", "arguments")
    assert not must_stay("attributions", "source_antecedent")


def test_places_taken_are_remembered_per_field():
    p = placer()
    # "Il ponte" at 0 and 28: two unanchored cues take both; a scope is another field
    unanchored = {"layer": "hedges", "anchor": None, "sentence_id": None, "must_stay": True}
    first = p.resolve(text("Il ponte"), field="cue", **unanchored)
    second = p.resolve(text("Il ponte"), field="cue", **unanchored)
    other = p.resolve(text("Il ponte"), field="scope", **unanchored)
    assert (first.start, second.start, other.start) == (0, 28, 0)
    assert p.log.warnings[0].message == (
        "the text occurs 2 times and the item gives no sentence_id or other unique span: placed "
        '"Il ponte" -> "Il ponte" at 0..8 (repeated texts take successive occurrences)'
    )
    assert [placed.moved for placed in p.log.placements] == [False, False, False]


MOVED = "placed in sentence 1, outside the sentence of its anchor (the text does not occur there "


def test_a_head_that_leaves_its_given_sentence_is_moved():
    p = placer()
    # "regge" occurs only at 37..42 (sentence 1); the hedge says sentence 0
    span = p.place_head(text("regge", "$.hedges[0].cue"), layer="hedges", others=[], sentence_id=0)
    assert span == Span(37, 42, "regge")
    assert [w.message for w in p.log.warnings] == [
        MOVED + 'as whole words): "regge" -> "regge" at 37..42'
    ]
    assert p.log.placements[0].moved
    # "fiume" occurs in sentence 0 only inside "fiumetti" (13..18), as a word at 47..52
    # (sentence 1): whole words win, so it leaves sentence 0 although sentence 0 holds it
    span = p.place_head(text("fiume", "$.hedges[1].cue"), layer="hedges", others=[], sentence_id=0)
    assert span == Span(47, 52, "fiume")
    assert p.log.warnings[1].message == MOVED + 'as whole words): "fiume" -> "fiume" at 47..52'
    # "cade" (22..26) in its given sentence 0: not moved
    p.place_head(text("cade", "$.hedges[2].cue"), layer="hedges", others=[], sentence_id=0)
    assert len(p.log.warnings) == 2
    assert [placed.moved for placed in p.log.placements] == [True, True, False]


def test_a_head_anchored_by_a_span_that_must_stay_is_moved_when_it_leaves_that_sentence():
    p = placer()
    # no sentence id; the argument "fiume no" occurs once (47..55, sentence 1) and anchors the
    # trigger "cade", which occurs only at 22..26 (sentence 0)
    others = [("arguments", text("fiume no", "$.events[0].arguments[0]"))]
    span = p.place_head(
        text("cade", "$.events[0].trigger"), layer="events", others=others, sentence_id=None
    )
    assert span == Span(22, 26, "cade")
    assert [w.message for w in p.log.warnings] == [
        "placed in sentence 0, outside the sentence of its anchor (the text does not occur "
        'there as whole words): "cade" -> "cade" at 22..26'
    ]
    assert p.log.placements[0].moved


def test_a_cue_anchored_by_a_span_allowed_to_leave_is_never_moved():
    p = placer()
    # the same places, but the anchor is an attribution's source, which may lie outside the
    # cue's sentence: the cue lands at 22..26 outside the source's sentence 1, unflagged
    others = [("source", text("fiume no", "$.attributions[0].source"))]
    span = p.place_head(
        text("cade", "$.attributions[0].cue"), layer="attributions", others=others, sentence_id=None
    )
    assert span == Span(22, 26, "cade")
    assert p.log.warnings == []
    assert not p.log.placements[0].moved


def test_an_unambiguous_span_counts_places_at_every_level():
    p = placer()
    # "fiume" occurs verbatim at 13 (inside "fiumetti") and at 47: ambiguous; "il fiume"
    # occurs once (44), at any level: unambiguous
    assert p.unambiguous_span([("a", None), ("b", text("fiume"))]) is None
    assert p.unambiguous_span([("a", text("fiume")), ("b", text("il fiume"))]) == (
        "b",
        Span(44, 52, ""),
    )
    # "IL PONTE" occurs only folded, twice: ambiguous
    assert p.unambiguous_span([("a", text("IL PONTE"))]) is None
    offsets = SpanSpec("$.x", 3, 8, None, None)
    assert p.unambiguous_span([("c", offsets)]) == ("c", Span(3, 8, ""))


# sentences 0 = 0..32, 1 = 33..39 "Piove.", 2 = 40..63; "cade" at 9..13 and 49..53, "buio" at
# 27..31 and 58..62: the 1-based trap of docs/submission-format.md ("For LLM users")
RAIN = "Il ponte cade di notte, al buio. Piove. La torre cade nel buio."
RAIN_BOUNDS = ((0, 32), (33, 39), (40, 63))


def test_a_one_based_head_may_land_on_another_mention_with_the_same_warnings():
    p = SpanPlacer(ProblemLog("run.jsonl"), 1, DocumentIndex(RAIN, RAIN_BOUNDS), "d2")
    # both meant for sentence 0, both given 1 (which holds neither): "cade" of sentence 0
    # is 33 - 13 = 20 characters before sentence 1, that of sentence 2 is 49 - 39 = 10 after
    # it: another mention; "buio" of sentence 0 is 2 before, that of sentence 2 19 after
    cade = p.place_head(text("cade", "$.events[0].trigger"), layer="events", others=[],
                        sentence_id=1)  # fmt: skip
    buio = p.place_head(text("buio", "$.events[1].trigger"), layer="events", others=[],
                        sentence_id=1)  # fmt: skip
    assert (cade, buio) == (Span(49, 53, "cade"), Span(27, 31, "buio"))
    assert p.sentence_of("$.events[0]", "trigger", cade, 1) == 2
    assert p.sentence_of("$.events[1]", "trigger", buio, 1) == 0
    assert [f"{w.path}: {w.message}" for w in p.log.warnings] == [
        "$.events[0].trigger: placed in sentence 2, outside the sentence of its anchor (the "
        'text does not occur there as whole words): "cade" -> "cade" at 49..53',
        "$.events[1].trigger: placed in sentence 0, outside the sentence of its anchor (the "
        'text does not occur there as whole words): "buio" -> "buio" at 27..31',
        "$.events[0].sentence_id: given 1, but the trigger starts in sentence 2; using 2",
        "$.events[1].sentence_id: given 1, but the trigger starts in sentence 0; using 0",
    ]
    # the silent case: a head whose text occurs in its given sentence goes there with no
    # warning at all, whichever sentence was meant ("cade" given 2 -> 49..53)
    third = p.place_head(
        text("cade", "$.events[2].trigger"), layer="events", others=[], sentence_id=2
    )
    assert third == Span(49, 53, "cade") and len(p.log.warnings) == 4
