"""Like-for-like benchmark of our span scorer against seqeval strict IOB2 and nervaluate.

Rerunnable by anyone: ``uv run python scripts/bench_scorer.py`` (``--compare DIR`` also runs
the code of another checkout, interleaved with this one, for before/after figures).

Synthetic data (:mod:`bench_corpus`): 10 entity types, ~15% of tokens in spans, predictions =
perturbed gold, valid IOB2. EVERY scorer gets the same BIO2 tag lists (one list per document)
and its time includes turning them into what it scores:

- ``seqeval report``: ``classification_report(mode="strict", scheme=IOB2, output_dict=True)``
  alone (it returns every per-type and micro figure compared here);
- ``seqeval f1``: ``f1_score(mode="strict", scheme=IOB2)`` alone;
- ``nervaluate``: ``Evaluator(..., loader="list").evaluate()`` (4 schemes, per type); its strict
  figures are checked against ours (correct = our exact tp, actual = predictions, possible =
  gold, overall and per type);
- ``ours exact (tags)``: a numpy decoder of the same tags into spans, then our exact matcher
  (:func:`benchmark.scoring.intervals.match_exact_intervals`) and per-type counts;
- ``score() build``: decoding the tags and building the schema objects ``score()`` takes (one
  ``Document`` per tag list, one ``Event`` per span);
- ``score() exact``: ``score(tasks=("events",), modes=(exact,))`` on those objects (one span
  layer, one mode), building not included;
- ``score() full``: ``score(tasks=("events",))`` in its four default match modes.

Each measurement runs in a fresh interpreter (``--worker``), so no scorer inherits another's
heap or garbage-collector state; the corpus is generated there, untimed. Time is CPU time
(``time.process_time``) of the call; each figure is the median of ``--runs`` (at least 3)
runs, interleaved (run 1 of every scorer, then run 2, ...). Peak memory is measured the same
way for every scorer: the tracemalloc peak of one more, traced run of the call in its own
fresh interpreter (allocations made before the call, such as the input, are not counted).
Our P/R/F1 (``ours exact`` and ``score()``) are checked against seqeval's report, per type and
micro, to 1e-12.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_corpus import N_TYPES, TAG_NAMES, TYPES, bio2_tags, make_corpus  # noqa: E402

SCORERS = (
    "seqeval_report",
    "seqeval_f1",
    "nervaluate",
    "ours_exact",
    "score_build",
    "score_exact",
    "score_full",
)
"""Measurement names, in table order."""

TAG_IDS = {name: i for i, name in enumerate(TAG_NAMES)}


def decode(tags: list[list[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Decode BIO2 tag lists into spans: (document, start, end, type) arrays, in order.

    Strict IOB2 (seqeval's ``mode="strict", scheme=IOB2``): a span starts at ``B-X`` and takes
    the ``I-X`` that follow it; an ``I-X`` that does not continue a span of type X is dropped.
    """
    lengths = np.fromiter((len(doc) for doc in tags), dtype=np.int64, count=len(tags))
    flat = [tag for doc in tags for tag in doc]
    ids = np.fromiter((TAG_IDS[tag] for tag in flat), dtype=np.int64, count=len(flat))
    doc_of = np.repeat(np.arange(len(tags), dtype=np.int64), lengths)
    doc_start = np.cumsum(lengths) - lengths
    kind = np.where(ids == 0, 0, np.where(ids % 2 == 1, 1, 2))  # 0 O, 1 B, 2 I
    typ = np.where(ids == 0, -1, (ids - 1) // 2)
    # A token continues the span before it when it is I-X after B-X / I-X of the same
    # document that itself belongs to a span.
    prev_typ = np.concatenate([[-1], typ[:-1]])
    prev_doc = np.concatenate([[-1], doc_of[:-1]])
    cont = (kind == 2) & (prev_typ == typ) & (prev_doc == doc_of)
    # Runs of tokens that continue their predecessor: a run headed by B-X is a span, a run
    # headed by I-X (or O) is not (strict mode drops it).
    run_of = np.cumsum(~cont) - 1
    run_length = np.diff(np.append(np.flatnonzero(~cont), len(ids)))
    starts = np.flatnonzero(kind == 1)
    ends = starts + run_length[run_of[starts]]
    docs = doc_of[starts]
    return docs, starts - doc_start[docs], ends - doc_start[docs], typ[starts]


def _counts(gold_types: np.ndarray, pred_types: np.ndarray, tp_types: np.ndarray) -> dict:
    """Return {type: (tp, fp, fn)} plus ``"ALL"`` from the type of every gold/pred/tp span."""
    tp = np.bincount(tp_types, minlength=N_TYPES)
    n_gold = np.bincount(gold_types, minlength=N_TYPES)
    n_pred = np.bincount(pred_types, minlength=N_TYPES)
    out = {
        t: (int(tp[i]), int(n_pred[i] - tp[i]), int(n_gold[i] - tp[i])) for i, t in enumerate(TYPES)
    }
    out["ALL"] = (int(tp.sum()), int(n_pred.sum() - tp.sum()), int(n_gold.sum() - tp.sum()))
    return out


def ours_exact(gold_tags, pred_tags) -> dict:
    """Decode both sides and count exact per-type matches with our array matcher."""
    from benchmark.scoring.intervals import Intervals, match_exact_intervals

    sides = []
    for tags in (gold_tags, pred_tags):
        doc, start, end, typ = decode(tags)
        rank = np.arange(len(doc), dtype=np.int64)
        sides.append((Intervals(group=doc * N_TYPES + typ, start=start, end=end, rank=rank), typ))
    (gold, gold_types), (pred, pred_types) = sides
    pairs = match_exact_intervals(gold, pred)
    return _counts(gold_types, pred_types, gold_types[pairs[:, 0]])


def build(tags: list[list[str]]):
    """Decode tags and build the schema objects of ``score()``: one Event per span."""
    from benchmark.dataset.schema import Annotations, Document, Event, Paragraph, Sentence, Span

    doc, start, end, typ = decode(tags)
    doc_ids = [f"d{i:07d}" for i in range(len(tags))]
    documents = tuple(
        Document(
            doc_id=doc_ids[i],
            text=" " * len(doc_tags),
            language="it",
            paragraphs=(Paragraph(0, len(doc_tags), "body"),),
            sentences=(Sentence(0, 0, len(doc_tags), False),),
        )
        for i, doc_tags in enumerate(tags)
    )
    events = tuple(
        Event(
            event_id=f"E{k}",
            doc_id=doc_ids[d],
            sentence_id=0,
            trigger=Span(s, e, " " * (e - s)),
            event_type=TYPES[t],
            arguments=(),
            polarity="positive",
            certainty="certain",
            attribution_id=None,
        )
        for k, (d, s, e, t) in enumerate(
            zip(doc.tolist(), start.tolist(), end.tolist(), typ.tolist(), strict=True)
        )
    )
    return Annotations(documents=documents, events=events)


def run_score(gold, pred, *, exact_only: bool) -> dict:
    """Run ``score()`` on the events layer; return the exact trigger_classification counts."""
    from benchmark.scoring.modes import MATCH_MODES
    from benchmark.scoring.run import score

    modes = (MATCH_MODES["exact"],) if exact_only else tuple(MATCH_MODES.values())
    report = score(gold, pred, tasks=("events",), modes=modes)
    result = report.get("events", "trigger_classification", "exact")
    out = {t: (c.tp, c.fp, c.fn) for t, c in result.per_type.items()}
    out["ALL"] = (result.tp, result.fp, result.fn)
    return out


def seqeval_report(gold_tags, pred_tags) -> dict:
    """Return seqeval strict IOB2 {type: (P, R, F1)} plus ``"ALL"`` (micro) from the report."""
    from seqeval.metrics import classification_report
    from seqeval.scheme import IOB2

    report = classification_report(
        gold_tags, pred_tags, mode="strict", scheme=IOB2, output_dict=True
    )
    out = {t: (v["precision"], v["recall"], v["f1-score"]) for t, v in report.items() if t in TYPES}
    micro = report["micro avg"]
    out["ALL"] = (micro["precision"], micro["recall"], micro["f1-score"])
    return out


def seqeval_f1(gold_tags, pred_tags) -> dict:
    """Return seqeval strict IOB2 micro F1 alone."""
    from seqeval.metrics import f1_score
    from seqeval.scheme import IOB2

    return {"f1": (float(f1_score(gold_tags, pred_tags, mode="strict", scheme=IOB2)),)}


def nervaluate_run(gold_tags, pred_tags) -> dict:
    """Return nervaluate's strict (correct, actual, possible), per type and ``"ALL"``."""
    from nervaluate import Evaluator

    result = Evaluator(gold_tags, pred_tags, tags=TYPES, loader="list").evaluate()
    out = {t: _strict(v["strict"]) for t, v in result["entities"].items()}
    out["ALL"] = _strict(result["overall"]["strict"])
    return out


def _strict(r) -> tuple[int, int, int]:
    return (int(r.correct), int(r.actual), int(r.possible))


def measurement(name: str, gold_tags, pred_tags) -> Callable[[], dict]:
    """Return the call timed for ``name`` (inputs prepared outside it)."""
    if name in ("score_exact", "score_full"):
        gold, pred = build(gold_tags), build(pred_tags)
        exact_only = name == "score_exact"
        return lambda: run_score(gold, pred, exact_only=exact_only)
    if name == "score_build":
        return lambda: (build(gold_tags), build(pred_tags)) and {}
    functions = {
        "seqeval_report": seqeval_report,
        "seqeval_f1": seqeval_f1,
        "nervaluate": nervaluate_run,
        "ours_exact": ours_exact,
    }
    return lambda: functions[name](gold_tags, pred_tags)


def worker(name: str, *, n_tokens: int, layout: str, seed: int, memory: bool) -> None:
    """Time (or trace) one measurement once and print one JSON line.

    The measurement first runs once on a tiny corpus, so that imports are not timed.
    """
    import gc

    tiny = make_corpus(n_tokens=2000, layout=layout, seed=seed + 1)
    measurement(name, bio2_tags(tiny, tiny.gold), bio2_tags(tiny, tiny.pred))()  # imports
    corpus = make_corpus(n_tokens=n_tokens, layout=layout, seed=seed)
    gold_tags, pred_tags = bio2_tags(corpus, corpus.gold), bio2_tags(corpus, corpus.pred)
    call = measurement(name, gold_tags, pred_tags)
    gc.collect()
    row: dict = {"name": name, "gold": len(corpus.gold), "pred": len(corpus.pred)}
    if memory:
        tracemalloc.start()
        call()
        row["peak_mib"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    else:
        started = time.process_time()
        result = call()
        row["cpu_s"] = time.process_time() - started
        row["result"] = {k: list(v) for k, v in result.items()} if isinstance(result, dict) else {}
    print(json.dumps(row))


def spawn(name: str, *, code: Path, n_tokens: int, layout: str, seed: int, memory: bool) -> dict:
    """Run one worker in a fresh interpreter on the code of ``code``; return its JSON line."""
    env = dict(os.environ, PYTHONPATH=str(code))
    command = [sys.executable, __file__, "--worker", name, "--tokens", str(n_tokens)]
    command += ["--layout", layout, "--seed", str(seed)] + (["--memory"] if memory else [])
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"worker {name} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def same_as_seqeval(ours: dict, theirs: dict) -> bool:
    """Return True when our P/R/F1 (from counts) equal seqeval's, per type and micro (1e-12)."""
    from benchmark.scoring.metrics import f1, precision, recall

    for label, (p, r, f) in theirs.items():
        tp, fp, fn = ours[label]
        mine = (precision(tp, fp), recall(tp, fn), f1(tp, fp, fn))
        if any(abs(a - b) > 1e-12 for a, b in zip(mine, (p, r, f), strict=True)):
            return False
    return all(label in theirs for label, c in ours.items() if c[0] + c[2] > 0)


def nervaluate_agrees(ours: dict, theirs: dict) -> bool:
    """Return True when nervaluate's strict (correct, actual, possible) equal our exact counts."""
    for label, (tp, fp, fn) in ours.items():
        if (tp, tp + fp, tp + fn) != tuple(theirs.get(label, (0, 0, 0))):
            return False
    return True


def measure(
    codes: dict[str, Path],
    *,
    n_tokens: int,
    layout: str,
    runs: int,
    seed: int,
    scorers=SCORERS,
    memory: bool = True,
) -> dict:
    """Return {code label: {scorer: {cpu_s: median, runs: [...], peak_mib, checks}}}."""
    table = {label: {name: {"runs": []} for name in scorers} for label in codes}
    for repeat in range(runs + (1 if memory else 0)):
        traced = memory and repeat == runs
        for name in scorers:
            for label, code in codes.items():
                row = spawn(
                    name, code=code, n_tokens=n_tokens, layout=layout, seed=seed, memory=traced
                )
                cell = table[label][name]
                cell["gold"], cell["pred"] = row["gold"], row["pred"]
                if traced:
                    cell["peak_mib"] = row["peak_mib"]
                else:
                    cell["runs"].append(row["cpu_s"])
                    cell["result"] = row["result"]
    for scores in table.values():
        for cell in scores.values():
            cell["cpu_s"] = statistics.median(cell["runs"])
        reference = scores.get("seqeval_report", {}).get("result")
        exact = scores.get("ours_exact", {}).get("result")
        for name in ("ours_exact", "score_exact", "score_full"):
            if name in scores and reference is not None:
                scores[name]["seqeval_equal"] = same_as_seqeval(scores[name]["result"], reference)
        if "nervaluate" in scores and exact is not None:
            scores["nervaluate"]["checked"] = nervaluate_agrees(
                exact, scores["nervaluate"]["result"]
            )
    return table


def main(argv: list[str] | None = None) -> int:
    """Print the median CPU seconds and peak MiB of every scorer at every size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", choices=SCORERS, help=argparse.SUPPRESS)
    parser.add_argument("--tokens", type=int, default=10**6, help="largest size (tokens)")
    parser.add_argument("--layout", choices=("short", "long"), default="short")
    parser.add_argument("--memory", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=3, help="timed runs per scorer (>= 3)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--compare", type=Path, help="another checkout, run interleaved")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if args.worker:
        worker(
            args.worker,
            n_tokens=args.tokens,
            layout=args.layout,
            seed=args.seed,
            memory=args.memory,
        )
        return 0
    if args.runs < 3:
        parser.error("--runs must be at least 3 (medians of interleaved runs)")
    codes = {"this": Path(__file__).resolve().parents[1]}
    if args.compare:
        codes = {"other": args.compare.resolve(), **codes}
    figures = measure(
        codes, n_tokens=args.tokens, layout=args.layout, runs=args.runs, seed=args.seed
    )
    for label, scores in figures.items():
        print(f"# {label} ({codes[label]}), {args.tokens} tokens, {args.layout} documents")
        for name, cell in scores.items():
            checks = {k: cell[k] for k in ("seqeval_equal", "checked") if k in cell}
            print(
                f"{name:15s} {cell['cpu_s']:8.3f} s CPU  "
                f"{cell.get('peak_mib', 0):8.1f} MiB  {checks}"
            )
    if args.json:
        args.json.write_text(json.dumps({k: v for k, v in figures.items()}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
