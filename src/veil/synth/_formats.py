"""Identifier layouts with their real check digits, vectorized over rows.

SSN space, Medicare Beneficiary Identifier, Luhn and GS1 check digits, VIN
(ISO 3779 check digit).
"""

from __future__ import annotations

import numpy as np

from veil.synth._chars import Chars, Ints, alphabet, cat, digits, lit, radix

VIN_SYMBOLS = b"0123456789ABCDEFGHJKLMNPRSTUVWXYZ"  # no I, O, Q
VIN_YEARS = b"ABCDEFGHJKLMNPRSTVWXY123456789"  # model-year codes from 2010
_VIN_VALUE = np.zeros(256, dtype=np.int64)
_VIN_VALUE[np.frombuffer(b"0123456789", dtype=np.uint8)] = np.arange(10)
_VIN_VALUE[np.frombuffer(b"ABCDEFGHJKLMNPRSTUVWXYZ", dtype=np.uint8)] = [
    1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9,
]  # fmt: skip
_VIN_WEIGHTS = np.array([8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2], dtype=np.int64)

_SSN_BLOCKED = ("078-05-1120", "219-09-9999", "457-55-5462")  # published, never valid


def _ssn_index(ssn: str) -> int:
    area, group, serial = (int(x) for x in ssn.split("-"))
    return ((area - 1 - (area > 666)) * 99 + group - 1) * 9999 + serial - 1


_SSN_SKIP = sorted(_ssn_index(s) for s in _SSN_BLOCKED)
SSN_SPACE = 898 * 99 * 9999 - len(_SSN_SKIP)
"""Valid SSNs: area 001-899 except 666, group 01-99, serial 0001-9999, minus the
numbers published in advertisements (which validators reject)."""

_MBI_ALPHA = b"ACDEFGHJKMNPQRTUVWXY"  # CMS: no S, L, O, I, B, Z
_MBI_ALNUM = b"0123456789" + _MBI_ALPHA
_MBI_SYMBOLS = (b"123456789", _MBI_ALPHA, _MBI_ALNUM, b"0123456789", _MBI_ALPHA, _MBI_ALNUM,
                b"0123456789", _MBI_ALPHA, _MBI_ALPHA, b"0123456789", b"0123456789")  # fmt: skip
MBI_SPACE = int(np.prod([len(s) for s in _MBI_SYMBOLS], dtype=np.float64))
"""Number of distinct Medicare Beneficiary Identifiers."""


_LUHN_DOUBLE = np.array([0, 2, 4, 6, 8, 1, 3, 5, 7, 9], dtype=np.int64)


def _check_sum(body: Chars, odd: Ints, even: Ints) -> Ints:
    """Sum over the digits of `body`, mapped by `odd` at positions 1, 3, 5... from the right."""
    total = np.zeros(body.n, dtype=np.int64)
    for k in range(body.width):
        table = odd if (body.width - 1 - k) % 2 == 0 else even
        total += table[body.mat[:, k] - ord("0")]
    return total


def luhn_digit(body: Chars) -> Ints:
    """The Luhn (mod 10) check digit to append to the decimal digits of `body`."""
    total = _check_sum(body, _LUHN_DOUBLE, np.arange(10, dtype=np.int64))
    check: Ints = (10 - total % 10) % 10
    return check


def gs1_digit(body: Chars) -> Ints:
    """The GS1 (GTIN) mod-10 check digit to append to the decimal digits of `body`."""
    total = _check_sum(body, 3 * np.arange(10, dtype=np.int64), np.arange(10, dtype=np.int64))
    check: Ints = (10 - total % 10) % 10
    return check


def vin(wmi: Chars, vds: Ints, unique: Ints, year: Ints, plant: Ints) -> Chars:
    """17-character VINs with a valid check digit in position 9.

    Positions 7-8 and 12-17 encode `unique` (< 33**2 * 10**6), so distinct
    values give distinct VINs.
    """
    n = wmi.n
    head = cat(
        wmi,
        alphabet(vds, VIN_SYMBOLS),
        radix(unique // 1_000_000, 2, VIN_SYMBOLS),
        lit("0", n),
        alphabet(year[:, None], VIN_YEARS),
        alphabet(plant[:, None], VIN_SYMBOLS),
        digits(unique % 1_000_000, 6),
    )
    mat = head.mat  # a fresh array from cat: safe to fill in the check digit
    total = np.zeros(n, dtype=np.int64)
    for k, weight in enumerate(_VIN_WEIGHTS.tolist()):
        if weight:
            total += weight * _VIN_VALUE[mat[:, k]]
    total %= 11
    mat[:, 8] = np.where(total == 10, ord("X"), ord("0") + total).astype(np.uint8)
    return Chars(mat)


def ssn_parts(j: Ints) -> tuple[Ints, Ints, Ints]:
    """Area, group and serial of the j-th valid SSN (0 <= j < SSN_SPACE)."""
    for skip in _SSN_SKIP:  # ascending: step over each blocked number
        j = j + (j >= skip)
    area = j // (99 * 9999) + 1
    area = area + (area >= 666)
    rest = j % (99 * 9999)
    group = rest // 9999 + 1
    return area, group, rest % 9999 + 1


_MBI_TABLE = b"".join(_MBI_SYMBOLS)
_MBI_START = np.cumsum([0] + [len(x) for x in _MBI_SYMBOLS[:-1]]).astype(np.int64)


def mbi(j: Ints) -> Chars:
    """The j-th Medicare Beneficiary Identifier (0 <= j < MBI_SPACE), 11 characters."""
    codes = np.empty((j.size, len(_MBI_SYMBOLS)), dtype=np.int64)
    rest = j
    for k in range(len(_MBI_SYMBOLS) - 1, -1, -1):
        base = len(_MBI_SYMBOLS[k])
        high = rest // base
        codes[:, k] = _MBI_START[k] + rest - high * base
        rest = high
    return alphabet(codes, _MBI_TABLE)


def strip_leading_zeros(group: Chars) -> Chars:
    """Drop the leading zeros of fixed-width digit groups (keeping a last digit)."""
    zero = group.mat == ord("0")
    run = np.ones(group.n, dtype=np.bool_)
    count = np.zeros(group.n, dtype=np.int64)
    for k in range(group.width - 1):
        run &= zero[:, k]
        count += run
    keep = np.arange(group.width)[None, :] >= count[:, None]
    return Chars(group.mat, keep, group.width - count)
