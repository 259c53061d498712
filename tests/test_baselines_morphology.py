import pytest

from baselines.morphology import (
    conditional_stem,
    is_auxiliary_participle,
    nonfinite_forms,
    stem_in,
    verb_forms,
)


def test_regular_forms_with_spelling_rules():
    assert {"pubblica", "pubblicano", "pubblicato", "pubblicherebbe"} <= verb_forms(
        "pubblicare", "are"
    )
    assert {"annuncia", "annuncerà", "annuncerebbero"} <= verb_forms("annunciare", "are")
    assert {"riferisce", "riferiscono", "riferito", "riferirebbe"} <= verb_forms("riferire", "isc")
    assert "detto" in verb_forms("dire", "ere", ("detto",))


def test_unknown_conjugation_raises():
    with pytest.raises(ValueError, match="unknown conjugation"):
        verb_forms("fare", "xyz")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("sarebbero", ("sar", "ebbero")),
        ("avrebbe", ("avr", "ebbe")),
        ("confermerebbero", ("confermer", "ebbero")),
        ("risulterebbe", ("risulter", "ebbe")),
        ("potrebbe", ("potr", "ebbe")),
        ("vorrei", ("vorr", "ei")),
        ("aerei", None),
        ("arresti", None),
        ("foreste", None),
        ("crebbe", None),
        ("Andrei", None),
        ("ebbe", None),
    ],
)
def test_conditional_recognition(word, expected):
    assert conditional_stem(word) == expected


def test_stem_classes_and_participles():
    assert (
        stem_in("sar", "auxiliary") and stem_in("potr", "epistemic") and stem_in("vorr", "polite")
    )
    assert not stem_in("confermer", "auxiliary")
    assert is_auxiliary_participle("stati") and not is_auxiliary_participle("colpiti")
    assert nonfinite_forms("citare", "are") == {"citare", "citato", "citata", "citati", "citate"}
