"""Word lists the recognizers compare values against, loaded once and upper-cased.

Person names and street suffixes come from Faker's en_US providers (public
lists of common US names); US states are the USPS codes; the city gazetteer is
a small data file (`veil/data/scan/us_cities.txt`) of large US cities, which
only supports the header, never replaces it.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from faker.providers.address.en_US import Provider as _AddressProvider
from faker.providers.person.en_US import Provider as _PersonProvider

STATES: dict[str, str] = {
    "AL": "ALABAMA", "AK": "ALASKA", "AZ": "ARIZONA", "AR": "ARKANSAS",
    "CA": "CALIFORNIA", "CO": "COLORADO", "CT": "CONNECTICUT", "DE": "DELAWARE",
    "FL": "FLORIDA", "GA": "GEORGIA", "HI": "HAWAII", "ID": "IDAHO",
    "IL": "ILLINOIS", "IN": "INDIANA", "IA": "IOWA", "KS": "KANSAS",
    "KY": "KENTUCKY", "LA": "LOUISIANA", "ME": "MAINE", "MD": "MARYLAND",
    "MA": "MASSACHUSETTS", "MI": "MICHIGAN", "MN": "MINNESOTA", "MS": "MISSISSIPPI",
    "MO": "MISSOURI", "MT": "MONTANA", "NE": "NEBRASKA", "NV": "NEVADA",
    "NH": "NEW HAMPSHIRE", "NJ": "NEW JERSEY", "NM": "NEW MEXICO", "NY": "NEW YORK",
    "NC": "NORTH CAROLINA", "ND": "NORTH DAKOTA", "OH": "OHIO", "OK": "OKLAHOMA",
    "OR": "OREGON", "PA": "PENNSYLVANIA", "RI": "RHODE ISLAND", "SC": "SOUTH CAROLINA",
    "SD": "SOUTH DAKOTA", "TN": "TENNESSEE", "TX": "TEXAS", "UT": "UTAH",
    "VT": "VERMONT", "VA": "VIRGINIA", "WA": "WASHINGTON", "WV": "WEST VIRGINIA",
    "WI": "WISCONSIN", "WY": "WYOMING", "DC": "DISTRICT OF COLUMBIA",
    "PR": "PUERTO RICO", "GU": "GUAM", "VI": "VIRGIN ISLANDS", "AS": "AMERICAN SAMOA",
    "MP": "NORTHERN MARIANA ISLANDS", "AA": "ARMED FORCES AMERICAS",
    "AE": "ARMED FORCES EUROPE", "AP": "ARMED FORCES PACIFIC",
}

STATE_WORDS: frozenset[str] = frozenset(STATES) | frozenset(STATES.values())

SEX_WORDS: frozenset[str] = frozenset({
    "M", "F", "MALE", "FEMALE", "MAN", "WOMAN", "U", "UNK", "UNKNOWN", "O", "OTHER", "X",
    "NONBINARY", "NON-BINARY", "INTERSEX", "UNDIFFERENTIATED", "AMBIGUOUS", "W",
    "NOT REPORTED", "DECLINED", "UNSPECIFIED",
})
SEX_MARKERS: frozenset[str] = frozenset({"M", "F", "MALE", "FEMALE", "MAN", "WOMAN", "W"})

RACE_WORDS: frozenset[str] = frozenset({
    "WHITE", "BLACK", "BLACK OR AFRICAN AMERICAN", "AFRICAN AMERICAN", "ASIAN",
    "AMERICAN INDIAN OR ALASKA NATIVE", "AMERICAN INDIAN", "ALASKA NATIVE",
    "NATIVE AMERICAN", "NATIVE HAWAIIAN OR OTHER PACIFIC ISLANDER", "NATIVE HAWAIIAN",
    "PACIFIC ISLANDER", "CAUCASIAN", "MULTIRACIAL", "MULTIPLE", "TWO OR MORE RACES",
    "MIXED", "OTHER", "OTHER RACE", "SOME OTHER RACE", "UNKNOWN", "DECLINED",
    "NOT REPORTED", "PREFER NOT TO SAY", "HISPANIC", "MIDDLE EASTERN OR NORTH AFRICAN",
})
RACE_MARKERS: frozenset[str] = frozenset({
    "WHITE", "BLACK", "BLACK OR AFRICAN AMERICAN", "AFRICAN AMERICAN", "ASIAN",
    "AMERICAN INDIAN OR ALASKA NATIVE", "NATIVE HAWAIIAN OR OTHER PACIFIC ISLANDER",
    "CAUCASIAN", "PACIFIC ISLANDER", "TWO OR MORE RACES", "MULTIRACIAL",
})

ETHNICITY_WORDS: frozenset[str] = frozenset({
    "HISPANIC", "HISPANIC OR LATINO", "NOT HISPANIC OR LATINO", "NOT HISPANIC",
    "NON-HISPANIC", "NON HISPANIC", "LATINO", "LATINA", "LATINX", "HISPANIC/LATINO",
    "NOT HISPANIC/LATINO", "NON-HISPANIC/LATINO", "UNKNOWN", "DECLINED", "NOT REPORTED",
    "OTHER", "PREFER NOT TO SAY",
})
ETHNICITY_MARKERS: frozenset[str] = frozenset({
    "NOT HISPANIC OR LATINO", "NOT HISPANIC", "NON-HISPANIC", "NON HISPANIC",
    "NOT HISPANIC/LATINO", "NON-HISPANIC/LATINO",
})

STREET_ABBREVIATIONS: tuple[str, ...] = (
    "St", "Ave", "Av", "Rd", "Blvd", "Dr", "Ln", "Ct", "Pl", "Ter", "Terr", "Pkwy", "Hwy",
    "Cir", "Trl", "Sq", "Cres", "Crt", "Expy", "Fwy", "Hts", "Jct", "Mt", "Pt", "Rte",
    "Route", "Xing", "Bnd", "Cv", "Grv", "Lndg", "Mnr", "Pk", "Plz", "Pass", "Run", "Row",
)

CITY_PREFIXES: tuple[str, ...] = (*_AddressProvider.city_prefixes, "Fort", "Saint", "St.")
CITY_SUFFIXES: tuple[str, ...] = (
    *sorted(set(_AddressProvider.city_suffixes)),
    "field", "wood", "ford", "dale", "ridge", "springs", "falls", "ham", "polis",
)


@lru_cache(maxsize=1)
def person_names() -> frozenset[str]:
    """Upper-cased first and last names (Faker en_US)."""
    names = set(_PersonProvider.first_names) | set(_PersonProvider.last_names)
    names |= set(_PersonProvider.first_names_female) | set(_PersonProvider.first_names_male)
    return frozenset(n.upper() for n in names)


@lru_cache(maxsize=1)
def street_suffixes() -> tuple[str, ...]:
    """Street suffixes, long forms (Faker en_US) and common USPS abbreviations."""
    words = set(_AddressProvider.street_suffixes) | set(STREET_ABBREVIATIONS)
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def cities() -> frozenset[str]:
    """Upper-cased names of large US cities (gazetteer data file)."""
    text = resources.files("veil").joinpath("data/scan/us_cities.txt").read_text("utf-8")
    return frozenset(
        line.strip().upper() for line in text.splitlines() if line.strip() and line[0] != "#"
    )
