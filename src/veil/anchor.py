"""An anchor for a hash chain outside its database: a MAC'd, monotonic head witness file.

The vault's audit log and the DP budget ledger keep a `veil.chain` hash chain and a
keyed head row in their own database. Whoever can write that database can still
restore an older copy of it (or of just the head row and the rows after it): the
old chain is internally consistent, so nothing inside the database can tell. A
`Witness` keeps the last committed head (sequence number and digest) in a small
file elsewhere (by default beside the master key file), MAC'd under a key the
caller derives from its secret, and optionally mirrored to an append-only JSON
lines file.

Guarantee:
    After `advance(Head(n, d))` returns, the witness file names an entry n' >= n
    of the chain, durably (temp file, fsync, rename, fsync of the directory) and
    atomically (a reader sees the old or the new file, never a mix). A two-slot
    witness (``slots=True``, the vault's) is a file of two fixed 512-byte slots
    instead: an advance overwrites the slot that does NOT hold the current head
    (`os.pwrite`, then `os.fdatasync`: one flush, no new file, no directory
    flush) and a reader takes the higher of the valid slots, so a write torn by a
    crash leaves the other slot, the previous head, in force. A slot that is not a
    well-formed record is skipped when the other one is valid (a torn write looks
    like that; whoever can write the file could restore an older copy of it
    anyway); a well-formed record that fails its MAC is reported, as in a
    one-record file. Either kind of file is read, and a one-record file becomes a
    two-slot file by an atomic replace at its next two-slot advance. It never goes
    backwards: every advance takes an exclusive `fcntl.flock` on ``<file>.lock``
    and writes only a higher sequence number, so concurrent processes committing
    batches in any order leave the highest head; two different digests for one
    sequence number are refused (a fork). `compare` then detects, for a chain
    whose last entry is L with digests ``digest_at(k)``:

    - a rollback of the whole database, or of its tail with the head row restored,
      or a cut tail: the witness names entry n > L;
    - a rewritten history: entry n exists but its digest is not the witnessed one.

    A forged or edited witness fails its MAC (HMAC-SHA256) and is reported, as is a
    witness of another chain (the label is MAC'd too).

Not detected:
    - a rollback of the database AND of the witness file together to a matching
      older pair (a backup of both), unless the mirror is kept where the attacker
      cannot truncate it (an append-only file: ``chattr +a``, a remote log
      collector); the mirror's highest valid line counts as the witness too;
    - entries committed after the last advance that reached the file (a process
      killed between its commit and its advance): the witness lags, it is not
      wrong, and the next advance covers them;
    - anything by someone holding the MAC key (the master key): they can write a
      valid witness for any head.
    A missing witness is reported by `Witness.check` when ``required``; it is the
    caller's policy whether a missing file may be created afresh (first use).

Example::

    witness = Witness(Path("vault.witness"), key=mac_key, label="vault:1f2e")
    witness.advance(Head(12, digest))           # after the batch that wrote entry 12
    problem = witness.check(last_seq, digest_at, required=True)   # None: consistent
"""

from __future__ import annotations

import fcntl
import hashlib
import hmac
import json
import os
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from veil.errors import KeyStoreError

FORMAT = "veil-witness-1"
SLOT = 512  # bytes per slot of a two-slot witness (a record is about 250)
_PAD = b" "
_HEX64 = frozenset("0123456789abcdef")


@dataclass(frozen=True, order=True)
class Head:
    """The last entry of a chain: its sequence number (0 for the empty chain) and digest."""

    seq: int
    digest: str


@dataclass(frozen=True)
class Mismatch:
    """Why a chain disagrees with its witness: `entry` is the first entry in question."""

    entry: int
    reason: str


def compare(witnessed: Head, last_seq: int,
            digest_at: Callable[[int], str | None]) -> Mismatch | None:
    """Whether a chain ending at `last_seq` contains the `witnessed` head.

    `digest_at(k)` is the stored digest of entry k (None if there is none); it is
    asked for at most one entry.
    """
    if witnessed.seq > last_seq:
        return Mismatch(last_seq + 1, f"the chain ends at entry {last_seq} but its witness "
                        f"names entry {witnessed.seq}: entries {last_seq + 1} to "
                        f"{witnessed.seq} were removed or the database was rolled back")
    if witnessed.seq == 0:
        return None
    stored = digest_at(witnessed.seq)
    if stored is None or not hmac.compare_digest(stored, witnessed.digest):
        return Mismatch(witnessed.seq, f"entry {witnessed.seq} is not the one its witness "
                        "names: the chain was rewritten or rolled back and extended")
    return None


class Witness:
    """The head witness of one chain: a file, optionally mirrored to an append-only log.

    `key` is the MAC key (32 bytes, derived by the caller from its secret); `label`
    names the chain (for example ``vault:<id>``) so one chain's witness never passes
    for another's.
    """

    def __init__(self, path: Path, *, key: bytes, label: str,
                 mirror: Path | None = None, slots: bool = False) -> None:
        if len(key) < 16:
            raise KeyStoreError("a witness MAC key has at least 16 bytes")
        if slots and len(label.encode("utf-8")) > 200:
            raise KeyStoreError("a two-slot witness's label has at most 200 bytes")
        self.slots = slots
        self.path = Path(path)
        self.mirror = None if mirror is None else Path(mirror)
        self.label = label
        self._key = key
        self._lock = threading.Lock()  # flock does not exclude threads sharing a process
        # the file's identity (device, inode, size, mtime, ctime) when last read, and
        # the head it held: a write transaction checks the witness before its commit,
        # and re-reading and re-MACing an unchanged file each time is wasted work
        self._seen: tuple[tuple[int, ...], Head] | None = None

    def __repr__(self) -> str:
        return f"Witness(path={str(self.path)!r}, label={self.label!r})"

    # -- reading ---------------------------------------------------------------------------

    def read(self) -> Head | None:
        """The highest head the file and the mirror witness (None if neither exists).

        KeyStoreError if the file is unreadable, fails its MAC or belongs to another
        chain, or if the file and the mirror name different digests for one entry.
        """
        found = self._read_file()
        if self.mirror is not None:
            logged = self._read_mirror()
            if found is not None and logged is not None and found.seq == logged.seq \
                    and found.digest != logged.digest:
                raise KeyStoreError(f"{self.path}: the witness and its mirror {self.mirror} "
                                    f"name different digests for entry {found.seq}",
                                    hint="one of them was replaced: investigate")
            if logged is not None and (found is None or logged.seq > found.seq):
                found = logged
        return found

    def check(self, last_seq: int, digest_at: Callable[[int], str | None], *,
              required: bool) -> Mismatch | None:
        """`compare` the chain with the witness; a missing witness is a mismatch if `required`."""
        witnessed = self.read()
        if witnessed is None:
            if not required:
                return None
            return Mismatch(last_seq + 1, f"the chain's witness {self.path} is missing: a "
                            "rollback cannot be ruled out")
        return compare(witnessed, last_seq, digest_at)

    # -- writing ---------------------------------------------------------------------------

    def advance(self, head: Head) -> Head:
        """Record `head` unless the witness already names a later entry; the head it names.

        KeyStoreError if the witness names the same entry with another digest (a fork:
        the chain was rolled back and extended), or cannot be read or written.
        """
        if head.seq < 0 or not _is_digest(head.digest):
            raise KeyStoreError("a witnessed head has a sequence number >= 0 and a SHA-256 "
                                "hex digest")
        with self._locked():
            current = self._read_file(settle=False)
            if current is not None and head.seq <= current.seq:
                if head.seq == current.seq and not hmac.compare_digest(head.digest,
                                                                       current.digest):
                    raise KeyStoreError(
                        f"{self.path}: entry {head.seq} has another digest than the "
                        "witnessed one: the chain forked (rolled back, then extended)",
                        hint="verify the chain and investigate before going on")
                return current
            line = self._line(head)
            if self.slots:
                self._write_slot(line)
            else:
                self._replace(line)
            if self.mirror is not None:
                self._append(line)
        return head

    # -- internals -------------------------------------------------------------------------

    def _mac(self, seq: int, digest: str) -> str:
        body = json.dumps({"format": FORMAT, "label": self.label, "seq": seq, "head": digest},
                          sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hmac.new(self._key, body.encode("utf-8"), hashlib.sha256).hexdigest()

    def _line(self, head: Head) -> bytes:
        record = {"format": FORMAT, "label": self.label, "seq": head.seq, "head": head.digest,
                  "mac": self._mac(head.seq, head.digest)}
        return (json.dumps(record, sort_keys=True, separators=(",", ":"),
                           ensure_ascii=False) + "\n").encode("utf-8")

    def _parse(self, raw: bytes, where: str) -> Head:
        """A witness line checked for format, label and MAC (KeyStoreError naming `where`)."""
        try:
            record = json.loads(raw)
            seq, digest, mac = record["seq"], record["head"], record["mac"]
            ok = (isinstance(record, dict) and record.get("format") == FORMAT
                  and isinstance(seq, int) and not isinstance(seq, bool) and seq >= 0
                  and isinstance(digest, str) and _is_digest(digest) and isinstance(mac, str))
        except (ValueError, TypeError, KeyError):
            ok = False
        if not ok:
            raise KeyStoreError(f"{where}: not a veil chain witness",
                                hint="restore the witness file, or re-anchor the chain "
                                "after verifying it")
        if record.get("label") != self.label:
            raise KeyStoreError(f"{where}: the witness belongs to another chain",
                                hint="check the witness location")
        if not hmac.compare_digest(str(mac), self._mac(seq, digest)):
            raise KeyStoreError(f"{where}: the witness fails its MAC: it was edited or "
                                "forged, or the key is not the chain's")
        return Head(seq, digest)

    def _read_file(self, *, settle: bool = True) -> Head | None:
        """The file's head; parsed again only when its identity changed (any write or
        replacement changes the inode, size or ctime, and ctime cannot be set back).

        A two-slot file is written in place, so a read can meet a slot half copied by a
        concurrent advance: if what was read fails (`settle`), it is read once more
        under a shared lock, which waits for any advance in progress (advances hold the
        lock exclusively, and read without this retry)."""
        try:
            with open(self.path, "rb") as handle:
                stat = os.fstat(handle.fileno())
                identity = (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns,
                            stat.st_ctime_ns)
                seen = self._seen
                if seen is not None and seen[0] == identity:
                    return seen[1]
                raw = handle.read()
        except FileNotFoundError:
            return None
        except OSError as err:
            raise KeyStoreError(f"{self.path}: cannot read the chain witness "
                                f"({err.strerror})") from None
        try:
            head, clean = self._parse_file(raw)
        except KeyStoreError:
            if not settle:
                raise
            with self._shared():
                return self._read_file(settle=False)
        if clean:  # a skipped (torn) slot may be mid-write: not remembered
            self._seen = (identity, head)
        return head

    @contextmanager
    def _shared(self) -> Iterator[None]:
        """A shared flock on the witness lock file (no lock if it cannot be opened)."""
        try:
            handle = os.open(self.path.with_name(self.path.name + ".lock"),
                             os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            yield
            return
        try:
            fcntl.flock(handle, fcntl.LOCK_SH)
            yield
        finally:
            os.close(handle)

    def _parse_file(self, raw: bytes) -> tuple[Head, bool]:
        """A one-record file's head, or the higher valid slot of a two-slot file; and
        whether every written slot was valid."""
        if len(raw) != 2 * SLOT:
            return self._parse(raw, str(self.path)), True
        heads: list[Head] = []
        torn: KeyStoreError | None = None
        for index in (0, 1):
            part = raw[index * SLOT:(index + 1) * SLOT].strip()
            if not part:
                continue  # never written
            try:
                heads.append(self._parse(part, f"{self.path} (slot {index + 1})"))
            except KeyStoreError as error:
                if _well_formed(part):  # a record that fails its MAC or label: tampering
                    raise
                torn = error  # a torn write: the other slot holds the head before it
        if not heads:
            if torn is not None:
                raise torn
            raise KeyStoreError(f"{self.path}: not a veil chain witness",
                                hint="restore the witness file, or re-anchor the chain "
                                "after verifying it")
        if len(heads) == 2 and heads[0].seq == heads[1].seq \
                and heads[0].digest != heads[1].digest:
            raise KeyStoreError(f"{self.path}: two digests witnessed for entry "
                                f"{heads[0].seq}: the chain forked", hint="investigate")
        return max(heads), torn is None

    def _write_slot(self, line: bytes) -> None:
        """Overwrite the slot that does not hold the current head, then fdatasync (a
        missing or one-record file is replaced by a two-slot file, atomically)."""
        if len(line) >= SLOT:  # pragma: no cover - the label length is bounded
            raise KeyStoreError("a witness record does not fit its slot")
        record = line + _PAD * (SLOT - len(line))
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            raw = b""
        except OSError as err:
            raise KeyStoreError(f"{self.path}: cannot read the chain witness "
                                f"({err.strerror})") from None
        if len(raw) != 2 * SLOT:  # new, or a one-record file: a fresh two-slot file
            self._replace(record + _PAD * SLOT)
            return
        older = 0
        parsed: list[Head | None] = []
        for index in (0, 1):
            try:
                parsed.append(self._parse(raw[index * SLOT:(index + 1) * SLOT].strip(),
                                          str(self.path)))
            except KeyStoreError:
                parsed.append(None)
        if parsed[0] is not None and (parsed[1] is None or parsed[0] > parsed[1]):
            older = 1
        try:
            handle = os.open(self.path, os.O_WRONLY)
            try:
                os.pwrite(handle, record, older * SLOT)
                os.fdatasync(handle)
            finally:
                os.close(handle)
        except OSError as err:
            raise KeyStoreError(f"{self.path}: cannot write the chain witness "
                                f"({err.strerror})") from None

    def _read_mirror(self) -> Head | None:
        """The highest valid line of the mirror (lines that fail are skipped: an append-only
        log may end in a torn line, and appending a forgery gains nothing without the key)."""
        assert self.mirror is not None
        try:
            data = self.mirror.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as err:
            raise KeyStoreError(f"{self.mirror}: cannot read the witness mirror "
                                f"({err.strerror})") from None
        best: Head | None = None
        for raw in data.splitlines():
            try:
                head = self._parse(raw, str(self.mirror))
            except KeyStoreError:
                continue
            if best is not None and head.seq == best.seq and head.digest != best.digest:
                raise KeyStoreError(f"{self.mirror}: two digests witnessed for entry "
                                    f"{head.seq}: the chain forked", hint="investigate")
            if best is None or head.seq > best.seq:
                best = head
        return best

    @contextmanager
    def _locked(self) -> Iterator[None]:
        lock_path = self.path.with_name(self.path.name + ".lock")
        with self._lock:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                handle = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as err:
                raise KeyStoreError(f"{lock_path}: cannot open the witness lock "
                                    f"({err.strerror})") from None
            try:
                fcntl.flock(handle, fcntl.LOCK_EX)
                yield
            finally:
                os.close(handle)  # closing releases the lock

    def _replace(self, line: bytes) -> None:
        staging = self.path.with_name(f".{self.path.name}.{os.getpid()}."
                                      f"{secrets.token_hex(4)}.tmp")
        try:
            handle = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                os.write(handle, line)
                os.fsync(handle)
            finally:
                os.close(handle)
            os.replace(staging, self.path)
            _sync_directory(self.path.parent)
        except OSError as err:
            staging.unlink(missing_ok=True)
            raise KeyStoreError(f"{self.path}: cannot write the chain witness "
                                f"({err.strerror})") from None

    def _append(self, line: bytes) -> None:
        assert self.mirror is not None
        try:
            self.mirror.parent.mkdir(parents=True, exist_ok=True)
            handle = os.open(self.mirror, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(handle, line)
                os.fsync(handle)
            finally:
                os.close(handle)
        except OSError as err:
            raise KeyStoreError(f"{self.mirror}: cannot append to the witness mirror "
                                f"({err.strerror})") from None


def _well_formed(raw: bytes) -> bool:
    """Whether `raw` is a complete witness record (JSON with every field), whatever its MAC."""
    try:
        record = json.loads(raw)
    except ValueError:
        return False
    return isinstance(record, dict) and {"format", "label", "seq", "head", "mac"} <= set(record)


def _is_digest(text: str) -> bool:
    return len(text) == 64 and set(text) <= _HEX64


def _sync_directory(path: Path) -> None:
    handle = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
