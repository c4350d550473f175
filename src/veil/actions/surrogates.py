"""fake and hmac: keyed, deterministic replacements.

Both rest on HMAC-SHA256 under a key derived from the run's secret for one
purpose and scope, computed in Rust over whole columns by polars-hash (one of
the few vectorized, standard HMAC implementations for Polars; a Python loop
would be ~8x slower). `fake` turns the MAC into indices into Faker's en_US word
lists, so the same value gives the same realistic surrogate under the same
secret, and the real value is never looked up in any dictionary.

Surrogates are chosen to be visibly synthetic where a real one could harm:
e-mails use the reserved example.* domains, SSNs the never-issued 9xx area, and
phone numbers the 555 exchange.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import polars as pl
import polars_hash  # noqa: F401 - registers the `chash` expression namespace

from veil.actions.context import ActionContext
from veil.policy.models import Fake, Hmac

_HEX_PER_DRAW = 15  # 60 bits per draw: modulo bias < 2^-40 for lists below 2^20


def keyed_mac(text: pl.Expr, key: str) -> pl.Expr:
    """Hex HMAC-SHA256 of a string expression under `key` (null stays null)."""
    return text.chash.hmac_sha256(key=key)  # type: ignore[attr-defined, no-any-return]


def draw(mac: pl.Expr, index: int, modulus: int) -> pl.Expr:
    """The `index`-th independent integer in [0, modulus) from a hex MAC."""
    start = index * _HEX_PER_DRAW
    return mac.str.slice(start, _HEX_PER_DRAW).str.to_integer(base=16) % modulus


@cache
def _words(name: str) -> tuple[str, ...]:
    # imported here: Faker's providers cost ~0.3 s to import and only `fake` needs them
    from faker.providers.address.en_US import Provider as AddressWords
    from faker.providers.person.en_US import Provider as PersonWords

    lists: dict[str, Callable[[], list[str]]] = {
        "first": lambda: sorted(set(PersonWords.first_names)),
        "last": lambda: sorted(set(PersonWords.last_names)),
        "street_suffix": lambda: sorted(set(AddressWords.street_suffixes)),
        "city_prefix": lambda: sorted(set(AddressWords.city_prefixes)),
        "city_suffix": lambda: sorted(set(AddressWords.city_suffixes)),
    }
    return tuple(lists[name]())


def pick(mac: pl.Expr, index: int, words: str) -> pl.Expr:
    table = _words(words)
    return pl.lit(pl.Series(table, dtype=pl.String)).gather(draw(mac, index, len(table)))


def _digits(mac: pl.Expr, index: int, width: int) -> pl.Expr:
    return draw(mac, index, 10**width).cast(pl.String).str.zfill(width)


def _fake_from_mac(provider: str, mac: pl.Expr, original: pl.Expr) -> pl.Expr:
    first, last = pick(mac, 0, "first"), pick(mac, 1, "last")
    if provider == "first_name":
        return first
    if provider == "last_name":
        return last
    if provider == "name":
        return pl.concat_str([first, last], separator=" ")
    if provider == "street_address":
        number = (draw(mac, 2, 9899) + 100).cast(pl.String)
        return pl.concat_str([number, pick(mac, 3, "last"), pick(mac, 0, "street_suffix")],
                             separator=" ")
    if provider == "city":
        return pl.concat_str([pick(mac, 2, "city_prefix"), pl.lit(" "), last,
                              pick(mac, 3, "city_suffix")])
    if provider == "email":
        domain = pl.lit(pl.Series(["example.com", "example.org", "example.net"])).gather(
            draw(mac, 2, 3))
        return pl.concat_str([first.str.to_lowercase(), pl.lit("."), last.str.to_lowercase(),
                              _digits(mac, 3, 2), pl.lit("@"), domain])
    if provider == "phone":
        area = (draw(mac, 2, 800) + 200).cast(pl.String)
        return pl.concat_str([pl.lit("("), area, pl.lit(") 555-"), _digits(mac, 3, 4)])
    if provider == "ssn":
        area = (draw(mac, 2, 100) + 900).cast(pl.String)
        group = (draw(mac, 3, 99) + 1).cast(pl.String).str.zfill(2)
        serial = (draw(mac, 1, 9999) + 1).cast(pl.String).str.zfill(4)
        return pl.concat_str([area, group, serial], separator="-")
    # digits / code: same length as the input, capped
    length = original.cast(pl.String).str.len_chars()
    if provider == "digits":
        pool = pl.concat_str([_digits(mac, 0, 15), _digits(mac, 1, 15)])
        return pool.str.slice(0, pl.min_horizontal(length, pl.lit(30)))
    return mac.str.to_uppercase().str.slice(0, pl.min_horizontal(length, pl.lit(64)))


def normalized(expr: pl.Expr) -> pl.Expr:
    """Case- and spacing-insensitive form, so 'Ann  LEE' and 'ann lee' agree."""
    return expr.cast(pl.String).str.strip_chars().str.replace_all(r"\s+", " ").str.to_lowercase()


def fake(rule: Fake, ctx: ActionContext) -> pl.Expr:
    key = ctx.require_secret("fake").derive(f"fake/{rule.provider}", rule.scope)
    mac = keyed_mac(normalized(ctx.col), key)
    return pl.when(ctx.col.is_null()).then(None).otherwise(
        _fake_from_mac(rule.provider, mac, normalized(ctx.col)))


def hmac_token(rule: Hmac, ctx: ActionContext) -> pl.Expr:
    key = ctx.require_secret("hmac").derive("hmac", rule.scope)
    return keyed_mac(ctx.col.cast(pl.String).str.strip_chars(), key).str.slice(0, rule.length)
