import pytest

from baselines.base import Extractor
from baselines.registry import EXTRACTORS, UnknownBaseline, get_extractor


def test_registry_lists_the_three_baselines():
    assert sorted(EXTRACTORS) == ["empty", "naive", "rules"]


@pytest.mark.parametrize("name", ["empty", "naive", "rules"])
def test_each_extractor_implements_the_interface_and_names_itself(name):
    extractor = get_extractor(name)
    assert isinstance(extractor, Extractor)
    assert extractor.name == name


def test_unknown_name_raises_with_the_choices():
    with pytest.raises(UnknownBaseline) as caught:
        get_extractor("crf")
    assert str(caught.value) == "unknown baseline 'crf'; choose one of ['empty', 'naive', 'rules']"
