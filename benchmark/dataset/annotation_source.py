"""Parse an annotation-pass YAML (``data/annotations/<pass>/<doc_id>.yaml``) into schema objects.

The format is specified in ``data/annotations/FORMAT.md``; the keys of each layer's items, its
id prefix, head, spans, labels and references come from :mod:`benchmark.dataset.layers`.
Annotators write text anchors, never offsets; :mod:`benchmark.dataset.anchors` resolves them.
Only spans marked ``may_leave`` (attribution ``source``, ``source_antecedent`` and
``content``) may run past the end of their anchor sentence. The head span of an item (event
``trigger``, casualty ``victim``, attribution ``cue``, hedge ``cue``) must lie in the item's
own sentence, an outer span must contain its inner one (a hedge ``scope`` its cue), and an
upper bound must follow its range rule (a casualty's ``count_high`` is an integer greater than
``count`` iff ``qualifier`` is ``range``, else null). Labels
must be in their inventories, ids unique and of the layer's form (``E<n>``...), references
(``attribution``, ``event``, ``parent``) must name ids of the same file, and references
within a layer (``parent``) must not loop. Fields are checked in the schema's field order;
every problem raises :class:`~benchmark.errors.DataError` naming file, line, item id and
field. Works for any pass folder (``first_pass``, ``second_pass``, ``gold``). Files are read as
schema 2.0; given ``label_map_1x``, a file written for schema 1.x is read through it
(:mod:`benchmark.dataset.annotation_1x`).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmark.dataset import annotation_1x
from benchmark.dataset.anchors import AnchorError, AnchorResolver
from benchmark.dataset.documents import read_text
from benchmark.dataset.layers import (
    ARGUMENTS,
    COUNT,
    DOC_ID,
    ID,
    LABEL,
    LAYERS,
    REFERENCE,
    SENTENCE_ID,
    SPAN,
    FieldSpec,
    LayerSpec,
)
from benchmark.dataset.schema import Annotations, Argument, Span
from benchmark.dataset.tables import LabelMap
from benchmark.dataset.yaml_lines import LineDict, load_yaml
from benchmark.errors import DataError

TOP_KEYS: tuple[str, ...] = ("doc_id", "annotator", *LAYERS)
"""Keys of a pass file: the document, the annotator, one list per layer."""


@dataclass(frozen=True)
class PassAnnotations:
    """The annotation layers of one document from one pass, in file order."""

    doc_id: str
    """Document the pass annotates."""
    annotator: str | None
    """Who made the pass (free text from the file)."""
    annotations: Annotations
    """The layers (``documents`` is empty: the pass holds no document)."""
    schema: str = annotation_1x.SCHEMA_2_0
    """The schema the file was written for (``1.x`` when read through the label map)."""


def parse_annotations(
    source: str,
    *,
    text: str,
    file: str | Path,
    doc_id: str | None = None,
    label_map_1x: LabelMap | None = None,
) -> PassAnnotations:
    """Parse the YAML ``source`` of one pass over ``text``; ``doc_id`` is the expected id."""
    data = load_yaml(source, file=file)
    return parse_pass(data, text=text, file=file, doc_id=doc_id, label_map_1x=label_map_1x)


def parse_pass(
    data: Any,
    *,
    text: str,
    file: str | Path,
    doc_id: str | None = None,
    label_map_1x: LabelMap | None = None,
) -> PassAnnotations:
    """Parse an already loaded pass (:class:`LineDict` mappings) over ``text``.

    With ``label_map_1x``, a file written for schema 1.x is read through that map
    (:func:`benchmark.dataset.annotation_1x.as_2_0`); without it, every file is read as 2.0.
    """
    schema = annotation_1x.SCHEMA_2_0
    if label_map_1x is not None:
        data, schema = annotation_1x.as_2_0(data, label_map=label_map_1x, file=file)
    parsed = _Parser(text=text, file=file).parse(data, doc_id=doc_id)
    return dataclasses.replace(parsed, schema=schema)


def load_annotation_file(
    path: Path, *, text: str, label_map_1x: LabelMap | None = None
) -> PassAnnotations:
    """Parse the annotation file ``path`` (named ``<doc_id>.yaml``) over ``text``."""
    return parse_annotations(
        read_text(path), text=text, file=path, doc_id=path.stem, label_map_1x=label_map_1x
    )


def load_pass(
    folder: Path, *, source_dir: Path | None = None, label_map_1x: LabelMap | None = None
) -> dict[str, PassAnnotations]:
    """Parse every ``<doc_id>.yaml`` of a pass folder; texts come from ``source_dir``.

    ``source_dir`` defaults to ``<folder>/../../source`` (``data/source`` for
    ``data/annotations/<pass>``). ``label_map_1x``: as for :func:`parse_pass`.
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
        passes[path.stem] = load_annotation_file(
            path, text=read_text(text_path), label_map_1x=label_map_1x
        )
    return passes


@dataclass(frozen=True)
class _Reference:
    """An id reference met while parsing, checked once the whole file is read."""

    item: LineDict
    """The item holding it."""
    key: str
    """Its YAML key."""
    value: str
    """The id it names."""
    layer: str
    """Layer of the item holding it."""
    target: str
    """Layer whose ids it must name."""


class _Parser:
    """Resolves one file's items against one document text."""

    def __init__(self, *, text: str, file: str | Path) -> None:
        self.file = file
        self.anchors = AnchorResolver(text)
        self.sentences = self.anchors.sentences
        self.seen_ids: set[str] = set()
        self.references: list[_Reference] = []

    def fail(self, message: str, *, item: Any = None, field: str | None = None) -> DataError:
        """Return a DataError located at ``field`` of ``item`` (a mapping from the file)."""
        line = None
        item_id = None
        if isinstance(item, LineDict):
            line = item.key_lines.get(field, item.line) if field else item.line
            item_id = item.get("id") if isinstance(item.get("id"), str) else None
        return DataError(message, file=self.file, line=line, item=item_id, field=field)

    def check_keys(self, mapping: Any, keys: tuple[str, ...], *, what: str) -> None:
        """Refuse a non-mapping, unknown keys and missing keys."""
        if not isinstance(mapping, LineDict):
            raise DataError(f"{what} must be a mapping", file=self.file)
        unknown = [str(key) for key in mapping if key not in keys]
        if unknown:
            raise self.fail(f"unknown key {unknown[0]!r} in {what}", item=mapping, field=unknown[0])
        missing = [key for key in keys if key not in mapping]
        if missing:
            raise self.fail(f"missing key(s) {', '.join(missing)} in {what}", item=mapping)

    def parse(self, data: Any, *, doc_id: str | None) -> PassAnnotations:
        """Parse the whole file."""
        if not isinstance(data, LineDict):
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
        for name, spec in LAYERS.items():
            items = data.get(name) or []
            if not isinstance(items, list):
                raise self.fail(f"{name} must be a list", item=data, field=name)
            layers[name] = tuple(
                self.item(spec, self.start_item(raw, spec), data["doc_id"]) for raw in items
            )
        self.check_references(layers)
        return PassAnnotations(
            doc_id=data["doc_id"], annotator=annotator, annotations=Annotations((), **layers)
        )

    def start_item(self, item: Any, spec: LayerSpec) -> LineDict:
        """Check keys, id and sentence of an item; return it."""
        self.check_keys(item, spec.yaml_keys, what=f"an item of {spec.name}")
        item_id = item["id"]
        prefix = spec.id_prefix
        if not isinstance(item_id, str) or not re.fullmatch(rf"{prefix}[0-9]+", item_id):
            raise self.fail(
                f"id must look like {prefix}<n>, got {item_id!r}", item=item, field="id"
            )
        if item_id in self.seen_ids:
            raise self.fail(f"duplicate id {item_id}", item=item, field="id")
        self.seen_ids.add(item_id)
        self.sentence_index(item["sentence"], item=item, field="sentence")
        return item

    def item(self, spec: LayerSpec, item: LineDict, doc_id: str) -> object:
        """Build one item of ``spec``'s layer, field by field."""
        values = {f.name: self.value(spec, f, item, doc_id) for f in spec.fields}
        keys = {f.name: f.yaml_key for f in spec.fields}
        for outer, inner in spec.contains:
            big, small = values[outer], values[inner]
            if big.start > small.start or big.end < small.end:
                raise self.fail(
                    f"{keys[outer]} {big.text!r} does not contain the {keys[inner]} {small.text!r}",
                    item=item,
                    field=keys[outer],
                )
        for rule in spec.ranges:
            problem = rule.problem(values, names=keys)
            if problem is not None:
                raise self.fail(problem, item=item, field=keys[rule.high])
        return spec.item_type(**values)

    def value(self, spec: LayerSpec, field: FieldSpec, item: LineDict, doc_id: str) -> Any:
        """Return the checked value of one field of ``item``."""
        key = field.yaml_key
        if field.kind == ID:
            return item["id"]
        if field.kind == DOC_ID:
            return doc_id
        if field.kind == SENTENCE_ID:
            return item["sentence"]
        if field.kind == SPAN and field.name == spec.head:
            return self.head(item, key)
        if field.kind == SPAN:
            return self.span(item, key, nullable=field.nullable, may_leave=field.may_leave)
        if field.kind == LABEL:
            return self.label(item, key, field.labels)
        if field.kind == COUNT:
            return self.count(item, key)
        if field.kind == REFERENCE:
            return self.reference(item, key, layer=spec.name, target=field.target)
        if field.kind == ARGUMENTS:
            return self.arguments(item, key, field.labels)
        raise ValueError(f"unknown field kind {field.kind!r}")  # a bug in the layer table

    def sentence_index(self, value: Any, *, item: Any, field: str) -> int:
        """Check a sentence id."""
        try:
            return self.anchors.check_sentence(value)
        except AnchorError as error:
            raise self.fail(str(error), item=item, field=field) from None

    def label(self, item: LineDict, field: str, names: tuple[str, ...]) -> str:
        """Return the label in ``field`` after checking it against ``names``."""
        value = item[field]
        if value not in names:
            raise self.fail(
                f"unknown label {value!r}; expected one of {', '.join(names)}",
                item=item,
                field=field,
            )
        return value

    def count(self, item: LineDict, field: str) -> int | None:
        """Return a non-negative integer count, or None."""
        count = item[field]
        if count is not None and (isinstance(count, bool) or not isinstance(count, int)):
            raise self.fail(
                f"{field} must be an integer or null, got {count!r}", item=item, field=field
            )
        if count is not None and count < 0:
            raise self.fail(f"{field} must not be negative, got {count}", item=item, field=field)
        return count

    def reference(self, item: LineDict, field: str, *, layer: str, target: str) -> str | None:
        """Return an id reference (checked once the whole file is read), or None."""
        value = item[field]
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(f"expected an id or null, got {value!r}", item=item, field=field)
        self.references.append(_Reference(item, field, value, layer, target))
        return value

    def check_references(self, layers: dict[str, tuple]) -> None:
        """Refuse references to ids that are not in the file, and cycles within a layer."""
        ids = {
            name: {getattr(obj, spec.id_field) for obj in layers[name]}
            for name, spec in LAYERS.items()
        }
        for ref in self.references:
            if ref.value not in ids[ref.target]:
                raise self.fail(
                    f"dangling reference {ref.value!r}: no item with that id in {ref.target}",
                    item=ref.item,
                    field=ref.key,
                )
        for ref in self.references:
            if ref.target != ref.layer:
                continue
            spec = LAYERS[ref.layer]
            field = next(f.name for f in spec.fields if f.yaml_key == ref.key)
            links = {getattr(obj, spec.id_field): getattr(obj, field) for obj in layers[ref.layer]}
            chain = [ref.item["id"]]
            while links.get(chain[-1]) is not None:
                chain.append(links[chain[-1]])
                if chain[-1] in chain[:-1]:
                    raise self.fail(
                        f"{ref.key} cycle {' -> '.join(chain)}", item=ref.item, field=ref.key
                    )

    def span(
        self, item: LineDict, field: str, *, nullable: bool = True, may_leave: bool = False
    ) -> Span | None:
        """Resolve the anchor in ``field`` of ``item``."""
        anchor = item[field]
        if anchor is None:
            if nullable:
                return None
            raise self.fail("a span is required here, got null", item=item, field=field)
        return self.resolve(anchor, item=item, field=field, may_leave=may_leave)

    def resolve(self, anchor: Any, *, item: LineDict, field: str, may_leave: bool) -> Span:
        """Resolve one anchor (see :mod:`benchmark.dataset.anchors`), locating any error."""
        try:
            return self.anchors.resolve(anchor, sentence=item["sentence"], may_leave=may_leave)
        except AnchorError as error:
            raise self.fail(str(error), item=item, field=field) from None

    def head(self, item: LineDict, field: str) -> Span:
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

    def arguments(self, item: LineDict, field: str, roles: tuple[str, ...]) -> tuple:
        """Return the ``[role, span]`` list of ``field`` as Arguments."""
        arguments = item[field] or []
        if not isinstance(arguments, list):
            raise self.fail(f"{field} must be a list of [role, span]", item=item, field=field)
        parsed = []
        for pair in arguments:
            if not isinstance(pair, list) or len(pair) != 2:
                raise self.fail(f"argument {pair!r} is not [role, span]", item=item, field=field)
            role, anchor = pair
            if role not in roles:
                raise self.fail(
                    f"unknown label {role!r}; expected one of {', '.join(roles)}",
                    item=item,
                    field=field,
                )
            if anchor is None:
                raise self.fail(f"argument {role} has no span", item=item, field=field)
            span = self.resolve(anchor, item=item, field=field, may_leave=False)
            parsed.append(Argument(role=role, span=span))
        return tuple(parsed)
