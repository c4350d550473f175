"""What a shredding statement is made from: the destruction record file, a public key,
the vault's own evidence and the release's codes (`veil vault statement`'s inputs).

Every malformed input is an `InputError` or `UsageError` naming the file or the
option; no cell value of the release is quoted.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import polars as pl

from veil.errors import InputError, UsageError
from veil.io.hashing import sha256_file
from veil.io.read import Dataset
from veil.vault.codes import CodeFormat
from veil.vault.records import DestructionRecord
from veil.vault.statement_model import (
    ShredRecord,
    VaultEvidence,
)

if TYPE_CHECKING:
    from veil.vault.vault import Vault

T = TypeVar("T")

_HINT_RECORD = "pass the JSON file that `veil vault shred SCOPE -o FILE` wrote"


def load_record(path: Path) -> ShredRecord:
    """The destruction record in `path`; InputError (naming the file) if it is malformed.

    A missing or empty signature is not malformed: the statement then fails closed.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError:
        raise InputError(f"{path}: cannot read the destruction record",
                         hint="check the path") from None
    except ValueError:
        raise InputError(f"{path}: not a destruction record (not valid JSON)",
                         hint=_HINT_RECORD) from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: not a destruction record (expected a JSON object)",
                         hint=_HINT_RECORD)
    for name in ("scope", "at", "actor"):
        if not isinstance(data.get(name), str) or not data[name]:
            raise InputError(f"{path}: not a destruction record (field {name!r} must be "
                             "non-empty text)", hint=_HINT_RECORD)
    codes = data.get("codes")
    if not isinstance(codes, int) or isinstance(codes, bool) or codes < 0:
        raise InputError(f"{path}: not a destruction record (field 'codes' must be a "
                         "whole number of 0 or more)", hint=_HINT_RECORD)
    try:
        at = dt.datetime.fromisoformat(data["at"])
    except ValueError:
        raise InputError(f"{path}: not a destruction record (field 'at' is not an ISO "
                         "time)", hint=_HINT_RECORD) from None
    signature = data.get("signature")
    record = DestructionRecord(data["scope"], at, data["actor"], codes,
                               signature if isinstance(signature, str) else "")
    public_key = data.get("public_key")
    return ShredRecord(record, Path(path), sha256_file(Path(path)),
                       public_key if isinstance(public_key, str) else None,
                       _code_format(data.get("code_format"), path),
                       data["vault"] if isinstance(data.get("vault"), str) else None)


def _code_format(value: object, path: Path) -> CodeFormat | None:
    """The scope's code format the record file carries (None if it carries none)."""
    if value is None:
        return None
    try:
        if not isinstance(value, dict):
            raise TypeError
        return CodeFormat(int(value["length"]), str(value["alphabet"]), str(value["prefix"]),
                          bool(value["check"]))
    except (KeyError, TypeError, ValueError, UsageError):
        raise InputError(f"{path}: not a destruction record (field 'code_format' is not a "
                         "code format)", hint=_HINT_RECORD) from None


def read_public_key(value: str) -> str:
    """An Ed25519 public key as 64 lower-case hex digits, from hex text or a file holding it."""
    text = value
    candidate = Path(value)
    try:
        if candidate.is_file():
            text = candidate.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise UsageError(f"{candidate}: cannot read the public key file") from None
    text = text.strip().lower()
    if len(text) != 64 or any(c not in "0123456789abcdef" for c in text):
        raise UsageError("--public-key must be an Ed25519 public key as 64 hex digits, or a "
                         "file holding them",
                         hint="the vault's key is the record's 'public_key'; get it from the "
                         "custodian through a channel other than the record itself")
    return text


def vault_evidence(vault: Vault, scope: str, codes: Sequence[str]) -> VaultEvidence:
    """What `vault` says of `scope`: shredded or not, its stored signature, key and format,
    and how many of the release's distinct `codes` are the scope's own."""
    info = vault.scope(scope)
    stored = vault.destruction(scope)
    distinct = list(dict.fromkeys(codes))
    return VaultEvidence(vault.location, info.shredded,
                         None if stored is None else stored.signature, vault.public_key,
                         vault.code_format(scope), len(distinct),
                         vault.count_held(scope, distinct))


def release_codes(dataset: Dataset, column: str) -> list[str]:
    """The distinct codes of the release's code column (for the vault to check)."""
    if column not in dataset.columns:
        return []
    codes = guarded(lambda: dataset.frame.select(
        pl.col(column).cast(pl.String).drop_nulls().unique()).collect(engine="streaming"),
        dataset)
    return [str(c) for c in codes.to_series().to_list()]


def guarded(work: Callable[[], T], dataset: Dataset) -> T:
    """Run Polars work; its messages may quote cells, so replace them by a clean error."""
    try:
        return work()
    except pl.exceptions.PolarsError:
        raise InputError(f"{dataset.path}: the {dataset.format.value} release could not be "
                         "read to the end", hint="check that the file is complete") from None
