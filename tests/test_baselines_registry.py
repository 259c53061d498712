import pytest

from baselines.base import Extractor
from baselines.registry import EXTRACTORS, UnknownBaseline, get_extractor


def test_registry_holds_the_rule_based_baselines():
    assert {"empty", "naive", "rules"} <= set(EXTRACTORS)


@pytest.mark.parametrize("name", ["empty", "naive", "rules"])
def test_each_extractor_implements_the_interface_and_names_itself(name):
    extractor = get_extractor(name)
    assert isinstance(extractor, Extractor)
    assert extractor.name == name


def test_unknown_name_raises_with_the_choices():
    with pytest.raises(UnknownBaseline) as caught:
        get_extractor("oracolo")
    message = str(caught.value)
    assert message.startswith("unknown baseline 'oracolo'; choose one of [")
    assert all(f"'{name}'" in message for name in ("empty", "naive", "rules"))


ODD_TEXTS = {
    "empty": "",
    "blank": "  \n\n ",
    "punctuation": "... ;;; !!! ?? , «»",
    "quotes": '"«“”»" "" « » “” "',
    "numbers": "1 2 3 1.400 3,5 2022 12 000",
    "headline": "Il porto di Odessa bombardato",
    "cut": "Il portavoce ha ribadito che",
}


@pytest.mark.parametrize("name", ["empty", "naive", "rules"])
@pytest.mark.parametrize("text", list(ODD_TEXTS.values()), ids=list(ODD_TEXTS))
def test_extractors_survive_odd_inputs(name, text):
    from baselines.document import document_from_text

    document = document_from_text("odd", text)
    result = get_extractor(name).extract(document)
    assert result.documents == (document,)
    for hedge in result.hedges:
        assert text[hedge.cue.start : hedge.cue.end] == hedge.cue.text
