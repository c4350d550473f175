"""Engines: where veil's full-dataset work runs (see `veil.engines.base.Engine`).

`get_engine("polars")` (the default) or `get_engine("spark", master=..., conf=...)`;
Spark is imported only when asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING

from veil.errors import EngineError

if TYPE_CHECKING:
    from veil.engines.base import Engine

ENGINES = ("polars", "spark")


def get_engine(name: str = "polars", *, master: str | None = None,
               conf: Mapping[str, str] | None = None) -> Engine:
    """The engine called `name`; EngineError (exit 2) for an unknown or unavailable one."""
    if name == "polars":
        if master is not None or conf:
            raise EngineError("--master and --spark-conf apply to --engine spark only",
                              hint="add --engine spark, or leave them out")
        from veil.engines.polars_engine import PolarsEngine

        return PolarsEngine()
    if name == "spark":
        try:
            module = importlib.import_module("veil.engines.spark_engine")
        except ImportError as err:
            raise EngineError(
                f"the Spark engine is not available here ({type(err).__name__}: "
                f"{getattr(err, 'name', None) or 'import failed'})",
                hint="install veil with the spark extra (pip install 'veil[spark]') and Java 17",
            ) from None
        engine: Engine = module.SparkEngine(master=master, conf=dict(conf or {}))
        return engine
    raise EngineError(f"unknown engine {name!r}",
                      hint=f"use one of: {', '.join(ENGINES)}")


__all__ = ["ENGINES", "get_engine"]
