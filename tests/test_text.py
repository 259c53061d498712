from pathlib import Path

import pytest

from benchmark.dataset.text import paragraphs, sentences, tokenize

SEED = Path(__file__).resolve().parents[1] / "data" / "source" / "kharkiv-001.txt"


def words(text: str) -> list[str]:
    return [text[start:end] for start, end in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dell'Ucraina", ["dell'", "Ucraina"]),
        ("c'è", ["c'", "è"]),
        ("1.4 milioni", ["1.4", "milioni"]),
        ("del 21esimo secolo", ["del", "21esimo", "secolo"]),
        ("a sud-est)", ["a", "sud-est", ")"]),
        ("1.200,5 euro", ["1.200,5", "euro"]),
        (
            '"La situazione è sotto controllo".',
            ['"', "La", "situazione", "è", "sotto", "controllo", '"', "."],
        ),
        ("(OSCE).", ["(", "OSCE", ")", "."]),
        ("Kharkiv, Ucraina: 24 ore", ["Kharkiv", ",", "Ucraina", ":", "24", "ore"]),
        ("l’esercito", ["l’", "esercito"]),
    ],
)
def test_tokenize(text, expected):
    assert words(text) == expected


def test_tokenize_offsets_and_window():
    text = "Ma non c'è pace"
    assert tokenize(text) == [(0, 2), (3, 6), (7, 9), (9, 10), (11, 15)]
    assert tokenize(text, 3, 10) == [(3, 6), (7, 9), (9, 10)]


def test_sentences_of_the_seed_text():
    text = SEED.read_bytes().decode("utf-8")
    assert len(text) == 2879
    spans = [span for start, end in paragraphs(text) for span in sentences(text, start, end)]
    assert len(spans) == 22
    assert spans[0] == (0, 107)
    assert text[spans[0][1] - 15 : spans[0][1]] == "settentrionale."
    assert spans[1][0] == 108
    assert text[108:119] == "È scoppiata"
    assert spans[4] == (594, 672)
    assert (
        text[594:672]
        == "Getty Images Gli edifici distrutti sulla piazza principale di Kharkiv, Ucraina"
    )
    # a sentence that ends with a closing quote keeps it
    assert spans[5] == (674, 898)
    assert text[886:898] == 'rafforzata".'
    assert spans[21] == (2819, 2879)


def test_paragraphs_of_the_seed_text():
    text = SEED.read_bytes().decode("utf-8")
    spans = paragraphs(text)
    assert len(spans) == 8
    captions = [index for index, (start, _) in enumerate(spans) if text.startswith("Getty", start)]
    assert captions == [1, 3, 5, 7]


def test_sentences_keep_abbreviations_and_lowercase_continuations():
    text = "Lo ha detto il dott. Rossi alle 9. poi è partito. Dopo, nulla."
    assert sentences(text, 0, len(text)) == [(0, 49), (50, len(text))]
