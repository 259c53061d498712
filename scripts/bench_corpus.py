"""Synthetic BIO2 corpora for the scorer benchmark (``scripts/bench_scorer.py``).

10 entity types T0..T9; span lengths uniform in 1..4 tokens; gaps between spans geometric with
mean chosen so that about 15% of tokens lie in spans; spans never overlap, so the BIO2 encoding
is valid and lossless. Predictions are the gold, perturbed span by span: kept (60%), one
boundary shifted by one token (12%), wrong type (12%), dropped (16%); plus spurious spans (10%
of the gold count). A perturbed span that would overlap an earlier kept prediction is dropped,
so predictions are valid BIO2 too. Layouts: ``short`` (documents of SHORT_DOC_TOKENS tokens;
spans crossing a document end are removed) and ``long`` (one document).
"""

from __future__ import annotations

from dataclasses import dataclass

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
