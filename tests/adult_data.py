"""Where the tests find the Adult benchmark data: shipped with them in `tests/data/adult`
(ARX's variant of the UCI Adult extract, Apache-2.0 / CC BY 4.0; see its SOURCE.md), so a
fresh clone on any machine runs the ARX and pycanon cross-checks instead of skipping them."""

from __future__ import annotations

from pathlib import Path

ADULT_DIR = Path(__file__).resolve().parent / "data" / "adult"
ADULT_CSV = ADULT_DIR / "adult.csv"
