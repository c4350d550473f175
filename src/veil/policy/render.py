"""Write a policy as commented YAML (for `veil init`), loadable by `load_policy`."""

from __future__ import annotations

import json
from collections.abc import Mapping

import yaml

from veil.policy.models import Policy


def render_policy(policy: Policy, *, comments: Mapping[str, str] | None = None,
                  header: str = "") -> str:
    """YAML text for `policy`, one flow mapping per column with its comment."""
    comments = comments or {}
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    lines.append(f"version: {policy.version}")
    lines.append(f"profile: {policy.profile}")
    if policy.reference_date is not None:
        lines.append(f"reference_date: {policy.reference_date.isoformat()}")
    zip_settings = policy.zip3.model_dump(mode="json", exclude_defaults=True)
    if zip_settings:
        lines.append("zip3: " + _flow(zip_settings))
    lines.append("columns:")
    for name, rule in policy.columns.items():
        body = _flow(rule.model_dump(mode="json", exclude_defaults=True, exclude_none=True)
                     | {"action": rule.action})
        comment = comments.get(name)
        entry = f"  {json.dumps(name)}: {body}"
        lines.append(entry + (f"  # {_one_line(comment)}" if comment else ""))
    return "\n".join(lines) + "\n"


def _flow(data: Mapping[str, object]) -> str:
    ordered = dict(sorted(data.items(), key=lambda item: item[0] != "action"))
    text = yaml.safe_dump(ordered, default_flow_style=True, sort_keys=False, width=10_000)
    return text.strip()


def _one_line(text: str) -> str:
    return " ".join(text.replace("#", "").split())
