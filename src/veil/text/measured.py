"""What the text scrubber was measured to do, for reports: the recall the `scrub`
action can honestly claim, and where that number comes from.

`bench/text.py` writes `veil/data/text_eval/measured.json` after scoring the rule
set on the generated corpus (`veil text eval`); the Safe Harbor check quotes it in
the report next to the statement that residual risk is not zero.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def measured() -> dict[str, Any] | None:
    """The shipped evaluation summary, or None when none is shipped."""
    try:
        path = resources.files("veil") / "data" / "text_eval" / "measured.json"
        loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, OSError, ValueError):
        return None
    return loaded


def recall_statement() -> str:
    """One sentence for reports: the measured recall and that residual risk is not zero."""
    found = measured()
    if found is None:
        told = "its recall has not been measured in this installation"
    else:
        held = found.get("recall_heldout_notes")
        heldout = "" if held is None else (
            f", {held:.3f} on {found['heldout_spans']} identifiers of hand-written notes "
            "the rules were not tuned on")
        told = (f"measured recall {found['recall_long_notes']:.3f} on long synthetic notes "
                f"and {found['recall_short_queries']:.3f} on short queries{heldout} "
                f"(lowest type: {found['lowest_type']} {found['lowest_type_recall']:.3f}; "
                f"{found['corpus']}, {found['date']})")
    return (f"free text is scrubbed by veil.text: {told}; recall is below 1, so the residual "
            "risk is not zero: review a sample of the scrubbed text before release")
