import pytest

from benchmark.dataset.anchors import AnchorError, AnchorResolver
from benchmark.dataset.schema import Span

#       0         1         2         3         4
#       0123456789012345678901234567890123456789012345
TEXT = "Altre tre sono ferite. Tre razzi dell'esercito."
RESOLVER = AnchorResolver(TEXT)


def test_sentences():
    assert RESOLVER.sentences == [(0, 22), (23, 47)]


@pytest.mark.parametrize(
    ("anchor", "sentence", "expected"),
    [
        ("ferite", 0, Span(15, 21, "ferite")),
        ({"text": "tre", "occurrence": 2}, 0, Span(6, 9, "tre")),
        ({"text": "razzi", "sentence": 1}, 0, Span(27, 32, "razzi")),
        ("dell'", 1, Span(33, 38, "dell'")),
    ],
)
def test_resolve(anchor, sentence, expected):
    assert RESOLVER.resolve(anchor, sentence=sentence) == expected


@pytest.mark.parametrize(
    ("anchor", "message"),
    [
        ("tre", "anchor 'tre' at 2-5 is not token-aligned"),
        ("Tre", "anchor 'Tre' resolves to 23-26, which leaves its sentence 0 (0-22)"),
        ("feriti", "anchor 'feriti' not found at or after the start of sentence 0"),
        ({"text": "ferite", "occurrence": 2}, "anchor occurrence 2 of 'ferite' not found"),
        ({"text": "x", "sentence": 2}, "sentence 2 out of range 0-1"),
        ({"text": "x", "line": 2}, "unknown anchor key 'line'"),
        ({"text": "ferite", "occurrence": 0}, "occurrence must be a positive integer, got 0"),
        ("", "anchor must be a non-empty string"),
        (12, "anchor must be a non-empty string or a {text, sentence, occurrence} mapping, got 12"),
    ],
)
def test_resolve_errors(anchor, message):
    with pytest.raises(AnchorError) as caught:
        RESOLVER.resolve(anchor, sentence=0)
    assert str(caught.value).startswith(message)


def test_may_leave_allows_running_past_the_sentence_end():
    assert RESOLVER.resolve("ferite. Tre", sentence=0, may_leave=True) == Span(
        15, 26, "ferite. Tre"
    )
    with pytest.raises(AnchorError, match="leaves its sentence 0"):
        RESOLVER.resolve("ferite. Tre", sentence=0)
