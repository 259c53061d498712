"""Attribution relations (data/GUIDELINES.md section 5): reporting verbs and source phrases.

Patterns, all on one sentence (a quotation may run over several):
- a source phrase ("secondo X", "stando a X", "a detta di X", "secondo quanto <reporting
  participle> da X"): cue = the phrase, source = the noun phrase after it, content = the clause it
  attaches to (after it when it opens the sentence, before it after a comma);
- a reporting verb with a following quotation (``X ha detto: "..."``), a following
  ``che``-clause (``X ha detto che ...``) or a preceding one (``"...", dice X`` /
  ``..., ha spiegato X``): cue = the verb without auxiliaries, source = its subject
  (before it, or after it when inverted), null when the subject is dropped;
- a citing verb (``X che cita Y: "..."``): source = the cited Y, parent = X's relation.
Participles without an auxiliary are modifiers ("la nota diffusa"), not cues.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from baselines import lexicon
from baselines.rules import phrases
from baselines.tokens import QUOTE_OPEN, SentenceView, quotations, span, token_span, trim_right
from benchmark.dataset.schema import Attribution, Document, Span

_FAMILIES = {"da": phrases.BY, "di": phrases.OF, "a": phrases.TO}
_NOT_SOURCE_AFTER_SECONDO = frozenset(
    "luogo piano tempo giorno turno posto volta anno mese gruppo caso livello grado".split()
)
_PARTICIPLE_LIKE = phrases.PARTICIPLE_ENDINGS + ("tto", "tta", "tti", "tte", "so", "sa", "si", "se")


@dataclass
class _Draft:
    cue: Span
    source: Span | None
    content: Span
    role: str
    citer: Span | None = None


@cache
def _phrase_entries() -> tuple[tuple[str, ...], ...]:
    participles = [row[0] for row in lexicon.rows("reporting_participles")]
    entries = set()
    for (template,) in (row[:1] for row in lexicon.rows("attribution_phrases")):
        fillers = participles if "{PARTICIPLE}" in template else [""]
        entries.update(tuple(template.replace("{PARTICIPLE}", f).split()) for f in fillers)
    return tuple(sorted(entries, key=lambda entry: (-len(entry), entry)))


def find_attributions(document: Document, views: list[SentenceView]) -> list[Attribution]:
    """Return the attribution relations of ``document`` (ids ``A1``... in cue order)."""
    quotes = quotations(document.text)
    drafts: list[_Draft] = []
    for view in views:
        used: set[int] = set()
        drafts.extend(_phrase_relations(document, view, used, quotes))
        drafts.extend(_verb_relations(document, view, used, quotes))
    drafts.sort(key=lambda draft: (draft.cue.start, draft.cue.end))
    ids = [f"A{number}" for number in range(1, len(drafts) + 1)]
    parents = acyclic_parents([_parent(drafts, index) for index in range(len(drafts))])
    relations = []
    for index, draft in enumerate(drafts):
        relations.append(
            Attribution(
                attribution_id=ids[index],
                doc_id=document.doc_id,
                source=draft.source,
                source_antecedent=_antecedent(drafts, index),
                cue=draft.cue,
                content=draft.content,
                attribution_type=_type(draft.content, quotes),
                parent_id=None if parents[index] is None else ids[parents[index]],
            )
        )
    return relations


def _match_phrase(lows: list[str], position: int, entry: tuple[str, ...]) -> int | None:
    if position + len(entry) > len(lows):
        return None
    for offset, word in enumerate(entry):
        low = lows[position + offset]
        last = offset == len(entry) - 1
        if low != word and not (last and word in _FAMILIES and low in _FAMILIES[word]):
            return None
    return position + len(entry) - 1


def _attributive_secondo(view: SentenceView, position: int) -> bool:
    tokens = view.tokens
    if position > 0 and (
        tokens[position - 1].low in phrases.ARTICLES
        or tokens[position - 1].low in phrases.PREPOSITIONS
        or tokens[position - 1].low in phrases.OF
    ):
        return False
    nxt = tokens[position + 1].low if position + 1 < len(tokens) else ""
    return nxt not in _NOT_SOURCE_AFTER_SECONDO


def _phrase_relations(document, view, used, quotes) -> list[_Draft]:
    lows = view.lows()
    found = []
    for position in range(len(lows)):
        if position in used:
            continue
        for entry in _phrase_entries():
            end = _match_phrase(lows, position, entry)
            if end is None:
                continue
            if entry[0] == "secondo" and not _attributive_secondo(view, position):
                break
            source = _source_after(view, end + 1)
            content = _phrase_content(view, position, source) if source else None
            if source is None or content is None:
                break
            used.update(range(position, end + 1))
            found.append(
                _Draft(
                    cue=token_span(document.text, view.tokens, position, end),
                    source=token_span(document.text, view.tokens, *source),
                    content=_content_span(document.text, view, content, quotes),
                    role="phrase",
                )
            )
            break
    return found


def _source_after(view: SentenceView, first: int) -> tuple[int, int] | None:
    """Return the source noun phrase at ``first``, with an issuer participle ("diffusa da X")."""
    if first >= len(view.tokens):
        return None
    found = phrases.np_right(view, first, apposition=True)
    if found is None:
        return None
    tokens = view.tokens
    last = found[1]
    if (
        last + 2 < len(tokens)
        and tokens[last + 1].low.endswith(_PARTICIPLE_LIKE)
        and tokens[last + 2].low in phrases.BY
    ):
        issuer = phrases.np_right(view, last + 3)
        if issuer is not None:
            last = issuer[1]
    return found[0], last


def _phrase_content(
    view: SentenceView, cue: int, source: tuple[int, int]
) -> tuple[int, int] | None:
    tokens = view.tokens
    before = cue - 1
    if before >= 0 and tokens[before].low == "almeno":
        before -= 1
    if before >= 0 and tokens[before].text == ",":
        first = phrases.claim_start(view, before)
        return _nonempty(view, first, before - 1)
    if phrases.claim_start(view, cue) == cue:
        after = source[1] + 1
        if after < len(tokens) and tokens[after].text == ",":
            after += 1
        return _nonempty(view, after, _claim_end(view, after))
    return _nonempty(view, phrases.claim_start(view, cue), cue - 1)


def _claim_end(view: SentenceView, first: int) -> int:
    position = first
    while position + 1 < len(view.tokens) and view.tokens[position + 1].text not in (";", ":"):
        position += 1
    return position


def _nonempty(view: SentenceView, first: int, last: int) -> tuple[int, int] | None:
    """Return ``(first, last)`` trimmed to a content range, None if nothing is left.

    The range is first clipped to the sentence: a clause cue at the very end of a sentence
    ("... sul fatto che") gives a range that starts past the last token, which is empty.
    """
    tokens = view.tokens
    first, last = max(first, 0), min(last, len(tokens) - 1)
    while first <= last and (tokens[first].text in QUOTE_OPEN or tokens[first].text == ","):
        first += 1
    if first > last:
        return None
    last = trim_right(tokens, first, last)
    return (first, last) if tokens[last].is_word or tokens[last].text[:1].isalnum() else None


def _content_span(text: str, view: SentenceView, bounds: tuple[int, int], quotes) -> Span:
    return token_span(text, view.tokens, *bounds)


def _inside_quote(offset: int, quotes) -> bool:
    return any(start <= offset < end for _, start, end, _ in quotes)


def _verb_relations(document, view, used, quotes) -> list[_Draft]:
    tokens = view.tokens
    forms = phrases.reporting_forms()
    found = []
    for index, token in enumerate(tokens):
        if index in used or token.low not in forms or _inside_quote(token.start, quotes):
            continue
        subject_end = phrases.skip_verbal_left(view, index)
        if token.low in phrases.reporting_nonfinite() and subject_end == index:
            continue
        draft = _verb_relation(document, view, index, subject_end, forms[token.low], quotes)
        if draft is not None:
            used.add(index)
            found.append(draft)
    return found


def _verb_relation(document, view, index, subject_end, role, quotes) -> _Draft | None:
    text = document.text
    tokens = view.tokens
    cue = span(text, tokens[index].start, tokens[index].end)
    subject, citer = _subject(view, subject_end)
    quote = _quote_after(view, index, quotes)
    if quote is not None:
        source = _source_after(view, index + 1) if role == "cite" else subject
        if role == "cite" and source is not None and tokens[source[1]].start > quote[0]:
            source = None
        return _Draft(
            cue, _maybe_span(text, view, source), span(text, quote[1], quote[2]), role, citer
        )
    complement = _che_clause(view, index)
    if complement is not None:
        return _Draft(
            cue,
            _maybe_span(text, view, subject),
            token_span(text, tokens, *complement),
            role,
            citer,
        )
    if subject_end > 0 and tokens[subject_end - 1].text == ",":
        comma = subject_end - 1
        source = _source_after(view, index + 1)
        quote = _quote_ending_at(view, comma - 1, quotes)
        if quote is not None:
            return _Draft(
                cue, _maybe_span(text, view, source), span(text, quote[1], quote[2]), role
            )
        content = _nonempty(view, phrases.claim_start(view, comma), comma - 1)
        if content is not None:
            return _Draft(
                cue, _maybe_span(text, view, source), token_span(text, tokens, *content), role
            )
    return None


def _maybe_span(text: str, view: SentenceView, bounds: tuple[int, int] | None) -> Span | None:
    return None if bounds is None else token_span(text, view.tokens, *bounds)


def _subject(view: SentenceView, end: int) -> tuple[tuple[int, int] | None, Span | None]:
    """Return (subject bounds, citer) for a verb whose auxiliaries start at ``end``."""
    tokens = view.tokens
    if end > 0 and tokens[end - 1].low == "che":
        antecedent = phrases.np_left(view, end - 1, governed=True)
        return antecedent, None if antecedent is None else _bounds_span(view, antecedent)
    if end > 0 and tokens[end - 1].text == ",":
        before = end - 1
        if before > 0 and tokens[before - 1].is_capitalised:
            return phrases.np_left(view, end), None
        return None, None
    return phrases.np_left(view, end), None


def _bounds_span(view: SentenceView, bounds: tuple[int, int]) -> Span:
    first, last = view.tokens[bounds[0]], view.tokens[bounds[1]]
    return Span(first.start, last.end, "")


def _quote_after(view: SentenceView, index: int, quotes) -> tuple[int, int, int, int] | None:
    tokens = view.tokens
    for position in range(index + 1, min(index + 14, len(tokens))):
        token = tokens[position]
        if token.low == "che" or (token.text in ".;!?" and position > index + 1):
            return None
        if token.text in QUOTE_OPEN:
            for quote in quotes:
                if quote[0] == token.start:
                    return quote
    return None


def _quote_ending_at(view: SentenceView, position: int, quotes) -> tuple[int, int, int, int] | None:
    if position < 0:
        return None
    token = view.tokens[position]
    for quote in quotes:
        if quote[3] == token.start:
            return quote
    return None


def _che_clause(view: SentenceView, index: int) -> tuple[int, int] | None:
    """Return the ``che``-clause after a reporting verb (adverbs, "sul fatto", addressee)."""
    tokens = view.tokens
    addressee = False
    for position in range(index + 1, min(index + 6, len(tokens))):
        token = tokens[position]
        if token.low == "che":
            return _nonempty(view, position + 1, _claim_end(view, position + 1))
        if token.low in phrases.TO:
            addressee = True
        elif not (
            token.low in phrases.ADVERBS
            or token.low in ("sul", "fatto")
            or (addressee and phrases.is_content(token))
        ):
            return None
    return None


def _type(content: Span, quotes) -> str:
    if any(start == content.start and end == content.end for _, start, end, _ in quotes):
        return "direct"
    if any(start < content.end and content.start < end for _, start, end, _ in quotes):
        return "mixed"
    return "indirect"


def _parent(drafts: list[_Draft], index: int) -> int | None:
    """Return the index of the relation ``drafts[index]`` nests in (its citer or content)."""
    draft = drafts[index]
    if draft.citer is not None:
        for other, candidate in enumerate(drafts):
            if (
                other != index
                and candidate.source
                and candidate.source.start <= draft.citer.start < candidate.source.end
            ):
                return other
    holders = [
        other
        for other, candidate in enumerate(drafts)
        if other != index
        and candidate.content.start <= draft.cue.start
        and draft.cue.end <= candidate.content.end
    ]
    if not holders:
        return None
    return min(holders, key=lambda other: drafts[other].content.end - drafts[other].content.start)


def acyclic_parents(parents: list[int | None]) -> list[int | None]:
    """Return ``parents`` without the links that would close a cycle (kept in cue order).

    Two rules can each nest a relation in the other (a citer inside one relation's source,
    that relation's cue inside the other's content); a relation cannot be its own ancestor, so
    the later link of such a cycle is dropped.
    """
    kept: list[int | None] = [None] * len(parents)
    for index, parent in enumerate(parents):
        node = parent
        while node is not None and node != index:
            node = kept[node]
        kept[index] = parent if node is None else None
    return kept


def _antecedent(drafts: list[_Draft], index: int) -> Span | None:
    """Nearest earlier full mention for a dropped subject or a short definite description.

    A dropped subject takes the latest earlier source (or that source's own antecedent); a
    two-word definite description ("il portavoce") takes the latest earlier, longer source
    with the same head noun.
    """
    draft = drafts[index]
    earlier = [
        d for d in drafts[:index] if d.source is not None and d.source.end <= draft.cue.start
    ]
    if draft.source is None:
        if not earlier:
            return None
        latest = earlier[-1]
        return _antecedent(drafts, drafts.index(latest)) or latest.source
    words = draft.source.text.lower().replace("'", "' ").split()
    if len(words) != 2 or words[0] not in phrases.ARTICLES:
        return None
    for candidate in reversed(earlier):
        mention = candidate.source.text.lower().replace("'", "' ").replace(",", " ").split()
        if len(mention) > 2 and words[1] in mention:
            return candidate.source
    return None
