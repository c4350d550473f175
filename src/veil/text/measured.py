"""What the text scrubber was measured to do, for reports: the recall the `scrub`
action can honestly claim, and where that number comes from.

`bench/text.py` writes `veil/data/text_eval/measured.json` after scoring the rule
set on the generated corpus (`veil text eval`); its `blind` block is the recall on a
corpus written independently and never used for tuning (kept by the custodian outside
the repository, recorded by hand), and the report quotes that one when it is there:
synthetic and tuned-on corpora overstate recall on unseen text. The Safe Harbor check
quotes it next to the statement that residual risk is not zero.
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
    elif isinstance(found.get("blind"), dict):  # text never used for tuning: the honest figure
        blind = found["blind"]
        told = (f"measured recall {blind['notes']:.3f} on long notes and {blind['queries']:.3f} "
                f"on short informal questions written independently and never used to tune it "
                f"({blind['spans']} identifiers; {found['recall_long_notes']:.3f} on the "
                f"project's own synthetic notes)")
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
