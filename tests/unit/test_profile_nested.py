"""A nested column (list, array, struct left after flattening) is not scrubbed as text:
Safe Harbor drops it (the scrub action reads text and numbers only)."""

from __future__ import annotations

import polars as pl

from veil.policy.models import Drop
from veil.policy.profiles import safe_harbor_proposal
from veil.scan import scan_frame


def test_a_list_column_is_dropped_not_scrubbed() -> None:
    frame = pl.DataFrame({"readings": [[1.5, 2.0], [3.1], []] * 50,
                          "hr": list(range(150))})
    finding = scan_frame(frame).finding("readings")
    assert isinstance(safe_harbor_proposal(finding).rule, Drop)
