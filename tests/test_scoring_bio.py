"""seqeval strict IOB2 agrees with our exact-match typed span F1 on IOB2-valid data."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.bio import bio2_sequences, seqeval_strict_f1, token_offsets
from support.documents import annotations, document

from benchmark.dataset import text as segmentation
from benchmark.dataset.schema import Event, Hedge, Span
from benchmark.errors import DataError
from benchmark.scoring import score
from benchmark.scoring.modes import EXACT

TEXT = "Ieri i russi hanno attaccato la città. Forse ci sono vittime tra i civili del quartiere."
DOC = document(TEXT)
TOKENS = [
    (i, s, e)
    for i, sentence in enumerate(DOC.sentences)
    for s, e in segmentation.tokenize(TEXT, sentence.start, sentence.end)
]


def test_bio2_by_hand():
    gold = annotations(
        DOC, events=[Event("E1", "d1", 0, Span(19, 28, "attaccato"), "Conflict:Attack", (),
                           "positive", "certain", None)],
    )  # fmt: skip
    tags = bio2_sequences(gold, layer="events", tokens=token_offsets(gold))
    assert tags[0] == ["O", "O", "O", "O", "B-Conflict:Attack", "O", "O", "O"]
    assert tags[1] == ["O"] * 10


def test_not_token_aligned_is_refused():
    bad = annotations(
        DOC, events=[Event("E1", "d1", 0, Span(19, 25, "attacc"), "Life:Die", (), "positive",
                           "certain", None)],
    )  # fmt: skip
    with pytest.raises(DataError, match="not token-aligned"):
        bio2_sequences(bad, layer="events", tokens=token_offsets(bad))


@st.composite
def flat_layer(draw, prefix, kind):
    """Non-overlapping token-aligned spans (IOB2-valid), typed."""
    spans, used = [], set()
    for _ in range(draw(st.integers(0, 6))):
        first = draw(st.integers(0, len(TOKENS) - 1))
        length = draw(st.integers(1, 3))
        chosen = [t for t in TOKENS[first : first + length] if t[0] == TOKENS[first][0]]
        if any(t in used for t in chosen):
            continue
        used.update(chosen)
        spans.append((chosen[0][0], chosen[0][1], chosen[-1][2]))
    items = []
    for i, (sentence_id, start, end) in enumerate(spans):
        label = draw(st.sampled_from(("conditional", "epistemic") if kind == "hedges"
                                     else ("Conflict:Attack", "Life:Die")))  # fmt: skip
        span = Span(start, end, TEXT[start:end])
        if kind == "hedges":
            items.append(Hedge(f"{prefix}{i}", "d1", sentence_id, span, label, span))
        else:
            items.append(Event(f"{prefix}{i}", "d1", sentence_id, span, label, (), "positive",
                               "certain", None))  # fmt: skip
    return annotations(DOC, **{kind: items})


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_seqeval_agrees_with_exact_f1(data):
    for kind, subtask in (("events", "trigger_classification"), ("hedges", "cue_typed")):
        gold = data.draw(flat_layer("G", kind))
        pred = data.draw(flat_layer("P", kind))
        ours = score(gold, pred, tasks=[kind], modes=[EXACT]).get(kind, subtask, "exact")
        assert seqeval_strict_f1(gold, pred, layer=kind) == pytest.approx(ours.f1, abs=1e-12)
