"""The options of one ``llm`` run, read and checked from the Hydra node ``baseline``.

``conf/baseline/llm.yaml`` holds their values, the only defaults they have;
:func:`options_from_config` turns the resolved node (a plain mapping, as
``hydra.utils.instantiate`` hands it to :class:`baselines.llm.producer.LlmProducer`) into
:class:`LlmOptions`, refusing a missing, unknown or ill-typed option with a one-line
:class:`~benchmark.errors.DataError` naming it (exit code 2 in the CLI). The API key is never
an option: only the NAME of the environment variable that holds it
(:attr:`LlmOptions.api_key_env`), so no config or results file can carry a secret.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from baselines.llm.answer_schema import layer_keys
from benchmark.errors import DataError

MISSING = "???"
"""OmegaConf's marker of a required value that was not given."""


@dataclass(frozen=True, kw_only=True)
class LlmOptions:
    """Everything that chooses the requests of a run (and where its answers are cached)."""

    base_url: str
    """OpenAI-compatible endpoint, e.g. ``http://127.0.0.1:8000/v1`` (part of the cache key)."""
    model: str
    """Model name as the server knows it (part of the cache key)."""
    api_key_env: str
    """NAME of the environment variable holding the API key; its value is never stored."""
    temperature: float
    """Sampling temperature (0: greedy)."""
    seed: int | None
    """Sampling seed sent with every request (None: none sent)."""
    max_tokens: int
    """Upper bound of the answer's tokens."""
    timeout: float
    """Seconds to wait for one answer before the attempt counts as a timeout."""
    max_retries: int
    """Further attempts after a connection error, timeout, 429 or 5xx (0: one attempt only)."""
    structured_output: bool
    """Send ``response_format`` with the answer's JSON Schema (the server must support it)."""
    layers: tuple[str, ...]
    """Layer keys asked for and kept, in the submission format's order."""
    cache_path: Path
    """The run's answer cache (JSONL, append-only)."""
    cache_only: bool
    """Never call a server: a document without a cached answer is an error."""


OPTION_NAMES: tuple[str, ...] = tuple(f.name for f in fields(LlmOptions))
"""The keys of a ``baseline`` node of the llm baseline (besides ``_target_`` and ``name``)."""


def options_from_config(node: Mapping[str, Any]) -> LlmOptions:
    """Return the options of the resolved ``baseline`` node; DataError for a bad value."""
    unknown = sorted(set(node) - set(OPTION_NAMES))
    if unknown:
        raise DataError(
            f"unknown option(s) {unknown}; the options are {list(OPTION_NAMES)}",
            field=_field(unknown[0]),
        )
    missing = [key for key in OPTION_NAMES if key not in node]
    if missing:
        raise DataError(f"option(s) {missing} not given", field=_field(missing[0]))
    return LlmOptions(
        base_url=_text(node, "base_url").rstrip("/"),
        model=_text(node, "model"),
        api_key_env=_text(node, "api_key_env"),
        temperature=float(_number(node, "temperature", minimum=0.0)),
        seed=_seed(node),
        max_tokens=int(_number(node, "max_tokens", minimum=1, integer=True)),
        timeout=float(_number(node, "timeout", minimum=0.001)),
        max_retries=int(_number(node, "max_retries", minimum=0, integer=True)),
        structured_output=_flag(node, "structured_output"),
        layers=_layers(node),
        cache_path=Path(_text(node, "cache_path")),
        cache_only=_flag(node, "cache_only"),
    )


def _field(key: str) -> str:
    return f"baseline.{key}"


def _text(node: Mapping[str, Any], key: str) -> str:
    value = node[key]
    if value is None or value == MISSING:
        raise DataError(
            f"required: add the override baseline.{key}=... (see docs/llm.md)", field=_field(key)
        )
    if not isinstance(value, str) or not value.strip():
        raise DataError(f"expected a non-empty string, got {value!r}", field=_field(key))
    return value.strip()


def _number(node: Mapping[str, Any], key: str, *, minimum: float, integer: bool = False) -> float:
    value = node[key]
    kinds = (int,) if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds) or value < minimum:
        kind = "an integer" if integer else "a number"
        raise DataError(f"expected {kind} >= {minimum:g}, got {value!r}", field=_field(key))
    return value


def _seed(node: Mapping[str, Any]) -> int | None:
    value = node["seed"]
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise DataError(f"expected an integer or null, got {value!r}", field=_field("seed"))
    return value


def _flag(node: Mapping[str, Any], key: str) -> bool:
    value = node[key]
    if not isinstance(value, bool):
        raise DataError(f"expected true or false, got {value!r}", field=_field(key))
    return value


def _layers(node: Mapping[str, Any]) -> tuple[str, ...]:
    value = node["layers"]
    keys = layer_keys()
    if isinstance(value, str) or not isinstance(value, list | tuple) or not value:
        raise DataError(
            f"expected a non-empty list of layer keys from {list(keys)}, got {value!r}",
            field=_field("layers"),
        )
    unknown = [layer for layer in value if layer not in keys]
    if unknown:
        raise DataError(
            f"unknown layer(s) {unknown}; choose from {list(keys)}", field=_field("layers")
        )
    if len(set(value)) != len(value):
        raise DataError(f"a layer is listed twice in {list(value)}", field=_field("layers"))
    return tuple(layer for layer in keys if layer in value)
