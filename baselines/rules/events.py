"""Event mentions (data/GUIDELINES.md section 3): trigger lexicon plus argument heuristics.

Triggers come from ``lexicons/event_triggers.tsv`` (verb lemmas are inflected by
:mod:`baselines.morphology`). Arguments: the subject before the verb (through a relative
``che`` to its antecedent), the object after it, a ``da``-phrase agent of a passive, the
``di``/``contro``/``su``/``tra`` complements of an event noun, a place phrase with a name,
a time expression. Roles depend on the type, the voice and whether the filler is a weapon.
A noun trigger realised by a following attack verb ("un attacco ha colpito X") is one
mention: the noun, with the verb's objects as Targets (section 3.3).
"""

from __future__ import annotations

from baselines.morphology import conditional_stem
from baselines.rules import phrases
from baselines.rules.context import (
    attribution_contents,
    hedge_scopes,
    in_hedge_scope,
    innermost_attribution,
)
from baselines.rules.groups import is_armed
from baselines.tokens import SentenceView, ngram, token_span
from benchmark.dataset.schema import Argument, Attribution, Document, Event, Hedge

# Verbs whose subject undergoes the event (general Italian grammar: unaccusatives).
INTRANSITIVE = frozenset({"morire", "atterrare", "esplodere", "ritirare"})
_VIOLENT = ("Conflict:Attack", "Conflict:Siege", "Conflict:Damage", "Conflict:Explosion")
_DEFINITE = frozenset({"il", "lo", "la", "i", "gli", "le", "l'"}) | (
    (phrases.OF | phrases.TO | phrases.BY | phrases.IN | phrases.ON)
    - {"di", "d'", "a", "ad", "da", "in", "su"}
)
_MAX_WORDS = 4
_AVERE = frozenset("ha hanno aveva avevano avrà avranno abbia abbiano ebbe ebbero avere".split())
_PARTICIPLE_ENDINGS = ("to", "ta", "ti", "te", "so", "sa", "si", "se")
# After an article or articulated preposition a participle is used as a noun ("i feriti").
_NOMINAL_BEFORE = _DEFINITE | phrases.ARTICLES


def find_events(
    document: Document,
    views: list[SentenceView],
    *,
    hedges: list[Hedge],
    attributions: list[Attribution],
) -> list[Event]:
    """Return the event mentions of ``document`` (ids ``E1``... in text order)."""
    scopes, contents = hedge_scopes(hedges), attribution_contents(attributions)
    events = []
    for view in views:
        for first, last, event_type, kind, entry, extra_targets in _triggers(view):
            trigger = token_span(document.text, view.tokens, first, last)
            arguments = _arguments(view, first, last, event_type, kind, entry)
            arguments += [("Target", bounds) for bounds in extra_targets]
            events.append(
                Event(
                    event_id=f"E{len(events) + 1}",
                    doc_id=document.doc_id,
                    sentence_id=view.sentence_id,
                    trigger=trigger,
                    event_type=event_type,
                    arguments=_to_arguments(document.text, view, arguments),
                    polarity="negative" if _negated(view, first, kind) else "positive",
                    certainty=_certainty(view, first, kind, trigger, scopes),
                    attribution_id=innermost_attribution(trigger, contents),
                )
            )
    return events


def _triggers(view: SentenceView) -> list[tuple]:
    lows = view.lows()
    forms = phrases.event_forms()
    found = []
    position = 0
    while position < len(lows):
        for size in range(_MAX_WORDS, 0, -1):
            entry = forms.get(ngram(lows, position, size))
            if entry is not None:
                if entry[1] == "verb" and position > 0 and lows[position - 1] in _NOMINAL_BEFORE:
                    entry = (entry[0], "noun", entry[2])
                found.append([position, position + size - 1, *entry, []])
                position += size
                break
        else:
            position += 1
    merged = []
    for item in found:
        host = merged[-1] if merged else None
        if (
            host is not None
            and host[3] == "noun"
            and host[2] in ("Conflict:Attack", "Conflict:Explosion")
            and item[3] == "verb"
            and item[2] == "Conflict:Attack"
            and _same_phrase(view, host[1], item[0])
        ):
            host[5].extend(_objects(view, item[1]))
            continue
        merged.append(item)
    return [tuple(item) for item in merged]


def _same_phrase(view: SentenceView, left: int, right: int) -> bool:
    """Return True when only modifiers and auxiliaries separate two triggers."""
    if right - left > 6:
        return False
    for token in view.tokens[left + 1 : right]:
        if token.is_punct or token.low in phrases.RELATIVES or token.low in phrases.CONJUNCTIONS:
            return False
    return True


def _objects(view: SentenceView, last: int) -> list[tuple[int, int]]:
    position = last + 1
    while position < len(view.tokens) and view.tokens[position].low in phrases.ADVERBS:
        position += 1
    found = phrases.np_right(view, position, limit=10) if position < len(view.tokens) else None
    return _coordinated(view, found) if found else []


def _coordinated(view: SentenceView, first_np: tuple[int, int]) -> list[tuple[int, int]]:
    """Return ``first_np`` and the noun phrases coordinated after it with ``,``/``e``."""
    tokens = view.tokens
    found = [first_np]
    while len(found) < 6:
        position = found[-1][1] + 1
        if position + 1 >= len(tokens) or tokens[position].low not in (",", "e", "ed"):
            break
        nxt = phrases.np_right(view, position + 1, limit=10)
        if nxt is None or tokens[position + 1].is_capitalised != tokens[found[0][0]].is_capitalised:
            break
        found.append(nxt)
    return found


def _is_weapon(view: SentenceView, bounds: tuple[int, int]) -> bool:
    return any(view.tokens[i].low in phrases.weapons() for i in range(bounds[0], bounds[1] + 1))


def _agent_role(event_type: str, view: SentenceView, bounds: tuple[int, int]) -> str | None:
    if event_type == "Conflict:Explosion":
        return "Instrument" if _is_weapon(view, bounds) else None
    if event_type in _VIOLENT:
        return "Instrument" if _is_weapon(view, bounds) else "Attacker"
    if event_type in ("Life:Die", "Life:Injure"):
        return "Instrument" if _is_weapon(view, bounds) else "Agent"
    if event_type == "Movement:Transport":
        return "Agent"
    return "Entity"


def _patient_role(event_type: str) -> str:
    if event_type in _VIOLENT:
        return "Target"
    if event_type in ("Life:Die", "Life:Injure"):
        return "Victim"
    if event_type == "Movement:Transport":
        return "Artifact"
    return "Entity"


def _arguments(view, first, last, event_type, kind, entry) -> list[tuple[str, tuple[int, int]]]:
    arguments = (
        _verb_arguments(view, first, last, event_type, entry)
        if kind == "verb"
        else _noun_arguments(view, last, event_type)
    )
    low = phrases.clause_start(view, first)
    high = phrases.clause_end(view, last)
    taken = tuple(bounds for _, bounds in arguments)
    if event_type == "Movement:Transport":
        arguments = _movement(view, last, high, arguments)
    else:
        place = phrases.find_place(view, low, high, exclude=taken)
        if place is not None:
            arguments.append(("Place", place))
    time = phrases.find_time(view, low, high)
    if time is not None:
        arguments.append(("Time", time))
    return arguments


def _avere(low: str) -> bool:
    """Return True for a form of the auxiliary avere (``ha``, ``hanno``, ``avrebbero``...)."""
    if low in _AVERE:
        return True
    analysed = conditional_stem(low)
    return analysed is not None and analysed[0] == "avr"


def _movement(view, last, high, arguments) -> list[tuple[str, tuple[int, int]]]:
    """Add Destination (``a``/``in``/``verso`` + phrase) and Origin (``da`` + a name)."""
    tokens = view.tokens
    found = list(arguments)
    destination = origin = False
    for position in range(last + 1, min(high, len(tokens) - 2) + 1):
        low = tokens[position].low
        target = phrases.np_right(view, position + 1, limit=6)
        if target is None:
            continue
        if not destination and (low in phrases.TO or low in phrases.IN or low == "verso"):
            found.append(("Destination", target))
            destination = True
        elif not origin and low in phrases.BY and tokens[target[0]].is_capitalised:
            found = [item for item in found if item[1] != target]
            found.append(("Origin", target))
            origin = True
    return found


def _verb_arguments(view, first, last, event_type, entry) -> list[tuple[str, tuple[int, int]]]:
    tokens = view.tokens
    start = phrases.skip_verbal_left(view, first)
    participle = tokens[first].low.endswith(_PARTICIPLE_ENDINGS)
    has_avere = any(_avere(tokens[k].low) for k in range(start, first))
    passive = entry not in INTRANSITIVE and participle and not has_avere
    undergoer = passive or entry in INTRANSITIVE
    if start > 0 and tokens[start - 1].low == "che":
        subject = phrases.np_left(view, start - 1, governed=True)
    else:
        subject = phrases.np_left(view, start)
    arguments: list[tuple[str, tuple[int, int]]] = []
    if subject is None and undergoer:
        subjects = _objects(view, last)
    else:
        subjects = [subject] if subject else []
    for bounds in subjects:
        role = _patient_role(event_type) if undergoer else _agent_role(event_type, view, bounds)
        if event_type == "Conflict:Explosion" and undergoer:
            role = "Instrument" if _is_weapon(view, bounds) else None
        if role:
            arguments.append((role, bounds))
    if not undergoer:
        arguments += [(_patient_role(event_type), b) for b in _objects(view, last)]
    for position in range(last + 1, min(last + 6, len(tokens) - 1)):
        if tokens[position].is_punct:
            break
        if tokens[position].low in phrases.BY and passive:
            agent = phrases.np_right(view, position + 1)
            if agent is not None:
                role = _agent_role(event_type, view, agent)
                if role:
                    arguments.append((role, agent))
            break
    return arguments


def _noun_arguments(view, last, event_type) -> list[tuple[str, tuple[int, int]]]:
    tokens = view.tokens
    arguments: list[tuple[str, tuple[int, int]]] = []
    position = last + 1
    while position < len(tokens) and position <= last + 6:
        token = tokens[position]
        if token.is_punct or token.low in phrases.RELATIVES or phrases.is_verbal(token):
            break
        found = phrases.np_right(view, position + 1) if position + 1 < len(tokens) else None
        if found is None:
            position += 1
            continue
        low = token.low
        if low in phrases.OF and position == last + 1:
            armed = is_armed(view, *found)
            role = _agent_role(event_type, view, found) if armed else _patient_role(event_type)
            arguments.append((role, found))
        elif low == "contro":
            arguments.append((_patient_role(event_type), found))
        elif low in phrases.ON and not tokens[found[0]].is_capitalised:
            arguments.append((_patient_role(event_type), found))
        elif low in ("tra", "fra"):
            role = "Entity" if event_type == "Contact:Meet" else "Attacker"
            arguments += [(role, bounds) for bounds in _coordinated(view, found)]
        else:
            position += 1
            continue
        position = found[1] + 1
    return arguments


def _to_arguments(text: str, view: SentenceView, arguments) -> tuple[Argument, ...]:
    seen = set()
    result = []
    for role, (first, last) in sorted(arguments, key=lambda item: (item[1], item[0])):
        if (first, last) in seen:
            continue
        if not any(view.tokens[i].is_word for i in range(first, last + 1)):
            continue
        seen.add((first, last))
        result.append(Argument(role, token_span(text, view.tokens, first, last)))
    return tuple(result)


def _negated(view: SentenceView, first: int, kind: str) -> bool:
    tokens = view.tokens
    if kind == "noun":
        before = []
        for token in reversed(tokens[max(first - 4, 0) : first]):
            if token.is_punct:
                break
            before.append(token.low)
        return bool(set(before) & {"nessun", "nessuna", "nessuno", "senza", "non"})
    start = phrases.skip_verbal_left(view, first)
    return any(tokens[k].low in ("non", "né") for k in range(start, first))


def _certainty(view, first, kind, trigger, scopes) -> str:
    if not in_hedge_scope(trigger, scopes):
        return "certain"
    if kind == "noun" and first > 0 and view.tokens[first - 1].low in _DEFINITE:
        return "certain"
    return "uncertain"
