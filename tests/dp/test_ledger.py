"""The privacy budget ledger: composition, refusals, tampering, concurrency (SQLite and
PostgreSQL), and a property: accepted spends never pass the budget, refused ones would.

Every dataset is registered with a fingerprint first (`fp`), as `veil ledger register`
does; `tests/dp/test_custody.py` covers creation, opening, keys and the bindings."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from fractions import Fraction
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.vault.pgcluster import PgCluster
from veil.dp.ledger import Accounting, BudgetExceeded, Ledger, LedgerError, LedgerFiles, Loss
from veil.errors import PrivacyBudgetError, UsageError, VeilError

PURE, APPROX, ZCDP = Accounting.PURE, Accounting.APPROXIMATE, Accounting.ZCDP
QUERY = [{"measure": "count", "by": ["year"]}]


def eps(value: float) -> Loss:
    return Loss(PURE, epsilon=value)


def fp(dataset: str) -> str:
    """A stand-in data fingerprint for `dataset` (the ledger stores what it is given)."""
    return hashlib.sha256(dataset.encode()).hexdigest()


def charge(ledger: Ledger, total: Loss, spend: Loss, dataset: str = "visits") -> int:
    """Register `dataset` (if new) with `total`, then charge `spend`: the new entry's seq."""
    if dataset not in {e.dataset for e in ledger.entries(dataset)}:
        ledger.register(dataset, total, actor="custodian", fingerprint=fp(dataset),
                        unit="pid")
    return ledger.charge(dataset, total, spend, actor="alice", queries=QUERY,
                         fingerprint=fp(dataset)).entry.seq


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    """A new ledger in a SQLite file, created by plain path (its key beside it)."""
    with Ledger.create(str(tmp_path / "ledger.db")) as created:
        yield created


class Place(NamedTuple):
    """Where a ledger lives: its URL and its key file."""

    url: str
    key: Path


@pytest.fixture(params=["sqlite", "postgresql"])
def place(request: pytest.FixtureRequest, tmp_path: Path,
          pg_cluster: PgCluster | None) -> Place:
    """A fresh ledger, created: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path}/ledger.db"
    elif pg_cluster is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    else:
        url = pg_cluster.new_database()
    key = tmp_path / "ledger.key"
    Ledger.create(url, files=LedgerFiles(key=key)).close()
    return Place(url, key)


def _sql(path: Path, statement: str) -> None:
    """Raw SQL on the file, behind the ledger's back."""
    with sqlite3.connect(path) as raw:
        raw.execute(statement)
    raw.close()


# -- losses ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"accounting": PURE}, "needs epsilon"),
    ({"accounting": PURE, "epsilon": 1.0, "delta": 1e-6}, "has no delta"),
    ({"accounting": APPROX, "epsilon": 1.0}, "needs delta"),
    ({"accounting": ZCDP, "epsilon": 1.0, "rho": 0.5}, "has no epsilon"),
    ({"accounting": PURE, "epsilon": -0.1}, "[0, inf)"),
    ({"accounting": PURE, "epsilon": float("inf")}, "[0, inf)"),
    ({"accounting": PURE, "epsilon": float("nan")}, "[0, inf)"),
    ({"accounting": APPROX, "epsilon": 1.0, "delta": 1.0}, "[0, 1)"),
    ({"accounting": PURE, "epsilon": True}, "must be a number"),
    ({"accounting": "renyi", "epsilon": 1.0}, "pure, approximate or zcdp"),
])
def test_invalid_losses_are_usage_errors(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(UsageError, match=message.replace("[", r"\[").replace(")", r"\)")):
        Loss(**kwargs)


def test_loss_describe_and_to_dict() -> None:
    loss = Loss(APPROX, epsilon=0.5, delta=1e-7)
    assert loss.describe() == "epsilon 0.5, delta 1e-07"
    assert loss.to_dict() == {"accounting": "approximate", "epsilon": 0.5, "delta": 1e-7}
    assert Loss(ZCDP, rho=0.125).describe() == "rho 0.125"
    assert Loss("pure", epsilon=1).epsilon == 1.0  # type: ignore[arg-type]
    assert isinstance(Loss(PURE, epsilon=1).epsilon, float)  # hashed as 1.0, read as 1.0


# -- charging -------------------------------------------------------------------------------


def test_register_charge_remaining(ledger: Ledger) -> None:
    total = eps(1.0)
    first = ledger.register("visits", total, actor="alice", fingerprint=fp("visits"),
                            unit="pid")
    assert first is not None and (first.kind, first.unit) == ("budget", "pid")
    # the same data and total again: nothing happens
    assert ledger.register("visits", total, actor="bob", fingerprint=fp("visits"),
                           unit="pid") is None
    assert ledger.spent("visits") == eps(0.0)
    assert ledger.remaining("visits") == total
    charged = ledger.charge("visits", total, eps(0.25), actor="alice", queries=QUERY,
                            fingerprint=fp("visits"), input_sha256="ab" * 32,
                            note="extract 7")
    entry = charged.entry
    assert (charged.spent_before, charged.left_after) == (eps(0.0), eps(0.75))
    assert (entry.seq, entry.kind, entry.dataset, entry.spend) == (2, "release", "visits",
                                                                  eps(0.25))
    assert ledger.spent("visits") == eps(0.25)
    assert ledger.remaining("visits") == eps(0.75)
    stored = ledger.entries("visits")
    assert [e.kind for e in stored] == ["budget", "release"]
    assert stored[1] == entry
    assert stored[1].to_dict()["queries"] == QUERY
    assert stored[1].at.tzinfo is not None
    assert ledger.head() == (2, entry.digest)
    assert ledger.verify().ok


def test_refusal_says_what_is_left_and_records_nothing(ledger: Ledger) -> None:
    charge(ledger, eps(1.0), eps(0.7))
    before = ledger.head()
    with pytest.raises(BudgetExceeded) as refused:
        charge(ledger, eps(1.0), eps(0.5))
    message = str(refused.value)
    assert "'visits'" in message
    assert "asks epsilon 0.5" in message
    assert "epsilon 0.3 is left" in message
    assert refused.value.left.epsilon == pytest.approx(0.3)
    assert isinstance(refused.value, PrivacyBudgetError)  # a user error: exit code 2
    assert ledger.head() == before
    assert ledger.remaining("visits").epsilon == pytest.approx(0.3)


def test_ten_tenths_fit_a_budget_of_one_and_the_eleventh_is_refused(ledger: Ledger) -> None:
    for _ in range(10):
        charge(ledger, eps(1.0), eps(0.1))
    assert ledger.remaining("visits") == eps(0.0)
    with pytest.raises(BudgetExceeded, match="epsilon 0 is left"):
        charge(ledger, eps(1.0), eps(0.1))
    assert len(ledger.entries()) == 11


def test_approximate_deltas_add(ledger: Ledger) -> None:
    total = Loss(APPROX, epsilon=10.0, delta=1e-6)
    charge(ledger, total, Loss(APPROX, epsilon=1.0, delta=4e-7))
    charge(ledger, total, Loss(APPROX, epsilon=1.0, delta=0.0))  # a Laplace release
    charge(ledger, total, Loss(APPROX, epsilon=1.0, delta=4e-7))
    assert ledger.spent("visits") == Loss(APPROX, epsilon=3.0, delta=8e-7)
    with pytest.raises(BudgetExceeded, match="delta 2e-07 is left"):
        charge(ledger, total, Loss(APPROX, epsilon=1.0, delta=4e-7))


def test_zcdp_rhos_add_and_a_delta_needs_a_budgeted_delta(ledger: Ledger) -> None:
    total = Loss(ZCDP, rho=0.5)
    charge(ledger, total, Loss(ZCDP, rho=0.125))
    charge(ledger, total, Loss(ZCDP, rho=0.125))
    assert ledger.remaining("visits") == Loss(ZCDP, rho=0.25)
    with pytest.raises(LedgerError, match="without delta"):
        charge(ledger, total, Loss(ZCDP, rho=0.125, delta=1e-8))
    with_delta = Loss(ZCDP, rho=0.5, delta=1e-6)
    charge(ledger, with_delta, Loss(ZCDP, rho=0.125, delta=1e-8), dataset="labs")
    assert ledger.remaining("labs") == Loss(ZCDP, rho=0.375, delta=1e-6 - 1e-8)


@pytest.mark.parametrize(("total", "spend"), [
    (Loss(ZCDP, rho=1.0), Loss(ZCDP, rho=0.1)),  # another total, another accounting
    (eps(1.0), Loss(ZCDP, rho=0.1)),  # the right total, a spend in zCDP
])
def test_accounting_mismatch_is_refused(ledger: Ledger, total: Loss, spend: Loss) -> None:
    ledger.register("visits", eps(1.0), actor="alice", fingerprint=fp("visits"), unit="pid")
    with pytest.raises(LedgerError, match="accounted as pure DP") as refused:
        charge(ledger, total, spend)
    assert "cannot be added up" in str(refused.value)
    assert len(ledger.entries()) == 1


def test_a_dataset_needs_one_accounting(ledger: Ledger) -> None:
    with pytest.raises(LedgerError, match="accounted as pure DP"):
        charge(ledger, eps(1.0), Loss(APPROX, epsilon=0.1, delta=1e-9))
    assert [e.kind for e in ledger.entries()] == ["budget"]  # the release was not recorded


def test_changing_the_total_is_refused(ledger: Ledger) -> None:
    ledger.register("visits", eps(1.0), actor="alice", fingerprint=fp("visits"), unit="pid")
    with pytest.raises(LedgerError, match="cannot be changed silently"):
        ledger.register("visits", eps(2.0), actor="alice", fingerprint=fp("visits"),
                        unit="pid")
    with pytest.raises(LedgerError, match="registered with a total of epsilon 1"):
        charge(ledger, eps(2.0), eps(1.5))
    assert ledger.remaining("visits") == eps(1.0)


def test_datasets_share_one_chain_and_keep_their_own_budgets(ledger: Ledger) -> None:
    charge(ledger, eps(1.0), eps(0.5), dataset="visits")
    charge(ledger, eps(2.0), eps(0.5), dataset="labs")
    charge(ledger, eps(1.0), eps(0.5), dataset="visits")
    assert [e.seq for e in ledger.entries()] == [1, 2, 3, 4, 5]
    assert [e.seq for e in ledger.entries("labs")] == [3, 4]
    assert ledger.remaining("visits") == eps(0.0)
    assert ledger.remaining("labs") == eps(1.5)


@pytest.mark.parametrize(("change", "error", "message"), [
    ({"actor": " "}, UsageError, "actor must be a non-empty"),
    ({"dataset": ""}, UsageError, "dataset must be a non-empty"),
    ({"queries": [{"values": object()}]}, UsageError, "must be JSON"),
    ({"queries": [{"x": float("nan")}]}, UsageError, "must be JSON"),
    ({"queries": ["count"]}, UsageError, "query 1 must be a mapping"),
    ({"queries": [{"values": "x" * 20_000}]}, UsageError, "never include data values"),
    ({"input_sha256": "not-a-hash"}, UsageError, "64 lowercase"),
    ({"spend": eps(0.0)}, UsageError, "greater than 0"),
    ({"total": eps(0.0)}, UsageError, "greater than 0"),
    ({"fingerprint": "visits"}, UsageError, "64 lowercase"),
])
def test_bad_arguments_are_refused_before_writing(ledger: Ledger, change: dict[str, Any],
                                                   error: type[VeilError], message: str) -> None:
    ledger.register("visits", eps(1.0), actor="alice", fingerprint=fp("visits"), unit="pid")
    args: dict[str, Any] = {"dataset": "visits", "total": eps(1.0), "spend": eps(0.1),
                            "actor": "alice", "queries": QUERY,
                            "fingerprint": fp("visits")} | change
    with pytest.raises(error, match=message):
        ledger.charge(args.pop("dataset"), args.pop("total"), args.pop("spend"), **args)
    assert len(ledger.entries()) == 1


def test_unknown_dataset(ledger: Ledger) -> None:
    with pytest.raises(LedgerError, match="has no budget"):
        ledger.remaining("nobody")


def test_bad_location(tmp_path: Path) -> None:
    with pytest.raises(LedgerError, match="cannot open the budget ledger"):
        Ledger.open("mysql://somewhere/db")
    with pytest.raises(LedgerError, match="cannot open the budget ledger"):
        Ledger.create("mysql://somewhere/db", files=LedgerFiles(key=tmp_path / "k"))


def test_the_ledger_lives_in_the_vault_database(tmp_path: Path) -> None:
    from veil.vault import MasterKey, Vault

    url = f"sqlite:///{tmp_path}/vault.db"
    key_file = tmp_path / "ledger.key"
    with Vault.create(url, MasterKey.generate()) as vault:
        vault.add_scope("study-1", actor="alice")
        with pytest.raises(LedgerError, match="no ledger tables"):
            Ledger.open(url, files=LedgerFiles(key=key_file))  # not a ledger before init
        Ledger.create(url, files=LedgerFiles(key=key_file)).close()
        with Ledger.open(url, files=LedgerFiles(key=key_file)) as ledger:
            charge(ledger, eps(1.0), eps(0.5))
            assert ledger.verify().ok
        assert vault.verify().ok
    with sqlite3.connect(tmp_path / "vault.db") as raw:
        names = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    raw.close()
    assert {"veil_dp_entries", "veil_dp_datasets", "veil_dp_head", "veil_dp_meta"} <= names
    assert all(name.startswith("veil_") for name in names)


# -- tampering ------------------------------------------------------------------------------


@pytest.fixture
def tampered(tmp_path: Path) -> Iterator[tuple[Ledger, Path]]:
    """A ledger with one budget and four releases of epsilon 0.25 (entries 1 to 5)."""
    path = tmp_path / "ledger.db"
    with Ledger.create(str(path)) as opened:
        for _ in range(4):
            charge(opened, eps(1.0), eps(0.25))
        assert opened.verify().ok
        yield opened, path


def test_an_edited_spend_is_named_and_stops_charging(tampered: tuple[Ledger, Path]) -> None:
    ledger, path = tampered
    _sql(path, "UPDATE veil_dp_entries SET epsilon = 0.01 WHERE seq = 3")
    result = ledger.verify()
    assert not result.ok
    assert result.first_broken == 3
    assert "entry 3 was altered" in str(result.reason)
    with pytest.raises(LedgerError, match="fails verification"):
        charge(ledger, eps(1.0), eps(0.1))
    with pytest.raises(LedgerError, match="fails verification"):
        ledger.remaining("visits")
    assert ledger.entries()[2].spend == eps(0.01)  # entries shows what is stored


def test_a_deleted_middle_entry_is_named(tampered: tuple[Ledger, Path]) -> None:
    ledger, path = tampered
    _sql(path, "DELETE FROM veil_dp_entries WHERE seq = 3")
    result = ledger.verify()
    assert (result.ok, result.first_broken) == (False, 3)
    assert "missing" in str(result.reason)
    with pytest.raises(LedgerError, match="fails verification"):
        charge(ledger, eps(1.0), eps(0.1))


def test_a_truncated_tail_is_caught_by_the_head_row(tampered: tuple[Ledger, Path]) -> None:
    ledger, path = tampered
    _sql(path, "DELETE FROM veil_dp_entries WHERE seq = 5")
    result = ledger.verify()
    assert (result.ok, result.first_broken) == (False, 5)
    assert "truncated" in str(result.reason)


def test_a_raised_total_is_caught(tampered: tuple[Ledger, Path]) -> None:
    ledger, path = tampered
    _sql(path, "UPDATE veil_dp_entries SET epsilon = 100 WHERE seq = 1")
    assert ledger.verify().first_broken == 1


def test_a_deleted_dataset_row_is_caught(tampered: tuple[Ledger, Path]) -> None:
    ledger, path = tampered
    _sql(path, "DELETE FROM veil_dp_datasets")
    result = ledger.verify()
    assert not result.ok
    assert "dataset row of 'visits'" in str(result.reason)


# -- concurrency ----------------------------------------------------------------------------


def _attempts(place: Place, total: Loss, spend: Loss, attempts: int, start: Any) -> int:
    """Open the ledger, wait for the others, try `attempts` charges; the number accepted."""
    accepted = 0
    with Ledger.open(place.url, files=LedgerFiles(key=place.key)) as mine:
        start.wait(timeout=120)
        for _ in range(attempts):
            try:
                mine.charge("visits", total, spend, actor="worker", queries=QUERY,
                            fingerprint=fp("visits"))
            except BudgetExceeded:
                continue
            accepted += 1
    return accepted


def _process_worker(place: Place, total: Loss, spend: Loss, attempts: int, start: Any,
                    results: Any) -> None:
    """A child process (spawned: importable by name): report the count or the error."""
    try:
        results.put(_attempts(place, total, spend, attempts, start))
    except BaseException as error:
        results.put(f"{type(error).__name__}: {error}")


def _check_exact_spending(place: Place, total: Loss, spend: Loss, accepted: int,
                          fit: int) -> None:
    assert accepted == fit
    with Ledger.open(place.url, files=LedgerFiles(key=place.key)) as ledger:
        releases = [e for e in ledger.entries("visits") if e.kind == "release"]
        assert len(releases) == fit
        assert ledger.verify().ok
        # every writer advanced the witness after its commit, in whatever order: it ends
        # at the head, never behind it
        witnessed = json.loads(ledger.witness_path.read_text())
        assert (witnessed["seq"], witnessed["head"]) == ledger.head()
        spent = ledger.spent("visits")
        for name in ("epsilon", "delta"):
            if getattr(total, name) is not None:
                assert getattr(spent, name) <= getattr(total, name) * (1 + 1e-9)
                assert getattr(spent, name) == pytest.approx(getattr(spend, name) * fit)


def _register(place: Place, total: Loss) -> None:
    with Ledger.open(place.url, files=LedgerFiles(key=place.key)) as ledger:
        ledger.register("visits", total, actor="alice", fingerprint=fp("visits"), unit="pid")


def test_concurrent_threads_never_overspend(place: Place) -> None:
    total, spend = eps(1.0), eps(0.1)  # 8 threads x 2 attempts, 10 fit
    _register(place, total)
    start = threading.Barrier(8)
    with ThreadPoolExecutor(8) as pool:
        counts = list(pool.map(lambda _: _attempts(place, total, spend, 2, start), range(8)))
    _check_exact_spending(place, total, spend, sum(counts), 10)


def test_concurrent_processes_never_overspend(place: Place) -> None:
    total = Loss(APPROX, epsilon=2.0, delta=1e-6)  # 4 processes x 3 attempts, 8 fit
    spend = Loss(APPROX, epsilon=0.25, delta=1e-7)
    _register(place, total)
    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(4), context.Queue()
    workers = [context.Process(target=_process_worker,
                               args=(place, total, spend, 3, start, results))
               for _ in range(4)]
    for worker in workers:
        worker.start()
    try:
        counts = [results.get(timeout=180) for _ in workers]
    finally:
        for worker in workers:
            worker.join(timeout=60)
        results.close()
        results.join_thread()
    assert all(isinstance(count, int) for count in counts), counts
    _check_exact_spending(place, total, spend, sum(counts), 8)


# -- the property ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shared_ledger(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ledger]:
    with Ledger.create(str(tmp_path_factory.mktemp("ledger") / "ledger.db")) as opened:
        yield opened


amounts = st.one_of(st.sampled_from([0.1, 0.2, 0.25, 0.3, 1 / 3, 0.5]),
                    st.floats(1e-3, 1.5, allow_nan=False))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(total=st.tuples(st.sampled_from([0.5, 1.0, 2.0]), st.sampled_from([1e-6, 1e-5])),
       spends=st.lists(st.tuples(amounts, st.sampled_from([0.0, 1e-7, 2.5e-7, 1e-6])),
                       min_size=1, max_size=12))
def test_accepted_spends_never_pass_the_budget_and_refused_ones_would(
        shared_ledger: Ledger, total: tuple[float, float],
        spends: list[tuple[float, float]]) -> None:
    dataset = f"d-{uuid.uuid4().hex}"
    budget = Loss(APPROX, epsilon=total[0], delta=total[1])
    used = [Fraction(0), Fraction(0)]
    slack = 1 + Fraction(1, 10**9)
    shared_ledger.register(dataset, budget, actor="custodian", fingerprint=fp(dataset),
                           unit="pid")
    for epsilon, delta in spends:
        after = [used[0] + Fraction(epsilon), used[1] + Fraction(delta)]
        fits = after[0] <= Fraction(total[0]) * slack and after[1] <= Fraction(total[1]) * slack
        try:
            shared_ledger.charge(dataset, budget, Loss(APPROX, epsilon=epsilon, delta=delta),
                                 actor="alice", queries=QUERY, fingerprint=fp(dataset))
        except BudgetExceeded:
            assert not fits  # refused only when it would have exceeded
            continue
        assert fits
        used = after
    assert used[0] <= Fraction(total[0]) * slack
    assert used[1] <= Fraction(total[1]) * slack
    spent = shared_ledger.spent(dataset)
    assert (spent.epsilon, spent.delta) == (float(used[0]), float(used[1]))
