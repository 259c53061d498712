import pytest

from baselines.crf.decode import TagError, TokenSpan, bio_spans, char_span, trim_tokens
from benchmark.dataset.schema import Span


def test_well_formed_sequence():
    tags = ["O", "B-CUE", "B-SOURCE", "I-SOURCE", "O", "B-CONTENT", "I-CONTENT", "I-CONTENT"]
    assert bio_spans(tags) == [
        TokenSpan(1, 2, "CUE"),
        TokenSpan(2, 4, "SOURCE"),
        TokenSpan(5, 8, "CONTENT"),
    ]


def test_b_after_b_of_the_same_type_starts_a_new_span():
    assert bio_spans(["B-COUNT", "B-COUNT", "I-COUNT"]) == [
        TokenSpan(0, 1, "COUNT"),
        TokenSpan(1, 3, "COUNT"),
    ]


def test_stray_i_starts_a_span_at_the_start_after_o_and_after_another_type():
    tags = ["I-Life:Die", "O", "I-Life:Die", "I-Life:Die", "B-Conflict:Attack", "I-Life:Die"]
    assert bio_spans(tags) == [
        TokenSpan(0, 1, "Life:Die"),
        TokenSpan(2, 4, "Life:Die"),
        TokenSpan(4, 5, "Conflict:Attack"),
        TokenSpan(5, 6, "Life:Die"),
    ]


def test_types_with_colons_and_empty_input():
    assert bio_spans(["B-Conflict:Attack", "I-Conflict:Attack"]) == [
        TokenSpan(0, 2, "Conflict:Attack")
    ]
    assert bio_spans([]) == []
    assert bio_spans(["O", "O"]) == []


@pytest.mark.parametrize("tag", ["X-CUE", "B-", "B", "cue"])
def test_malformed_tags_raise(tag):
    with pytest.raises(TagError) as caught:
        bio_spans(["O", tag])
    assert str(caught.value) == f"tag 1 is {tag!r}: expected O, B-<type> or I-<type>"


def test_char_span_covers_first_to_last_token():
    text = "Il capo ha detto."
    starts, ends = (0, 3, 8, 11, 16), (2, 7, 10, 16, 17)
    assert char_span(text, starts, ends, 1, 4) == Span(3, 16, "capo ha detto")
    assert char_span(text, starts, ends, 4, 5) == Span(16, 17, ".")


def test_trim_tokens_drops_edge_marks_only():
    words = ['"', "La", '"', "casa", '"', "."]
    assert trim_tokens(words, TokenSpan(0, 5, "CONTENT"), strip=frozenset('"')) == TokenSpan(
        1, 4, "CONTENT"
    )
    assert trim_tokens(words, TokenSpan(4, 5, "CONTENT"), strip=frozenset('"')) is None
