"""The metadata file of a source document: ``<source folder>/<doc_id>.meta.yaml``.

Honest metadata: null where the value is unknown, never guessed from the wording. Every key of
:data:`META_KEYS` is required; the keys of :data:`OPTIONAL_META_KEYS` may be left out:

- ``split``: the split the document belongs to (a split of kind ``annotations`` whose source
  folder holds the file, :mod:`benchmark.dataset.splits`); absent: the main split ``test``;
- ``provenance``: where the text comes from when it was taken from another corpus, a mapping
  with exactly the keys of :data:`PROVENANCE_KEYS` (``corpus``, ``repository``, ``commit``,
  ``file``: strings; ``first_sentence``: the 0-based index of the corpus sentence the text
  starts with; ``n_sentences``: how many corpus sentences it holds); absent: null;
- ``title_paragraphs``: 0-based indices of the paragraphs that are the headline (their text
  must equal ``title``); absent: none.

``caption_paragraphs`` (required) lists the photo captions the same way. Paragraph indices are
those of :func:`benchmark.dataset.text.paragraphs` (blank-line separated blocks). Every problem
raises :class:`~benchmark.errors.DataError` naming the file, the line and the key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from benchmark.dataset.documents import read_text
from benchmark.dataset.splits import ANNOTATION_SPLITS, MAIN_SPLIT
from benchmark.dataset.yaml_lines import LineDict, load_yaml
from benchmark.errors import DataError

META_KEYS: tuple[str, ...] = (
    "doc_id",
    "language",
    "text_sha256",
    "title",
    "outlet",
    "publication_date",
    "date_inferred",
    "date_evidence",
    "source_note",
    "caption_paragraphs",
)
"""Keys every metadata file has (null where the value is unknown)."""

OPTIONAL_META_KEYS: Mapping[str, Any] = MappingProxyType(
    {"split": MAIN_SPLIT, "provenance": None, "title_paragraphs": ()}
)
"""Keys a metadata file may leave out -> the value :func:`load_meta` gives them then."""

PROVENANCE_KEYS: tuple[str, ...] = (
    "corpus",
    "repository",
    "commit",
    "file",
    "first_sentence",
    "n_sentences",
)
"""Keys of ``provenance``: strings, then two integers (first sentence >= 0, count >= 1)."""

_NULLABLE_STRINGS = META_KEYS[META_KEYS.index("title") : META_KEYS.index("source_note") + 1]
"""The keys from ``title`` to ``source_note``: a string or null."""
_PARAGRAPH_LISTS = ("caption_paragraphs", "title_paragraphs")


def load_meta(path: Path, *, doc_id: str) -> dict[str, Any]:
    """Read and check the metadata file of document ``doc_id``; fill in the optional keys."""
    meta = load_yaml(read_text(path), file=path)
    if not isinstance(meta, LineDict):
        raise DataError("expected a mapping of metadata keys", file=path)

    def fail(message: str, key: str) -> DataError:
        return DataError(message, file=path, line=meta.key_lines.get(key), field=key)

    missing = [key for key in META_KEYS if key not in meta]
    if missing:
        raise DataError(f"missing key(s): {', '.join(missing)}", file=path)
    unknown = sorted(str(key) for key in meta if key not in META_KEYS + tuple(OPTIONAL_META_KEYS))
    if unknown:
        raise fail(f"unknown key(s): {', '.join(unknown)}", unknown[0])
    if meta["doc_id"] != doc_id:
        raise fail(f"doc_id {meta['doc_id']!r} does not match the file name", "doc_id")
    for key in ("language", "text_sha256"):
        if not isinstance(meta[key], str) or not meta[key]:
            raise fail("expected a non-empty string", key)
    for key in _NULLABLE_STRINGS:
        if meta[key] is not None and not isinstance(meta[key], str):
            raise fail("expected a string or null", key)
    for key in _PARAGRAPH_LISTS:
        value = meta.get(key, [])
        if not isinstance(value, list) or not all(_is_int(index) for index in value):
            raise fail("expected a list of paragraph indices", key)
    if "split" in meta and meta["split"] not in ANNOTATION_SPLITS:
        expected = list(ANNOTATION_SPLITS)
        raise fail(f"unknown split {meta['split']!r}; expected one of {expected}", "split")
    if meta.get("provenance") is not None:
        _check_provenance(meta["provenance"], fail)
    checked = dict(meta)
    for key, default in OPTIONAL_META_KEYS.items():
        checked.setdefault(key, default)
    checked["title_paragraphs"] = list(checked["title_paragraphs"])
    return checked


def _check_provenance(value: Any, fail) -> None:
    """Refuse a ``provenance`` that is not exactly the mapping of :data:`PROVENANCE_KEYS`."""
    if not isinstance(value, dict) or set(value) != set(PROVENANCE_KEYS):
        raise fail(f"expected a mapping with the keys {', '.join(PROVENANCE_KEYS)}", "provenance")
    for key in PROVENANCE_KEYS[:4]:
        if not isinstance(value[key], str) or not value[key]:
            raise fail(f"provenance {key}: expected a non-empty string", "provenance")
    for key, minimum in (("first_sentence", 0), ("n_sentences", 1)):
        if not _is_int(value[key]) or value[key] < minimum:
            raise fail(f"provenance {key}: expected an integer >= {minimum}", "provenance")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_text_hash(text: str, meta: Mapping[str, Any], *, file: Path) -> None:
    """Refuse a source text whose SHA-256 differs from the one recorded in its metadata."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if digest != meta["text_sha256"]:
        raise DataError(
            f"text SHA-256 is {digest}, metadata records {meta['text_sha256']}: "
            "the source text must never change",
            file=file,
            field="text_sha256",
        )
