"""Inert Markdown for pages built from untrusted text (the leaderboard's system names...).

Nothing a results file holds can make a link, an image, emphasis, HTML or a new table row:
control characters are escaped (:mod:`benchmark.printable`), HTML is shown as text, Markdown
punctuation is backslash-escaped, and the cell separator is escaped in every row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from benchmark.printable import printable

_CODE = re.compile(r"[\w .,:=+/@%\-\[\]]*")
"""Text shown in a code span as it is: nothing in it can end the span or the cell."""
_ESCAPED = re.compile(r"([\\`*_{}\[\]()#!~])")


def inert_text(value: object) -> str:
    """Return ``value`` as inert Markdown text for a table cell.

    Control characters are escaped (a newline cannot split the row), HTML is shown as text,
    and Markdown punctuation is backslash-escaped (no link, image or emphasis can be made);
    the cell separator ``|`` is escaped by :func:`table_row`.
    """
    text = printable(str(value))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _ESCAPED.sub(r"\\\1", text)


def code_span(value: object) -> str:
    """Return ``value`` in a code span when that is safe, else as :func:`inert_text`."""
    text = str(value)
    return f"`{text}`" if _CODE.fullmatch(text) else inert_text(text)


def table_row(cells: Sequence[str]) -> str:
    """Return a Markdown table row of ``cells``, their ``|`` escaped."""
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"
