"""Recognizers for geography: street address, city, county, ZIP, coordinates (B) and state.

Street addresses, ZIP codes, county names and coordinate pairs have shapes a
regex can test. City names do not: a list of US places of 5,000+ people
(GeoNames) and the shape of Faker's generated names ('North Jessicaville')
support a header but cover real data only partly. States are a
quasi-identifier that Safe Harbor lets stay.

Geography also hides inside other values: an address in a free-form location
field ('Clinic B, 12 Oak St, Dayton OH': a street number, capitalized words and
a street word; a PO box; a place followed by its state; a state and ZIP) is
`veil.scan.places.ADDRESS_IN_TEXT`; coordinates come as pairs in one value (decimal, degrees
with hemispheres, WKT points) or as separate latitude and longitude columns
(header and range). Facility names that contain a town are in `veil.scan.places`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from veil.categories import Kind
from veil.detect.vocab import (
    CITY_PREFIXES,
    CITY_SUFFIXES,
    STATE_WORDS,
    cities,
    street_suffixes,
    us_places,
)
from veil.scan.ids import HAS_DIGIT
from veil.scan.recognizer import Header, Rule, ValueCheck, gate_on, pattern_check, uses
from veil.scan.sample import ColumnSample, Prefilter

_ZIP_TEXT = r"^(00[5-9]|0[1-9]\d|[1-9]\d\d)\d{2}([\s\-]?\d{4})?$"
_ZIP_INT = r"^\d{4,5}$"


def _zip_gate(column: ColumnSample) -> tuple[Prefilter, ...]:
    if column.is_integer:
        return gate_on(_ZIP_INT)
    return gate_on(_ZIP_TEXT) if column.is_string else ()


@uses(_ZIP_TEXT, _ZIP_INT, gate=_zip_gate)
def _zip_check(column: ColumnSample) -> ValueCheck | None:
    """5-digit or ZIP+4 strings (leading zeros kept); 4-5 digit integers count less."""
    if column.is_integer:
        share = column.row_share(_ZIP_INT)
        return ValueCheck(share, column.nonnull, "are 4-5 digit integers (ZIPs without "
                          "leading zeros)", strength=0.75)
    if not column.is_string:
        return None
    share = column.row_share(_ZIP_TEXT)
    return ValueCheck(share, column.nonnull, "are 5-digit or ZIP+4 codes", strength=0.85)




@lru_cache(maxsize=8)
def _without_digits(words: frozenset[str]) -> bool:
    """True when no word has a digit (ASCII words only, so Unicode tables cannot differ)."""
    return all(w.isascii() and not any(c.isdigit() for c in w) for w in words)


def _no_digit_gate(column: ColumnSample, words: frozenset[str]) -> tuple[Prefilter, ...] | None:
    """Values with a digit are not in a digit-free word list (digits have no case)."""
    if not column.is_string:
        return ()
    return gate_on(exclude=(HAS_DIGIT,)) if _without_digits(words) else None


def _state_gate(column: ColumnSample) -> tuple[Prefilter, ...] | None:
    return _no_digit_gate(column, STATE_WORDS)


@uses(gate=_state_gate)
def _state_check(column: ColumnSample) -> ValueCheck | None:
    if not column.is_string:
        return None
    share = column.vocab_share("states", STATE_WORDS)
    return ValueCheck(share, column.nonnull, "are US state codes or names", strength=0.9)


_CITY_SHAPE = (
    rf"^(({'|'.join(re.escape(p) for p in CITY_PREFIXES)})\s+[A-Z][a-z]+"
    rf"|[A-Z][a-z]+({'|'.join(CITY_SUFFIXES)}))$"
)


_CITY_WORDS_ARE_LETTERS = all(re.fullmatch(r"[A-Za-z. ]+", w)
                              for w in (*CITY_PREFIXES, *CITY_SUFFIXES))
"""True when _CITY_SHAPE, anchored at both ends, can only match values without digits."""


@lru_cache(maxsize=1)
def _city_words() -> frozenset[str]:
    """US places (GeoNames, 5,000+ people) and the gazetteer, with and without periods."""
    return us_places() | frozenset(c.upper() for c in cities())


def _city_gate(column: ColumnSample) -> tuple[Prefilter, ...] | None:
    return _no_digit_gate(column, _city_words()) if _CITY_WORDS_ARE_LETTERS else None


@uses(_CITY_SHAPE, gate=_city_gate)
def _city_check(column: ColumnSample) -> ValueCheck | None:
    """Names of US places, or of the shape of generated city names."""
    if not column.is_string:
        return None
    share = column.share_of(column.in_vocab("places", _city_words())
                            | column.contains(_CITY_SHAPE))
    return ValueCheck(share, column.nonnull, "are known US city names or city-shaped names",
                      strength=0.8)


def _street_pattern() -> str:
    suffixes = "|".join(re.escape(s) for s in street_suffixes())
    number = r"^\s*\d+[A-Za-z]?(-\d+)?\s+"
    words = r"([A-Za-z0-9'.\-]+\s+){0,5}"
    street = rf"{number}{words}({suffixes})\b"
    po_box = (
        r"^\s*(P\.?\s?O\.?\s*Box|Post Office Box|PSC\s+\d+|Unit\s+\d+\s+Box"
        r"|USNS|USNV|USS|USCGC)\b"
    )
    return rf"(?i)({street}|{po_box})"


STREET_PATTERN = _street_pattern()

_COORDINATE_PAIR = (
    r"^\(?\s*[+\-]?\d{1,2}\.\d{2,}\s*(?:[,;/]\s*[+\-]?|\s+[+\-])\d{1,3}\.\d{2,}\s*\)?$"
)
"""'41.88,-87.63', '(41.8781; -87.6298)', '41.88 -87.63' (a space needs a signed longitude)."""
_COORDINATE_HEMISPHERES = (
    r"^\d{1,2}(?:\.\d+)?\s*°?\s*(?:\d{1,2}\s*['′]\s*(?:\d{1,2}(?:\.\d+)?\s*[\"″]\s*)?)?[NSns]"
    r"\s*[,;/]?\s*\d{1,3}(?:\.\d+)?\s*°?\s*(?:\d{1,2}\s*['′]\s*(?:\d{1,2}(?:\.\d+)?\s*[\"″]\s*)?)?"
    r"[EWew]$"
)
"""'41.8781° N, 87.6298° W', '41°52'43"N 87°37'47"W', '41.88N 87.63W'."""
_COORDINATE_WKT = r"^(?i:POINT)\s*\(\s*[+\-]?\d{1,3}\.\d{2,}\s+[+\-]?\d{1,2}\.\d{2,}\s*\)$"
COORDINATE_PAIR = f"(?:{_COORDINATE_PAIR})|(?:{_COORDINATE_HEMISPHERES})|(?:{_COORDINATE_WKT})"
"""A latitude, longitude pair in one value, in any of the forms above (one regex)."""
_COORDINATE_TEXT = r"^[+\-]?\d{1,3}\.\d{3,}\s*°?\s*[NSEWnsew]?$"
"""One latitude or longitude as text, with at least three decimals ('41.8781', '87.6298 W')."""
_LATITUDE_HEADER = Header(strong=("lat", "latitude", "geo lat", "gps lat", "y coord",
                                  "ycoord", "northing"))


@uses(_COORDINATE_TEXT)
def _coordinate_check(column: ColumnSample) -> ValueCheck | None:
    """Numbers in the range of a latitude (-90..90) or a longitude (-180..180) by the header."""
    latitude = _LATITUDE_HEADER.score(column.header) > 0
    low, high = (-90, 90) if latitude else (-180, 180)
    if column.is_numeric:
        share = column.numeric_share(low, high)
        return ValueCheck(share, column.nonnull, f"are numbers in {low}..{high}", strength=0.6)
    if column.is_string:
        share = column.row_share(_COORDINATE_TEXT)
        # a specific shape (three or more decimals) under a latitude/longitude header
        return ValueCheck(share, column.nonnull, "are decimal degrees as text", strength=0.9)
    return None


STREET_ADDRESS = Rule(
    name="street_address",
    kind=Kind.STREET_ADDRESS,
    header=Header(strong=("address", "addr", "street", "street address", "address line",
                          "address 1", "address 2", "home address", "mailing address",
                          "residence", "residential address", "line 1", "line 2", "streetaddress",
                          "address1", "address2", "full address"),
                  exclude=("email", "ip", "mac", "web")),
    value_check=pattern_check(STREET_PATTERN, detail="are street addresses (number, words, "
                              "street suffix) or PO boxes", strength=0.95),
)

CITY = Rule(
    name="city",
    kind=Kind.CITY,
    header=Header(strong=("city", "town", "municipality", "locality", "village", "city name",
                          "birthplace", "place of birth", "hometown", "township", "ort",
                          "wohnort", "stadt", "gemeinde", "ville", "commune", "ciudad",
                          "localidad", "cidade", "citta", "comune")),
    value_check=_city_check,
    min_share=0.6,
)

COUNTY = Rule(
    name="county",
    kind=Kind.COUNTY,
    header=Header(strong=("county", "parish", "borough", "county name", "fips", "county fips",
                          "precinct", "census tract", "tract", "block group")),
    value_check=pattern_check(r"(?i)\s(county|parish|borough|census area|municipio)$",
                              detail="end in County, Parish or Borough", strength=0.95),
)

ZIP = Rule(
    name="zip",
    kind=Kind.ZIP,
    header=Header(strong=("zip", "zipcode", "zip code", "postal", "postal code", "postcode",
                          "zip5", "zip 5", "zip4", "zip plus4", "zcta", "post code")),
    value_check=_zip_check,
)

GEO_PAIR = Rule(
    name="geo_pair",
    kind=Kind.GEO_COORDINATE,
    header=Header(strong=("coordinates", "coords", "latlon", "lat lon", "lat lng", "latlng",
                          "lat long", "geo", "geolocation", "location", "gps", "geopoint",
                          "geo point", "point", "position", "geom", "geometry")),
    value_check=pattern_check(COORDINATE_PAIR, detail="are latitude, longitude pairs",
                              strength=0.95),
)

GEO_NUMBER = Rule(
    name="geo_number",
    kind=Kind.GEO_COORDINATE,
    header=Header(strong=("lat", "latitude", "lon", "lng", "long", "longitude", "easting",
                          "northing", "geo lat", "geo lon", "gps lat", "gps lon", "x coord",
                          "y coord", "xcoord", "ycoord"),
                  exclude=("term", "stay", "acting", "standing", "long term")),
    value_check=_coordinate_check,
    needs_header=True,
)

STATE = Rule(
    name="state",
    kind=Kind.STATE,
    header=Header(strong=("state", "state code", "province", "state name",
                          "state of residence"),
                  exclude=("license", "licence", "status", "statement", "marital")),
    value_check=_state_check,
)

RECOGNIZERS = (STREET_ADDRESS, COUNTY, ZIP, GEO_PAIR, GEO_NUMBER, STATE, CITY)
