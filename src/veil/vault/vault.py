"""The key vault: per scope, identifier -> random code, identifiers encrypted.

Guarantee:
    Within a scope, one identifier has exactly one code, for ever: the database
    holds a unique constraint on (scope, blind index) and on (scope, code), new
    rows go in with INSERT ... ON CONFLICT DO NOTHING, and every batch reads back
    what is stored before it answers, so two batches racing with the same new
    identifier both get the code that reached the database first. A batch is one
    transaction: it lands whole or not at all (a killed process leaves nothing).
    Codes come from `CodeFormat.draw` (CSPRNG, not derived from the identifier);
    identifiers are stored and found only as described in `veil.vault.crypto`.
    Every assignment, re-identification, rotation, shredding and scope creation
    is appended to the hash-chained audit log (`veil.vault.audit`) in the same
    transaction as the change itself.

Example::

    key = MasterKey.generate()
    with Vault.create("sqlite:///vault.db", key) as vault:
        vault.add_scope("study-1", actor="alice")
        codes = vault.assign("study-1", ["MRN1", "MRN2", "MRN1"], actor="alice")
        assert codes[0] == codes[2]
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import polars as pl
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection, Engine, Row, bindparam, delete, func, insert, select, update
from sqlalchemy.engine import URL
from sqlalchemy.exc import IntegrityError

from veil.anchor import Head
from veil.errors import VaultError
from veil.io import db
from veil.vault import audit, schema
from veil.vault.anchoring import AnchorOptions, VaultAnchor, locate, mirror_of, vault_id
from veil.vault.assign import assign_codes
from veil.vault.audit import AuditEntry, VerifyResult
from veil.vault.codecheck import check_codes
from veil.vault.codemac import SCHEMA as CODE_ROW
from veil.vault.codemac import CodeCheck, CodeMac
from veil.vault.codes import CodeFormat
from veil.vault.crypto import ScopeCipher, new_key, seal, unseal
from veil.vault.keys import MasterKey
from veil.vault.records import SIGNATURE_PREFIX, DestructionRecord, ScopeInfo, destruction_payload

T = TypeVar("T")

LOOKUP_CHUNK = 5_000
SMALL_PAGE = 256  # code rows checked one by one with `hmac` (more: whole Polars columns)
MAX_CIPHERS = 1_024  # scope ciphers kept by an open vault (all dropped when full)
# lowercase ASCII only: no look-alikes, no case twins, no line break ("org-a\n" beside
# "org-a"), no bidi override; `\Z`, since `$` also matches before a final newline
SCOPE_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,62}\Z")
_RETRY_STATES = ("40P01", "40001")  # PostgreSQL deadlock / serialization failure



# Built once (a statement object keeps its cache key: see `veil.vault.audit`): the
# re-identification path's reads, with their lists as expanding parameters
_SHARE_SCOPES = (select(schema.scopes)
                 .where(schema.scopes.c.name.in_(bindparam("names", expanding=True)))
                 .order_by(schema.scopes.c.name).with_for_update(read=True))
_CODE_ROWS = (select(schema.codes.c.scope_id, schema.codes.c.code, schema.codes.c.blind_index,
                     schema.codes.c.secret, schema.codes.c.mac)
              .where(schema.codes.c.scope_id == bindparam("scope_id"),
                     schema.codes.c.code.in_(bindparam("codes", expanding=True))))

class Vault:
    """An open vault: use `Vault.create` or `Vault.open`, then `close` (or `with`)."""

    def __init__(self, engine: Engine, url: URL, master_key: MasterKey, *, audit_key: bytes,
                 signing_key: Ed25519PrivateKey, public_key: bytes,
                 anchor: VaultAnchor | None = None) -> None:
        self._engine = engine
        self._url = url
        self._master = master_key
        self._audit_key = audit_key
        self._signing_key = signing_key
        self._public_key = public_key
        self._anchor = anchor
        self._codes = CodeMac(audit_key)
        self._destroyed: list[bytes] = []  # wrapped keys shredded by this handle, to look for
        # (scope id, wrapped key) -> the scope's cipher: no unwrap per re-identification
        self._ciphers: dict[tuple[int, bytes], ScopeCipher] = {}

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def create(cls, url: str, master_key: MasterKey, *,
               anchor: AnchorOptions | None = None) -> Vault:
        """A new, empty vault at `url`; VaultError if one (or anything else) is there.

        Its audit chain is anchored by a witness file where `anchor` says (by default
        beside the master key file, see `veil.vault.anchoring`); a key from no file
        and no witness location give an unanchored vault.
        """
        parsed = db.parse_url(url)
        where = db.describe(parsed)
        path = db.sqlite_file(parsed)
        if path is not None:
            db.create_sqlite_file(path)
        engine = db.make_engine(parsed)
        try:
            with db.guarded("creating the vault", where):
                if db.has_table(engine, schema.meta.name):
                    raise VaultError(f"a vault exists at {where}",
                                     hint="open it with its key, or choose a new location")
                if path is not None and _sqlite_has_tables(engine):
                    raise VaultError(f"{where} is a database that is not a veil vault",
                                     hint="choose a new file")
                audit_key = new_key()
                signing = Ed25519PrivateKey.generate()
                public = signing.public_key().public_bytes_raw()
                witness = _anchor(anchor, master_key, audit_key, public)
                if witness is not None and witness.path.exists():
                    raise VaultError(f"{witness.path}: a chain witness exists there",
                                     hint="choose another --witness location")
                with db.writing(engine) as conn:
                    schema.metadata.create_all(conn)
                    values = {
                        "format": schema.FORMAT,
                        "fingerprint": master_key.fingerprint.encode(),
                        "created": _now().isoformat().encode(),
                        "audit_key": _wrap(master_key, "audit-key", audit_key),
                        "signing_key": _wrap(master_key, "signing-key",
                                             signing.private_bytes_raw()),
                        "public_key": public,
                    }
                    if master_key.salt is not None:
                        values["kdf_salt"] = master_key.salt
                    conn.execute(insert(schema.meta),
                                 [{"key": k, "value": v} for k, v in values.items()])
                    audit.start(conn, audit_key, anchored=witness is not None)
                if witness is not None:
                    witness.after_commit(Head(0, audit.GENESIS))
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, parsed, master_key, audit_key=audit_key, signing_key=signing,
                   public_key=public, anchor=witness)

    @classmethod
    def open(cls, url: str, master_key: MasterKey, *,
             anchor: AnchorOptions | None = None) -> Vault:
        """The vault at `url`; VaultError if there is none or `master_key` does not open it.

        `anchor` says where the chain witness is (default: $VEIL_VAULT_WITNESS, else
        beside the master key file; see `veil.vault.anchoring`).
        """
        parsed = db.parse_url(url)
        where = db.describe(parsed)
        path = db.sqlite_file(parsed)
        if path is not None and not path.is_file():
            raise VaultError(f"no vault at {where}: the file does not exist",
                             hint="create one with `veil vault init`")
        engine = db.make_engine(parsed)
        try:
            with db.guarded("opening the vault", where):
                if not db.has_table(engine, schema.meta.name):
                    raise VaultError(f"no vault at {where}",
                                     hint="create one with `veil vault init`")
                with db.reading(engine) as conn:
                    meta = _meta(conn)
            if meta.get("format") == b"veil-vault-1":
                raise VaultError(f"the vault at {where} has format 1 (code rows without a "
                                 "MAC): this veil opens format 2 only",
                                 hint="copy its scopes into a new vault: re-assign each "
                                 "scope's identifiers with an older veil's export, or keep "
                                 "the older veil for it")
            if meta.get("format") != schema.FORMAT:
                raise VaultError(f"the vault at {where} has an unknown format")
            audit_key = _unwrap(master_key, "audit-key", meta["audit_key"], where,
                                expected=meta.get("fingerprint", b"").decode())
            signing = Ed25519PrivateKey.from_private_bytes(
                _unwrap(master_key, "signing-key", meta["signing_key"], where))
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, parsed, master_key, audit_key=audit_key, signing_key=signing,
                   public_key=meta["public_key"],
                   anchor=_anchor(anchor, master_key, audit_key, meta["public_key"]))

    @classmethod
    def passphrase_salt(cls, url: str) -> bytes | None:
        """The salt a passphrase vault keeps (not secret), to derive its key before opening."""
        parsed = db.parse_url(url)
        path = db.sqlite_file(parsed)
        if path is not None and not path.is_file():
            return None
        engine = db.make_engine(parsed)
        try:
            with db.guarded("reading the vault", db.describe(parsed)):
                if not db.has_table(engine, schema.meta.name):
                    return None
                with db.reading(engine) as conn:
                    return _meta(conn).get("kdf_salt")
        finally:
            engine.dispose()

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def location(self) -> str:
        """Where the vault is (never a password)."""
        return db.describe(self._url)

    @property
    def public_key(self) -> str:
        """The hex Ed25519 public key that checks this vault's destruction records."""
        return self._public_key.hex()

    @property
    def key_fingerprint(self) -> str:
        return self._master.fingerprint

    @property
    def identity(self) -> str:
        """16 hex digits naming this vault (its witness file is veil-vault-<identity>.witness)."""
        return vault_id(self._public_key)

    @property
    def witness(self) -> Path | None:
        """The witness file anchoring the audit chain (None: this handle has none)."""
        return None if self._anchor is None else self._anchor.path

    def close(self) -> None:
        self._forget()
        self._engine.dispose()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    # -- scopes ----------------------------------------------------------------------------

    def add_scope(self, name: str, *, actor: str, master: bool = False,
                  code_format: CodeFormat | None = None) -> ScopeInfo:
        """A new scope with its own random data key (wrapped by the master key).

        A master scope holds no codes of its own: it names who may re-identify
        across scopes, which the service (not the vault) decides.
        """
        if not SCOPE_NAME.match(name):
            raise VaultError("a scope name is 1 to 63 lowercase letters, digits or . _ -, "
                             "starting with a letter or digit",
                             hint="for example org-a, study-2024.1 or mrn_domain")
        fmt = code_format or CodeFormat()
        created = _now()
        with self._guard("adding a scope"), self._writing() as tx:
            conn = tx.conn
            taken = conn.execute(select(schema.scopes.c.id)
                                 .where(schema.scopes.c.name == name)).first()
            if taken is not None:
                raise VaultError(f"scope {name!r} exists")
            try:
                with conn.begin_nested():
                    conn.execute(insert(schema.scopes).values(
                        name=name, master=master, created=created.isoformat(),
                        code_format=json.dumps(fmt.to_dict(), sort_keys=True),
                        wrapped_key=_wrap(self._master, f"data-key/{name}", new_key())))
            except IntegrityError:
                raise VaultError(f"scope {name!r} exists") from None
            tx.append(audit.Pending("scope-add", actor, name, None, {"master": int(master)},
                                    "ok"))
        return ScopeInfo(name, master, created, False, 0)

    def scopes(self) -> list[ScopeInfo]:
        with self._guard("listing scopes"), db.reading(self._engine) as conn:
            counts: dict[int, int] = dict(conn.execute(
                select(schema.codes.c.scope_id, func.count())
                .group_by(schema.codes.c.scope_id)).all())
            rows = conn.execute(select(schema.scopes).order_by(schema.scopes.c.name)).all()
        return [_scope_info(row, int(counts.get(row.id, 0))) for row in rows]

    def scope(self, name: str) -> ScopeInfo:
        with self._guard("reading a scope"), db.reading(self._engine) as conn:
            row = _scope_row(conn, name)
            count = conn.execute(select(func.count()).select_from(schema.codes)
                                 .where(schema.codes.c.scope_id == row.id)).scalar_one()
        return _scope_info(row, int(count))

    def code_format(self, name: str) -> CodeFormat:
        """The format of the codes of scope `name`."""
        with self._guard("reading a scope"), db.reading(self._engine) as conn:
            return _format(_scope_row(conn, name))

    # -- codes -----------------------------------------------------------------------------

    def assign(self, scope: str, identifiers: Sequence[str] | pl.Series, *, actor: str,
               purpose: str | None = None) -> list[str]:
        """The code of each identifier (aligned with the input), drawing new ones as needed.

        Duplicates get the same code; the whole batch is one transaction, audited
        with counts {records, distinct, new}. Identifiers must not be None.
        """
        audit.check_fields("assign", actor, {})
        series = _as_series(identifiers)
        distinct = series.unique()

        def run() -> tuple[pl.Series, list[str]]:
            with self._writing() as tx:
                conn = tx.conn
                row = _scope_row(conn, scope, lock="share")
                _require_codes(row)
                cipher = ScopeCipher(self._data_key(row), int(row.id))
                ordered, found, new = assign_codes(conn, int(row.id), _format(row), cipher,
                                                   distinct, self._codes)
                tx.append(audit.Pending("assign", actor, scope, purpose,
                                        {"records": series.len(),
                                         "distinct": distinct.len(), "new": new}, "ok"))
                return ordered, found

        with self._guard("assigning codes"):
            ordered, codes = _retrying(run)
        if not codes:
            return []
        if series.len() == ordered.len() and series.equals(ordered):
            return codes
        return series.replace_strict(ordered, pl.Series(codes, dtype=pl.String),
                                     return_dtype=pl.String).to_list()

    def reidentify(self, scope: str, codes: Sequence[str], *, actor: str,
                   purpose: str) -> dict[str, str | None]:
        """The identifier behind each code (None for codes the scope does not hold).

        Refused (VaultError, and audited as refused) without a purpose, or for a
        master or shredded scope. A batch of one: see `reidentify_batch`.
        """
        [result] = self.reidentify_batch([ReidentifyRequest(scope, codes, actor, purpose)])
        if isinstance(result, VaultError):
            raise result
        return result

    def reidentify_batch(self, requests: Sequence[ReidentifyRequest], *,
                         admit: Admit | None = None,
                         ) -> list[dict[str, str | None] | VaultError]:
        """Several re-identifications in ONE transaction (group commit): one result each.

        Each request is judged as `reidentify` judges one and gets its own audit
        entry (its actor, scope, purpose, counts and outcome), appended in the order
        of `requests`. A request's result is the identifier behind each of its codes,
        or the VaultError it was refused or failed with: a refusal (no purpose; a
        missing, master or shredded scope) is audited as "refused: ..."; an actor
        that cannot be audited, or a stored code that fails authentication, gets its
        error and no entry (as `reidentify` raises before its entry commits). If the
        transaction fails as a whole (a database error), this raises VaultError and
        nothing of the batch is written: no identifier may be handed out whose audit
        entry did not commit.

        `admit`, if given, is asked inside the transaction (after the scopes are
        locked) whether each request's caller may still have it: a `Refusal` for a
        request makes its result a `DeniedError` and its audit entry outcome "denied" with
        counts {"status": ...} (the service checks there that no token of the batch
        was revoked: a revocation committed before the batch refuses it).
        """
        results, head = self.reidentify_batch_unwitnessed(requests, admit=admit)
        self.advance_witness(head)
        return results

    def reidentify_batch_unwitnessed(
        self, requests: Sequence[ReidentifyRequest], *, admit: Admit | None = None,
    ) -> tuple[list[dict[str, str | None] | VaultError], Head | None]:
        """`reidentify_batch` up to its commit, without advancing the witness: the results
        and the chain head the batch committed (None if it wrote no entry).

        The caller MUST call `advance_witness(head)` and hand out no result before it
        returned: so the service overlaps one batch's witness write with the next
        batch's transaction (one writer thread, one witness thread), and still answers
        each request only once its entry is both committed and witnessed.
        """
        if not requests:
            return [], None
        with self._guard("re-identifying"):
            return _retrying(lambda: self._reidentify_batch(requests, admit))

    def advance_witness(self, head: Head | None) -> None:
        """Advance the witness to `head`, committed by `reidentify_batch_unwitnessed`
        (VaultError if it cannot be written; nothing to do without a witness)."""
        if head is not None and self._anchor is not None:
            self._anchor.after_commit(head)

    def _reidentify_batch(self, requests: Sequence[ReidentifyRequest], admit: Admit | None,
                          ) -> tuple[list[dict[str, str | None] | VaultError], Head | None]:
        wanted = [list(dict.fromkeys(str(c) for c in r.codes)) for r in requests]
        results: list[dict[str, str | None] | VaultError] = []
        entries: list[audit.Pending] = []
        with self._writing(witness=False) as tx:
            conn = tx.conn
            names = sorted({r.scope for r in requests if (r.purpose or "").strip()})
            rows: dict[str, Row[Any]] = {}
            if names:  # share locks, taken at once before the audit head's (no deadlock)
                rows = {str(row.name): row for row in conn.execute(
                    _SHARE_SCOPES, {"names": names})}
            for row in rows.values():  # shredded by another process: drop its kept key
                if row.wrapped_key is None:
                    self._forget(int(row.id))
            refusals = list(admit(conn)) if admit is not None else [None] * len(requests)
            if len(refusals) != len(requests):
                raise VaultError("a re-identification batch was admitted only in part")
            admitted = [r is None for r in refusals]
            found = self._lookup(conn, [r for r, ok in zip(requests, admitted, strict=True)
                                        if ok],
                                 [c for c, ok in zip(wanted, admitted, strict=True) if ok],
                                 rows)
            for request, codes, refusal in zip(requests, wanted, refusals, strict=True):
                if refusal is not None:
                    known = request.scope if request.scope in rows else None
                    entries.append(audit.Pending("reidentify", request.actor, known, None,
                                                 {"status": refusal.status}, "denied"))
                    results.append(DeniedError(refusal.detail, status=refusal.status))
                    continue
                try:
                    audit.check_fields("reidentify", request.actor, {})
                    audit.check_text("purpose", request.purpose)
                except VaultError as error:
                    results.append(error)
                    continue
                counts = {"requested": len(request.codes), "distinct": len(codes)}
                problem = _refusal(request, rows.get(request.scope))
                outcome = "ok"
                result: dict[str, str | None] | VaultError
                if problem is not None:
                    result = VaultError(problem)
                    outcome = "refused: " + problem.split(":")[0]
                else:
                    result = _decrypted(codes, found[request.scope])
                    if isinstance(result, VaultError):
                        results.append(result)
                        continue
                    counts["found"] = sum(v is not None for v in result.values())
                entries.append(audit.Pending("reidentify", request.actor, request.scope,
                                             request.purpose or None, counts, outcome))
                results.append(result)
            tx.append(*entries)
        return results, tx.last

    def _lookup(self, conn: Connection, requests: Sequence[ReidentifyRequest],
                wanted: Sequence[Sequence[str]], rows: dict[str, Row[Any]],
                ) -> dict[str, _Found]:
        """The stored rows of the codes wanted in each scope that may be re-identified
        (one query per scope and chunk, however many requests name the scope)."""
        by_scope: dict[str, dict[str, None]] = {}
        for request, codes in zip(requests, wanted, strict=True):
            row = rows.get(request.scope)
            if row is not None and _refusal(request, row) is None:
                by_scope.setdefault(request.scope, {}).update(dict.fromkeys(codes))
        found: dict[str, _Found] = {}
        for name, distinct in by_scope.items():
            row = rows[name]
            stored: dict[str, tuple[bytes, bytes]] = {}
            bad: set[str] = set()
            for chunk in _chunks(list(distinct), LOOKUP_CHUNK):
                fetched = [(int(s), str(c), _bytes(b), _bytes(x), _bytes(m))
                           for s, c, b, x, m in conn.execute(
                               _CODE_ROWS, {"scope_id": row.id, "codes": chunk})]
                self._check_rows(fetched, stored, bad)
            found[name] = _Found(self._cipher(row), stored, frozenset(bad))
        return found

    def _check_rows(self, fetched: list[tuple[int, str, bytes | None, bytes | None,
                                              bytes | None]],
                    stored: dict[str, tuple[bytes, bytes]], bad: set[str]) -> None:
        """Sort fetched code rows into `stored` (MAC intact) and `bad` (MAC fails): row by
        row with `hmac` for a few (a re-identification asks for one code or a handful),
        as whole Polars columns for many."""
        if len(fetched) <= SMALL_PAGE:
            for scope_id, code, index, secret, mac in fetched:
                if index is None or secret is None or self._codes.row_fails(
                        scope_id, code, index, secret, mac):
                    bad.add(code)
                else:
                    stored[code] = (index, secret)
            return
        page = pl.DataFrame(fetched, schema=CODE_ROW, orient="row")
        failing = self._codes.failing(page)
        bad.update(page.filter(failing)["code"].to_list())
        good = page.filter(~failing)
        stored.update(zip(good["code"].to_list(),
                          zip(good["blind_index"].to_list(), good["secret"].to_list(),
                              strict=True), strict=True))

    def _cipher(self, row: Row[Any]) -> ScopeCipher | VaultError:
        """The scope's cipher, from the unwrapped data keys kept for this handle's
        lifetime (keyed by the wrapped key: a rotation re-wraps it, a shred removes it
        and drops the entry), so a re-identification unwraps no key."""
        if row.wrapped_key is None:
            return VaultError(f"scope {row.name!r} was shredded: its codes can no longer "
                              "be reversed")
        entry = (int(row.id), bytes(row.wrapped_key))
        cipher = self._ciphers.get(entry)
        if cipher is None:
            try:
                cipher = ScopeCipher(self._data_key(row), int(row.id))
            except VaultError as error:
                return error
            if len(self._ciphers) >= MAX_CIPHERS:
                self._ciphers.clear()
            self._ciphers[entry] = cipher
        return cipher

    # -- keys ------------------------------------------------------------------------------

    def rotate(self, new_key: MasterKey, *, actor: str) -> None:
        """Re-wrap every scope's data key (and the audit and signing keys) under `new_key`.

        Codes, blind indexes and ciphertexts do not change. One transaction.
        """
        audit.check_fields("rotate", actor, {})
        if new_key.material == self._master.material:
            raise VaultError("the new master key is the current one")
        with self._guard("rotating the master key"), self._writing() as tx:
            conn = tx.conn
            meta = _meta(conn)
            if meta.get("fingerprint", b"").decode() != self._master.fingerprint:
                raise VaultError("the master key was rotated by someone else since this vault "
                                 "was opened", hint="open the vault again with the current key")
            rows = conn.execute(select(schema.scopes.c.id, schema.scopes.c.name,
                                       schema.scopes.c.wrapped_key)
                                .where(schema.scopes.c.wrapped_key.is_not(None))
                                .with_for_update()).all()
            for row in rows:
                label = f"data-key/{row.name}"
                data_key = _unwrap(self._master, label, row.wrapped_key, self.location)
                conn.execute(update(schema.scopes).where(schema.scopes.c.id == row.id)
                             .values(wrapped_key=_wrap(new_key, label, data_key)))
            signing = self._signing_key.private_bytes_raw()
            updates = {"audit_key": _wrap(new_key, "audit-key", self._audit_key),
                       "signing_key": _wrap(new_key, "signing-key", signing),
                       "fingerprint": new_key.fingerprint.encode()}
            for name, value in updates.items():
                conn.execute(update(schema.meta).where(schema.meta.c.key == name)
                             .values(value=value))
            conn.execute(delete(schema.meta).where(schema.meta.c.key == "kdf_salt"))
            if new_key.salt is not None:
                conn.execute(insert(schema.meta).values(key="kdf_salt", value=new_key.salt))
            tx.append(audit.Pending("rotate", actor, None, None, {"scopes": len(rows)}, "ok"))
        self._master = new_key
        self._forget()

    def shred(self, scope: str, *, actor: str, scrub: bool = True,
              scrub_timeout: float = 10.0) -> DestructionRecord:
        """Destroy scope `scope`'s data key, blind indexes and ciphertexts: its codes can never
        be reversed or matched again, by anyone holding this database, master key or not.

        Guarantee:
            In one transaction the scope's wrapped data key is deleted and every one of
            its code rows loses its blind index, ciphertext and MAC (the codes stay, so
            releases can still be counted against the scope); the record is signed with
            the vault's Ed25519 key. Then (`scrub`) the old bytes are pushed out of the
            database files: on SQLite (``secure_delete`` on) a TRUNCATE checkpoint of the
            write-ahead log, retried for `scrub_timeout` seconds while another connection
            holds a read snapshot, after which the files are searched for the old wrapped
            key; on PostgreSQL ``VACUUM (FULL)`` of both tables. If that cannot complete,
            VaultError says so (the shred itself has committed; `scrub` can be run again).
        Not covered: copies made before the shred (backups, replicas, the PostgreSQL
        server's own write-ahead log, freed disk blocks): with the master key they still
        decrypt what they hold. Rotate the master key and destroy the old one, and purge
        those copies (the record lists these steps).
        """
        audit.check_fields("shred", actor, {})
        with self._guard("shredding a scope"), self._writing() as tx:
            conn = tx.conn
            row = _scope_row(conn, scope, lock="update")
            if row.wrapped_key is None:
                raise VaultError(f"scope {scope!r} was already shredded")
            old_key = bytes(row.wrapped_key)
            count = int(conn.execute(select(func.count()).select_from(schema.codes)
                                     .where(schema.codes.c.scope_id == row.id)).scalar_one())
            at = _now()
            signature = SIGNATURE_PREFIX + self._signing_key.sign(
                destruction_payload(scope, at, actor, count)).hex()
            conn.execute(update(schema.scopes).where(schema.scopes.c.id == row.id).values(
                wrapped_key=None, shredded_at=at.isoformat(),
                shred_signature=json.dumps({"actor": actor, "codes": count,
                                            "signature": signature})))
            cleared = conn.execute(update(schema.codes).where(schema.codes.c.scope_id == row.id)
                                   .values(blind_index=None, secret=None, mac=None)).rowcount
            tx.append(audit.Pending("shred", actor, scope, None,
                                    {"codes": count, "cleared": int(cleared)}, "ok"))
        self._destroyed.append(old_key)
        self._forget(int(row.id))
        if scrub:
            self.scrub(timeout=scrub_timeout)
        return DestructionRecord(scope, at, actor, count, signature)

    def scrub(self, *, timeout: float = 10.0, destroyed: Sequence[bytes] | None = None) -> None:
        """Push deleted values out of the database files (after `shred`; see there).

        SQLite: checkpoint the write-ahead log into the file and truncate it, retrying
        while another connection holds a read snapshot (up to `timeout` seconds), then
        search both files for each of the `destroyed` byte strings (default: the wrapped
        keys this handle shredded). PostgreSQL:
        ``VACUUM (FULL)`` of the scopes and codes tables (waits at most `timeout` seconds
        for their locks). VaultError when that does not happen.
        """
        from veil.vault.scrub import scrub_postgres, scrub_sqlite

        path = db.sqlite_file(self._url)
        with self._guard("scrubbing the database files"):
            if path is not None:
                scrub_sqlite(self._engine, path, timeout=timeout,
                             destroyed=self._destroyed if destroyed is None else destroyed)
            else:
                scrub_postgres(self._engine, timeout=timeout)
        self._destroyed.clear()

    def count_held(self, scope: str, codes: Sequence[str]) -> int:
        """How many of the distinct `codes` the scope holds (also after shredding: the codes
        stay, only the key to their identifiers is gone). Reads no identifier."""
        distinct = list(dict.fromkeys(str(c) for c in codes))
        held = 0
        with self._guard("counting codes"), db.reading(self._engine) as conn:
            row = _scope_row(conn, scope)
            for chunk in _chunks(distinct, LOOKUP_CHUNK):
                held += int(conn.execute(
                    select(func.count()).select_from(schema.codes)
                    .where(schema.codes.c.scope_id == row.id,
                           schema.codes.c.code.in_(chunk))).scalar_one())
        return held

    def destruction(self, scope: str) -> DestructionRecord | None:
        """The destruction record of a shredded scope (None if it was not shredded)."""
        with self._guard("reading a scope"), db.reading(self._engine) as conn:
            row = _scope_row(conn, scope)
        if row.shredded_at is None or row.shred_signature is None:
            return None
        stored = json.loads(row.shred_signature)
        return DestructionRecord(scope, dt.datetime.fromisoformat(row.shredded_at),
                                 str(stored["actor"]), int(stored["codes"]),
                                 str(stored["signature"]))

    # -- audit -----------------------------------------------------------------------------

    def record(self, action: str, *, actor: str, scope: str | None = None,
               purpose: str | None = None, counts: dict[str, int] | None = None,
               outcome: str = "ok") -> AuditEntry:
        """Append one audit entry (e.g. a refusal decided by the service)."""
        with self._guard("writing the audit log"), self._writing() as tx:
            [entry] = tx.append(audit.Pending(action, actor, scope, purpose, counts or {},
                                              outcome))
        return entry

    def audit(self, *, after: int = 0, limit: int | None = None) -> list[AuditEntry]:
        """Audit entries after sequence number `after`, oldest first (a page with `limit`)."""
        if after < 0 or (limit is not None and limit < 1):
            raise VaultError("audit pages start at a sequence number >= 0 and hold >= 1 entry")
        with self._guard("reading the audit log"), db.reading(self._engine) as conn:
            return audit.read(conn, after=after, limit=limit)

    def verify(self, *, inside_only: bool = False) -> VerifyResult:
        """Check the audit chain and its witness: ok, or the first broken entry and why.

        `anchored` in the result says whether the witness outside the database was
        checked too; a vault that is anchored fails without its witness, unless
        `inside_only` (then a rollback of the database goes unnoticed).
        """
        with self._guard("reading the audit log"), db.reading(self._engine) as conn:
            return audit.verify_chain(conn, self._audit_key, anchor=self._anchor,
                                      inside_only=inside_only)

    def verify_codes(self, *, page: int = 200_000) -> CodeCheck:
        """Check every code row's MAC and each scope's number of rows against the new codes
        its audit entries counted (see `veil.vault.codemac`). Reads no identifier; run
        `verify` first, since the counts come from the audit log."""
        with self._guard("checking the code table"), db.reading(self._engine) as conn:
            return check_codes(conn, self._codes, page=page)

    def anchor(self, witness: Path, *, actor: str, mirror: Path | None = None) -> Head:
        """Anchor the audit chain at `witness` (a file, or a directory to hold one).

        The chain is verified inside the database and against this handle's current
        witness if it has one that exists; then an "anchor" entry is appended, which
        writes the new witness and marks the vault anchored. For a vault that was never
        anchored, and to move the witness (a master key moved to another directory).
        """
        with self._guard("reading the audit log"), db.reading(self._engine) as conn:
            result = audit.verify_chain(conn, self._audit_key, inside_only=True)
            if result.ok and self._anchor is not None:
                mismatch = self._anchor.verify(conn, _last_head(conn), required=False)
                if mismatch is not None:
                    result = VerifyResult(False, result.entries, mismatch.entry,
                                          mismatch.reason)
        if not result.ok:
            raise VaultError(f"the audit log is broken at entry {result.first_broken}: "
                             f"{result.reason}", hint="anchor only a chain that verifies")
        target = _anchor(AnchorOptions(witness=witness, mirror=mirror), self._master,
                         self._audit_key, self._public_key)
        if target is None:  # pragma: no cover - a witness location was given
            raise VaultError("no witness location")
        previous, self._anchor = self._anchor, target
        target.fresh = True
        try:
            entry = self.record("anchor", actor=actor, counts={"entries": result.entries})
        except BaseException:
            self._anchor = previous
            raise
        finally:
            target.fresh = False
        return Head(entry.seq, entry.digest)

    # -- internals -------------------------------------------------------------------------

    @contextmanager
    def _writing(self, *, witness: bool = True) -> Iterator[_Transaction]:
        """One write transaction whose audit entries are checked against the witness before
        the commit and advance it after (not with `witness=False`: the caller does)."""
        with db.writing(self._engine) as conn:
            tx = _Transaction(conn, self._audit_key, self._anchor)
            yield tx
        if witness and tx.last is not None and self._anchor is not None:
            self._anchor.after_commit(tx.last)

    def _forget(self, scope_id: int | None = None) -> None:
        """Drop the kept ciphers of one scope (a shred), or all of them (a rotation,
        close). Python cannot overwrite the key bytes in place; dropping the last
        reference is what it offers (`cryptography` frees its own copy)."""
        for entry in [e for e in self._ciphers if scope_id is None or e[0] == scope_id]:
            del self._ciphers[entry]

    def _data_key(self, row: Row[Any]) -> bytes:
        return _unwrap(self._master, f"data-key/{row.name}", row.wrapped_key, self.location)

    @contextmanager
    def _guard(self, what: str) -> Iterator[None]:
        with db.guarded(what, self.location):
            yield


@dataclass(frozen=True)
class Refusal:
    """Why a re-identification's caller may not have it after all, decided inside the
    batch's transaction (`Vault.reidentify_batch`'s `admit`): an HTTP-like status
    (401, 403) and a sentence that quotes no value."""

    status: int
    detail: str


class DeniedError(VaultError):
    """A re-identification refused by the batch's `admit` (audited as "denied")."""

    def __init__(self, message: str, *, hint: str | None = None, status: int = 403) -> None:
        super().__init__(message, hint=hint)
        self.status = status


Admit = Callable[[Connection], Sequence["Refusal | None"]]


@dataclass(frozen=True)
class ReidentifyRequest:
    """One re-identification for `Vault.reidentify_batch`: the codes of `scope` that
    `actor` wants reversed, and why."""

    scope: str
    codes: Sequence[str]
    actor: str
    purpose: str

    def __repr__(self) -> str:  # never the codes (tracebacks, logs)
        return (f"ReidentifyRequest(scope={self.scope!r}, codes=<{len(self.codes)}>, "
                f"actor={self.actor!r}, purpose={self.purpose!r})")


class _Transaction:
    """A write transaction's connection and its audit appends (the last head, to witness)."""

    def __init__(self, conn: Connection, key: bytes, anchor: VaultAnchor | None) -> None:
        self.conn = conn
        self.last: Head | None = None
        self._key = key
        self._anchor = anchor

    def append(self, *pending: audit.Pending) -> list[AuditEntry]:
        entries = audit.append_many(self.conn, self._key, pending, anchor=self._anchor)
        if entries:
            self.last = Head(entries[-1].seq, entries[-1].digest)
        return entries


@dataclass(frozen=True)
class _Found:
    """A scope's cipher (or why it cannot decrypt) and its stored rows, by code."""

    cipher: ScopeCipher | VaultError
    rows: dict[str, tuple[bytes, bytes]]  # code -> (blind index, ciphertext)
    bad: frozenset[str] = frozenset()  # codes whose row fails its MAC


def _refusal(request: ReidentifyRequest, row: Row[Any] | None) -> str | None:
    """Why `request` is refused (the scope's row given), or None."""
    if not (request.purpose or "").strip():
        return "re-identification needs a purpose"
    if row is None:
        return f"scope {request.scope!r} does not exist"
    if row.master:
        return f"scope {request.scope!r} is a master scope and holds no codes"
    if row.wrapped_key is None:
        return f"scope {request.scope!r} was shredded: its codes can no longer be reversed"
    return None


def _decrypted(codes: Sequence[str], found: _Found) -> dict[str, str | None] | VaultError:
    """The identifier behind each code (None if not stored), or the decryption's error."""
    if isinstance(found.cipher, VaultError):
        return found.cipher
    if found.bad and not found.bad.isdisjoint(codes):
        return VaultError("a stored code row fails its MAC: the vault's code table was "
                          "altered", hint="run `veil vault verify` and restore the vault "
                          "from a backup")
    result: dict[str, str | None] = dict.fromkeys(codes)
    try:
        for code in codes:
            stored = found.rows.get(code)
            if stored is not None:
                result[code] = found.cipher.decrypt(stored[1], code, stored[0])
    except VaultError as error:
        return error
    return result


def _retrying(work: Callable[[], T], attempts: int = 3) -> T:
    """Run a transaction again after a PostgreSQL deadlock or serialization failure."""
    for attempt in range(attempts):
        try:
            return work()
        except db.database_errors() as err:
            if db.sqlstate(err) not in _RETRY_STATES or attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


# -- helpers ---------------------------------------------------------------------------------

def _as_series(identifiers: Sequence[str] | pl.Series) -> pl.Series:
    if isinstance(identifiers, pl.Series):
        series = identifiers
        if series.dtype != pl.String:
            raise VaultError(f"identifiers must be strings; got a {series.dtype} series")
    else:
        try:
            series = pl.Series("identifier", identifiers, dtype=pl.String, strict=True)
        except (TypeError, pl.exceptions.PolarsError):
            raise VaultError("identifiers must be strings") from None
    if series.null_count():
        position = int(series.is_null().arg_max() or 0)
        raise VaultError(f"identifier at position {position} is missing (None)",
                         hint="drop missing values before assigning codes")
    return series.rename("identifier")


def _scope_row(conn: Connection, name: str, lock: str | None = None) -> Row[Any]:
    query = select(schema.scopes).where(schema.scopes.c.name == name)
    if lock is not None:
        query = query.with_for_update(read=lock == "share")
    row = conn.execute(query).first()
    if row is None:
        raise VaultError(f"scope {name!r} does not exist",
                         hint="create it with `veil vault scope add`")
    return row


def _require_codes(row: Row[Any]) -> None:
    if row.master:
        raise VaultError(f"scope {row.name!r} is a master scope and holds no codes",
                         hint="assign codes in a study or domain scope")
    if row.wrapped_key is None:
        raise VaultError(f"scope {row.name!r} was shredded: its codes can no longer be "
                         "assigned or reversed")


def _scope_info(row: Row[Any], count: int) -> ScopeInfo:
    return ScopeInfo(str(row.name), bool(row.master), dt.datetime.fromisoformat(row.created),
                     row.wrapped_key is None, count)


def _format(row: Row[Any]) -> CodeFormat:
    data = json.loads(row.code_format)
    return CodeFormat(int(data["length"]), str(data["alphabet"]), str(data["prefix"]),
                      bool(data["check"]))


def _meta(conn: Connection) -> dict[str, bytes]:
    return {str(k): bytes(v) for k, v in conn.execute(
        select(schema.meta.c.key, schema.meta.c.value))}


def _wrap(master: MasterKey, label: str, key: bytes) -> bytes:
    return seal(master.derive("wrap"), key, f"veil/vault/v1/{label}".encode())


def _unwrap(master: MasterKey, label: str, blob: bytes, where: str,
            expected: str | None = None) -> bytes:
    try:
        return unseal(master.derive("wrap"), bytes(blob), f"veil/vault/v1/{label}".encode(),
                      what=label)
    except VaultError:
        known = f"; it opens with the key of fingerprint {expected}" if expected else ""
        raise VaultError(
            f"the master key from {master.origin} (fingerprint {master.fingerprint}) does not "
            f"open the vault at {where}{known}",
            hint="use the key the vault was created with or last rotated to") from None


def _anchor(options: AnchorOptions | None, master: MasterKey, audit_key: bytes,
            public_key: bytes) -> VaultAnchor | None:
    """The witness of the vault with `public_key`, where `options` (or the defaults) say."""
    options = options or AnchorOptions()
    identity = vault_id(public_key)
    path = locate(options, master, identity)
    if path is None:
        return None
    return VaultAnchor(path, audit_key, identity, mirror_of(options))


def _last_head(conn: Connection) -> Head:
    row = conn.execute(select(schema.audit_head.c.seq, schema.audit_head.c.digest)).one()
    return Head(int(row.seq), str(row.digest))


def _bytes(value: Any) -> bytes | None:
    return None if value is None else bytes(value)


def _sqlite_has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'").scalar())


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
