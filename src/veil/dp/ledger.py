"""The privacy budget ledger: every DP release per dataset, refused past the dataset's budget.

Guarantee:
    Per dataset, the sum of the losses of all recorded releases never exceeds the
    total budget registered for it (up to a relative tolerance of 1e-9), also
    under concurrent releases: `Ledger.charge` checks and records in one
    database transaction that holds the ledger's write lock (SQLite: ``BEGIN
    IMMEDIATE``; PostgreSQL: ``SELECT ... FOR UPDATE`` on the chain head and the
    dataset's row).
    Composition is basic sequential composition (Dwork & Roth, "The Algorithmic
    Foundations of Differential Privacy", 2014, Thm 3.16; Bun & Steinke, "Concentrated
    Differential Privacy", TCC 2016, Lemma 2.3 for zCDP): pure DP adds epsilons;
    approximate DP adds epsilons and deltas; zCDP adds rhos (and deltas, when a
    release also spends a delta). Tighter (advanced) composition is not used, so
    the bound is safe but can be loose.
    The comparison ``spent + spend <= total * (1 + 1e-9)`` is exact (fractions of
    the stored floats): the tolerance only absorbs the rounding of the decimal
    amounts people write, so that ten releases of epsilon 0.1 fit a budget of 1.0.
    Assumption: every release of a dataset goes through this ledger, with the
    loss its mechanism really has (the ledger trusts what it is told).

Entries form one `veil.chain` hash chain for the whole ledger database (all
datasets): a "budget" entry registers a dataset's total, a "release" entry
records who spent what, when, on which queries (descriptions only, never data
values). Editing, deleting, inserting or reordering an entry is named by
`Ledger.verify`, and `charge` refuses to spend on a ledger that fails it. The head
row (last sequence number and digest) has no key: it detects an accidentally
truncated ledger, not a deliberate rewrite; print `Ledger.head` in each
release's manifest so a later truncation can be shown.

Example::

    with Ledger.open("ledger.db") as ledger:
        total = Loss(Accounting.PURE, epsilon=1.0)
        charged = ledger.charge("visits-2025", total, Loss(Accounting.PURE, epsilon=0.25),
                                actor="alice", queries=[{"count": "visits", "by": ["year"]}])
        charged.left_after.describe()   # 'epsilon 0.75'
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from types import TracebackType
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Column, Double, Index, Integer, MetaData, String, Table, Text
from sqlalchemy.engine import URL, Connection, Engine

from veil.chain import GENESIS, VerifyResult, link_digest, walk
from veil.errors import PrivacyBudgetError, UsageError, VaultError, VeilError
from veil.vault import db

__all__ = ["Accounting", "BudgetExceeded", "Charged", "Ledger", "LedgerEntry", "LedgerError",
           "Loss"]

TOLERANCE = 1e-9  # relative: absorbs decimal rounding, see the module docstring
MAX_QUERY_BYTES = 16_384  # per query description: a description, never data
_NAME_MAX = 256
_LOCK_KEY = 0x7665696C5F6470  # PostgreSQL advisory lock taken while creating the tables

# -- tables (all named veil_dp_* so the ledger can share the vault's database) ------------

metadata = MetaData()

entries_table = Table(
    "veil_dp_entries", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(40), nullable=False),
    Column("actor", Text, nullable=False),
    Column("kind", String(16), nullable=False),  # "budget" | "release"
    Column("dataset", String(_NAME_MAX), nullable=False),
    Column("accounting", String(16), nullable=False),
    Column("epsilon", Double, nullable=True),
    Column("delta", Double, nullable=True),
    Column("rho", Double, nullable=True),
    Column("queries", Text, nullable=False),  # canonical JSON list
    Column("input_sha256", String(64), nullable=True),
    Column("note", Text, nullable=True),
    Column("previous", String(64), nullable=False),
    Column("digest", String(64), nullable=False),
    Index("veil_dp_entries_dataset", "dataset"),
)

# one row per dataset: what writers lock, and an index of registrations
datasets_table = Table(
    "veil_dp_datasets", metadata,
    Column("name", String(_NAME_MAX), primary_key=True),
    Column("accounting", String(16), nullable=False),
    Column("budget_seq", Integer, nullable=False),
)

# the one row naming the last entry (no key: it detects accidental truncation only)
head_table = Table(
    "veil_dp_head", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, nullable=False),
    Column("digest", String(64), nullable=False),
)


# -- losses ---------------------------------------------------------------------------------


class Accounting(StrEnum):
    """How losses are measured and composed."""

    PURE = "pure"  # epsilon-DP
    APPROXIMATE = "approximate"  # (epsilon, delta)-DP
    ZCDP = "zcdp"  # rho-zCDP, with an optional delta for key selection thresholds


_FIELDS: dict[Accounting, tuple[str, ...]] = {
    Accounting.PURE: ("epsilon",),
    Accounting.APPROXIMATE: ("epsilon", "delta"),
    Accounting.ZCDP: ("rho", "delta"),
}
_REQUIRED: dict[Accounting, tuple[str, ...]] = {
    Accounting.PURE: ("epsilon",),
    Accounting.APPROXIMATE: ("epsilon", "delta"),
    Accounting.ZCDP: ("rho",),
}


@dataclass(frozen=True)
class Loss:
    """A privacy loss: a total budget, one release's spend, or what is spent or left.

    Amounts are finite and >= 0 (delta below 1); zero appears only in what is
    spent or left: the ledger requires budgets and spends to be positive.
    """

    accounting: Accounting
    epsilon: float | None = None
    delta: float | None = None
    rho: float | None = None

    def __post_init__(self) -> None:
        try:
            accounting = Accounting(self.accounting)
        except ValueError:
            raise UsageError("a privacy loss's accounting must be pure, approximate or "
                             "zcdp") from None
        object.__setattr__(self, "accounting", accounting)
        for name in ("epsilon", "delta", "rho"):
            object.__setattr__(self, name, _amount(accounting, name, getattr(self, name)))

    def describe(self) -> str:
        """The amounts for messages, e.g. "epsilon 0.5, delta 1e-07"."""
        return ", ".join(f"{name} {value:.6g}" for name, value in self._items())

    def to_dict(self) -> dict[str, object]:
        return {"accounting": str(self.accounting), **dict(self._items())}

    def _items(self) -> list[tuple[str, float]]:
        return [(name, value) for name in _FIELDS[self.accounting]
                if (value := getattr(self, name)) is not None]


def _amount(accounting: Accounting, name: str, value: object) -> float | None:
    """One validated amount of a loss (a float), or None where it has none."""
    if value is None:
        if name in _REQUIRED[accounting]:
            raise UsageError(f"a {accounting} privacy loss needs {name}")
        return None
    if name not in _FIELDS[accounting]:
        raise UsageError(f"a {accounting} privacy loss has no {name}",
                         hint=f"{accounting} losses have {' and '.join(_FIELDS[accounting])}")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise UsageError(f"the privacy loss's {name} must be a number; got "
                         f"{type(value).__name__}")
    number = float(value)
    upper = "1" if name == "delta" else "inf"
    if not math.isfinite(number) or number < 0 or (name == "delta" and number >= 1):
        raise UsageError(f"the privacy loss's {name} must be in [0, {upper}); got {number!r}")
    return number


def _require_positive(loss: Loss, what: str) -> None:
    """Budgets and spends spend something; a total's delta, when it has one, is > 0."""
    main = "rho" if loss.accounting is Accounting.ZCDP else "epsilon"
    names = [main] + (["delta"] if what == "total" and loss.delta is not None else [])
    for name in names:
        if not getattr(loss, name):
            raise UsageError(f"the {what}'s {name} must be greater than 0",
                             hint="a zero budget allows no release at all")


# -- errors and entries ---------------------------------------------------------------------


class LedgerError(PrivacyBudgetError):
    """The budget ledger refused or failed an operation."""


class BudgetExceeded(LedgerError):  # noqa: N818 (the name the DP engine catches)
    """A release asks for more privacy budget than its dataset has left."""

    def __init__(self, dataset: str, asked: Loss, left: Loss, total: Loss) -> None:
        self.dataset = dataset
        self.asked = asked
        self.left = left
        self.total = total
        super().__init__(
            f"dataset {dataset!r} has too little privacy budget left for this release: it "
            f"asks {asked.describe()}; {left.describe()} is left of its total "
            f"{total.describe()}",
            hint="spend at most what is left (fewer queries, or less of the budget each); "
            "a dataset's total is fixed when it is registered")


@dataclass(frozen=True)
class LedgerEntry:
    """One entry of the ledger: a dataset's total ("budget") or one release's spend."""

    seq: int
    at: dt.datetime
    actor: str
    kind: str
    dataset: str
    spend: Loss  # for a "budget" entry: the dataset's total
    queries: list[dict[str, object]]
    input_sha256: str | None
    note: str | None
    previous: str
    digest: str

    def to_dict(self) -> dict[str, object]:
        return {"seq": self.seq, "at": self.at.isoformat(), "actor": self.actor,
                "kind": self.kind, "dataset": self.dataset, "spend": self.spend.to_dict(),
                "queries": [dict(q) for q in self.queries], "input_sha256": self.input_sha256,
                "note": self.note, "previous": self.previous, "digest": self.digest}


@dataclass(frozen=True)
class Charged:
    """A release recorded by `Ledger.charge`: its entry (the chain's new head) and the
    dataset's spend before it and budget left after it."""

    entry: LedgerEntry
    spent_before: Loss
    left_after: Loss


_UNIT = 2**1074  # every finite double is a whole number of 2**-1074: exact integer sums
_SLACK = round(1 / TOLERANCE)  # spent * SLACK <= total * (SLACK + 1), in integers


def _units(value: float | None) -> int:
    """`value` as an exact whole number of 2**-1074 (fast exact arithmetic)."""
    if value is None:
        return 0
    numerator, denominator = value.as_integer_ratio()
    return numerator * (_UNIT // denominator)


@dataclass
class _Tally:
    """A dataset while replaying the chain: its total and the exact sum of its spends."""

    total: Loss
    budget_seq: int
    spent: dict[str, int] = field(default_factory=dict)  # in units of 2**-1074
    limit: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.limit = {name: _units(getattr(self.total, name)) * (_SLACK + 1)
                      for name in _FIELDS[self.total.accounting]}

    def fits(self, spend: Loss) -> bool:
        """Whether spent + spend <= total, per amount, within the relative tolerance."""
        return all((self.spent.get(name, 0) + _units(getattr(spend, name))) * _SLACK <= limit
                   for name, limit in self.limit.items())

    def add(self, spend: Loss) -> None:
        for name in _FIELDS[spend.accounting]:
            self.spent[name] = self.spent.get(name, 0) + _units(getattr(spend, name))

    def spent_loss(self) -> Loss:
        return self._loss(lambda name: self.spent.get(name, 0) / _UNIT)

    def left_loss(self) -> Loss:
        return self._loss(lambda name: max(
            0, _units(getattr(self.total, name)) - self.spent.get(name, 0)) / _UNIT)

    def _loss(self, amount: Callable[[str], float]) -> Loss:
        """A loss shaped like the total (a zCDP total without delta: none)."""
        values = {name: amount(name) for name in _FIELDS[self.total.accounting]
                  if getattr(self.total, name) is not None}
        return Loss(self.total.accounting, **values)


@dataclass
class _State:
    """The verified ledger: each dataset's tally and the last entry."""

    tallies: dict[str, _Tally]
    seq: int  # = the number of entries
    digest: str


# -- the ledger -----------------------------------------------------------------------------


class Ledger:
    """The budget ledger in one database (a SQLite file, or PostgreSQL, maybe the vault's)."""

    def __init__(self, engine: Engine, url: URL) -> None:
        self._engine = engine
        self._url = url

    @classmethod
    def open(cls, url: str) -> Ledger:
        """The ledger at `url` (a SQLAlchemy URL or a SQLite file path); tables made if missing."""
        try:
            parsed = db.parse_url(url)
            engine = db.make_engine(parsed)
        except VaultError as err:
            raise LedgerError(f"cannot open the budget ledger: {err.message}",
                              hint="use a file path, sqlite:///ledger.db or "
                              "postgresql+psycopg://user@host/db") from None
        ledger = cls(engine, parsed)
        try:
            path = db.sqlite_file(parsed)
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
            with ledger._writing("creating the ledger's tables") as conn:
                if conn.dialect.name == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"),
                                 {"key": _LOCK_KEY})
                metadata.create_all(conn)
                if conn.execute(sa.select(head_table.c.id)).first() is None:
                    conn.execute(sa.insert(head_table).values(id=1, seq=0, digest=GENESIS))
        except BaseException:
            engine.dispose()
            raise
        return ledger

    @property
    def location(self) -> str:
        """Where the ledger is (never a password)."""
        return db.describe(self._url)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    # -- writing --------------------------------------------------------------------------

    def register(self, dataset: str, total: Loss, *, actor: str) -> None:
        """Record `dataset`'s total budget once; the same total again changes nothing."""
        _check_name(dataset, "dataset")
        _check_name(actor, "actor")
        _require_positive(total, "total")
        with self._writing("registering a budget") as conn:
            state = self._locked_state(conn, dataset, "register a budget")
            self._budget(conn, state, dataset, total, actor)

    def charge(self, dataset: str, total: Loss, spend: Loss, *, actor: str,
               queries: Sequence[Mapping[str, object]], input_sha256: str | None = None,
               note: str | None = None) -> Charged:
        """Record one release, or refuse it (BudgetExceeded) if it would exceed `total`.

        The entry comes back with what the dataset had spent before it and has left
        after it, both read in the same locked transaction (exact under concurrent
        releases, and without walking the chain again).

        In one transaction: take the write lock, verify the whole chain, register
        `total` (or check it is the recorded one), sum the earlier spends, append the
        entry. Verifying costs about 40 us per entry on a 2-core machine (SQLite:
        about 0.05 s at 1,000 entries, 0.4 s at 10,000); PostgreSQL about twice that.
        """
        _check_name(dataset, "dataset")
        _check_name(actor, "actor")
        _require_positive(total, "total")
        _require_positive(spend, "spend")
        text = _queries_text(queries)
        _check_extras(input_sha256, note)
        with self._writing("charging a release") as conn:
            state = self._locked_state(conn, dataset, "charge a release")
            tally = self._budget(conn, state, dataset, total, actor)
            _check_spend(dataset, tally.total, spend)
            if not tally.fits(spend):
                raise BudgetExceeded(dataset, spend, tally.left_loss(), tally.total)
            before = tally.spent_loss()
            entry = _append(conn, state, kind="release", dataset=dataset, loss=spend,
                            actor=actor, queries=text, input_sha256=input_sha256, note=note)
            tally.add(spend)
            return Charged(entry, before, tally.left_loss())

    # -- reading --------------------------------------------------------------------------

    def spent(self, dataset: str) -> Loss:
        """What the releases of `dataset` spent together (zero amounts when none)."""
        return self._tally(dataset).spent_loss()

    def remaining(self, dataset: str) -> Loss:
        """What `dataset` has left: its total minus what was spent, never negative."""
        return self._tally(dataset).left_loss()

    def entries(self, dataset: str | None = None) -> list[LedgerEntry]:
        """The entries as stored (not verified: see `verify`), oldest first."""
        query = sa.select(entries_table).order_by(entries_table.c.seq)
        if dataset is not None:
            query = query.where(entries_table.c.dataset == dataset)
        with self._reading("reading the ledger") as conn:
            rows = _rows(conn, query)
        return [_entry(row) for row in rows]

    def head(self) -> tuple[int, str]:
        """(last sequence number, last digest): print it in a release's manifest."""
        with self._reading("reading the ledger's head") as conn:
            row = conn.execute(sa.select(head_table.c.seq, head_table.c.digest)).first()
        if row is None:
            raise LedgerError(f"the budget ledger at {self.location} has no head row",
                              hint="the ledger was damaged; restore it from a copy")
        return int(row.seq), str(row.digest)

    def verify(self) -> VerifyResult:
        """Check the chain, the head row, the dataset rows and that no release overspent."""
        with self._reading("verifying the ledger") as conn:
            checked = _state(conn)
        if isinstance(checked, VerifyResult):
            return checked
        return VerifyResult(True, checked.seq, None, None)

    # -- internals ------------------------------------------------------------------------

    def _tally(self, dataset: str) -> _Tally:
        with self._reading("reading the ledger") as conn:
            state = _trusted(_state(conn), "report a budget")
        tally = state.tallies.get(dataset)
        if tally is None:
            raise LedgerError(f"dataset {dataset!r} has no budget in the ledger at "
                              f"{self.location}", hint="register its total budget first")
        return tally

    def _locked_state(self, conn: Connection, dataset: str, what: str) -> _State:
        """Take the write lock (head row, then the dataset's row) and verify the chain."""
        conn.execute(sa.select(head_table.c.seq).where(head_table.c.id == 1).with_for_update())
        conn.execute(sa.select(datasets_table.c.name)
                     .where(datasets_table.c.name == dataset).with_for_update())
        return _trusted(_state(conn), what)

    def _budget(self, conn: Connection, state: _State, dataset: str, total: Loss,
                actor: str) -> _Tally:
        """The dataset's tally, registering `total` first if it is new."""
        tally = state.tallies.get(dataset)
        if tally is None:
            entry = _append(conn, state, kind="budget", dataset=dataset, loss=total,
                            actor=actor, queries="[]", input_sha256=None, note=None)
            conn.execute(sa.insert(datasets_table).values(
                name=dataset, accounting=str(total.accounting), budget_seq=entry.seq))
            tally = state.tallies[dataset] = _Tally(total, entry.seq)
        elif tally.total.accounting is not total.accounting:
            raise _accounting_error(dataset, tally.total, total, "total")
        elif tally.total != total:
            raise LedgerError(
                f"dataset {dataset!r} was registered with a total of "
                f"{tally.total.describe()} (entry {tally.budget_seq}); this asks for a total "
                f"of {total.describe()}",
                hint="a recorded total cannot be changed silently: pass the recorded total")
        return tally

    @contextmanager
    def _writing(self, what: str) -> Iterator[Connection]:
        with self._guarded(what), db.writing(self._engine) as conn:
            yield conn

    @contextmanager
    def _reading(self, what: str) -> Iterator[Connection]:
        with self._guarded(what), db.reading(self._engine) as conn:
            yield conn

    @contextmanager
    def _guarded(self, what: str) -> Iterator[None]:
        """Database errors as one-line LedgerErrors, without the driver's text."""
        try:
            yield
        except db.database_errors() as err:
            kind = type(db.driver_error(err)).__name__
            state = db.sqlstate(err)
            if state:
                kind += f", SQLSTATE {state}"
            raise LedgerError(f"the budget ledger ({self.location}) failed while {what} "
                              f"({kind})", hint="check that the database is reachable and "
                              "writable; the driver's own message is withheld") from None


# -- checks ---------------------------------------------------------------------------------

_SHA256 = re.compile(r"[0-9a-f]{64}")


def _check_name(value: object, what: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise UsageError(f"the {what} must be a non-empty string")
    if len(value) > _NAME_MAX or not value.isprintable():
        raise UsageError(f"the {what} must be at most {_NAME_MAX} printable characters")


def _check_extras(input_sha256: str | None, note: str | None) -> None:
    if input_sha256 is not None and not (isinstance(input_sha256, str)
                                         and _SHA256.fullmatch(input_sha256)):
        raise UsageError("input_sha256 must be 64 lowercase hexadecimal digits")
    if note is not None and not isinstance(note, str):
        raise UsageError("the note must be a string")


def _queries_text(queries: Sequence[Mapping[str, object]]) -> str:
    """The canonical JSON of the query descriptions (what is stored and hashed)."""
    if isinstance(queries, str | bytes) or not isinstance(queries, Sequence):
        raise UsageError("queries must be a list of mappings describing each query")
    items: list[dict[str, object]] = []
    for number, query in enumerate(queries, start=1):
        if not isinstance(query, Mapping):
            raise UsageError(f"query {number} must be a mapping describing the query")
        items.append(dict(query))
    try:
        parts = [_canonical(item) for item in items]
    except (TypeError, ValueError):
        raise UsageError("query descriptions must be JSON: strings, finite numbers, "
                         "booleans, None, lists and mappings with string keys") from None
    for number, part in enumerate(parts, start=1):
        if len(part.encode("utf-8")) > MAX_QUERY_BYTES:
            raise UsageError(f"query {number}'s description is over {MAX_QUERY_BYTES} bytes",
                             hint="describe the query (columns, measure, bounds); never "
                             "include data values")
    return "[" + ",".join(parts) + "]"


def _canonical(value: object) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)


def _check_spend(dataset: str, total: Loss, spend: Loss) -> None:
    """The spend is measured like the dataset's total (and has no delta it can't cover)."""
    if spend.accounting is not total.accounting:
        raise _accounting_error(dataset, total, spend, "spend")
    if total.accounting is Accounting.ZCDP and total.delta is None and spend.delta:
        raise LedgerError(f"dataset {dataset!r} has a zCDP budget without delta, but this "
                          f"release spends {spend.describe()}",
                          hint="only a dataset registered with a delta in its zCDP total "
                          "can take releases that spend a delta")


def _accounting_error(dataset: str, total: Loss, other: Loss, what: str) -> LedgerError:
    return LedgerError(
        f"dataset {dataset!r} is accounted as {total.accounting} DP; this {what} is "
        f"{other.accounting}",
        hint="a ledger composes one kind of loss per dataset: pure-DP and zCDP (or "
        "approximate) budgets cannot be added up here; express the release in "
        f"{total.accounting} terms")


# -- the chain ------------------------------------------------------------------------------


def _append(conn: Connection, state: _State, *, kind: str, dataset: str, loss: Loss,
            actor: str, queries: str, input_sha256: str | None,
            note: str | None) -> LedgerEntry:
    """Add one entry after the verified head, inside the caller's locked transaction."""
    at = dt.datetime.now(dt.UTC)
    seq = state.seq + 1
    row: dict[str, object] = {
        "seq": seq, "at": at.isoformat(timespec="microseconds"), "actor": actor,
        "kind": kind, "dataset": dataset, "accounting": str(loss.accounting),
        "epsilon": loss.epsilon, "delta": loss.delta, "rho": loss.rho, "queries": queries,
        "input_sha256": input_sha256, "note": note, "previous": state.digest}
    digest = row["digest"] = link_digest(_body(row))
    conn.execute(sa.insert(entries_table).values(**row))
    conn.execute(sa.update(head_table).where(head_table.c.id == 1).values(seq=seq, digest=digest))
    state.seq = seq
    state.digest = digest
    return _entry(row)


def _body(row: Mapping[str, object]) -> dict[str, object]:
    """The hashed fields of an entry (ValueError when a stored row cannot be read)."""
    return {"seq": int(str(row["seq"])), "at": str(row["at"]), "actor": str(row["actor"]),
            "kind": str(row["kind"]), "dataset": str(row["dataset"]),
            "accounting": str(row["accounting"]), "epsilon": _number(row["epsilon"]),
            "delta": _number(row["delta"]), "rho": _number(row["rho"]),
            "queries": json.loads(str(row["queries"])), "input_sha256": row["input_sha256"],
            "note": row["note"], "previous": str(row["previous"])}


def _number(value: object) -> float | None:
    if value is None:
        return None
    if not isinstance(value, int | float | str):
        raise ValueError("not a number")
    return float(value)


def _entry(row: Mapping[str, object]) -> LedgerEntry:
    """A stored row as an entry (LedgerError when it cannot be read)."""
    try:
        body = _body(row)
        return LedgerEntry(
            seq=int(str(body["seq"])), at=dt.datetime.fromisoformat(str(body["at"])),
            actor=str(body["actor"]), kind=str(body["kind"]), dataset=str(body["dataset"]),
            spend=_loss(row), queries=list(_queries(body["queries"])),
            input_sha256=_optional(body["input_sha256"]), note=_optional(body["note"]),
            previous=str(body["previous"]), digest=str(row["digest"]))
    except (ValueError, VeilError):
        raise LedgerError(f"ledger entry {row['seq']} cannot be read",
                          hint="run verify: the ledger was damaged or edited") from None


def _loss(row: Mapping[str, object]) -> Loss:
    """The loss a stored row holds (ValueError or UsageError when it holds none)."""
    return Loss(Accounting(str(row["accounting"])), epsilon=_number(row["epsilon"]),
                delta=_number(row["delta"]), rho=_number(row["rho"]))


def _optional(value: object) -> str | None:
    return None if value is None else str(value)


def _queries(value: object) -> list[dict[str, object]]:
    if not isinstance(value, list) or not all(isinstance(q, dict) for q in value):
        raise ValueError("queries are not a list of objects")
    return [dict(q) for q in value]


def _state(conn: Connection) -> _State | VerifyResult:
    """Walk the chain, check the head and dataset rows, and replay every dataset's budget."""
    rows = _rows(conn, sa.select(entries_table).order_by(entries_table.c.seq))
    count = len(rows)
    last = walk(rows, _body)
    if isinstance(last, VerifyResult):
        return last
    head = conn.execute(sa.select(head_table.c.seq, head_table.c.digest)).all()
    if len(head) != 1:
        return VerifyResult(False, count, count + 1, "the ledger's head row is missing")
    mark_seq, mark_digest = int(head[0].seq), str(head[0].digest)
    if mark_seq > count:
        return VerifyResult(False, count, count + 1,
                            f"entries {count + 1} to {mark_seq} are missing (truncated)")
    if mark_seq != count or mark_digest != last:
        return VerifyResult(False, count, mark_seq,
                            f"entry {mark_seq} does not match the ledger's head row")
    replayed = _replay(rows)
    if isinstance(replayed, VerifyResult):
        return replayed
    problem = _dataset_rows_problem(conn, replayed, count)
    return problem or _State(replayed, count, last)


def _rows(conn: Connection, query: sa.Select[Any]) -> list[Mapping[str, object]]:
    """Stored entries as plain dicts (several times faster to read than Row mappings)."""
    result = conn.execute(query)
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]


def _replay(rows: Sequence[Mapping[str, object]]) -> dict[str, _Tally] | VerifyResult:
    """Each dataset's total and spends, checking every release against its budget."""
    tallies: dict[str, _Tally] = {}
    total = len(rows)
    for row in rows:
        seq, dataset, kind = int(str(row["seq"])), str(row["dataset"]), str(row["kind"])
        try:
            loss = _loss(row)
        except (ValueError, VeilError):
            return VerifyResult(False, total, seq, f"entry {seq} holds an invalid loss")
        tally = tallies.get(dataset)
        if kind == "budget":
            if tally is not None:
                return VerifyResult(False, total, seq, f"entry {seq} registers dataset "
                                    f"{dataset!r} a second time")
            tallies[dataset] = _Tally(loss, seq)
        elif kind == "release":
            if tally is None or tally.total.accounting is not loss.accounting:
                return VerifyResult(False, total, seq, f"entry {seq} is a release on dataset "
                                    f"{dataset!r} without a matching budget before it")
            if not tally.fits(loss):
                return VerifyResult(False, total, seq, f"entry {seq} takes dataset "
                                    f"{dataset!r} past its budget")
            tally.add(loss)
        else:
            return VerifyResult(False, total, seq, f"entry {seq} has an unknown kind")
    return tallies


def _dataset_rows_problem(conn: Connection, tallies: Mapping[str, _Tally],
                          count: int) -> VerifyResult | None:
    """The dataset rows must match the budget entries (they are not hashed)."""
    rows = {str(r.name): (str(r.accounting), int(r.budget_seq))
            for r in conn.execute(sa.select(datasets_table))}
    expected = {name: (str(t.total.accounting), t.budget_seq) for name, t in tallies.items()}
    if rows == expected:
        return None
    wrong = sorted(set(rows.items()) ^ set(expected.items()))
    name = wrong[0][0]
    seq = expected[name][1] if name in expected else None
    return VerifyResult(False, count, seq, f"the dataset row of {name!r} does not match "
                        "its budget entry")


def _trusted(checked: _State | VerifyResult, what: str) -> _State:
    """The verified state, or a refusal to use a ledger that fails verification."""
    if isinstance(checked, VerifyResult):
        raise LedgerError(f"the budget ledger fails verification ({checked.reason}); "
                          f"refusing to {what}",
                          hint="a ledger that was edited cannot bound spending: inspect its "
                          "entries and restore it from a copy")
    return checked
