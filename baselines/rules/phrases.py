"""Shallow Italian syntax for the rules baseline: word classes, noun phrases, clause edges.

No parser: noun phrases are runs of determiners, content words and ``di``-complements;
clauses are delimited by punctuation and by the comma-plus-marker patterns of
data/GUIDELINES.md section 6.3. Word classes come from the lexicon files.
"""

from __future__ import annotations

from functools import cache

from baselines import lexicon
from baselines.morphology import conditional_stem, nonfinite_forms, verb_forms
from baselines.tokens import QUOTE_OPEN, SentenceView, Token

ARTICLES = lexicon.function_words("article") | lexicon.function_words("determiner")
OF = lexicon.function_words("of")
TO = lexicon.function_words("to")
BY = lexicon.function_words("by")
IN = lexicon.function_words("in")
ON = lexicon.function_words("on")
PREPOSITIONS = TO | BY | IN | ON | lexicon.function_words("preposition")
CONJUNCTIONS = lexicon.function_words("conjunction")
RELATIVES = lexicon.function_words("relative")
CLITICS = lexicon.function_words("clitic")
NEGATIONS = lexicon.function_words("negation")
AUXILIARIES = lexicon.function_words("auxiliary")
PASSIVE_AUXILIARIES = lexicon.function_words("passive")
TIME_WORDS = lexicon.function_words("time")
ADVERBS = frozenset(
    "anche poi già ancora inoltre sempre più mai solo soltanto subito infine appena ora "
    "tuttavia quindi dunque pure almeno oltre circa quasi ben".split()
)
PARTICIPLE_ENDINGS = ("ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "uto", "uta", "uti")
# Irregular past participles (accolto, distrutte, scritti, sciolta) after a comma.
IRREGULAR_PARTICIPLE_ENDINGS = ("tto", "tta", "tti", "tte", "olto", "olta", "olti", "olte", "ute")
GERUND_ENDINGS = ("ando", "endo")
CLAUSE_PUNCTUATION = frozenset(";:()[]—–")


@cache
def reporting_forms() -> dict[str, str]:
    """Return every form of the reporting verbs -> its role (``speech`` or ``cite``)."""
    forms: dict[str, str] = {}
    for row in lexicon.rows("reporting_verbs"):
        irregular = tuple(lexicon.column(row, 3).split(","))
        for form in verb_forms(row[0], row[1], irregular):
            forms.setdefault(form, row[2])
    return forms


@cache
def reporting_nonfinite() -> frozenset[str]:
    """Return the infinitives and past participles of the reporting verbs."""
    found: set[str] = set()
    for row in lexicon.rows("reporting_verbs"):
        found.update(nonfinite_forms(row[0], row[1]))
        found.update(
            form
            for form in lexicon.column(row, 3).split(",")
            if form.endswith(("tto", "tta", "tti", "tte", "so", "sa", "si", "se", "to", "ta"))
        )
    return frozenset(found)


@cache
def event_forms() -> dict[tuple[str, ...], tuple[str, str, str]]:
    """Return trigger token tuple -> (event type, ``noun`` or ``verb``, lexicon entry)."""
    forms: dict[tuple[str, ...], tuple[str, str, str]] = {}
    for row in lexicon.rows("event_triggers"):
        entry, kind, event_type = row[0], row[1], row[2]
        extra = tuple(form for form in lexicon.column(row, 3).split(",") if form)
        if kind == "noun":
            for form in (entry, *extra):
                forms.setdefault(tuple(form.split()), (event_type, "noun", entry))
        else:
            for form in verb_forms(entry, kind, extra):
                forms.setdefault((form,), (event_type, "verb", entry))
    return forms


@cache
def weapons() -> frozenset[str]:
    """Return the weapon nouns (Instrument fillers)."""
    return lexicon.words("weapons")


def is_verbal(token: Token) -> bool:
    """Return True for auxiliaries, reporting and event verb forms and conditionals."""
    low = token.low
    if low in AUXILIARIES or low in reporting_forms() or conditional_stem(low):
        return True
    entry = event_forms().get((low,))
    return bool(entry and entry[1] == "verb")


def is_closed(low: str) -> bool:
    """Return True for a closed-class word (article, preposition, conjunction...)."""
    return (
        low in ARTICLES
        or low in OF
        or low in PREPOSITIONS
        or low in CONJUNCTIONS
        or low in RELATIVES
        or low in CLITICS
        or low in NEGATIONS
        or low in ADVERBS
    )


def is_content(token: Token) -> bool:
    """Return True for a noun/adjective-like token (a word or number, not closed, not verbal)."""
    if token.is_punct:
        return False
    if token.is_word and (is_closed(token.low) or token.low.endswith("mente")):
        return False
    return not is_verbal(token)


def np_right(
    view: SentenceView, first: int, *, apposition: bool = False, limit: int = 12
) -> tuple[int, int] | None:
    """Return ``(first, last)`` of the noun phrase starting at token ``first``, or None.

    Determiners, then content words and ``di``-complements. With ``apposition``, a comma
    followed by capitalised words (a name) is included.
    """
    tokens = view.tokens
    position = first
    while position < len(tokens) and tokens[position].low in ARTICLES:
        position += 1
    last = None
    while position < len(tokens) and position - first < limit:
        token = tokens[position]
        if is_content(token):
            last = position
            position += 1
        elif _negated_participle(tokens, position) and last is not None:
            last = position + 1
            position += 2
        elif token.low in OF and last is not None and position + 1 < len(tokens):
            nxt = tokens[position + 1]
            if not (is_content(nxt) or nxt.low in ARTICLES):
                break
            position += 1
            while position < len(tokens) and tokens[position].low in ARTICLES:
                position += 1
        else:
            break
    if last is None:
        return None
    if apposition:
        last = _extend_apposition(view, last)
    return first, last


def _negated_participle(tokens: tuple[Token, ...], position: int) -> bool:
    """Return True for "non" + a participle inside a noun phrase ("fonti non confermate")."""
    if tokens[position].low != "non" or position + 1 >= len(tokens):
        return False
    return tokens[position + 1].low.endswith(PARTICIPLE_ENDINGS + IRREGULAR_PARTICIPLE_ENDINGS)


def _extend_apposition(view: SentenceView, last: int) -> int:
    tokens = view.tokens
    position = last + 1
    if (
        position + 1 < len(tokens)
        and tokens[position].text == ","
        and tokens[position + 1].is_capitalised
    ):
        end = position + 1
        while end + 1 < len(tokens) and (
            tokens[end + 1].is_capitalised or tokens[end + 1].low in OF
        ):
            end += 1
        while tokens[end].low in OF:
            end -= 1
        return end
    return last


def np_left(view: SentenceView, end: int, *, governed: bool = False) -> tuple[int, int] | None:
    """Return ``(first, last)`` of the noun phrase ending just before token ``end``, or None.

    A comma right before ``end`` preceded by a capitalised name is taken as a closing
    apposition ("il sindaco, Mario Rossi, ha detto"); the comma itself is excluded. A
    phrase governed by a preposition is rejected (it is no subject) unless ``governed``.
    """
    tokens = view.tokens
    last = end - 1
    if last >= 0 and tokens[last].text == ",":
        last -= 1
    if last < 0 or not is_content(tokens[last]):
        return None
    position = last
    while position > 0:
        previous = tokens[position - 1]
        if tokens[position].low in ARTICLES:
            break
        if is_content(previous) or previous.low in OF or previous.low in ARTICLES:
            if previous.low in TIME_WORDS:
                break
            position -= 1
        elif previous.text == "," and position >= 2 and tokens[position].is_capitalised:
            position -= 1
        else:
            break
    while position <= last and (tokens[position].low in OF or tokens[position].text == ","):
        position += 1
    if position > last:
        return None
    if not governed and position > 0 and tokens[position - 1].low in PREPOSITIONS - OF:
        return None
    return position, last


def clause_start(view: SentenceView, index: int) -> int:
    """Return the first token of the clause of token ``index`` (leading conjunctions skipped)."""
    tokens = view.tokens
    position = index
    while position > 0:
        previous = tokens[position - 1]
        if previous.text == "," or previous.text in CLAUSE_PUNCTUATION or previous.text in '"“”«»':
            break
        position -= 1
    while position < index and tokens[position].low in CONJUNCTIONS:
        position += 1
    return position


def comma_stops(view: SentenceView, comma: int) -> bool:
    """Return True when the comma at ``comma`` ends a clause (section 6.3 markers follow it)."""
    tokens = view.tokens
    if comma + 1 >= len(tokens):
        return True
    nxt = tokens[comma + 1]
    low = nxt.low
    if low in RELATIVES or low in ("secondo", "stando", "mentre", "ma", "però"):
        return True
    if (
        low == "almeno"
        and comma + 2 < len(tokens)
        and tokens[comma + 2].low in ("secondo", "stando")
    ):
        return True
    if (
        low in ("a", "ad")
        and comma + 2 < len(tokens)
        and tokens[comma + 2].low in ("detta", "quanto")
    ):
        return True
    endings = PARTICIPLE_ENDINGS + IRREGULAR_PARTICIPLE_ENDINGS + GERUND_ENDINGS
    if low.endswith(endings) and nxt.is_word and not nxt.is_capitalised:
        return True
    if low in reporting_forms() or low in AUXILIARIES:
        return True
    return low in ARTICLES and comma + 2 < len(tokens) and tokens[comma + 2].low in RELATIVES


def clause_end(view: SentenceView, index: int, *, any_comma: bool = False) -> int:
    """Return the last token of the clause holding token ``index`` (final punctuation excluded)."""
    tokens = view.tokens
    position = index
    while position + 1 < len(tokens):
        nxt = tokens[position + 1]
        if nxt.text in CLAUSE_PUNCTUATION or nxt.text in '"“”«»':
            break
        if nxt.text == "," and (any_comma or comma_stops(view, position + 1)):
            break
        position += 1
    while position > index and tokens[position].is_punct:
        position -= 1
    return position


def claim_start(view: SentenceView, index: int) -> int:
    """Return the first token of the stretch before ``index`` (after ``;``/``:`` or at start)."""
    tokens = view.tokens
    position = index
    while position > 0 and tokens[position - 1].text not in (";", ":"):
        position -= 1
    while position < index and (tokens[position].text in QUOTE_OPEN or tokens[position].is_punct):
        position += 1
    return position


def skip_verbal_left(view: SentenceView, index: int) -> int:
    """Return where the subject ends: skip auxiliaries, clitics, adverbs and negation leftwards."""
    tokens = view.tokens
    position = index
    while position > 0:
        previous = tokens[position - 1]
        low = previous.low
        if (
            low in AUXILIARIES
            or low in CLITICS
            or low in ADVERBS
            or low in NEGATIONS
            or low.endswith("mente")
            or conditional_stem(low)
            or low in ("tenuto", "voluto", "voluta", "voluti", "tenuta", "tenuti")
            or (
                low in ("a", "di")
                and position >= 2
                and tokens[position - 2].low in ("tenuto", "tenuta")
            )
        ):
            position -= 1
            continue
        break
    return position


def find_place(
    view: SentenceView, low: int, high: int, *, exclude: tuple[tuple[int, int], ...] = ()
) -> tuple[int, int] | None:
    """Return the first place phrase in tokens ``low..high`` (preposition + phrase with a name)."""
    tokens = view.tokens
    for position in range(max(low, 0), min(high, len(tokens) - 1) + 1):
        if tokens[position].low not in (TO | IN | ON) or position + 1 >= len(tokens):
            continue
        found = np_right(view, position + 1, limit=6)
        if found is None:
            continue
        if any(a <= found[0] <= b for a, b in exclude):
            continue
        if any(tokens[i].is_capitalised for i in range(found[0], found[1] + 1)):
            return found
    return None


def find_time(view: SentenceView, low: int, high: int) -> tuple[int, int] | None:
    """Return the first time expression in tokens ``low..high`` (``ieri``, ``ultime 24 ore``)."""
    tokens = view.tokens
    for position in range(max(low, 0), min(high, len(tokens) - 1) + 1):
        token = tokens[position]
        if token.low not in TIME_WORDS or (position == 0 and token.low in ("ore",)):
            continue
        first = position
        while first > 0 and (
            tokens[first - 1].text[:1].isdigit()
            or tokens[first - 1].low
            in ("ultime", "ultimi", "poche", "pochi", "questa", "questo", "prime", "primi")
        ):
            first -= 1
        if token.low in ("ore", "giorni", "settimane") and first == position:
            continue
        last = position
        if last + 1 < len(tokens) and tokens[last + 1].low in (
            "scorsa",
            "scorso",
            "stessa",
            "stesso",
        ):
            last += 1
        return first, last
    return None
