from benchmark.dataset.schema import (
    Attribution,
    Casualty,
    Document,
    Event,
    Hedge,
    Paragraph,
    Sentence,
    Span,
)
from benchmark.dataset.tokens_view import build_tokens_view

#       0         1         2         3         4         5
#       012345678901234567890123456789012345678901234567890123
TEXT = 'Il sindaco dice: "Due morti. Tre feriti". Forse razzi.'
DOCUMENT = Document(
    doc_id="t-1",
    text=TEXT,
    language="it",
    paragraphs=(Paragraph(0, 54, "body"),),
    sentences=(Sentence(0, 0, 28, False), Sentence(1, 29, 41, False), Sentence(2, 42, 54, True)),
)


def span(start, end):
    return Span(start, end, TEXT[start:end])


def event(event_id, start, end, event_type):
    return Event(event_id, "t-1", 0, span(start, end), event_type, (), "positive", "certain", None)


def casualty(casualty_id, count_span, victim):
    return Casualty(
        casualty_id, "t-1", 0, "killed", None, None, "exact", count_span, None, None, victim,
        "people", None, None, "positive", "certain", None, None,
    )  # fmt: skip


EVENTS = [
    event("E1", 22, 27, "Life:Die"),
    # E2 and E10 share one trigger: equal start and length, so the lower id (E2) is kept
    event("E10", 33, 39, "Conflict:Attack"),
    event("E2", 33, 39, "Life:Injure"),
]
HEDGES = [
    Hedge("H1", "t-1", 2, span(42, 47), "epistemic", span(42, 53)),
    # same start, longer: H2 is kept and H1 dropped
    Hedge("H2", "t-1", 2, span(42, 53), "conditional", span(42, 53)),
]
ATTRIBUTIONS = [
    # outer relation; its content runs from sentence 0 into sentence 1
    Attribution("A1", "t-1", span(0, 10), None, span(11, 15), span(18, 39), "direct", None),
    # nested relation (parent A1): never tagged
    Attribution("A2", "t-1", None, None, span(42, 47), span(48, 53), "indirect", "A1"),
]
CASUALTIES = [
    casualty("C1", span(18, 21), span(22, 27)),
    # same victim span as C1: tagged once, not reported as dropped
    casualty("C2", None, span(22, 27)),
    # COUNT "Tre" and VICTIM "Tre feriti" start together: the longer VICTIM is kept
    casualty("C3", span(29, 32), span(29, 39)),
]


def build():
    return build_tokens_view(
        DOCUMENT, events=EVENTS, casualties=CASUALTIES, attributions=ATTRIBUTIONS, hedges=HEDGES
    )


def test_tokens_and_offsets():
    rows = build().rows
    assert [row.sentence_id for row in rows] == [0, 1, 2]
    assert rows[0].tokens == ("Il", "sindaco", "dice", ":", '"', "Due", "morti", ".")
    assert rows[0].token_starts == (0, 3, 11, 15, 17, 18, 22, 27)
    assert rows[0].token_ends == (2, 10, 15, 16, 18, 21, 27, 28)
    assert rows[1].tokens == ("Tre", "feriti", '"', ".")
    assert rows[1].token_starts == (29, 33, 39, 40)
    assert rows[2].tokens == ("Forse", "razzi", ".")
    assert [row.uncertain for row in rows] == [False, False, True]


def test_event_tags():
    rows = build().rows
    assert rows[0].event_tags == ("O", "O", "O", "O", "O", "O", "B-Life:Die", "O")
    assert rows[1].event_tags == ("O", "B-Life:Injure", "O", "O")
    assert rows[2].event_tags == ("O", "O", "O")


def test_hedge_tags():
    rows = build().rows
    assert rows[0].hedge_tags == ("O",) * 8
    assert rows[2].hedge_tags == ("B-conditional", "I-conditional", "O")


def test_attribution_tags_outermost_only_and_split_at_the_sentence_boundary():
    rows = build().rows
    assert rows[0].attribution_tags == (
        "B-SOURCE", "I-SOURCE", "B-CUE", "O", "O", "B-CONTENT", "I-CONTENT", "I-CONTENT",
    )  # fmt: skip
    assert rows[1].attribution_tags == ("B-CONTENT", "I-CONTENT", "O", "O")
    # A2 is nested (parent A1): "Forse razzi" carries no CUE/CONTENT tags
    assert rows[2].attribution_tags == ("O", "O", "O")


def test_casualty_tags():
    rows = build().rows
    assert rows[0].casualty_tags == ("O", "O", "O", "O", "O", "B-COUNT", "B-VICTIM", "O")
    assert rows[1].casualty_tags == ("B-VICTIM", "I-VICTIM", "O", "O")


def test_dropped_spans_are_reported():
    dropped = [
        (d.dropped.column, d.dropped.label, d.dropped.item_id, d.kept.item_id, d.kept.label)
        for d in build().dropped
    ]
    assert dropped == [
        ("casualty_tags", "COUNT", "C3", "C3", "VICTIM"),
        ("event_tags", "Conflict:Attack", "E10", "E2", "Life:Injure"),
        ("hedge_tags", "epistemic", "H1", "H2", "conditional"),
    ]
    assert build().dropped[0].dropped.span == Span(29, 32, "Tre")


def test_no_layers_gives_all_o():
    view = build_tokens_view(DOCUMENT)
    assert view.dropped == ()
    assert view.rows[1].event_tags == ("O",) * 4
    assert view.rows[1].casualty_tags == ("O",) * 4
