"""Integrity checks of the source texts: each split's documents against their source files.

For an annotations split, every document's text equals its source file byte for byte, the
file's SHA-256 equals its pin (:mod:`benchmark.dataset.pins`) and the split holds exactly the
documents whose metadata names it; for the contrast split, the committed files equal a fresh
build. Part of :func:`benchmark.dataset.integrity.run_all_checks` (the ``source_text`` check).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from benchmark.dataset.configs import CONFIGS
from benchmark.dataset.corpus import split_documents
from benchmark.dataset.integrity_rows import Problem, _file, _rows
from benchmark.dataset.pins import PINNED_SHA256
from benchmark.dataset.splits import CONTRAST, MAIN_SPLIT, SPLITS
from benchmark.errors import DataError

REPO_ROOT = Path(__file__).resolve().parents[2]
SEED_FILES: dict[str, Path] = {
    "kharkiv-001": REPO_ROOT.parent / "shared" / "seed" / "kharkiv_article.txt",
}
"""Seed copy of each text, present on developer and CI machines only."""


def check_source_text(data_dir: Path, split: str = MAIN_SPLIT) -> list[Problem]:
    """Check that each text equals its source file byte for byte, with the pinned hash.

    For an annotations split: every document's ``text`` equals ``<source>/<doc_id>.txt`` of the
    split's source folder, whose SHA-256 is pinned (:data:`benchmark.dataset.pins.
    PINNED_SHA256`) and recorded in its metadata, and the split holds exactly the documents
    whose metadata names it. For the contrast split: the committed files equal a fresh build of
    ``contrast/edits.yaml`` over the source texts and the gold.
    """
    spec = SPLITS[split]
    if spec.kind == CONTRAST:
        return _contrast_problems(data_dir, split)
    problems = []
    path = _file(data_dir, "documents", split)
    seen = set()
    for line, row in _rows(data_dir, "documents", split):
        doc_id, content = row.get("doc_id"), row.get("text")
        if not isinstance(doc_id, str) or not isinstance(content, str):
            continue
        seen.add(doc_id)

        def report(message: str, *, file: Path = path, row_line: int | None = line) -> None:
            problems.append(Problem("source_text", str(file), row_line, "text", message))

        source = Path(data_dir) / spec.source / f"{doc_id}.txt"
        if not source.is_file():
            report(f"no source file {source}")
            continue
        source_bytes = source.read_bytes()
        if content.encode("utf-8") != source_bytes:
            report(f"differs from {spec.source}/{doc_id}.txt (byte for byte)")
        digest = hashlib.sha256(source_bytes).hexdigest()
        pinned = PINNED_SHA256.get(doc_id)
        if pinned is None:
            report(f"no pinned SHA-256 for document {doc_id!r}")
        elif digest != pinned:
            report(f"SHA-256 is {digest}, pinned {pinned}", file=source, row_line=None)
        seed = SEED_FILES.get(doc_id)
        if seed is not None and seed.is_file() and seed.read_bytes() != source_bytes:
            report(f"differs from the seed file {seed}", file=source, row_line=None)
    return problems + _membership_problems(data_dir, split, seen)


def _membership_problems(data_dir: Path, split: str, seen: set[str]) -> list[Problem]:
    """Report the documents whose metadata names ``split`` but which it lacks, and the others."""
    try:
        expected = {d.doc_id: d for d in split_documents(Path(data_dir), split)}
    except DataError as error:
        return [Problem("source_text", error.file or "", error.line, error.field, error.message)]
    path = str(_file(data_dir, "documents", split))
    problems = [
        Problem(
            "source_text",
            str(expected[doc_id].meta_path),
            None,
            "split",
            f"document {doc_id} of split {split} has no row",
        )
        for doc_id in sorted(set(expected) - seen)
    ]
    problems += [
        Problem(
            "source_text",
            path,
            None,
            "doc_id",
            f"document {doc_id} is not of split {split} (its metadata's split)",
        )
        for doc_id in sorted(seen - set(expected))
    ]
    return problems


def _contrast_problems(data_dir: Path, split: str) -> list[Problem]:
    """Check that the committed contrast files equal a fresh build from ``contrast/edits.yaml``.

    The contrast texts are not source texts: this is what ties them to the pinned article
    (edits applied to its paragraphs) and their gold to the adjudicated gold.
    """
    from benchmark.dataset.build import serialize
    from benchmark.dataset.contrast.build import build_contrast

    spec = SPLITS[split].spec
    if not (Path(data_dir) / spec).is_file():
        return [
            Problem(
                "source_text",
                str(Path(data_dir) / spec),
                None,
                None,
                "contrast files exist but the edit specification does not",
            )
        ]
    try:
        fresh = build_contrast(data_dir=Path(data_dir))
    except DataError as error:
        return [Problem("source_text", error.file or spec, error.line, None, error.message)]
    problems = []
    for config in CONFIGS:
        path = _file(data_dir, config, split)
        committed = path.read_bytes() if path.is_file() else b""
        if committed != serialize(fresh.rows[config]):
            message = "differs from a fresh build of contrast/edits.yaml (run build-data)"
            problems.append(Problem("source_text", str(path), None, None, message))
    return problems
