"""The ``contrast_consistency`` section of a results file (contrast split only).

Contrast consistency (:mod:`benchmark.scoring.consistency`, Gardner et al. 2020) per match
mode and phenomenon, plus an overall row over every group::

    "contrast_consistency": {
      "exact": {
        "phenomena": {PHENOMENON: {"groups": 4, "consistent": 1, "consistency": 0.25,
                                   "inconsistent_groups": ["c01", "c03", "c04"]}, ...},
        "overall": {"groups": 35, "consistent": 9, "consistency": 0.2571...}},
      "overlap": {...}}

``consistency`` is ``consistent / groups`` (0.0 for no group), or ``null`` with
``consistent: 0`` when a subtask the phenomenon's layer needs was not scored (not attempted):
no number, never a zero. The overall row is the sum over phenomena; its share is ``null``
when any phenomenon's is. Loading checks every share against its counts and the overall row
against the phenomena. Files scored on the test split have no such section.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmark.errors import DataError
from benchmark.json_input import kind
from benchmark.scoring.consistency import Consistency
from benchmark.scoring.metrics import ZERO_DIVISION

SECTION = "contrast_consistency"
"""Key of the section in the results JSON."""

OVERALL = "overall"
"""Name of the row summing every phenomenon."""

_TOLERANCE = 1e-9


@dataclass(frozen=True)
class ConsistencySection:
    """Contrast consistency of every phenomenon in one match mode."""

    mode: str
    """Match mode the documents were judged in."""
    phenomena: tuple[Consistency, ...]
    """One entry per phenomenon, in spec order."""

    @property
    def overall(self) -> Consistency:
        """The sum over phenomena (share None when any phenomenon has none)."""
        groups = sum(row.groups for row in self.phenomena)
        consistent = sum(row.consistent for row in self.phenomena)
        unknown = any(row.consistency is None for row in self.phenomena)
        share = None if unknown else (consistent / groups if groups else ZERO_DIVISION)
        failed = tuple(g for row in self.phenomena for g in row.inconsistent_groups)
        return Consistency(OVERALL, groups, consistent, share, failed)


def sections_from_consistency(
    by_mode: Mapping[str, Mapping[str, Consistency]],
) -> tuple[ConsistencySection, ...]:
    """Return the sections of ``mode -> phenomenon -> Consistency`` (insertion order kept)."""
    return tuple(
        ConsistencySection(mode=mode, phenomena=tuple(rows.values()))
        for mode, rows in by_mode.items()
    )


def section_find(sections: Sequence[ConsistencySection], mode: str) -> ConsistencySection | None:
    """Return the section of ``mode``, or None."""
    return next((section for section in sections if section.mode == mode), None)


def to_dict(sections: Sequence[ConsistencySection]) -> dict[str, Any]:
    """Return the JSON-ready section."""
    return {
        section.mode: {
            "phenomena": {
                row.phenomenon: {
                    "groups": row.groups,
                    "consistent": row.consistent,
                    "consistency": row.consistency,
                    "inconsistent_groups": list(row.inconsistent_groups),
                }
                for row in section.phenomena
            },
            OVERALL: _overall_dict(section.overall),
        }
        for section in sections
    }


def from_dict(value: Any, *, file: str | Path | None = None) -> tuple[ConsistencySection, ...]:
    """Parse the section (``None``: absent, an empty tuple); DataError naming the JSON path."""
    if value is None:
        return ()
    modes = _mapping(value, SECTION, file)
    sections = []
    for mode, body in modes.items():
        where = f"{SECTION}.{mode}"
        body = _mapping(body, where, file)
        phenomena = _mapping(body.get("phenomena"), f"{where}.phenomena", file)
        rows = tuple(
            _row(
                name,
                _mapping(row, f"{where}.phenomena.{name}", file),
                f"{where}.phenomena.{name}",
                file,
            )
            for name, row in phenomena.items()
        )
        section = ConsistencySection(mode=mode, phenomena=rows)
        stored = _mapping(body.get(OVERALL), f"{where}.{OVERALL}", file)
        expected = _overall_dict(section.overall)
        if {key: stored.get(key) for key in expected} != expected:
            raise DataError(
                f"does not sum the phenomena (expected {expected})",
                file=file,
                field=f"{where}.{OVERALL}",
            )
        sections.append(section)
    return tuple(sections)


def _overall_dict(row: Consistency) -> dict[str, Any]:
    return {"groups": row.groups, "consistent": row.consistent, "consistency": row.consistency}


def _row(name: str, body: dict[str, Any], where: str, file: str | Path | None) -> Consistency:
    counts = {}
    for key in ("groups", "consistent"):
        value = body.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise DataError(
                f"expected an integer >= 0, got {_shown(value)}", file=file, field=f"{where}.{key}"
            )
        counts[key] = value
    if counts["consistent"] > counts["groups"]:
        raise DataError(
            "more consistent groups than groups", file=file, field=f"{where}.consistent"
        )
    share = body.get("consistency")
    if share is not None:
        if isinstance(share, bool) or not isinstance(share, int | float) or abs(share) > 1:
            raise DataError(
                f"expected a share from 0 to 1 or null, got {_shown(share)}",
                file=file,
                field=f"{where}.consistency",
            )
        groups = counts["groups"]
        expected = counts["consistent"] / groups if groups else ZERO_DIVISION
        if abs(share - expected) > _TOLERANCE:
            raise DataError(
                f"{share} does not follow from consistent/groups (expected {expected})",
                file=file,
                field=f"{where}.consistency",
            )
        share = float(share)
    elif counts["consistent"]:
        raise DataError("null share with consistent groups", file=file, field=f"{where}.consistent")
    failed = body.get("inconsistent_groups", [])
    if not isinstance(failed, list) or not all(isinstance(g, str) for g in failed):
        raise DataError(
            "expected a list of group ids", file=file, field=f"{where}.inconsistent_groups"
        )
    return Consistency(name, counts["groups"], counts["consistent"], share, tuple(failed))


def _shown(value: Any) -> str:
    """Return a short rendering of a JSON value for a message (never a deep repr)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = str(value)
        return text if len(text) <= 40 else f"an integer of {len(text)} digits"
    return kind(value)


def _mapping(value: Any, where: str, file: str | Path | None) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DataError(f"expected an object, got {type(value).__name__}", file=file, field=where)
    return value
