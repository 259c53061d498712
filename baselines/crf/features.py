"""Token features of the ``crf`` baseline (one feature dict per token, python-crfsuite style).

Every token ``w`` (the document text between its offsets) gets, with ``low`` = ``w`` lower-cased
and the typographic apostrophe mapped to ``'``:

- ``bias``; ``low``; suffixes ``suf2``/``suf3``/``suf4`` and prefix ``pre3`` of ``low`` (the
  Italian conditional mood lives in the endings: ``-rebbe``, ``-rebbero``...);
- shape: ``title`` (capitalised), ``upper`` (all capitals, 2+ letters), ``digit`` (all digits),
  ``numlike`` (a digit-initial token such as ``1.200`` or ``21esimo``), ``punct`` (the mark
  itself, for a punctuation token), ``elided`` (ends with an apostrophe: ``dell'``);
- ``quoted``: a quotation is open at the token (see :func:`quote_mask`);
- position: ``first``, ``last``, and ``third`` = which third of the sentence (``0``/``1``/``2``);
- cue flags from the small general-Italian lists below: ``cond`` (a conditional-mood ending),
  ``numword`` (a number word), ``report`` (a verbum dicendi or ``secondo``), ``epistemic``
  (a modal adverb or verb of doubt), ``casualty`` (a death/injury word);
- a window of +-2 words: ``-2:low``, ``-1:low``, ``+1:low``, ``+2:low``, and for the
  neighbours at +-1 also their ``suf3``, ``title`` and ``cond``; ``BOS``/``EOS`` when the window
  runs off the sentence.

The lists were written for this module from general Italian grammar (the conditional
endings of the three conjugations; common verba dicendi; cardinal number words; common
epistemic adverbs; common casualty words); no wording comes from the corpus article.
All values are strings or ``True``, so crfsuite sees binary features only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from benchmark.dataset.schema import Document

CONDITIONAL_ENDING = re.compile(r"\w{2,}(?:rei|resti|rebbe|remmo|reste|rebbero)$")
"""Present-conditional endings of all three conjugations (``sarebbe``, ``potrebbero``)."""

NUMBER_WORDS = frozenset(
    "due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici "
    "quindici sedici diciassette diciotto diciannove venti trenta quaranta cinquanta "
    "sessanta settanta ottanta novanta cento mille mila milione milioni miliardo miliardi "
    "decina decine ventina dozzina centinaio centinaia migliaio migliaia".split()
)
"""Italian cardinal and approximate number words (``un``/``una`` left out: mostly articles)."""

REPORTING_WORDS = frozenset(
    "secondo dice dicono detto dichiara dichiarano dichiarato afferma affermano affermato "
    "riferisce riferiscono riferito annuncia annunciato spiega spiegato sostiene sostenuto "
    "riporta riportano riportato scrive scritto aggiunge aggiunto ribadisce ribadito "
    "conferma confermato racconta raccontato precisa precisato".split()
)
"""Common Italian verba dicendi (present and past participle) and ``secondo``."""

EPISTEMIC_WORDS = frozenset(
    "forse probabilmente presumibilmente possibilmente verosimilmente apparentemente "
    "sembra sembrano pare paiono potrebbe potrebbero possibile probabile".split()
)
"""Common Italian modal adverbs, adjectives and verbs of possibility or appearance."""

CASUALTY_WORDS = frozenset(
    "morto morta morti morte uccisi uccise ucciso uccisa feriti ferite ferito ferita "
    "vittima vittime deceduto deceduti deceduta decedute dispersi disperso".split()
)
"""Common Italian words for the dead, the killed, the injured and casualties."""

OPENING_QUOTES = frozenset("“«")
"""Marks that always open a quotation."""
CLOSING_QUOTES = frozenset("”»")
"""Marks that always close a quotation."""
STRAIGHT_QUOTE = '"'
"""The straight double quote: opens when no quotation is open, else closes."""
QUOTE_MARKS = OPENING_QUOTES | CLOSING_QUOTES | {STRAIGHT_QUOTE}
"""Every double quotation mark."""

FeatureDict = dict[str, str | bool]
"""One token's features: ``name -> value`` (a string value or ``True``)."""


def normalise(word: str) -> str:
    """Return ``word`` lower-cased with the typographic apostrophe mapped to ``'``."""
    return word.lower().replace("’", "'")


def quote_mask(document: Document) -> tuple[bool, ...]:
    """Return, per character offset, whether a quotation is open just before that character.

    Double quotes only: ``“``/``«`` open, ``”``/``»`` close, a straight ``"`` toggles. The
    state is reset at every paragraph start, so an unclosed quotation cannot leak into the
    next paragraph; text outside every paragraph is never quoted. An opening mark is thus
    not quoted itself and a closing mark is.
    """
    text = document.text
    mask = [False] * len(text)
    for paragraph in document.paragraphs:
        open_now = False
        for offset in range(paragraph.start, paragraph.end):
            mask[offset] = open_now
            char = text[offset]
            if char in OPENING_QUOTES:
                open_now = True
            elif char in CLOSING_QUOTES:
                open_now = False
            elif char == STRAIGHT_QUOTE:
                open_now = not open_now
    return tuple(mask)


def _word_features(low: str) -> FeatureDict:
    """Return the features of one lower-cased word that the window features reuse."""
    features: FeatureDict = {"low": low, "suf3": low[-3:]}
    if CONDITIONAL_ENDING.match(low):
        features["cond"] = True
    return features


def token_features(words: Sequence[str], index: int, *, quoted: bool) -> FeatureDict:
    """Return the features of ``words[index]`` in its sentence ``words``."""
    word = words[index]
    low = normalise(word)
    features: FeatureDict = {"bias": True, **_word_features(low)}
    features.update({"suf2": low[-2:], "suf4": low[-4:], "pre3": low[:3]})
    if word[:1].isupper():
        features["title"] = True
    if len(word) > 1 and word.isupper():
        features["upper"] = True
    if word.isdigit():
        features["digit"] = True
    if word[:1].isdigit():
        features["numlike"] = True
    if not word[:1].isalnum():
        features["punct"] = word
    if low.endswith("'"):
        features["elided"] = True
    if quoted:
        features["quoted"] = True
    for flag, vocabulary in (
        ("numword", NUMBER_WORDS),
        ("report", REPORTING_WORDS),
        ("epistemic", EPISTEMIC_WORDS),
        ("casualty", CASUALTY_WORDS),
    ):
        if low in vocabulary:
            features[flag] = True
    if index == 0:
        features["first"] = True
    if index == len(words) - 1:
        features["last"] = True
    features["third"] = str(3 * index // len(words))
    for offset in (-2, -1, 1, 2):
        position = index + offset
        prefix = f"{offset:+d}:"
        if not 0 <= position < len(words):
            features[prefix + ("BOS" if offset < 0 else "EOS")] = True
            continue
        neighbour = words[position]
        neighbour_low = normalise(neighbour)
        features[prefix + "low"] = neighbour_low
        if abs(offset) == 1:
            for name, value in _word_features(neighbour_low).items():
                if name != "low":
                    features[prefix + name] = value
            if neighbour[:1].isupper():
                features[prefix + "title"] = True
    return features


def sentence_features(
    text: str, starts: Sequence[int], ends: Sequence[int], *, mask: Sequence[bool]
) -> list[FeatureDict]:
    """Return one feature dict per token of a sentence given by token offsets into ``text``.

    ``mask`` is the document's :func:`quote_mask`.
    """
    words = [text[start:end] for start, end in zip(starts, ends, strict=True)]
    return [token_features(words, index, quoted=mask[start]) for index, start in enumerate(starts)]
