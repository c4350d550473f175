"""Lookup tables of the generator, built once at import from `_vocab`.

Text pieces are precomposed with their separators ("(617) ", " Apt. 204",
"@gmail.com", "2a0c:"...) as Polars series: a column is then a few gathers
and one `concat_str`, Polars' fastest way to build strings from short pieces.
Tables that may stand for a missing value end with one null (`NULL` index).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import polars as pl

from veil.synth import _vocab as vocab
from veil.synth._chars import Chars, Ints, Words, cat, digits, hexa, lit, number, to_series
from veil.synth._formats import strip_leading_zeros
from veil.synth._random import Shares


def _ints(values: Sequence[int]) -> Ints:
    return np.asarray(values, dtype=np.int64)


def _texts(words: Sequence[str], *, nullable: bool = False) -> pl.Series:
    """A lookup series; with `nullable`, index len(words) gives null."""
    return pl.Series(list(words) + ([None] if nullable else []), dtype=pl.String)


def _made(chars: Chars, *, nullable: bool = False) -> pl.Series:
    """A lookup series from vectorized strings (fast for big numeric tables)."""
    series = to_series("", chars)
    return pl.concat([series, _texts([], nullable=True)]) if nullable else series


# --- people ---------------------------------------------------------------------------
FIRST_LISTS = (vocab.FIRST_NAMES_FEMALE, vocab.FIRST_NAMES_MALE, vocab.FIRST_NAMES_OTHER)
FIRST_ALL = [w for names in FIRST_LISTS for w in names]
FIRST_OFFSET = _ints(np.cumsum([0] + [len(n) for n in FIRST_LISTS[:-1]]).tolist())
FIRST_SHARES = [Shares(list(n.values())) for n in FIRST_LISTS]
N_FIRST = len(FIRST_ALL)
LAST_ALL = list(vocab.LAST_NAMES)
N_LAST = len(LAST_ALL)
LAST_SHARES = Shares(list(vocab.LAST_NAMES.values()))
NAMES = _texts(FIRST_ALL + LAST_ALL)  # first names, then last names
SEX_SHARES = Shares([0.515, 0.48, 0.005])
SEXES = _texts(["F", "M", "U"])
RACES = _texts(list(vocab.RACES))
RACE_SHARES = Shares(list(vocab.RACES.values()))
ETHNICITIES = _texts(list(vocab.ETHNICITIES))
ETHNICITY_SHARES = Shares(list(vocab.ETHNICITIES.values()))

# --- places ---------------------------------------------------------------------------
STATE_SHARES = Shares(list(vocab.STATE_POPULATION.values()))
STATES = _texts(vocab.STATES)
STATE_INDEX = {s: i for i, s in enumerate(vocab.STATES)}
ZIP_LO = _ints([vocab.STATE_ZIP_RANGE[s][0] for s in vocab.STATES])
ZIP_HI = _ints([vocab.STATE_ZIP_RANGE[s][1] for s in vocab.STATES])
RESTRICTED = _ints(sorted(int(z) for z in vocab.RESTRICTED_ZIP3_STATE))
RESTRICTED_STATE = _ints([STATE_INDEX[vocab.RESTRICTED_ZIP3_STATE[f"{z:03d}"]] for z in RESTRICTED])
IS_RESTRICTED = np.zeros(1000, dtype=np.bool_)
IS_RESTRICTED[RESTRICTED] = True
_K5 = np.arange(100_000)
_K4 = np.arange(10_000)
ZIP5 = _made(digits(_K5, 5))
ZIP_PLUS4 = _made(cat(lit("-", _K4.size), digits(_K4, 4)).when(_K4 > 0))  # 0: no +4
COUNTIES = _texts([f"{c} " for c in vocab.COUNTY_NAMES])
COUNTY_KIND = _texts(["County", "Parish", "Borough"])
COUNTY_KIND_OF_STATE = _ints([1 if s == "LA" else 2 if s == "AK" else 0 for s in vocab.STATES])
CITY_PREFIX = _texts([*(p + " " for p in vocab.CITY_PREFIXES), ""])  # last: none
CITY_SUFFIX = _texts([*vocab.CITY_SUFFIXES, ""])  # last: none
HOUSE = _made(cat(number(_K5, 5), lit(" ", _K5.size)))
STREET_WORDS = _texts([f"{w} " for w in vocab.FIRST_NAMES_OTHER] + [f"{w} " for w in LAST_ALL])
STREET_SUFFIXES = _texts(vocab.STREET_SUFFIXES)
UNITS = _texts(
    [""] + [f" Apt. {k}" for k in range(100, 1000)] + [f" Suite {k}" for k in range(100, 1000)]
)

# --- contact --------------------------------------------------------------------------
AREA_FLAT = _ints([a for s in vocab.STATES for a in vocab.AREA_CODES[s]])
AREA_COUNT = _ints([len(vocab.AREA_CODES[s]) for s in vocab.STATES])
AREA_OFFSET = _ints([0, *np.cumsum(AREA_COUNT)[:-1].tolist()])
EXCHANGES = _ints(  # central office codes: no N11, 555 or special services
    [e for e in range(200, 1000) if e % 100 != 11 and e not in (555, 950, 958, 959, 976)]
)
# Phone layouts: (617) 555-0123, 617-555-0123, 617.555.0123, +1 617 555 0123.
PHONE_STYLE_SHARES = Shares([0.45, 0.35, 0.1, 0.1])
_PHONE_AREA = ("(%03d) ", "%03d-", "%03d.", "+1 %03d ")
_PHONE_EXCHANGE = ("%03d-", "%03d-", "%03d.", "%03d ")
AREA_STYLED = _texts([f % a for f in _PHONE_AREA for a in range(1000)], nullable=True)
EXCHANGE_STYLED = _texts([f % e for f in _PHONE_EXCHANGE for e in range(1000)])
LINE = _made(digits(_K4, 4))
FIRST_LC = _texts([w.lower() for w in FIRST_ALL] + [w[0].lower() for w in FIRST_ALL])
LAST_LC = _texts([w.lower() for w in LAST_ALL])
EMAIL_STYLE_SHARES = Shares([0.5, 0.3, 0.2])  # first.last(n), flast(n), firstlast(yy)
EMAIL_SEP = _texts([".", ""])
EMAIL_TAIL = _texts([""] + [str(k) for k in range(100)] + [f"{k:02d}" for k in range(100)])
EMAIL_DOMAINS = _texts(["@" + d for d in vocab.EMAIL_DOMAINS], nullable=True)
EMAIL_DOMAIN_SHARES = Shares(list(vocab.EMAIL_DOMAINS.values()))
PORTALS = _texts([f"https://{h}/patient/" for h in vocab.PORTAL_HOSTS])

# --- numbers --------------------------------------------------------------------------
SSN_AREA = _texts([f"{a:03d}-" for a in range(1000)] + [f"{a:03d}" for a in range(1000)])
SSN_GROUP = _texts([f"{g:02d}-" for g in range(100)] + [f"{g:02d}" for g in range(100)])
TIME_OF_DAY = _texts([f"T{h:02d}:{mi:02d}:00" for h in range(24) for mi in range(60)])
STUDY_PREFIX = Words([f"SUBJ-{k:02d}-" for k in range(100)])
_HEX4 = hexa(np.arange(65_536, dtype=np.uint64), 4)
HEX4_LOWER = Words.of(_HEX4)
HEX4_UPPER = Words.of(hexa(np.arange(65_536, dtype=np.uint64), 4, upper=True))
HEXTET = _made(strip_leading_zeros(_HEX4))
HEXTET_COLON = _made(cat(strip_leading_zeros(_HEX4), lit(":", 65_536)))
OCTET = _texts([str(k) for k in range(256)])
OCTET_DOT = _texts([f"{k}." for k in range(256)])
PUBLIC_OCTETS = _ints(  # first octets outside private, loopback and test ranges
    [o for o in range(1, 224) if o not in (10, 100, 127, 169, 172, 192, 198, 203)]
)
IPV6_FIRST = _ints(  # global unicast blocks of the regional registries
    [*range(0x2400, 0x2410), *range(0x2600, 0x2610), *range(0x2A00, 0x2A10)]
)
VIN_WMI = Words(vocab.VIN_WMIS)
GS1_HEAD = Words([f"(01)0{p}" for p in vocab.GS1_COMPANY_PREFIXES])

# --- clinic ---------------------------------------------------------------------------
ICD_LIST = list(vocab.ICD10_CODES)
ICD = _texts(ICD_LIST, nullable=True)
ICD_MORE = _texts([";" + c for c in ICD_LIST] + [""])  # last: none
ICD_SHARES = Shares(list(vocab.ICD10_CODES.values()))
N_SECONDARY_SHARES = Shares([0.35, 0.30, 0.20, 0.15])

# The fixed words of the three note wordings, slot by slot (see patients._block).
NOTE_WORDS = [
    _texts(w)
    for w in (
        ("", "Pt ", "Spoke with "),
        (" ", ", ", " "),
        (" (MRN ", "; MRN ", " (MRN "),
        (") admitted ", "; DOB ", ") discharged "),
        (" for ", "; dx ", " re: "),
        (". Family can be reached at ", "; f/u call to ", ". Callback "),
    )
]
