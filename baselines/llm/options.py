"""The options of one ``llm`` run, read and checked from the Hydra node ``baseline``.

``baselines/conf/baseline/llm.yaml`` holds the defaults; :func:`options_from_config` turns the
resolved node (a plain mapping) into :class:`LlmOptions`, refusing a missing or ill-typed value
with a one-line :class:`~benchmark.errors.DataError` naming the option (exit code 2 in the
CLI). The API key is never an option: only the NAME of the environment variable that holds it
(:attr:`LlmOptions.api_key_env`), so no config or results file can carry a secret.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmark.errors import DataError

LAYER_KEYS: tuple[str, ...] = ("events", "casualties", "attributions", "hedges", "sentences")
"""The submission format's layer keys an answer may hold, in canonical order."""

DEFAULT_API_KEY_ENV = "KHARKIV_IE_LLM_API_KEY"
"""Environment variable read for the API key (``OPENAI_API_KEY`` is the fallback)."""

MISSING = "???"
"""OmegaConf's marker of a required value that was not given."""


@dataclass(frozen=True, kw_only=True)
class LlmOptions:
    """Everything that chooses the requests of a run (and where its answers are cached)."""

    base_url: str
    """OpenAI-compatible endpoint, e.g. ``http://127.0.0.1:8000/v1`` (part of the cache key)."""
    model: str
    """Model name as the server knows it (part of the cache key)."""
    api_key_env: str = DEFAULT_API_KEY_ENV
    """NAME of the environment variable holding the API key; its value is never stored."""
    temperature: float = 0.0
    """Sampling temperature (0: greedy)."""
    seed: int | None = 0
    """Sampling seed sent with every request (null: none sent)."""
    max_tokens: int = 4096
    """Upper bound of the answer's tokens."""
    timeout: float = 120.0
    """Seconds to wait for one answer before the attempt counts as a timeout."""
    max_retries: int = 4
    """Further attempts after a connection error, timeout, 429 or 5xx (0: one attempt only)."""
    structured_output: bool = True
    """Send ``response_format`` with the answer's JSON Schema (the server must support it)."""
    layers: tuple[str, ...] = LAYER_KEYS
    """Layer keys asked for and kept, in canonical order."""
    cache_path: Path
    """The run's answer cache (JSONL, append-only)."""
    cache_only: bool = False
    """Never call a server: a document without a cached answer is an error."""


def options_from_config(node: Mapping[str, Any]) -> LlmOptions:
    """Return the options of the resolved ``baseline`` node; DataError for a bad value."""
    return LlmOptions(
        base_url=_text(node, "base_url").rstrip("/"),
        model=_text(node, "model"),
        api_key_env=_text(node, "api_key_env", default=DEFAULT_API_KEY_ENV),
        temperature=_number(node, "temperature", default=0.0, minimum=0.0),
        seed=_seed(node),
        max_tokens=int(_number(node, "max_tokens", default=4096, minimum=1, integer=True)),
        timeout=_number(node, "timeout", default=120.0, minimum=0.001),
        max_retries=int(_number(node, "max_retries", default=4, minimum=0, integer=True)),
        structured_output=_flag(node, "structured_output", default=True),
        layers=_layers(node),
        cache_path=Path(_text(node, "cache_path")),
        cache_only=_flag(node, "cache_only", default=False),
    )


def _field(key: str) -> str:
    return f"baseline.{key}"


def _text(node: Mapping[str, Any], key: str, *, default: str | None = None) -> str:
    value = node.get(key, default)
    if value is None or value == MISSING:
        raise DataError(
            f"required: add the override baseline.{key}=... (see docs/llm.md)", field=_field(key)
        )
    if not isinstance(value, str) or not value.strip():
        raise DataError(f"expected a non-empty string, got {value!r}", field=_field(key))
    return value.strip()


def _number(
    node: Mapping[str, Any], key: str, *, default: float, minimum: float, integer: bool = False
) -> float:
    value = node.get(key, default)
    kinds = (int,) if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds) or value < minimum:
        kind = "an integer" if integer else "a number"
        raise DataError(f"expected {kind} >= {minimum:g}, got {value!r}", field=_field(key))
    return value


def _seed(node: Mapping[str, Any]) -> int | None:
    value = node.get("seed", 0)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise DataError(f"expected an integer or null, got {value!r}", field=_field("seed"))
    return value


def _flag(node: Mapping[str, Any], key: str, *, default: bool) -> bool:
    value = node.get(key, default)
    if not isinstance(value, bool):
        raise DataError(f"expected true or false, got {value!r}", field=_field(key))
    return value


def _layers(node: Mapping[str, Any]) -> tuple[str, ...]:
    value = node.get("layers", list(LAYER_KEYS))
    if isinstance(value, str) or not isinstance(value, list | tuple) or not value:
        raise DataError(
            f"expected a non-empty list of layer keys from {list(LAYER_KEYS)}, got {value!r}",
            field=_field("layers"),
        )
    unknown = [layer for layer in value if layer not in LAYER_KEYS]
    if unknown:
        raise DataError(
            f"unknown layer(s) {unknown}; choose from {list(LAYER_KEYS)}", field=_field("layers")
        )
    if len(set(value)) != len(value):
        raise DataError(f"a layer is listed twice in {list(value)}", field=_field("layers"))
    return tuple(layer for layer in LAYER_KEYS if layer in value)
