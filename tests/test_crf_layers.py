from baselines.crf.features import quote_mask
from baselines.crf.layers import TaggedSentence, annotations_from_tags, find_hedges
from baselines.document import document_from_text
from benchmark.dataset.schema import Span
from benchmark.dataset.text import tokenize

TEXT = (
    "Il sindaco ha detto che la città sarebbe sotto attacco. "
    '"Tre soldati sono morti. 12 civili sono feriti", ha riferito la polizia. '
    "Non ci sono vittime tra i bambini."
)
DOCUMENT = document_from_text("t", TEXT)


def tagged(sentence_id: int, **marked: dict[int, str]) -> TaggedSentence:
    """All-O tags except the token index -> tag maps given per column."""
    sentence = DOCUMENT.sentences[sentence_id]
    offsets = tokenize(TEXT, sentence.start, sentence.end)
    columns = {}
    for column in ("event_tags", "hedge_tags", "attribution_tags", "casualty_tags"):
        tags = ["O"] * len(offsets)
        for index, tag in marked.get(column, {}).items():
            tags[index] = tag
        columns[column] = tuple(tags)
    return TaggedSentence(
        sentence_id=sentence_id,
        starts=tuple(start for start, _ in offsets),
        ends=tuple(end for _, end in offsets),
        **columns,
    )


SENTENCES = [
    # Il0 sindaco1 ha2 detto3 che4 la5 città6 sarebbe7 sotto8 attacco9 .10
    tagged(
        0,
        event_tags={9: "B-Conflict:Attack"},
        hedge_tags={7: "B-conditional"},
        attribution_tags={
            0: "B-SOURCE",
            1: "I-SOURCE",
            3: "B-CUE",
            5: "B-CONTENT",
            6: "I-CONTENT",
            7: "I-CONTENT",
            8: "I-CONTENT",
            9: "I-CONTENT",
        },
    ),
    # "0 Tre1 soldati2 sono3 morti4 .5
    tagged(
        1,
        event_tags={4: "B-Life:Die"},
        attribution_tags={i: ("B-CONTENT" if i == 0 else "I-CONTENT") for i in range(6)},
        casualty_tags={1: "B-COUNT", 2: "B-VICTIM"},
    ),
    # 12_0 civili1 sono2 feriti3 "4 ,5 ha6 riferito7 la8 polizia9 .10
    tagged(
        2,
        attribution_tags={
            0: "B-CONTENT",
            1: "I-CONTENT",
            2: "I-CONTENT",
            3: "I-CONTENT",
            7: "B-CUE",
            8: "B-SOURCE",
            9: "I-SOURCE",
        },
        casualty_tags={0: "B-COUNT", 1: "B-VICTIM"},
    ),
    # Non0 ci1 sono2 vittime3 tra4 i5 bambini6 .7
    tagged(3, casualty_tags={5: "B-VICTIM", 6: "I-VICTIM"}),
]


def build():
    return annotations_from_tags(DOCUMENT, list(reversed(SENTENCES)), mask=quote_mask(DOCUMENT))


def test_hedge_scope_is_the_sentence_without_final_punctuation():
    (hedge,) = build().hedges
    assert (hedge.hedge_id, hedge.sentence_id, hedge.cue_type) == ("H1", 0, "conditional")
    assert hedge.cue == Span(33, 40, "sarebbe")
    assert hedge.scope == Span(0, 54, "Il sindaco ha detto che la città sarebbe sotto attacco")


def test_scope_always_contains_the_cue():
    sentence = tagged(0, hedge_tags={10: "B-epistemic"})  # a cue on the final full stop
    (hedge,) = find_hedges(DOCUMENT, [sentence])
    assert hedge.scope == Span(0, 55, TEXT[:55])


def test_events_take_certainty_from_the_sentence_and_attribution_from_the_content():
    events = build().events
    assert [(e.event_id, e.sentence_id, e.trigger.text, e.event_type) for e in events] == [
        ("E1", 0, "attacco", "Conflict:Attack"),
        ("E2", 1, "morti", "Life:Die"),
    ]
    assert [(e.certainty, e.polarity, e.arguments, e.attribution_id) for e in events] == [
        ("uncertain", "positive", (), "A1"),
        ("certain", "positive", (), "A2"),
    ]


def test_attributions_indirect_and_a_two_sentence_quotation():
    first, second = build().attributions
    assert first.attribution_id == "A1"
    assert (first.source, first.cue) == (Span(0, 10, "Il sindaco"), Span(14, 19, "detto"))
    assert first.content == Span(24, 54, "la città sarebbe sotto attacco")
    assert first.attribution_type == "indirect"
    assert second.attribution_id == "A2"
    assert (second.source, second.cue) == (Span(117, 127, "la polizia"), Span(108, 116, "riferito"))
    assert second.content == Span(57, 102, "Tre soldati sono morti. 12 civili sono feriti")
    assert second.attribution_type == "direct"
    assert (second.parent_id, second.source_antecedent) == (None, None)


def test_casualty_records():
    records = build().casualties
    rows = [
        (
            c.casualty_id,
            c.sentence_id,
            c.victim.text,
            c.count_span.text if c.count_span else None,
            c.count,
            c.count_qualifier,
            c.attribution_id,
        )
        for c in records
    ]
    assert rows == [
        ("C1", 1, "soldati", "Tre", None, "exact", "A2"),
        ("C2", 2, "civili", "12", 12, "exact", "A2"),
        ("C3", 3, "i bambini", None, None, "unquantified", None),
    ]
    for record in records:
        assert (record.status, record.victim_group, record.polarity) == (
            "unspecified",
            "people",
            "positive",
        )
        assert record.certainty == "certain"
        assert (record.trigger, record.location, record.time, record.event_id) == (
            None,
            None,
            None,
            None,
        )


def test_the_result_holds_only_the_document():
    assert build().documents == (DOCUMENT,)
