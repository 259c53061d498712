from baselines.document import document_from_text
from baselines.tokens import (
    contains,
    ngram,
    quotations,
    sentence_views,
    span,
    token_span,
    trim_right,
)


def test_sentence_views_lowercase_and_normalise_apostrophes():
    views = sentence_views(document_from_text("t", "Dall’alba i Vigili. Poi basta."))
    assert [t.low for t in views[0].tokens] == ["dall'", "alba", "i", "vigili", "."]
    assert views[1].tokens[0].start == 20 and views[1].tokens[0].index == 0


def test_token_span_and_trim_right():
    text = 'Disse: "Piove forte."'
    view = sentence_views(document_from_text("t", text))[0]
    last = trim_right(view.tokens, 3, len(view.tokens) - 1)
    assert token_span(text, view.tokens, 3, last).text == "Piove forte"


def test_quotations_straight_and_typographic():
    text = 'Lui: "Non so". Lei: “Forse sì”. Loro: « Mai ».'
    found = [(text[s:e]) for _, s, e, _ in quotations(text)]
    assert found == ["Non so", "Forse sì", "Mai"]


def test_contains():
    assert contains(span("abcdef", 0, 6), span("abcdef", 2, 4))
    assert not contains(span("abcdef", 2, 4), span("abcdef", 0, 6))


def test_ngram_refuses_a_window_past_the_end():
    lows = ["truppe", "russe", "bombardata"]
    assert ngram(lows, 1, 2) == ("russe", "bombardata")
    assert ngram(lows, 2, 1) == ("bombardata",)
    assert ngram(lows, 2, 2) is None  # a plain slice would give ("bombardata",)
    assert ngram(lows, 3, 1) is None
    assert ngram([], 0, 1) is None
