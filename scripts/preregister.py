"""Pre-register every baseline's predictions on the Wikinews passages, before any gold exists.

``uv run python scripts/preregister.py`` (from a clean checkout) builds each passage's document
from ``data/source/wikinews/`` (text, paragraphs, sentences; no annotation), runs every baseline
of ``baselines.registry.EXTRACTORS`` with its Hydra config (``crf``: trained on the whole
Kharkiv gold, the only gold there is), and writes ``results/preregistered/<baseline>.<split>.jsonl``
plus ``results/preregistered/MANIFEST.json`` (git commit, baselines' code version, package
versions, the SHA-256 of every passage text and of every submission). These files are scored
later, as committed, and never regenerated: the script refuses to overwrite them.

It ran once, at commit d706773 (recorded in ``results/preregistered/MANIFEST.json``), and imports
that commit's module paths; to inspect or rerun it elsewhere, check that commit out
(``git worktree add /tmp/prereg d706773``). It is kept as the record of how the files were made.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import yaml
from hydra import compose, initialize_config_dir

from baselines.code_version import code_version
from baselines.pipeline import EXTRA_PACKAGES, predict, submission_text
from baselines.registry import EXTRACTORS
from benchmark.documents import build_document, read_text
from benchmark.provenance import PACKAGES, package_versions
from benchmark.schema import Annotations

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "data" / "source" / "wikinews"
OUT = ROOT / "results" / "preregistered"
CONF = ROOT / "baselines" / "conf"


def passages() -> dict[str, list]:
    """Return split -> the passages' documents (sorted by doc_id) of ``data/source/wikinews``."""
    by_split: dict[str, list] = {}
    for text_path in sorted(SOURCE.glob("*.txt")):
        meta = yaml.safe_load(read_text(text_path.with_suffix(".meta.yaml")))
        text = read_text(text_path)
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != meta["text_sha256"]:
            raise SystemExit(f"{text_path}: text differs from its recorded SHA-256")
        by_split.setdefault(meta["split"], []).append(build_document(meta["doc_id"], text, meta))
    return by_split


def git(*args: str) -> str:
    """Return the output of a git command in the repository."""
    return subprocess.run(
        ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()


def main() -> int:
    """Predict, write and record; refuse a dirty tree or an existing pre-registration."""
    if OUT.exists():
        sys.stderr.write(f"{OUT} exists: pre-registered predictions are never regenerated\n")
        return 2
    if git("status", "--porcelain", "--untracked-files=no"):
        sys.stderr.write("the working tree has uncommitted changes: commit first\n")
        return 2
    documents = passages()
    manifest = {
        "purpose": (
            "Predictions of every baseline on the Wikinews passages, made before any gold "
            "annotation of these passages existed; scored as committed, never regenerated."
        ),
        "created": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "git_commit": git("rev-parse", "HEAD"),
        "code_version": code_version(),
        "package_versions": package_versions(packages=(*PACKAGES, *EXTRA_PACKAGES)),
        "splits": {
            split: {d.doc_id: hashlib.sha256(d.text.encode()).hexdigest() for d in docs}
            for split, docs in sorted(documents.items())
        },
        "baselines": {},
    }
    OUT.mkdir(parents=True)
    with initialize_config_dir(config_dir=str(CONF), version_base="1.3"):
        for name in EXTRACTORS:
            cfg = compose(config_name="config", overrides=[f"baseline={name}"])
            baseline = {key: cfg.baseline[key] for key in cfg.baseline}
            entry = {"config": baseline, "submissions": {}}
            for split, docs in sorted(documents.items()):
                predicted = predict(
                    baseline, gold=Annotations(documents=tuple(docs)), split=split, data_dir=None
                )
                payload = submission_text(predicted).encode("utf-8")
                path = OUT / f"{name}.{split}.jsonl"
                path.write_bytes(payload)
                entry["submissions"][split] = {
                    "file": path.name,
                    "sha256": hashlib.sha256(payload).hexdigest(),
                }
                sys.stderr.write(f"{name} [{split}]: {len(docs)} documents -> {path}\n")
            manifest["baselines"][name] = entry
    (OUT / "MANIFEST.json").write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
