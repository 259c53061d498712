"""The chat client: the ``openai`` package pointed at any OpenAI-compatible ``base_url``.

vLLM, llama.cpp's server, Ollama and hosted APIs all speak ``POST {base_url}/chat/completions``.
What this module adds to the package:

- the API key comes from the environment variable NAMED by ``api_key_env`` (default
  ``KHARKIV_IE_LLM_API_KEY``), then ``OPENAI_API_KEY``; local servers need none, so without
  either the placeholder :data:`NO_KEY` is sent. The key is never logged, cached or written;
- the package's own retries are switched off (``max_retries=0``) and replaced by bounded
  retries with exponential backoff (``backoff * 2**n`` seconds, at most ``max_backoff``) on
  connection errors, timeouts, HTTP 429 and 5xx, with an injectable ``sleep`` (tests);
- every failure is a one-line :class:`LlmUnavailable` (a :class:`~benchmark.errors.DataError`,
  so the CLI prints it and exits 2, no traceback): the server could not be reached after the
  last attempt, or it refused the request (HTTP 4xx other than 429: no retry).

Importing this module imports no ``openai`` (it is imported when a :class:`ChatClient` is
made, i.e. at the first document without a cached answer: a replay from the cache never loads
it) and opens no connection; the client connects only in :meth:`ChatClient.complete`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from baselines.llm.cache import ChatAnswer
from benchmark.errors import DataError

FALLBACK_API_KEY_ENV = "OPENAI_API_KEY"
"""Environment variable read when ``api_key_env`` is unset or empty."""

NO_KEY = "no-key"
"""Sent as the key when neither variable is set (local servers ignore it)."""

REASON_LIMIT = 200
"""Characters of a server's error message kept in the one-line error."""


class LlmUnavailable(DataError):
    """The LLM server could not be reached after every attempt, or refused the request."""


@dataclass(frozen=True, kw_only=True)
class ChatRequest:
    """One chat-completions request (everything that can change the answer)."""

    model: str
    """Model name as the server knows it."""
    messages: tuple[Mapping[str, str], ...]
    """The chat messages (``role``, ``content``)."""
    temperature: float
    """Sampling temperature."""
    seed: int | None
    """Sampling seed (None: not sent)."""
    max_tokens: int
    """Upper bound of the answer's tokens."""
    response_format: Mapping[str, Any] | None = None
    """Structured-output request (None: not sent)."""

    def payload(self) -> dict[str, Any]:
        """Return the JSON body of the request (fields that are None are left out)."""
        body: dict[str, Any] = {
            "model": self.model,
            "messages": [dict(message) for message in self.messages],
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
        }
        if self.seed is not None:
            body["seed"] = self.seed
        if self.response_format is not None:
            body["response_format"] = dict(self.response_format)
        return body


def api_key(*, api_key_env: str, environ: Mapping[str, str] | None = None) -> str:
    """Return the key from ``api_key_env``, else ``OPENAI_API_KEY``, else :data:`NO_KEY`."""
    environ = os.environ if environ is None else environ
    return environ.get(api_key_env) or environ.get(FALLBACK_API_KEY_ENV) or NO_KEY


class ChatClient:
    """Send :class:`ChatRequest` s to one server, with timeouts and bounded retries."""

    def __init__(
        self,
        *,
        base_url: str,
        api_key_env: str,
        timeout: float,
        max_retries: int,
        backoff: float = 1.0,
        max_backoff: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        """Prepare a client for ``base_url`` (no connection is made here)."""
        import openai  # here, not at module level: only a request needs it

        self._openai = openai
        self.base_url = base_url.rstrip("/")
        """The endpoint (``.../v1``)."""
        self.attempts = 1 + max_retries
        """Attempts per request."""
        self._backoff = backoff
        self._max_backoff = max_backoff
        self._sleep = sleep
        self._timeout = timeout
        self._client = openai.OpenAI(
            base_url=self.base_url,
            api_key=api_key(api_key_env=api_key_env, environ=environ),
            timeout=timeout,
            max_retries=0,
        )

    def delay(self, retry: int) -> float:
        """Return the seconds to wait before retry number ``retry`` (0-based)."""
        return min(self._max_backoff, self._backoff * 2**retry)

    def complete(self, request: ChatRequest) -> ChatAnswer:
        """Return the server's answer to ``request``; LlmUnavailable when there is none."""
        openai = self._openai
        reason = ""
        for attempt in range(self.attempts):
            if attempt:
                self._sleep(self.delay(attempt - 1))
            try:
                completion = self._client.chat.completions.create(**request.payload())
            except openai.APITimeoutError:
                reason = f"no answer within the timeout of {self._timeout:g} s"
            except openai.APIConnectionError as error:
                reason = _connection_reason(error)
            except (openai.RateLimitError, openai.InternalServerError) as error:
                reason = f"HTTP {error.status_code} {_short(error.message)}"
            except openai.APIStatusError as error:
                raise LlmUnavailable(
                    f"the LLM server at {self.base_url} refused the request: "
                    f"HTTP {error.status_code} {_short(error.message)}"
                ) from None
            except openai.OpenAIError as error:
                raise LlmUnavailable(
                    f"unreadable answer from the LLM server at {self.base_url}: "
                    f"{_short(str(error))}"
                ) from None
            else:
                return _answer(completion)
        raise LlmUnavailable(
            f"cannot get an answer from the LLM server at {self.base_url} after {self.attempts} "
            f"attempt(s): {reason}; start the server (docs/llm.md), or replay a cache with "
            "baseline.cache_only=true"
        )


def _answer(completion: Any) -> ChatAnswer:
    choices = getattr(completion, "choices", None) or []
    if not choices:
        return ChatAnswer(
            content=None, finish_reason=None, prompt_tokens=None, completion_tokens=None
        )
    choice = choices[0]
    usage = getattr(completion, "usage", None)
    return ChatAnswer(
        content=choice.message.content if choice.message is not None else None,
        finish_reason=choice.finish_reason,
        prompt_tokens=getattr(usage, "prompt_tokens", None),
        completion_tokens=getattr(usage, "completion_tokens", None),
    )


def _connection_reason(error: Exception) -> str:
    cause = error.__cause__
    detail = str(cause) if cause is not None and str(cause) else str(error)
    return f"connection failed ({_short(detail)})"


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= REASON_LIMIT else text[: REASON_LIMIT - 3] + "..."
