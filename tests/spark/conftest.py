"""One Spark session for the whole run (`local[2]`), shared by every Spark test.

Spark allows one context per process and takes seconds to start, so the session
is made once (session scope) and stopped at the end. Java and pyspark are
installed by `make test` (Debian openjdk-17-jre-headless, the spark extra): a
missing one skips these tests locally and fails them in CI (tests/system.py).
"""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.system import require

if TYPE_CHECKING:
    from veil.engines.spark_engine import SparkEngine

MASTER = "local[2]"


def require_spark() -> None:
    """Java and pyspark, or skip (fail in CI)."""
    require(shutil.which("java") is not None,
            "Java 17 is not installed (the Spark engine needs it; make test installs "
            "openjdk-17-jre-headless)")
    require(importlib.util.find_spec("pyspark") is not None,
            "pyspark is not installed (pip install -c requirements.lock -e '.[spark]')")


@pytest.fixture(scope="session")
def spark_engine() -> Iterator[SparkEngine]:
    """The Spark engine on `local[2]`, its session started once."""
    require_spark()
    from veil.engines.spark_engine import SparkEngine
    from veil.engines.spark_session import stop_session

    engine = SparkEngine(MASTER)
    assert engine.spark is not None  # start it once, here
    yield engine
    stop_session()
