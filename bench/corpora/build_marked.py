"""Turn a writer's marked files into veil text eval corpora (notes.jsonl, queries.jsonl).

Usage: python bench/corpora/build_marked.py DIR (DIR holds notes.marked.jsonl,
queries.marked.jsonl and negatives.jsonl, see WRITING_SPEC.md); it checks the markup.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

MARK = re.compile(r"\{\{([A-Z_]+)\|(.*?)\}\}|<<(.*?)>>", re.S)
TYPES = {"NAME", "DATE", "AGE", "ADDRESS", "CITY", "COUNTY", "ZIP", "FACILITY", "PHONE", "FAX",
         "EMAIL", "SSN", "MRN", "ACCOUNT", "HEALTH_PLAN", "LICENSE", "PLATE", "VIN", "DEVICE",
         "URL", "IP", "ID"}


def build(marked: str, where: str, errors: list[str]):
    out, spans, terms, pos, length = [], [], [], 0, 0
    for m in MARK.finditer(marked):
        chunk = marked[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        if m.group(1):
            kind, value = m.group(1), m.group(2)
            if kind not in TYPES:
                errors.append(f"{where}: unknown type {kind}")
            if not value.strip() or value != value.strip():
                errors.append(f"{where}: empty or padded value in {kind}")
            spans.append({"start": length, "end": length + len(value), "type": kind})
        else:
            value = m.group(3)
            terms.append(value)
        if "{{" in value or "}}" in value or "<<" in value:
            errors.append(f"{where}: nested markup")
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    for bad in ("{{", "}}", "<<", ">>"):
        if bad in text:
            errors.append(f"{where}: stray {bad!r} after markup removed")
    return text, spans, list(dict.fromkeys(terms))


def convert(src: Path, dst: Path, errors: list[str], counts: Counter, lengths: list[int]) -> int:
    rows = 0
    with dst.open("w", encoding="utf-8") as out:
        for n, line in enumerate(src.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"{src.name}:{n}: bad JSON ({exc.msg})")
                continue
            text, spans, terms = build(row["marked"], f"{src.name}:{n}", errors)
            counts.update(s["type"] for s in spans)
            lengths.append(len(text))
            rec = {"id": row["id"], "kind": row.get("kind", "query"), "text": text,
                   "spans": spans, "terms": terms}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            rows += 1
    return rows


def main() -> None:
    here = Path(sys.argv[1])
    errors: list[str] = []
    for name in ("notes", "queries"):
        counts: Counter = Counter()
        lengths: list[int] = []
        src = here / f"{name}.marked.jsonl"
        if not src.exists():
            errors.append(f"missing {src}")
            continue
        rows = convert(src, here / f"{name}.jsonl", errors, counts, lengths)
        print(f"{name}: {rows} records, {sum(lengths)} chars (min {min(lengths, default=0)},"
              f" max {max(lengths, default=0)}), {sum(counts.values())} spans:"
              f" {dict(sorted(counts.items()))}")
    neg = here / "negatives.jsonl"
    if neg.exists():
        rows = [json.loads(x) for x in neg.read_text(encoding="utf-8").splitlines() if x.strip()]
        bad = [r["id"] for r in rows if "{{" in r["text"] or "<<" in r["text"]]
        if bad:
            errors.append(f"negatives with markup: {bad}")
        print(f"negatives: {len(rows)}")
    else:
        errors.append("missing negatives.jsonl")
    for e in errors:
        print("ERROR", e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
