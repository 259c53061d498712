"""Scaling benchmark of our span scorer against seqeval strict IOB2 and nervaluate.

Synthetic data, rerunnable by anyone (``uv run python scripts/bench_scorer.py``):
10 entity types T0..T9; span lengths uniform in 1..4 tokens; gaps between spans
geometric with mean chosen so that about 15% of tokens lie in spans; spans never
overlap, so the BIO2 encoding is valid and lossless. Predictions are the gold,
perturbed span by span: kept (60%), one boundary shifted by one token (12%),
wrong type (12%), dropped (16%); plus spurious spans (10% of the gold count).
A perturbed span that would overlap an earlier kept prediction is dropped, so
predictions are valid BIO2 too.

Two layouts of the same number of tokens: ``short`` (many documents of
SHORT_DOC_TOKENS tokens; a span may not cross a document end, so such spans are
removed) and ``long`` (one document). Sizes run from 10^4 tokens to
``--max-tokens`` (at most 10^6; ``--with-1e7`` adds 10^7).

Timed on the same data, in one run: (a) seqeval strict IOB2 ``f1_score`` plus
``classification_report``; (b) nervaluate ``Evaluator.evaluate()``; (c) our exact
per-type scoring at the array level (:func:`benchmark.scoring.intervals.match_exact_intervals`
plus bincounts); (d) our optimal overlap matching at the array level
(:func:`benchmark.scoring.intervals.match_intervals`); (e) our public ``score()`` on schema
objects, one Event per span, construction of the objects included (slower: it builds
millions of Python objects; reported separately). Peak memory comes from a second,
tracemalloc-traced run. ``ours=seqeval`` checks that (c) and (e) give seqeval's P/R/F1,
per type and overall, to 1e-12. seqeval, nervaluate and (e) are skipped on one-document
corpora above ``--slow-long-max`` tokens (their cost grows with document length x entities).
Last, the overlap matching alone on ``--spans`` gold spans.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np

N_TYPES = 10
TYPES = [f"T{i}" for i in range(N_TYPES)]
SPAN_TOKEN_SHARE = 0.15
MIN_SPAN, MAX_SPAN = 1, 4
SHORT_DOC_TOKENS = 33  # 10^5 tokens ~ 3,000 short documents, as in issue 3
P_KEEP, P_SHIFT, P_RETYPE = 0.60, 0.12, 0.12  # the rest (0.16) is dropped
SPURIOUS_SHARE = 0.10

# BIO2 tag ids: 0 = O, 1 + 2t = B-Tt, 2 + 2t = I-Tt
TAG_NAMES = ["O"] + [f"{p}-{t}" for t in TYPES for p in ("B", "I")]

Spans = np.ndarray
"""(n, 3) int64 array of (start, end, type): token offsets, end exclusive, sorted by start."""


@dataclass(frozen=True)
class Corpus:
    """One synthetic corpus: documents as token ranges, gold and predicted spans."""

    n_tokens: int
    """Total number of tokens."""
    doc_starts: np.ndarray
    """First token of each document (global offsets), ascending; doc i ends at doc_starts[i+1]."""
    gold: Spans
    """Gold spans, global token offsets, none crossing a document end."""
    pred: Spans
    """Predicted spans, same conventions."""


def _random_spans(rng: np.random.Generator, n_tokens: int) -> Spans:
    """Non-overlapping typed spans covering about SPAN_TOKEN_SHARE of n_tokens."""
    mean_length = (MIN_SPAN + MAX_SPAN) / 2
    mean_gap = mean_length * (1 - SPAN_TOKEN_SHARE) / SPAN_TOKEN_SHARE
    n_max = int(n_tokens / (mean_length + mean_gap) * 1.2) + 10
    lengths = rng.integers(MIN_SPAN, MAX_SPAN + 1, size=n_max)
    gaps = rng.geometric(1 / mean_gap, size=n_max)  # >= 1: spans never touch
    starts = np.cumsum(gaps + lengths) - lengths
    ends = starts + lengths
    keep = ends <= n_tokens
    types = rng.integers(0, N_TYPES, size=n_max)
    return np.stack([starts[keep], ends[keep], types[keep]], axis=1).astype(np.int64)


def _inside_documents(spans: Spans, doc_starts: np.ndarray, n_tokens: int) -> Spans:
    """Drop spans that cross a document boundary or leave [0, n_tokens)."""
    doc_of_start = np.searchsorted(doc_starts, spans[:, 0], side="right") - 1
    doc_ends = np.append(doc_starts[1:], n_tokens)
    ok = (spans[:, 0] >= 0) & (spans[:, 1] <= doc_ends[doc_of_start]) & (spans[:, 0] < spans[:, 1])
    return spans[ok]


def _drop_overlaps(spans: Spans) -> Spans:
    """Sort by start and drop every span that overlaps the last kept one."""
    spans = spans[np.lexsort((spans[:, 1], spans[:, 0]))]
    keep = np.zeros(len(spans), dtype=bool)
    last_end = -1
    for i, (start, end) in enumerate(spans[:, :2].tolist()):  # O(n), only at generation time
        if start >= last_end:
            keep[i] = True
            last_end = end
    return spans[keep]


def _perturb(rng: np.random.Generator, gold: Spans, n_tokens: int) -> Spans:
    """Predictions: gold spans kept, shifted, retyped or dropped, plus spurious spans."""
    draw = rng.random(len(gold))
    pred = gold.copy()
    shift = (draw >= P_KEEP) & (draw < P_KEEP + P_SHIFT)
    side = rng.integers(0, 2, size=len(gold))  # 0: start, 1: end
    delta = rng.choice([-1, 1], size=len(gold))
    pred[shift, side[shift]] += delta[shift]
    retype = (draw >= P_KEEP + P_SHIFT) & (draw < P_KEEP + P_SHIFT + P_RETYPE)
    pred[retype, 2] = (pred[retype, 2] + rng.integers(1, N_TYPES, size=int(retype.sum()))) % N_TYPES
    pred = pred[draw < P_KEEP + P_SHIFT + P_RETYPE]
    n_spurious = int(len(gold) * SPURIOUS_SHARE)
    starts = rng.integers(0, n_tokens, size=n_spurious)
    lengths = rng.integers(MIN_SPAN, MAX_SPAN + 1, size=n_spurious)
    spurious = np.stack([starts, starts + lengths, rng.integers(0, N_TYPES, size=n_spurious)], 1)
    return np.concatenate([pred, spurious.astype(np.int64)])


def make_corpus(*, n_tokens: int, layout: str, seed: int = 0) -> Corpus:
    """Generate a corpus of ``n_tokens`` tokens in the ``short`` or ``long`` layout."""
    if layout not in ("short", "long"):
        raise ValueError(f"layout must be 'short' or 'long', got {layout!r}")
    rng = np.random.Generator(np.random.PCG64(seed))
    step = SHORT_DOC_TOKENS if layout == "short" else n_tokens
    doc_starts = np.arange(0, n_tokens, step, dtype=np.int64)
    gold = _inside_documents(_random_spans(rng, n_tokens), doc_starts, n_tokens)
    pred = _perturb(rng, gold, n_tokens)
    pred = _drop_overlaps(_inside_documents(pred, doc_starts, n_tokens))
    return Corpus(n_tokens=n_tokens, doc_starts=doc_starts, gold=gold, pred=pred)


def bio2_tags(corpus: Corpus, spans: Spans) -> list[list[str]]:
    """BIO2 tag sequences, one list per document (the input seqeval expects)."""
    tag_ids = np.zeros(corpus.n_tokens, dtype=np.int64)
    lengths = spans[:, 1] - spans[:, 0]
    inside_tokens = np.repeat(spans[:, 0], lengths) + (
        np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    )
    tag_ids[inside_tokens] = np.repeat(2 + 2 * spans[:, 2], lengths)
    tag_ids[spans[:, 0]] = 1 + 2 * spans[:, 2]
    names = np.array(TAG_NAMES, dtype=object)[tag_ids]
    bounds = np.append(corpus.doc_starts, corpus.n_tokens)
    return [names[a:b].tolist() for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


def exact_per_type(corpus: Corpus) -> dict[str, tuple[int, int, int]]:
    """Our exact-match scoring at the array level: {type: (tp, fp, fn)} plus ``"ALL"``."""
    from benchmark.scoring.intervals import match_exact_intervals

    gold, pred = _intervals(corpus, corpus.gold), _intervals(corpus, corpus.pred)
    pairs = match_exact_intervals(gold, pred)
    return _counts(corpus, pairs)


def overlap_pairs(corpus: Corpus) -> np.ndarray:
    """Our optimal one-to-one overlap matching (same type, same document), array level."""
    from benchmark.scoring.intervals import match_intervals

    return match_intervals(_intervals(corpus, corpus.gold), _intervals(corpus, corpus.pred))


def _intervals(corpus: Corpus, spans: Spans):
    """Columns of ``spans``: group = document x type, global token offsets, rank = row."""
    from benchmark.scoring.intervals import Intervals

    doc = np.searchsorted(corpus.doc_starts, spans[:, 0], side="right") - 1
    return Intervals(
        group=doc * N_TYPES + spans[:, 2],
        start=spans[:, 0],
        end=spans[:, 1],
        rank=np.arange(len(spans), dtype=np.int64),
    )


def _counts(corpus: Corpus, pairs: np.ndarray) -> dict[str, tuple[int, int, int]]:
    tp = np.bincount(corpus.gold[pairs[:, 0], 2], minlength=N_TYPES)
    n_gold = np.bincount(corpus.gold[:, 2], minlength=N_TYPES)
    n_pred = np.bincount(corpus.pred[:, 2], minlength=N_TYPES)
    out = {
        t: (int(tp[i]), int(n_pred[i] - tp[i]), int(n_gold[i] - tp[i])) for i, t in enumerate(TYPES)
    }
    out["ALL"] = (int(tp.sum()), int(n_pred.sum() - tp.sum()), int(n_gold.sum() - tp.sum()))
    return out


def annotations(corpus: Corpus, spans: Spans):
    """Return schema objects for ``score()``: one Event per span (token offsets as characters)."""
    from benchmark.dataset.schema import Annotations, Document, Event, Paragraph, Sentence, Span

    bounds = np.append(corpus.doc_starts, corpus.n_tokens).tolist()
    documents = tuple(
        Document(
            doc_id=f"d{i:07d}",
            text=" " * (b - a),
            language="it",
            paragraphs=(Paragraph(0, b - a, "body"),),
            sentences=(Sentence(0, 0, b - a, False),),
        )
        for i, (a, b) in enumerate(zip(bounds[:-1], bounds[1:], strict=True))
    )
    doc_of = (np.searchsorted(corpus.doc_starts, spans[:, 0], side="right") - 1).tolist()
    events = tuple(
        Event(
            event_id=f"E{k}",
            doc_id=f"d{d:07d}",
            sentence_id=0,
            trigger=Span(s - bounds[d], e - bounds[d], " " * (e - s)),
            event_type=TYPES[t],
            arguments=(),
            polarity="positive",
            certainty="certain",
            attribution_id=None,
        )
        for k, (d, (s, e, t)) in enumerate(zip(doc_of, spans.tolist(), strict=True))
    )
    return Annotations(documents=documents, events=events)


def full_score(corpus: Corpus) -> dict[str, tuple[int, int, int]]:
    """Our public ``score()`` on schema objects (construction included), both modes."""
    from benchmark.scoring.run import score

    report = score(
        annotations(corpus, corpus.gold), annotations(corpus, corpus.pred), tasks=("events",)
    )
    result = report.get("events", "trigger_classification", "exact")
    out = {t: (c.tp, c.fp, c.fn) for t, c in result.per_type.items()}
    out["ALL"] = (result.tp, result.fp, result.fn)
    return out


def seqeval_counts(gold_tags: list[list[str]], pred_tags: list[list[str]]) -> dict[str, tuple]:
    """Run seqeval strict IOB2 f1_score and classification_report (the reference figures)."""
    from seqeval.metrics import classification_report, f1_score
    from seqeval.scheme import IOB2

    f1 = f1_score(gold_tags, pred_tags, mode="strict", scheme=IOB2)
    report = classification_report(
        gold_tags, pred_tags, mode="strict", scheme=IOB2, output_dict=True
    )
    out = {t: (v["precision"], v["recall"], v["f1-score"]) for t, v in report.items() if t in TYPES}
    out["ALL"] = (report["micro avg"]["precision"], report["micro avg"]["recall"], f1)
    return out


def nervaluate_run(gold_tags: list[list[str]], pred_tags: list[list[str]]) -> dict:
    """Run nervaluate 1.x Evaluator(...).evaluate() (4 schemes, overall and per type)."""
    from nervaluate import Evaluator

    return Evaluator(gold_tags, pred_tags, tags=TYPES, loader="list").evaluate()


def same_as_seqeval(ours: dict[str, tuple[int, int, int]], theirs: dict[str, tuple]) -> bool:
    """Return True when our P/R/F1 equal seqeval's for every type present and overall (1e-12)."""
    from benchmark.scoring.metrics import f1, precision, recall

    for label, (p, r, f) in theirs.items():
        tp, fp, fn = ours[label]
        mine = (precision(tp, fp), recall(tp, fn), f1(tp, fp, fn))
        if any(abs(a - b) > 1e-12 for a, b in zip(mine, (p, r, f), strict=True)):
            return False
    return all(label in theirs for label, counts in ours.items() if counts[0] + counts[2] > 0)


def timed(function: Callable[[], object], *, memory: bool) -> tuple[float, float | None, object]:
    """Return (seconds, peak MiB or None, result): untimed traced run only when ``memory``."""
    started = time.perf_counter()
    result = function()
    seconds = time.perf_counter() - started
    peak = None
    if memory:
        tracemalloc.start()
        function()
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return seconds, peak, result


def main(argv: list[str] | None = None) -> int:
    """Time every scorer on every size and layout; print one table row per (size, layout)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-tokens", type=int, default=10**6, help="largest size (<= 10^6)")
    parser.add_argument("--with-1e7", action="store_true", help="also run 10^7 tokens (slow)")
    parser.add_argument(
        "--slow-long-max",
        type=int,
        default=10**5,
        help="largest ONE-document size given to seqeval/nervaluate/score() (their cost grows "
        "with document length x entities; default 10^5)",
    )
    parser.add_argument("--no-memory", action="store_true", help="skip the traced runs")
    parser.add_argument("--spans", type=int, default=10**6, help="gold spans, overlap-only run")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    limit = 10**7 if args.with_1e7 else min(args.max_tokens, 10**6)
    sizes = [10**k for k in range(4, 8) if 10**k <= limit]
    memory = not args.no_memory
    warm_up()
    columns = (
        "tokens layout docs gold pred | seqeval_s seqeval_MiB | nervaluate_s nervaluate_MiB | "
        "exact_s exact_MiB | overlap_s overlap_MiB | score()_s score()_MiB | ours=seqeval"
    )
    print(
        f"# {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, seed {args.seed}; seconds of one untraced run, "
        "MiB = tracemalloc peak of a second run"
    )
    print(columns)
    for n_tokens in sizes:
        for layout in ("short", "long"):
            corpus = make_corpus(n_tokens=n_tokens, layout=layout, seed=args.seed)
            row = [n_tokens, layout, len(corpus.doc_starts), len(corpus.gold), len(corpus.pred)]
            slow_ok = layout == "short" or n_tokens <= args.slow_long_max
            gold_tags, pred_tags = bio2_tags(corpus, corpus.gold), bio2_tags(corpus, corpus.pred)
            reference = None
            for name, function in (
                ("seqeval", partial(seqeval_counts, gold_tags, pred_tags)),
                ("nervaluate", partial(nervaluate_run, gold_tags, pred_tags)),
                ("exact", partial(exact_per_type, corpus)),
                ("overlap", partial(overlap_pairs, corpus)),
                ("score", partial(full_score, corpus)),
            ):
                if name in ("seqeval", "nervaluate", "score") and not slow_ok:
                    row += ["|", "skipped", "-"]
                    continue
                seconds, peak, result = timed(function, memory=memory)
                row += ["|", f"{seconds:.3f}", "-" if peak is None else f"{peak:.1f}"]
                if name == "seqeval":
                    reference = result
                elif name in ("exact", "score") and reference is not None:
                    ok = same_as_seqeval(result, reference)
                    row.append("(=)" if ok else "(DIFFERS)")
            row += ["|", "yes" if reference is None or "(DIFFERS)" not in row else "NO"]
            print(" ".join(str(cell) for cell in row), flush=True)
    overlap_only(args.spans, seed=args.seed)
    return 0


def warm_up() -> None:
    """Import every library and run each scorer once on tiny data (no import in the timings)."""
    corpus = make_corpus(n_tokens=2000, layout="short", seed=1)
    gold_tags, pred_tags = bio2_tags(corpus, corpus.gold), bio2_tags(corpus, corpus.pred)
    seqeval_counts(gold_tags, pred_tags)
    nervaluate_run(gold_tags, pred_tags)
    exact_per_type(corpus)
    overlap_pairs(corpus)
    full_score(corpus)
    from scipy.optimize import linear_sum_assignment  # noqa: F401  (lazy import in intervals)


def overlap_only(n_spans: int, *, seed: int) -> None:
    """Time the overlap matching alone on about ``n_spans`` gold spans (short documents)."""
    n_tokens = int(n_spans / SPAN_TOKEN_SHARE * (MIN_SPAN + MAX_SPAN) / 2)
    corpus = make_corpus(n_tokens=n_tokens, layout="short", seed=seed)
    seconds, _, pairs = timed(lambda: overlap_pairs(corpus), memory=False)
    print(
        f"overlap matching alone: {len(corpus.gold)} gold x {len(corpus.pred)} predicted "
        f"spans ({n_tokens} tokens): {seconds:.3f} s, {len(pairs)} pairs"
    )


if __name__ == "__main__":
    sys.exit(main())
