r"""Strict JSON parsing for every file the project reads: one function, one kind of error.

:func:`parse` turns JSON text into Python values or raises :class:`BadJson` with a one-line
reason, for everything ``json.loads`` lets through or crashes on:

- malformed JSON (with its column);
- an integer of more than :data:`MAX_DIGITS` digits (``json.loads`` raises ``ValueError``
  from ``int()``: CPython refuses to convert longer digit strings);
- arrays and objects nested deeper than the interpreter's recursion limit allows
  (``RecursionError`` from the C scanner);
- ``NaN``, ``Infinity`` and ``-Infinity`` (not JSON), a number too large for a float
  (``1e999``, which Python would read as infinity), and optionally a key given twice in an
  object (``json`` keeps the last silently);
- a lone surrogate (``"\ud800"``) in a string or a key: not valid Unicode, so it could never
  be written back as UTF-8 (the JSON path of the first one is named).

Callers add the file and line (:class:`benchmark.errors.DataError`).
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Iterator

MAX_DIGITS = sys.get_int_max_str_digits() or 4300
"""Longest integer (in digits) that Python converts from text."""

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
"""A JSON escape of a surrogate code point (paired ones are combined by the parser)."""
_SURROGATE = re.compile("[\ud800-\udfff]")


class BadJson(ValueError):
    """JSON text that cannot be accepted; ``str()`` is the one-line reason."""

    def __init__(self, reason: str, *, path: str = "$", line: int | None = None) -> None:
        """Keep the reason, the JSON path it concerns (``$``: the whole text) and its line."""
        super().__init__(reason)
        self.reason = reason
        """What is wrong, one line."""
        self.path = path
        """JSON path of the offending value (``$.events[0].trigger.text``), or ``$``."""
        self.line = line
        """1-based line of the text where the parser stopped, when it says (malformed JSON)."""


def _reject_constant(name: str) -> object:
    raise BadJson(f"malformed JSON: {name} is not valid JSON")


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise BadJson(f"number out of range: {text[:40]}")
    return value


def _unique_pairs(pairs: list[tuple[str, object]]) -> dict:
    found: dict = {}
    for key, value in pairs:
        if key in found:
            shown = json.dumps(key, ensure_ascii=True)
            raise BadJson(f"malformed JSON: duplicate key {shown[:60]} in an object")
        found[key] = value
    return found


def parse(text: str, *, unique_keys: bool = False) -> object:
    """Return the value of the JSON ``text``; :class:`BadJson` (see the module) when refused."""
    hook = _unique_pairs if unique_keys else None
    try:
        value = json.loads(
            text, object_pairs_hook=hook, parse_constant=_reject_constant, parse_float=_finite_float
        )
    except json.JSONDecodeError as error:
        raise BadJson(
            f"malformed JSON: {error.msg} (column {error.colno})", line=error.lineno
        ) from None
    except RecursionError:
        raise BadJson("arrays or objects nested too deeply") from None
    except BadJson:
        raise
    except ValueError as error:  # int() of a digit string longer than MAX_DIGITS
        if "digits" in str(error):
            raise BadJson(f"an integer of more than {MAX_DIGITS} digits") from None
        raise BadJson(f"malformed JSON: {str(error).splitlines()[0][:80]}") from None
    if _SURROGATE_ESCAPE.search(text):
        path = first_surrogate(value)
        if path is not None:
            raise BadJson("a lone surrogate (U+D800..U+DFFF) is not valid Unicode", path=path)
    return value


def first_surrogate(value: object) -> str | None:
    """Return the JSON path of the first string or key holding a surrogate, or None."""
    for path, text in _strings(value):
        if _SURROGATE.search(text):
            return path
    return None


def _strings(value: object) -> Iterator[tuple[str, str]]:
    """Yield ``(JSON path, string)`` for every key and string value, without recursion."""
    stack: list[tuple[str, object]] = [("$", value)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, str):
            yield path, node
        elif isinstance(node, dict):
            children = []
            for key, child in node.items():
                where = f"{path}.{key}"
                yield where, key
                children.append((where, child))
            stack.extend(reversed(children))
        elif isinstance(node, list):
            stack.extend(reversed([(f"{path}[{i}]", child) for i, child in enumerate(node)]))


def kind(value: object) -> str:
    """Return a short description of a JSON value's type, for messages (never its content)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
