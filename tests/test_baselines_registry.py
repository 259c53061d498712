"""baselines.registry: every baseline built from its config file, by name."""

import pytest
from support.baseline_configs import placeholder_overrides

from baselines.base import Extractor, OutOfFold, SubmissionProducer
from baselines.config import baseline_names
from baselines.document import document_from_text
from baselines.registry import UnknownBaseline, build_extractor, get_extractor
from benchmark.errors import DataError

NAMES = baseline_names()


@pytest.fixture(scope="module")
def built():
    """One baseline per config, built once (the crf trains on the gold at first use)."""
    return {name: get_extractor(name, overrides=placeholder_overrides(name)) for name in NAMES}


def test_registry_holds_the_baselines():
    assert {"empty", "naive", "rules", "crf"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_each_baseline_implements_one_interface_and_names_itself(name, built):
    baseline = built[name]
    assert isinstance(baseline, Extractor) != isinstance(baseline, SubmissionProducer)
    assert baseline.name == name


def test_the_registry_holds_both_kinds(built):
    assert any(isinstance(baseline, SubmissionProducer) for baseline in built.values())
    assert any(isinstance(baseline, Extractor) for baseline in built.values())


def test_only_the_learned_baseline_has_the_out_of_fold_protocol(built):
    assert [name for name in NAMES if isinstance(built[name], OutOfFold)] == ["crf"]


def test_options_come_from_the_config_and_overrides(crf_options):
    extractor = get_extractor("crf", overrides=["baseline.c1=0.5", "baseline.folds=3"])
    assert (extractor.params.c1, extractor.folds) == (0.5, 3)
    assert extractor.params.c2 == crf_options["c2"]
    assert extractor.params.max_iterations == crf_options["max_iterations"]


def test_a_bad_option_is_a_one_line_data_error():
    with pytest.raises(DataError, match="cannot build baseline 'empty'") as caught:
        build_extractor({"_target_": "baselines.empty.EmptyExtractor", "name": "empty", "c1": 1})
    assert "\n" not in str(caught.value)


def test_a_data_error_of_the_class_reaches_the_caller_as_it_is():
    # the class checks its options itself: its one-line message, not Hydra's wrapper
    overrides = [*placeholder_overrides("llm"), "baseline.max_tokens=0"]
    with pytest.raises(DataError) as caught:
        get_extractor("llm", overrides=overrides)
    assert str(caught.value) == "field baseline.max_tokens: expected an integer >= 1, got 0"


def test_a_required_option_left_out_names_the_override():
    with pytest.raises(DataError) as caught:
        get_extractor("llm")
    assert str(caught.value) == (
        "field baseline.base_url: required: add the override(s) "
        "baseline.base_url=... baseline.model=..."
    )


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


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("text", list(ODD_TEXTS.values()), ids=list(ODD_TEXTS))
def test_extractors_survive_odd_inputs(name, text, built):
    if not isinstance(built[name], Extractor):
        pytest.skip("a SubmissionProducer does not extract (tests/test_llm_*.py)")
    document = document_from_text("odd", text)
    result = built[name].extract(document)
    assert result.documents == (document,)
    for hedge in result.hedges:
        assert text[hedge.cue.start : hedge.cue.end] == hedge.cue.text
