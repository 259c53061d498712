"""Inter-annotator agreement between two annotation passes.

Span agreement is the benchmark's own scorer with one pass as reference and the other as
prediction: F1 is symmetric in the two passes (swapping them swaps P and R), so it is the
usual pairwise F1 agreement for span annotation (Hripcsak & Rothschild 2005). Label agreement
is Cohen's kappa (scikit-learn) over the items both passes annotated: pairs of items matched
by the scorer's identification subtask in exact mode. Kappa is undefined when both passes use
a single label throughout; the raw share of identical labels is reported next to it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmark.dataset.annotation_source import PassAnnotations, load_pass
from benchmark.dataset.documents import build_document, load_meta, read_text
from benchmark.dataset.layers import LAYERS, item_id
from benchmark.dataset.schema import Annotations
from benchmark.dataset.tables import LABEL_MAP_FILE, read_label_map
from benchmark.scoring.modes import EXACT, MATCH_MODES, MatchMode
from benchmark.scoring.run import score
from benchmark.scoring.tasks import TASKS

SPAN_ROWS: tuple[tuple[str, str], ...] = tuple(
    (task, subtask) for task, spec in TASKS.items() for subtask in spec.span_agreement
)
"""(task, subtask) rows of the span-agreement table, in table order."""

LABEL_ROWS: dict[str, tuple[str, str, str]] = {
    name: (task, spec.identification, field)
    for task, spec in TASKS.items()
    for name, field in spec.label_agreement
}
"""Label row name -> (task, identification subtask giving the item pairs, label field)."""


@dataclass(frozen=True)
class SpanAgreement:
    """Pairwise F1 agreement of one subtask in one match mode."""

    task: str
    """Task name."""
    subtask: str
    """Subtask name."""
    mode: str
    """Match mode name."""
    first: int
    """Items in the first pass."""
    second: int
    """Items in the second pass."""
    matched: int
    """Matched pairs."""
    f1: float
    """2 * matched / (first + second)."""


@dataclass(frozen=True)
class LabelAgreement:
    """Cohen's kappa of one label over the items both passes share."""

    label: str
    """Label name."""
    pairs: int
    """Number of matched item pairs compared."""
    observed: float
    """Share of pairs with the same label."""
    kappa: float | None
    """Cohen's kappa; None when undefined (a single label used throughout)."""


@dataclass(frozen=True)
class AgreementReport:
    """Everything the agreement command prints."""

    spans: tuple[SpanAgreement, ...]
    """Span agreement rows."""
    labels: tuple[LabelAgreement, ...]
    """Label agreement rows."""


def pass_annotations(data_dir: Path, pass_name: str) -> Annotations:
    """Load one pass folder as :class:`Annotations`, with documents built from data/source.

    A file written for schema 1.x (the Kharkiv first and second pass) is read through the
    data folder's ``label_map_1x.tsv`` (:mod:`benchmark.dataset.annotation_1x`), so that
    passes of either schema compare label for label; :func:`pass_schemas` says which.
    """
    return _annotations(data_dir, _load(data_dir, pass_name))


def pass_schemas(data_dir: Path, pass_name: str) -> frozenset[str]:
    """Return the schemas (``1.x``, ``2.0``) the files of one pass folder were written for."""
    return frozenset(found.schema for found in _load(data_dir, pass_name).values())


def _load(data_dir: Path, pass_name: str) -> dict[str, PassAnnotations]:
    table = data_dir / LABEL_MAP_FILE
    return load_pass(
        data_dir / "annotations" / pass_name,
        source_dir=data_dir / "source",
        label_map_1x=read_label_map(table) if table.is_file() else None,
    )


def _annotations(data_dir: Path, passes: dict[str, PassAnnotations]) -> Annotations:
    documents: list = []
    layers: dict[str, list] = {name: [] for name in LAYERS}
    for doc_id, annotation in sorted(passes.items()):
        documents.append(_document(data_dir, doc_id, annotation))
        for layer, items in layers.items():
            items.extend(getattr(annotation.annotations, layer))
    return Annotations(documents=tuple(documents), **{k: tuple(v) for k, v in layers.items()})


def _document(data_dir: Path, doc_id: str, annotation: PassAnnotations):
    meta_path = data_dir / "source" / f"{doc_id}.meta.yaml"
    text = read_text(data_dir / "source" / f"{doc_id}.txt")
    return build_document(
        doc_id,
        text,
        load_meta(meta_path, doc_id=doc_id),
        hedges=annotation.annotations.hedges,
        meta_file=meta_path,
    )


def agreement(
    first: Annotations,
    second: Annotations,
    *,
    modes: Sequence[MatchMode] = tuple(MATCH_MODES.values()),
) -> AgreementReport:
    """Compare two passes over the same documents (span F1 in every mode of ``modes``)."""
    labels = {(d.doc_id, s.sentence_id): s.uncertain for d in second.documents for s in d.sentences}
    report = score(first, second, sentence_labels=labels, modes=modes)
    spans = []
    for task, subtask in SPAN_ROWS:
        for mode in modes:
            result = report.get(task, subtask, mode.name)
            spans.append(
                SpanAgreement(
                    task=task,
                    subtask=subtask,
                    mode=mode.name,
                    first=result.tp + result.fn,
                    second=result.tp + result.fp,
                    matched=result.tp,
                    f1=result.f1,
                )
            )
    rows = []
    for name, (task, subtask, field) in LABEL_ROWS.items():
        result = report.get(task, subtask, EXACT.name)
        first_items = _by_id(getattr(first, task))
        second_items = _by_id(getattr(second, task))
        pairs = [
            (getattr(first_items[(doc, gid)], field), getattr(second_items[(doc, pid)], field))
            for doc, gid, pid in result.matched
        ]
        rows.append(_label_agreement(name, pairs))
    sentence_pairs = [
        (s1.uncertain, s2.uncertain)
        for d1, d2 in zip(first.documents, second.documents, strict=True)
        for s1, s2 in zip(d1.sentences, d2.sentences, strict=True)
    ]
    rows.append(_label_agreement("sentence uncertain", sentence_pairs))
    return AgreementReport(spans=tuple(spans), labels=tuple(rows))


def _by_id(items: Sequence[object]) -> dict[tuple[str, str], object]:
    return {(item.doc_id, item_id(item)): item for item in items}


def _label_agreement(name: str, pairs: list[tuple[object, object]]) -> LabelAgreement:
    if not pairs:
        return LabelAgreement(label=name, pairs=0, observed=0.0, kappa=None)
    a = [str(x) for x, _ in pairs]
    b = [str(y) for _, y in pairs]
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / len(pairs)
    kappa = None
    if len(set(a) | set(b)) > 1:
        from sklearn.metrics import cohen_kappa_score  # imports scipy: only when needed

        value = float(cohen_kappa_score(a, b))
        kappa = None if math.isnan(value) else value
    return LabelAgreement(label=name, pairs=len(pairs), observed=observed, kappa=kappa)


def agreement_markdown(report: AgreementReport) -> str:
    """Render the two agreement tables as Markdown (one F1 column per mode, in report order)."""
    modes = list(dict.fromkeys(r.mode for r in report.spans))
    lines = [
        "| task | subtask | first pass | second pass | "
        + " | ".join(f"{mode} F1" for mode in modes)
        + " |",
        "|---|---|---:|---:|" + "---:|" * len(modes),
    ]
    rows = {(r.task, r.subtask, r.mode): r for r in report.spans}
    for task, subtask in SPAN_ROWS:
        cells = [rows[(task, subtask, mode)] for mode in modes]
        lines.append(
            f"| {task} | {subtask} | {cells[0].first} | {cells[0].second} | "
            + " | ".join(f"{cell.f1:.3f}" for cell in cells)
            + " |"
        )
    lines += [
        "",
        "| label | matched pairs | observed agreement | Cohen's kappa |",
        "|---|---:|---:|---:|",
    ]
    for row in report.labels:
        kappa = "n/a (one label)" if row.kappa is None else f"{row.kappa:.3f}"
        lines.append(f"| {row.label} | {row.pairs} | {row.observed:.3f} | {kappa} |")
    return "\n".join(lines) + "\n"
