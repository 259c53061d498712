"""Agreement between the two Wikinews passes, computed before adjudication (a record).

``uv run python scripts/annotation/pre_adjudication_agreement.py`` scores pass B against pass A
with the agreement code (:func:`benchmark.scoring.agreement.agreement`: the scorer's span F1 in
exact and overlap mode, Cohen's kappa over matched items), reading both passes with the 2.0
schema of the package, per split and over all 48 passages, and prints Markdown. The
reproducible figures with intervals come from ``kharkiv-ie agreement``; this script only records
what the passes agreed on before any adjudication decision was taken.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from benchmark.dataset.annotation_source import load_pass
from benchmark.dataset.documents import build_document, read_text
from benchmark.dataset.layers import LAYER_NAMES
from benchmark.dataset.schema import Annotations
from benchmark.scoring.agreement import agreement, agreement_markdown

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "data" / "source" / "wikinews"
PASSES = ROOT / "data" / "annotations" / "wikinews"


def annotations(pass_name: str, doc_ids: list[str]) -> Annotations:
    """Return one pass over ``doc_ids`` as Annotations."""
    passes = load_pass(PASSES / pass_name, source_dir=SOURCE)
    documents: list = []
    layers: dict[str, list] = {name: [] for name in LAYER_NAMES}
    for doc_id in doc_ids:
        meta = yaml.safe_load(read_text(SOURCE / f"{doc_id}.meta.yaml"))
        found = passes[doc_id].annotations
        documents.append(
            build_document(
                doc_id,
                read_text(SOURCE / f"{doc_id}.txt"),
                meta,
                hedges=found.hedges,
            )
        )
        for layer, items in layers.items():
            items.extend(getattr(found, layer))
    return Annotations(documents=tuple(documents), **{k: tuple(v) for k, v in layers.items()})


def main() -> int:
    """Print the agreement tables per split and overall."""
    splits: dict[str, list[str]] = {}
    for meta_path in sorted(SOURCE.glob("*.meta.yaml")):
        meta = yaml.safe_load(read_text(meta_path))
        splits.setdefault(meta["split"], []).append(meta["doc_id"])
    splits["all"] = sorted(doc for docs in list(splits.values()) for doc in docs)
    for split, doc_ids in splits.items():
        report = agreement(annotations("pass_a", doc_ids), annotations("pass_b", doc_ids))
        sys.stdout.write(f"## {split} ({len(doc_ids)} passages)\n\n{agreement_markdown(report)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
