from __future__ import annotations

from support.documents import annotations, document

from benchmark.dataset.schema import Attribution, Hedge, Span
from benchmark.submission.unaligned import unaligned_spans

DOC = document("Il sindaco ha detto che forse ci sono vittime.")


def test_lists_only_unaligned_spans_of_scored_tasks():
    pred = annotations(
        DOC,
        attributions=[Attribution("A1", "d1", Span(-1, -1, "il capo"), None,
                                  Span(11, 19, "ha detto"), Span(-1, -1, "vittime?"),
                                  "indirect", None)],
        hedges=[Hedge("H1", "d1", 0, Span(-1, -1, "magari"), "epistemic", Span(24, 45, "x"))],
    )  # fmt: skip
    spans = unaligned_spans(pred, tasks=("attributions",))
    assert [(s.item_id, s.field, s.text) for s in spans] == [
        ("A1", "source", "il capo"),
        ("A1", "content", "vittime?"),
    ]
    assert [s.field for s in unaligned_spans(pred, tasks=("hedges",))] == ["cue"]
