import time

from baselines.crf.features import quote_mask
from baselines.crf.layers import TaggedSentence
from baselines.crf.relations import (
    attribution_of,
    find_attributions,
    find_casualties,
    gap,
    nearest,
    parse_count,
)
from baselines.document import document_from_text
from benchmark.dataset.schema import Attribution, Span
from benchmark.dataset.text import tokenize


def sentence_of(text: str, *, attribution=None, casualty=None) -> tuple:
    document = document_from_text("t", text)
    offsets = tokenize(text)
    size = len(offsets)
    tagged = TaggedSentence(
        sentence_id=0,
        starts=tuple(s for s, _ in offsets),
        ends=tuple(e for _, e in offsets),
        event_tags=("O",) * size,
        hedge_tags=("O",) * size,
        attribution_tags=tuple(attribution or ["O"] * size),
        casualty_tags=tuple(casualty or ["O"] * size),
    )
    return document, tagged


def test_gap_and_nearest_with_ties_to_the_earlier_span():
    anchor = Span(10, 12, "")
    assert gap(anchor, Span(20, 25, "")) == 8
    assert gap(anchor, Span(0, 4, "")) == 6
    assert gap(anchor, Span(11, 30, "")) == 0
    left, right = Span(5, 8, ""), Span(14, 16, "")  # both 2 characters away
    assert nearest(anchor, [right, left]) == left
    assert nearest(anchor, []) is None


def test_parse_count_reads_digits_only():
    assert parse_count("112") == 112
    assert parse_count("1.200") == 1200
    assert parse_count("1.4") is None
    assert parse_count("tre") is None
    assert parse_count("21esimo") is None


def test_attribution_of_picks_the_shortest_containing_content():
    outer = Attribution("A1", "t", None, None, Span(0, 3, ""), Span(5, 50, ""), "indirect", None)
    inner = Attribution("A2", "t", None, None, Span(0, 3, ""), Span(10, 20, ""), "indirect", None)
    assert attribution_of(Span(12, 15, ""), [outer, inner]) == "A2"
    assert attribution_of(Span(30, 35, ""), [outer, inner]) == "A1"
    assert attribution_of(Span(18, 22, ""), [inner]) is None


def test_a_cue_without_content_makes_no_relation():
    # Marco0 ha1 parlato2 .3
    document, tagged = sentence_of("Marco ha parlato.", attribution=["B-SOURCE", "O", "B-CUE", "O"])
    assert find_attributions(document, [tagged], mask=quote_mask(document)) == []


def test_two_cues_share_the_nearest_source_and_mixed_type():
    # Anna0 dice1 che2 "3 piove4 "5 e6 nevica7 ,8 spiega9 .10
    text = 'Anna dice che "piove" e nevica, spiega.'
    tags = [
        "B-SOURCE",
        "B-CUE",
        "O",
        "B-CONTENT",
        "I-CONTENT",
        "I-CONTENT",
        "I-CONTENT",
        "I-CONTENT",
        "O",
        "B-CUE",
        "O",
    ]
    document, tagged = sentence_of(text, attribution=tags)
    first, second = find_attributions(document, [tagged], mask=quote_mask(document))
    assert first.cue.text == "dice" and second.cue.text == "spiega"
    assert first.source == second.source == Span(0, 4, "Anna")
    assert first.content == second.content == Span(15, 30, 'piove" e nevica')
    assert first.attribution_type == "mixed"


def test_count_without_victim_makes_no_record_and_nearest_victim_wins():
    # Oltre0 5_1 morti2 ,3 7_4 persone5 ferite6 e7 100_8 .9
    text = "Oltre 5 morti, 7 persone ferite e 100."
    tags = ["O", "B-COUNT", "O", "O", "B-COUNT", "B-VICTIM", "O", "O", "B-COUNT", "O"]
    document, tagged = sentence_of(text, casualty=tags)
    records = find_casualties(document, [tagged], hedged=frozenset({0}), attributions=[])
    # every COUNT picks "persone" (the only VICTIM): three records share the victim
    assert [(c.count_span.text, c.victim.text, c.count) for c in records] == [
        ("5", "persone", 5),
        ("7", "persone", 7),
        ("100", "persone", 100),
    ]
    assert {c.certainty for c in records} == {"uncertain"}
    document, tagged = sentence_of(text, casualty=["O", "B-COUNT"] + ["O"] * 8)
    assert find_casualties(document, [tagged], hedged=frozenset(), attributions=[]) == []


def test_attribution_types_of_a_long_document_come_from_a_bisection():
    # 4,000 sentences of one document, each with its cue and content: the type of each
    # relation reads only its content's tokens (a scan of every token of the document for
    # each relation would be 4,000 x 40,000 steps).
    sentence = 'Anna dice che "piove" e nevica, spiega. '
    tags = ["B-SOURCE", "B-CUE", "O", "B-CONTENT"] + ["I-CONTENT"] * 4 + ["O", "B-CUE", "O"]
    text = sentence * 4000
    document = document_from_text("t", text)
    offsets = tokenize(text)
    size = len(tags)
    tagged = [
        TaggedSentence(
            sentence_id=k,
            starts=tuple(s for s, _ in offsets[k * size : (k + 1) * size]),
            ends=tuple(e for _, e in offsets[k * size : (k + 1) * size]),
            event_tags=("O",) * size,
            hedge_tags=("O",) * size,
            attribution_tags=tuple(tags),
            casualty_tags=("O",) * size,
        )
        for k in range(4000)
    ]
    started = time.process_time()
    relations = find_attributions(document, tagged, mask=quote_mask(document))
    assert time.process_time() - started < 5
    assert len(relations) == 8000
    assert {r.attribution_type for r in relations} == {"mixed"}
    last = relations[-1]
    assert last.content == Span(
        len(sentence) * 3999 + 15, len(sentence) * 3999 + 30, 'piove" e nevica'
    )
