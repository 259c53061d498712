"""Conversion between schema objects and the JSONL rows of the public configs.

This is the only place that knows the row format of ``data/<config>/test.jsonl``:
spans become ``{start, end, text}`` dicts (``null`` when absent), an
:class:`~benchmark.dataset.schema.Argument` becomes ``{role, start, end, text}``, tuples
become lists, and label fields hold label strings. Keys follow the schema field
order. :func:`from_row` is strict: a missing or unknown key, a value of the wrong
type or a label outside its inventory raises :class:`~benchmark.errors.DataError`.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from benchmark.dataset.configs import CONFIG_TYPES, CONFIGS, LABEL_FIELDS, TOKENS
from benchmark.dataset.layers import TAG_COLUMNS
from benchmark.dataset.schema import Argument, Span, TokenRow
from benchmark.errors import DataError

_TYPES = frozenset(CONFIG_TYPES.values())

_SPAN_KEYS = ("start", "end", "text")
_ARGUMENT_KEYS = ("role", *_SPAN_KEYS)
_TOKEN_LISTS = ("tokens", "token_starts", "token_ends", *TAG_COLUMNS)


def to_row(obj: object) -> dict[str, Any]:
    """Return the JSONL row (a plain dict, keys in schema field order) of a schema object."""
    if type(obj) not in _TYPES:
        raise TypeError(f"not a top-level schema object: {type(obj).__name__}")
    return _plain(obj)


def _plain(value: object) -> Any:
    """Convert a schema value to JSON-ready Python values."""
    if isinstance(value, Argument):
        return {"role": value.role, **_plain(value.span)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def from_row(
    config: str,
    row: object,
    *,
    file: str | Path | None = None,
    line: int | None = None,
) -> object:
    """Return the schema object of ``row`` from ``config``; raise DataError when malformed.

    ``file`` and ``line`` only serve the error message.
    """
    if config not in CONFIG_TYPES:
        raise DataError(f"unknown config {config!r}; expected one of {', '.join(CONFIGS)}")
    context = _Context(file=file, line=line, labels=LABEL_FIELDS[config])
    obj = context.build(CONFIG_TYPES[config], row, path="")
    if config == TOKENS:
        _check_token_lengths(obj, context)
    return obj


@functools.cache
def _field_hints(cls: type) -> tuple[tuple[str, ...], tuple[Any, ...]]:
    """Return the field names of a schema dataclass and their resolved type hints.

    Cached per class: ``typing.get_type_hints`` evaluates the string annotations on every call,
    and a large file has a row (and a span) per line.
    """
    hints = typing.get_type_hints(cls)
    names = tuple(f.name for f in dataclasses.fields(cls))
    return names, tuple(hints[name] for name in names)


@dataclasses.dataclass
class _Context:
    """Where the row came from and which fields carry labels."""

    file: str | Path | None
    """File of the row, for messages."""
    line: int | None
    """Line of the row, for messages."""
    labels: Mapping[str, tuple[str, ...]]
    """Label fields of the config (:data:`benchmark.dataset.configs.LABEL_FIELDS`)."""

    def fail(self, path: str, message: str) -> DataError:
        """Return a DataError for field ``path``."""
        return DataError(message, file=self.file, line=self.line, field=path or None)

    def build(self, cls: type, value: object, *, path: str) -> object:
        """Build a dataclass ``cls`` from a dict with exactly its keys."""
        if cls is Span:
            return self.span(value, path=path)
        if cls is Argument:
            fields = self.exact_keys(value, _ARGUMENT_KEYS, path=path)
            role = self.convert(fields["role"], str, path=_join(path, "role"))
            return Argument(role=role, span=self.span(value, path=path, extra=("role",)))
        names, hints = _field_hints(cls)
        fields = self.exact_keys(value, names, path=path)
        values = {
            name: self.convert(fields[name], hint, path=_join(path, name))
            for name, hint in zip(names, hints, strict=True)
        }
        return cls(**values)

    def exact_keys(self, value: object, names: tuple[str, ...], *, path: str) -> dict:
        """Return ``value`` when it is a dict with exactly the keys ``names``."""
        if not isinstance(value, dict):
            raise self.fail(path, f"expected an object, got {_kind(value)}")
        missing = [name for name in names if name not in value]
        if missing:
            raise self.fail(path, f"missing key(s): {', '.join(missing)}")
        unknown = sorted(str(key) for key in value if key not in names)
        if unknown:
            raise self.fail(path, f"unknown key(s): {', '.join(unknown)}")
        return value

    def span(self, value: object, *, path: str, extra: tuple[str, ...] = ()) -> Span:
        """Build a Span from ``{start, end, text}`` (plus ``extra`` keys checked elsewhere)."""
        fields = self.exact_keys(value, (*extra, *_SPAN_KEYS), path=path)
        start = self.convert(fields["start"], int, path=_join(path, "start"))
        end = self.convert(fields["end"], int, path=_join(path, "end"))
        text = self.convert(fields["text"], str, path=_join(path, "text"))
        if start < 0 or end < start:
            raise self.fail(path, f"bad offsets start={start}, end={end}")
        if len(text) != end - start:
            raise self.fail(
                path, f"text has {len(text)} characters but end - start = {end - start}"
            )
        return Span(start=start, end=end, text=text)

    def convert(self, value: object, hint: Any, *, path: str) -> Any:
        """Check ``value`` against the type ``hint`` and convert nested structures."""
        if _is_optional(hint):
            if value is None:
                return None
            (hint,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if dataclasses.is_dataclass(hint):
            return self.build(hint, value, path=path)
        if typing.get_origin(hint) is tuple:
            if not isinstance(value, list | tuple):
                raise self.fail(path, f"expected a list, got {_kind(value)}")
            (item_hint, _) = typing.get_args(hint)
            return tuple(
                self.convert(item, item_hint, path=f"{path}[{index}]")
                for index, item in enumerate(value)
            )
        if hint is int and (isinstance(value, bool) or not isinstance(value, int)):
            raise self.fail(path, f"expected an integer, got {_kind(value)}")
        if hint is bool and not isinstance(value, bool):
            raise self.fail(path, f"expected true or false, got {_kind(value)}")
        if hint is str:
            if not isinstance(value, str):
                raise self.fail(path, f"expected a string, got {_kind(value)}")
            self.check_label(value, path=path)
        return value

    def check_label(self, value: str, *, path: str) -> None:
        """Reject a label string outside the inventory of its field."""
        names = self.labels.get(_strip_indices(path))
        if names is not None and value not in names:
            raise self.fail(path, f"unknown label {value!r}; expected one of {', '.join(names)}")


def _check_token_lengths(row: TokenRow, context: _Context) -> None:
    """Reject a token row whose per-token lists differ in length."""
    lengths = {name: len(getattr(row, name)) for name in _TOKEN_LISTS}
    if len(set(lengths.values())) != 1:
        detail = ", ".join(f"{name}={length}" for name, length in lengths.items())
        raise context.fail("tokens", f"per-token lists differ in length ({detail})")


def _is_optional(hint: Any) -> bool:
    """Return True for ``X | None``."""
    return typing.get_origin(hint) in (typing.Union, types.UnionType) and type(
        None
    ) in typing.get_args(hint)


def _join(path: str, name: str) -> str:
    """Return the dotted field path ``path.name``."""
    return f"{path}.{name}" if path else name


def _strip_indices(path: str) -> str:
    """Drop list indices from a field path: ``arguments[2].role`` -> ``arguments.role``."""
    parts = []
    for part in path.split("."):
        parts.append(part.split("[", 1)[0])
    return ".".join(parts)


def _kind(value: object) -> str:
    """Name the JSON kind of ``value`` for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
