"""`veil scrub`: PHI out of free text, from JSON lines on standard input or from files.

- `veil scrub --jsonl [--field text] [--known TABLE --link COLUMN]`: each input
  line is a JSON object; its `--field` is scrubbed, every other field is kept in
  its order, and the lines are written to standard output in input order. Lines
  are read and written in batches of `--batch-size`, so memory is bounded by a
  batch, not by the input. With `--known`, every column of TABLE's rows whose
  `--link` value equals the line's `--link` field is that patient's known PHI.
  With `--link` (table or not), the lines of one patient within a batch share
  what was found in them (`Scrubber.find_batch`'s patient keys).
- `veil scrub FILE.txt|DIR -o OUT`: one text file to OUT, or every `*.txt` under
  DIR to the same relative path under OUT.

`--workers N` scrubs over N worker processes (`veil.text.parallel`; each loads
the word lists and the model once); the output is byte-identical whatever N.
The default is the machine's cores, or one process when the input is known to
be small (for JSON lines: standard input ends within the first
`SMALL_INPUT_CHARS` characters; for files: their total size), since starting a
worker costs about 0.5 s (1.5 s with NER); to decide, the default reads ahead up
to that many characters before the first output (give `--workers N` to start at
once). At most a few chunks are in flight, so memory stays bounded on endless
standard input.

A bad line (not JSON, not an object, the field missing or not text) stops the
run with a one-line error naming the line number and exit code 2; lines
already written stay written. No message ever quotes input text.
"""

from __future__ import annotations

import json
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from veil.errors import InputError, UsageError, VeilError

__all__ = ["main", "scrub_command", "scrub_jsonl"]


def scrub_command(
    path: Annotated[Path | None, typer.Argument(
        help="a text file or a directory of .txt files (omit with --jsonl)")] = None,
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="output file (for a file) or directory (for a directory)")] = None,
    jsonl: Annotated[bool, typer.Option(
        "--jsonl", help="read JSON lines on standard input, write them to standard output")
    ] = False,
    field: Annotated[str, typer.Option("--field", help="the JSON field holding the text")
                     ] = "text",
    known: Annotated[Path | None, typer.Option(
        "--known", help="patient table (CSV, Parquet, JSON lines): every column is that "
        "patient's identifiers, always found in the patient's notes")] = None,
    link: Annotated[str | None, typer.Option(
        "--link", help="the column of --known (and the JSON field) holding the patient id")
    ] = None,
    replace: Annotated[str, typer.Option(
        "--replace", help="tag ([NAME_1]) or surrogate (keyed fakes; needs a secret)")] = "tag",
    secret_file: Annotated[Path | None, typer.Option(
        "--secret-file", help="secret key for surrogates and date shifts (or $VEIL_SECRET)")
    ] = None,
    date_shift: Annotated[bool, typer.Option(
        "--date-shift", help="shift dates by a keyed per-patient offset (NOT Safe Harbor)")
    ] = False,
    ner: Annotated[bool, typer.Option(
        "--ner/--no-ner", help="the NER signal beside the rules (on by default: it finds "
        "informal names and places the rules miss; needs the text-ner extra)")] = True,
    ner_model: Annotated[str, typer.Option(
        "--ner-model", help="with --ner: veil (shipped, trained), spacy (small English) or both"
    )] = "both",
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, max=100_000,
                                            help="lines or files per batch")] = 256,
    workers: Annotated[int, typer.Option(
        "--workers", min=0, max=256,
        help="worker processes (0: the machine's cores, or 1 for a small input)")] = 0,
) -> None:
    """Find and replace PHI in free text (clinical notes)."""
    from veil.actions.secrets import load_secret
    from veil.text.scrubber import ScrubOptions

    if replace not in ("tag", "surrogate"):
        raise UsageError("--replace must be 'tag' or 'surrogate'")
    if (known is None) != (link is None) and known is not None:
        raise UsageError("--known needs --link (the patient id column)")
    secret = load_secret(secret_file) if (replace == "surrogate" or date_shift
                                          or secret_file is not None) else None
    options = ScrubOptions(replacement=replace,  # type: ignore[arg-type]
                           date_shift=date_shift, ner=ner, ner_models=ner_models(ner_model),
                           secret=None if secret is None else secret.material)
    table = _known_table(known, link) if known is not None and link is not None else None
    if jsonl:
        if path is not None:
            raise UsageError("--jsonl reads standard input: give no path")
        scrub_jsonl(sys.stdin, sys.stdout, options, field=field, link=link, known=table,
                    batch_size=batch_size, workers=workers or None)
        return
    if path is None or output is None:
        raise UsageError("give a FILE or DIR and -o OUT, or --jsonl",
                         hint="veil scrub notes/ -o scrubbed/   or   veil scrub --jsonl < in.jsonl")
    _scrub_files(path, output, options, batch_size, workers or None)


def _known_table(path: Path, link: str) -> Any:
    import polars as pl

    from veil.text.known import known_phi_from_table

    if not path.is_file():
        raise InputError(f"--known {path}: no such file", hint="check the path")
    try:
        if path.suffix.lower() in (".csv", ".txt", ".tsv"):
            frame = pl.read_csv(path, infer_schema=False,
                                separator="\t" if path.suffix.lower() == ".tsv" else ",")
        else:
            from veil.io.read import open_dataset

            frame = open_dataset(path).frame.collect()
    except VeilError:
        raise
    except Exception as error:  # polars errors may quote values: never shown
        raise InputError(f"--known {path}: cannot be read as a table ({type(error).__name__})",
                         hint="pass a CSV with a header line, a Parquet or a JSON lines file"
                         ) from None
    return known_phi_from_table(frame, link)


def _batches(stream: IO[str], size: int) -> Iterator[list[tuple[int, str]]]:
    batch: list[tuple[int, str]] = []
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        batch.append((number, line))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ner_models(choice: str) -> tuple[str, ...]:
    """The `ScrubOptions.ner_models` of a `--ner-model` choice."""
    models = {"veil": ("veil",), "spacy": ("spacy",), "both": ("veil", "spacy")}.get(choice)
    if models is None:
        raise UsageError("--ner-model must be 'veil', 'spacy' or 'both'")
    return models


def _runner(engine: Any, workers: int) -> Any:
    """A runner (`veil.text.parallel`) from ScrubOptions, a Scrubber or a runner."""
    from veil.text.parallel import SerialRunner, open_runner
    from veil.text.scrubber import Scrubber, ScrubOptions

    if isinstance(engine, ScrubOptions):
        return open_runner(engine, workers)
    if isinstance(engine, Scrubber):
        return SerialRunner(scrubber=engine)
    return engine


def _ner(engine: Any) -> bool:
    return bool(getattr(getattr(engine, "options", engine), "ner", False))


def _peek(batches: Iterator[list[tuple[int, str]]], limit: int
          ) -> tuple[list[list[tuple[int, str]]], bool]:
    """The first batches, up to `limit` characters; and whether the input ended there."""
    head: list[list[tuple[int, str]]] = []
    size = 0
    for batch in batches:
        head.append(batch)
        size += sum(len(line) for _n, line in batch)
        if size >= limit:
            return head, False
    return head, True


def scrub_jsonl(stream: IO[str], out: IO[str], scrubber: Any, *, field: str = "text",
                link: str | None = None, known: Any = None, batch_size: int = 256,
                workers: int | None = 1) -> int:
    """Scrub `field` of every JSON line of `stream` into `out`, in order; returns the line count.

    `scrubber` is ScrubOptions (run with `workers` processes; None: choose), a Scrubber
    (this process) or a runner of `veil.text.parallel`."""
    from veil.text.parallel import SMALL_INPUT_CHARS, Batch, choose_workers

    raw: Iterator[list[tuple[int, str]]] = _batches(stream, batch_size)
    if workers is None:
        head, ended = _peek(raw, SMALL_INPUT_CHARS[_ner(scrubber)])
        workers = choose_workers(None, sum(len(line) for b in head for _n, line in b)
                                 if ended else None, ner=_ner(scrubber))
        if ended:  # one text is scrubbed by one worker
            workers = max(1, min(workers, sum(len(b) for b in head)))
        raw = chain(head, raw)
    pending: deque[tuple[list[dict[str, Any]], list[int]]] = deque()

    def jobs() -> Iterator[Batch]:
        for batch in raw:
            records, slots, texts, knowns, keys = _parse(batch, field, link, known)
            pending.append((records, slots))
            yield Batch(texts, knowns, keys)

    count = 0
    runner = _runner(scrubber, workers)
    try:
        for scrubbed in runner.scrub_batches(jobs()):
            records, slots = pending.popleft()
            for slot, text in zip(slots, scrubbed, strict=True):
                records[slot][field] = text
            out.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
            out.flush()
            count += len(records)
    finally:
        if runner is not scrubber:
            runner.close()
    return count


def _parse(batch: list[tuple[int, str]], field: str, link: str | None, known: Any
           ) -> tuple[list[dict[str, Any]], list[int], list[str], list[Any], list[str | None]]:
    """The records of one batch of lines, and the texts to scrub with their known PHI."""
    records: list[dict[str, Any]] = []
    texts: list[str] = []
    slots: list[int] = []
    knowns: list[Any] = []
    keys: list[str | None] = []
    for number, line in batch:
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            raise InputError(f"standard input, line {number}: not valid JSON",
                             hint="one JSON object per line") from None
        if not isinstance(record, dict):
            raise InputError(f"standard input, line {number}: not a JSON object",
                             hint="one JSON object per line")
        if field not in record:
            raise InputError(f"standard input, line {number}: no field {field!r}",
                             hint="name the text field with --field")
        value = record[field]
        if value is not None and not isinstance(value, str):
            raise InputError(f"standard input, line {number}: field {field!r} is not text "
                             f"(found {type(value).__name__})")
        records.append(record)
        if isinstance(value, str):
            slots.append(len(records) - 1)
            texts.append(value)
            patient = record.get(link) if link else None
            pid = None if patient is None else str(patient)
            keys.append(pid)
            knowns.append(known.get(pid) if known is not None and pid is not None else None)
    return records, slots, texts, knowns, keys


def _scrub_files(path: Path, output: Path, scrubber: Any, batch_size: int,
                 workers: int | None = 1) -> None:
    """FILE to OUTPUT, or every .txt under DIR to the same place under OUTPUT (in batches)."""
    from veil.text.parallel import Batch, choose_workers

    if not path.exists():
        raise InputError(f"{path}: no such file or directory", hint="check the path")
    if path.is_file():
        target = output / path.name if output.is_dir() else output
        if target.resolve() == path.resolve():
            raise UsageError("-o must not be the input file")
        pairs = [(path, target)]
    else:
        if output.resolve() == path.resolve() or output.resolve().is_relative_to(path.resolve()):
            raise UsageError("-o must be outside the input directory")
        pairs = [(p, output / p.relative_to(path)) for p in sorted(path.rglob("*.txt"))]
        if not pairs:
            raise InputError(f"{path}: no .txt files", hint="give a directory of .txt files")
    if workers is None:
        workers = choose_workers(None, sum(source.stat().st_size for source, _t in pairs),
                                 ner=_ner(scrubber))
    workers = min(workers, len(pairs))  # one text is scrubbed by one worker
    chunks = [pairs[i:i + batch_size] for i in range(0, len(pairs), batch_size)]

    def jobs() -> Iterable[Batch]:
        for chunk in chunks:
            texts = []
            for source, _target in chunk:
                try:
                    texts.append(source.read_text("utf-8"))
                except UnicodeDecodeError:
                    raise InputError(f"{source}: not UTF-8 text") from None
            yield Batch(texts)

    runner = _runner(scrubber, workers)
    try:
        for number, scrubbed in enumerate(runner.scrub_batches(jobs())):
            for (_source, target), text in zip(chunks[number], scrubbed, strict=True):
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, "utf-8")
    finally:
        if runner is not scrubber:
            runner.close()


def main(argv: list[str] | None = None) -> None:
    """`python -m veil.text.cli ...`: the command alone, errors as one line and exit 2."""
    app = typer.Typer(add_completion=False)
    app.command()(scrub_command)
    try:
        app(args=argv, standalone_mode=False)
    except VeilError as error:
        sys.stderr.write(f"veil: error: {error.one_line()}\n")
        sys.exit(error.exit_code)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except Exception as error:  # click usage errors
        import click

        if isinstance(error, click.ClickException):
            sys.stderr.write(f"veil: error: {error.format_message()}\n")
            sys.exit(2)
        raise


if __name__ == "__main__":
    main()
