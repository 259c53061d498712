"""Hedge cues and scopes (data/GUIDELINES.md section 6) by morphology and lexicon.

Cues: the journalistic conditional (present conditional forms recognised by
:mod:`baselines.morphology`, with the essere participle of a compound conditional), the
evidential and epistemic expressions of ``lexicons/hedge_cues.tsv``, and the conditional
of potere as an epistemic modal. Not hedges: conditionals in a sentence with a genuine
condition (``se``, ``qualora``) and first/second-person courtesy forms (``vorrei``).
Scope: the clause of the cue (section 6.3), cut at clause punctuation and at a comma
followed by a participle, a relative pronoun or an attribution phrase; a cue in a
relative clause scopes over the relative clause, pronoun included.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from baselines import lexicon, morphology
from baselines.rules import phrases
from baselines.tokens import SentenceView, matches, token_span, trim_right
from benchmark.dataset.schema import Document, Hedge

# Words after which "che" is a complementiser (the clause it opens is the hedged claim).
_COMPLEMENTISER_HEADS = frozenset(
    "è era pare sembra fatto noto chiaro vero certo ritiene ritengono crede credono teme "
    "temono sa sanno pensa pensano dubbio possibile probabile".split()
)


@dataclass(frozen=True)
class CueEntry:
    """One multiword hedge expression of the lexicon."""

    cue_type: str
    """``evidential`` or ``epistemic``."""
    tokens: tuple[str, ...]
    """Lower-case tokens of the whole expression."""
    cue_length: int
    """How many leading tokens form the cue."""
    mode: str
    """Scope mode: ``clause``, ``forward``, ``phrase`` or ``restriction``."""


@cache
def cue_entries() -> tuple[CueEntry, ...]:
    """Return the lexicon's hedge expressions, longest first."""
    entries = []
    for row in lexicon.rows("hedge_cues"):
        tokens = tuple(row[1].split())
        length = int(row[2]) or len(tokens)
        entries.append(CueEntry(row[0], tokens, length, row[3]))
    return tuple(sorted(entries, key=lambda entry: -len(entry.tokens)))


def find_hedges(document: Document, views: list[SentenceView]) -> list[Hedge]:
    """Return the hedges of ``document`` with ids ``H1``, ``H2``... in text order."""
    found = []
    for view in views:
        for cue_type, first, last, scope_first, scope_last in sentence_hedges(view):
            found.append(
                Hedge(
                    hedge_id=f"H{len(found) + 1}",
                    doc_id=document.doc_id,
                    sentence_id=view.sentence_id,
                    cue=token_span(document.text, view.tokens, first, last),
                    cue_type=cue_type,
                    scope=token_span(document.text, view.tokens, scope_first, scope_last),
                )
            )
    return found


def sentence_hedges(view: SentenceView) -> list[tuple[str, int, int, int, int]]:
    """Return ``(cue_type, cue_first, cue_last, scope_first, scope_last)`` per cue of a sentence."""
    lows = view.lows()
    used: set[int] = set()
    cues = []
    for position in range(len(lows)):
        for entry in cue_entries():
            if position in used or not matches(lows, position, entry.tokens):
                continue
            if entry.tokens[0] == "almeno" and _qualifies_number(view, position + 1):
                continue
            last = position + entry.cue_length - 1
            used.update(range(position, position + len(entry.tokens)))
            scope = _scope(view, entry.mode, position, last, position + len(entry.tokens) - 1)
            cues.append((entry.cue_type, position, last, *scope))
    conditional_allowed = not any(morphology.is_condition_word(low) for low in lows)
    for position, low in enumerate(lows):
        if position in used or not view.tokens[position].is_word:
            continue
        analysed = morphology.conditional_stem(low)
        if analysed is None:
            continue
        stem, ending = analysed
        third = morphology.is_third_person(ending)
        if not third and morphology.stem_in(stem, "polite"):
            continue
        if morphology.stem_in(stem, "epistemic"):
            cue_type = "epistemic"
        elif conditional_allowed:
            cue_type = "conditional"
        else:
            continue
        last = position
        if (
            morphology.stem_in(stem, "auxiliary")
            and position + 1 < len(lows)
            and morphology.is_auxiliary_participle(lows[position + 1])
        ):
            last = position + 1
        used.update(range(position, last + 1))
        cues.append((cue_type, position, last, *_scope(view, "clause", position, last, last)))
    return sorted(cues, key=lambda cue: (cue[1], cue[2]))


def _qualifies_number(view: SentenceView, position: int) -> bool:
    """Return True when the token at ``position`` starts a number ("almeno 12")."""
    if position >= len(view.tokens):
        return False
    return view.tokens[position].text[:1].isdigit()


def _scope(
    view: SentenceView, mode: str, first: int, last: int, phrase_last: int
) -> tuple[int, int]:
    """Return the scope ``(first, last)`` token indices for a cue at ``first..last``."""
    tokens = view.tokens
    if mode == "forward":
        return first, phrases.clause_end(view, phrase_last)
    after_comma = first > 0 and tokens[first - 1].text == ","
    if mode == "phrase":
        start = phrases.clause_start(view, first)
        if start == first and not after_comma:
            following = phrase_last + 1
            if following + 1 < len(tokens) and tokens[following].text == ",":
                return first, phrases.clause_end(view, following + 1)
            return first, phrases.clause_end(view, phrase_last)
        if after_comma and first >= 2:
            left = _claim_left(view, first - 2)
            return left, _phrase_end(view, phrase_last)
        return _clause_scope(view, first, last)
    if mode == "restriction":
        end = _phrase_end(view, phrase_last)
        if after_comma and first >= 2:
            return _claim_left(view, first - 2), end
        return first, end
    return _clause_scope(view, first, last)


def _claim_left(view: SentenceView, index: int) -> int:
    """Return the left edge of the claim whose last token is ``index``."""
    start = phrases.clause_start(view, index)
    return _after_complementiser(view, start, index)


def _clause_scope(view: SentenceView, first: int, last: int) -> tuple[int, int]:
    start = phrases.clause_start(view, first)
    left = _after_complementiser(view, start, first)
    relative = left < first and view.tokens[left].low in phrases.RELATIVES
    end = phrases.clause_end(view, last, any_comma=relative)
    return left, trim_right(view.tokens, left, max(end, last))


def _after_complementiser(view: SentenceView, start: int, cue: int) -> int:
    """Move the left edge to the last ``che`` before the cue (after it if a complementiser)."""
    tokens = view.tokens
    left = start
    for position in range(start, cue):
        if tokens[position].low not in ("che", "cui"):
            continue
        previous = tokens[position - 1] if position > 0 else None
        if previous is not None and (
            previous.low in _COMPLEMENTISER_HEADS
            or previous.low in phrases.reporting_forms()
            or (previous.low.endswith(phrases.PARTICIPLE_ENDINGS) and previous.is_word)
            or previous.low in ("fatto",)
        ):
            left = position + 1
        else:
            left = position
    return left


def _phrase_end(view: SentenceView, index: int) -> int:
    """Return the end of a source phrase: up to punctuation or a relative pronoun."""
    tokens = view.tokens
    position = index
    while position + 1 < len(tokens):
        nxt = tokens[position + 1]
        if nxt.is_punct or nxt.low in phrases.RELATIVES:
            break
        position += 1
    return position
