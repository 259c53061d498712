"""Build the contrast documents and their gold from the edit specification.

For each group: the paragraph of the source document, with every gold item
whose head (trigger, victim, cue) lies in it carried over (offsets shifted to
the paragraph; an item with a span or a reference outside the paragraph is an
error), becomes the ``orig`` document. Each edited item applies its edits
(:mod:`benchmark.dataset.contrast.edits`), remaps every span of the carried items,
applies the declared ``gold_changes`` and re-parses the result with the gold
parser (:mod:`benchmark.dataset.annotation_source`), so that the same span, label,
id and reference rules as for the gold hold. Sentences, ``uncertain`` and the
tokens view are recomputed from the edited text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmark.dataset import text as segmentation
from benchmark.dataset.annotation_source import (
    PassAnnotations,
    load_annotation_file,
    parse_pass,
)
from benchmark.dataset.configs import CONFIGS
from benchmark.dataset.contrast.edits import EditError, Region, apply_edits, remap, remap_point
from benchmark.dataset.contrast.groups import ORIGINAL, SPEC_PATH, doc_id_of
from benchmark.dataset.contrast.spec import ContrastGroup, ContrastItem, ContrastSpec, load_spec
from benchmark.dataset.document_rows import document_rows
from benchmark.dataset.documents import build_document, read_text, sentence_offsets
from benchmark.dataset.layers import LAYERS, item_id
from benchmark.dataset.meta import check_text_hash, load_meta
from benchmark.dataset.schema import Argument, Span
from benchmark.dataset.splits import TEST
from benchmark.dataset.tokens_view import DroppedSpan
from benchmark.dataset.yaml_lines import LineDict, line_dict
from benchmark.errors import DataError


@dataclass(frozen=True)
class ContrastBuild:
    """Rows of every config for the contrast split."""

    rows: dict[str, list[dict]]
    """config -> rows, documents in spec order (original first), items by id."""
    dropped: tuple[DroppedSpan, ...]
    """Spans the tokens view left out."""
    spec: ContrastSpec
    """The specification that was built."""


def _spans(obj: Any) -> list[Span]:
    found = []
    for value in vars(obj).values():
        if isinstance(value, Span):
            found.append(value)
        elif isinstance(value, tuple):
            found += [arg.span for arg in value if isinstance(arg, Argument)]
    return found


def carry(gold: PassAnnotations, start: int, end: int, *, file: str) -> dict[str, list]:
    """Return the gold items whose head lies in ``[start, end)``, as FORMAT-ready dicts.

    Spans are ``(start, end)`` pairs relative to the paragraph.
    """
    carried: dict[str, list] = {}
    for layer, spec in LAYERS.items():
        carried[layer] = [
            obj
            for obj in getattr(gold.annotations, layer)
            if start <= getattr(obj, spec.head).start < end
        ]
    ids = {layer: {item_id(obj) for obj in carried[layer]} for layer in LAYERS}
    for layer in LAYERS:
        for obj in carried[layer]:
            for span in _spans(obj):
                if not (start <= span.start and span.end <= end):
                    raise DataError(
                        f"{layer} {item_id(obj)}: span {span.text!r} leaves paragraph "
                        f"{start}-{end}",
                        file=file,
                    )
            for field, target in LAYERS[layer].references:
                value = getattr(obj, field)
                if value is not None and value not in ids[target]:
                    raise DataError(
                        f"{layer} {item_id(obj)}: {field} {value} is not in the paragraph",
                        file=file,
                    )
    return carried


class _Document:
    """One edited (or original) paragraph: text, sentences, remapping of carried spans."""

    def __init__(self, text: str, regions: tuple[Region, ...], offset: int) -> None:
        self.text = text
        self.regions = regions
        self.offset = offset
        self.sentences = sentence_offsets(text)

    def sentence_of(self, position: int) -> int:
        for index, (start, end) in enumerate(self.sentences):
            if start <= position < end:
                return index
        return len(self.sentences) - 1

    def anchor(self, start: int, end: int) -> dict:
        """Return the FORMAT.md anchor ``{text, sentence, occurrence}`` of a span."""
        needle = self.text[start:end]
        sentence = self.sentence_of(start)
        position, occurrence = self.sentences[sentence][0] - 1, 0
        while position < start:
            position = self.text.find(needle, position + 1)
            occurrence += 1
        return {"text": needle, "sentence": sentence, "occurrence": occurrence}

    def moved(self, span: Span) -> dict | None:
        """Return the anchor of a carried span in the edited text, or None."""
        new = remap(span.start - self.offset, span.end - self.offset, self.regions)
        return None if new is None else self.anchor(*new)


def _format_item(
    layer: str, obj: Any, doc: _Document, declared: dict, where: str, line: int
) -> LineDict:
    """Return the FORMAT.md item of a carried ``obj`` over the edited text, changes applied."""
    spec = LAYERS[layer]
    attribute = {f.yaml_key: f.name for f in spec.fields if f.yaml_key is not None}
    values: dict[str, Any] = {}
    head_sentence = None
    for key in spec.yaml_keys:
        if key in declared:
            values[key] = declared[key]
            continue
        if key == "sentence":
            continue
        value = getattr(obj, attribute[key])
        if isinstance(value, Span):
            anchor = doc.moved(value)
            if anchor is None:
                raise DataError(
                    f"{layer} {item_id(obj)} field {key}: span {value.text!r} "
                    "straddles or loses an edit; declare it in gold_changes",
                    file=None,
                    line=line,
                )
            if key == spec.head:
                head_sentence = anchor["sentence"]
            values[key] = anchor
        elif key == "arguments":
            arguments = []
            for argument in value:
                anchor = doc.moved(argument.span)
                if anchor is None:
                    raise DataError(
                        f"{layer} {item_id(obj)} argument {argument.role} "
                        f"{argument.span.text!r} straddles an edit; set arguments in gold_changes",
                        line=line,
                    )
                arguments.append([argument.role, anchor])
            values[key] = arguments
        else:
            values[key] = value
    if "sentence" not in declared:
        if head_sentence is None:  # the head is declared: take where the old head landed
            head = getattr(obj, spec.head)
            head_sentence = doc.sentence_of(remap_point(head.start - doc.offset, doc.regions))
        values["sentence"] = head_sentence
    return line_dict({key: values[key] for key in spec.yaml_keys}, line)


def build_item(
    spec: ContrastSpec,
    group: ContrastGroup,
    item: ContrastItem | None,
    *,
    paragraph_text: str,
    offset: int,
    carried: dict[str, list],
) -> tuple[str, PassAnnotations]:
    """Return (edited text, gold) of ``item`` (None: the original paragraph)."""
    item_name = ORIGINAL if item is None else item.item_id
    where = f"{group.group}/{item_name}"
    line = group.line if item is None else item.line
    try:
        text, regions = apply_edits(paragraph_text, item.edits if item else ())
    except EditError as error:
        raise DataError(f"{where}: {error}", file=spec.file, line=line) from None
    doc = _Document(text, regions, offset)
    changes = item.changes if item else ()
    deleted: set[tuple[str, str]] = set()
    declared: dict[tuple[str, str], dict] = {}
    known = {(layer, item_id(obj)) for layer in LAYERS for obj in carried[layer]}
    for change in changes:
        key = (change.layer, change.item_id)
        if change.action != "add" and key not in known:
            raise DataError(
                f"{where}: no carried {change.layer} item {change.item_id}",
                file=spec.file,
                line=change.line,
            )
        if change.action == "delete":
            deleted.add(key)
        elif change.action == "set":
            declared.setdefault(key, {}).update(change.values)
    data = line_dict(
        {
            "doc_id": doc_id_of(spec.doc_id, group.group, item_name),
            "annotator": "contrast",
            **{layer: [] for layer in LAYERS},
        },
        line,
    )
    try:
        for layer in LAYERS:
            for obj in carried[layer]:
                key = (layer, item_id(obj))
                if key in deleted:
                    continue
                data[layer].append(
                    _format_item(layer, obj, doc, declared.get(key, {}), where, line)
                )
            data[layer] += [c.values for c in changes if c.action == "add" and c.layer == layer]
        gold = parse_pass(data, text=text, file=spec.file)
    except DataError as error:
        raise DataError(
            f"{where}: {error.message}",
            file=spec.file,
            line=error.line or line,
            item=error.item,
            field=error.field,
        ) from None
    return text, gold


def build_contrast(*, data_dir: Path) -> ContrastBuild:
    """Build every contrast document of ``data_dir/contrast/edits.yaml``."""
    data_dir = Path(data_dir)
    spec = load_spec(data_dir / SPEC_PATH)
    source = data_dir / TEST.source / f"{spec.doc_id}.txt"
    meta_path = data_dir / TEST.source / f"{spec.doc_id}.meta.yaml"
    if not source.is_file():
        raise DataError(f"no source text {source.name} for the contrast spec", file=spec.file)
    text = read_text(source)
    meta = load_meta(meta_path, doc_id=spec.doc_id)
    check_text_hash(text, meta, file=meta_path)
    gold = load_annotation_file(data_dir / TEST.gold / f"{spec.doc_id}.yaml", text=text)
    paragraphs = segmentation.paragraphs(text)
    captions = set(meta.get("caption_paragraphs") or ())
    rows: dict[str, list[dict]] = {config: [] for config in CONFIGS}
    dropped: list[DroppedSpan] = []
    for group in spec.groups:
        if group.paragraph >= len(paragraphs):
            raise DataError(
                f"{group.group}: paragraph {group.paragraph} out of range 0-{len(paragraphs) - 1}",
                file=spec.file,
                line=group.line,
            )
        start, end = paragraphs[group.paragraph]
        carried = carry(gold, start, end, file=spec.file)
        for item in (None, *group.items):
            edited, item_gold = build_item(
                spec, group, item, paragraph_text=text[start:end], offset=start, carried=carried
            )
            name = ORIGINAL if item is None else item.item_id
            if item is not None and edited == text[start:end]:
                raise DataError(
                    f"{group.group}/{name}: the edits leave the text unchanged",
                    file=spec.file,
                    line=item.line,
                )
            note = (
                f"Paragraph {group.paragraph} of {spec.doc_id}, unchanged"
                if item is None
                else f"Synthetic minimal edit of paragraph {group.paragraph} of {spec.doc_id} "
                f"(not published text): {item.note}"
            )
            document = build_document(
                item_gold.doc_id,
                edited,
                {
                    "language": meta["language"],
                    "caption_paragraphs": [0] if group.paragraph in captions else [],
                    "source_note": f"Contrast group {group.group} ({group.phenomenon}). {note}",
                },
                hedges=item_gold.annotations.hedges,
            )
            document_config_rows, document_dropped = document_rows(document, item_gold)
            dropped.extend(document_dropped)
            for config, config_rows in document_config_rows.items():
                rows[config] += config_rows
    return ContrastBuild(rows=rows, dropped=tuple(dropped), spec=spec)
