"""The shape of a vault code and how new ones are drawn.

Guarantee:
    Every code body is drawn from the operating system's CSPRNG (`secrets`),
    symbol by symbol with rejection sampling, so each of the `length` symbols is
    exactly uniform over the alphabet and independent of everything else: a code
    is not derived from, and carries no information about, the identifier it
    stands for (45 CFR 164.514(c)(1)). Uniqueness within a scope is enforced by
    the vault's database (a unique constraint), not by this module. The optional
    check character is Luhn mod N (N = alphabet size), which catches every
    single-symbol error and every transposition of adjacent symbols; it adds no
    entropy. Reference: ISO/IEC 7064 family; Crockford, "Base 32" (the default
    alphabet, without I, L, O, U).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from veil.errors import UsageError

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# symbols a reader confuses: an alphabet may hold at most one of each group
_LOOK_ALIKES = ("0Oo", "1IlLi|")


@dataclass(frozen=True)
class CodeFormat:
    """How the codes of one scope look: `prefix` + `length` random symbols + a check symbol.

    The format is fixed when the scope is created; the number of possible codes is
    ``len(alphabet) ** length`` (2^40 for the default), which bounds how many
    identifiers a scope can hold before new codes become slow to find.
    """

    length: int = 8
    alphabet: str = CROCKFORD
    prefix: str = ""
    check: bool = True

    def __post_init__(self) -> None:
        if not 4 <= self.length <= 64:
            raise UsageError(f"the code length must be between 4 and 64; got {self.length}")
        if not 2 <= len(self.alphabet) <= 64:
            raise UsageError("the code alphabet must have between 2 and 64 symbols; "
                             f"got {len(self.alphabet)}")
        if len(set(self.alphabet)) != len(self.alphabet):
            raise UsageError("the code alphabet repeats a symbol")
        if not (self.alphabet.isascii() and self.alphabet.isalnum()):
            raise UsageError("the code alphabet must hold ASCII letters and digits only")
        for group in _LOOK_ALIKES:
            present = [c for c in group if c in self.alphabet]
            if len(present) > 1:
                raise UsageError(
                    f"the code alphabet holds look-alike symbols {' '.join(present)}",
                    hint="keep one of them (the default is Crockford base 32)")
        if len(self.prefix) > 16 or not (self.prefix.isascii() and self.prefix.isprintable()) \
                or any(c.isspace() for c in self.prefix):
            raise UsageError("the code prefix must be at most 16 printable ASCII characters "
                             "without spaces")
        if len(self.alphabet) ** self.length < 2**20:
            raise UsageError(
                f"{len(self.alphabet)} symbols of length {self.length} give fewer than 2^20 "
                "codes", hint="use a longer code or a larger alphabet")

    @property
    def width(self) -> int:
        """Characters in a full code (prefix, body and check symbol)."""
        return len(self.prefix) + self.length + int(self.check)

    @property
    def bits(self) -> float:
        """Entropy of a code in bits."""
        return float(self.length * np.log2(len(self.alphabet)))

    def draw(self, count: int) -> list[str]:
        """`count` fresh random codes (distinct from one another, not checked against a store)."""
        result: list[str] = []
        seen: set[str] = set()
        while len(result) < count:
            for code in self._draw_batch(count - len(result)):
                if code not in seen:  # a repeat within one draw is rare: draw again
                    seen.add(code)
                    result.append(code)
        return result

    def is_valid(self, code: str) -> bool:
        """Whether `code` has this format (prefix, alphabet, length, check symbol)."""
        if len(code) != self.width or not code.startswith(self.prefix):
            return False
        body = code[len(self.prefix):]
        if any(c not in self.alphabet for c in body):
            return False
        if not self.check:
            return True
        digits = np.array([[self.alphabet.index(c) for c in body[:-1]]], dtype=np.int64)
        return self.alphabet[int(_luhn_check(digits, len(self.alphabet))[0])] == body[-1]

    def to_dict(self) -> dict[str, object]:
        return {"length": self.length, "alphabet": self.alphabet, "prefix": self.prefix,
                "check": self.check}

    def _draw_batch(self, count: int) -> list[str]:
        size = len(self.alphabet)
        digits = _uniform_digits(count * self.length, size).reshape(count, self.length)
        if self.check:
            digits = np.concatenate([digits, _luhn_check(digits, size)[:, None]], axis=1)
        symbols = np.frombuffer(self.alphabet.encode("ascii"), dtype=np.uint8)
        width = digits.shape[1]
        bodies = np.ascontiguousarray(symbols[digits]).view(f"S{width}").ravel()
        text = bodies.astype(f"U{width}").tolist()
        return [self.prefix + t for t in text] if self.prefix else list(text)


def _uniform_digits(count: int, size: int) -> npt.NDArray[np.int64]:
    """`count` CSPRNG integers, exactly uniform in [0, size), by rejection sampling bytes."""
    limit = 256 - 256 % size  # bytes at or above `limit` would bias the modulo: drop them
    parts: list[npt.NDArray[np.uint8]] = []
    have = 0
    while have < count:
        need = count - have
        raw = np.frombuffer(secrets.token_bytes(need + need // 4 + 16), dtype=np.uint8)
        kept = raw[raw < limit]
        parts.append(kept)
        have += kept.size
    return (np.concatenate(parts)[:count] % size).astype(np.int64)


def _luhn_check(digits: npt.NDArray[np.int64], size: int) -> npt.NDArray[np.int64]:
    """Luhn mod N check digit of each row of `digits` (values in [0, size))."""
    width = digits.shape[1]
    # from the right, the rightmost body digit is doubled
    factor = np.where((np.arange(width)[::-1] % 2) == 0, 2, 1)
    addend = digits * factor
    addend = addend // size + addend % size
    total = addend.sum(axis=1)
    return np.asarray((size - total % size) % size, dtype=np.int64)
