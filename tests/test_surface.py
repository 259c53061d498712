"""The one surface normalisation: folding with its index table, normalised forms, token F1."""

from fractions import Fraction

import pytest

from benchmark.dataset.surface import (
    DETERMINERS_FILE,
    determiners,
    fold,
    normalised_form,
    span_tokens,
    token_f1,
)


def test_fold_maps_every_character_back_to_the_original():
    # "E'" (0..2) -> "è"; "  " (2..4) -> " "; "Città" with a combining grave: "C" 4, "i" 5,
    # "t" 6, "t" 7, "a" + U+0300 (8..10) -> "à"; "–" (10) -> "-"
    folded = fold("E'  Citta\u0300–")
    assert folded.text == "è città-"
    assert folded.starts == (0, 2, 4, 5, 6, 7, 8, 10)
    assert folded.ends == (2, 4, 5, 6, 7, 8, 10, 11)
    assert folded.interval(2, 7) == (4, 10)


def test_fold_quotes_accents_and_case():
    assert fold("«L’Ente» “disse” perché PIU'").text == '"l\'ente" "disse" perchè più'
    # an apostrophe before a letter is an elision, not an accent
    assert fold("dell'esercito").text == "dell'esercito"
    # a vowel + apostrophe at the end, or before a space or punctuation, is an accent
    assert fold("e' vero, po'.").text == "è vero, pò."


def test_normalised_form_strips_edges_and_one_leading_determiner():
    assert normalised_form("le persone") == "persone"
    assert normalised_form('  "La situazione è sotto controllo" ') == "situazione è sotto controllo"
    assert normalised_form("sulla città di Kharkiv.") == "città di kharkiv"
    assert normalised_form("nell'esplosione") == "esplosione"
    assert normalised_form("un'altra") == "altra"
    # only ONE leading determiner, and only a whole word: "il" stays in "illeso", "della la"
    # keeps its second article
    assert normalised_form("illeso") == "illeso"
    assert normalised_form("della la casa") == "la casa"
    # a simple preposition is not a determiner
    assert normalised_form("a Kharkiv") == "a kharkiv"


def test_normalised_form_never_empties_a_span():
    # a span that is only a determiner or only punctuation keeps its folded text
    assert normalised_form("Il") == "il"
    assert normalised_form("«") == '"'
    assert normalised_form("l'") == "l"


def test_determiners_file_states_its_source_and_lists_the_forms():
    first = DETERMINERS_FILE.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# provenance:") and "Serianni" in first
    forms = set(determiners())
    articles = {"il", "lo", "la", "l'", "i", "gli", "le", "un", "uno", "una", "un'"}
    # di, a, da, in, su + il, lo, la, l', i, gli, le: 5 x 7 = 35 forms, plus col and coi
    articulated = {f"{stem}{end}" for stem in ("de", "a", "da", "ne", "su") for end in "li"}
    articulated |= {"dello", "della", "dell'", "degli", "delle", "sugli", "sull'", "col", "coi"}
    assert articles <= forms and articulated <= forms
    assert len(forms) == 11 + 35 + 2


def test_span_tokens_drop_punctuation_tokens():
    assert span_tokens("Dnipro (185 chilometri a sud-est)") == (
        "dnipro",
        "185",
        "chilometri",
        "a",
        "sud-est",
    )
    assert span_tokens("«»") == ('""',)


@pytest.mark.parametrize(
    ("gold", "pred", "f1"),
    [
        # identical forms after normalisation
        ("le persone", "persone", Fraction(1)),
        # [missili, russi] vs [missili]: 2 * 1 / (2 + 1)
        ("I missili russi", "i missili", Fraction(2, 3)),
        # [dnipro] vs 5 tokens: 2 * 1 / (1 + 5)
        ("Dnipro", "Dnipro (185 chilometri a sud-est)", Fraction(1, 3)),
        # nothing shared
        ("le truppe", "i russi", Fraction(0)),
        # bags: [e, e, no] vs [e, no]: common 2, 2 * 2 / (3 + 2)
        ("e e no", "e no", Fraction(4, 5)),
    ],
)
def test_token_f1_by_hand(gold, pred, f1):
    assert token_f1(gold, pred) == f1 == token_f1(pred, gold)
