"""Written forms of identifiers in clinical notes: dates, ages, phone numbers, SSNs.

Each function takes a value and a `random.Random` and returns one of the ways
people write that value in notes ("3rd of May 2021", "05/03/21", "ninety-three",
"617.555.0199"). The generator uses them so that a recognizer meets the forms
of real notes, not one canonical layout.
"""

from __future__ import annotations

import datetime as dt
import random
import re

from veil.synth import _note_pools as pools

_ORD = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def ordinal(day: int) -> str:
    """1 -> '1st', 12 -> '12th', 22 -> '22nd'."""
    return f"{day}{_ORD.get(day, 'th')}"


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def date_forms(d: dt.date) -> tuple[str, ...]:
    """Every written form of `d` the generator uses (full dates first, partial last)."""
    month = _MONTHS[d.month - 1]
    mon = month[:3]
    return (
        f"{d.month:02d}/{d.day:02d}/{d.year}",  # 0  05/03/2021
        f"{d.month}/{d.day}/{d.year}",  # 1  5/3/2021
        f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}",  # 2  05/03/21
        f"{d.month}/{d.day}/{d.year % 100:02d}",  # 3  5/3/21
        d.isoformat(),  # 4  2021-05-03
        f"{d.day:02d}-{mon}-{d.year}",  # 5  03-May-2021
        f"{month} {d.day}, {d.year}",  # 6  May 3, 2021
        f"{mon} {d.day}, {d.year}",  # 7  May 3, 2021 (abbreviated)
        f"{d.day} {month} {d.year}",  # 8  3 May 2021
        f"{ordinal(d.day)} of {month} {d.year}",  # 9  3rd of May 2021
        f"{month} {ordinal(d.day)}, {d.year}",  # 10 May 3rd, 2021
        f"{d.month:02d}.{d.day:02d}.{d.year}",  # 11 05.03.2021
        f"{d.year}{d.month:02d}{d.day:02d}",  # 12 20210503
        f"{d.day:02d}{mon.upper()}{d.year}",  # 13 03MAY2021
        f"{d.month}-{d.day}-{d.year}",  # 14 5-3-2021
        f"{mon}. {d.day}, {d.year}" if month != "May" else f"May {d.day}, {d.year}",  # 15
        f"{d.strftime('%A')}, {month} {d.day}, {d.year}",  # 16 Monday, May 3, 2021
        f"{month} {d.day}",  # 17 May 3  (no year)
        f"{d.month}/{d.day}",  # 18 5/3
        f"{month} {d.year}",  # 19 May 2021
        f"{mon} {ordinal(d.day)}",  # 20 May 3rd
        f"{d.year}/{d.month:02d}/{d.day:02d}",  # 21 2021/05/03
    )


FULL_FORMS = tuple(range(17))
NUMERIC_FORMS = (0, 1, 2, 3, 4, 11, 12, 14, 21)
PARTIAL_FORMS = (17, 18, 19, 20)


def write_date(d: dt.date, rng: random.Random, *, numeric: bool = False,
               partial: float = 0.0) -> str:
    """`d` in a random written form; `partial` is the chance of a form without year."""
    forms = date_forms(d)
    if rng.random() < partial:
        return forms[rng.choice(PARTIAL_FORMS)]
    return forms[rng.choice(NUMERIC_FORMS if numeric else FULL_FORMS)]


def number_words(n: int) -> str:
    """Ages in words, 0-119: 93 -> 'ninety-three', 101 -> 'one hundred and one'."""
    if n >= 100:
        rest = n - 100
        return "one hundred" + ("" if rest == 0 else f" and {number_words(rest)}")
    if n < 20:
        return pools.ORDINAL_WORDS[n] if n else "zero"
    tens, ones = divmod(n, 10)
    return pools.TENS_WORDS[tens] + ("" if ones == 0 else f"-{pools.ORDINAL_WORDS[ones]}")


def age_forms(age: int) -> tuple[tuple[str, str, str], ...]:
    """(before, age text, after) triples: the age text is the part that is PHI when
    the age is over 89 ('93' in '93-year-old', 'ninety-three' in 'ninety-three years old')."""
    words = number_words(age)
    return (
        ("", f"{age}", "-year-old"),
        ("", f"{age}", " year old"),
        ("", f"{age}", " y/o"),
        ("", f"{age}", "yo"),
        ("", f"{age}", " yo"),
        ("aged ", f"{age}", ""),
        ("age ", f"{age}", ""),
        ("", f"{age}", "M" if age % 2 else "F"),
        ("", words, "-year-old"),
        ("", words, " years old"),
        ("", words.capitalize(), " year old"),
        (f"in {'his' if age % 2 else 'her'} ", _decade(age), ""),
    )


ADJECTIVE_AGE_FORMS = (0, 1, 2, 4, 8, 9, 10)
"""Forms that read after "a" ("a 93-year-old", "a ninety-three years old")."""
BARE_AGE_FORMS = (3, 5, 6, 7)
"""Forms for headers and lists ("93yo", "aged 93", "93F")."""


def _decade(age: int) -> str:
    """'nineties' for 90-99, 'early hundreds' beyond: a date element under Safe Harbor
    only when over 89, so the generator uses it only then."""
    if age >= 100:
        return "hundreds"
    tens = pools.TENS_WORDS[max(age // 10, 2)]
    return tens[:-1] + "ies" if tens.endswith("y") else tens + "s"


_DIGITS = re.compile(r"[0-9]")


def phone_digits(text: str) -> str:
    """The ten digits of a NANP number written in any layout."""
    digits = "".join(_DIGITS.findall(text))
    return digits[-10:]


def write_phone(digits: str, rng: random.Random) -> str:
    """Ten digits in one of the layouts people write."""
    a, b, c = digits[:3], digits[3:6], digits[6:]
    forms = (f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"{a}{b}{c}",
             f"+1 {a} {b} {c}", f"{a} {b} {c}", f"1-{a}-{b}-{c}", f"({a}){b}-{c}",
             f"+1-{a}-{b}-{c}", f"{a}/{b}-{c}")
    return rng.choice(forms)


def write_ssn(ssn: str, rng: random.Random) -> str:
    """An SSN as 123-45-6789, 123 45 6789 or 123456789."""
    digits = "".join(_DIGITS.findall(ssn))
    return rng.choice((f"{digits[:3]}-{digits[3:5]}-{digits[5:]}",
                       f"{digits[:3]} {digits[3:5]} {digits[5:]}", digits))
