"""baselines.llm.options: the Hydra node -> checked options, one-line errors naming the option."""

import dataclasses
from pathlib import Path

import pytest

from baselines.llm.options import OPTION_NAMES, LlmOptions, options_from_config
from benchmark.errors import DataError

NODE = {
    "base_url": "http://127.0.0.1:8000/v1/",
    "model": "some-model",
    "api_key_env": "MY_KEY_VAR",
    "temperature": 0,
    "seed": 0,
    "max_tokens": 2048,
    "timeout": 30,
    "max_retries": 2,
    "structured_output": False,
    "layers": ["hedges", "events"],
    "cache_path": "results/llm-cache/llm.jsonl",
    "cache_only": True,
}


def test_a_full_node():
    options = options_from_config(NODE)
    assert options == LlmOptions(
        base_url="http://127.0.0.1:8000/v1",  # trailing slash dropped: one cache key per server
        model="some-model",
        api_key_env="MY_KEY_VAR",
        temperature=0,
        seed=0,
        max_tokens=2048,
        timeout=30,
        max_retries=2,
        structured_output=False,
        layers=("events", "hedges"),  # canonical order, whatever the config's order
        cache_path=Path("results/llm-cache/llm.jsonl"),
        cache_only=True,
    )


def test_numbers_of_the_request_are_floats_whatever_the_yaml_wrote():
    # 0 and 0.0 would be two cache keys for one request
    options = options_from_config(NODE)
    assert (repr(options.temperature), repr(options.timeout)) == ("0.0", "30.0")


def test_the_config_file_holds_every_option_and_the_only_defaults(llm_options):
    assert sorted([*llm_options, "cache_path"]) == sorted(OPTION_NAMES)
    assert options_from_config({**llm_options, "cache_path": "c.jsonl"}).layers == (
        "events",
        "casualties",
        "attributions",
        "hedges",
        "sentences",
    )
    no_default = dataclasses.MISSING
    assert all(f.default is no_default for f in dataclasses.fields(LlmOptions))


def test_every_option_must_be_given_and_no_other():
    with pytest.raises(DataError, match=r"field baseline.seed: option\(s\) \['seed'\] not given"):
        options_from_config({k: v for k, v in NODE.items() if k != "seed"})
    with pytest.raises(DataError, match=r"field baseline.extra: unknown option\(s\) \['extra'\]"):
        options_from_config({**NODE, "extra": 1})


@pytest.mark.parametrize("key", ["base_url", "model"])
def test_missing_required_value_names_the_override(key):
    with pytest.raises(DataError) as caught:
        options_from_config({**NODE, key: "???"})
    message = str(caught.value)
    assert f"baseline.{key}" in message and "\n" not in message


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("layers", ["events", "relations"], "unknown layer(s) ['relations']"),
        ("layers", [], "non-empty list"),
        ("layers", "events", "non-empty list"),
        ("layers", ["events", "events"], "listed twice"),
        ("temperature", -1, "expected a number >= 0"),
        ("max_tokens", 0, "expected an integer >= 1"),
        ("max_tokens", 1.5, "expected an integer >= 1"),
        ("max_retries", True, "expected an integer >= 0"),
        ("seed", "zero", "expected an integer or null"),
        ("cache_only", "yes", "expected true or false"),
        ("timeout", 0, "expected a number >= 0.001"),
    ],
)
def test_bad_values(key, value, expected):
    with pytest.raises(DataError) as caught:
        options_from_config({**NODE, key: value})
    assert expected in str(caught.value)
    assert f"field baseline.{key}" in str(caught.value)


def test_null_seed_is_allowed():
    assert options_from_config({**NODE, "seed": None}).seed is None


def test_no_option_can_hold_the_api_key_itself():
    # only the NAME of the variable is an option; there is no field for a key value
    assert "api_key" not in LlmOptions.__dataclass_fields__
    assert not any("key" in f and f != "api_key_env" for f in LlmOptions.__dataclass_fields__)
