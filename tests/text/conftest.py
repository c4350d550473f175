"""Shared fixtures of the veil.text tests: one default Scrubber for the session (its word
lists load once)."""

from __future__ import annotations

import pytest

from veil.text.scrubber import Scrubber, ScrubOptions


@pytest.fixture(scope="session")
def scrubber() -> Scrubber:
    """The default scrubber (rules only, tags, Safe Harbor)."""
    return Scrubber(ScrubOptions())
