"""The ``naive`` baseline: the heuristics a newcomer tries first, on purpose.

- casualties: every number (digits or a number word) within a few tokens of a death or
  injury word is a casualty figure (status from that word, victim = the next noun-looking
  token, qualifier ``exact``); it also counts inhabitants, distances and years;
- hedges: every word ending like a conditional verb makes its sentence uncertain (that word
  is the cue, the whole sentence is the scope);
- attributions: every quotation is a direct attribution with no source, cued by the nearest
  verb-looking token;
- events: every word of a small conflict-verb list is a ``Conflict:Attack`` trigger (the
  most frequent type), without arguments.
"""

from __future__ import annotations

from baselines import lexicon
from baselines.numbers import digits_value, word_value
from baselines.tokens import SentenceView, Token, quotations, sentence_views, span
from benchmark.dataset.schema import Annotations, Attribution, Casualty, Document, Event, Hedge

WINDOW = 4
"""How many tokens away from a death/injury word a number may be."""

# Suffixes of the present conditional (3rd person and the most common 1st person forms).
CONDITIONAL_SUFFIXES = ("rebbe", "rebbero", "rei", "remmo")

# A handful of common Italian conflict words, as a newcomer would list them (general
# vocabulary, written by hand for this project).
CONFLICT_WORDS = frozenset(
    "attacco attacchi attaccato attaccata attaccati attaccano bombardamento bombardamenti "
    "bombardato bombardata bombardati colpito colpita colpiti raid battaglia scontri "
    "ucciso uccisi esplosione esplosioni assedio distrutto distrutta distrutti".split()
)
MOST_FREQUENT_TYPE = "Conflict:Attack"

# Endings that make a token look like a verb form.
VERB_ENDINGS = ("are", "ere", "ire", "ato", "ata", "ati", "ito", "ita", "uto", "ano", "ono", "ice")


class NaiveExtractor:
    """Deliberately simple keyword heuristics for all four layers."""

    name = "naive"
    """Registry name."""

    def extract(self, document: Document) -> Annotations:
        """Return the naive predictions for ``document``."""
        views = sentence_views(document)
        return Annotations(
            documents=(document,),
            events=tuple(_events(document, views)),
            casualties=tuple(_casualties(document, views)),
            attributions=tuple(_attributions(document, views)),
            hedges=tuple(_hedges(document, views)),
        )


def _number(token: Token) -> int | None:
    value = digits_value(token.text)
    if value is None:
        whole = word_value(token.low)
        return whole
    return int(value)


def _noun_like(token: Token) -> bool:
    closed = lexicon.classes("function_words")
    return token.is_word and not any(token.low in words for words in closed.values())


def _casualties(document: Document, views: list[SentenceView]) -> list[Casualty]:
    statuses = {row[0]: row[1] for row in lexicon.rows("casualty_words")}
    records = []
    for view in views:
        tokens = view.tokens
        for token in tokens:
            count = _number(token)
            if count is None:
                continue
            near = [
                other
                for other in tokens
                if other.low in statuses and abs(other.index - token.index) <= WINDOW
            ]
            if not near:
                continue
            word = min(near, key=lambda other: (abs(other.index - token.index), other.index))
            following = [t for t in tokens[token.index + 1 :] if _noun_like(t)]
            victim = following[0] if following else word
            records.append(
                Casualty(
                    casualty_id=f"C{len(records) + 1}",
                    doc_id=document.doc_id,
                    sentence_id=view.sentence_id,
                    status=statuses[word.low],
                    count=count,
                    count_high=None,
                    count_qualifier="exact",
                    count_span=span(document.text, token.start, token.end),
                    qualifier_span=None,
                    trigger=span(document.text, word.start, word.end),
                    victim=span(document.text, victim.start, victim.end),
                    victim_group="people",
                    location=None,
                    time=None,
                    polarity="positive",
                    certainty="certain",
                    event_id=None,
                    attribution_id=None,
                )
            )
    return records


def _hedges(document: Document, views: list[SentenceView]) -> list[Hedge]:
    hedges = []
    for view in views:
        for token in view.tokens:
            if token.is_word and token.low.endswith(CONDITIONAL_SUFFIXES) and len(token.low) > 5:
                hedges.append(
                    Hedge(
                        hedge_id=f"H{len(hedges) + 1}",
                        doc_id=document.doc_id,
                        sentence_id=view.sentence_id,
                        cue=span(document.text, token.start, token.end),
                        cue_type="conditional",
                        scope=span(document.text, view.start, view.end),
                    )
                )
    return hedges


def _attributions(document: Document, views: list[SentenceView]) -> list[Attribution]:
    tokens = [token for view in views for token in view.tokens]
    relations = []
    for opening, start, end, closing in quotations(document.text):
        outside = [
            t
            for t in tokens
            if (t.end <= opening or t.start > closing)
            and (t.low.endswith(VERB_ENDINGS) or t.low in ("ha", "dice"))
        ]
        if not outside:
            continue
        cue = min(
            outside, key=lambda t: (min(abs(t.start - closing), abs(opening - t.end)), t.start)
        )
        relations.append(
            Attribution(
                attribution_id=f"A{len(relations) + 1}",
                doc_id=document.doc_id,
                source=None,
                source_antecedent=None,
                cue=span(document.text, cue.start, cue.end),
                content=span(document.text, start, end),
                attribution_type="direct",
                parent_id=None,
            )
        )
    return relations


def _events(document: Document, views: list[SentenceView]) -> list[Event]:
    events = []
    for view in views:
        for token in view.tokens:
            if token.low in CONFLICT_WORDS:
                events.append(
                    Event(
                        event_id=f"E{len(events) + 1}",
                        doc_id=document.doc_id,
                        sentence_id=view.sentence_id,
                        trigger=span(document.text, token.start, token.end),
                        event_type=MOST_FREQUENT_TYPE,
                        arguments=(),
                        polarity="positive",
                        certainty="certain",
                        attribution_id=None,
                    )
                )
    return events
