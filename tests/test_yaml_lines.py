"""benchmark.dataset.yaml_lines: mappings that know their lines; duplicate keys refused."""

import pytest

from benchmark.dataset.yaml_lines import LineDict, line_dict, load_yaml
from benchmark.errors import DataError


def test_mappings_remember_the_line_of_each_key():
    data = load_yaml("a: 1\nb:\n  c: 2\n  d: 3\n", file="f.yaml")
    assert isinstance(data, LineDict) and data.line == 1
    assert data.key_lines == {"a": 1, "b": 2}
    assert data["b"].line == 3 and data["b"].key_lines == {"c": 3, "d": 4}


def test_duplicate_key_and_invalid_yaml_are_located():
    with pytest.raises(DataError, match="f.yaml:2: invalid YAML: duplicate key 'a'"):
        load_yaml("a: 1\na: 2\n", file="f.yaml")
    with pytest.raises(DataError, match=r"f.yaml:\d: invalid YAML: expected .,. or .\]."):
        load_yaml("a: [1\nb: 2\n", file="f.yaml")


def test_line_dict_builds_a_located_mapping():
    mapping = line_dict({"x": 1}, 7)
    assert mapping == {"x": 1} and mapping.line == 7 and mapping.key_lines == {}
