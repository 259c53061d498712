"""Italian verb morphology: regular inflections of a lemma and conditional-mood recognition.

Only the forms a news report uses are generated: infinitive, third-person present,
imperfect, simple past, future and conditional, past participle (four agreement forms) and
gerund, with the spelling rules of standard Italian grammar (-care/-gare keep the hard
sound with an h; -ciare/-giare drop the i before e). Irregular forms are listed in the
lexicons.
"""

from __future__ import annotations

from functools import cache

from baselines import lexicon

_ENDINGS = {
    "are": ("a", "ano", "ava", "avano", "ò", "arono", "ato", "ata", "ati", "ate", "ando"),
    "ere": ("e", "ono", "eva", "evano", "é", "ette", "erono", "uto", "uta", "uti", "ute", "endo"),
    "ire": ("e", "ono", "iva", "ivano", "ì", "irono", "ito", "ita", "iti", "ite", "endo"),
    "isc": ("isce", "iscono", "iva", "ivano", "ì", "irono", "ito", "ita", "iti", "ite", "endo"),
}
_FUTURE = ("à", "anno", "ebbe", "ebbero")


def _future_stem(lemma: str, conjugation: str) -> str:
    """Return the stem of the future and conditional (``pubblicher``, ``annuncer``, ``finir``)."""
    stem = lemma[:-3]
    if conjugation == "are":
        if stem.endswith(("c", "g")):
            return stem + "her"
        if stem.endswith(("ci", "gi")):
            return stem[:-1] + "er"
        return stem + "er"
    if conjugation == "ere":
        return stem + "er"
    return stem + "ir"


def verb_forms(lemma: str, conjugation: str, irregular: tuple[str, ...] = ()) -> frozenset[str]:
    """Return the lower-case forms of ``lemma`` in ``conjugation`` (are, ere, ire, isc)."""
    if conjugation not in _ENDINGS:
        raise ValueError(f"unknown conjugation {conjugation!r} for {lemma!r}")
    stem = lemma[:-3]
    forms = {lemma}
    forms.update(stem + ending for ending in _ENDINGS[conjugation])
    future = _future_stem(lemma, conjugation)
    forms.update(future + ending for ending in _FUTURE)
    forms.update(form.strip().lower() for form in irregular if form.strip())
    return frozenset(forms)


def nonfinite_forms(lemma: str, conjugation: str) -> frozenset[str]:
    """Return the infinitive and the regular past participles of ``lemma``."""
    stem = lemma[:-3]
    vowel = {"are": "at", "ere": "ut", "ire": "it", "isc": "it"}[conjugation]
    return frozenset({lemma, *(stem + vowel + ending for ending in "oaie")})


@cache
def _conditional_tables() -> dict[str, frozenset[str]]:
    """Return the conditional lexicon grouped by kind."""
    return lexicon.classes("conditional")


def conditional_stem(word: str) -> tuple[str, str] | None:
    """Return ``(stem, ending)`` when ``word`` is a present-conditional form, else None.

    A form is an irregular stem from the lexicon plus a person ending (``sar`` +
    ``ebbero``), or a regular stem of at least two letters plus ``er``/``ir``/``ar`` plus
    an ending (``conferm`` + ``er`` + ``ebbero``). Look-alike nouns are excluded.
    """
    low = word.lower()
    tables = _conditional_tables()
    if low in tables["not_verb"]:
        return None
    for ending in sorted(tables["ending"], key=len, reverse=True):
        if not low.endswith(ending):
            continue
        base = low[: -len(ending)]
        for stem in sorted(tables["stem"], key=len, reverse=True):
            if base.endswith(stem) and len(base) >= len(stem):
                return base, ending
        if len(base) >= 4 and base[-1] == "r" and base[-2] in "ei":
            return base, ending
    return None


def is_third_person(ending: str) -> bool:
    """Return True for the third-person endings ``ebbe`` and ``ebbero``."""
    return ending in ("ebbe", "ebbero")


def stem_in(stem: str, kind: str) -> bool:
    """Return True when the conditional ``stem`` is a stem of lexicon class ``kind``."""
    return stem in _conditional_tables()[kind]


def is_auxiliary_participle(word: str) -> bool:
    """Return True for the participles of essere in a compound conditional (``stati``...)."""
    return word.lower() in _conditional_tables()["participle"]


def is_condition_word(word: str) -> bool:
    """Return True for words introducing a genuine condition (``se``, ``qualora``)."""
    return word.lower() in _conditional_tables()["condition"]
