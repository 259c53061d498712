"""Victim groups of casualty records (data/GUIDELINES.md section 4.8, schema 2.0).

The words of the victim noun phrase (and the two tokens after the status word) are looked up
in ``lexicons/victim_groups.tsv``, longest token sequence first ("forze dell'ordine" is police,
"forze" alone military). The first group of the 4.8 order that occurs wins; a demonym ("i
russi") is ``military`` only after a status word of losses ("perdite", "caduti"); nothing
found is ``people``. Mixed groups ("soldati e civili": ``other`` in 4.8) are not recognised:
the victim phrases of :mod:`baselines.rules.casualties` stop before a coordination.
"""

from __future__ import annotations

from functools import cache

from baselines import lexicon
from baselines.tokens import SentenceView, ngram

ORDER: tuple[str, ...] = (
    "children",
    "armed_group",
    "military",
    "police",
    "international_staff",
    "civilians",
    "other",
)
"""The specific groups in the order of section 4.8 (the first that matches wins)."""
DEFAULT = "people"
"""The group of victims the words do not describe."""
DEMONYM = "demonym"
"""Lexicon class of a nationality or capital naming a side."""
ARMED: frozenset[str] = frozenset({"military", "police", "armed_group", DEMONYM})
"""Classes of armed actors (an event noun's ``di`` complement of this class is its agent)."""

_LOSSES = frozenset({"perdite", "caduti"})


@cache
def _entries() -> dict[tuple[str, ...], str]:
    """Return token sequence -> class."""
    return {tuple(word.split()): group for word, group in lexicon.mapping("victim_groups").items()}


@cache
def _longest() -> int:
    return max(len(words) for words in _entries())


def classes_in(view: SentenceView, first: int, last: int) -> list[str]:
    """Return the lexicon classes of tokens ``first..last``, longest sequences first."""
    lows = view.lows()
    found = []
    position = first
    while position <= last:
        for size in range(min(_longest(), last - position + 1), 0, -1):
            group = _entries().get(ngram(lows, position, size) or ())
            if group is not None:
                found.append(group)
                position += size
                break
        else:
            position += 1
    return found


def is_armed(view: SentenceView, first: int, last: int) -> bool:
    """Return True when tokens ``first..last`` name soldiers, police, fighters or a side."""
    return any(group in ARMED for group in classes_in(view, first, last))


def victim_group(view: SentenceView, victim: tuple[int, int], trigger: tuple[int, int]) -> str:
    """Return the group of the victims ``victim`` of the status word ``trigger`` (4.8)."""
    found = classes_in(view, *victim)
    after = [
        position
        for position in range(trigger[1] + 1, min(trigger[1] + 3, len(view.tokens)))
        if not view.tokens[position].is_punct
    ]
    for position in after:
        found += classes_in(view, position, position)
    for group in ORDER:
        if group in found:
            return group
    status = {view.tokens[i].low for i in range(trigger[0], trigger[1] + 1)}
    if DEMONYM in found and DEFAULT not in found and status & _LOSSES:
        return "military"
    return DEFAULT
