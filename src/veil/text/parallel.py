"""Scrubbing over worker processes: the same output as one `Scrubber`, on every core.

`ScrubPool(options, workers)` starts `workers` processes (the `spawn` start
method: safe from threads, e.g. inside Polars, and the same on every platform);
each builds its `Scrubber` once, so the word lists and the spaCy model are loaded
once per worker, not per batch. Texts travel in chunks of about `chunk_chars`
characters (8,000 by default: small enough that no worker waits long for the last
chunk of a batch; 32,000 left the second core idle ~8 % of the time), each text with its
own known PHI and patient key, and come back in input order. The recognizers work
text by text (validators and surrogates are keyed by value, NER entities do not depend
on batching), so the output is byte-identical whatever the worker count or chunk size;
`tests/text/test_parallel.py` checks it.

`scrub_batches` streams: it takes an iterable of batches and keeps at most
`ahead` chunks in flight, so memory is bounded by a few chunks and not by the
input. With `workers=1` (`open_runner`) everything runs in this process, with no
pool and no start-up cost.

A failure in a worker never carries text: a `VeilError` raised there (its
message holds no values, by contract) is raised again here with its message
and hint; any other exception becomes `ScrubWorkerError` naming only its type
and the chunk's position; a worker that dies (killed, out of memory) gives a
`ScrubWorkerError` too, and shuts the pool down (other failures leave it usable).

Starting the workers (in parallel) costs about 0.5 s rules-only and about 1.5 s with
NER on this project's 2-core machine, so small inputs are faster in one process:
`choose_workers` picks 1 below `SMALL_INPUT_CHARS` (the break-even measured with
bench/text.py and `veil scrub --known` on an idle machine is ~250-450k characters
rules-only and ~200k with NER; on a busy machine one process wins for longer).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol

from veil.errors import VeilError

if TYPE_CHECKING:  # the scrubber loads its word lists on first use, not at import
    from veil.text.known import KnownPhi
    from veil.text.scrubber import Scrubber, ScrubOptions

__all__ = ["Batch", "Runner", "ScrubPool", "ScrubWorkerError", "SerialRunner",
           "choose_workers", "cpu_count", "open_runner"]

SMALL_INPUT_CHARS = {False: 500_000, True: 200_000}
"""Below this many characters (rules only / with NER) one process is faster than a pool
(measured on 2 cores: see BENCHMARKS.md, free-text scrubber)."""


class ScrubWorkerError(VeilError):
    """A scrub worker failed on a chunk; the message names the error type and the
    chunk's position only (exit code 1: a bug or a killed process, not a usage error)."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None, broken: bool = False) -> None:
        super().__init__(message, hint=hint)
        self.broken = broken


@dataclass(frozen=True, slots=True)
class Batch:
    """Texts to scrub together, each with its known PHI and patient key (or None)."""

    texts: Sequence[str]
    known: Sequence[KnownPhi | None] | None = None
    keys: Sequence[str | None] | None = None

    def __post_init__(self) -> None:
        for part in (self.known, self.keys):
            if part is not None and len(part) != len(self.texts):
                from veil.errors import UsageError

                raise UsageError("known PHI and patient keys need one entry per text")


class Runner(Protocol):
    """What the command line and the action need: scrubbed batches, in order."""

    def scrub_batches(self, batches: Iterable[Batch]) -> Iterator[list[str]]: ...

    def close(self) -> None: ...


def cpu_count() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def choose_workers(requested: int | None, total_chars: int | None, *, ner: bool) -> int:
    """`requested` when given (>= 1); otherwise the cores, or 1 when the input is known to
    be smaller than `SMALL_INPUT_CHARS` (a pool would spend longer starting than working)."""
    if requested is not None and requested >= 1:
        return requested
    if total_chars is not None and total_chars < SMALL_INPUT_CHARS[ner]:
        return 1
    return cpu_count()


class SerialRunner:
    """`scrub_batches` in this process, with one Scrubber (workers=1)."""

    def __init__(self, options: ScrubOptions | None = None, *,
                 scrubber: Scrubber | None = None) -> None:
        from veil.text.scrubber import Scrubber

        self.scrubber = scrubber if scrubber is not None else Scrubber(options)

    def scrub_batches(self, batches: Iterable[Batch]) -> Iterator[list[str]]:
        for batch in batches:
            yield self.scrubber.scrub_batch(batch.texts, batch.known, batch.keys)

    def close(self) -> None:
        """Nothing to stop."""

    def __enter__(self) -> SerialRunner:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def _patient_repeats(keys: Sequence[str | None] | None) -> bool:
    """Whether some patient key is given to more than one text."""
    if keys is None:
        return False
    present = [k for k in keys if k is not None]
    return len(set(present)) < len(present)


# --- the worker side -------------------------------------------------------------------
_WORKER: dict[str, Any] = {}
"""This worker's Scrubber, or the error building it raised (reported with the first chunk)."""


def _start_worker(options: ScrubOptions) -> None:
    """Pool initializer: build the Scrubber once (word lists, the NER model)."""
    try:
        from veil.text.scrubber import Scrubber

        scrubber = Scrubber(options)
        if options.ner:
            scrubber.find_batch(["Warm-up."])  # the model's first call allocates its buffers
        _WORKER["scrubber"] = scrubber
    except Exception as error:  # reported with the first chunk, without its text
        _WORKER["error"] = _describe(error)


def _describe(error: BaseException) -> tuple[str, str, str | None]:
    """(kind, message, hint) of an error, with no text content unless it is a VeilError."""
    if isinstance(error, VeilError):
        return (type(error).__name__, error.message, error.hint)
    return (type(error).__name__, "", None)


_KNOWN: dict[KnownPhi, KnownPhi] = {}
_KNOWN_LIMIT = 4096


def _reuse(known: list[KnownPhi | None]) -> list[KnownPhi | None]:
    """The same patient's known PHI as the object this worker already compiled (KnownPhi
    compiles its patterns once per object, ~10 ms a patient; a patient's notes may come in
    several chunks). Equal patterns, equal object; the cache is bounded."""
    out: list[KnownPhi | None] = []
    for item in known:
        if item is not None:
            if item not in _KNOWN and len(_KNOWN) >= _KNOWN_LIMIT:
                _KNOWN.clear()
            item = _KNOWN.setdefault(item, item)
        out.append(item)
    return out


def _work(kind: str, texts: list[str], known: list[KnownPhi | None] | None,
          keys: list[str | None] | None) -> tuple[bool, Any]:
    """One chunk: (True, result) or (False, (kind, message, hint)) -- never raises."""
    if "error" in _WORKER:
        return False, _WORKER["error"]
    try:
        scrubber = _WORKER["scrubber"]
        if known is not None:
            known = _reuse(known)
        if kind == "find":
            return True, scrubber.find_batch(texts, known, keys)
        return True, scrubber.scrub_batch(texts, known, keys)
    except Exception as error:  # described by type only, never by value
        return False, _describe(error)


# --- the pool --------------------------------------------------------------------------
class _InOrder:
    """Results of numbered batches, released in batch order once complete."""

    def __init__(self) -> None:
        self.sizes: dict[int, int] = {}
        self.results: dict[int, list[Any]] = {}
        self.next = 0
        self.opened = 0

    def open(self, size: int) -> int:
        number = self.opened
        self.opened += 1
        self.sizes[number] = size
        self.results[number] = []
        return number

    def add(self, number: int, values: list[Any]) -> None:
        self.results[number].extend(values)

    def ready(self) -> Iterator[list[Any]]:
        while self.next in self.sizes and len(self.results[self.next]) == self.sizes[self.next]:
            del self.sizes[self.next]
            yield self.results.pop(self.next)
            self.next += 1


@dataclass(slots=True)
class _Chunk:
    batch: int
    first: int
    future: Future[tuple[bool, Any]]


class ScrubPool:
    """`workers` processes, each with its own Scrubber (see the module docstring).

    Use as a context manager (or call `close`); `scrub_batch`/`find_batch` work like
    the Scrubber's, `scrub_batches` streams.
    """

    def __init__(self, options: ScrubOptions, workers: int, *, chunk_chars: int = 8_000,
                 chunk_texts: int = 256, ahead: int | None = None) -> None:
        from veil.errors import UsageError

        if workers < 1:
            raise UsageError("workers must be at least 1")
        if chunk_chars < 1 or chunk_texts < 1:
            raise UsageError("chunk sizes must be at least 1")
        self.options = options
        self.workers = workers
        self.chunk_chars = chunk_chars
        self.chunk_texts = chunk_texts
        self.ahead = ahead if ahead is not None else 3 * workers
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker, initargs=(options,))

    # context manager
    def __enter__(self) -> ScrubPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers (waiting for running chunks; queued ones are cancelled)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def worker_pids(self) -> list[int]:
        """The worker processes' ids (for CPU accounting in bench/text.py)."""
        processes = getattr(self._pool, "_processes", None) or {}
        return sorted(int(pid) for pid in processes)

    # batch API
    def scrub_batch(self, texts: Sequence[str], known: Sequence[KnownPhi | None] | None = None,
                    patient_keys: Sequence[str | None] | None = None) -> list[str]:
        """Like `Scrubber.scrub_batch`, over the workers."""
        return [text for part in self.scrub_batches([Batch(texts, known, patient_keys)])
                for text in part]

    def find_batch(self, texts: Sequence[str], known: Sequence[KnownPhi | None] | None = None,
                   patient_keys: Sequence[str | None] | None = None) -> list[list[Any]]:
        """Like `Scrubber.find_batch`, over the workers."""
        return [spans for part in self._run("find", [Batch(texts, known, patient_keys)])
                for spans in part]

    def scrub_batches(self, batches: Iterable[Batch]) -> Iterator[list[str]]:
        """Each batch scrubbed, in order, at most `ahead` chunks in flight. When reading
        the batches raises, the batches before are yielded first, then the error."""
        return self._run("scrub", batches)

    def _chunks(self, batch: Batch) -> Iterator[tuple[int, int]]:
        if _patient_repeats(batch.keys):
            # one patient's texts share what was found in them (`Scrubber.find_batch`): the
            # batch stays whole, so the output is the same with any number of workers
            yield 0, len(batch.texts)
            return
        start, size = 0, 0
        for i, text in enumerate(batch.texts):
            size += len(text)
            if size >= self.chunk_chars or i + 1 - start >= self.chunk_texts:
                yield start, i + 1
                start, size = i + 1, 0
        if start < len(batch.texts):
            yield start, len(batch.texts)

    def _submit(self, kind: str, number: int, batch: Batch, start: int, end: int) -> _Chunk:
        if self._pool is None:
            from veil.errors import UsageError

            raise UsageError("the scrub pool is closed")
        known = None if batch.known is None else list(batch.known[start:end])
        keys = None if batch.keys is None else list(batch.keys[start:end])
        future = self._pool.submit(_work, kind, list(batch.texts[start:end]), known, keys)
        return _Chunk(number, start, future)

    def _run(self, kind: str, batches: Iterable[Batch]) -> Iterator[list[Any]]:
        flight: deque[_Chunk] = deque()
        order = _InOrder()
        source = iter(batches)
        failure: BaseException | None = None
        try:
            while True:
                try:
                    batch = next(source)
                except StopIteration:
                    break
                except Exception as error:  # the caller's reader: raised after what came before
                    failure = error
                    break
                number = order.open(len(batch.texts))
                for start, end in self._chunks(batch):
                    while len(flight) >= self.ahead:
                        chunk = flight.popleft()
                        order.add(chunk.batch, self._result(chunk))
                        yield from order.ready()
                    flight.append(self._submit(kind, number, batch, start, end))
                yield from order.ready()
            while flight:
                chunk = flight.popleft()
                order.add(chunk.batch, self._result(chunk))
                yield from order.ready()
        except BaseException as error:
            for chunk in flight:
                chunk.future.cancel()
            if isinstance(error, ScrubWorkerError) and error.broken:
                self.close()
            raise
        if failure is not None:
            raise failure

    def _result(self, chunk: _Chunk) -> list[Any]:
        place = f"batch {chunk.batch + 1}, from text {chunk.first + 1}"
        try:
            ok, value = chunk.future.result()
        except BrokenProcessPool:
            raise ScrubWorkerError(
                f"a scrub worker process stopped unexpectedly ({place})",
                hint="it may have been killed or run out of memory; retry with fewer "
                     "--workers", broken=True) from None
        if ok:
            return list(value)
        kind, message, hint = value
        if message:
            import veil.errors

            same = getattr(veil.errors, kind, None)
            if (isinstance(same, type) and issubclass(same, VeilError)
                    and same.__init__ is VeilError.__init__):
                raise same(message, hint=hint)  # the worker's own error, raised again here
            raise ScrubWorkerError(f"scrub worker ({place}): {message}", hint=hint)
        raise ScrubWorkerError(f"a scrub worker failed ({kind}) on {place}; no text is shown",
                               hint="this is a bug: please report it with the error type")


def open_runner(options: ScrubOptions, workers: int, **pool_options: Any) -> Runner:
    """A SerialRunner for one worker, else a ScrubPool; close it when done."""
    if workers <= 1:
        return SerialRunner(options)
    return ScrubPool(options, workers, **pool_options)
