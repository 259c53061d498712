"""Cycles of parent links (an attribution nested in its own content), found in linear time.

A layer may reference itself (an attribution's ``parent_id``): each item has at most one
parent, so the links form chains, and a chain may close into a cycle. :func:`cycles` walks
every chain once (each item is visited once, whatever the chains' lengths), where following
each item's chain to its end would take time quadratic in the chain length, and cubic when
the walk also searches the chain so far. :func:`chain_text` shows a cycle in a message,
shortened when it is long, so that messages stay short too.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

Key = TypeVar("Key", bound=Hashable)

SHOWN = 6
"""Most members a message shows of one cycle."""


def cycles(links: Mapping[Key, object]) -> list[tuple[Key, ...]]:
    """Return every cycle of ``links`` (item -> its parent) once, in order of ``links``.

    A parent that is not a key of ``links`` (None, an unknown id, a value of the wrong type)
    ends the chain. Each cycle is listed from its member that comes first in ``links``,
    following the links; cycles are ordered by that member.
    """
    done: set[Key] = set()
    found: list[list[Key]] = []
    for start in links:
        if start in done:
            continue
        path: list[Key] = []
        position: dict[Key, int] = {}
        node: object = start
        while isinstance(node, Hashable) and node in links and node not in done:
            if node in position:
                found.append(path[position[node] :])
                break
            position[node] = len(path)
            path.append(node)
            node = links[node]
        done.update(path)
    order = {key: index for index, key in enumerate(links)}
    listed = []
    for cycle in found:
        first = min(range(len(cycle)), key=lambda index: order[cycle[index]])
        listed.append(tuple(cycle[first:] + cycle[:first]))
    return sorted(listed, key=lambda cycle: order[cycle[0]])


def chain_text(cycle: Sequence[object], *, start: int = 0, shown: int = SHOWN) -> str:
    """Return the cycle from member ``start`` as ``A -> B -> A``; long: ``A -> B -> ... -> A (N)``.

    Only the shown members are rendered, so describing every member of a long cycle stays
    linear in the cycle's length.
    """
    size = len(cycle)
    first = str(cycle[start % size])
    if size <= shown:
        names = [str(cycle[(start + offset) % size]) for offset in range(size)]
        return " -> ".join([*names, first])
    names = [str(cycle[(start + offset) % size]) for offset in range(shown - 1)]
    return " -> ".join([*names, "...", first]) + f" ({size} items)"
