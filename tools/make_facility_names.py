"""Build ``src/veil/data/text/facility_names.txt`` from a CMS "Hospital General Information" CSV.

Why: facilities (places of care) are PHI under HIPAA Safe Harbor when a note names them, and
the CMS hospital list is the public, authoritative list of US hospital names. The dataset is a
work of the US government (public domain). Its names are in ALL CAPS with commas dropped; this
tool turns each row into ``Name<TAB>City<TAB>ST`` in natural title case, deduplicated and sorted,
under a header that names the source, so anyone with the CSV regenerates the committed file
byte for byte::

    python tools/make_facility_names.py Hospital_General_Information.csv \\
        -o src/veil/data/text/facility_names.txt

The casing rules are deterministic and documented on :func:`title_case`. The CSV is read by
column name (both the old ``Hospital Name``/``City`` and the newer ``Facility Name``/
``City/Town`` layouts), so any release of the dataset works. Errors name columns and row
numbers only, never a cell value.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

NAME_COLUMNS = ("Facility Name", "Hospital Name")
CITY_COLUMNS = ("City/Town", "City")
STATE_COLUMNS = ("State",)

# Source of the committed file (defaults of the header; override for another copy).
DEFAULT_DATASET = 'CMS "Hospital General Information" (Hospital Compare / Provider Data Catalog)'
DEFAULT_REPO = "kedark3/healthapp"
DEFAULT_PATH = "Hospital_General_Information.csv"
DEFAULT_COMMIT = "5535bc0182da2b37875e9540e1055c80292e6064"
DEFAULT_DATE = "2026-12-04"

# Words with vowels that are still written as initialisms (health systems, universities,
# state codes inside names). Vowel-less words of 2-4 letters are kept in capitals anyway.
ACRONYMS = frozenset({
    "ACMH", "AHMC", "AR",
    "DBA", "ARH", "CA", "CAH", "CHI", "DCH", "ETMC", "GA", "HCA", "HIMA", "HSHS",
    "IL", "IU", "LAC", "MI", "MO", "MUSC", "NEA", "NYU", "OCH", "OHSU", "OSF", "PIH", "SUNY",
    "UAB", "UAMS", "UC", "UCLA", "UCSF", "UF", "UH", "UHHS", "UMC", "UNC", "UNM", "UPMC", "UPR",
    "USA", "USC", "USMD", "USPHS", "UT", "UVA", "UW", "VA", "VHS", "WI",
})
# Vowel-less abbreviations that are ordinary words, not initialisms.
ABBREVIATIONS = frozenset({
    "BLVD", "CNTR", "CTR", "DR", "FT", "HLTH", "HLTHCR", "HSP", "JR", "MC", "MT", "MTN", "NBR",
    "PKWY", "PT", "RD", "SR", "ST", "STS", "SYSTM",
})
# Brands written in camel case.
CAMEL = {
    "ALLIANCEHEALTH": "AllianceHealth", "ANMED": "AnMed", "ATLANTICARE": "AtlantiCare",
    "CAREPOINT": "CarePoint", "CENTRACARE": "CentraCare", "DEKALB": "DeKalb", "DEPAUL": "DePaul",
    "DESOTO": "DeSoto", "DEWITT": "DeWitt", "FIRSTHEALTH": "FirstHealth",
    "FIRSTLIGHT": "FirstLight", "HEALTHALLIANCE": "HealthAlliance", "HEALTHEAST": "HealthEast",
    "HONORHEALTH": "HonorHealth", "LIFECARE": "LifeCare", "LIFEPOINT": "LifePoint",
    "MEDCENTRAL": "MedCentral", "MEDSTAR": "MedStar", "METROHEALTH": "MetroHealth",
    "MIDMICHIGAN": "MidMichigan", "MULTICARE": "MultiCare", "OHIOHEALTH": "OhioHealth",
    "ONECORE": "OneCore", "ORTHOCOLORADO": "OrthoColorado", "ORTHOINDY": "OrthoIndy",
    "PEACEHEALTH": "PeaceHealth", "PROMEDICA": "ProMedica", "SAGEWEST": "SageWest",
    "THEDACARE": "ThedaCare", "TRIHEALTH": "TriHealth", "TRISTAR": "TriStar", "UMASS": "UMass",
    "VALLEYCARE": "ValleyCare", "WAKEMED": "WakeMed", "WELLSPAN": "WellSpan",
    "WELLSTAR": "WellStar",
}
# Function words written in lower case inside a name (never as its first word).
LOWER = frozenset({
    "a", "an", "and", "at", "by", "de", "del", "du", "for", "in", "of", "on", "or", "the", "to",
})
# Corporate suffixes dropped at the end of a name: people do not write them.
SUFFIXES = (("L", "L", "C"), ("L", "P"), ("INC",), ("LLC",), ("LLP",), ("LP",))

_VOWELS = frozenset("AEIOU")
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")
_EDGE = re.compile(r"^([^A-Za-z0-9]*)(.*?)([^A-Za-z0-9]*)$")


def _case_piece(piece: str, *, name: bool = True) -> str:
    """Case one hyphen/slash-free piece of a word (already upper case)."""
    if not piece or not piece.isalpha():
        return piece.capitalize() if piece[:1].isalpha() else piece
    if piece in CAMEL:
        return CAMEL[piece]
    if name and piece in ACRONYMS:
        return piece
    if piece in ABBREVIATIONS:
        return piece.capitalize()
    if 2 <= len(piece) <= 4 and not (_VOWELS & set(piece)):
        return piece
    if piece.startswith("MC") and len(piece) >= 4:
        return "Mc" + piece[2:].capitalize()
    return piece.capitalize()


def _case_word(word: str, *, name: bool = True) -> str:
    """Case one space-separated word: keeps punctuation, hyphens, slashes and apostrophes."""
    lead, core, trail = _EDGE.match(word).groups()  # type: ignore[union-attr]
    if not core:
        return word
    if _INITIALS.match(core + trail) or _INITIALS.match(core + "."):
        return lead + core.upper() + trail
    if "'" in core:
        head, _, tail = core.partition("'")
        head_cased = _case_word(head, name=name) if head else ""
        if len(tail) >= 2 and len(head) == 1:
            tail_cased = _case_piece(tail.upper(), name=name)
        else:
            tail_cased = tail.lower()
        return lead + head_cased + "'" + tail_cased + trail
    out = re.split(r"([-/])", core.upper())
    return lead + "".join(p if p in "-/" else _case_piece(p, name=name) for p in out) + trail


def _strip_suffix(words: list[str]) -> list[str]:
    """Drop one trailing corporate suffix (INC, LLC, L L C...) and the comma before it."""
    bare = [w.rstrip(".").upper() for w in words]
    for suffix in SUFFIXES:
        n = len(suffix)
        if len(words) > n and tuple(bare[-n:]) == suffix:
            kept = words[:-n]
            return [*kept[:-1], kept[-1].rstrip(",")]
    return words


def title_case(text: str, *, name: bool = True) -> str:
    """Turn a CMS ALL-CAPS name (or city) into natural title case.

    Rules, in order: whitespace collapses; for names a trailing corporate suffix (Inc, LLC,
    L L C, LP, LLP) is dropped and a trailing ``THE`` (CMS writes "MEMORIAL HOSPITAL  THE")
    moves to the front; camel-case brands (MedStar, PeaceHealth...) and listed initialisms
    (CHI, UPMC, UCSF, HCA, ARH...) keep their form; other vowel-less words of 2-4 letters stay in
    capitals (SSM, LBJ, CJW) except abbreviations (St, Mt, Dr, Ctr); single letters are initials
    (``J Paul Jones``) except a Spanish ``y`` between words; ``Mc`` names get an inner capital;
    after an apostrophe ``'s`` stays lower and ``O'Connor`` capital; function words (of, and,
    the, de, du...) are lower case except first and except a single letter among initials
    (``U C L A``). Cities (``name=False``) skip the initialism list (Fond du Lac, not LAC).
    Input already in mixed case is treated the same.
    """
    words = text.split()
    if name:
        words = _strip_suffix(words)
        if len(words) > 1 and words[-1].upper() == "THE":
            words = ["THE", *words[:-1]]
    out: list[str] = []
    for i, word in enumerate(words):
        low = word.lower()
        prev = words[i - 1] if i > 0 else ""
        initial = len(word) == 1 and word.isalpha()
        if i > 0 and low in LOWER and not (initial and len(prev) == 1):
            out.append(low)
        elif initial:
            if low == "y" and len(prev) > 1 and i < len(words) - 1:
                out.append("y")
            else:
                out.append(word.upper())
        else:
            out.append(_case_word(word, name=name))
    return " ".join(out)


def _column(header: Sequence[str], names: Iterable[str], what: str) -> int:
    for name in names:
        if name in header:
            return header.index(name)
    raise ValueError(f"CSV has no {what} column (expected one of: {', '.join(names)})")


def convert_rows(rows: Iterable[Sequence[str]]) -> tuple[list[str], int]:
    """Return (sorted unique ``Name\\tCity\\tST`` lines, number of data rows read)."""
    it = iter(rows)
    try:
        header = [h.strip() for h in next(it)]
    except StopIteration:
        raise ValueError("CSV is empty") from None
    i_name = _column(header, NAME_COLUMNS, "facility name")
    i_city = _column(header, CITY_COLUMNS, "city")
    i_state = _column(header, STATE_COLUMNS, "state")
    lines: set[str] = set()
    count = 0
    for row_no, row in enumerate(it, start=2):
        if not any(cell.strip() for cell in row):
            continue
        count += 1
        try:
            raw_name, raw_city, raw_state = row[i_name], row[i_city], row[i_state]
        except IndexError:
            raise ValueError(f"row {row_no}: too few columns") from None
        state = raw_state.strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", state):
            raise ValueError(f"row {row_no}: state is not a 2-letter code")
        name = title_case(raw_name)
        city = title_case(raw_city, name=False)
        if not name or not city:
            raise ValueError(f"row {row_no}: empty facility name or city")
        if "\t" in name or "\t" in city:
            raise ValueError(f"row {row_no}: tab inside a field")
        lines.add(f"{name}\t{city}\t{state}")
    return sorted(lines), count


def render(lines: Sequence[str], rows_read: int, *, dataset: str = DEFAULT_DATASET,
           repo: str = DEFAULT_REPO, path: str = DEFAULT_PATH, commit: str = DEFAULT_COMMIT,
           date: str = DEFAULT_DATE) -> str:
    """The whole file: a '#' header naming the source, then one line per hospital."""
    header = [
        "# US hospital names (places of care), one per line: Name<TAB>City<TAB>ST.",
        f"# Source: {dataset}, published by the Centers for Medicare & Medicaid Services (CMS).",
        f"# Copy read: GitHub {repo}, path {path}, commit {commit}.",
        "# CMS data is a work of the US federal government and is in the public domain.",
        f"# {rows_read} rows read, {len(lines)} unique lines after title-casing; extracted {date}.",
        "# Regenerate: python tools/make_facility_names.py CSV"
        " -o src/veil/data/text/facility_names.txt",
    ]
    return "\n".join([*header, *lines]) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("csv", type=Path, help="CMS Hospital General Information CSV")
    parser.add_argument("-o", "--output", type=Path, help="output file (default: stdout)")
    parser.add_argument("--repo", default=DEFAULT_REPO)
    parser.add_argument("--path", default=DEFAULT_PATH)
    parser.add_argument("--commit", default=DEFAULT_COMMIT)
    parser.add_argument("--date", default=DEFAULT_DATE)
    args = parser.parse_args(argv)
    with args.csv.open(encoding="utf-8-sig", newline="") as handle:
        lines, count = convert_rows(csv.reader(handle))
    text = render(lines, count, repo=args.repo, path=args.path, commit=args.commit,
                  date=args.date)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
