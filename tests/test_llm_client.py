"""baselines.llm.client against a real HTTP server on 127.0.0.1 (started by each test)."""

import subprocess
import sys
import time

import pytest
from support.llm_server import FakeChatServer, free_port

from baselines.llm.client import NO_KEY, ChatClient, ChatRequest, LlmUnavailable, api_key

REQUEST = ChatRequest(
    model="fixture-model",
    messages=({"role": "system", "content": "sistema"}, {"role": "user", "content": "utente è"}),
    temperature=0.0,
    seed=0,
    max_tokens=64,
    response_format={"type": "json_schema", "json_schema": {"name": "n", "schema": {}}},
)


def _client(server_or_url, sleeps, **options):
    url = server_or_url if isinstance(server_or_url, str) else server_or_url.base_url
    return ChatClient(
        base_url=url,
        sleep=sleeps.append,
        environ=options.pop("environ", {}),
        **{"timeout": 5.0, "max_retries": 2, "api_key_env": "KHARKIV_IE_TEST_UNSET", **options},
    )


def test_request_shape_and_answer():
    with FakeChatServer(lambda body: '{"hedges": []}') as server:
        answer = _client(server, []).complete(REQUEST)
    assert answer.content == '{"hedges": []}'
    assert (answer.finish_reason, answer.prompt_tokens, answer.completion_tokens) == (
        "stop",
        100,
        3,
    )
    [request] = server.requests
    assert (request["method"], request["path"]) == ("POST", "/v1/chat/completions")
    assert request["body"] == {
        "model": "fixture-model",
        "messages": [
            {"role": "system", "content": "sistema"},
            {"role": "user", "content": "utente è"},
        ],
        "temperature": 0.0,
        "seed": 0,
        "max_tokens": 64,
        "response_format": {"type": "json_schema", "json_schema": {"name": "n", "schema": {}}},
    }


def test_no_response_format_and_no_seed_when_not_set():
    request = ChatRequest(
        model="m", messages=REQUEST.messages, temperature=0, seed=None, max_tokens=5
    )
    assert set(request.payload()) == {"model", "messages", "temperature", "max_tokens"}


def test_api_key_from_the_named_variable_then_the_fallback():
    environ = {"MY_VAR": "secret-1", "OPENAI_API_KEY": "secret-2"}
    assert api_key(api_key_env="MY_VAR", environ=environ) == "secret-1"
    assert api_key(api_key_env="UNSET", environ=environ) == "secret-2"
    assert api_key(api_key_env="UNSET", environ={"UNSET": ""}) == NO_KEY
    with FakeChatServer(lambda body: "{}") as server:
        _client(server, [], api_key_env="MY_VAR", environ=environ).complete(REQUEST)
    assert server.requests[0]["headers"]["authorization"] == "Bearer secret-1"


def test_retry_after_a_500_with_backoff():
    sleeps = []
    with FakeChatServer(lambda body: "{}") as server:
        server.script.extend([("status", 500), ("status", 503)])
        answer = _client(server, sleeps).complete(REQUEST)
    assert answer.content == "{}"
    assert len(server.chat_requests) == 3
    assert sleeps == [1.0, 2.0]  # exponential backoff, injected sleep


def test_retry_after_a_429():
    sleeps = []
    with FakeChatServer(lambda body: "{}") as server:
        server.script.append(("status", 429))
        assert _client(server, sleeps).complete(REQUEST).content == "{}"
    assert len(server.chat_requests) == 2 and sleeps == [1.0]


def test_retry_after_a_timeout():
    sleeps = []
    with FakeChatServer(lambda body: "{}") as server:
        server.script.append(("sleep", 2.0))  # longer than the client's timeout
        started = time.perf_counter()
        answer = _client(server, sleeps, timeout=0.5).complete(REQUEST)
        elapsed = time.perf_counter() - started
    assert answer.content == "{}"
    assert len(server.chat_requests) == 2 and sleeps == [1.0]
    assert 0.5 <= elapsed < 2.0  # the first attempt was abandoned at the timeout


def test_bounded_attempts_then_one_line_error():
    sleeps = []
    with FakeChatServer(lambda body: "{}") as server:
        server.script.extend([("status", 500)] * 5)
        with pytest.raises(LlmUnavailable) as caught:
            _client(server, sleeps, max_retries=2).complete(REQUEST)
    assert len(server.chat_requests) == 3 and sleeps == [1.0, 2.0]
    message = str(caught.value)
    assert message.startswith(f"cannot get an answer from the LLM server at {server.base_url}")
    assert "after 3 attempt(s): HTTP 500" in message and "\n" not in message


def test_a_4xx_is_not_retried():
    sleeps = []
    with FakeChatServer(lambda body: "{}") as server:
        server.script.append(("status", 404))
        with pytest.raises(LlmUnavailable) as caught:
            _client(server, sleeps).complete(REQUEST)
    assert len(server.chat_requests) == 1 and sleeps == []
    assert "refused the request: HTTP 404" in str(caught.value)


def test_a_server_that_is_down():
    url = f"http://127.0.0.1:{free_port()}/v1"
    sleeps = []
    with pytest.raises(LlmUnavailable) as caught:
        _client(url, sleeps, max_retries=3).complete(REQUEST)
    message = str(caught.value)
    assert sleeps == [1.0, 2.0, 4.0]
    assert f"at {url} after 4 attempt(s): connection failed" in message
    assert "cache_only=true" in message and "\n" not in message


def test_backoff_is_capped():
    client = ChatClient(
        base_url="http://127.0.0.1:1/v1",
        api_key_env="UNSET",
        timeout=1.0,
        max_retries=4,
        backoff=1.0,
        max_backoff=5.0,
    )
    assert [client.delay(n) for n in range(5)] == [1.0, 2.0, 4.0, 5.0, 5.0]


def test_importing_the_client_opens_no_connection():
    code = (
        "import socket\n"
        "def refuse(*args, **kwargs):\n"
        "    raise SystemExit('network used at import')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "import openai, baselines.llm.client, baselines.llm.producer\n"
        "baselines.llm.client.ChatClient(\n"
        "    base_url='http://127.0.0.1:9/v1', api_key_env='UNSET', timeout=1, max_retries=0\n"
        ")\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout.strip()) == (0, "ok"), done.stderr
