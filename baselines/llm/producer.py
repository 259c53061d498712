"""Documents -> submission lines: prompt, cache or server, parse, progress and usage.

:class:`LlmProducer` implements :class:`baselines.base.SubmissionProducer`; it is built from
``conf/baseline/llm.yaml`` (``_target_``, the options as keyword arguments, checked by
:func:`baselines.llm.options.options_from_config`). For every document, in order:

1. build the request (:mod:`baselines.llm.prompt`; ``response_format`` when
   ``structured_output``) and its key (:func:`baselines.llm.cache.request_key`);
2. take the answer from the cache, or else ask the server (:class:`baselines.llm.client.
   ChatClient`, created only at the first miss) and append the answer to the cache;
3. parse it (:func:`baselines.llm.parse.parse_answer`): a valid answer is the line, an invalid
   one is an empty line, counted and listed;
4. report one progress line and keep one usage record (tokens, seconds, cache hit, validity).

With ``cache_only`` every key is looked up BEFORE any request: a miss is a one-line
:class:`~benchmark.errors.DataError` naming the first document without an answer (and how many
more), and nothing is written. The usage records go to ``usage_path`` (JSONL, one per
document, rewritten by each run) when one is given; they are run-folder material (seconds
differ run to run) and never enter the submission, which depends on the answers only.
Nothing here imports ``openai`` until a request must be sent (:mod:`baselines.llm.client`).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from baselines.llm import prompt
from baselines.llm.answer_schema import response_format
from baselines.llm.cache import AnswerCache, ChatAnswer, request_key
from baselines.llm.client import ChatClient, ChatRequest
from baselines.llm.options import LlmOptions, options_from_config
from baselines.llm.parse import parse_answer
from benchmark.dataset.schema import Document
from benchmark.errors import DataError


@dataclass(frozen=True)
class UsageRecord:
    """What one document cost and gave (one line of ``usage.jsonl``)."""

    doc_id: str
    """The document."""
    cache_hit: bool
    """True when the answer came from the cache (no request)."""
    prompt_tokens: int | None
    """Tokens of the request, as the server reported them (None: not reported)."""
    completion_tokens: int | None
    """Tokens of the answer, as reported."""
    seconds: float
    """Wall time of getting the answer (the request, or the cache look-up)."""
    finish_reason: str | None
    """The server's finish reason (``length``: the answer was cut at ``max_tokens``)."""
    valid: bool
    """False when the answer became an empty prediction."""
    problem: str | None
    """Why the answer is invalid (None when valid)."""


@dataclass(frozen=True)
class LlmRun:
    """The outcome of one :meth:`LlmProducer.run`."""

    lines: tuple[dict[str, Any], ...]
    """One submission line per document, in order."""
    usage: tuple[UsageRecord, ...]
    """One record per document, in order."""

    @property
    def invalid(self) -> tuple[UsageRecord, ...]:
        """The documents whose answer was invalid (empty predictions)."""
        return tuple(record for record in self.usage if not record.valid)


class LlmProducer:
    """The ``llm`` baseline: one chat request per document for the whole layer set."""

    name = "llm"
    """Name of the kind of baseline (the system name is the config's ``name``)."""

    def __init__(
        self,
        *,
        client_factory: Callable[[LlmOptions], Any] | None = None,
        **options: Any,
    ) -> None:
        """Prepare runs with ``options`` (those of ``conf/baseline/llm.yaml``; DataError when bad).

        ``client_factory`` builds the client from the options (tests); by default a
        :class:`~baselines.llm.client.ChatClient`, made at the first document without a
        cached answer.
        """
        self.options = options_from_config(options)
        """The checked options."""
        self._client_factory = client_factory if client_factory is not None else _default_client
        self._client: Any = None
        self.last_run: LlmRun | None = None
        """The outcome of the latest :meth:`run`."""

    def request(self, document: Document) -> ChatRequest:
        """Return the request of ``document``."""
        options = self.options
        return ChatRequest(
            model=options.model,
            messages=tuple(prompt.messages(document, options.layers)),
            temperature=options.temperature,
            seed=options.seed,
            max_tokens=options.max_tokens,
            response_format=response_format(options.layers) if options.structured_output else None,
        )

    def key(self, request: ChatRequest) -> str:
        """Return the cache key of ``request`` on this run's endpoint."""
        return request_key(endpoint=self.options.base_url, payload=request.payload())

    def predict_lines(
        self,
        documents: Sequence[Document],
        *,
        usage_path: Path | None = None,
        progress: Callable[[str], None] | None = None,
    ) -> list[dict[str, Any]]:
        """Return one submission line per document (:class:`baselines.base.SubmissionProducer`)."""
        return list(self.run(documents, usage_path=usage_path, progress=progress).lines)

    def run(
        self,
        documents: Sequence[Document],
        *,
        usage_path: Path | None = None,
        progress: Callable[[str], None] | None = None,
    ) -> LlmRun:
        """Answer every document; see the module docstring."""
        say = progress if progress is not None else (lambda line: None)
        options = self.options
        cache = AnswerCache(options.cache_path)
        requests = [(document, self.request(document)) for document in documents]
        keys = [self.key(request) for _, request in requests]
        if options.cache_only:
            _check_all_cached(documents, keys, cache)
        lines, usage = [], []
        for index, ((document, request), key) in enumerate(zip(requests, keys, strict=True), 1):
            started = time.perf_counter()
            answer = cache.get(key)
            hit = answer is not None
            if answer is None:
                answer = self._ask(request)
                cache.put(key, answer, model=options.model)
            seconds = time.perf_counter() - started
            parsed = parse_answer(answer.content, document=document, layers=options.layers)
            record = UsageRecord(
                doc_id=document.doc_id,
                cache_hit=hit,
                prompt_tokens=answer.prompt_tokens,
                completion_tokens=answer.completion_tokens,
                seconds=round(seconds, 3),
                finish_reason=answer.finish_reason,
                valid=parsed.valid,
                problem=_problem(parsed.problem, answer),
            )
            lines.append(parsed.line)
            usage.append(record)
            say(_progress_line(index, len(requests), record))
        outcome = LlmRun(lines=tuple(lines), usage=tuple(usage))
        say(summary(outcome, cache_path=options.cache_path))
        if usage_path is not None:
            write_usage(Path(usage_path), outcome.usage)
        self.last_run = outcome
        return outcome

    def _ask(self, request: ChatRequest) -> ChatAnswer:
        if self._client is None:
            self._client = self._client_factory(self.options)
        return self._client.complete(request)


def _default_client(options: LlmOptions) -> ChatClient:
    return ChatClient(
        base_url=options.base_url,
        api_key_env=options.api_key_env,
        timeout=options.timeout,
        max_retries=options.max_retries,
    )


def _check_all_cached(
    documents: Sequence[Document], keys: Sequence[str], cache: AnswerCache
) -> None:
    missing = [d.doc_id for d, key in zip(documents, keys, strict=True) if key not in cache]
    if missing:
        more = f" (and {len(missing) - 1} more documents)" if len(missing) > 1 else ""
        raise DataError(
            f"no cached answer for {missing[0]}{more} in {cache.path}, and no server "
            "(baseline.cache_only=true): run with a server, or with the base_url, model and "
            "options that filled the cache"
        )


def _problem(problem: str | None, answer: ChatAnswer) -> str | None:
    if problem is not None and answer.finish_reason not in (None, "stop"):
        return f"{problem} [finish_reason {answer.finish_reason}]"
    return problem


def _progress_line(index: int, total: int, record: UsageRecord) -> str:
    source = "cache" if record.cache_hit else f"server {record.seconds:.1f} s"
    tokens = f"{_count(record.prompt_tokens)}+{_count(record.completion_tokens)} tokens"
    verdict = "ok" if record.valid else f"INVALID -> empty prediction ({record.problem})"
    return f"llm [{index}/{total}] {record.doc_id}: {source}, {tokens}, {verdict}"


def _count(value: int | None) -> str:
    return "?" if value is None else str(value)


def summary(outcome: LlmRun, *, cache_path: Path) -> str:
    """Return the one-line summary of a run: documents, cache hits, invalid answers (listed)."""
    hits = sum(record.cache_hit for record in outcome.usage)
    invalid = outcome.invalid
    listed = f": {', '.join(r.doc_id for r in invalid)}" if invalid else ""
    return (
        f"llm: {len(outcome.usage)} documents, {hits} answers from the cache {cache_path}, "
        f"{len(outcome.usage) - hits} requests; {len(invalid)} invalid answer(s) "
        f"-> empty predictions{listed}"
    )


def write_usage(path: Path, usage: Sequence[UsageRecord]) -> None:
    """Write ``usage`` to ``path`` as JSONL (one record per document)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(asdict(record), ensure_ascii=False) + "\n" for record in usage)
    path.write_text(text, encoding="utf-8")
