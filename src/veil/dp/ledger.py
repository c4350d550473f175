"""The privacy budget ledger: every DP release per dataset, refused past the dataset's budget.

Guarantee:
    Per dataset, the sum of the losses of all recorded releases never exceeds the
    total budget registered for it (up to a relative tolerance of 1e-9, exact
    arithmetic: `veil.dp.loss`), also under concurrent releases: `Ledger.charge`
    checks and records in one database transaction that holds the ledger's write
    lock (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: ``SELECT ... FOR UPDATE`` on the
    chain head and the dataset's row). Composition is basic sequential composition.
    Assumption: every release of a dataset goes through this ledger, with the loss
    its mechanism really has (the ledger trusts what it is told).

Budgets are bound to the data, not to a name:
    A dataset is registered once by the custodian (`register`, ``veil ledger
    register``) with its total and the keyed fingerprint of its people
    (`veil.dp.fingerprint`: the set of privacy-unit values, the same for every
    export of the same people). `charge` never registers anything: it refuses a
    dataset that is not registered, data whose fingerprint is registered under
    another dataset ("this data is registered as ..."), and data registered for
    no dataset. A fingerprint belongs to one dataset only; more data of the same
    dataset (a corrected or extended extract) is attached by `register` and
    shares its budget.

The custodian, not a release spec, chooses where the ledger is, and a ledger is
created only by `Ledger.create` (``veil ledger init``): `Ledger.open` creates
nothing, not even tables, and refuses a location that holds no ledger.

Entries form one `veil.chain` hash chain for the whole ledger database (all
datasets, `veil.dp.ledger_store`), anchored outside the database by a witness
file MAC'd under the ledger's key (`veil.dp.ledger_anchor`). Editing, deleting,
inserting or reordering an entry, deleting a release and recomputing the chain,
rolling the database back and cutting its tail are named by `Ledger.verify`, and
`register`, `charge`, `spent` and `remaining` refuse a ledger that fails it.

Example::

    with Ledger.create("ledger.db") as ledger:   # + ledger.db.key and the witness
        data = ledger.fingerprint(frame, "patient_id")
        total = Loss(Accounting.PURE, epsilon=1.0)
        ledger.register("visits-2025", total, actor="custodian", fingerprint=data,
                        unit="patient_id")
        charged = ledger.charge("visits-2025", total, Loss(Accounting.PURE, epsilon=0.25),
                                actor="alice", queries=[{"count": "visits"}],
                                fingerprint=data)
        charged.left_after.describe()   # 'epsilon 0.75'
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine

from veil.chain import GENESIS, VerifyResult
from veil.dp import ledger_store as store
from veil.dp.ledger_anchor import LedgerAnchor, LedgerFiles
from veil.dp.ledger_db import (
    check_tables,
    create_sqlite_file,
    exists_error,
    guarded,
    key_file_path,
    open_engine,
    parse_location,
    read_meta,
    sqlite_tables,
)
from veil.dp.ledger_key import LedgerKey
from veil.dp.ledger_store import BudgetExceeded, Charged, LedgerEntry, LedgerError, State
from veil.dp.loss import TOLERANCE, Accounting, Loss, Tally, require_positive
from veil.io import db

if TYPE_CHECKING:
    import polars as pl

__all__ = ["TOLERANCE", "Accounting", "BudgetExceeded", "Charged", "Ledger", "LedgerEntry",
           "LedgerError", "LedgerFiles", "Loss"]

_LOCK_KEY = 0x7665696C5F6470  # PostgreSQL advisory lock taken while creating the tables


class Ledger:
    """The budget ledger in one database (a SQLite file, or PostgreSQL, maybe the vault's),
    with its key file (`veil.dp.ledger_key`)."""

    def __init__(self, engine: Engine, url: URL, key: LedgerKey, ledger_id: str,
                 files: LedgerFiles) -> None:
        self._engine = engine
        self._url = url
        self._key = key
        self._id = ledger_id
        self._anchor = LedgerAnchor(files, key, ledger_id)

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def create(cls, url: str, *, files: LedgerFiles | None = None) -> Ledger:
        """A new, empty ledger at `url`, its new key file and the witness of its empty chain
        (`veil ledger init`).

        A SQLite file is created (mode 0600) in an existing directory, or the tables
        are added to an existing database that holds no ledger (the vault's, say).
        Refused when a ledger, the key file or the witness already exists.
        """
        files = files or LedgerFiles()
        parsed = parse_location(url)
        location = db.describe(parsed)
        key = LedgerKey.generate(key_file_path(parsed, files.key))
        ledger_id = secrets.token_hex(8)
        witness = LedgerAnchor(files, key, ledger_id).path
        if witness.exists():
            raise LedgerError(f"{witness}: a chain witness already exists there",
                              hint="name another --witness, or remove the old one "
                              "deliberately")
        path = db.sqlite_file(parsed)
        if path is not None:
            if not path.parent.is_dir():
                raise LedgerError(f"cannot create the budget ledger: directory {path.parent} "
                                  "does not exist", hint="create the directory first (mode "
                                  "0700): a ledger's place is chosen, never made by accident")
            if path.exists() and sqlite_tables(path, location) & store.TABLES:
                raise exists_error(location)
        key.write()
        made = path is not None and not path.exists()
        engine: Engine | None = None
        try:
            if path is not None and made:
                create_sqlite_file(path)
            engine = open_engine(parsed)
            ledger = cls(engine, parsed, key, ledger_id, files)
            ledger._create_tables()
        except BaseException:
            if engine is not None:
                engine.dispose()
            for leftover in (key.path, witness, witness.with_name(witness.name + ".lock")):
                leftover.unlink(missing_ok=True)  # none existed before
            if path is not None and made:
                for leftover in (path, path.with_name(path.name + "-wal"),
                                 path.with_name(path.name + "-shm")):
                    leftover.unlink(missing_ok=True)
            raise
        return ledger

    @classmethod
    def open(cls, url: str, *, files: LedgerFiles | None = None) -> Ledger:
        """The ledger at `url` with its key and witness; creates nothing (LedgerError where
        there is no ledger, KeyStoreError for a missing or unsafe key file)."""
        files = files or LedgerFiles()
        parsed = parse_location(url)
        location = db.describe(parsed)
        path = db.sqlite_file(parsed)
        if path is not None:  # before any engine: sqlite3 would create a missing file
            check_tables(sqlite_tables(path, location), location)
        engine = open_engine(parsed)
        try:
            meta = read_meta(engine, parsed, location)
            key = LedgerKey.read(key_file_path(parsed, files.key))
            if not hmac.compare_digest(meta["key_check"], key.check_value(meta["ledger_id"])):
                raise LedgerError(f"{key.path} is not the key of the budget ledger at "
                                  f"{location}", hint="name this ledger's key file with "
                                  "--ledger-key FILE or $VEIL_DP_LEDGER_KEY")
            return cls(engine, parsed, key, meta["ledger_id"], files)
        except BaseException:
            engine.dispose()
            raise

    @property
    def location(self) -> str:
        """Where the ledger is (never a password)."""
        return db.describe(self._url)

    @property
    def id(self) -> str:
        """The ledger's public id (16 hex digits), made at creation: a release names it."""
        return self._id

    @property
    def key_path(self) -> Path:
        return self._key.path

    @property
    def witness_path(self) -> Path:
        """The file that anchors the chain outside the database (`veil.dp.ledger_anchor`)."""
        return self._anchor.path

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    # -- the data ----------------------------------------------------------------------------

    def fingerprint(self, frame: pl.LazyFrame, unit: str) -> str:
        """The keyed fingerprint of the people in `frame` (`veil.dp.fingerprint`)."""
        from veil.dp.fingerprint import unit_fingerprint

        return unit_fingerprint(frame, unit, key=self._key.derive("fingerprint"))

    # -- writing ---------------------------------------------------------------------------

    def register(self, dataset: str, total: Loss, *, actor: str, fingerprint: str,
                 unit: str) -> LedgerEntry | None:
        """Register `dataset` with its total and the fingerprint of its data (the custodian).

        A new dataset gets a "budget" entry. For a registered one, `total` must be the
        recorded total and a new fingerprint gets a "data" entry (more data sharing the
        budget); a fingerprint it already has changes nothing (returns None). A
        fingerprint registered for another dataset is refused.
        """
        store.check_name(dataset, "dataset")
        store.check_name(actor, "actor")
        store.check_name(unit, "privacy unit column")
        store.check_fingerprint(fingerprint)
        require_positive(total, "total")
        with self._writing("registering a dataset") as conn:
            state = self._locked_state(conn, dataset, "register a dataset")
            owner = state.owners.get(fingerprint)
            if owner is not None and owner[0] != dataset:
                raise LedgerError(f"this data is already registered as dataset {owner[0]!r} "
                                  f"(entry {owner[1]}): its privacy units are the same",
                                  hint=f"releases of it spend the budget of {owner[0]!r}; "
                                  "one set of people has one budget")
            tally = state.tallies.get(dataset)
            if tally is not None:
                _check_total(dataset, tally, total)
                if owner is not None:
                    return None
            entry = store.append(conn, state, kind="budget" if tally is None else "data",
                                 dataset=dataset, loss=total, actor=actor, queries="[]",
                                 fingerprint=fingerprint, unit=unit, input_sha256=None,
                                 note=None)
            if tally is None:
                conn.execute(sa.insert(store.datasets_table).values(
                    name=dataset, accounting=str(total.accounting), budget_seq=entry.seq))
        self._anchor.advance(entry.seq, entry.digest)
        return entry

    def charge(self, dataset: str, total: Loss, spend: Loss, *, actor: str,
               queries: Sequence[Mapping[str, object]], fingerprint: str,
               input_sha256: str | None = None, note: str | None = None) -> Charged:
        """Record one release of the data with `fingerprint`, or refuse it.

        Refused (LedgerError) unless `dataset` is registered with `total` and
        `fingerprint` is registered for it; BudgetExceeded if it would pass the total.
        The entry comes back with what the dataset had spent before it and has left
        after it, both read in the same locked transaction.

        In one transaction: take the write lock, verify the whole chain, check the
        registration, sum the earlier spends, append the entry. Verifying costs about
        40 us per entry on a 2-core machine (SQLite: about 0.05 s at 1,000 entries,
        0.4 s at 10,000); PostgreSQL about twice that.
        """
        store.check_name(dataset, "dataset")
        store.check_name(actor, "actor")
        store.check_fingerprint(fingerprint)
        require_positive(total, "total")
        require_positive(spend, "spend")
        text = store.queries_text(queries)
        store.check_extras(input_sha256, note)
        with self._writing("charging a release") as conn:
            state = self._locked_state(conn, dataset, "charge a release")
            tally = _registered(state, dataset, fingerprint)
            _check_total(dataset, tally, total)
            store.check_spend(dataset, tally.total, spend)
            if not tally.fits(spend):
                raise BudgetExceeded(dataset, spend, tally.left_loss(), tally.total)
            before = tally.spent_loss()
            entry = store.append(conn, state, kind="release", dataset=dataset, loss=spend,
                                 actor=actor, queries=text, fingerprint=fingerprint,
                                 unit=None, input_sha256=input_sha256, note=note)
            tally.add(spend)
        self._anchor.advance(entry.seq, entry.digest)
        return Charged(entry, before, tally.left_loss())

    # -- reading ---------------------------------------------------------------------------

    def spent(self, dataset: str) -> Loss:
        """What the releases of `dataset` spent together (zero amounts when none)."""
        return self._tally(dataset).spent_loss()

    def remaining(self, dataset: str) -> Loss:
        """What `dataset` has left: its total minus what was spent, never negative."""
        return self._tally(dataset).left_loss()

    def entries(self, dataset: str | None = None) -> list[LedgerEntry]:
        """The entries as stored (not verified: see `verify`), oldest first."""
        query = sa.select(store.entries_table).order_by(store.entries_table.c.seq)
        if dataset is not None:
            query = query.where(store.entries_table.c.dataset == dataset)
        with self._reading("reading the ledger") as conn:
            rows = store.rows_of(conn, query)
        return [store.entry_of(row) for row in rows]

    def head(self) -> tuple[int, str]:
        """(last sequence number, last digest): print it in a release's manifest."""
        with self._reading("reading the ledger's head") as conn:
            row = conn.execute(sa.select(store.head_table.c.seq,
                                         store.head_table.c.digest)).first()
        if row is None:
            raise LedgerError(f"the budget ledger at {self.location} has no head row",
                              hint="the ledger was damaged; restore it from a copy")
        return int(row.seq), str(row.digest)

    def verify(self) -> VerifyResult:
        """Check the chain, the head row, the dataset rows, the registrations, that no
        release overspent, and that the chain holds the head its witness names."""
        with self._reading("verifying the ledger") as conn:
            checked = self._checked_state(conn)
        if isinstance(checked, VerifyResult):
            return checked
        return VerifyResult(True, checked.seq, None, None)

    def anchor(self) -> tuple[int, str]:
        """Witness the current head of a ledger whose witness file was lost: the head.

        Refused when a witness exists (it is evidence: a disagreeing one means the
        database was rolled back) or the chain fails verification. A rollback made
        before this call can no longer be detected: compare the head with the digest
        the last release recorded before calling it.
        """
        if self._anchor.path.exists():
            raise LedgerError(f"{self._anchor.path}: the ledger already has a witness",
                              hint="a witness is replaced only by restoring it; run "
                              "`veil ledger verify` to see whether it agrees")
        with self._reading("reading the ledger's head") as conn:
            state = store.trusted(store.read_state(conn), "anchor the ledger")
        self._anchor.advance(state.seq, state.digest)
        return state.seq, state.digest

    # -- internals ------------------------------------------------------------------------

    def _create_tables(self) -> None:
        with self._writing("creating the ledger's tables") as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"),
                             {"key": _LOCK_KEY})
            if set(sa.inspect(conn).get_table_names()) & store.TABLES:
                raise exists_error(self.location)
            store.metadata.create_all(conn)
            conn.execute(sa.insert(store.head_table).values(id=1, seq=0, digest=GENESIS))
            conn.execute(sa.insert(store.meta_table), [
                {"name": "format", "value": store.FORMAT},
                {"name": "ledger_id", "value": self._id},
                {"name": "key_check", "value": self._key.check_value(self._id)}])
            self._anchor.start()  # before the commit: a failed start leaves no ledger

    def _tally(self, dataset: str) -> Tally:
        with self._reading("reading the ledger") as conn:
            state = store.trusted(self._checked_state(conn), "report a budget")
        tally = state.tallies.get(dataset)
        if tally is None:
            raise LedgerError(f"dataset {dataset!r} has no budget in the ledger at "
                              f"{self.location}", hint="the custodian registers it with "
                              "`veil ledger register`")
        return tally

    def _locked_state(self, conn: Connection, dataset: str, what: str) -> State:
        """Take the write lock (head row, then the dataset's row) and verify the chain."""
        conn.execute(sa.select(store.head_table.c.seq).where(store.head_table.c.id == 1)
                     .with_for_update())
        conn.execute(sa.select(store.datasets_table.c.name)
                     .where(store.datasets_table.c.name == dataset).with_for_update())
        state = store.trusted(self._checked_state(conn), what)
        self._anchor.ready()
        return state

    def _checked_state(self, conn: Connection) -> State | VerifyResult:
        """The verified state, if the chain also holds the head its witness names."""
        checked = store.read_state(conn)
        if isinstance(checked, VerifyResult):
            return checked

        def digest_at(seq: int) -> str | None:
            found = conn.execute(sa.select(store.entries_table.c.digest)
                                 .where(store.entries_table.c.seq == seq)).scalar()
            return None if found is None else str(found)

        return self._anchor.problem(checked.seq, digest_at) or checked

    @contextmanager
    def _writing(self, what: str) -> Iterator[Connection]:
        with guarded(self.location, what), db.writing(self._engine) as conn:
            yield conn

    @contextmanager
    def _reading(self, what: str) -> Iterator[Connection]:
        with guarded(self.location, what), db.reading(self._engine) as conn:
            yield conn


# -- helpers --------------------------------------------------------------------------------


def _registered(state: State, dataset: str, fingerprint: str) -> Tally:
    """The tally `dataset` charges, if the data with `fingerprint` is registered for it."""
    owner = state.owners.get(fingerprint)
    if owner is not None and owner[0] != dataset:
        raise LedgerError(f"this data is registered as dataset {owner[0]!r} (entry "
                          f"{owner[1]}), not {dataset!r}: its privacy units are the same",
                          hint=f"name dataset {owner[0]!r} (spec 'dataset:' or --dataset): "
                          "one set of people has one budget, whatever the file is called")
    tally = state.tallies.get(dataset)
    if tally is None:
        raise LedgerError(f"dataset {dataset!r} is not registered in the budget ledger",
                          hint="the custodian registers a dataset once, with its total and "
                          "its data: veil ledger register DATASET FILE --unit COLUMN "
                          "--epsilon TOTAL --ledger URL")
    if owner is None:
        raise LedgerError(f"this data is not registered for dataset {dataset!r}: its set of "
                          "privacy units differs from every extract registered for it",
                          hint="if it is more data about the same people (a corrected or "
                          "extended extract), the custodian registers it for the dataset "
                          "(veil ledger register), and it shares the budget")
    return tally


def _check_total(dataset: str, tally: Tally, total: Loss) -> None:
    if tally.total.accounting is not total.accounting:
        raise store.accounting_error(dataset, tally.total, total, "total")
    if tally.total != total:
        raise LedgerError(
            f"dataset {dataset!r} was registered with a total of "
            f"{tally.total.describe()} (entry {tally.budget_seq}); this asks for a total "
            f"of {total.describe()}",
            hint="a recorded total cannot be changed silently: pass the recorded total")
