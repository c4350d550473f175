"""The fingerprint that binds a DP budget to the people in the data, not to a file name.

Guarantee:
    `unit_fingerprint` is HMAC-SHA256, under the ledger's fingerprint key, of the
    SET of distinct values of the privacy unit column, each read as text (nulls as
    one value of their own). It is therefore the same for every export of the same
    people: another file name, format (CSV, Parquet, JSON lines), column order, row
    order, column name, extra or fewer other columns, and rows added or removed for
    people already in the data. Releases about the same people share one budget,
    which is what sequential composition asks for: the unit of privacy is the
    person, not the table.

Not detected: data whose set of units differs (one person added or removed, the
identifiers rewritten or re-coded) has another fingerprint. Such data is refused
until the custodian registers it (`veil ledger register`), either as more data of
an existing dataset (sharing its budget) or as a new dataset; that registration is
a deliberate, recorded act, never a side effect of a release.

The key keeps the fingerprint from being tested against guessed identifiers by
someone who can read the ledger but not its key file (a one-patient extract would
otherwise give its identifier away to a dictionary over the identifier space).
"""

from __future__ import annotations

import hashlib
import hmac

import polars as pl

from veil.errors import PolicyError

__all__ = ["unit_fingerprint"]

_LABEL = b"veil/dp-ledger/v1/units\n"
_CHUNK = 1 << 20  # values hashed per step: bounded memory for the joined text


def unit_fingerprint(frame: pl.LazyFrame, unit: str, *, key: bytes) -> str:
    """The keyed fingerprint (64 hex digits) of the set of `unit` values in `frame`.

    The distinct values, read as text and sorted (byte order, the null last), are
    each encoded as ``<bytes>:<text>`` (a null as ``-``), so no two sets share an
    encoding. A sort and a comparison with the previous value find them (about 1 s
    for 10M rows of 2.5M people on a 2-core machine; a hash-based unique was 2x slower).

    Example:
        >>> a = pl.LazyFrame({"pid": ["P2", "P1", "P2"], "x": [1, 2, 3]})
        >>> b = pl.LazyFrame({"y": ["u", "v"], "patient": ["P1", "P2"]})
        >>> unit_fingerprint(a, "pid", key=b"k" * 32) == unit_fingerprint(b, "patient",
        ...                                                               key=b"k" * 32)
        True
    """
    value = pl.col("v")
    first = pl.int_range(pl.len()) == 0
    try:
        encoded = (
            frame.select(pl.col(unit).cast(pl.String).sort(nulls_last=True).alias("v"))
            .filter(first | value.ne_missing(value.shift(1)))
            .select(pl.when(value.is_null()).then(pl.lit("-"))
                    .otherwise(pl.concat_str(value.str.len_bytes().cast(pl.String),
                                             pl.lit(":"), value)).alias("v"))
            .collect())["v"]
    except (pl.exceptions.PolarsError, ValueError) as err:
        raise PolicyError(f"the privacy unit column {unit!r} cannot be read as text to "
                          f"fingerprint the data ({type(err).__name__})",
                          hint="the privacy unit is an identifier column (text or whole "
                          "numbers)") from None
    mac = hmac.new(key, _LABEL + f"{len(encoded)}\n".encode("ascii"), hashlib.sha256)
    for start in range(0, len(encoded), _CHUNK):  # chunks of values, not rows
        piece = encoded.slice(start, _CHUNK).str.join("").item()
        mac.update(piece.encode("utf-8"))
    return mac.hexdigest()
