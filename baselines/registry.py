"""The baselines, built from their configs: ``conf/baseline/<name>.yaml`` is the registry.

Each baseline's config names its class (``_target_``) and holds its options, the only place
where their values are written; :func:`build_extractor` instantiates it with
``hydra.utils.instantiate``, the options as keyword arguments. The class is an
:class:`~baselines.base.Extractor` or a :class:`~baselines.base.SubmissionProducer`; a
DataError it raises for a bad option reaches the caller as it is (one line). Listing the
baselines reads the config folder and imports no baseline, so command-line help stays fast.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from baselines.base import Extractor, SubmissionProducer
from baselines.config import BASELINE_GROUP, baseline_names, compose_config, resolve_config
from benchmark.errors import DataError

NAME_KEY = "name"
"""Key of a baseline config holding the system name (not passed to the class)."""


class UnknownBaseline(DataError):
    """A baseline name without a config file."""


def build_extractor(options: Mapping[str, Any]) -> Extractor | SubmissionProducer:
    """Return the baseline a ``baseline`` config node describes (``_target_`` + options)."""
    from hydra.errors import InstantiationException
    from hydra.utils import instantiate

    arguments = {key: value for key, value in options.items() if key != NAME_KEY}
    try:
        return instantiate(arguments, _convert_="all")
    except InstantiationException as error:
        if isinstance(error.__cause__, DataError):
            raise error.__cause__ from None
        first = str(error).strip().splitlines()[0] if str(error).strip() else ""
        raise DataError(
            f"cannot build baseline {options.get(NAME_KEY)!r}: {first}", field="baseline"
        ) from None


def get_extractor(name: str, *, overrides: Sequence[str] = ()) -> Extractor | SubmissionProducer:
    """Return a new baseline for ``name`` built from its config (plus ``overrides``)."""
    if name not in baseline_names():
        raise UnknownBaseline(f"unknown baseline {name!r}; choose one of {list(baseline_names())}")
    node = compose_config(name, overrides=overrides)[BASELINE_GROUP]
    return build_extractor(resolve_config(node, prefix=BASELINE_GROUP))
