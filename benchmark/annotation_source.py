"""Parse an annotation-pass YAML (``data/annotations/<pass>/<doc_id>.yaml``) into schema objects.

The format is specified in ``data/annotations/FORMAT.md``. Annotators write text
anchors, never offsets; :mod:`benchmark.anchors` resolves them. Only attribution
``source``, ``source_antecedent`` and ``content`` may run past the end of their
anchor sentence. The head span of an item (event ``trigger``, casualty ``victim``,
attribution ``cue``, hedge ``cue``) must lie in the item's own sentence, and a
hedge ``scope`` must contain its cue. Labels must be in :mod:`benchmark.inventory`,
ids unique and of the layer's form (``E<n>``...), references (``attribution``,
``event``, ``parent``) must name ids of the same file, and ``parent`` chains must
not loop. Every problem raises :class:`~benchmark.errors.DataError` naming file,
line, item id and field. Works for any pass folder (``first_pass``,
``second_pass``, ``gold``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from benchmark import inventory
from benchmark.anchors import AnchorError, AnchorResolver
from benchmark.documents import read_text
from benchmark.errors import DataError
from benchmark.schema import Argument, Attribution, Casualty, Event, Hedge, Span

TOP_KEYS: tuple[str, ...] = (
    "doc_id",
    "annotator",
    "events",
    "casualties",
    "attributions",
    "hedges",
)
# Keys of an item per layer; all are required (write null or [] for "none").
ITEM_KEYS: dict[str, tuple[str, ...]] = {
    "events": (
        "id", "sentence", "trigger", "type", "polarity", "certainty", "attribution", "arguments",
    ),
    "casualties": (
        "id", "sentence", "status", "count", "qualifier", "count_span", "qualifier_span",
        "trigger", "victim", "victim_group", "location", "time", "polarity", "certainty",
        "event", "attribution",
    ),
    "attributions": (
        "id", "sentence", "source", "source_antecedent", "cue", "content", "type", "parent",
    ),
    "hedges": ("id", "sentence", "cue", "type", "scope"),
}  # fmt: skip
ID_PREFIX: dict[str, str] = {"events": "E", "casualties": "C", "attributions": "A", "hedges": "H"}


@dataclass(frozen=True)
class PassAnnotations:
    """The annotation layers of one document from one pass, in file order."""

    doc_id: str
    """Document the pass annotates."""
    annotator: str | None
    """Who made the pass (free text from the file)."""
    events: tuple[Event, ...] = ()
    """Event mentions."""
    casualties: tuple[Casualty, ...] = ()
    """Casualty records."""
    attributions: tuple[Attribution, ...] = ()
    """Attribution relations."""
    hedges: tuple[Hedge, ...] = ()
    """Hedge cues."""


class _LineDict(dict):
    """A YAML mapping that remembers the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]


class _LineLoader(yaml.SafeLoader):
    """Safe YAML loader whose mappings are :class:`_LineDict` and refuse duplicate keys."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _LineDict:
    loader.flatten_mapping(node)
    mapping = _LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_annotations(
    source: str, *, text: str, file: str | Path, doc_id: str | None = None
) -> PassAnnotations:
    """Parse the YAML ``source`` of one pass over ``text``; ``doc_id`` is the expected id."""
    return _Parser(text=text, file=file).parse(load_yaml(source, file=file), doc_id=doc_id)


def load_yaml(source: str, *, file: str | Path) -> Any:
    """Parse safe YAML into :class:`_LineDict` mappings; DataError (file, line) when invalid."""
    try:
        return yaml.load(source, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise DataError(
            f"invalid YAML: {problem}", file=file, line=mark.line + 1 if mark else None
        ) from None


def load_annotation_file(path: Path, *, text: str) -> PassAnnotations:
    """Parse the annotation file ``path`` (named ``<doc_id>.yaml``) over ``text``."""
    return parse_annotations(read_text(path), text=text, file=path, doc_id=path.stem)


def load_pass(folder: Path, *, source_dir: Path | None = None) -> dict[str, PassAnnotations]:
    """Parse every ``<doc_id>.yaml`` of a pass folder; texts come from ``source_dir``.

    ``source_dir`` defaults to ``<folder>/../../source`` (``data/source`` for
    ``data/annotations/<pass>``).
    """
    folder = Path(folder)
    texts = Path(source_dir) if source_dir is not None else folder.parent.parent / "source"
    if not folder.is_dir():
        raise DataError("annotation pass folder does not exist", file=folder)
    passes = {}
    for path in sorted(folder.glob("*.yaml")):
        text_path = texts / f"{path.stem}.txt"
        if not text_path.is_file():
            raise DataError(f"no source text {text_path} for this document", file=path)
        passes[path.stem] = load_annotation_file(path, text=read_text(text_path))
    return passes


class _Parser:
    """Resolves one file's items against one document text."""

    def __init__(self, *, text: str, file: str | Path) -> None:
        self.file = file
        self.anchors = AnchorResolver(text)
        self.sentences = self.anchors.sentences
        self.seen_ids: set[str] = set()
        self.references: list[tuple[dict, str, str, str, str]] = []

    def fail(self, message: str, *, item: Any = None, field: str | None = None) -> DataError:
        """Return a DataError located at ``field`` of ``item`` (a mapping from the file)."""
        line = None
        item_id = None
        if isinstance(item, _LineDict):
            line = item.key_lines.get(field, item.line) if field else item.line
            item_id = item.get("id") if isinstance(item.get("id"), str) else None
        return DataError(message, file=self.file, line=line, item=item_id, field=field)

    def check_keys(self, mapping: Any, keys: tuple[str, ...], *, what: str) -> None:
        """Refuse a non-mapping, unknown keys and missing keys."""
        if not isinstance(mapping, _LineDict):
            raise DataError(f"{what} must be a mapping", file=self.file)
        unknown = [str(key) for key in mapping if key not in keys]
        if unknown:
            raise self.fail(f"unknown key {unknown[0]!r} in {what}", item=mapping, field=unknown[0])
        missing = [key for key in keys if key not in mapping]
        if missing:
            raise self.fail(f"missing key(s) {', '.join(missing)} in {what}", item=mapping)

    def parse(self, data: Any, *, doc_id: str | None) -> PassAnnotations:
        """Parse the whole file."""
        if not isinstance(data, _LineDict):
            raise DataError("expected a mapping with doc_id and the layers", file=self.file)
        unknown = [str(key) for key in data if key not in TOP_KEYS]
        if unknown:
            raise self.fail(f"unknown top-level key {unknown[0]!r}", item=data, field=unknown[0])
        if not isinstance(data.get("doc_id"), str):
            raise self.fail("doc_id must be a string", item=data, field="doc_id")
        if doc_id is not None and data["doc_id"] != doc_id:
            raise self.fail(f"doc_id {data['doc_id']!r} is not the file's {doc_id!r}", item=data)
        annotator = data.get("annotator")
        if annotator is not None and not isinstance(annotator, str):
            raise self.fail("annotator must be a string or null", item=data, field="annotator")
        layers = {}
        for layer, parse_item in (
            ("events", self.event),
            ("casualties", self.casualty),
            ("attributions", self.attribution),
            ("hedges", self.hedge),
        ):
            items = data.get(layer) or []
            if not isinstance(items, list):
                raise self.fail(f"{layer} must be a list", item=data, field=layer)
            layers[layer] = tuple(
                parse_item(self.start_item(raw, layer), data["doc_id"]) for raw in items
            )
        self.check_references(layers)
        return PassAnnotations(doc_id=data["doc_id"], annotator=annotator, **layers)

    def start_item(self, item: Any, layer: str) -> _LineDict:
        """Check keys, id and sentence of an item; return it."""
        self.check_keys(item, ITEM_KEYS[layer], what=f"an item of {layer}")
        item_id = item["id"]
        prefix = ID_PREFIX[layer]
        if not isinstance(item_id, str) or not re.fullmatch(rf"{prefix}[0-9]+", item_id):
            raise self.fail(
                f"id must look like {prefix}<n>, got {item_id!r}", item=item, field="id"
            )
        if item_id in self.seen_ids:
            raise self.fail(f"duplicate id {item_id}", item=item, field="id")
        self.seen_ids.add(item_id)
        self.sentence_index(item["sentence"], item=item, field="sentence")
        return item

    def sentence_index(self, value: Any, *, item: Any, field: str) -> int:
        """Check a sentence id."""
        try:
            return self.anchors.check_sentence(value)
        except AnchorError as error:
            raise self.fail(str(error), item=item, field=field) from None

    def label(self, item: _LineDict, field: str, names: tuple[str, ...]) -> str:
        """Return the label in ``field`` after checking it against ``names``."""
        value = item[field]
        if value not in names:
            raise self.fail(
                f"unknown label {value!r}; expected one of {', '.join(names)}",
                item=item,
                field=field,
            )
        return value

    def reference(self, item: _LineDict, field: str, layer: str) -> str | None:
        """Return an id reference (checked once the whole file is read), or None."""
        value = item[field]
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(f"expected an id or null, got {value!r}", item=item, field=field)
        self.references.append((item, field, value, layer, item["id"]))
        return value

    def check_references(self, layers: dict[str, tuple]) -> None:
        """Refuse references to ids that are not in the file, and cycles of ``parent``."""
        ids = {
            "events": {event.event_id for event in layers["events"]},
            "attributions": {relation.attribution_id for relation in layers["attributions"]},
        }
        for item, field, value, layer, _ in self.references:
            if value not in ids[layer]:
                raise self.fail(
                    f"dangling reference {value!r}: no item with that id in {layer}",
                    item=item,
                    field=field,
                )
        parents = {rel.attribution_id: rel.parent_id for rel in layers["attributions"]}
        for item, field, _, _, item_id in self.references:
            if field != "parent":
                continue
            chain = [item_id]
            while parents.get(chain[-1]) is not None:
                chain.append(parents[chain[-1]])
                if chain[-1] in chain[:-1]:
                    raise self.fail(f"parent cycle {' -> '.join(chain)}", item=item, field=field)

    def span(
        self, item: _LineDict, field: str, *, nullable: bool = True, may_leave: bool = False
    ) -> Span | None:
        """Resolve the anchor in ``field`` of ``item``."""
        anchor = item[field]
        if anchor is None:
            if nullable:
                return None
            raise self.fail("a span is required here, got null", item=item, field=field)
        return self.resolve(anchor, item=item, field=field, may_leave=may_leave)

    def resolve(self, anchor: Any, *, item: _LineDict, field: str, may_leave: bool) -> Span:
        """Resolve one anchor (see :mod:`benchmark.anchors`), locating any error."""
        try:
            return self.anchors.resolve(anchor, sentence=item["sentence"], may_leave=may_leave)
        except AnchorError as error:
            raise self.fail(str(error), item=item, field=field) from None

    def head(self, item: _LineDict, field: str) -> Span:
        """Resolve the item's head span, which must lie in the item's own sentence."""
        span = self.span(item, field, nullable=False)
        first, last = self.sentences[item["sentence"]]
        if span.start < first or span.end > last:
            raise self.fail(
                f"{field} {span.text!r} must lie in the item's sentence {item['sentence']}",
                item=item,
                field=field,
            )
        return span

    def event(self, item: _LineDict, doc_id: str) -> Event:
        """Build an Event."""
        arguments = item["arguments"] or []
        if not isinstance(arguments, list):
            raise self.fail(
                "arguments must be a list of [role, span]", item=item, field="arguments"
            )
        parsed = []
        for pair in arguments:
            if not isinstance(pair, list) or len(pair) != 2:
                raise self.fail(
                    f"argument {pair!r} is not [role, span]", item=item, field="arguments"
                )
            role, anchor = pair
            if role not in inventory.ARGUMENT_ROLES:
                roles = ", ".join(inventory.ARGUMENT_ROLES)
                raise self.fail(
                    f"unknown label {role!r}; expected one of {roles}",
                    item=item,
                    field="arguments",
                )
            if anchor is None:
                raise self.fail(f"argument {role} has no span", item=item, field="arguments")
            span = self.resolve(anchor, item=item, field="arguments", may_leave=False)
            parsed.append(Argument(role=role, span=span))
        return Event(
            event_id=item["id"],
            doc_id=doc_id,
            sentence_id=item["sentence"],
            trigger=self.head(item, "trigger"),
            event_type=self.label(item, "type", inventory.EVENT_TYPES),
            arguments=tuple(parsed),
            polarity=self.label(item, "polarity", inventory.POLARITIES),
            certainty=self.label(item, "certainty", inventory.CERTAINTIES),
            attribution_id=self.reference(item, "attribution", "attributions"),
        )

    def casualty(self, item: _LineDict, doc_id: str) -> Casualty:
        """Build a Casualty."""
        count = item["count"]
        if count is not None and (isinstance(count, bool) or not isinstance(count, int)):
            raise self.fail(
                f"count must be an integer or null, got {count!r}", item=item, field="count"
            )
        if count is not None and count < 0:
            raise self.fail(f"count must not be negative, got {count}", item=item, field="count")
        return Casualty(
            casualty_id=item["id"],
            doc_id=doc_id,
            sentence_id=item["sentence"],
            status=self.label(item, "status", inventory.CASUALTY_STATUSES),
            count=count,
            count_qualifier=self.label(item, "qualifier", inventory.COUNT_QUALIFIERS),
            count_span=self.span(item, "count_span"),
            qualifier_span=self.span(item, "qualifier_span"),
            trigger=self.span(item, "trigger"),
            victim=self.head(item, "victim"),
            victim_group=self.label(item, "victim_group", inventory.VICTIM_GROUPS),
            location=self.span(item, "location"),
            time=self.span(item, "time"),
            polarity=self.label(item, "polarity", inventory.POLARITIES),
            certainty=self.label(item, "certainty", inventory.CERTAINTIES),
            event_id=self.reference(item, "event", "events"),
            attribution_id=self.reference(item, "attribution", "attributions"),
        )

    def attribution(self, item: _LineDict, doc_id: str) -> Attribution:
        """Build an Attribution."""
        return Attribution(
            attribution_id=item["id"],
            doc_id=doc_id,
            source=self.span(item, "source", may_leave=True),
            source_antecedent=self.span(item, "source_antecedent", may_leave=True),
            cue=self.head(item, "cue"),
            content=self.span(item, "content", nullable=False, may_leave=True),
            attribution_type=self.label(item, "type", inventory.ATTRIBUTION_TYPES),
            parent_id=self.reference(item, "parent", "attributions"),
        )

    def hedge(self, item: _LineDict, doc_id: str) -> Hedge:
        """Build a Hedge."""
        cue = self.head(item, "cue")
        scope = self.span(item, "scope", nullable=False)
        if scope.start > cue.start or scope.end < cue.end:
            raise self.fail(
                f"scope {scope.text!r} does not contain the cue {cue.text!r}",
                item=item,
                field="scope",
            )
        return Hedge(
            hedge_id=item["id"],
            doc_id=doc_id,
            sentence_id=item["sentence"],
            cue=cue,
            cue_type=self.label(item, "type", inventory.HEDGE_CUE_TYPES),
            scope=scope,
        )
