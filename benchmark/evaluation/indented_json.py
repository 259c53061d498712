"""``json.dumps(value, ensure_ascii=False, indent=2)``, byte for byte, at the C encoder's speed.

Python's ``json`` module only uses its C encoder without ``indent``: with it, every value goes
through the pure-Python encoder, which made writing the results file of a large submission
take longer than scoring it. Here the layout (one value per line, two spaces per level) is
written in Python, container by container, and every run of scalars (a row of ids, a list of
per-sentence counts) is encoded by the C encoder in one call, then joined with the line
separator. The output equals ``json.dumps(..., indent=2)`` (a test compares them); values
other than dicts with string keys, lists, tuples, strings, ints, floats, bools and None are
handed to ``json.dumps`` unchanged.
"""

from __future__ import annotations

import json
from typing import Any

_SCALARS = (str, int, float, type(None))
"""Types encoded by the scalar encoder (bool is an int; str and int subclasses go through the
same encoder as ``json.dumps``)."""

_SCALAR = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
"""Compact encoder; without ``indent`` it uses the C encoder when available."""

_encode_string = json.encoder.c_encode_basestring
"""The C encoder of one string (``ensure_ascii=False``), None without the C extension."""


def dumps_indented(value: Any) -> str:
    """Return ``json.dumps(value, ensure_ascii=False, indent=2)``."""
    chunks: list[str] = []
    _write(value, "\n", chunks)
    return "".join(chunks)


def _write(value: Any, newline: str, chunks: list[str]) -> None:
    """Append the encoding of ``value`` whose line starts after ``newline`` (indent included)."""
    if isinstance(value, dict):
        if not value:
            chunks.append("{}")
            return
        if not all(isinstance(key, str) for key in value):
            chunks.append(_indented_fallback(value, newline))
            return
        inner = newline + "  "
        chunks.append("{")
        separator = inner
        for key, item in value.items():
            chunks.append(separator)
            chunks.append(_SCALAR.encode(key))
            chunks.append(": ")
            _write(item, inner, chunks)
            separator = "," + inner
        chunks.append(newline + "}")
    elif isinstance(value, list | tuple):
        if not value:
            chunks.append("[]")
            return
        inner = newline + "  "
        if all(isinstance(item, _SCALARS) for item in value):
            # One C call encodes the whole run; the list is re-laid out one value per line.
            chunks.append("[" + inner + ("," + inner).join(_scalars(value)) + newline + "]")
            return
        chunks.append("[")
        separator = inner
        for item in value:
            chunks.append(separator)
            _write(item, inner, chunks)
            separator = "," + inner
        chunks.append(newline + "]")
    elif isinstance(value, _SCALARS):
        chunks.append(_SCALAR.encode(value))
    else:
        chunks.append(_indented_fallback(value, newline))


def _scalars(values: list | tuple) -> list[str] | map:
    """Return the JSON text of each scalar of ``values`` (C functions for str and int runs)."""
    kinds = set(map(type, values))
    if kinds == {str} and _encode_string is not None:
        return map(_encode_string, values)
    if kinds == {int}:
        return map(int.__repr__, values)
    return [_SCALAR.encode(item) for item in values]


def _indented_fallback(value: Any, newline: str) -> str:
    """Encode ``value`` with ``json.dumps`` at the indentation of ``newline``."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", newline)
