"""Identifier values as hospital systems write them: names from Faker, numbers drawn with
numpy and formatted the several ways real extracts mix (with and without separators,
prefixes, leading zeros), real town names rather than invented ones."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
from faker import Faker

Rng = np.random.Generator

# Real US towns (a scanner meets real places, not Faker's "East Jenniferfurt").
TOWNS: tuple[tuple[str, str], ...] = (
    ("Dayton", "OH"), ("Toledo", "OH"), ("Akron", "OH"), ("Youngstown", "OH"),
    ("Zanesville", "OH"), ("Chillicothe", "OH"), ("Fresno", "CA"), ("Bakersfield", "CA"),
    ("Modesto", "CA"), ("Redding", "CA"), ("Tulsa", "OK"), ("Muskogee", "OK"),
    ("Macon", "GA"), ("Valdosta", "GA"), ("Billings", "MT"), ("Bozeman", "MT"),
    ("Duluth", "MN"), ("Mankato", "MN"), ("Peoria", "IL"), ("Decatur", "IL"),
    ("Kankakee", "IL"), ("Albany", "NY"), ("Rochester", "NY"), ("Poughkeepsie", "NY"),
    ("Scranton", "PA"), ("Altoona", "PA"), ("Wilkes-Barre", "PA"), ("Lubbock", "TX"),
    ("Amarillo", "TX"), ("Waco", "TX"), ("Beaumont", "TX"), ("Odessa", "TX"),
    ("Shreveport", "LA"), ("Lafayette", "LA"), ("Spokane", "WA"), ("Yakima", "WA"),
    ("Boise", "ID"), ("Pocatello", "ID"), ("Sioux Falls", "SD"), ("Rapid City", "SD"),
    ("Fargo", "ND"), ("Bismarck", "ND"), ("Cheyenne", "WY"), ("Casper", "WY"),
    ("Flagstaff", "AZ"), ("Yuma", "AZ"), ("Las Cruces", "NM"), ("Roswell", "NM"),
    ("Pueblo", "CO"), ("Greeley", "CO"), ("Ogden", "UT"), ("Provo", "UT"),
    ("Reno", "NV"), ("Elko", "NV"), ("Eugene", "OR"), ("Medford", "OR"),
    ("Topeka", "KS"), ("Wichita", "KS"), ("Joplin", "MO"), ("Springfield", "MO"),
    ("Dubuque", "IA"), ("Waterloo", "IA"), ("Kenosha", "WI"), ("Oshkosh", "WI"),
    ("Kalamazoo", "MI"), ("Saginaw", "MI"), ("Muncie", "IN"), ("Terre Haute", "IN"),
    ("Bowling Green", "KY"), ("Paducah", "KY"), ("Chattanooga", "TN"), ("Jackson", "TN"),
    ("Tupelo", "MS"), ("Hattiesburg", "MS"), ("Dothan", "AL"), ("Tuscaloosa", "AL"),
    ("Gainesville", "FL"), ("Ocala", "FL"), ("Asheville", "NC"), ("Greenville", "SC"),
    ("Roanoke", "VA"), ("Lynchburg", "VA"), ("Morgantown", "WV"), ("Hagerstown", "MD"),
    ("Worcester", "MA"), ("Bangor", "ME"), ("Burlington", "VT"), ("Manchester", "NH"),
    ("Hartford", "CT"), ("Trenton", "NJ"), ("Dover", "DE"), ("Pawtucket", "RI"),
)
COUNTIES: tuple[str, ...] = (
    "Cuyahoga", "Montgomery", "Franklin", "Hamilton", "Maricopa", "Cook", "Harris",
    "Tarrant", "Bexar", "Wayne", "Allegheny", "Hennepin", "Sacramento", "Fulton",
    "Shelby", "Jefferson", "Marion", "Summit", "Lucas", "Stark", "Butler", "Lorain",
)
STREET_SUFFIXES = ("St", "Street", "Ave", "Avenue", "Rd", "Road", "Dr", "Blvd", "Ln", "Ct",
                   "Way", "Pl", "Pike", "Hwy")
EMAIL_DOMAINS = ("gmail.com", "yahoo.com", "outlook.com", "aol.com", "icloud.com",
                 "comcast.net", "hotmail.com", "sbcglobal.net", "att.net", "protonmail.com")


def pick(rng: Rng, options: Sequence[str], n: int, p: Sequence[float] | None = None
         ) -> list[str]:
    """n draws from `options` (with replacement)."""
    index = rng.choice(len(options), size=n, p=None if p is None else np.asarray(p))
    return [options[i] for i in index]


def digits(rng: Rng, n: int, width: int, low: int = 0) -> list[str]:
    """n distinct zero-padded numbers of `width` digits, each at least `low`."""
    high = 10**width
    values = rng.choice(high - low, size=n, replace=False) + low if high - low < 10**6 else (
        np.unique(rng.integers(low, high, size=n * 2))[:n])
    rng.shuffle(values)
    return [str(int(v)).zfill(width) for v in values[:n]]


def people(fake: Faker, n: int) -> list[tuple[str, str, str]]:
    """n distinct (first, middle initial, last) triples."""
    seen: set[tuple[str, str]] = set()
    out: list[tuple[str, str, str]] = []
    while len(out) < n:
        first, last = fake.first_name(), fake.last_name()
        if (first, last) in seen:
            continue
        seen.add((first, last))
        out.append((first, fake.random_uppercase_letter(), last))
    return out


def name_needles(first: str, last: str) -> set[str]:
    """How an auditor recognizes a full name in any order."""
    return {f"{first} {last}".lower(), f"{last}, {first}".lower(), f"{last} {first}".lower()}


def ssns(rng: Rng, n: int) -> list[str]:
    """n distinct valid-looking SSNs as 9 digits (area not 000/666/9xx, group and serial
    not zero)."""
    out: set[str] = set()
    while len(out) < n:
        area = rng.integers(1, 900, size=n)
        area = np.where(area == 666, 667, area)
        group = rng.integers(1, 100, size=n)
        serial = rng.integers(1, 10000, size=n)
        out.update(f"{a:03d}{g:02d}{s:04d}" for a, g, s in zip(area, group, serial, strict=True))
    return sorted(out)[:n]


def format_ssn(rng: Rng, nine: Sequence[str]) -> list[str]:
    """Mixed SSN spellings: 123-45-6789, 123456789, 123 45 6789, with stray spaces."""
    styles = rng.integers(0, 5, size=len(nine))
    out = []
    for d, s in zip(nine, styles, strict=True):
        out.append([f"{d[:3]}-{d[3:5]}-{d[5:]}", d, f"{d[:3]} {d[3:5]} {d[5:]}",
                    f" {d[:3]}-{d[3:5]}-{d[5:]} ", f"SSN {d[:3]}-{d[3:5]}-{d[5:]}"][s])
    return out


def luhn_digit(payload: str) -> str:
    """The Luhn check digit for `payload`."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    return str((10 - total % 10) % 10)


def npis(rng: Rng, n: int) -> list[str]:
    """n distinct valid NPIs (10 digits, Luhn over the 80840 prefix)."""
    drawn = np.unique(rng.integers(100_000_000, 300_000_000, size=n * 2))
    rng.shuffle(drawn)
    bodies = [str(int(v)) for v in drawn[:n]]
    return [b + luhn_digit("80840" + b) for b in bodies]


def phones(rng: Rng, n: int) -> list[str]:
    """n distinct NANP numbers as 10 digits (valid area codes and exchanges, no 555)."""
    area = rng.integers(201, 990, size=n * 2)
    exch = rng.integers(200, 1000, size=n * 2)
    line = rng.integers(0, 10000, size=n * 2)
    ok = (area % 100 != 11) & (exch % 100 != 11) & (exch != 555) & (area // 10 % 10 != 9)
    values = {f"{a}{e}{s:04d}" for a, e, s in zip(area[ok], exch[ok], line[ok], strict=True)}
    return sorted(values)[:n]


def format_phone(rng: Rng, ten: Sequence[str], prefix: str = "") -> list[str]:
    """Mixed telephone spellings."""
    styles = rng.integers(0, 7, size=len(ten))
    ext = rng.integers(10, 9999, size=len(ten))
    out = []
    for d, s, x in zip(ten, styles, ext, strict=True):
        a, e, li = d[:3], d[3:6], d[6:]
        out.append(prefix + [f"({a}) {e}-{li}", f"{a}-{e}-{li}", f"{a}.{e}.{li}",
                             f"+1 {a} {e} {li}", d, f"1-{a}-{e}-{li} x{x}",
                             f"{a}/{e}-{li}"][s])
    return out


def emails(rng: Rng, names: Sequence[tuple[str, str, str]]) -> list[str]:
    """One address per person, in the shapes people choose."""
    styles = rng.integers(0, 5, size=len(names))
    nums = rng.integers(1, 99, size=len(names))
    domains = pick(rng, EMAIL_DOMAINS, len(names))
    out = []
    for (first, mid, last), s, num, dom in zip(names, styles, nums, domains, strict=True):
        f, la = first.lower(), last.lower().replace(" ", "").replace("'", "")
        local = [f"{f}.{la}", f"{f[0]}{la}{num}", f"{la}.{f}{num}", f"{f}_{mid.lower()}_{la}",
                 f"{f}{la}{1940 + num}"][s]
        out.append(f"{local}@{dom}")
    return out


def vin_check(vin16: str) -> str:
    """A 17-character VIN with its check digit at position 9."""
    values = dict(zip("0123456789", range(10), strict=True))
    values |= dict(zip("ABCDEFGH", range(1, 9), strict=True))
    values |= dict(zip("JKLMN", range(1, 6), strict=True)) | {"P": 7, "R": 9}
    values |= dict(zip("STUVWXYZ", range(2, 10), strict=True))
    weights = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
    vin = vin16[:8] + "0" + vin16[8:]
    total = sum(values[c] * w for c, w in zip(vin, weights, strict=True))
    check = "X" if total % 11 == 10 else str(total % 11)
    return vin[:8] + check + vin[9:]


def vins(rng: Rng, n: int) -> list[str]:
    """n VINs with valid check digits."""
    alphabet = np.array(list("ABCDEFGHJKLMNPRSTUVWXYZ0123456789"))
    wmi = ("1G1", "1FT", "2HG", "3VW", "JTD", "5YJ", "1HG", "WBA", "KMH", "4T1")
    chars = rng.choice(alphabet, size=(n, 13))
    year = rng.choice(np.array(list("DEFGHJKLMNPR")), size=n)
    return [vin_check(w + "".join(c[:5]) + y + "".join(c[5:12]))
            for w, c, y in zip(pick(rng, wmi, n), chars, year, strict=True)]


def plates(rng: Rng, n: int) -> list[str]:
    """Licence plates in several state styles."""
    letters = np.array(list("ABCDEFGHJKLMNPRSTUVWXYZ"))
    ls = rng.choice(letters, size=(n, 3))
    ds = rng.integers(0, 10000, size=n)
    style = rng.integers(0, 4, size=n)
    out = []
    for lt, d, s in zip(ls, ds, style, strict=True):
        t = "".join(lt)
        out.append([f"{t}-{d:04d}", f"{d % 10}{t}{d:03d}"[:7], f"{t} {d:04d}",
                    f"{d:04d}{t}"][s])
    return out


def dea_numbers(rng: Rng, lasts: Sequence[str]) -> list[str]:
    """DEA registrations with valid check digits, second letter the registrant's initial."""
    out = []
    body = rng.integers(0, 1_000_000, size=len(lasts))
    first = pick(rng, ("A", "B", "F", "M"), len(lasts))
    for last, b, f in zip(lasts, body, first, strict=True):
        d = f"{b:06d}"
        check = (int(d[0]) + int(d[2]) + int(d[4]) + 2 * (int(d[1]) + int(d[3]) + int(d[5])))
        out.append(f"{f}{last[0].upper()}{d}{check % 10}")
    return out


def days(rng: Rng, n: int, start: dt.date, end: dt.date) -> np.ndarray:
    """n uniform days in [start, end] as numpy datetime64[D]."""
    lo = np.datetime64(start, "D").astype(np.int64)
    hi = np.datetime64(end, "D").astype(np.int64)
    return rng.integers(lo, hi + 1, size=n).astype("datetime64[D]")


def streets(fake: Faker, rng: Rng, n: int) -> list[str]:
    """n distinct street lines: '1234 Oak Ridge Dr'."""
    out: set[str] = set()
    while len(out) < n:
        number = int(rng.integers(10, 9999))
        suffix = STREET_SUFFIXES[int(rng.integers(0, len(STREET_SUFFIXES)))]
        out.add(f"{number} {fake.last_name()} {suffix}")
    return sorted(out)[:n]


def zips(rng: Rng, n: int) -> list[str]:
    """n distinct five-digit ZIP codes (none under 01000, like real ones)."""
    return digits(rng, n, 5, low=1001)
