"""Attributions and casualty records from predicted SOURCE/CUE/CONTENT and COUNT/VICTIM spans.

Attributions (grouped per sentence; a relation needs a cue and a content):

- CONTENT spans lose leading and trailing quotation-mark tokens (GUIDELINES 5.2: a content
  is the text between the marks). A CONTENT span that reaches the end of its sentence (only
  quote marks after it) is joined with a CONTENT span that starts the next sentence (only
  quote marks before it): a quotation of two sentences is one content;
- one relation per CUE span: source = the nearest SOURCE span of the cue's sentence (None
  when there is none), content = the nearest CONTENT span touching the cue's sentence; a
  cue without any content in its sentence makes no relation. "Nearest" is the character gap
  between the spans (0 when they overlap); a tie goes to the earlier span;
- type ``direct`` when every content token is inside a quotation (see
  :func:`baselines.crf.features.quote_mask`), ``mixed`` when some are, else ``indirect``;
  no nesting (``parent_id`` None), no ``source_antecedent``.

Casualties (grouped per sentence; a record needs a victim):

- one record per COUNT span with the nearest VICTIM span of its sentence (a COUNT without a
  VICTIM in its sentence makes no record): qualifier ``exact``, count = the integer written
  in digits (``112``, ``1.200``; anything else, e.g. a number word: None);
- one record per VICTIM span that no COUNT chose: count None, qualifier ``unquantified``
  (GUIDELINES 4.1: a mention of casualties without a number);
- every record: status ``unspecified``, victim group ``people``, no trigger, location, time
  or event, polarity ``positive``, certainty ``uncertain`` iff the sentence is hedged,
  attribution = the relation with the shortest content containing the victim.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from baselines.crf.decode import bio_spans, char_span, trim_tokens
from baselines.crf.features import QUOTE_MARKS
from benchmark.dataset.schema import Attribution, Casualty, Document, Span

if TYPE_CHECKING:
    from baselines.crf.layers import TaggedSentence

_DIGITS = re.compile(r"\d+|\d{1,3}(?:\.\d{3})+")


def gap(first: Span, second: Span) -> int:
    """Return the number of characters between two spans (0 when they touch or overlap)."""
    return max(0, second.start - first.end, first.start - second.end)


def nearest(anchor: Span, candidates: Sequence[Span]) -> Span | None:
    """Return the candidate with the smallest :func:`gap` to ``anchor`` (earliest on ties)."""
    if not candidates:
        return None
    return min(candidates, key=lambda span: (gap(anchor, span), span.start, span.end))


def attribution_of(span: Span, attributions: Sequence[Attribution]) -> str | None:
    """Return the id of the relation with the shortest content containing ``span``, or None."""
    holders = [
        a for a in attributions if a.content.start <= span.start and span.end <= a.content.end
    ]
    if not holders:
        return None
    best = min(holders, key=lambda a: (a.content.end - a.content.start, a.content.start))
    return best.attribution_id


def parse_count(text: str) -> int | None:
    """Return the integer written in digits (``21``, ``1.200``), else None."""
    return int(text.replace(".", "")) if _DIGITS.fullmatch(text) else None


def _spans(text: str, sentence: TaggedSentence, tags: Sequence[str], label: str) -> list[Span]:
    """Return the character spans of ``label`` in one tag sequence of ``sentence``."""
    return [
        char_span(text, sentence.starts, sentence.ends, span.first, span.stop)
        for span in bio_spans(tags)
        if span.label == label
    ]


def _contents(text: str, sentences: Sequence[TaggedSentence]) -> dict[int, list[Span]]:
    """Return sentence id -> the CONTENT spans touching it (joined across sentences)."""
    pieces: list[tuple[int, Span, bool, bool]] = []  # sentence, span, at start, at end
    for sentence in sentences:
        words = sentence.words(text)
        for span in bio_spans(sentence.attribution_tags):
            trimmed = (
                trim_tokens(words, span, strip=QUOTE_MARKS) if span.label == "CONTENT" else None
            )
            if trimmed is None:
                continue
            at_start = all(word in QUOTE_MARKS for word in words[: trimmed.first])
            at_end = all(word in QUOTE_MARKS for word in words[trimmed.stop :])
            piece = char_span(text, sentence.starts, sentence.ends, trimmed.first, trimmed.stop)
            pieces.append((sentence.sentence_id, piece, at_start, at_end))
    by_sentence: dict[int, list[Span]] = {}
    index = 0
    while index < len(pieces):
        sentence_id, span, _, at_end = pieces[index]
        touched = [sentence_id]
        while at_end and index + 1 < len(pieces):
            next_id, next_span, next_at_start, next_at_end = pieces[index + 1]
            if next_id != touched[-1] + 1 or not next_at_start:
                break
            span = Span(span.start, next_span.end, text[span.start : next_span.end])
            touched.append(next_id)
            at_end = next_at_end
            index += 1
        for touched_id in touched:
            by_sentence.setdefault(touched_id, []).append(span)
        index += 1
    return by_sentence


def _attribution_type(content: Span, mask: Sequence[bool], token_starts: Sequence[int]) -> str:
    """Return direct / mixed / indirect from the quoted share of the content's tokens.

    ``token_starts``: the start of every token of the document, ascending.
    """
    low = bisect.bisect_left(token_starts, content.start)
    high = bisect.bisect_left(token_starts, content.end)
    quoted = [mask[start] for start in token_starts[low:high]]
    if quoted and all(quoted):
        return "direct"
    return "mixed" if any(quoted) else "indirect"


def find_attributions(
    document: Document, sentences: Sequence[TaggedSentence], *, mask: Sequence[bool]
) -> list[Attribution]:
    """Return one relation per CUE span that has a content (rules in the module docstring)."""
    text = document.text
    contents = _contents(text, sentences)
    token_starts = sorted(start for sentence in sentences for start in sentence.starts)
    relations = []
    for sentence in sentences:
        sources = _spans(text, sentence, sentence.attribution_tags, "SOURCE")
        for cue in _spans(text, sentence, sentence.attribution_tags, "CUE"):
            content = nearest(cue, contents.get(sentence.sentence_id, []))
            if content is None:
                continue
            relations.append(
                Attribution(
                    attribution_id=f"A{len(relations) + 1}",
                    doc_id=document.doc_id,
                    source=nearest(cue, sources),
                    source_antecedent=None,
                    cue=cue,
                    content=content,
                    attribution_type=_attribution_type(content, mask, token_starts),
                    parent_id=None,
                )
            )
    return relations


def find_casualties(
    document: Document,
    sentences: Sequence[TaggedSentence],
    *,
    hedged: frozenset[int],
    attributions: Sequence[Attribution],
) -> list[Casualty]:
    """Return the casualty records of the COUNT/VICTIM spans (rules in the module docstring)."""
    text = document.text
    records = []
    for sentence in sentences:
        victims = _spans(text, sentence, sentence.casualty_tags, "VICTIM")
        found: list[tuple[Span, Span | None]] = []
        for count in _spans(text, sentence, sentence.casualty_tags, "COUNT"):
            victim = nearest(count, victims)
            if victim is not None:
                found.append((victim, count))
        chosen = {victim for victim, _ in found}
        found.extend((victim, None) for victim in victims if victim not in chosen)
        found.sort(key=lambda pair: (pair[0].start, pair[1].start if pair[1] else -1))
        for victim, count in found:
            records.append(
                Casualty(
                    casualty_id=f"C{len(records) + 1}",
                    doc_id=document.doc_id,
                    sentence_id=sentence.sentence_id,
                    status="unspecified",
                    count=parse_count(count.text) if count else None,
                    count_high=None,
                    count_qualifier="exact" if count else "unquantified",
                    count_span=count,
                    qualifier_span=None,
                    trigger=None,
                    victim=victim,
                    victim_group="people",
                    location=None,
                    time=None,
                    polarity="positive",
                    certainty="uncertain" if sentence.sentence_id in hedged else "certain",
                    event_id=None,
                    attribution_id=attribution_of(victim, attributions),
                )
            )
    return records
