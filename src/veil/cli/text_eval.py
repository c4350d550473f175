"""`veil text eval`: score the scrubber on a corpus with gold spans (a thin layer over
`veil.text.evaluate`). Output names leaks by record, offset and type only; values go
nowhere but an owner-only file, and only with --show-leaks."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from veil.cli.common import JsonOpt, out, print_json
from veil.errors import UsageError


def eval_(
    corpus: Annotated[Path, typer.Argument(help="JSON lines: {id, text, spans, terms}")],
    known: Annotated[Path | None, typer.Option(
        "--known", help="patient table for known-PHI propagation (CSV, Parquet)")] = None,
    link: Annotated[str, typer.Option(
        "--link", help="the table's column matching each record's patient_id")] = "patient_id",
    negatives: Annotated[Path | None, typer.Option(
        "--negatives", help="hard-negative queries (no PHI): .jsonl or one per line")] = None,
    ner: Annotated[bool, typer.Option(
        "--ner/--no-ner", help="the NER signal beside the rules, as `veil scrub` runs it "
        "(on by default)")] = True,
    ner_model: Annotated[str, typer.Option(
        "--ner-model", help="with --ner: veil, spacy or both")] = "both",
    as_json: JsonOpt = False,
    show_leaks: Annotated[Path | None, typer.Option(
        "--show-leaks", help="write the missed values with context to this file (mode 0600, "
        "for the data owner only)")] = None,
) -> None:
    """Run the scrubber over CORPUS and report per-type precision, recall and F2, clinical
    terms kept, hard negatives changed and speed; leaks by (record, offset, type) only."""
    from veil.text.cli import ner_models
    from veil.text.corpus import read_records, read_table, read_texts
    from veil.text.evaluate import evaluate_scrubber, write_leak_values
    from veil.text.known import known_phi_from_table
    from veil.text.scrubber import Scrubber, ScrubOptions

    if not corpus.is_file():
        raise UsageError(f"{corpus}: no such file",
                         hint="make one with `veil generate notes -o DIR`")
    records = list(read_records(corpus))
    known_map = None if known is None else known_phi_from_table(read_table(known), link)
    queries = read_texts(negatives) if negatives is not None else []
    options = ScrubOptions(ner=ner, ner_models=ner_models(ner_model))
    result = evaluate_scrubber(Scrubber(options), records, known=known_map, negatives=queries)
    if show_leaks is not None:
        write_leak_values(show_leaks, records, result.leaks)
    if as_json:
        print_json(result.to_dict())
        return
    _print(result.to_dict())


def _print(data: dict[str, Any]) -> None:
    from rich.table import Table

    table = Table("type", "gold", "recall", "strict", "precision", "F2")
    for kind, s in data["per_type"].items():
        table.add_row(kind, str(s["gold"]), _f(s["recall"]), _f(s["strict_recall"]),
                      _f(s["precision"]), _f(s["f2"]))
    out.print(table)
    out.print(
        f"records {data['records']:,}  chars {data['chars']:,}  gold spans {data['gold_spans']:,}"
        f"\nrecall {_f(data['recall'])} (strict {_f(data['strict_recall'])}, tokens "
        f"{_f(data['token_recall'])})  precision {_f(data['precision'])}  F2 {_f(data['f2'])}"
        f"\nclinical terms kept {_f(data['terms_kept'])} of {data['terms']:,}  "
        f"hard negatives changed {_f(data['negatives_changed'])} of {data['negatives']:,}"
        f"\nspeed: find {_rate(data['find_chars_per_second'])}, scrub "
        f"{_rate(data['scrub_chars_per_second'])}"
        f"\nleaks {data['leaks_total']:,} (record @offset type; values only with --show-leaks)"
        + "".join(f"\n  {leak['record']} @{leak['offset']} {leak['type']}"
                  for leak in data["leaks"][:20]), highlight=False)


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.4f}"


def _rate(value: int | None) -> str:
    return "-" if value is None else f"{value / 1000:,.1f}k chars/s"
