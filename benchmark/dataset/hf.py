"""``datasets``, used offline: the one module of the package that imports it.

Loading the gold never touches a hub. The offline switch is set for our own calls only
(:func:`offline`): the attributes ``datasets`` and ``huggingface_hub`` read at call time are
set while the call runs and restored afterwards; the process environment
(``HF_HUB_OFFLINE``, ``HF_DATASETS_OFFLINE``) is left alone, so a user's own script in the
same process can still download models. Importing this module takes seconds; the scorer
never does (:mod:`benchmark.dataset.gold` reads the gold without it).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import datasets
from datasets import ClassLabel, Features, List, Value
from datasets import config as datasets_config
from datasets.exceptions import DatasetsError, SplitsVerificationError
from datasets.table import table_cast
from huggingface_hub import constants as hub_constants

_SWITCHES = ((datasets_config, "HF_HUB_OFFLINE"), (hub_constants, "HF_HUB_OFFLINE"))


@contextlib.contextmanager
def offline() -> Iterator[None]:
    """Run the block with ``datasets`` and the Hub client offline, then restore their switch.

    ``datasets`` also logs every failed load at error level on its own: while the block runs
    only critical messages pass (a failure is raised, and reported once, by the caller).
    """
    saved = [(module, name, getattr(module, name)) for module, name in _SWITCHES]
    verbosity = datasets.logging.get_verbosity()
    try:
        for module, name, _ in saved:
            setattr(module, name, True)
        datasets.logging.set_verbosity(datasets.logging.CRITICAL)
        yield
    finally:
        for module, name, value in saved:
            setattr(module, name, value)
        datasets.logging.set_verbosity(verbosity)


__all__ = [
    "ClassLabel",
    "DatasetsError",
    "Features",
    "List",
    "SplitsVerificationError",
    "Value",
    "datasets",
    "offline",
    "table_cast",
]
