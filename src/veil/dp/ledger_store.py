"""How the budget ledger is stored: its tables, its hash-chained entries and their replay.

`veil.dp.ledger` is the public face; this module holds what it reads and writes.
Every entry is one `veil.chain` link over its hashed fields; `read_state` walks
the chain, checks the head row and the dataset rows, and replays every dataset's
registrations and spends (`replay`), so a ledger that passes can be trusted to
bound spending and to say which registered data each fingerprint belongs to.

Entry kinds:
    budget   registers a dataset: its total, the privacy unit column, the
             fingerprint of its data (the first entry of the dataset);
    data     attaches the fingerprint of more data (another extract of the same
             people, a corrected export) to a registered dataset: it shares the
             dataset's budget (its loss columns repeat the total);
    release  one release's spend, with the fingerprint of the data it read.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Column, Double, Index, Integer, MetaData, String, Table, Text
from sqlalchemy.engine import Connection

from veil.chain import GENESIS, VerifyResult, link_digest, walk
from veil.dp.loss import Accounting, Loss, Tally
from veil.errors import PrivacyBudgetError, UsageError, VeilError

FORMAT = "veil-dp-ledger-2"
MAX_QUERY_BYTES = 16_384  # per query description: a description, never data
NAME_MAX = 256
KINDS = ("budget", "data", "release")

# -- tables (all named veil_dp_* so the ledger can share the vault's database) ------------

metadata = MetaData()

entries_table = Table(
    "veil_dp_entries", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(40), nullable=False),
    Column("actor", Text, nullable=False),
    Column("kind", String(16), nullable=False),  # see KINDS
    Column("dataset", String(NAME_MAX), nullable=False),
    Column("accounting", String(16), nullable=False),
    Column("epsilon", Double, nullable=True),
    Column("delta", Double, nullable=True),
    Column("rho", Double, nullable=True),
    Column("queries", Text, nullable=False),  # canonical JSON list
    Column("fingerprint", String(64), nullable=False),  # veil.dp.fingerprint, keyed
    Column("unit", Text, nullable=True),  # the privacy unit column (budget and data)
    Column("input_sha256", String(64), nullable=True),
    Column("note", Text, nullable=True),
    Column("previous", String(64), nullable=False),
    Column("digest", String(64), nullable=False),
    Index("veil_dp_entries_dataset", "dataset"),
)

# one row per dataset: what writers lock, and an index of registrations
datasets_table = Table(
    "veil_dp_datasets", metadata,
    Column("name", String(NAME_MAX), primary_key=True),
    Column("accounting", String(16), nullable=False),
    Column("budget_seq", Integer, nullable=False),
)

# the one row naming the last entry (no key: the witness file anchors it, veil.anchor)
head_table = Table(
    "veil_dp_head", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, nullable=False),
    Column("digest", String(64), nullable=False),
)

# format, ledger id, and the check value of the ledger's key (veil.dp.ledger_key)
meta_table = Table(
    "veil_dp_meta", metadata,
    Column("name", String(32), primary_key=True),
    Column("value", Text, nullable=False),
)

TABLES = frozenset(metadata.tables)


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
    """One entry: a dataset's registration ("budget"), more data for it ("data"), or one
    release's spend ("release")."""

    seq: int
    at: dt.datetime
    actor: str
    kind: str
    dataset: str
    spend: Loss  # for "budget" and "data" entries: the dataset's total
    queries: list[dict[str, object]]
    fingerprint: str
    unit: str | None
    input_sha256: str | None
    note: str | None
    previous: str
    digest: str

    def to_dict(self) -> dict[str, object]:
        return {"seq": self.seq, "at": self.at.isoformat(), "actor": self.actor,
                "kind": self.kind, "dataset": self.dataset, "spend": self.spend.to_dict(),
                "queries": [dict(q) for q in self.queries], "fingerprint": self.fingerprint,
                "unit": self.unit, "input_sha256": self.input_sha256, "note": self.note,
                "previous": self.previous, "digest": self.digest}


@dataclass(frozen=True)
class Charged:
    """A release recorded by `Ledger.charge`: its entry (the chain's new head) and the
    dataset's spend before it and budget left after it."""

    entry: LedgerEntry
    spent_before: Loss
    left_after: Loss


@dataclass
class State:
    """The verified ledger: each dataset's tally, who owns each fingerprint, the last entry."""

    tallies: dict[str, Tally]
    owners: dict[str, tuple[str, int]]  # fingerprint -> (dataset, the entry registering it)
    seq: int  # = the number of entries
    digest: str


# -- checks of what callers pass ------------------------------------------------------------

_SHA256 = re.compile(r"[0-9a-f]{64}")


def check_name(value: object, what: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise UsageError(f"the {what} must be a non-empty string")
    if len(value) > NAME_MAX or not value.isprintable():
        raise UsageError(f"the {what} must be at most {NAME_MAX} printable characters")


def check_fingerprint(value: object) -> str:
    if not isinstance(value, str) or not _SHA256.fullmatch(value):
        raise UsageError("a data fingerprint is 64 lowercase hexadecimal digits",
                         hint="compute it with Ledger.fingerprint(frame, unit)")
    return value


def check_extras(input_sha256: str | None, note: str | None) -> None:
    if input_sha256 is not None and not (isinstance(input_sha256, str)
                                         and _SHA256.fullmatch(input_sha256)):
        raise UsageError("input_sha256 must be 64 lowercase hexadecimal digits")
    if note is not None and not isinstance(note, str):
        raise UsageError("the note must be a string")


def queries_text(queries: Sequence[Mapping[str, object]]) -> str:
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


def check_spend(dataset: str, total: Loss, spend: Loss) -> None:
    """The spend is measured like the dataset's total (and has no delta it can't cover)."""
    if spend.accounting is not total.accounting:
        raise accounting_error(dataset, total, spend, "spend")
    if total.accounting is Accounting.ZCDP and total.delta is None and spend.delta:
        raise LedgerError(f"dataset {dataset!r} has a zCDP budget without delta, but this "
                          f"release spends {spend.describe()}",
                          hint="only a dataset registered with a delta in its zCDP total "
                          "can take releases that spend a delta")


def accounting_error(dataset: str, total: Loss, other: Loss, what: str) -> LedgerError:
    return LedgerError(
        f"dataset {dataset!r} is accounted as {total.accounting} DP; this {what} is "
        f"{other.accounting}",
        hint="a ledger composes one kind of loss per dataset: pure-DP and zCDP (or "
        "approximate) budgets cannot be added up here; express the release in "
        f"{total.accounting} terms")


# -- the chain ------------------------------------------------------------------------------


def append(conn: Connection, state: State, *, kind: str, dataset: str, loss: Loss,
           actor: str, queries: str, fingerprint: str, unit: str | None,
           input_sha256: str | None, note: str | None) -> LedgerEntry:
    """Add one entry after the verified head, inside the caller's locked transaction."""
    at = dt.datetime.now(dt.UTC)
    seq = state.seq + 1
    row: dict[str, object] = {
        "seq": seq, "at": at.isoformat(timespec="microseconds"), "actor": actor,
        "kind": kind, "dataset": dataset, "accounting": str(loss.accounting),
        "epsilon": loss.epsilon, "delta": loss.delta, "rho": loss.rho, "queries": queries,
        "fingerprint": fingerprint, "unit": unit, "input_sha256": input_sha256,
        "note": note, "previous": state.digest}
    digest = row["digest"] = link_digest(_body(row))
    conn.execute(sa.insert(entries_table).values(**row))
    conn.execute(sa.update(head_table).where(head_table.c.id == 1).values(seq=seq, digest=digest))
    state.seq = seq
    state.digest = digest
    return entry_of(row)


def _body(row: Mapping[str, object]) -> dict[str, object]:
    """The hashed fields of an entry (ValueError when a stored row cannot be read)."""
    return {"seq": int(str(row["seq"])), "at": str(row["at"]), "actor": str(row["actor"]),
            "kind": str(row["kind"]), "dataset": str(row["dataset"]),
            "accounting": str(row["accounting"]), "epsilon": _number(row["epsilon"]),
            "delta": _number(row["delta"]), "rho": _number(row["rho"]),
            "queries": json.loads(str(row["queries"])), "fingerprint": str(row["fingerprint"]),
            "unit": row["unit"], "input_sha256": row["input_sha256"], "note": row["note"],
            "previous": str(row["previous"])}


def _number(value: object) -> float | None:
    if value is None:
        return None
    if not isinstance(value, int | float | str):
        raise ValueError("not a number")
    return float(value)


def entry_of(row: Mapping[str, object]) -> LedgerEntry:
    """A stored row as an entry (LedgerError when it cannot be read)."""
    try:
        body = _body(row)
        return LedgerEntry(
            seq=int(str(body["seq"])), at=dt.datetime.fromisoformat(str(body["at"])),
            actor=str(body["actor"]), kind=str(body["kind"]), dataset=str(body["dataset"]),
            spend=_loss(row), queries=list(_queries(body["queries"])),
            fingerprint=str(body["fingerprint"]), unit=_optional(body["unit"]),
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


def read_state(conn: Connection) -> State | VerifyResult:
    """Walk the chain, check the head and dataset rows, and replay every dataset."""
    rows = rows_of(conn, sa.select(entries_table).order_by(entries_table.c.seq))
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
    replayed = replay(rows)
    if isinstance(replayed, VerifyResult):
        return replayed
    problem = _dataset_rows_problem(conn, replayed.tallies, count)
    return problem or State(replayed.tallies, replayed.owners, count, last)


def rows_of(conn: Connection, query: sa.Select[Any]) -> list[Mapping[str, object]]:
    """Stored entries as plain dicts (several times faster to read than Row mappings)."""
    result = conn.execute(query)
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]


def replay(rows: Sequence[Mapping[str, object]]) -> State | VerifyResult:
    """Each dataset's total, data and spends, checking every entry as `charge` would."""
    state = State({}, {}, 0, GENESIS)
    total = len(rows)
    for row in rows:
        seq, dataset, kind = int(str(row["seq"])), str(row["dataset"]), str(row["kind"])
        fingerprint = str(row["fingerprint"])
        try:
            loss = _loss(row)
        except (ValueError, VeilError):
            return VerifyResult(False, total, seq, f"entry {seq} holds an invalid loss")
        problem = _replay_one(state, seq, kind, dataset, fingerprint, loss)
        if problem is not None:
            return VerifyResult(False, total, seq, f"entry {seq} {problem}")
    return state


def _replay_one(state: State, seq: int, kind: str, dataset: str, fingerprint: str,
                loss: Loss) -> str | None:
    """Apply one entry to `state`; what is wrong with it, if anything."""
    tally = state.tallies.get(dataset)
    owner = state.owners.get(fingerprint)
    if kind not in KINDS:
        return "has an unknown kind"
    if kind in ("budget", "data"):
        if owner is not None:
            return (f"registers data already registered for dataset {owner[0]!r} "
                    f"(entry {owner[1]})")
        if kind == "budget":
            if tally is not None:
                return f"registers dataset {dataset!r} a second time"
            state.tallies[dataset] = Tally(loss, seq)
        elif tally is None or tally.total != loss:
            return f"adds data to dataset {dataset!r} without its registration before it"
        state.owners[fingerprint] = (dataset, seq)
        return None
    if tally is None or tally.total.accounting is not loss.accounting:
        return f"is a release on dataset {dataset!r} without a matching budget before it"
    if owner is None or owner[0] != dataset:
        return f"is a release on dataset {dataset!r} of data not registered for it"
    if not tally.fits(loss):
        return f"takes dataset {dataset!r} past its budget"
    tally.add(loss)
    return None


def _dataset_rows_problem(conn: Connection, tallies: Mapping[str, Tally],
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


def trusted(checked: State | VerifyResult, what: str) -> State:
    """The verified state, or a refusal to use a ledger that fails verification."""
    if isinstance(checked, VerifyResult):
        raise LedgerError(f"the budget ledger fails verification ({checked.reason}); "
                          f"refusing to {what}",
                          hint="a ledger that was edited cannot bound spending: inspect its "
                          "entries and restore it from a copy")
    return checked

