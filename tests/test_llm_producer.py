"""baselines.llm.producer: documents -> lines via a real 127.0.0.1 server, the cache, the parser."""

import json
import re
import subprocess
import sys

import pytest
from support.llm_server import FakeChatServer, gold_answer, requested_doc_and_layers

from baselines.base import Extractor, SubmissionProducer
from baselines.llm import prompt
from baselines.llm.answer_schema import response_format
from baselines.llm.client import ChatClient
from baselines.llm.producer import LlmProducer
from benchmark.errors import DataError

LAYERS = ("events", "casualties", "attributions", "hedges", "sentences")


@pytest.fixture(scope="module")
def contrast(contrast_gold):
    return contrast_gold


@pytest.fixture(scope="module")
def documents(contrast):
    return contrast.documents[:3]


def _gold_server(gold, *, broken=()):
    def answer(body):
        doc_id, layers = requested_doc_and_layers(body)
        if doc_id in broken:
            return "Sure! Here are the events: ..."
        return json.dumps(gold_answer(gold, doc_id, layers), ensure_ascii=False)

    return FakeChatServer(answer)


@pytest.fixture
def producer(llm_options, tmp_path):
    """``producer(base_url, client_factory=..., **changes)``: an LlmProducer of llm.yaml."""

    def make(base_url, *, client_factory=None, **changes):
        options = {
            **llm_options,
            "base_url": base_url,
            "max_retries": 0,
            "timeout": 5.0,
            "cache_path": str(tmp_path / "cache" / "llm.jsonl"),
            **changes,
        }
        return LlmProducer(client_factory=client_factory, **options)

    return make


def _no_server(options):
    raise AssertionError("a client was created: the run was meant to need no server")


def test_the_llm_baseline_is_a_submission_producer_not_an_extractor(producer):
    made = producer("http://127.0.0.1:9/v1")
    assert isinstance(made, SubmissionProducer)
    assert not isinstance(made, Extractor)
    assert made.name == "llm"


def test_options_are_checked_when_it_is_built(producer):
    with pytest.raises(DataError, match="field baseline.temperature: expected a number >= 0"):
        producer("http://127.0.0.1:9/v1", temperature=-1)
    with pytest.raises(DataError, match=r"unknown option\(s\) \['temprature'\]"):
        producer("http://127.0.0.1:9/v1", temprature=0)


def test_neither_building_nor_a_cache_replay_imports_openai(tmp_path, llm_options):
    code = (
        "import sys\n"
        "from baselines.llm.producer import LlmProducer\n"
        f"options = {dict(llm_options, cache_path=str(tmp_path / 'c.jsonl'))!r}\n"
        "LlmProducer(**options).predict_lines([])\n"
        "print('openai' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout.strip()) == (0, "False"), done.stderr


def test_miss_then_hit_the_second_run_makes_no_request(producer, contrast, documents):
    progress = []
    with _gold_server(contrast) as server:
        made = producer(server.base_url)
        options = made.options
        first = made.predict_lines(documents, progress=progress.append)
    assert len(server.chat_requests) == 3
    assert [line["doc_id"] for line in first] == [d.doc_id for d in documents]
    for line, document in zip(first, documents, strict=True):
        assert line == {"doc_id": document.doc_id, **gold_answer(contrast, document.doc_id, LAYERS)}
    assert len(options.cache_path.read_text(encoding="utf-8").splitlines()) == 3
    assert len(progress) == 4
    assert re.fullmatch(
        rf"llm \[1/3\] {documents[0].doc_id}: server \d+\.\d s, 100\+\d+ tokens, ok", progress[0]
    )
    assert progress[-1].endswith(
        "0 answers from the cache " + str(options.cache_path) + ", 3 "
        "requests; 0 invalid answer(s) -> empty predictions"
    )

    # the server is gone: a rerun is answered by the cache alone, byte for byte
    replay = producer(server.base_url, client_factory=_no_server)
    second = replay.predict_lines(documents)
    dump = [json.dumps(line, ensure_ascii=False) for line in first]
    assert [json.dumps(line, ensure_ascii=False) for line in second] == dump
    assert [record.cache_hit for record in replay.last_run.usage] == [True, True, True]
    cached_only = producer(server.base_url, cache_only=True, client_factory=_no_server)
    assert cached_only.predict_lines(documents) == second
    assert len(options.cache_path.read_text(encoding="utf-8").splitlines()) == 3  # nothing added


def test_request_shape(producer, tmp_path, contrast, documents):
    with _gold_server(contrast) as server:
        producer(server.base_url, layers=["hedges"]).predict_lines(documents[:1])
        producer(
            server.base_url,
            structured_output=False,
            seed=7,
            cache_path=str(tmp_path / "b" / "llm.jsonl"),
        ).predict_lines(documents[:1])
    structured, plain = (request["body"] for request in server.chat_requests)
    assert structured == {
        "model": "fixture-model",
        "messages": prompt.messages(documents[0], ("hedges",)),
        "temperature": 0.0,
        "seed": 0,
        "max_tokens": 4096,
        "response_format": response_format(("hedges",)),
    }
    assert "response_format" not in plain and plain["seed"] == 7
    assert plain["messages"] == prompt.messages(documents[0], LAYERS)


def test_an_invalid_answer_is_an_empty_prediction_counted_and_listed(
    producer, tmp_path, contrast, documents
):
    progress = []
    usage_path = tmp_path / "run" / "usage.jsonl"
    broken = documents[1].doc_id
    with _gold_server(contrast, broken={broken}) as server:
        made = producer(server.base_url)
        lines = made.predict_lines(documents, usage_path=usage_path, progress=progress.append)
    assert lines[1] == {"doc_id": broken, **{layer: [] for layer in LAYERS}}
    assert lines[0]["events"] != [] and lines[2]["doc_id"] == documents[2].doc_id
    assert [record.doc_id for record in made.last_run.invalid] == [broken]
    assert "INVALID -> empty prediction (not valid JSON: Expecting value" in progress[1]
    assert progress[-1].endswith(f"1 invalid answer(s) -> empty predictions: {broken}")
    records = [json.loads(line) for line in usage_path.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in records] == [d.doc_id for d in documents]
    assert [r["valid"] for r in records] == [True, False, True]
    assert records[1]["problem"].startswith("not valid JSON")
    assert set(records[0]) == {
        "doc_id",
        "cache_hit",
        "prompt_tokens",
        "completion_tokens",
        "seconds",
        "finish_reason",
        "valid",
        "problem",
    }
    assert (records[0]["cache_hit"], records[0]["prompt_tokens"]) == (False, 100)
    # the invalid answer is cached as given: the replay gives the same empty line
    replay = producer(server.base_url, client_factory=_no_server)
    assert replay.predict_lines(documents) == lines


def test_cache_only_miss_is_one_line_naming_the_document(producer, documents):
    made = producer("http://127.0.0.1:9/v1", cache_only=True, client_factory=_no_server)
    options = made.options
    with pytest.raises(DataError) as caught:
        made.predict_lines(documents)
    message = str(caught.value)
    assert message.startswith(
        f"no cached answer for {documents[0].doc_id} (and 2 more documents) in "
        f"{options.cache_path}, and no server"
    )
    assert "\n" not in message
    assert not options.cache_path.exists()


def test_a_changed_option_misses_the_cache(producer, contrast, documents):
    with _gold_server(contrast) as server:
        producer(server.base_url).predict_lines(documents[:1])
        producer(server.base_url, max_tokens=100).predict_lines(documents[:1])
    assert len(server.chat_requests) == 2


def test_the_client_is_made_at_the_first_miss_only(producer, contrast, documents):
    made = []

    def factory(options):
        made.append(options)
        return ChatClient(
            base_url=options.base_url, api_key_env="UNSET", timeout=5.0, max_retries=0
        )

    with _gold_server(contrast) as server:
        producer(server.base_url, client_factory=factory).predict_lines(documents)
        assert len(made) == 1
        producer(server.base_url, client_factory=factory).predict_lines(documents)
    assert len(made) == 1
