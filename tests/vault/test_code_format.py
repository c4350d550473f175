"""CodeFormat: validation, uniform CSPRNG symbols, the Luhn mod N check symbol."""

from __future__ import annotations

import polars as pl
import pytest

from veil.errors import UsageError
from veil.vault import CodeFormat
from veil.vault.codes import CROCKFORD


@pytest.mark.parametrize(("options", "message"), [
    ({"length": 3}, "between 4 and 64"),
    ({"length": 65}, "between 4 and 64"),
    ({"alphabet": "A"}, "between 2 and 64 symbols"),
    ({"alphabet": "ABCA"}, "repeats a symbol"),
    ({"alphabet": "AB-C"}, "ASCII letters and digits"),
    ({"alphabet": "0123456789O"}, "look-alike symbols 0 O"),
    ({"alphabet": "1ILX"}, "look-alike symbols 1 I L"),
    ({"prefix": "a b"}, "prefix"),
    ({"prefix": "P" * 17}, "prefix"),
    ({"alphabet": "AB", "length": 8}, "fewer than 2\\^20 codes"),
])
def test_invalid_formats(options: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        CodeFormat(**options)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", [
    CodeFormat(),
    CodeFormat(length=6, prefix="S1-", check=False),
    CodeFormat(length=12, alphabet="ACDEFGHJKMNPQRTWXY34679", prefix="P"),
    CodeFormat(length=10, alphabet="0123456789"),
])
def test_drawn_codes_are_distinct_and_well_formed(fmt: CodeFormat) -> None:
    codes = fmt.draw(20_000)
    assert len(set(codes)) == 20_000
    assert all(len(c) == fmt.width and c.startswith(fmt.prefix) for c in codes)
    assert all(fmt.is_valid(c) for c in codes)
    assert not fmt.is_valid(codes[0] + "0")


def test_symbols_are_uniform_over_an_alphabet_that_is_not_a_power_of_two() -> None:
    fmt = CodeFormat(length=10, alphabet="ACDEFGHJKMNPQRTWXY34679", check=False)
    symbols = pl.Series(list("".join(fmt.draw(20_000))))
    counts = symbols.value_counts()["count"]
    expected = 200_000 / 23
    assert counts.len() == 23
    assert counts.min() > expected * 0.93  # type: ignore[operator]
    assert counts.max() < expected * 1.07  # type: ignore[operator]


def test_check_symbol_catches_single_errors_and_adjacent_swaps() -> None:
    fmt = CodeFormat(length=8)
    for code in fmt.draw(200):
        for position in range(len(code)):
            for symbol in CROCKFORD:
                if symbol != code[position]:
                    changed = code[:position] + symbol + code[position + 1:]
                    assert not fmt.is_valid(changed)
        for position in range(len(code) - 2):  # swaps within the body
            a, b = code[position], code[position + 1]
            if a != b and {a, b} != {CROCKFORD[0], CROCKFORD[-1]}:  # Luhn's one blind spot
                swapped = code[:position] + b + a + code[position + 2:]
                assert not fmt.is_valid(swapped)


def test_luhn_mod_n_matches_the_textbook_algorithm() -> None:
    # with the digits 0-9 as alphabet, Luhn mod N is the credit-card Luhn check:
    # the textbook example 7992739871 has check digit 3
    fmt = CodeFormat(length=10, alphabet="0123456789")
    assert fmt.is_valid("79927398713")
    assert not any(fmt.is_valid(f"7992739871{d}") for d in "012456789")
