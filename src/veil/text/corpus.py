"""A corpus of texts with gold PHI spans: the records `veil text eval` scores.

One JSON object per line: `{"id", "patient_id", "text", "spans": [{"start",
"end", "type"}], "terms": [...]}`; offsets are character offsets into `text`
(end exclusive), `type` the name of a `veil.text.PhiType` member, `terms` the
clinical terms that must survive scrubbing verbatim. `veil generate notes`
writes such files; any other corpus in this shape can be scored.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from veil.errors import UsageError


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """Where one identifier is: character offsets into the text (end exclusive)."""

    start: int
    end: int
    type: str


@dataclass(frozen=True)
class NoteRecord:
    """One generated text with its gold spans and the clinical terms it holds."""

    id: str
    patient_id: str | None
    kind: str
    text: str
    spans: tuple[GoldSpan, ...]
    terms: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id, "patient_id": self.patient_id, "kind": self.kind, "text": self.text,
            "spans": [{"start": s.start, "end": s.end, "type": s.type} for s in self.spans],
            "terms": list(self.terms),
        }


def read_records(path: Path) -> Iterator[NoteRecord]:
    """Records of a JSON lines corpus ({"id", "text", "spans", ...} per line)."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                spans = tuple(GoldSpan(int(s["start"]), int(s["end"]), str(s["type"]).upper())
                              for s in item.get("spans") or ())
                yield NoteRecord(str(item.get("id", number)), item.get("patient_id"),
                                 str(item.get("kind", "")), str(item["text"]), spans,
                                 tuple(str(t) for t in item.get("terms") or ()))
            except (ValueError, KeyError, TypeError) as err:
                raise UsageError(f"{path}: line {number} is not a corpus record "
                                 f"({type(err).__name__})",
                                 hint='each line needs {"id", "text", "spans": '
                                 '[{"start", "end", "type"}]}') from err


def read_table(path: Path) -> pl.DataFrame:
    """A patient table (CSV, Parquet or JSON lines) with every column as text."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise UsageError(f"{path}: no such file", hint="--known takes the patient table")
    if suffix == ".parquet":
        return pl.read_parquet(path).select(pl.all().cast(pl.String))
    if suffix in (".jsonl", ".ndjson"):
        return pl.read_ndjson(path, infer_schema_length=None).select(pl.all().cast(pl.String))
    return pl.read_csv(path, infer_schema=False)


def read_texts(path: Path) -> list[str]:
    """Texts only (hard-negative queries): a JSON lines corpus or one text per line."""
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        return [r.text for r in read_records(path)]
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


_MARK = re.compile(r"\[\[([A-Z_]+)\|([^\]]+)\]\]|\{\{([^}]+)\}\}")


def parse_marked(marked: str, record_id: str, patient_id: str | None = None) -> NoteRecord:
    """A record from hand-marked text: `[[TYPE|value]]` is PHI of TYPE, `{{term}}` a
    clinical term that must survive; everything else is plain text.

    >>> r = parse_marked("Seen by Dr. [[NAME|Ray Holt]] for {{Bell's palsy}}.", "r1")
    >>> r.text, [(r.text[s.start:s.end], s.type) for s in r.spans], r.terms
    ("Seen by Dr. Ray Holt for Bell's palsy.", [('Ray Holt', 'NAME')], ("Bell's palsy",))
    """
    parts: list[str] = []
    spans: list[GoldSpan] = []
    terms: list[str] = []
    pos = last = 0
    for match in _MARK.finditer(marked):
        plain = marked[last:match.start()]
        parts.append(plain)
        pos += len(plain)
        kind, value, term = match.group(1), match.group(2), match.group(3)
        text = value if kind else term
        if kind:
            spans.append(GoldSpan(pos, pos + len(text), kind))
        else:
            terms.append(text)
        parts.append(text)
        pos += len(text)
        last = match.end()
    parts.append(marked[last:])
    return NoteRecord(record_id, patient_id, "marked", "".join(parts), tuple(spans),
                      tuple(dict.fromkeys(terms)))
