"""The blank runs that separate the fields of a form's line.

A form or a grid written as text puts its fields on one line with a tab or a run of blanks
between them ('Walter Amundsen           Hospice ID: 4471'); a name never runs on across
such a gap. Every rule that stops a name at a field boundary uses these two patterns, so
they agree on where a field ends.
"""

from __future__ import annotations

import re

__all__ = ["BLANK_RUN", "FIELD_GAP"]

FIELD_GAP = re.compile(r"[ \t]{3,}|\t")
"""Three blanks or a tab: the gap between two fields of a form's line."""
BLANK_RUN = re.compile(r"[ \t]*\t[ \t]*|[ \t]{2,}")
"""Two blanks or more (or a tab with its blanks): a gap that ends a field only where a label
follows it ('Nursing Home  Unit: Magnolia'); a `FIELD_GAP` ends one on its own."""
