"""What each annotation layer is: ONE :class:`LayerSpec` per layer, in :data:`LAYERS`.

A layer's spec names its schema class, the field holding an item's own id and the id prefix
annotators write (``E`` for ``E3``), its head span (the span that anchors the item: it must lie
in the item's sentence, it is aligned first in a submission, it places the item in a contrast
paragraph), and every field with its kind: spans (nullable or not, allowed to run past the
anchor sentence or not), labels with their inventory, counts, argument lists and references to
other layers, each with its key in the annotation YAML, and the rules that tie fields together
(a hedge scope contains its cue; a casualty's ``count_high`` is set iff its qualifier is
``range``, :class:`RangeRule`). The row format, the ``datasets``
features, the annotation parser, the integrity checks, the contrast build, the submission
format, the unaligned-span listing and the pages all read these specs; nothing else lists the
layers' fields.

The flat ``tokens`` view tags some spans of each layer in one BIO2 column
(:class:`BioColumn`); the rule "a sentence is uncertain iff it holds a hedge"
(CoNLL-2010 Task 1) is :func:`uncertain_sentences`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from benchmark.dataset import inventory
from benchmark.dataset.schema import Attribution, Casualty, Event, Hedge, TokenRow
from benchmark.errors import DataError

ID = "id"
"""Field kind: the item's own identifier (unique within its layer and document)."""
DOC_ID = "doc_id"
"""Field kind: the document the item belongs to."""
SENTENCE_ID = "sentence_id"
"""Field kind: the sentence that holds the item's head."""
SPAN = "span"
"""Field kind: a :class:`~benchmark.dataset.schema.Span` of the document."""
LABEL = "label"
"""Field kind: a label from an inventory tuple."""
COUNT = "count"
"""Field kind: a non-negative integer (a casualty figure)."""
REFERENCE = "reference"
"""Field kind: the id of an item of a layer (the same document)."""
ARGUMENTS = "arguments"
"""Field kind: a list of (role label, span) pairs."""

SentenceKey = tuple[str, int]
"""``(doc_id, sentence_id)``: one sentence of the corpus."""


@dataclass(frozen=True)
class FieldSpec:
    """One field of a layer's items."""

    name: str
    """Attribute of the schema class, and key in the JSONL rows and submissions."""
    kind: str
    """One of the field kinds above (``SPAN``, ``LABEL``...)."""
    yaml_key: str | None
    """Key of the field in an annotation YAML item; None when annotators do not write it."""
    nullable: bool = False
    """True when the value may be null (a span, count or reference that is absent)."""
    labels: tuple[str, ...] = ()
    """Inventory of a ``LABEL`` field, or of the roles of an ``ARGUMENTS`` field."""
    target: str | None = None
    """Layer whose ids a ``REFERENCE`` field names."""
    may_leave: bool = False
    """A ``SPAN`` that may run past the end of its anchor sentence (annotation rule)."""


@dataclass(frozen=True)
class BioColumn:
    """The BIO2 tag column of a layer in the flat ``tokens`` view."""

    column: str
    """Field of :class:`~benchmark.dataset.schema.TokenRow` (``event_tags``)."""
    types: tuple[str, ...]
    """Type names of the tags, in inventory order (``B-<type>``, ``I-<type>``)."""
    spans: tuple[str, ...]
    """Span fields of an item that are tagged (null ones are skipped)."""
    type_field: str | None = None
    """Label field giving the type of every tagged span; None: ``types[i]`` tags ``spans[i]``."""
    top_level_only: str | None = None
    """A reference field: items where it is set are not tagged (BIO2 cannot nest)."""

    @property
    def tags(self) -> tuple[str, ...]:
        """The column's tag set: ``O``, then ``B-``/``I-`` per type (ClassLabel order)."""
        return inventory.bio2_labels(self.types)


@dataclass(frozen=True)
class RangeRule:
    """An upper-bound field that holds an integer above the lower bound iff a label says range."""

    high: str
    """Field of the upper bound (``count_high``): an integer when ranged, else null."""
    low: str
    """Field of the lower bound (``count``): an integer when ranged."""
    label_field: str
    """Label field that says whether the value is a range (``count_qualifier``)."""
    label: str
    """The label of a range (``range``)."""

    def problem(
        self, values: Mapping[str, object], *, names: Mapping[str, str] | None = None
    ) -> str | None:
        """Return what breaks the rule in ``values`` (field -> value), or None when nothing.

        ``names`` renames fields in the message (the annotation YAML keys).
        """
        name = {f: (names or {}).get(f, f) for f in (self.high, self.low, self.label_field)}
        high, low = values.get(self.high), values.get(self.low)
        if values.get(self.label_field) != self.label:
            if high is None:
                return None
            return (
                f"{name[self.high]} must be null unless {name[self.label_field]} is "
                f"{self.label}, got {_shown(high)}"
            )
        if not _is_integer(high) or not _is_integer(low):
            return (
                f"a {self.label} needs integers {name[self.low]} and {name[self.high]}, "
                f"got {_shown(low)} and {_shown(high)}"
            )
        if high <= low:
            return f"{name[self.high]} {high} must be greater than {name[self.low]} {low}"
        return None


def _is_integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _shown(value: object) -> str:
    """Show a value as the data files write it (``null``, ``30``, ``'30'``)."""
    return "null" if value is None else repr(value)


@dataclass(frozen=True)
class LayerSpec:
    """Everything the project knows about one annotation layer."""

    name: str
    """Layer name: field of ``Annotations``, config name, submission key and task name."""
    item_type: type
    """Schema class of the layer's items."""
    item_name: str
    """One item, in the singular (``event``): its name in the submission JSON Schema."""
    title: str
    """Heading of the layer on the error-analysis page."""
    id_prefix: str
    """Letter that starts every annotated id (``E`` for ``E3``)."""
    head: str
    """Span field that anchors the item (in its sentence; aligned first in a submission)."""
    fields: tuple[FieldSpec, ...]
    """Every field of the schema class, in its field order."""
    bio: BioColumn | None
    """The layer's column of the flat ``tokens`` view, if it has one."""
    contains: tuple[tuple[str, str], ...] = ()
    """(outer, inner) span fields: the outer span must contain the inner one."""
    ranges: tuple[RangeRule, ...] = ()
    """Upper-bound fields and the label that makes them required (:class:`RangeRule`)."""

    @property
    def id_field(self) -> str:
        """The field holding an item's own id (``event_id``)."""
        return next(f.name for f in self.fields if f.kind == ID)

    @property
    def has_sentence(self) -> bool:
        """True when items name their sentence (``sentence_id``)."""
        return any(f.kind == SENTENCE_ID for f in self.fields)

    def of_kind(self, *kinds: str) -> tuple[FieldSpec, ...]:
        """Return the fields of the given kinds, in field order."""
        return tuple(f for f in self.fields if f.kind in kinds)

    @property
    def span_fields(self) -> tuple[str, ...]:
        """Names of the span fields (not the argument list), in field order."""
        return tuple(f.name for f in self.of_kind(SPAN))

    @property
    def label_fields(self) -> dict[str, tuple[str, ...]]:
        """Closed-label fields (``a.b``: field b of each element of list a) -> inventory."""
        found = {}
        for f in self.of_kind(LABEL, ARGUMENTS):
            found[f.name if f.kind == LABEL else f"{f.name}.role"] = f.labels
        return found

    @property
    def references(self) -> tuple[tuple[str, str], ...]:
        """(reference field, target layer) pairs, in field order."""
        return tuple((f.name, f.target) for f in self.of_kind(REFERENCE))

    @property
    def yaml_keys(self) -> tuple[str, ...]:
        """Keys of an annotation YAML item: ``id``, ``sentence``, then the fields' keys."""
        rest = [f.yaml_key for f in self.fields if f.kind not in (ID, DOC_ID, SENTENCE_ID)]
        return ("id", "sentence", *(key for key in rest if key is not None))

    def spans_of(self, item: object) -> Iterable[tuple[str, object]]:
        """Yield ``(field path, span)`` of every span of ``item`` (null ones included).

        Argument spans are ``arguments[i]`` (0-based), after the spans before the list.
        """
        for f in self.of_kind(SPAN, ARGUMENTS):
            value = getattr(item, f.name)
            if f.kind == SPAN:
                yield f.name, value
            else:
                for index, argument in enumerate(value):
                    yield f"{f.name}[{index}]", argument.span


def _id(layer_id: str) -> FieldSpec:
    return FieldSpec(layer_id, ID, "id")


_DOC = FieldSpec("doc_id", DOC_ID, None)
_SENTENCE = FieldSpec("sentence_id", SENTENCE_ID, "sentence")


def _span(name: str, *, nullable: bool = False, may_leave: bool = False) -> FieldSpec:
    return FieldSpec(name, SPAN, name, nullable=nullable, may_leave=may_leave)


def _label(name: str, labels: tuple[str, ...], *, yaml_key: str | None = None) -> FieldSpec:
    return FieldSpec(name, LABEL, yaml_key or name, labels=labels)


def _reference(name: str, target: str, *, yaml_key: str) -> FieldSpec:
    return FieldSpec(name, REFERENCE, yaml_key, nullable=True, target=target)


EVENTS = LayerSpec(
    name="events",
    item_type=Event,
    item_name="event",
    title="Events",
    id_prefix="E",
    head="trigger",
    fields=(
        _id("event_id"),
        _DOC,
        _SENTENCE,
        _span("trigger"),
        _label("event_type", inventory.EVENT_TYPES, yaml_key="type"),
        FieldSpec("arguments", ARGUMENTS, "arguments", labels=inventory.ARGUMENT_ROLES),
        _label("polarity", inventory.POLARITIES),
        _label("certainty", inventory.CERTAINTIES),
        _reference("attribution_id", "attributions", yaml_key="attribution"),
    ),
    bio=BioColumn("event_tags", inventory.EVENT_TYPES, ("trigger",), type_field="event_type"),
)
CASUALTIES = LayerSpec(
    name="casualties",
    item_type=Casualty,
    item_name="casualty",
    title="Casualties",
    id_prefix="C",
    head="victim",
    fields=(
        _id("casualty_id"),
        _DOC,
        _SENTENCE,
        _label("status", inventory.CASUALTY_STATUSES),
        FieldSpec("count", COUNT, "count", nullable=True),
        FieldSpec("count_high", COUNT, "count_high", nullable=True),
        _label("count_qualifier", inventory.COUNT_QUALIFIERS, yaml_key="qualifier"),
        _span("count_span", nullable=True),
        _span("qualifier_span", nullable=True),
        _span("trigger", nullable=True),
        _span("victim"),
        _label("victim_group", inventory.VICTIM_GROUPS),
        _span("location", nullable=True),
        _span("time", nullable=True),
        _label("polarity", inventory.POLARITIES),
        _label("certainty", inventory.CERTAINTIES),
        _reference("event_id", "events", yaml_key="event"),
        _reference("attribution_id", "attributions", yaml_key="attribution"),
    ),
    bio=BioColumn("casualty_tags", inventory.CASUALTY_ELEMENTS, ("count_span", "victim")),
    ranges=(RangeRule("count_high", "count", "count_qualifier", inventory.RANGE_QUALIFIER),),
)
ATTRIBUTIONS = LayerSpec(
    name="attributions",
    item_type=Attribution,
    item_name="attribution",
    title="Attributions",
    id_prefix="A",
    head="cue",
    fields=(
        _id("attribution_id"),
        _DOC,
        _span("source", nullable=True, may_leave=True),
        _span("source_antecedent", nullable=True, may_leave=True),
        _span("cue"),
        _span("content", may_leave=True),
        _label("attribution_type", inventory.ATTRIBUTION_TYPES, yaml_key="type"),
        _reference("parent_id", "attributions", yaml_key="parent"),
    ),
    bio=BioColumn(
        "attribution_tags",
        inventory.ATTRIBUTION_ELEMENTS,
        ("source", "cue", "content"),
        top_level_only="parent_id",
    ),
)
HEDGES = LayerSpec(
    name="hedges",
    item_type=Hedge,
    item_name="hedge",
    title="Hedges",
    id_prefix="H",
    head="cue",
    fields=(
        _id("hedge_id"),
        _DOC,
        _SENTENCE,
        _span("cue"),
        _label("cue_type", inventory.HEDGE_CUE_TYPES, yaml_key="type"),
        _span("scope"),
    ),
    bio=BioColumn("hedge_tags", inventory.HEDGE_CUE_TYPES, ("cue",), type_field="cue_type"),
    contains=(("scope", "cue"),),
)

LAYERS: Mapping[str, LayerSpec] = MappingProxyType(
    {spec.name: spec for spec in (EVENTS, CASUALTIES, ATTRIBUTIONS, HEDGES)}
)
"""Layer name -> spec, in canonical order (the fields of ``Annotations``)."""

LAYER_NAMES: tuple[str, ...] = tuple(LAYERS)
"""The layer names in canonical order."""

TAG_COLUMNS: tuple[str, ...] = tuple(
    f.name for f in dataclasses.fields(TokenRow) if f.name.endswith("_tags")
)
"""BIO2 columns of the ``tokens`` view, in :class:`TokenRow` field order."""

BIO_COLUMNS: Mapping[str, BioColumn] = MappingProxyType(
    {
        column: next(s.bio for s in LAYERS.values() if s.bio and s.bio.column == column)
        for column in TAG_COLUMNS
    }
)
"""Tag column -> its layer's column spec, in :data:`TAG_COLUMNS` order."""

UNCERTAINTY_LAYER = HEDGES.name
"""The layer whose items make their sentence uncertain."""


def layer(name: str) -> LayerSpec:
    """Return the spec of layer ``name``; DataError naming the layers for any other name."""
    if name not in LAYERS:
        raise DataError(f"unknown layer {name!r}; expected one of {', '.join(LAYERS)}")
    return LAYERS[name]


def layer_of(item: object) -> LayerSpec:
    """Return the spec of the layer an item belongs to (by its schema class)."""
    for spec in LAYERS.values():
        if type(item) is spec.item_type:
            return spec
    raise TypeError(f"not a layer item: {type(item).__name__}")


def item_id(item: object) -> str:
    """Return the own id of a layer item (``event_id`` of an Event...)."""
    return getattr(item, layer_of(item).id_field)


def uncertain_sentences(hedges: Iterable[Hedge]) -> frozenset[SentenceKey]:
    """Return ``(doc_id, sentence_id)`` of every uncertain sentence given the ``hedges``.

    The rule (CoNLL-2010 Task 1, ``data/GUIDELINES.md``): a sentence is uncertain iff it
    holds at least one hedge cue, i.e. iff some hedge has it as ``sentence_id``.
    """
    return frozenset((hedge.doc_id, hedge.sentence_id) for hedge in hedges)
