"""A real OpenAI-compatible HTTP server on 127.0.0.1 for the llm tests, answering from fixtures.

``FakeChatServer`` is stdlib ``http.server`` in a thread, on port 0 (the OS picks a free port),
started and stopped by the test (a context manager). Routes: ``POST /v1/chat/completions``
(the chat-completions response shape, ``usage`` included) and ``GET /v1/models``. Each request
is recorded (path, headers, JSON body). ``script`` holds per-request behaviours consumed in
order before the normal answer: ``("status", 500)`` answers that HTTP error, ``("sleep", s)``
waits ``s`` seconds before answering (longer than the client's timeout: a timeout).

The answers are fixtures computed from the request: ``answer(body) -> str`` (default: the gold
of the requested document, text-only, for the layers named in the prompt). Nothing here needs
the internet or a model; nothing a fixture server says is ever written outside ``tmp_path``.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from baselines.llm.answer_schema import REFERENCES
from benchmark.submission import submission_line_from_annotations


def text_only(value: Any) -> Any:
    """Return a line or item with every offset span replaced by its text only."""
    if isinstance(value, list):
        return [text_only(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "start" in value and "end" in value:
        return {k: v for k, v in value.items() if k not in ("start", "end")}
    return {k: text_only(v) for k, v in value.items()}


def gold_answer(gold, doc_id: str, layers, *, keep: Callable[[str, int], bool] | None = None):
    """Return the gold of ``doc_id`` as a model would answer it: text-only, asked layers only.

    ``keep(layer, index)`` drops items (for partly right answers); references to layers that
    are not asked are left out, as the answer schema requires.
    """
    line = text_only(submission_line_from_annotations(gold, doc_id, tasks=layers))
    answer = {}
    for layer in layers:
        items = []
        for index, item in enumerate(line[layer]):
            if keep is not None and not keep(layer, index):
                continue
            items.append(
                {k: v for k, v in item.items() if REFERENCES.get((layer, k), layer) in layers}
            )
        answer[layer] = items
    return answer


def requested_doc_and_layers(body: dict) -> tuple[str, tuple[str, ...]]:
    """Return the doc_id and layer keys named in the user message of a request body."""
    user = body["messages"][-1]["content"]
    doc_id = re.match(r"Document (\S+)\. Sentences:", user).group(1)
    keys = re.search(r"\(keys: (.*)\)\.?\s*$", user).group(1)
    return doc_id, tuple(json.loads(f"[{keys}]"))


def completion(content: str | None, *, model: str, finish_reason: str = "stop") -> dict:
    """Return a chat-completions response body holding ``content``."""
    return {
        "id": "chatcmpl-fixture",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": finish_reason,
            }
        ],
        "usage": {
            "prompt_tokens": 100,
            "completion_tokens": len(content or "") // 4,
            "total_tokens": 100 + len(content or "") // 4,
        },
    }


class FakeChatServer:
    """An OpenAI-compatible chat server on 127.0.0.1 (see the module docstring)."""

    def __init__(self, answer: Callable[[dict], str]) -> None:
        self.answer = answer
        self.requests: list[dict] = []
        self.script: deque = deque()
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def chat_requests(self) -> list[dict]:
        return [r for r in self.requests if r["path"] == "/v1/chat/completions"]

    def __enter__(self) -> FakeChatServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep pytest output clean
                pass

            def _send(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode("utf-8")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test)

            def do_GET(self):  # noqa: N802 (http.server's name)
                server._record(self, None)
                if self.path == "/v1/models":
                    self._send(200, {"object": "list", "data": [{"id": "fixture-model"}]})
                else:
                    self._send(404, {"error": {"message": "no such route"}})

            def do_POST(self):  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                server._record(self, body)
                if self.path != "/v1/chat/completions":
                    self._send(404, {"error": {"message": "no such route"}})
                    return
                step = server._next_step()
                if step is not None and step[0] == "status":
                    message = {"error": {"message": f"fixture error {step[1]}", "type": "x"}}
                    self._send(step[1], message)
                    return
                if step is not None and step[0] == "sleep":
                    time.sleep(step[1])
                content = server.answer(body)
                self._send(200, completion(content, model=body.get("model", "")))

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def _next_step(self):
        with self._lock:
            return self.script.popleft() if self.script else None

    def _record(self, handler: BaseHTTPRequestHandler, body: dict | None) -> None:
        with self._lock:
            self.requests.append(
                {
                    "method": handler.command,
                    "path": handler.path,
                    "headers": {k.lower(): v for k, v in handler.headers.items()},
                    "body": body,
                }
            )


def free_port() -> int:
    """Return a port on 127.0.0.1 that nothing listens on (bound, then released)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
