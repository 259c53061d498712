"""benchmark.dataset.pins: the SHA-256 of every source text, pinned in code."""

import re

from benchmark.dataset.pins import PINNED_SHA256


def test_every_document_of_the_corpus_is_pinned_once():
    wikinews = [f"wn-{n:03d}" for n in range(1, 49)]
    assert list(PINNED_SHA256) == ["kharkiv-001", *wikinews]
    assert all(re.fullmatch(r"[0-9a-f]{64}", digest) for digest in PINNED_SHA256.values())
    assert len(set(PINNED_SHA256.values())) == 49  # no two texts share a hash


def test_the_article_pin():
    assert PINNED_SHA256["kharkiv-001"] == (
        "44742250a7db6f65914eef2f61a5fd67186c04d151ab44b4c5acd439b9a3813b"
    )
