"""Scrubbing over worker processes (`veil.text.parallel`, `veil scrub --workers`): real
spawned processes, the same bytes whatever the worker count, input order kept, known PHI
and patient keys travelling with their texts, and failures that name no text.

Pools are expensive to start (a fresh interpreter each), so this module starts few: one
two-worker pool shared by most tests, one single-worker pool that is broken on purpose,
and two command-line runs with two workers.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pytest

from veil.errors import InputError
from veil.text.known import KnownPhi, known_phi_from_table
from veil.text.parallel import (
    SMALL_INPUT_CHARS,
    Batch,
    ScrubPool,
    ScrubWorkerError,
    SerialRunner,
    choose_workers,
    cpu_count,
)
from veil.text.scrubber import Scrubber, ScrubOptions
from veil.text.spans import PhiType

SECRET = b"parallel-test-secret-0123456789"
OPTIONS = ScrubOptions(replacement="surrogate", date_shift=True, secret=SECRET)
SECRET_WORD = "Quorvathiel"  # a made-up name: found only through the known-PHI table
_SENTENCES = [
    "Pt {name} seen on 03/14/2021 for Parkinson's disease; call 617-555-01{n:02d}.",
    "Spoke with daughter Maria Lopez at 508.555.01{n:02d} on 3rd of May 2021.",
    "Follow up in 2 weeks; BRCA1 negative, HbA1c 7.{n}%. MRN 0041{n:04d}.",
    "Dr. Okonkwo at St. Mary's Hospital, 42 Willow Creek Road, Boston MA 021{n:02d}.",
    "A 9{d}-year-old with Hodgkin lymphoma; e-mail j{n}@mail.example.org.",
]


def _texts(count: int) -> list[str]:
    """Varied texts of different lengths (so chunks split at different places)."""
    out = []
    for i in range(count):
        parts = [_SENTENCES[(i + k) % len(_SENTENCES)].format(
            name=SECRET_WORD if i % 3 == 0 else "John Smith", n=i % 100, d=i % 10)
            for k in range(1 + i % 4)]
        out.append(f"Note {i}. " + " ".join(parts))
    return out


def _known(count: int) -> tuple[list[KnownPhi | None], list[str | None]]:
    table = known_phi_from_table(pl.DataFrame({
        "patient_id": ["p0", "p1"], "last": [SECRET_WORD, "Zyxwarbel"],
        "mrn": ["99887766", "11223344"]}), "patient_id")
    keys: list[str | None] = [None if i % 5 == 4 else f"p{i % 2}" for i in range(count)]
    return [table.get(k) if k is not None else None for k in keys], keys


@pytest.fixture(scope="module")
def pool() -> Iterator[ScrubPool]:
    """Two workers, tiny chunks (many chunks per batch), a small look-ahead."""
    with ScrubPool(OPTIONS, 2, chunk_chars=300, chunk_texts=3, ahead=3) as started:
        yield started


@pytest.fixture(scope="module")
def serial() -> Scrubber:
    return Scrubber(OPTIONS)


def test_same_bytes_as_one_process_with_known_phi_and_keys(pool: ScrubPool,
                                                           serial: Scrubber) -> None:
    texts = _texts(40)
    known, keys = _known(40)
    expected = serial.scrub_batch(texts, known, keys)
    assert pool.scrub_batch(texts, known, keys) == expected
    assert list(SerialRunner(scrubber=serial).scrub_batches([Batch(texts, known, keys)])) \
        == [expected]
    # the known name is gone from its own patient's notes
    assert all(SECRET_WORD not in text for text, key in zip(expected, keys, strict=True)
               if key == "p0")
    assert pool.find_batch(texts, known) == serial.find_batch(texts, known)


def test_streamed_batches_come_back_in_order(pool: ScrubPool, serial: Scrubber) -> None:
    texts = _texts(31)
    sizes = [0, 7, 1, 12, 0, 11]  # empty batches too
    batches, start = [], 0
    for size in sizes:
        batches.append(Batch(texts[start:start + size], None,
                             [f"p{i}" for i in range(start, start + size)]))
        start += size
    out = list(pool.scrub_batches(iter(batches)))
    assert [len(part) for part in out] == sizes
    assert [t for part in out for t in part] == serial.scrub_batch(
        texts, None, [f"p{i}" for i in range(31)])


def test_a_reader_error_comes_after_the_batches_before_it(pool: ScrubPool) -> None:
    texts = _texts(9)

    def batches() -> Iterator[Batch]:
        yield Batch(texts[:5])
        yield Batch(texts[5:])
        raise InputError("standard input, line 12: not valid JSON")

    seen: list[list[str]] = []
    stream = pool.scrub_batches(batches())
    seen.append(next(stream))
    seen.append(next(stream))
    with pytest.raises(InputError, match="line 12"):
        next(stream)
    assert [len(part) for part in seen] == [5, 4]
    assert pool.scrub_batch(texts[:2]) == Scrubber(OPTIONS).scrub_batch(texts[:2])  # still usable


@dataclass(frozen=True)
class _Exploding(KnownPhi):
    """Known PHI whose lookup fails with the text in its message (as a careless bug would)."""

    def find(self, text: str) -> list:  # type: ignore[type-arg]
        raise ValueError(f"cannot handle {text!r}")


@dataclass(frozen=True)
class _Dying(KnownPhi):
    """Known PHI whose lookup kills the worker process (as the out-of-memory killer would)."""

    def find(self, text: str) -> list:  # type: ignore[type-arg]
        os._exit(3)


def test_a_worker_error_names_no_text(pool: ScrubPool) -> None:
    texts = _texts(6)
    known: list[KnownPhi | None] = [None] * 6
    known[4] = _Exploding((("x", PhiType.NAME, False),))
    with pytest.raises(ScrubWorkerError) as caught:
        pool.scrub_batch(texts, known)
    message = str(caught.value)
    assert "ValueError" in message and "text" in message
    assert SECRET_WORD not in message and "Note 4" not in message and "555" not in message
    shown = "".join(traceback.format_exception(caught.value))
    assert SECRET_WORD not in shown and "cannot handle" not in shown
    assert pool.scrub_batch(texts[:1]) == Scrubber(OPTIONS).scrub_batch(texts[:1])  # still usable


def test_a_dead_worker_is_a_clear_error() -> None:
    with ScrubPool(ScrubOptions(), 1) as broken:
        with pytest.raises(ScrubWorkerError, match="stopped unexpectedly") as caught:
            broken.scrub_batch(["Call 617-555-0134."], [_Dying((("x", PhiType.NAME, False),))])
        assert caught.value.broken and caught.value.exit_code == 1


def test_workers_are_chosen_by_input_size() -> None:
    assert choose_workers(3, 10, ner=False) == 3
    assert choose_workers(None, 1000, ner=False) == 1
    assert choose_workers(None, SMALL_INPUT_CHARS[True] - 1, ner=True) == 1
    assert choose_workers(None, None, ner=False) == cpu_count()
    assert choose_workers(None, SMALL_INPUT_CHARS[False], ner=False) == cpu_count()


def _cli(args: list[str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "veil.text.cli", *args], input=stdin,
                          capture_output=True, text=True, timeout=180, check=False)


def test_cli_jsonl_with_two_workers_is_byte_identical(tmp_path: Path) -> None:
    texts = _texts(60)
    table = tmp_path / "patients.csv"
    table.write_text(f"patient_id,last,mrn\np0,{SECRET_WORD},99887766\n")
    lines = [{"id": i, "patient_id": f"p{i % 2}", "text": t, "extra": [i]}
             for i, t in enumerate(texts)]
    lines.insert(7, {"id": "null", "text": None})
    stdin = "".join(json.dumps(x) + "\n" for x in lines)
    args = ["--jsonl", "--known", str(table), "--link", "patient_id", "--batch-size", "16"]
    one, two = _cli([*args, "--workers", "1"], stdin), _cli([*args, "--workers", "2"], stdin)
    assert one.returncode == 0 and two.returncode == 0, (one.stderr, two.stderr)
    assert one.stdout == two.stdout
    out = [json.loads(x) for x in two.stdout.splitlines()]
    assert [x["id"] for x in out] == [x["id"] for x in lines]
    assert all(SECRET_WORD not in x["text"] for x in out if x.get("patient_id") == "p0")


def test_cli_directory_with_two_workers(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    texts = _texts(12)
    for i, text in enumerate(texts):
        (notes / f"d{i % 3}").mkdir(parents=True, exist_ok=True)
        (notes / f"d{i % 3}" / f"n{i}.txt").write_text(text)
    done = _cli([str(notes), "-o", str(tmp_path / "out"), "--workers", "2", "--batch-size", "5"])
    assert done.returncode == 0, done.stderr
    serial = Scrubber()
    for i, text in enumerate(texts):
        assert (tmp_path / "out" / f"d{i % 3}" / f"n{i}.txt").read_text() == \
            serial.scrub(text)


def test_ner_entities_do_not_depend_on_batching() -> None:
    """What makes the NER signal safe to split over workers: the same spans whatever the
    batch size or neighbours (and the shared tok2vec, which NER does not read, is dropped)."""
    from veil.text.ner import load_model, ner_spans

    assert "tok2vec" not in load_model().pipe_names
    texts = _texts(12)
    alone = [ner_spans([text], batch_size=1)[0] for text in texts]
    assert ner_spans(texts, batch_size=5) == alone
    assert ner_spans(texts[::-1], batch_size=32)[::-1] == alone
