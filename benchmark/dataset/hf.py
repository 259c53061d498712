"""``datasets``, imported offline: the one module of the package that imports it.

``datasets`` reads ``HF_HUB_OFFLINE`` and ``HF_DATASETS_OFFLINE`` when it is imported, so they
are set first: this package never touches a hub. Importing this module takes seconds; the
scorer never does (:mod:`benchmark.dataset.gold` reads the gold without it).
"""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")

import datasets  # noqa: E402
from datasets import ClassLabel, Features, List, Value  # noqa: E402
from datasets.exceptions import DatasetsError, SplitsVerificationError  # noqa: E402
from datasets.table import table_cast  # noqa: E402

__all__ = [
    "ClassLabel",
    "DatasetsError",
    "Features",
    "List",
    "SplitsVerificationError",
    "Value",
    "datasets",
    "table_cast",
]
