"""Read and check the contrast edit specification ``data/contrast/edits.yaml``.

Shape (see ``data/contrast/README.md``)::

    doc_id: kharkiv-001          # the source document every group edits
    groups:
      - group: c01               # c<n>, unique
        phenomenon: hedging.conditional_to_indicative   # a key of PHENOMENA
        layer: hedges            # gold layer the phenomenon concerns
        paragraph: 0             # 0-based paragraph index (benchmark.dataset.text.paragraphs)
        items:
          - id: e1               # e<n>, unique in the group
            note: "one line: the expected behaviour"
            edits:
              - {op: replace, old: "sarebbero stati", new: "sono stati"}
            gold_changes:
              - {layer: hedges, id: H1, action: delete}

Every problem raises :class:`~benchmark.errors.DataError` naming the file, the
line, the item (``c01/e1``) and the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmark.dataset.contrast.phenomena import PHENOMENA
from benchmark.dataset.documents import read_text
from benchmark.dataset.layers import LAYERS
from benchmark.dataset.yaml_lines import LineDict, load_yaml
from benchmark.errors import DataError

GROUP_KEYS = ("group", "phenomenon", "layer", "paragraph", "items")
ITEM_KEYS_SPEC = ("id", "note", "edits", "gold_changes")
EDIT_OPS = ("replace", "insert", "delete")
CHANGE_ACTIONS = ("delete", "set", "add")


@dataclass(frozen=True)
class Edit:
    """One text edit, located in the ORIGINAL paragraph text."""

    op: str
    """``replace``, ``insert`` or ``delete``."""
    anchor: str
    """``old`` (replace/delete) or the ``after``/``before`` string (insert)."""
    side: str
    """``old``, ``after`` or ``before``."""
    new: str
    """Replacement or inserted text (empty for delete)."""
    occurrence: int | None
    """1-based occurrence of ``anchor`` in the paragraph; None: it must be unique."""
    line: int
    """Line of the edit in the spec file."""


@dataclass(frozen=True)
class GoldChange:
    """A declared change of the carried-over gold."""

    layer: str
    """``events``, ``casualties``, ``attributions`` or ``hedges``."""
    action: str
    """``delete``, ``set`` or ``add``."""
    item_id: str | None
    """Id of the carried item (delete/set); None for add."""
    values: Any
    """The ``set`` mapping or the ``add`` item (a FORMAT.md item); None for delete."""
    line: int
    """Line of the change in the spec file."""


@dataclass(frozen=True)
class ContrastItem:
    """One edited variant of a group's paragraph."""

    item_id: str
    """``e<n>``."""
    note: str
    """The expected behaviour, one line."""
    edits: tuple[Edit, ...]
    """Edits applied to the original paragraph."""
    changes: tuple[GoldChange, ...]
    """Declared gold changes."""
    line: int
    """Line of the item in the spec file."""


@dataclass(frozen=True)
class ContrastGroup:
    """An original paragraph and its edited variants."""

    group: str
    """Group id ``c<n>``."""
    phenomenon: str
    """A key of :data:`~benchmark.dataset.contrast.phenomena.PHENOMENA`."""
    layer: str
    """Gold layer the phenomenon concerns (consistency is judged on it)."""
    paragraph: int
    """0-based paragraph index in the source document."""
    items: tuple[ContrastItem, ...]
    """The edited variants (1-4)."""
    line: int
    """Line of the group in the spec file."""


@dataclass(frozen=True)
class ContrastSpec:
    """The whole specification."""

    doc_id: str
    """Source document."""
    groups: tuple[ContrastGroup, ...]
    """Groups in file order."""
    file: str
    """Path of the spec file (for messages)."""


def load_spec(path: Path) -> ContrastSpec:
    """Read and check ``path``; raise DataError on the first problem."""
    return parse_spec(read_text(Path(path)), file=path)


def parse_spec(text: str, *, file: str | Path) -> ContrastSpec:
    """Check the spec ``text`` read from ``file``; raise DataError on the first problem."""
    return _Reader(str(file)).spec(load_yaml(text, file=file))


class _Reader:
    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, message: str, node: Any, *, item: str | None = None, field: str | None = None):
        line = None
        if isinstance(node, LineDict):
            line = node.key_lines.get(field, node.line) if field else node.line
        return DataError(message, file=self.file, line=line, item=item, field=field)

    def keys(
        self,
        node: Any,
        required: tuple[str, ...],
        optional: tuple[str, ...],
        what: str,
        item: str | None,
    ) -> None:
        if not isinstance(node, LineDict):
            raise DataError(f"{what} must be a mapping", file=self.file, item=item)
        unknown = [str(k) for k in node if k not in required + optional]
        if unknown:
            raise self.fail(
                f"unknown key {unknown[0]!r} in {what}", node, item=item, field=unknown[0]
            )
        missing = [k for k in required if k not in node]
        if missing:
            raise self.fail(f"missing key(s) {', '.join(missing)} in {what}", node, item=item)

    def spec(self, data: Any) -> ContrastSpec:
        self.keys(data, ("doc_id", "groups"), (), "the specification", None)
        if not isinstance(data["doc_id"], str):
            raise self.fail("doc_id must be a string", data, field="doc_id")
        if not isinstance(data["groups"], list) or not data["groups"]:
            raise self.fail("groups must be a non-empty list", data, field="groups")
        groups, seen = [], set()
        for raw in data["groups"]:
            group = self.group(raw)
            if group.group in seen:
                raise self.fail(f"duplicate group id {group.group}", raw, field="group")
            seen.add(group.group)
            groups.append(group)
        return ContrastSpec(doc_id=data["doc_id"], groups=tuple(groups), file=self.file)

    def group(self, raw: Any) -> ContrastGroup:
        self.keys(raw, GROUP_KEYS, (), "a group", None)
        name = raw["group"]
        if not isinstance(name, str) or not re.fullmatch(r"c[0-9]+", name):
            raise self.fail(f"group must look like c<n>, got {name!r}", raw, field="group")
        if raw["phenomenon"] not in PHENOMENA:
            raise self.fail(
                f"unknown phenomenon {raw['phenomenon']!r}; expected one of {', '.join(PHENOMENA)}",
                raw,
                item=name,
                field="phenomenon",
            )
        if raw["layer"] not in LAYERS:
            raise self.fail(
                f"unknown layer {raw['layer']!r}; expected one of {', '.join(LAYERS)}",
                raw,
                item=name,
                field="layer",
            )
        paragraph = raw["paragraph"]
        if isinstance(paragraph, bool) or not isinstance(paragraph, int) or paragraph < 0:
            raise self.fail(
                "paragraph must be a non-negative integer", raw, item=name, field="paragraph"
            )
        items = raw["items"]
        if not isinstance(items, list) or not 1 <= len(items) <= 4:
            raise self.fail(
                "items must be a list of 1 to 4 edited variants", raw, item=name, field="items"
            )
        parsed, seen = [], set()
        for entry in items:
            item = self.item(entry, name)
            if item.item_id in seen:
                raise self.fail(f"duplicate item id {item.item_id}", entry, item=name, field="id")
            seen.add(item.item_id)
            parsed.append(item)
        return ContrastGroup(
            name, raw["phenomenon"], raw["layer"], paragraph, tuple(parsed), raw.line
        )

    def item(self, raw: Any, group: str) -> ContrastItem:
        self.keys(raw, ITEM_KEYS_SPEC, (), "an item", group)
        item_id = raw["id"]
        if not isinstance(item_id, str) or not re.fullmatch(r"e[0-9]+", item_id):
            raise self.fail(f"id must look like e<n>, got {item_id!r}", raw, item=group, field="id")
        where = f"{group}/{item_id}"
        if not isinstance(raw["note"], str) or not raw["note"].strip() or "\n" in raw["note"]:
            raise self.fail("note must be one non-empty line", raw, item=where, field="note")
        if not isinstance(raw["edits"], list) or not raw["edits"]:
            raise self.fail("edits must be a non-empty list", raw, item=where, field="edits")
        changes = raw["gold_changes"] or []
        if not isinstance(changes, list):
            raise self.fail("gold_changes must be a list", raw, item=where, field="gold_changes")
        return ContrastItem(
            item_id=item_id,
            note=raw["note"],
            edits=tuple(self.edit(edit, where) for edit in raw["edits"]),
            changes=tuple(self.change(change, where) for change in changes),
            line=raw.line,
        )

    def edit(self, raw: Any, where: str) -> Edit:
        if not isinstance(raw, LineDict):
            raise DataError("an edit must be a mapping", file=self.file, item=where)
        op = raw.get("op")
        if op not in EDIT_OPS:
            raise self.fail(
                f"op must be one of {', '.join(EDIT_OPS)}, got {op!r}", raw, item=where, field="op"
            )
        if op == "insert":
            sides = [side for side in ("after", "before") if side in raw]
            if len(sides) != 1:
                raise self.fail("an insert needs exactly one of after, before", raw, item=where)
            side = sides[0]
            self.keys(raw, ("op", side, "new"), ("occurrence",), "an insert", where)
        else:
            side = "old"
            self.keys(
                raw,
                ("op", "old", *(("new",) if op == "replace" else ())),
                ("occurrence",),
                f"a {op}",
                where,
            )
        anchor, new = raw[side], raw.get("new", "")
        if not isinstance(anchor, str) or not anchor:
            raise self.fail(f"{side} must be a non-empty string", raw, item=where, field=side)
        if not isinstance(new, str) or (op != "delete" and not new):
            raise self.fail("new must be a non-empty string", raw, item=where, field="new")
        if op == "replace" and new == anchor:
            raise self.fail("replace with identical text", raw, item=where, field="new")
        occurrence = raw.get("occurrence")
        if occurrence is not None and (
            isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 1
        ):
            raise self.fail(
                "occurrence must be a positive integer", raw, item=where, field="occurrence"
            )
        return Edit(op, anchor, side, new, occurrence, raw.line)

    def change(self, raw: Any, where: str) -> GoldChange:
        if not isinstance(raw, LineDict):
            raise DataError("a gold change must be a mapping", file=self.file, item=where)
        action = raw.get("action", "set" if "set" in raw else None)
        if action not in CHANGE_ACTIONS:
            raise self.fail(
                f"action must be one of {', '.join(CHANGE_ACTIONS)}",
                raw,
                item=where,
                field="action",
            )
        layer = raw.get("layer")
        if layer not in LAYERS:
            raise self.fail(
                f"layer must be one of {', '.join(LAYERS)}", raw, item=where, field="layer"
            )
        if action == "add":
            self.keys(raw, ("layer", "action", "item"), (), "an add change", where)
            if not isinstance(raw["item"], LineDict):
                raise self.fail("item must be a mapping", raw, item=where, field="item")
            return GoldChange(layer, action, None, raw["item"], raw.line)
        required = ("layer", "id") + (("set",) if action == "set" else ())
        self.keys(raw, required, ("action",), f"a {action} change", where)
        if not isinstance(raw["id"], str):
            raise self.fail("id must be a string", raw, item=where, field="id")
        values = raw.get("set")
        if action == "set":
            if not isinstance(values, LineDict) or not values:
                raise self.fail("set must be a non-empty mapping", raw, item=where, field="set")
            bad = [str(k) for k in values if k not in LAYERS[layer].yaml_keys or k == "id"]
            if bad:
                raise self.fail(f"cannot set {bad[0]!r} in {layer}", raw, item=where, field="set")
        return GoldChange(layer, action, raw["id"], values, raw.line)
