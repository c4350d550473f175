"""Shared fixtures: a helper to run one action on a small frame."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import polars as pl
import pytest

from tests.system import in_ci
from tests.vault.pgcluster import PgCluster, server_binaries
from veil.actions.context import ActionContext
from veil.actions.registry import BUILTIN_ACTIONS
from veil.actions.secrets import Secret
from veil.actions.zip3 import restricted_prefixes
from veil.policy.models import ZipSettings

REFERENCE = dt.date(2026, 1, 1)
SECRET = Secret(b"unit-test-secret-0123456789", "test")

ApplyAction = Callable[..., list[Any]]


@pytest.fixture
def apply_action() -> ApplyAction:
    """Run `rule` on `values` (a list, optionally typed) and return the output list."""

    def run(rule: Any, values: list[Any], dtype: pl.DataType | None = None,
            secret: Secret | None = SECRET, **extra: Any) -> list[Any]:
        frame = pl.DataFrame({"c": pl.Series(values, dtype=dtype)} | extra)
        ctx = ActionContext(
            column="c",
            dtype=frame.schema["c"],
            reference_date=REFERENCE,
            zip3_restricted=restricted_prefixes(ZipSettings()),
            secret=secret,
            schema=dict(frame.schema),
        )
        return frame.select(BUILTIN_ACTIONS[rule.action](rule, ctx).alias("o"))["o"].to_list()

    return run


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster | None]:
    """One throwaway PostgreSQL server for the whole run (None when it is not installed):
    the vault's and the service's tests each create their own databases in it."""
    if server_binaries() is None:
        if in_ci():  # a skip would let CI pass without PostgreSQL (tests/system.py)
            pytest.fail("PostgreSQL server binaries (initdb, pg_ctl) not found; CI is set: "
                        "`make test` installs Debian's postgresql as root", pytrace=False)
        yield None
        return
    cluster = PgCluster()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
