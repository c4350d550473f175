"""The service's decisions: who may do what, then the vault call; routes are one line.

Threads: the event loop parses and answers; token lookups run on one reader thread and
every write (assign, re-identify, each audit entry, token changes) on one writer thread,
in arrival order. A token's grant is read from the database for every request except
re-identifications, which may use a grant read in the last second (`recall`): their batch
transaction reads whether any of its tokens was revoked before it writes anything
(`TokenStore.unusable`), so a revocation still counts from the next batch on.
The audit log is a single hash chain, so writes are serial anyway;
one writer hands over without SQLite's sleep-and-retry busy wait and without the
unfairness of many threads fighting for a lock (and for the GIL). Heavy reads (the
audit log, scope and token lists) use the shared thread pool.

Witness: after a batch commits, the writer hands it to a witness thread, which advances the
chain's witness file (`veil.vault.anchoring`) and only then answers the batch's requests;
meanwhile the writer runs the next batch. Every write is checked against the witness
before its commit, and the witness only ever moves forward (`veil.anchor`).

Group commit: re-identifications wait in a queue; when the writer gets to them it takes
every one queued (up to `BATCH_REQUESTS`, and `max_items` codes in all) and runs them in
ONE transaction (`Vault.reidentify_batch`): one commit for the lot, each request still
with its own audit entry, in arrival order. A request arriving while the writer is idle
is committed at once, alone; under load, those that arrive during a commit share the
next one. Each request is answered only once the transaction holding its audit entry has
committed, and a batch that fails fails every request in it (nothing is written).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import logging
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, TypeVar

from sqlalchemy import Connection
from starlette.concurrency import run_in_threadpool

from veil.anchor import Head
from veil.errors import InternalError, UsageError, VeilError
from veil.io.db import database_errors
from veil.service._http import (
    ApiError,
    AuditEntryOut,
    AuditPage,
    Authentication,
    CodesRequest,
    CodesResponse,
    IssuedOut,
    Pair,
    ReidentifyRequest,
    ReidentifyResponse,
    ScopeOut,
    ScopeRequest,
    ScopesOut,
    TokenOut,
    TokenRequest,
    TokensOut,
    VerifyOut,
)
from veil.service.denials import DenialCounter
from veil.service.tokens import (
    SCOPED_ROLES,
    IssuedToken,
    Role,
    TokenInfo,
    TokenStore,
    check_lifetime,
    describe,
)
from veil.vault.vault import DeniedError, Refusal
from veil.vault.vault import ReidentifyRequest as Reidentification

if TYPE_CHECKING:
    from veil.vault import AuditEntry, ScopeInfo, Vault

T = TypeVar("T")

_TOKEN_ID: Final = re.compile(r"[0-9a-f]{12}")
_REFRESH: Final = 1.0  # seconds between reloads of the scope list on a cache miss
BATCH_REQUESTS: Final = 64  # re-identifications in one transaction at most
TOKEN_TTL: Final = 1.0  # seconds a token's grant is recalled without reading its row
MAX_RECALLED: Final = 4_096  # grants kept (all dropped when full)

log = logging.getLogger("veil.service")

Identified = dict[str, str | None]


@dataclass
class GroupCommitStats:
    """Re-identifications handled and the transactions that held them (writer thread)."""

    requests: int = 0
    transactions: int = 0
    largest: int = 0  # requests in the largest transaction


@dataclass(frozen=True)
class _Queued:
    request: Reidentification
    future: asyncio.Future[Identified]  # of the event loop `loop`, the caller's
    loop: asyncio.AbstractEventLoop
    token_id: str  # checked for revocation inside the batch's transaction


def _settle(batch: Sequence[_Queued], outcomes: Sequence[Identified | BaseException]) -> None:
    """(Any thread) hand each queued request its result or error: ONE wake-up of the
    event loop per batch, not one per request (a thread-safe call writes to the loop's
    wake-up pipe; per request it cost more than the rest of the hand-over)."""
    if not batch:
        return
    pairs = list(zip(batch, outcomes, strict=True))

    def resolve() -> None:  # (event loop) callers that left (cancelled) are skipped
        for queued, outcome in pairs:
            if queued.future.done():
                continue
            if isinstance(outcome, BaseException):
                queued.future.set_exception(outcome)
            else:
                queued.future.set_result(outcome)

    with contextlib.suppress(RuntimeError):  # a closed loop: no caller is left to answer
        batch[0].loop.call_soon_threadsafe(resolve)


class Broker:
    """Authenticate, authorize (auditing every refusal), then ask the vault."""

    def __init__(self, vault: Vault, tokens: TokenStore, *, max_items: int) -> None:
        self.vault = vault
        self.tokens = tokens
        self.max_items = max_items
        self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="veil-reader")
        self._reader_connection: Connection | None = None  # the reader thread's own
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="veil-writer")
        # advances the witness after each re-identification batch, then answers it, while
        # the writer runs the next batch's transaction
        self._witness = ThreadPoolExecutor(max_workers=1, thread_name_prefix="veil-witness")
        self._masters: dict[str, bool] = {}  # scope -> master; scopes are never deleted
        self._refreshed = -_REFRESH
        self._queue: deque[_Queued] = deque()  # re-identifications waiting for the writer
        self._queue_lock = threading.Lock()
        self._drain_due = False  # a drain is submitted to the writer and has not taken yet
        self.group_commit = GroupCommitStats()
        self.denials = DenialCounter()
        self.fast_answers = 0  # re-identification requests the fast path answered
        # sha256(token) -> (grant, when read): known tokens only, never a miss
        self._recalled: dict[bytes, tuple[TokenInfo, float]] = {}

    async def _read(self, work: Callable[[], T]) -> T:
        return await asyncio.wrap_future(self._reader.submit(work))

    async def _write(self, work: Callable[[], T]) -> T:
        return await asyncio.wrap_future(self._writer.submit(work))

    def close(self) -> None:
        """Finish the queued work and stop the reader and writer threads."""
        with contextlib.suppress(RuntimeError):  # closed already
            self._reader.submit(self._close_reader_connection)
        self._reader.shutdown(wait=True)
        self._writer.shutdown(wait=True)  # its last batches are queued for the witness
        self._witness.shutdown(wait=True)
        stats = self.group_commit
        log.info("group commit: %d re-identifications in %d transactions (at most %d in one)",
                 stats.requests, stats.transactions, stats.largest)

    @property
    def queued(self) -> int:
        """Re-identifications waiting for the writer."""
        return len(self._queue)

    # -- group commit ------------------------------------------------------------------

    async def _reidentify(self, request: Reidentification, token_id: str) -> Identified:
        """Queue `request` for the writer's next batch; its result once that committed."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Identified] = loop.create_future()
        with self._queue_lock:
            self._queue.append(_Queued(request, future, loop, token_id))
            submit = not self._drain_due
            self._drain_due = True
        if submit:
            try:
                self._writer.submit(self._drain)
            except RuntimeError:  # closed: no writer will take what is queued
                with self._queue_lock:
                    left, self._drain_due = list(self._queue), False
                    self._queue.clear()
                for queued in left:
                    if not queued.future.done():
                        queued.future.set_exception(RuntimeError("the broker is closed"))
        return await future

    def _drain(self) -> None:
        """(Writer thread) run the queued re-identifications, a batch per transaction."""
        while True:
            batch, more = self._take()
            if more:
                try:  # the rest after the writes queued meanwhile, in arrival order
                    self._writer.submit(self._drain)
                    more = False
                except RuntimeError:  # closing: finish the queue here
                    pass
            if batch:
                self._commit(batch)
            if not more:
                return

    def _take(self) -> tuple[list[_Queued], bool]:
        """The next batch (oldest first) and whether more remain queued after it."""
        batch: list[_Queued] = []
        items = 0
        with self._queue_lock:
            while self._queue and len(batch) < BATCH_REQUESTS:
                size = len(self._queue[0].request.codes)
                if batch and items + size > self.max_items:
                    break
                queued = self._queue.popleft()
                if not queued.future.cancelled():  # else the caller left
                    batch.append(queued)
                    items += size
            more = bool(self._queue)
            self._drain_due = more
        return batch, more

    def _commit(self, batch: list[_Queued]) -> None:
        """One transaction for `batch`; then each caller gets its result or error."""
        stats = self.group_commit
        stats.transactions += 1
        stats.requests += len(batch)
        stats.largest = max(stats.largest, len(batch))
        tokens = [q.token_id for q in batch]

        def admit(connection: Connection) -> list[Refusal | None]:
            refused = self.tokens.unusable(connection, tokens)
            return [None if t not in refused else Refusal(401, refused[t]) for t in tokens]

        try:
            results, head = self.vault.reidentify_batch_unwitnessed(
                [q.request for q in batch], admit=admit)
        except Exception as error:  # nothing of the batch was written: all of it fails
            _settle(batch, [_fresh(error) for _ in batch])
            return
        try:
            self._witness.submit(self._answer, batch, results, head)
        except RuntimeError:  # closing: witness and answer here
            self._answer(batch, results, head)

    def _answer(self, batch: list[_Queued], results: Sequence[Identified | VeilError],
                head: Head | None) -> None:
        """(Witness thread) advance the witness past `batch`'s entries, then answer it: an
        identifier leaves only once its audit entry is committed AND witnessed. A witness
        that cannot be written fails the whole batch (its entries stay committed, as
        when `Vault.reidentify_batch` fails after its commit)."""
        try:
            self.vault.advance_witness(head)
        except Exception as error:
            _settle(batch, [_fresh(error) for _ in batch])
            return
        _settle(batch, results)

    # -- authentication and authorization --------------------------------------------

    async def identify(self, token: str) -> TokenInfo | None:
        """The token `token` is (revoked or not), or None; a database read per call, so
        a revocation counts from the next request on. The grant is kept for `recall`."""
        info = await self._read(lambda: self._identify(token))
        key = _token_key(token)
        if info is None:
            self._recalled.pop(key, None)
        else:
            if len(self._recalled) >= MAX_RECALLED:
                self._recalled.clear()
            self._recalled[key] = (info, time.monotonic())
        return info

    async def recall(self, token: str) -> TokenInfo | None:
        """`identify`, answered from the grants read in the last `TOKEN_TTL` seconds.

        Only for what checks revocation again before it acts: the Guard's body limit
        (the route's grant reads the row) and re-identification, whose batch
        transaction reads its tokens' revocations (`TokenStore.unusable`) before it
        writes or answers anything. An unknown token is never remembered: each miss
        reads the database, as before.
        """
        hit = self._recalled.get(_token_key(token))
        if hit is not None and time.monotonic() - hit[1] < TOKEN_TTL:
            return hit[0]
        return await self.identify(token)

    def _forget_token(self, token_id: str) -> None:
        for key in [k for k, (info, _) in self._recalled.items() if info.id == token_id]:
            del self._recalled[key]

    def _identify(self, token: str) -> TokenInfo | None:
        """(Reader thread) on the reader's own connection, kept open between requests
        (a pool checkout pings PostgreSQL first: a round trip per request); a broken
        connection is replaced once."""
        for attempt in (1, 2):
            if self._reader_connection is None:
                self._reader_connection = self.vault.engine.connect()
            try:
                return self.tokens.identify(token, connection=self._reader_connection)
            except database_errors():
                self._close_reader_connection()
                if attempt == 2:
                    raise
        raise InternalError("unreachable")

    def _close_reader_connection(self) -> None:
        connection, self._reader_connection = self._reader_connection, None
        if connection is not None:
            with contextlib.suppress(*database_errors()):
                connection.close()

    async def grant(self, auth: Authentication, *, action: str, roles: Sequence[Role],
                    scope: str | None = None, fresh: bool = True) -> TokenInfo:
        """The token's grant if it may do `action` (in `scope`); else a refusal, audited.

        `fresh=False` may judge by a grant recalled from the last second (`recall`):
        only for re-identification, whose transaction checks revocation again."""
        info = await auth.info(fresh=fresh)
        if info is None:  # counted, written per source and minute (veil.service.denials)
            self.denials.count(auth.client)
            raise _unauthenticated("a valid bearer token is required")
        if info.revoked is not None:
            raise await self._deny(401, "this token was revoked",
                                   action=action, actor=info.actor, scope=scope)
        if info.expired():
            raise await self._deny(401, "this token expired",
                                   action=action, actor=info.actor, scope=scope)
        if info.role not in roles:
            raise await self._deny(403, f"the {info.role} role may not do this",
                                   action=action, actor=info.actor, scope=scope)
        if scope is not None and not await self._covers(info, scope):
            raise await self._deny(403, "this token does not cover that scope",
                                   action=action, actor=info.actor, scope=scope)
        return info

    async def _deny(self, status: int, detail: str, *, action: str, actor: str,
                    scope: str | None) -> ApiError:
        """Record a refusal (scope only if it exists: a path may hold anything)."""
        known = scope if scope is not None and await self._master(scope) is not None else None
        await self._write(lambda: self.vault.record(
            action, actor=actor, scope=known, outcome="denied", counts={"status": status}))
        if status == 401:
            return _unauthenticated(detail)
        return ApiError(403, "forbidden", detail)

    async def flush_denials(self, *, everything: bool = False) -> int:
        """Write the counts of requests without a valid token for the minutes that have
        ended (all of them with `everything`): one audit entry per source and minute.
        The number of entries written; on a failure the counts are kept for next time."""
        tallies = self.denials.take(everything=everything)
        if not tallies:
            return 0

        def work() -> None:
            for done, tally in enumerate(tallies):
                try:
                    self.vault.record("unauthenticated", actor=tally.actor,
                                      purpose=tally.purpose, outcome="denied",
                                      counts={"requests": tally.requests})
                except VeilError:
                    self.denials.give_back(tallies[done:])
                    raise

        try:
            await self._write(work)
        except VeilError as error:
            log.error("could not write the counts of unauthenticated requests (%s); "
                      "kept for the next try", type(error).__name__)
        return len(tallies)

    async def _master(self, scope: str) -> bool | None:
        """Whether `scope` is a master scope; None if there is no such scope.

        Served from a cache: a scope's master flag never changes and scopes are never
        deleted, so only a miss asks the vault, at most once a second (listing the
        scopes counts their codes).
        """
        if scope not in self._masters:
            await self._read(self._reload)
        return self._masters.get(scope)

    def _reload(self) -> None:
        if time.monotonic() - self._refreshed >= _REFRESH:
            self._masters = {s.name: s.master for s in self.vault.scopes()}
            self._refreshed = time.monotonic()

    async def _covers(self, info: TokenInfo, scope: str) -> bool:
        if scope in info.scopes:
            return True
        return info.role == "broker" and any([await self._master(s) for s in info.scopes])

    def known_scope(self, scope: str) -> bool:
        """Whether `scope` is in the cached scope list (no database read)."""
        return scope in self._masters

    async def _exists(self, scope: str) -> None:
        if await self._master(scope) is None:
            raise ApiError(404, "not_found", "no such scope")

    def _limit(self, items: Sequence[str], what: str) -> None:
        if len(items) > self.max_items:
            raise ApiError(413, "too_many_items", f"at most {self.max_items:,} {what} per "
                           f"request; got {len(items):,}", hint="split the batch")

    # -- operations --------------------------------------------------------------------

    async def codes(self, info: TokenInfo, scope: str, body: CodesRequest) -> CodesResponse:
        """Codes for identifiers, aligned with them."""
        await self._exists(scope)
        self._limit(body.identifiers, "identifiers")
        with _vault_errors():
            codes = await self._write(
                lambda: self.vault.assign(scope, body.identifiers, actor=info.actor))
        return CodesResponse(codes=codes)

    async def reidentify(self, info: TokenInfo, scope: str,
                         body: ReidentifyRequest) -> ReidentifyResponse:
        """Identifiers for codes, one pair per code sent."""
        await self._exists(scope)
        self._limit(body.codes, "codes")
        with _vault_errors():
            try:
                found = await self._reidentify(
                    Reidentification(scope, body.codes, info.actor, body.purpose), info.id)
            except DeniedError as denied:  # revoked since it was recalled: audited as denied
                self._forget_token(info.id)
                if denied.status == 401:
                    raise _unauthenticated(denied.message) from None
                raise ApiError(403, "forbidden", denied.message) from None
        return ReidentifyResponse(pairs=[Pair(code=c, identifier=found.get(c))
                                         for c in body.codes])

    async def audit(self, after: int, limit: int) -> AuditPage:
        """Audit entries with a sequence number above `after`."""
        # one entry more than asked tells whether another page follows
        entries = await run_in_threadpool(lambda: self.vault.audit(after=after, limit=limit + 1))
        page = entries[:limit]
        return AuditPage(entries=[_entry(e) for e in page],
                         next=page[-1].seq if len(entries) > limit else None)

    async def verify(self) -> VerifyOut:
        """The audit log's hash chain, checked end to end."""
        result = await run_in_threadpool(self.vault.verify)
        return VerifyOut(ok=result.ok, entries=result.entries,
                         first_broken=result.first_broken, reason=result.reason)

    async def add_scope(self, info: TokenInfo, body: ScopeRequest) -> ScopeOut:
        """A new scope."""
        if await self._master(body.name) is not None:
            raise ApiError(409, "exists", "a scope of that name exists")
        with _vault_errors():
            created = await self._write(lambda: self.vault.add_scope(
                body.name, actor=info.actor, master=body.master))
        self._masters = {**self._masters, created.name: created.master}
        return _scope(created)

    async def list_scopes(self) -> ScopesOut:
        """Every scope, with its number of codes."""
        return ScopesOut(scopes=[_scope(s) for s in await run_in_threadpool(self.vault.scopes)])

    async def issue(self, info: TokenInfo, body: TokenRequest) -> IssuedOut:
        """A new auditor or admin token, shown once.

        Separation of duties: an admin manages scopes and tokens but gives no one access
        to a scope's codes. A broker re-identifies; a submitter can test any identifier
        it likes against a scope (its code comes back), a dictionary attack on the
        codes. Both are issued by whoever holds the vault's master key, with
        `veil token issue`; asked here, the refusal is audited.
        """
        if body.role in SCOPED_ROLES:
            await self._write(lambda: self.vault.record(
                "token-issue", actor=info.actor, outcome="denied",
                purpose=f"{body.role} token asked over HTTP", counts={"status": 403}))
            raise ApiError(403, "forbidden", f"an admin may not issue {body.role} tokens: "
                           "they give access to a scope's codes",
                           hint="the key custodian issues them with `veil token issue` "
                           "(it needs the vault's master key)")
        try:
            expires_in = (None if body.expires_in_seconds is None
                          else dt.timedelta(seconds=body.expires_in_seconds))
            check_lifetime(body.role, expires_in)
        except UsageError as error:
            raise ApiError(422, "invalid_value", error.message, hint=error.hint) from None

        def work() -> IssuedToken:
            issued = self.tokens.issue(body.role, body.scopes, label=body.label,
                                       expires_in=expires_in)
            self.vault.record("token-issue", actor=info.actor, purpose=describe(issued.info))
            return issued

        with _vault_errors():
            issued = await self._write(work)
        return IssuedOut(**_token(issued.info).model_dump(), token=issued.token)

    async def revoke(self, info: TokenInfo, token_id: str) -> TokenOut:
        """Revoke a token (idempotent)."""
        if not _TOKEN_ID.fullmatch(token_id):
            raise ApiError(404, "not_found", "no such token")

        def work() -> TokenInfo | None:
            revoked = self.tokens.revoke(token_id)
            if revoked is not None:
                self.vault.record("token-revoke", actor=info.actor, purpose=describe(revoked))
            return revoked

        revoked = await self._write(work)
        self._forget_token(token_id)
        if revoked is None:
            raise ApiError(404, "not_found", "no such token")
        return _token(revoked)

    async def list_tokens(self) -> TokensOut:
        """Every token's grant."""
        return TokensOut(tokens=[_token(t) for t in await run_in_threadpool(self.tokens.tokens)])


@contextmanager
def _vault_errors() -> Iterator[None]:
    """A UsageError as a 422 (a value the vault rejects), any other VeilError as a 409
    (the request was sound, the vault's state refused it). Their messages never quote a
    value (see `veil.errors`)."""
    try:
        yield
    except UsageError as error:
        raise ApiError(422, "invalid_value", error.message, hint=error.hint) from None
    except VeilError as error:
        raise ApiError(409, "vault_refused", error.message, hint=error.hint) from None


def _token_key(token: str) -> bytes:
    """What the recalled grants are keyed by: the token's SHA-256, not the token."""
    return hashlib.sha256(token.encode("utf-8")).digest()


def _unauthenticated(detail: str) -> ApiError:
    return ApiError(401, "unauthenticated", detail, headers={"WWW-Authenticate": "Bearer"})


def _fresh(error: Exception) -> Exception:
    """A copy of a VeilError for each caller of a failed batch (one exception object
    raised in many tasks would pile up their tracebacks); other errors as they are."""
    if isinstance(error, VeilError):
        return type(error)(error.message, hint=error.hint)
    return error


def _scope(info: ScopeInfo) -> ScopeOut:
    return ScopeOut(name=info.name, master=info.master, created=info.created.isoformat(),
                    shredded=info.shredded, codes=info.codes)


def _token(info: TokenInfo) -> TokenOut:
    return TokenOut(id=info.id, role=info.role, scopes=list(info.scopes), label=info.label,
                    created=info.created.isoformat(), expires=info.expires.isoformat(),
                    revoked=None if info.revoked is None else info.revoked.isoformat(),
                    intact=info.intact)


def _entry(entry: AuditEntry) -> AuditEntryOut:
    return AuditEntryOut(
        seq=entry.seq, at=entry.at.isoformat(), actor=entry.actor, action=entry.action,
        scope=entry.scope, purpose=entry.purpose, counts=dict(entry.counts),
        outcome=entry.outcome, previous=entry.previous, digest=entry.digest)
