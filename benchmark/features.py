"""The ``datasets.Features`` of every public config, and the card YAML made from them.

Everything here is derived from :mod:`benchmark.inventory` (ClassLabel names,
in inventory order) so that the dataset card (``data/README.md``) can never
drift from the label sets: :func:`render_card_yaml` renders the card's front
matter and the integrity checks compare the committed card with it.
"""

from __future__ import annotations

import os

# datasets reads these when it is imported: this package never touches a hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")

import io  # noqa: E402
from pathlib import Path  # noqa: E402

import pyarrow as pa  # noqa: E402
import pyarrow.json as paj  # noqa: E402
import yaml  # noqa: E402
from datasets import ClassLabel, Features, List, Value  # noqa: E402
from datasets.table import table_cast  # noqa: E402

from benchmark import inventory  # noqa: E402
from benchmark.errors import DataError  # noqa: E402

SPLIT = "test"
"""The main split: the whole corpus is a test set."""

CONTRAST_SPLIT = "contrast"
"""The contrast split (minimal edits, ``data/contrast/edits.yaml``), present when built."""

SPLITS: tuple[str, ...] = (SPLIT, CONTRAST_SPLIT)
"""Every split, in card order."""

CONTRAST_SPEC = Path("contrast") / "edits.yaml"
"""The contrast edit specification, relative to the data folder."""

LAYER_CONFIGS: tuple[str, ...] = ("documents", "events", "casualties", "attributions", "hedges")
"""Configs that hold annotation layers (``benchmark.schema.Annotations`` fields)."""

CONFIGS: tuple[str, ...] = (*LAYER_CONFIGS, "tokens")
"""Every public config, in card order; ``tokens`` is a generated view."""

DEFAULT_CONFIG = "documents"
"""Config that ``load_dataset(path)`` picks without a config name."""

ID_FIELDS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id",),
    "events": ("event_id",),
    "casualties": ("casualty_id",),
    "attributions": ("attribution_id",),
    "hedges": ("hedge_id",),
    "tokens": ("doc_id", "sentence_id"),
}
"""Fields that identify a row of each config (unique per document, with ``doc_id``)."""

_INT = Value("int32")
_STR = Value("string")


def _labels(names: tuple[str, ...]) -> ClassLabel:
    return ClassLabel(names=list(names))


def _span() -> dict:
    return {"start": _INT, "end": _INT, "text": _STR}


FEATURES: dict[str, Features] = {
    "documents": Features(
        {
            "doc_id": _STR,
            "text": _STR,
            "language": _STR,
            "paragraphs": List(
                {"start": _INT, "end": _INT, "kind": _labels(inventory.PARAGRAPH_KINDS)}
            ),
            "sentences": List(
                {"sentence_id": _INT, "start": _INT, "end": _INT, "uncertain": Value("bool")}
            ),
            "title": _STR,
            "outlet": _STR,
            "publication_date": _STR,
            "date_inferred": _STR,
            "date_evidence": _STR,
            "source_note": _STR,
        }
    ),
    "events": Features(
        {
            "event_id": _STR,
            "doc_id": _STR,
            "sentence_id": _INT,
            "trigger": _span(),
            "event_type": _labels(inventory.EVENT_TYPES),
            "arguments": List(
                {
                    "role": _labels(inventory.ARGUMENT_ROLES),
                    "start": _INT,
                    "end": _INT,
                    "text": _STR,
                }
            ),
            "polarity": _labels(inventory.POLARITIES),
            "certainty": _labels(inventory.CERTAINTIES),
            "attribution_id": _STR,
        }
    ),
    "casualties": Features(
        {
            "casualty_id": _STR,
            "doc_id": _STR,
            "sentence_id": _INT,
            "status": _labels(inventory.CASUALTY_STATUSES),
            "count": _INT,
            "count_qualifier": _labels(inventory.COUNT_QUALIFIERS),
            "count_span": _span(),
            "qualifier_span": _span(),
            "trigger": _span(),
            "victim": _span(),
            "victim_group": _labels(inventory.VICTIM_GROUPS),
            "location": _span(),
            "time": _span(),
            "polarity": _labels(inventory.POLARITIES),
            "certainty": _labels(inventory.CERTAINTIES),
            "event_id": _STR,
            "attribution_id": _STR,
        }
    ),
    "attributions": Features(
        {
            "attribution_id": _STR,
            "doc_id": _STR,
            "source": _span(),
            "source_antecedent": _span(),
            "cue": _span(),
            "content": _span(),
            "attribution_type": _labels(inventory.ATTRIBUTION_TYPES),
            "parent_id": _STR,
        }
    ),
    "hedges": Features(
        {
            "hedge_id": _STR,
            "doc_id": _STR,
            "sentence_id": _INT,
            "cue": _span(),
            "cue_type": _labels(inventory.HEDGE_CUE_TYPES),
            "scope": _span(),
        }
    ),
    "tokens": Features(
        {
            "doc_id": _STR,
            "sentence_id": _INT,
            "tokens": List(_STR),
            "token_starts": List(_INT),
            "token_ends": List(_INT),
            "event_tags": List(_labels(inventory.EVENT_TAGS)),
            "hedge_tags": List(_labels(inventory.HEDGE_TAGS)),
            "attribution_tags": List(_labels(inventory.ATTRIBUTION_TAGS)),
            "casualty_tags": List(_labels(inventory.CASUALTY_TAGS)),
            "uncertain": Value("bool"),
        }
    ),
}
"""``datasets.Features`` per config, columns in JSONL field order."""

NULLABLE: dict[str, frozenset[str]] = {
    "documents": frozenset(
        {"title", "outlet", "publication_date", "date_inferred", "date_evidence", "source_note"}
    ),
    "events": frozenset({"attribution_id"}),
    "casualties": frozenset(
        {
            "count",
            "count_span",
            "qualifier_span",
            "trigger",
            "location",
            "time",
            "event_id",
            "attribution_id",
        }
    ),
    "attributions": frozenset({"source", "source_antecedent", "parent_id"}),
    "hedges": frozenset(),
    "tokens": frozenset(),
}
"""Top-level columns that may hold null, per config; every other value is required."""


def data_file(config: str, *, split: str = SPLIT) -> str:
    """Return the data file of ``config`` relative to the data folder (``events/test.jsonl``)."""
    return f"{config}/{split}.jsonl"


def available_splits(data_dir: Path) -> tuple[str, ...]:
    """Return the splits of ``data_dir``: ``test``, plus ``contrast`` if its spec or files exist."""
    folder = Path(data_dir)
    contrast = (folder / CONTRAST_SPEC).is_file() or any(
        (folder / data_file(config, split=CONTRAST_SPLIT)).is_file() for config in CONFIGS
    )
    return SPLITS if contrast else (SPLIT,)


def split_stats(path: Path, features: Features) -> dict:
    """Return ``{num_bytes, num_examples}`` of a JSONL file as ``datasets`` records them.

    The file is read and cast the way the ``json`` builder of ``datasets`` does
    (pyarrow's JSON reader, then ``table_cast`` to ``features``), so
    ``num_bytes`` is the size of the Arrow table ``datasets`` writes to its cache.
    A missing file counts as empty; an unreadable one raises DataError.
    """
    if not path.is_file():
        return {"num_bytes": 0, "num_examples": 0}
    payload = path.read_bytes()
    if not payload.strip():
        return {"num_bytes": 0, "num_examples": 0}
    try:
        options = paj.ReadOptions(block_size=max(len(payload), 1 << 20))
        table = table_cast(
            paj.read_json(io.BytesIO(payload), read_options=options), features.arrow_schema
        )
    except (ValueError, TypeError, KeyError, pa.ArrowException) as error:
        message = f"cannot measure the split: {type(error).__name__}: {error}"
        raise DataError(message, file=path) from error
    return {"num_bytes": int(table.nbytes), "num_examples": table.num_rows}


def card_metadata(*, data_dir: Path) -> dict:
    """Return the card front matter as plain data (see :func:`render_card_yaml`)."""
    splits = available_splits(data_dir)
    dataset_info = []
    for config in CONFIGS:
        features = FEATURES[config]
        dataset_info.append(
            {
                "config_name": config,
                "features": features._to_yaml_list(),
                "splits": [
                    {
                        "name": split,
                        **split_stats(data_dir / data_file(config, split=split), features),
                    }
                    for split in splits
                ],
            }
        )
    configs = []
    for config in CONFIGS:
        entry: dict = {"config_name": config}
        if config == DEFAULT_CONFIG:
            entry["default"] = True
        entry["data_files"] = [
            {"split": split, "path": data_file(config, split=split)} for split in splits
        ]
        configs.append(entry)
    return {
        "pretty_name": "kharkiv-ie: Italian conflict-news information extraction",
        "license": "cc-by-4.0",
        "license_details": (
            "The annotations (offsets, labels, links, metadata) are released under CC BY 4.0. "
            "The article text itself is reproduced for research only: its copyright stays "
            "with its publisher and it is not covered by the CC BY 4.0 license."
        ),
        "language": ["it"],
        "multilinguality": "monolingual",
        "annotations_creators": ["machine-generated"],
        "language_creators": ["found"],
        "source_datasets": ["original"],
        "task_categories": ["token-classification", "text-classification"],
        "size_categories": ["n<1K"],
        "tags": [
            "event-extraction",
            "attribution",
            "hedging",
            "factuality",
            "casualties",
            "italian",
            "news",
        ],
        "configs": configs,
        "dataset_info": dataset_info,
    }


def render_card_yaml(*, data_dir: Path | None = None) -> str:
    """Return the YAML front matter of ``data/README.md`` (without the ``---`` fences).

    Features come from :data:`FEATURES` (datasets 5.x card format: a list of
    structs is ``list:``); split sizes come from the JSONL files in ``data_dir``
    (default: the package's ``data/`` folder).
    """
    if data_dir is None:
        from benchmark.loading import data_dir as default_data_dir

        data_dir = default_data_dir()
    metadata = card_metadata(data_dir=Path(data_dir))
    return yaml.safe_dump(metadata, sort_keys=False, allow_unicode=True, width=100)


def split_front_matter(card_text: str) -> tuple[str | None, str]:
    """Split a card into ``(yaml_text, body)``; ``yaml_text`` is None without front matter."""
    if not card_text.startswith("---\n"):
        return None, card_text
    end = card_text.find("\n---\n", 3)
    if end == -1:
        return None, card_text
    return card_text[4 : end + 1], card_text[end + 5 :]


def card_with_yaml(card_text: str, yaml_text: str) -> str:
    """Return ``card_text`` with its front matter replaced by ``yaml_text`` (body kept)."""
    _, body = split_front_matter(card_text)
    return f"---\n{yaml_text}---\n{body}"
