"""Random re-identification codes (45 CFR 164.514(c)).

Guarantee:
    A code is drawn from the operating system's CSPRNG (`secrets`), so it is
    not derived from or related to any information about the person. Codes
    are unique within their scope. The alphabet is Crockford's base32 (no I,
    L, O, U): 32 symbols, so a random byte mod 32 is exactly uniform.
"""

from __future__ import annotations

import secrets

import numpy as np

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_SYMBOLS = np.frombuffer(ALPHABET.encode("ascii"), dtype=np.uint8)


def random_codes(count: int, *, length: int, prefix: str = "",
                 taken: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """`count` distinct random codes, none of them in `taken`."""
    result: list[str] = []
    seen = set(taken)
    while len(result) < count:
        need = count - len(result)
        raw = np.frombuffer(secrets.token_bytes(need * length), dtype=np.uint8)
        chars = _SYMBOLS[(raw % 32).reshape(need, length)]
        batch = chars.view(f"S{length}").ravel().astype(str)
        for code in np.unique(batch):  # collisions are rare; this loop is over new codes only
            full = prefix + str(code)
            if full not in seen:
                seen.add(full)
                result.append(full)
    # np.unique sorted the batch: shuffle back so assignment order carries no pattern
    order = np.frombuffer(secrets.token_bytes(8 * len(result)), dtype=np.uint64).argsort()
    return [result[i] for i in order]
