"""Scaling benchmark: ``kharkiv-ie score`` on large submissions, baselines on long documents.

Rerunnable by anyone: ``uv run python scripts/bench_scale.py`` (``--compare DIR`` also runs the
code of another checkout, interleaved with this one). Every measurement runs in a fresh
interpreter with ``PYTHONPATH`` set to the checkout measured; figures are CPU seconds (user +
system of the child process, ``resource.RUSAGE_CHILDREN``), medians of ``--runs`` (>= 3)
interleaved runs.

- ``import numpy``: ``python -c 'import numpy'``, the unit of the ``score`` target.
- ``score N``: ``kharkiv-ie score SUB --gold-dir DIR --out FILE`` (default bootstrap, every
  task and mode) of a synthetic split of N documents: the real article's gold (the test
  split, one document) copied N times under new document ids, written with its manifest; the
  submission is that gold with the hedges of every other document left out. Built once,
  untimed, by this checkout (the file format is the same for both).
- ``rules`` on ``one`` / ``paragraphs``: ``extract()`` of a ~0.5 MB text made of the article's
  paragraphs repeated, as ONE document and as one document per paragraph. (The crf refuses to
  predict its own training sentences, which these are, so it is not timed here.) The outputs
  of the two layouts are not compared (different documents); the submissions of the real
  splits are (``kharkiv-ie reproduce``, byte for byte).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ARTICLE = REPO / "data" / "source" / "kharkiv-001.txt"
TEXT_BYTES = 500_000


def cpu_of(command: list[str], *, code: Path) -> float:
    """Run ``command`` with ``PYTHONPATH=code``; return its CPU seconds (user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = dict(os.environ, PYTHONPATH=str(code))
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def write_split(folder: Path, n_documents: int) -> Path:
    """Write a gold folder of ``n_documents`` copies of the test split; return the submission."""
    import hashlib

    from benchmark.dataset.configs import LAYER_CONFIGS, MANIFEST_NAME, data_file
    from benchmark.dataset.gold import read_gold
    from benchmark.dataset.rows import to_row
    from benchmark.dataset.schema import Annotations
    from benchmark.submission.format import submission_line_from_annotations

    gold = read_gold()
    rows = {config: [to_row(item) for item in getattr(gold, config)] for config in LAYER_CONFIGS}
    manifest = []
    for config in LAYER_CONFIGS:
        lines = []
        for k in range(n_documents):
            for row in rows[config]:
                lines.append(json.dumps({**row, "doc_id": f"syn-{k:05d}"}, ensure_ascii=False))
        relpath = data_file(config, split="test")
        path = folder / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        data = ("\n".join(lines) + "\n").encode("utf-8")
        path.write_bytes(data)
        manifest.append(f"{hashlib.sha256(data).hexdigest()}  {relpath}")
    (folder / MANIFEST_NAME).write_text("\n".join(manifest) + "\n", encoding="utf-8")
    copies = read_gold(data_dir=folder)
    by_doc: dict[str, dict[str, list]] = {
        d.doc_id: {c: [] for c in LAYER_CONFIGS} for d in copies.documents
    }
    for config in LAYER_CONFIGS:
        for item in getattr(copies, config):
            by_doc[item.doc_id][config].append(item)
    submission = folder / "submission.jsonl"
    with submission.open("w", encoding="utf-8") as out:
        for k, (doc_id, layers) in enumerate(by_doc.items()):
            if k % 2:
                layers["hedges"] = []
            annotations = Annotations(**{c: tuple(v) for c, v in layers.items()})
            line = submission_line_from_annotations(annotations, doc_id)
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return submission


def long_text() -> tuple[str, list[str]]:
    """Return a ~0.5 MB text of the article's paragraphs repeated, and its paragraphs."""
    paragraphs = [p for p in ARTICLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    chosen: list[str] = []
    while sum(len(p) + 2 for p in chosen) < TEXT_BYTES:
        chosen.extend(paragraphs)
    return "\n\n".join(chosen), chosen


def baseline_worker(name: str, layout: str) -> None:
    """Print the CPU seconds of ``extract()`` on the long text in ``layout`` (one JSON line)."""
    import time

    from baselines.document import document_from_text
    from baselines.registry import get_extractor

    text, paragraphs = long_text()
    extractor = get_extractor(name)
    extractor.extract(document_from_text("warm-up", paragraphs[0]))  # trains the crf
    texts = [text] if layout == "one" else paragraphs
    documents = [document_from_text(f"d{i:05d}", t) for i, t in enumerate(texts)]
    started = time.process_time()
    for document in documents:
        extractor.extract(document)
    cpu = time.process_time() - started
    sentences = sum(len(d.sentences) for d in documents)
    print(json.dumps({"cpu_s": cpu, "sentences": sentences, "chars": len(text)}))


def baseline_cpu(name: str, layout: str, *, code: Path) -> dict:
    """Run :func:`baseline_worker` in a fresh interpreter on ``code``."""
    env = dict(os.environ, PYTHONPATH=str(code))
    command = [sys.executable, __file__, "--baseline-worker", name, layout]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"baseline worker failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(codes: dict[str, Path], *, sizes: list[int], runs: int, baselines: list[str]):
    """Return {label: {measurement: {runs, cpu_s}}} (medians of interleaved runs)."""
    figures: dict[str, dict[str, dict]] = {label: {} for label in codes}
    with tempfile.TemporaryDirectory() as scratch:
        splits = {}
        for n in sizes:
            folder = Path(scratch) / f"split-{n}"
            splits[n] = (folder, write_split(folder, n))
        score = "import sys; from baselines.cli import main; sys.exit(main())"
        for _ in range(runs):
            for label, code in codes.items():
                cell = figures[label].setdefault("import numpy", {"runs": []})
                cell["runs"].append(cpu_of([sys.executable, "-c", "import numpy"], code=code))
                for n, (folder, submission) in splits.items():
                    out = Path(scratch) / f"{label}-{n}.json"
                    command = [sys.executable, "-c", score, "score", str(submission)]
                    command += ["--gold-dir", str(folder), "--out", str(out)]
                    cell = figures[label].setdefault(f"score {n}", {"runs": []})
                    cell["runs"].append(cpu_of(command, code=code))
                    cell["results_mib"] = out.stat().st_size / 2**20
                for name in baselines:
                    for layout in ("one", "paragraphs"):
                        row = baseline_cpu(name, layout, code=code)
                        cell = figures[label].setdefault(f"{name} {layout}", {"runs": []})
                        cell["runs"].append(row["cpu_s"])
                        cell["sentences"], cell["chars"] = row["sentences"], row["chars"]
    for scores in figures.values():
        for cell in scores.values():
            cell["cpu_s"] = statistics.median(cell["runs"])
    return figures


def main(argv: list[str] | None = None) -> int:
    """Print every measurement's median CPU seconds, per checkout."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-worker", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--baselines", nargs="*", default=["rules"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--compare", type=Path, help="another checkout, run interleaved")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if args.baseline_worker:
        baseline_worker(*args.baseline_worker)
        return 0
    if args.runs < 3:
        parser.error("--runs must be at least 3 (medians of interleaved runs)")
    codes = {"this": REPO}
    if args.compare:
        codes = {"other": args.compare.resolve(), **codes}
    figures = measure(codes, sizes=args.sizes, runs=args.runs, baselines=args.baselines)
    for label, scores in figures.items():
        print(f"# {label} ({codes[label]})")
        for name, cell in scores.items():
            print(f"{name:22s} {cell['cpu_s']:8.3f} s CPU  runs {cell['runs']}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
