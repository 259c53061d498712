r"""Text made safe to show: what a message or a generated page may echo from its input.

A user's text (file names, JSON keys, ids, span texts, system names, arguments) can hold
characters that must not reach a terminal or a one-line message as they are: control
characters (a newline or carriage return forges a message line, ESC starts a terminal escape
sequence), Unicode line and paragraph separators, bidirectional overrides (which reorder what
a reader sees), and lone surrogates. A lone surrogate comes from a JSON ``\ud800`` escape,
or from the bytes of a non-UTF-8 file name or argument, which Python decodes with
``surrogateescape`` (byte ``0xff`` becomes ``\udcff``); it cannot even be written as UTF-8.
:func:`printable` replaces each such character with a visible escape, so every message is one
line of valid text that shows what the input held.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)
"""C0 and C1 controls, DEL, bidirectional marks and overrides, line/paragraph separators,
the byte order mark, and surrogates."""

_KEPT_IN_TEXT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)
"""The same without tab and newline, for multi-line text (tables) written to a terminal."""

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # a byte that was not UTF-8 (surrogateescape)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def printable(text: object) -> str:
    """Return ``str(text)`` with every unsafe character (see the module) shown as an escape."""
    text = str(text)
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def printable_lines(text: str) -> str:
    """Return ``text`` with unsafe characters escaped except its newlines and tabs."""
    return _KEPT_IN_TEXT.sub(_escape, text) if _KEPT_IN_TEXT.search(text) else text


def shortened(text: str, *, limit: int = 80) -> str:
    """Return ``text``, cut to ``limit`` characters with an ellipsis when longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def has_unsafe(text: str) -> bool:
    """Return True when ``text`` holds a character :func:`printable` would escape."""
    return _UNSAFE.search(text) is not None


def invalid_unicode(text: str) -> int | None:
    """Return the index of the first lone surrogate of ``text`` (not valid Unicode), or None."""
    match = _SURROGATE.search(text)
    return None if match is None else match.start()


_SURROGATE = re.compile("[\ud800-\udfff]")
