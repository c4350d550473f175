"""The Spark session of this process: one, created lazily, quiet, in UTC, with Arrow.

`--master local[2]` (and `local-cluster[...]`) starts Spark inside this process;
`spark://HOST:PORT` joins a standalone cluster; `sc://HOST:PORT` is Spark
Connect (needs pyspark's connect extra); no master means whatever spark-submit
or the environment set. A second engine asking for another master in the same
process is refused: Spark allows one context per process, and silently
reusing the first would run on the wrong cluster.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from veil.errors import EngineError

DEFAULTS: dict[str, str] = {
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.execution.arrow.pyspark.enabled": "true",
    # Polars reads Spark's default INT96 timestamps as nanoseconds: write microseconds
    "spark.sql.parquet.outputTimestampType": "TIMESTAMP_MICROS",
    "spark.sql.execution.arrow.maxRecordsPerBatch": "65536",
    "spark.ui.showConsoleProgress": "false",
    "spark.ui.enabled": "false",
    "spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs": "false",
}
LOCAL_DEFAULTS: dict[str, str] = {
    "spark.sql.shuffle.partitions": "8",
    # the executors' Python is this process's (the same venv, so the same veil)
    "spark.pyspark.python": sys.executable,
    "spark.pyspark.driver.python": sys.executable,
}

_LOG4J = """\
rootLogger.level = fatal
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n%ex
"""

_lock = threading.Lock()
_session: Any = None
_master: str | None = None


def is_local(master: str | None) -> bool:
    return master is not None and master.startswith(("local", "local-cluster"))


def get_session(master: str | None, conf: Mapping[str, str]) -> Any:
    """The process's Spark session (created on first use)."""
    global _session, _master
    with _lock:
        if _session is not None:
            if master is not None and master != _master:
                raise EngineError(
                    f"this process already runs Spark on {_master!r}; cannot switch to "
                    f"{master!r}", hint="use one --master per process")
            return _session
        _session = _create(master, conf)
        _master = master
        return _session


def _create(master: str | None, conf: Mapping[str, str]) -> Any:
    try:
        from pyspark.sql import SparkSession
    except ImportError as err:
        raise EngineError(f"the Spark engine is not available here ({err.name})",
                          hint="install veil with the spark extra and Java 17") from None
    builder = SparkSession.builder.appName("veil")
    if master is not None and master.startswith("sc://"):
        builder = builder.remote(master)
        settings = dict(DEFAULTS)
        for key in ("spark.ui.enabled", "spark.ui.showConsoleProgress",
                    "spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs"):
            settings.pop(key)  # static settings of the server
    else:
        if master is not None:
            builder = builder.master(master)
        settings = dict(DEFAULTS)
        # the workers' Python when nothing else names one: this process's (the same venv,
        # so the same veil). Without it, no --master (Spark's own default, local[*]) ran
        # the workers on the first `python3` on PATH, which has no veil. A cluster's
        # `spark.pyspark.python` and the user's own $PYSPARK_PYTHON still win.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        if is_local(master):  # spark-submit's own settings (master None) are left alone
            settings.update(LOCAL_DEFAULTS)
            settings["spark.driver.extraJavaOptions"] = (
                f"-Dlog4j2.configurationFile={_log_config()}")
        if master is not None and master.startswith("local-cluster"):
            _spark_home()
    settings.update(conf)
    for key, value in settings.items():
        builder = builder.config(key, value)
    try:
        return builder.getOrCreate()
    except Exception as err:  # the JVM did not start: no data is involved yet
        raise EngineError(f"Spark could not start on {master!r} ({type(err).__name__})",
                          hint="check Java 17 (`java -version`) and the master URL") from None


def _log_config() -> Path:
    path = Path(tempfile.gettempdir()) / "veil-spark-log4j2.properties"
    if not path.exists() or path.read_text() != _LOG4J:
        path.write_text(_LOG4J)
    return path


def _spark_home() -> None:
    """`local-cluster` launches executor JVMs through SPARK_HOME's scripts: pyspark's
    pip package ships them (bin/, jars/), so point SPARK_HOME there when unset."""
    if "SPARK_HOME" not in os.environ:
        import pyspark

        os.environ["SPARK_HOME"] = str(Path(pyspark.__file__).parent)


def stop_session() -> None:
    """Stop the process's session (tests, benchmarks)."""
    global _session, _master
    with _lock:
        if _session is not None:
            _session.stop()
        _session = None
        _master = None
