"""Casualty records (data/GUIDELINES.md section 4): numbers tied to death/injury words.

A status word (``lexicons/casualty_words.tsv``) is paired with the nearest number
expression (:mod:`baselines.numbers`) that is linked to it only through noun-phrase
material and auxiliaries ("12 persone sono state uccise", "uccise 12 persone", "una
ventina di feriti", "12 i civili uccisi e 30 feriti"). Numbers of units (inhabitants,
kilometres, hours, years, euros...), clock times and years are never counts. Without a
number: a singular victim ("un soldato ucciso") counts 1; a negated mention ("nessuna
vittima") or a mention with a victim group ("vittime tra i civili") is unquantified. The
qualifier is the expression before the number (``lexicons/qualifiers.tsv``: "almeno"
at_least, "oltre" more_than, "meno di" less_than...); two numbers joined as a range ("tra 20
e 30") give ``range`` with ``count_high``. Victim groups: :mod:`baselines.rules.groups`.
"""

from __future__ import annotations

from functools import cache

from baselines import lexicon
from baselines.numbers import NumberExpression, find_numbers, with_ranges
from baselines.rules import phrases
from baselines.rules.context import (
    attribution_contents,
    hedge_scopes,
    in_hedge_scope,
    innermost_attribution,
)
from baselines.rules.groups import victim_group
from baselines.tokens import SentenceView, ngram, token_span
from benchmark.dataset.inventory import RANGE_QUALIFIER
from benchmark.dataset.schema import Attribution, Casualty, Document, Event, Hedge, Span

_GENERIC_TOLL = frozenset({"bilancio", "numero", "conta", "conteggio", "totale"})
_NEGATIVE = frozenset({"non", "nessun", "nessuna", "nessuno", "senza", "né"})
_GROUP_PREPOSITIONS = frozenset({"tra", "fra", "per"})
_CAUSE_PREPOSITIONS = phrases.IN | frozenset({"durante", "dopo"})
_MAX_GAP_BEFORE = 4
_MAX_GAP_AFTER = 3


@cache
def _status_words() -> dict[tuple[str, ...], tuple[str, str, str]]:
    """Return word tuple -> (status, number, pos)."""
    return {
        tuple(row[0].split()): (row[1], row[2], row[3]) for row in lexicon.rows("casualty_words")
    }


@cache
def _qualifiers() -> tuple[tuple[tuple[str, ...], str], ...]:
    entries = [(tuple(row[0].split()), row[1]) for row in lexicon.rows("qualifiers")]
    return tuple(sorted(entries, key=lambda entry: -len(entry[0])))


@cache
def _units() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(word.split()) for word in lexicon.words("distractor_units"))


def find_casualties(
    document: Document,
    views: list[SentenceView],
    *,
    hedges: list[Hedge],
    attributions: list[Attribution],
    events: list[Event],
) -> list[Casualty]:
    """Return the casualty records of ``document`` (ids ``C1``... in text order)."""
    scopes, contents = hedge_scopes(hedges), attribution_contents(attributions)
    causes: dict[int, list[Event]] = {}  # per sentence, the events that can be a cause
    for event in events:
        if event.event_type in _CAUSE_TYPES:
            causes.setdefault(event.sentence_id, []).append(event)
    records: list[Casualty] = []
    for view in views:
        in_sentence = causes.get(view.sentence_id, [])
        for draft in _sentence_records(view):
            records.append(
                _record(document, view, draft, len(records) + 1, scopes, contents, in_sentence)
            )
    return records


_CAUSE_TYPES = frozenset({"Conflict:Attack", "Conflict:Explosion"})
"""Event types a casualty record can name as its cause."""


def _triggers(view: SentenceView) -> list[tuple[int, int, str, str, str]]:
    lows = view.lows()
    words = _status_words()
    found = []
    position = 0
    while position < len(lows):
        for size in (3, 1):
            entry = words.get(ngram(lows, position, size))
            if entry is None:
                continue
            previous = lows[position - 1] if position > 0 else ""
            before = set(lows[max(position - 3, 0) : position])
            noun_sense = (
                entry[2] == "participle"
                and size == 1
                and previous in phrases.ARTICLES | phrases.OF | phrases.TO | phrases.IN | phrases.ON
            )
            if not noun_sense and not (before & _GENERIC_TOLL):
                found.append((position, position + size - 1, *entry))
            position += size - 1
            break
        position += 1
    return found


def _counts(view: SentenceView) -> list[NumberExpression]:
    tokens = view.tokens
    lows = view.lows()
    kept = []
    for number in with_ranges(tokens, find_numbers(tokens)):
        after = number.last + 1
        if after < len(lows) and lows[after] == "di":
            after += 1
        if any(tuple(lows[after : after + len(unit)]) == unit for unit in _units()):
            continue
        if number.first > 0 and lows[number.first - 1] in (
            "alle",
            "dalle",
            "ore",
            "le",
            "nel",
            "del",
            "dal",
        ):
            if lows[number.first - 1] != "le" or (number.value is not None and number.value > 24):
                continue
        text = tokens[number.first].text
        if text.isdigit() and len(text) == 4 and 1800 <= int(text) <= 2100:
            continue
        if (
            tokens[number.first].text[:1].isdigit()
            and number.first + 1 < len(tokens)
            and tokens[number.first + 1].text in ("%", "°")
        ):
            continue
        kept.append(number)
    return kept


def _bridge(view: SentenceView, first: int, last: int, triggers, numbers) -> bool:
    """Return True when tokens ``first..last`` can sit between a number and its status word."""
    trigger_positions = {i for t in triggers for i in range(t[0], t[1] + 1)}
    number_positions = {i for n in numbers for i in range(n.first, n.last + 1)}
    for position in range(first, last + 1):
        token = view.tokens[position]
        low = token.low
        if token.is_punct or position in trigger_positions or position in number_positions:
            return False
        if low in phrases.CONJUNCTIONS or low in phrases.RELATIVES:
            return False
        if low in phrases.PREPOSITIONS and low not in phrases.OF:
            return False
    return True


def _sentence_records(view: SentenceView) -> list[dict]:
    triggers = _triggers(view)
    numbers = _counts(view)
    used: set[int] = set()
    drafts: list[dict] = []
    for trigger in triggers:
        t_first, t_last = trigger[0], trigger[1]
        best = None
        for number in numbers:
            if id(number) in used:
                continue
            if number.last < t_first:
                gap = t_first - number.last - 1
                if gap <= _MAX_GAP_BEFORE and _bridge(
                    view, number.last + 1, t_first - 1, triggers, numbers
                ):
                    key = (0, gap)
                    best = min(best, (key, number), key=lambda x: x[0]) if best else (key, number)
            elif number.first > t_last:
                # a range's opening preposition ("da 5 a 8") belongs to the number
                start = number.first if number.opener is None else number.opener
                gap = start - t_last - 1
                if gap <= _MAX_GAP_AFTER and _bridge(
                    view, t_last + 1, start - 1, triggers, numbers
                ):
                    key = (1, gap)
                    best = min(best, (key, number), key=lambda x: x[0]) if best else (key, number)
        if best is not None:
            number = best[1]
            used.add(id(number))
            drafts.append(_numbered(view, trigger, number, drafts))
            continue
        draft = _unnumbered(view, trigger)
        if draft is not None:
            drafts.append(draft)
    return drafts


def _numbered(view: SentenceView, trigger, number: NumberExpression, drafts: list[dict]) -> dict:
    tokens = view.tokens
    if number.last < trigger[0]:
        victim = _victim_between(view, number.last + 1, trigger[0] - 1)
    else:
        start = number.last + 1
        if start < len(tokens) and tokens[start].low == "di":
            start += 1
        victim = phrases.np_right(view, start) if start < len(tokens) else None
    if victim is None:
        victim = (
            _inherited(view, number, drafts)
            or _group_after(view, trigger[1])
            or (trigger[0], trigger[1])
        )
    return {
        "trigger": trigger,
        "number": number,
        "qualifier": _range_qualifier(number) if number.high else _qualifier(view, number.first),
        "victim": victim,
        "negative": False,
    }


def _victim_between(view: SentenceView, first: int, last: int) -> tuple[int, int] | None:
    tokens = view.tokens
    while first <= last and tokens[first].low == "di":
        first += 1
    while last >= first and not phrases.is_content(tokens[last]):
        last -= 1
    if first > last or not any(phrases.is_content(tokens[i]) for i in range(first, last + 1)):
        return None
    return first, last


def _inherited(
    view: SentenceView, number: NumberExpression, drafts: list[dict]
) -> tuple[int, int] | None:
    """Victim of an elliptical coordination ("12 i civili uccisi e 30 feriti")."""
    if not drafts:
        return None
    previous = drafts[-1]
    between = [t.low for t in view.tokens[previous["trigger"][1] + 1 : number.first]]
    if between and set(between) <= {"e", ",", "ed"}:
        return previous["victim"]
    return None


def _group_after(view: SentenceView, last: int) -> tuple[int, int] | None:
    """Victim group after a casualty noun ("vittime tra i civili", "perdite ... per i russi")."""
    tokens = view.tokens
    for position in range(last + 1, min(last + 4, len(tokens) - 1)):
        if tokens[position].is_punct:
            return None
        if tokens[position].low in _GROUP_PREPOSITIONS:
            return phrases.np_right(view, position + 1)
    return None


def _unnumbered(view: SentenceView, trigger) -> dict | None:
    lows = view.lows()
    first, last, _status, number, pos = trigger
    window = set(lows[max(first - 4, 0) : first])
    negative = bool(window & _NEGATIVE)
    if number == "sg":
        single = _singular_victim(view, first, last)
        if single is not None:
            return {
                "trigger": trigger,
                "number": None,
                "qualifier": None,
                "victim": single,
                "negative": negative,
                "one": True,
            }
    if pos == "participle" and not negative:
        return None
    group = _group_after(view, last)
    if group is None and not negative:
        return None
    return {
        "trigger": trigger,
        "number": None,
        "qualifier": None,
        "victim": group or (first, last),
        "negative": negative,
    }


def _singular_victim(view: SentenceView, first: int, last: int) -> tuple[int, int] | None:
    """Return an ``un``/``una`` noun phrase next to a singular status word, else None."""
    tokens = view.tokens
    for position in range(max(first - 5, 0), min(last + 3, len(tokens))):
        if tokens[position].low in ("un", "uno", "una", "un'") and not (first <= position <= last):
            found = phrases.np_right(view, position)
            if found is not None and (found[1] < first or found[0] > last):
                return found
    return None


def _qualifier(view: SentenceView, first: int) -> tuple[str, tuple[int, int]] | None:
    lows = view.lows()
    for words, label in _qualifiers():
        start = first - len(words)
        if start >= 0 and tuple(lows[start:first]) == words:
            return label, (start, first - 1)
    return None


def _range_qualifier(number: NumberExpression) -> tuple[str, tuple[int, int] | None]:
    """Return the qualifier of a range: ``range`` and its opening preposition, if any."""
    opener = number.opener
    return RANGE_QUALIFIER, None if opener is None else (opener, opener)


def _record(document, view, draft, number, scopes, contents, causes) -> Casualty:
    text = document.text
    tokens = view.tokens
    trigger = draft["trigger"]
    victim = token_span(text, tokens, *draft["victim"])
    expression = draft["number"]
    qualifier = draft["qualifier"]
    high = None
    if expression is not None:
        count, high = expression.value, expression.high
        label = (
            qualifier[0] if qualifier else ("approximate" if expression.approximate else "exact")
        )
        count_span: Span | None = token_span(text, tokens, expression.first, expression.last)
    elif draft.get("one"):
        count, label, count_span = 1, "exact", None
    else:
        count, label, count_span = None, "unquantified", None
    trigger_span = token_span(text, tokens, trigger[0], trigger[1])
    place = phrases.find_place(view, 0, len(tokens) - 1, exclude=(draft["victim"],))
    time = phrases.find_time(view, 0, len(tokens) - 1)
    anchor = count_span or victim
    return Casualty(
        casualty_id=f"C{number}",
        doc_id=document.doc_id,
        sentence_id=view.sentence_id,
        status=trigger[2],
        count=count,
        count_high=high,
        count_qualifier=label,
        count_span=count_span,
        qualifier_span=token_span(text, tokens, *qualifier[1])
        if qualifier and qualifier[1] and expression
        else None,
        trigger=trigger_span,
        victim=victim,
        victim_group=victim_group(view, draft["victim"], (trigger[0], trigger[1])),
        location=token_span(text, tokens, *place) if place else None,
        time=token_span(text, tokens, *time) if time else None,
        polarity="negative" if draft["negative"] else "positive",
        certainty="uncertain" if in_hedge_scope(anchor, scopes) else "certain",
        event_id=_cause(view, trigger, causes),
        attribution_id=innermost_attribution(victim, contents),
    )


def _cause(view: SentenceView, trigger, causes: list[Event]) -> str | None:
    """Return the attack or explosion named as the cause after the status word ("nei raid").

    ``causes``: the attacks and explosions of the sentence, in text order.
    """
    tokens = view.tokens
    for event in causes:
        if event.trigger.start <= tokens[trigger[1]].end:
            continue
        index = next(t.index for t in tokens if t.start == event.trigger.start)
        before = {tokens[i].low for i in range(max(index - 2, 0), index)}
        if before & _CAUSE_PREPOSITIONS:
            return event.event_id
    return None
