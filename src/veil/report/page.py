"""What every report page shares: the Jinja2 environment, value formatting, figures, verdicts.

`veil.report.html` (report.html), `risk_html`, `anonymize_html`, `dp_html` and
`statement_html` all load their templates and format values through here, so the
pages look alike and no page module needs another.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup


@dataclass(frozen=True)
class Figure:
    """An inline SVG chart with its caption."""

    caption: str
    svg: Markup
    note: str = ""
    table: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Verdict:
    """The one-line outcome shown at the top of the page."""

    css: str
    label: str
    text: str


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """The Jinja2 environment, autoescaping everything and failing on typos."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("veil.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["num"] = _num
    return env


def _text(value: Any) -> str:
    """A report value as display text ("" for None)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _num(value: Any) -> str:
    """Numbers with thousands separators; anything else as text; None as a dash."""
    if value is None or value == "":
        return "—"
    return _text(value)


def _int(value: Any, default: int = 0) -> int:
    """An int from a report value, `default` if it is missing or not a number."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    return default


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else []


def _plural(n: int, one: str, many: str | None = None) -> str:
    """`n` with the right form of the noun: "1 column", "3 columns"."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"
