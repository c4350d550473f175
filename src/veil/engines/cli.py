"""The command-line options that choose an engine (`--engine`, `--master`,
`--spark-conf`), shared by every command that runs full-dataset work.

They live here, not in `veil.cli.common`, so that sub-apps registered by the
root app (`veil.vault.cli`'s `pseudonymize`) can use them without importing
`veil.cli` (which imports them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from veil.errors import UsageError

if TYPE_CHECKING:
    from veil.engines.base import Engine

EngineOpt = Annotated[str, typer.Option(
    "--engine", help="where the data work runs: polars (this process) or spark (a Spark "
    "cluster: Parquet in and out)")]
MasterOpt = Annotated[str | None, typer.Option(
    "--master", help="with --engine spark: local[N], spark://HOST:PORT or sc://HOST:PORT "
    "(Spark Connect); default: spark-submit's or local[2]")]
SparkConfOpt = Annotated[list[str] | None, typer.Option(
    "--spark-conf", help="with --engine spark: a Spark setting KEY=VALUE; repeatable")]


def engine(name: str, master: str | None, conf: list[str] | None) -> Engine:
    """The engine --engine/--master/--spark-conf name (EngineError, exit 2, for an unknown
    or unavailable engine); chosen here, by the command, never inside the pipeline."""
    from veil.engines import get_engine

    settings: dict[str, str] = {}
    for item in conf or []:
        key, equals, value = item.partition("=")
        if not equals or not key.strip():
            # the value may be a secret (spark.authenticate.secret): never echoed
            raise UsageError("--spark-conf takes KEY=VALUE",
                             hint="e.g. --spark-conf spark.executor.memory=4g")
        settings[key.strip()] = value
    return get_engine(name, master=master, conf=settings)
