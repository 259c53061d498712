"""benchmark.dataset.card: the card's generated blocks and how they are refreshed."""

from benchmark.dataset.card import (
    blocks_of,
    contrast_markdown,
    manifest_markdown,
    markers,
    provenance_markdown,
    refresh,
    statistics_markdown,
)
from benchmark.dataset.statistics import DocumentStatistics, SplitStatistics

CARD = (
    "Prose.\n<!-- generated:statistics:start -->\nold\n<!-- generated:statistics:end -->\n"
    "More prose.\n<!-- generated:manifest:start -->\n<!-- generated:manifest:end -->\nEnd.\n"
)


def _split(name, *, documents, tokens, events, provenance=None):
    docs = tuple(
        DocumentStatistics(f"{name}-{i}", 2, tokens // documents, provenance)
        for i in range(documents)
    )
    return SplitStatistics(
        split=name,
        row_counts={
            "documents": documents,
            "events": events,
            "casualties": 0,
            "attributions": 0,
            "hedges": 0,
            "tokens": 2 * documents,
        },  # fmt: skip
        label_counts={"events": {"event_type": {"Conflict:Attack": events, "Life:Die": 0}}},
        token_count=tokens,
        uncertain_sentences=1,
        documents=docs,
    )


def test_markers_and_blocks():
    assert markers("agreement") == (
        "<!-- generated:agreement:start -->",
        "<!-- generated:agreement:end -->",
    )
    assert blocks_of(CARD) == {"statistics": "old", "manifest": ""}


def test_refresh_replaces_only_the_blocks_present():
    card, refreshed = refresh(CARD, {"statistics": "new", "agreement": "absent"})
    assert refreshed == ["statistics"]
    assert blocks_of(card)["statistics"] == "new"
    assert card.startswith("Prose.\n") and card.endswith("End.\n") and "More prose.\n" in card
    assert refresh(card, {"statistics": "new"})[0] == card  # idempotent


def test_statistics_has_one_column_per_split():
    text = statistics_markdown(
        [
            _split("test", documents=1, tokens=10, events=3),
            _split("b", documents=2, tokens=8, events=1),
        ]
    )
    lines = text.splitlines()
    assert lines[0] == "|  | `test` | `b` |"
    assert "| documents | 1 | 2 |" in lines
    assert "| sentences | 2 | 4 |" in lines
    assert "| tokens | 10 | 8 |" in lines
    assert "| events (items) | 3 | 1 |" in lines
    assert "| events | event_type | Conflict:Attack | 3 | 1 |" in lines
    assert "| events | event_type | Life:Die | 0 | 0 |" in lines
    assert lines[-1] == "The `tokens` view dropped no span: no two spans of one tag column overlap."


def test_provenance_lists_files_then_documents():
    assert provenance_markdown([_split("t", documents=1, tokens=4, events=0)]) == (
        "No document was taken from another corpus."
    )
    source = {
        "corpus": "KIND", "repository": "https://example.org/kind", "commit": "abc1234",
        "file": "a.tsv", "first_sentence": 5, "n_sentences": 3,
    }  # fmt: skip
    text = provenance_markdown([_split("w", documents=2, tokens=10, events=0, provenance=source)])
    assert "| KIND | `abc1234` | `a.tsv` | `w` | 2 |" in text
    assert (
        "| w-0 | `w` | [KIND](https://example.org/kind) | `abc1234` | `a.tsv` | 5 | 3 | 2 | 5 |"
        in text
    )
    assert text.count("| w-") == 2


def test_manifest_and_contrast_blocks():
    manifest = manifest_markdown([("ab" * 32, "events/test.jsonl")])
    assert manifest.endswith(f"| `events/test.jsonl` | `{'ab' * 32}` |")
    assert (
        contrast_markdown([], {}) == "The contrast split is not built (no `contrast/edits.yaml`)."
    )
    text = contrast_markdown([("negation", "events", 2, 5)], {"events": 7})
    assert text.startswith("2 groups, 5 documents (2 originals, 3 edited variants).")
    assert "| `negation` | events | 2 | 5 |" in text and "| events | 7 |" in text
