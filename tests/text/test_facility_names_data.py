"""The facility gazetteers as data: format of ``facility_names.txt`` (CMS hospitals) and
``facility_brands.txt``, and the conversion in ``tools/make_facility_names.py`` on a small CSV.

Why: the lead integrates these lists into the facility finder; a malformed line, a state that
is not a US code, a duplicate or a header that lost its source would pass silently into the
gazetteer. The conversion is checked on a fixture so the committed file stays reproducible.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "veil" / "data" / "text"
NAMES = DATA / "facility_names.txt"
BRANDS = DATA / "facility_brands.txt"
FIXTURE = Path(__file__).with_name("data") / "cms_hospitals_sample.csv"

# 50 states, DC and the territories CMS lists.
_CODES = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM "
    "NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR VI GU AS MP"
)
US_CODES = frozenset(_CODES.split(" "))


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_facility_names", ROOT / "tools" / "make_facility_names.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_facility_names", module)
    spec.loader.exec_module(module)
    return module


def _split(path: Path) -> tuple[list[str], list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [ln for ln in lines if ln.startswith("#")]
    body = [ln for ln in lines if ln and not ln.startswith("#")]
    return header, body


def test_names_header_names_its_source() -> None:
    header, body = _split(NAMES)
    text = "\n".join(header)
    assert "Hospital General Information" in text
    assert "public domain" in text
    assert re.search(r"commit [0-9a-f]{40}", text)
    assert re.search(r"\d{4}-\d{2}-\d{2}", text)
    counted = re.search(r"(\d+) unique lines", text)
    assert counted is not None and int(counted.group(1)) == len(body)


def test_names_lines_are_three_tab_separated_columns() -> None:
    _, body = _split(NAMES)
    assert len(body) >= 4000
    for line in body:
        name, city, state = line.split("\t")  # exactly three columns
        assert name == name.strip() and name and "  " not in name
        assert city == city.strip() and city
        assert state in US_CODES
        assert not name.isupper() or len(name) <= 5  # title-cased, not CMS capitals


def test_names_sorted_without_duplicates() -> None:
    _, body = _split(NAMES)
    assert body == sorted(set(body))


def test_names_regenerate_from_the_committed_header() -> None:
    """The header and body agree with what the tool renders for the same lines."""
    tool = _tool()
    header, body = _split(NAMES)
    rows = re.search(r"(\d+) rows read", "\n".join(header))
    assert rows is not None
    assert tool.render(body, int(rows.group(1))) == NAMES.read_text(encoding="utf-8")


def test_brands_have_no_case_insensitive_duplicates() -> None:
    _, body = _split(BRANDS)
    seen: dict[str, int] = {}
    for i, line in enumerate(body):
        key = " ".join(line.split()).casefold()
        assert key not in seen, f"brand line {i} repeats line {seen[key]}"
        seen[key] = i
    assert all(line == line.strip() for line in body)
    assert len(body) >= 800


def test_conversion_of_fixture_csv() -> None:
    tool = _tool()
    with FIXTURE.open(encoding="utf-8", newline="") as handle:
        lines, rows = tool.convert_rows(csv.reader(handle))
    assert rows == 13
    assert lines == [
        "Hospital Dr Cayetano Coll y Toste\tArecibo\tPR",
        "McLaren Bay Region\tBay City\tMI",
        "MedStar Georgetown University Hospital\tWashington\tDC",
        "O'Connor Hospital\tSan Jose\tCA",
        "Ronald Reagan U C L A Medical Center\tLos Angeles\tCA",
        "St Agnes Hospital\tFond du Lac\tWI",
        "St. Vincent's East\tBirmingham\tAL",
        "The Core Institute Specialty Hospital\tPhoenix\tAZ",
        "UCSF Medical Center\tSan Francisco\tCA",
        "UPMC Presbyterian Shadyside\tPittsburgh\tPA",
        "USA Health HCA Providence Hospital\tMobile\tAL",
        "Whitesburg ARH Hospital\tWhitesburg\tKY",
    ]


@pytest.mark.parametrize(("raw", "cased"), [
    ("ST LUKE'S MAGIC VALLEY RMC", "St Luke's Magic Valley RMC"),
    ("KING'S DAUGHTERS' HEALTH", "King's Daughters' Health"),
    ("MT SINAI HOSPITAL MEDICAL CENTER", "Mt Sinai Hospital Medical Center"),
    ("UNIVERSITY OF S A CHILDREN'S AND WOMEN'S HOS",
     "University of S A Children's and Women's Hos"),
    ("SSM HEALTH ST MARY'S HOSPITAL -CENTRALIA", "SSM Health St Mary's Hospital -Centralia"),
    ("LAC/OLIVE VIEW-UCLA MEDICAL CENTER", "LAC/Olive View-UCLA Medical Center"),
    ("CHI-ST VINCENT INFIRMARY", "CHI-St Vincent Infirmary"),
    ("G.V. (SONNY) MONTGOMERY VA MEDICAL CENTER", "G.V. (Sonny) Montgomery VA Medical Center"),
    ("MOUNTAIN VISTA MEDICAL CENTER  LP", "Mountain Vista Medical Center"),
    ("NORTH OAKS MEDICAL CENTER  L L C", "North Oaks Medical Center"),
    ("PEACEHEALTH ST JOSEPH MEDICAL CENTER", "PeaceHealth St Joseph Medical Center"),
])
def test_title_case_rules(raw: str, cased: str) -> None:
    assert _tool().title_case(raw) == cased


def test_missing_column_fails_closed_without_values() -> None:
    tool = _tool()
    reader = csv.reader(io.StringIO("Facility Name,Town,State\nSECRET HOSPITAL,X,AL\n"))
    with pytest.raises(ValueError, match="city") as err:
        tool.convert_rows(reader)
    assert "SECRET" not in str(err.value)


def test_bad_state_fails_closed_without_values() -> None:
    tool = _tool()
    reader = csv.reader(io.StringIO("Hospital Name,City,State\nSECRET HOSPITAL,X,Alabama\n"))
    with pytest.raises(ValueError, match="row 2") as err:
        tool.convert_rows(reader)
    assert "SECRET" not in str(err.value) and "Alabama" not in str(err.value)


def test_main_writes_the_file(tmp_path: Path) -> None:
    tool = _tool()
    out = tmp_path / "names.txt"
    assert tool.main([str(FIXTURE), "-o", str(out), "--date", "2000-01-01"]) == 0
    header, body = _split(out)
    assert "2000-01-01" in "\n".join(header)
    assert len(body) == 12
