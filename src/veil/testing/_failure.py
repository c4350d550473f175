"""The one failure type of the conformance checks."""

from __future__ import annotations


class ConformanceError(AssertionError):
    """An implementation broke a contract a veil check tests.

    An AssertionError, so pytest reports it as a test failure. Its message names the
    check, the case and the dtype or column, never a value of the data under test.
    """


def safe_text(text: str, values: tuple[str, ...]) -> bool:
    """True when `text` quotes none of `values`: those of 3 or more characters, or, when
    only digits, of 5 or more (a short number in a message is a count or a bound: '100% of
    400 values' must not count as quoting the age 100)."""
    return not any(v in text for v in values
                   if len(v) >= (5 if v.isdigit() else 3))
