"""Regenerate the README's benchmark tables: ``uv run python scripts/bench_readme.py``.

Runs ``scripts/bench_scorer.py`` (10^6 tokens, short documents) and ``scripts/bench_scale.py``
(``score`` of 10^3 and 3 x 10^3 documents, ``rules`` on a 0.5 MB text), optionally with
``--compare DIR`` (another checkout, interleaved: the "before" columns), and rewrites the part
of README.md between the ``bench:begin`` and ``bench:end`` markers with their figures and the
targets of issue 15, each marked met or not met from these figures. ``--scorer-json`` and
``--scale-json`` render saved figures (``--json`` of the two scripts) instead of running them.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_scale  # noqa: E402
import bench_scorer  # noqa: E402

README = Path(__file__).resolve().parents[1] / "README.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"

NAMES = {
    "seqeval_report": "seqeval strict `classification_report` alone",
    "seqeval_f1": "seqeval strict `f1_score` alone",
    "nervaluate": "nervaluate `evaluate()` (strict figures checked against ours)",
    "ours_exact": "ours, exact per type on the decoded tags (array level)",
    "score_build": "`score()` inputs: decoding + building the objects",
    "score_exact": "`score()`, events layer, exact mode only",
    "score_full": "`score()`, events layer, all four modes",
}


def _met(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def _cell(cell: dict | None, *, memory: bool = True) -> str:
    if cell is None:
        return "-"
    text = f"{cell['cpu_s']:.3f} s"
    return text + (f", {cell['peak_mib']:.1f} MiB" if memory and "peak_mib" in cell else "")


def render(scorer: dict, scale: dict) -> str:
    """Return the markdown of both tables and the targets."""
    after_s, before_s = scorer["this"], scorer.get("other")
    after_l, before_l = (scale or {}).get("this"), (scale or {}).get("other")
    any_cell = next(iter(after_s.values()))
    lines = [
        f"Measured on the shared 2-core development machine (CPython "
        f"{platform.python_version()}; other sessions were running, so absolute times are "
        "noisy: compare ratios). CPU seconds, median of 3 interleaved runs, each in a fresh "
        "interpreter; MiB = tracemalloc peak of one more traced run of the same call. "
        '"before" = the code before issue 15 (main at 24312aa), run in the same session.',
        "",
        f"**Scorers on the same BIO2 tags** (10^6 tokens, 30,304 short documents, "
        f"{any_cell['gold']:,} gold / {any_cell['pred']:,} predicted spans):",
        "",
        "| measurement | before | after | check |",
        "|---|---|---|---|",
    ]
    for name, label in NAMES.items():
        cell = after_s[name]
        check = ""
        if "seqeval_equal" in cell:
            check = "= seqeval" if cell["seqeval_equal"] else "DIFFERS from seqeval"
        if "checked" in cell:
            check = "= ours" if cell["checked"] else "DIFFERS from ours"
        before = _cell(before_s.get(name)) if before_s else "-"
        lines.append(f"| {label} | {before} | {_cell(cell)} | {check} |")
    lines += [
        "",
        "seqeval and nervaluate run the same code in both columns: the difference between "
        "their two figures is the noise of the shared machine in this run.",
    ]
    report = after_s["seqeval_report"]
    exact, full = after_s["score_exact"], after_s["score_full"]
    if after_l is None:
        return "\n".join(
            [
                *lines,
                "",
                *_scorer_targets(exact, full, report),
                "",
                "`scripts/bench_scale.py` was not part of this run: no figures.",
            ]
        )
    lines += [
        "",
        "**`score` and the baselines at scale** (`scripts/bench_scale.py`):",
        "",
        "| measurement | before | after |",
        "|---|---|---|",
    ]
    for name, cell in after_l.items():
        before = _cell(before_l.get(name), memory=False) if before_l else "-"
        lines.append(f"| {name} | {before} | {_cell(cell, memory=False)} |")
    numpy_s = after_l["import numpy"]["cpu_s"]
    score_1, score_3 = after_l["score 1000"]["cpu_s"], after_l["score 3000"]["cpu_s"]
    lines += ["", *_scorer_targets(exact, full, report)]
    lines.append(
        f"- `score` of 10^3 documents (default bootstrap) within 15x `import numpy`: "
        f"{_met(score_1 <= 15 * numpy_s)} ({score_1 / numpy_s:.1f}x); 3x the documents at most "
        f"3.3x the time: {_met(score_3 <= 3.3 * score_1)} ({score_3 / score_1:.2f}x)."
    )
    for baseline in ("rules", "crf"):
        if f"{baseline} one" in after_l:
            one = after_l[f"{baseline} one"]["cpu_s"]
            paragraphs = after_l[f"{baseline} paragraphs"]["cpu_s"]
            lines.append(
                f"- `{baseline}` on the 0.5 MB text as one document within 1.5x one document "
                f"per paragraph: {_met(one <= 1.5 * paragraphs)} ({one / paragraphs:.2f}x)."
            )
    return "\n".join(lines)


def _scorer_targets(exact: dict, full: dict, report: dict) -> list[str]:
    """Return the lines of the scorer targets, met or not met."""
    peak = max(exact["peak_mib"], full["peak_mib"])
    return [
        "Targets of issue 15 (after):",
        f"- `score()` exact mode, one span layer, no slower than seqeval's report: "
        f"{_met(exact['cpu_s'] <= report['cpu_s'])} ({exact['cpu_s']:.3f} vs "
        f"{report['cpu_s']:.3f} s, {exact['cpu_s'] / report['cpu_s']:.2f}x).",
        f"- full `score()` within 1.5x the report: {_met(full['cpu_s'] <= 1.5 * report['cpu_s'])}"
        f" ({full['cpu_s'] / report['cpu_s']:.2f}x).",
        f"- `score()` peak memory within 3x seqeval's: "
        f"{_met(peak <= 3 * report['peak_mib'])} ({peak:.1f} vs {report['peak_mib']:.1f} MiB, "
        f"{peak / report['peak_mib']:.1f}x).",
    ]


def write_readme(section: str, *, readme: Path = README) -> None:
    """Replace the text between the markers of ``readme`` by ``section``."""
    text = readme.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(f"{head}{BEGIN}\n{section}\n{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Run (or read) both benchmarks and rewrite the README section."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", type=Path, help="the checkout measured as 'before'")
    parser.add_argument("--scorer-json", type=Path)
    parser.add_argument("--scale-json", type=Path)
    parser.add_argument("--no-scale", action="store_true", help="skip bench_scale.py")
    args = parser.parse_args(argv)
    codes = {"this": README.parent}
    if args.compare:
        codes = {"other": args.compare.resolve(), **codes}
    if args.scorer_json:
        scorer = json.loads(args.scorer_json.read_text())
    else:
        scorer = bench_scorer.measure(codes, n_tokens=10**6, layout="short", runs=3, seed=0)
    scale = None
    if args.scale_json:
        scale = json.loads(args.scale_json.read_text())
    elif not args.no_scale:
        scale = bench_scale.measure(codes, sizes=[1000, 3000], runs=3, baselines=["rules"])
    write_readme(render(scorer, scale))
    return 0


if __name__ == "__main__":
    sys.exit(main())
