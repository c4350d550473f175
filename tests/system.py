"""System programs the tests need (chromium, PostgreSQL): skipped locally, failed in CI.

`make test` installs both (Debian packages, when run as root) or stops before the tests
start, so under make they are always present. Elsewhere a missing program skips its
tests with the reason, except in CI (the CI variable set, as GitHub, GitLab and most
runners do): there a skip would let the suite pass without having opened a single report
in a browser or touched PostgreSQL, so it is a failure instead.
"""

from __future__ import annotations

import os

import pytest

_FALSE = ("", "0", "false", "no", "off")


def in_ci() -> bool:
    """Whether the CI variable is set to a true value (CI=true, CI=1)."""
    return os.environ.get("CI", "").strip().lower() not in _FALSE


def require(found: bool, reason: str) -> None:
    """Return when `found`; else skip with `reason`, or fail with it in CI."""
    if found:
        return
    if in_ci():
        pytest.fail(f"{reason} (CI is set: these tests must run, not be skipped)", pytrace=False)
    pytest.skip(reason)
