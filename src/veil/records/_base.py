"""The base of every record model: frozen, closed (`extra="forbid"`), JSON as veil writes it.

Records are the files a run leaves behind (report.json, manifest.json, ...). The
writers validate their data through these models before writing, so a field that
is misspelt, missing or of the wrong type is a bug caught before anything is
written, and library users get typed values instead of `dict[str, Any]`.
"""

from __future__ import annotations

import json
from typing import Any, Self

from pydantic import BaseModel, ConfigDict

Number = int | float
"""A JSON number kept as written: an int stays an int, a float a float (pydantic's
smart union), so a validated record dumps to exactly the JSON it was read from."""


class Record(BaseModel):
    """A frozen, closed record model; `to_json()` writes it as veil's writers always have."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def to_data(self) -> dict[str, Any]:
        """The plain data: exactly the keys that were set (optional keys stay absent)."""
        return self.model_dump(mode="python", exclude_unset=True)

    def to_json(self, *, ascii_only: bool = False) -> str:
        """JSON text: two-space indent, a final newline, values unchanged."""
        return json.dumps(self.to_data(), indent=2, ensure_ascii=ascii_only, default=str) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Self:
        """The record in JSON `text` (a file the writer made); ValidationError if it is not."""
        return cls.model_validate(json.loads(text))
