"""Copy the 48 Italian Wikinews passages into ``data/source/wikinews/`` (text + metadata).

Run once by a maintainer (``uv run python scripts/import_wikinews.py PASSAGES_JSONL``) with the
``passages.jsonl`` built from KIND's token column (``build_passages.py --check`` proves it); the
texts are written byte for byte (``text`` of each passage: title, blank line, body) and never
edited afterwards; each ``wn-NNN.meta.yaml`` records the text's SHA-256, its split, where it
comes from and which paragraph is the headline (``title_paragraphs``). ``--check`` compares
instead of writing and exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "data" / "source" / "wikinews"
SPLIT_NAMES = {"dev": "wikinews_dev", "test": "wikinews_test"}
LICENCE = (
    "Text: Italian Wikinews (Wikinotizie, it.wikinews.org), CC BY 2.5, credit "
    "'Wikinotizie / Italian Wikinews contributors'; tokenised in KIND (Paccosi and Palmero "
    "Aprosio, LREC 2022), whose token column only is used (KIND's CC BY-NC 4.0 NER labels are "
    "not included)."
)


def meta_text(passage: dict) -> str:
    """Return the metadata YAML of one passage."""
    text = passage["text"]
    source = passage["source"]
    meta = {
        "doc_id": passage["passage_id"],
        "language": "it",
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "title": passage["title"],
        "outlet": "Wikinotizie (Italian Wikinews)",
        "publication_date": None,
        "date_inferred": None,
        "date_evidence": None,
        "source_note": LICENCE,
        "caption_paragraphs": [],
        # The headline is the first paragraph of the text (title, blank line, body).
        "title_paragraphs": [0] if passage["title"] is not None else [],
        "split": SPLIT_NAMES[passage["split"]],
        "provenance": {
            "corpus": source["corpus"],
            "repository": "https://github.com/dhfbk/KIND",
            "commit": source["commit"],
            "file": source["file"],
            "first_sentence": source["first_sentence"],
            "n_sentences": source["n_sentences"],
        },
    }
    header = (
        f"# Metadata of data/source/wikinews/{passage['passage_id']}.txt "
        "(scripts/import_wikinews.py).\n"
        "# The text is KIND's tokens detokenised; it is never corrected (typos included).\n"
    )
    return header + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100)


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) every passage's text and metadata."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("passages", type=Path, help="passages.jsonl of the Wikinews corpus")
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    passages = [json.loads(line) for line in args.passages.read_text("utf-8").splitlines() if line]
    differ = []
    for passage in passages:
        files = {
            TARGET / f"{passage['passage_id']}.txt": passage["text"].encode("utf-8"),
            TARGET / f"{passage['passage_id']}.meta.yaml": meta_text(passage).encode("utf-8"),
        }
        for path, payload in files.items():
            if args.check:
                if not path.is_file() or path.read_bytes() != payload:
                    differ.append(path)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(payload)
    if differ:
        sys.stderr.write("".join(f"differs: {path}\n" for path in differ))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
