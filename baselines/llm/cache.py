"""The content-addressed answer cache: one append-only JSONL file per run configuration.

The key of a request is the SHA-256 of a canonical JSON (sorted keys, no spaces, UTF-8) of
everything that can change the answer: the endpoint, the model, the full messages, every
sampling parameter sent (temperature, seed, max_tokens) and the ``response_format``
(:func:`request_key`). The API key is not part of it and is never written. One record per
line::

    {"key": "<sha256>", "model": "...", "content": "...", "finish_reason": "stop",
     "prompt_tokens": 812, "completion_tokens": 95}

The file is read whole when the cache is opened (a malformed line is a one-line error naming
the file and line: the cache is committed with the results it backs, so it must not be
silently half-read) and new answers are appended, one line each, flushed at once. The first
record of a key wins: a rerun never rewrites an answer, so a rerun from the cache gives
byte-identical submissions. It stores answers as the server gave them, valid or not: parsing
(:mod:`baselines.llm.parse`) is deterministic and runs again on every replay.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from benchmark.errors import DataError

RECORD_KEYS: tuple[str, ...] = (
    "key",
    "model",
    "content",
    "finish_reason",
    "prompt_tokens",
    "completion_tokens",
)
"""Fields of one cache line, in the order written."""


@dataclass(frozen=True)
class ChatAnswer:
    """One answer of the server (what the client returns and the cache stores)."""

    content: str | None
    """The message content (None when the server sent none)."""
    finish_reason: str | None
    """``stop``, ``length``... as reported."""
    prompt_tokens: int | None
    """Tokens of the request, as reported by the server (None when it reports no usage)."""
    completion_tokens: int | None
    """Tokens of the answer, as reported."""


def canonical_json(value: Any) -> str:
    """Return ``value`` as canonical JSON: sorted keys, no spaces, non-ASCII kept."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def request_key(*, endpoint: str, payload: Mapping[str, Any]) -> str:
    """Return the SHA-256 (hex) of the canonical JSON of ``endpoint`` and the request payload."""
    text = canonical_json({"endpoint": endpoint.rstrip("/"), "request": dict(payload)})
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class AnswerCache:
    """The answers of one cache file, read at opening; :meth:`put` appends."""

    def __init__(self, path: str | Path) -> None:
        """Open (and read) the cache at ``path``; a missing file is an empty cache."""
        self.path = Path(path)
        """The JSONL file."""
        self._answers: dict[str, ChatAnswer] = {}
        if self.path.is_file():
            self._read()

    def __len__(self) -> int:
        """Return the number of cached keys."""
        return len(self._answers)

    def __contains__(self, key: object) -> bool:
        """Return True when ``key`` has an answer."""
        return key in self._answers

    def get(self, key: str) -> ChatAnswer | None:
        """Return the answer cached under ``key``, or None."""
        return self._answers.get(key)

    def put(self, key: str, answer: ChatAnswer, *, model: str) -> None:
        """Append ``answer`` under ``key`` (no-op when the key is cached already)."""
        if key in self._answers:
            return
        record = {"key": key, "model": model, **asdict(answer)}
        line = json.dumps(record, ensure_ascii=False, separators=(", ", ": ")) + "\n"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8", newline="\n") as stream:
            stream.write(line)
            stream.flush()
        self._answers[key] = answer

    def _read(self) -> None:
        try:
            text = self.path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise DataError(f"cannot read the answer cache: {error}", file=self.path) from None
        for number, raw in enumerate(text.split("\n"), start=1):
            if not raw.strip():
                continue
            record = _record(raw, file=self.path, line=number)
            if record["key"] not in self._answers:
                self._answers[record["key"]] = ChatAnswer(**{k: record[k] for k in RECORD_KEYS[2:]})


def _record(raw: str, *, file: Path, line: int) -> dict[str, Any]:
    """Return one checked record; DataError naming the file and line otherwise."""
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as error:
        raise DataError(
            f"malformed cache record ({error.msg}); remove the line or the file to re-query",
            file=file,
            line=line,
        ) from None
    if not isinstance(record, dict) or sorted(record) != sorted(RECORD_KEYS):
        raise DataError(f"a cache record has the keys {list(RECORD_KEYS)}", file=file, line=line)
    checks = (
        ("key", lambda v: isinstance(v, str) and len(v) == 64),
        ("model", lambda v: isinstance(v, str)),
        ("content", lambda v: v is None or isinstance(v, str)),
        ("finish_reason", lambda v: v is None or isinstance(v, str)),
        ("prompt_tokens", _count),
        ("completion_tokens", _count),
    )
    for field, check in checks:
        if not check(record[field]):
            raise DataError(f"bad value {record[field]!r}", file=file, line=line, field=field)
    return record


def _count(value: Any) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0)
