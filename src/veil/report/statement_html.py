"""Render a shredding statement (`veil vault statement`'s dict) as one self-contained page.

Like the other reports: inline CSS, no scripts, no URLs, deterministic; the residual-risk
section is the one `veil risk` draws.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from veil.report.page import _environment
from veil.report.risk_html import risk_section_html

TEMPLATE = "statement.html.j2"


def render_statement_html(data: Mapping[str, Any], *, tone: str) -> str:
    """`Statement.to_dict()` as a self-contained page, the risk section of `veil risk` in it.

    `tone` is the verdict's style, which the statement decides (`removed`: the data
    are anonymized; `attest`: key destroyed but residual risk too high; `violation`:
    still personal data). Every value is escaped by Jinja2's autoescape; only the
    risk section (rendered with autoescape by its own template) is inserted as markup.
    """
    css = tone if tone in ("removed", "attest") else "violation"
    section = risk_section_html(data["residual_risk"]).replace(
        "<h2>Re-identification risk</h2>", "<h2>Residual re-identification risk</h2>", 1)
    return _environment().get_template(TEMPLATE).render(
        s=data, css=css, risk=Markup(section), measured=_shown)  # section: autoescaped


def _shown(value: object) -> str:
    """A measured value for the page: shares to four decimals, counts with separators."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)
