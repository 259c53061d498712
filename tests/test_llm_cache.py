"""baselines.llm.cache: content-addressed keys, an append-only JSONL file read whole."""

import hashlib
import json

import pytest

from baselines.llm.cache import AnswerCache, ChatAnswer, canonical_json, request_key
from benchmark.errors import DataError

PAYLOAD = {
    "model": "m",
    "messages": [{"role": "system", "content": "è"}, {"role": "user", "content": "u"}],
    "temperature": 0,
    "seed": 0,
    "max_tokens": 10,
}
ANSWER = ChatAnswer(
    content='{"hedges": []}', finish_reason="stop", prompt_tokens=5, completion_tokens=3
)


def test_canonical_json_is_sorted_compact_utf8():
    assert (
        canonical_json({"b": 1, "a": ["è", {"d": 2, "c": 3}]}) == '{"a":["è",{"c":3,"d":2}],"b":1}'
    )


def test_key_is_the_sha256_of_endpoint_and_payload():
    expected = hashlib.sha256(
        canonical_json({"endpoint": "http://h/v1", "request": PAYLOAD}).encode("utf-8")
    ).hexdigest()
    assert request_key(endpoint="http://h/v1/", payload=PAYLOAD) == expected
    # key order of the payload does not matter
    assert request_key(endpoint="http://h/v1", payload=dict(reversed(PAYLOAD.items()))) == expected


@pytest.mark.parametrize(
    "change",
    [
        {"model": "other"},
        {"temperature": 0.5},
        {"seed": 1},
        {"max_tokens": 11},
        {"messages": [{"role": "user", "content": "u2"}]},
        {"response_format": {"type": "json_schema"}},
    ],
)
def test_every_request_field_moves_the_key(change):
    base = request_key(endpoint="http://h/v1", payload=PAYLOAD)
    assert request_key(endpoint="http://h/v1", payload={**PAYLOAD, **change}) != base


def test_the_endpoint_moves_the_key():
    assert request_key(endpoint="http://a/v1", payload=PAYLOAD) != request_key(
        endpoint="http://b/v1", payload=PAYLOAD
    )


def test_put_appends_one_line_and_a_new_cache_reads_it(tmp_path):
    path = tmp_path / "sub" / "cache.jsonl"
    cache = AnswerCache(path)
    assert len(cache) == 0 and not path.exists()
    key = "a" * 64
    cache.put(key, ANSWER, model="m")
    cache.put(key, ChatAnswer("other", "stop", 1, 1), model="m")  # first record wins
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0]) == {
        "key": key,
        "model": "m",
        "content": '{"hedges": []}',
        "finish_reason": "stop",
        "prompt_tokens": 5,
        "completion_tokens": 3,
    }
    again = AnswerCache(path)
    assert key in again and again.get(key) == ANSWER and again.get("b" * 64) is None
    again.put("b" * 64, ChatAnswer(None, None, None, None), model="m")
    assert len(path.read_text(encoding="utf-8").splitlines()) == 2
    assert len(AnswerCache(path)) == 2


def test_a_duplicated_key_in_the_file_keeps_the_first(tmp_path):
    path = tmp_path / "c.jsonl"
    first = {
        "key": "c" * 64,
        "model": "m",
        "content": "1",
        "finish_reason": "stop",
        "prompt_tokens": 1,
        "completion_tokens": 1,
    }
    second = {**first, "content": "2"}
    path.write_text(json.dumps(first) + "\n\n" + json.dumps(second) + "\n", encoding="utf-8")
    assert AnswerCache(path).get("c" * 64).content == "1"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "c.jsonl:2: malformed cache record"),
        ('{"key": "x"}', "c.jsonl:2: a cache record has the keys"),
        (
            json.dumps(
                {
                    "key": "short",
                    "model": "m",
                    "content": "",
                    "finish_reason": None,
                    "prompt_tokens": None,
                    "completion_tokens": None,
                }
            ),
            "c.jsonl:2: field key: bad value 'short'",
        ),
        (
            json.dumps(
                {
                    "key": "d" * 64,
                    "model": "m",
                    "content": "",
                    "finish_reason": None,
                    "prompt_tokens": -1,
                    "completion_tokens": None,
                }
            ),
            "c.jsonl:2: field prompt_tokens: bad value -1",
        ),
    ],
)
def test_a_bad_record_is_a_one_line_error_naming_file_and_line(tmp_path, line, message):
    path = tmp_path / "c.jsonl"
    good = {
        "key": "e" * 64,
        "model": "m",
        "content": "x",
        "finish_reason": "stop",
        "prompt_tokens": 1,
        "completion_tokens": 1,
    }
    path.write_text(json.dumps(good) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        AnswerCache(path)
    assert message in str(caught.value) and "\n" not in str(caught.value)
