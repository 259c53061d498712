"""The fixed prose of LEADERBOARD.md: its introduction and its closing section."""

from __future__ import annotations

INTRODUCTION: tuple[str, ...] = (
    "Precision, recall, F1 and macro-F1 (the mean F1 over types) of every system on every",
    "task and subtask in the exact match, and F1 in the other match modes (`normalised`:",
    "the same mention up to case, quotes, edge punctuation and a leading article;",
    "`partial`: token-F1 credit; `overlap`: one shared character), each with the 95%",
    "percentile-bootstrap interval of F1 (sentences resampled). In each task's table the",
    "systems are ranked by the exact-match F1 of its main subtask (in bold); the summary",
    "table of a split lists them by name.",
    "`reproduce`: produced by `kharkiv-ie reproduce` from the configs in this repository;",
    "`submitted`: scored from a submitted file. `data` is the prefix of the SHA-256 of the",
    "gold data the file was scored against. Generated file: do not edit by hand.",
    "",
    "**Reading these figures.** The splits are small (each section states its size and the",
    "smallest F1 difference the paired tests could detect on it): intervals are wide and",
    "differences between systems are rarely significant (`kharkiv-ie compare`).",
    "The baselines were written by developers who had read `data/GUIDELINES.md`, whose",
    "examples and hard-case decisions quote the test article; the `rules` figures on `test`",
    "are therefore closer to development-set figures than to held-out ones. The `contrast`",
    "split and the tests on newly written paragraphs probe how far they generalise; its",
    "documents are edited copies of one article, so its units are not independent and its",
    "stated power is optimistic. `wikinews_test` is the held-out split (32 Wikinews",
    "passages); `wikinews_dev` (16) is for development: the `crf` trains on it (out of fold",
    "there) and its settings were chosen on it.",
    "",
)
"""The lines under the page title: what the figures are and how to read them."""

HOW_TO_SUBMIT = """## How to submit

1. Write your system's output as a submission JSONL (one line per document; see
   `docs/submission-format.md`) and check it: `kharkiv-ie validate SUBMISSION [--split SPLIT]`.
2. Score it: `kharkiv-ie score SUBMISSION --system-name NAME --out results/NAME.json`
   (for another split add `--split SPLIT` and name the file `results/NAME.SPLIT.json`:
   `contrast`, `wikinews_dev`, `wikinews_test`). Develop on `wikinews_dev`; score
   `wikinews_test` once, with a system fixed before you look at its figures.
3. Regenerate this page: `kharkiv-ie leaderboard`.
4. Open a pull request with `results/NAME.json`, the submission file and the regenerated
   `LEADERBOARD.md`. Your rows show `submitted`; rows marked `reproduce` were produced by
   `kharkiv-ie reproduce` from the Hydra configs in `conf/`.
"""
"""The closing section of the page."""
