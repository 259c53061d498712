"""Predicted BIO tags of a document's sentences -> the four annotation layers.

Simple, documented rules (the CRF tags spans; everything else is fixed here):

- hedges: one per ``hedge_tags`` span: cue = the span, type = the tag's type, scope = the
  cue's sentence without its final punctuation (the trailing run of ``. ! ? … ; :`` tokens);
- sentence uncertainty: a sentence is hedged iff it holds a predicted hedge cue;
- events: one per ``event_tags`` span: trigger = the span, type = the tag's type, no
  arguments, polarity ``positive``, certainty ``uncertain`` iff the sentence is hedged,
  attribution = the predicted relation with the shortest content containing the trigger;
- attributions and casualties: :mod:`baselines.crf.relations`.

Ids are ``E1``, ``C1``, ``A1``, ``H1``... in text order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from baselines.crf.decode import bio_spans, char_span
from baselines.crf.relations import attribution_of, find_attributions, find_casualties
from benchmark.dataset.layers import uncertain_sentences
from benchmark.dataset.schema import Annotations, Attribution, Document, Event, Hedge, Span

FINAL_PUNCTUATION = frozenset({".", "!", "?", "…", ";", ":"})
"""Tokens left out at the end of a hedge scope."""


@dataclass(frozen=True)
class TaggedSentence:
    """One sentence with its token offsets and the four predicted tag sequences."""

    sentence_id: int
    """Sentence index in its document."""
    starts: tuple[int, ...]
    """Document offset of each token's first character."""
    ends: tuple[int, ...]
    """Document offset one past each token's last character."""
    event_tags: tuple[str, ...]
    """Predicted ``inventory.EVENT_TAGS``, one per token."""
    hedge_tags: tuple[str, ...]
    """Predicted ``inventory.HEDGE_TAGS``."""
    attribution_tags: tuple[str, ...]
    """Predicted ``inventory.ATTRIBUTION_TAGS``."""
    casualty_tags: tuple[str, ...]
    """Predicted ``inventory.CASUALTY_TAGS``."""

    def words(self, text: str) -> list[str]:
        """Return the token strings, read from the document ``text``."""
        return [text[start:end] for start, end in zip(self.starts, self.ends, strict=True)]


def annotations_from_tags(
    document: Document, sentences: Sequence[TaggedSentence], *, mask: Sequence[bool]
) -> Annotations:
    """Return the layers of ``document`` built from its tagged ``sentences``.

    ``mask`` is the document's :func:`baselines.crf.features.quote_mask`.
    """
    ordered = sorted(sentences, key=lambda sentence: sentence.sentence_id)
    hedges = find_hedges(document, ordered)
    hedged = frozenset(sentence_id for _, sentence_id in uncertain_sentences(hedges))
    attributions = find_attributions(document, ordered, mask=mask)
    events = find_events(document, ordered, hedged=hedged, attributions=attributions)
    casualties = find_casualties(document, ordered, hedged=hedged, attributions=attributions)
    return Annotations(
        documents=(document,),
        events=tuple(events),
        casualties=tuple(casualties),
        attributions=tuple(attributions),
        hedges=tuple(hedges),
    )


def find_hedges(document: Document, sentences: Sequence[TaggedSentence]) -> list[Hedge]:
    """Return one hedge per predicted cue span (scope: the sentence minus final punctuation)."""
    text = document.text
    hedges = []
    for sentence in sentences:
        words = sentence.words(text)
        stop = len(words)
        while stop > 0 and words[stop - 1] in FINAL_PUNCTUATION:
            stop -= 1
        for span in bio_spans(sentence.hedge_tags):
            cue = char_span(text, sentence.starts, sentence.ends, span.first, span.stop)
            scope_stop = max(stop, span.stop)
            scope = char_span(text, sentence.starts, sentence.ends, 0, scope_stop)
            hedges.append(
                Hedge(
                    hedge_id=f"H{len(hedges) + 1}",
                    doc_id=document.doc_id,
                    sentence_id=sentence.sentence_id,
                    cue=cue,
                    cue_type=span.label,
                    scope=scope,
                )
            )
    return hedges


def find_events(
    document: Document,
    sentences: Sequence[TaggedSentence],
    *,
    hedged: frozenset[int],
    attributions: Sequence[Attribution],
) -> list[Event]:
    """Return one event per predicted trigger span (rules in the module docstring)."""
    events = []
    for sentence in sentences:
        for span in bio_spans(sentence.event_tags):
            trigger: Span = char_span(
                document.text, sentence.starts, sentence.ends, span.first, span.stop
            )
            events.append(
                Event(
                    event_id=f"E{len(events) + 1}",
                    doc_id=document.doc_id,
                    sentence_id=sentence.sentence_id,
                    trigger=trigger,
                    event_type=span.label,
                    arguments=(),
                    polarity="positive",
                    certainty="uncertain" if sentence.sentence_id in hedged else "certain",
                    attribution_id=attribution_of(trigger, attributions),
                )
            )
    return events
