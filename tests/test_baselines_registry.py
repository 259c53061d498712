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
