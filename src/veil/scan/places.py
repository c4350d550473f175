"""Facility names and places inside values: 'Springfield General Hospital', 'Cook County
Clinic', "St. Mary's of Boise", 'Clinic B, 12 Oak St, Dayton OH'.

A facility, practice or site name identifies where care happened, and often the
town it happened in. Two rules read such columns:

- `FACILITY_PLACE` (CITY, category B): facility or site names of which a
  noticeable share (`PLACE_SHARE`) names a US place of 5,000+ people
  (GeoNames list, `veil.detect.vocab.us_places`) or a county, parish or borough.
  One named place in a column of names is enough to make the column geography:
  the names repeat across rows, and Safe Harbor removes geographic subdivisions
  smaller than a state.
- `FACILITY` (OTHER_ID, category R, "any other unique identifying
  characteristic"): facility or practice names without a place. The decision:
  a facility name is not a person's name (A), but it names one organization and
  narrows who the patient is; Safe Harbor removes it either way, and R keeps the
  report honest about why.

A facility name is a facility word (hospital, clinic, medical center, health,
care center, practice...) plus a proper word that is not generic ('Cardiology
Clinic', 'Emergency Department', 'General Hospital' are categories, 'Mercy
Hospital' is a name), or a saint's name with a possessive, a facility word or
'of' ("St. Mary's of Boise"). Under a site-like header ('site', 'facility',
'location', 'campus'...) every value counts as a site name.

`place_table` gives the per-value flags, as Polars expressions over the values:
words are looked up by binary search (`veil.detect.vocab.word_class`) as one to
four word n-grams, so a place inside a longer value is found without a regex of
thousands of alternatives.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from veil.categories import Kind
from veil.detect.vocab import STATES, WordClass, has_class, word_class
from veil.scan.names import plain_text
from veil.scan.recognizer import Header, Rule, ValueCheck, uses
from veil.scan.sample import ColumnSample, Prefilter

FACILITY_WORDS = (
    r"(?:^|[^A-Za-z])(?i:hospitals?|clinics?|infirmary|hospice|sanatorium|medical|medicine|"
    r"health|healthcare|care cent(?:er|re)|practice|physicians|associates|surgery cent(?:er|re)|"
    r"surgical cent(?:er|re)|urgent care|nursing home|nursing cent(?:er|re)|"
    r"rehab(?:ilitation)? cent(?:er|re)|dialysis|med ctr|health ctr|pediatrics|family medicine)"
    r"(?:$|[^A-Za-z])"
)
"""A facility word anywhere in the value (case ignored)."""
_SAINT = r"(?:^|[\s,(])(?:St\.?|Saint|ST\.?|SAINT|Ste\.?)\s+[A-Z][A-Za-z]+(?:'s|’s|'S|S'|s)?\b"
_SAINT_SITE = r"(?:'s|’s|'S)\b|\s(?:of|OF)\s"
FACILITY_OR_SAINT = rf"{FACILITY_WORDS}|{_SAINT}"
"""Prefilter of facility names: a facility word or a saint's name."""
_COUNTY = (
    r"(?:^|[\s,(])[A-Z][A-Za-z.'\-]+(?:\s+[A-Z][A-Za-z.'\-]+)?\s+"
    r"(?:County|COUNTY|Parish|PARISH|Borough|BOROUGH)(?:$|[^A-Za-z])"
)
_STATE_CODES = "|".join(sorted(STATES))
_STATE_NAMES = "|".join(sorted(STATES.values()))
STATE_IN_TEXT = rf"(?:^|[^A-Za-z])(?:{_STATE_CODES}|(?i:{_STATE_NAMES}))(?:$|[^A-Za-z])"
"""A state code (upper case) or name (any case) as a word inside a value."""

_STREET_WORDS_STRICT = (
    "street", "avenue", "ave", "av", "road", "rd", "boulevard", "blvd", "lane", "ln",
    "parkway", "pkwy", "highway", "hwy", "terrace", "expressway", "expy", "freeway", "fwy",
    "turnpike", "tpke", "pike", "alley", "aly",
)
"""Street words that rarely mean anything else after a number and a name."""
_STREET_WORDS_LOOSE = (
    "st", "dr", "drive", "ct", "court", "pl", "place", "way", "cir", "circle", "trl", "trail",
    "sq", "square", "plz", "plaza", "ter", "rte", "route",
)
"""Street words that need a clear end (comma, end of value, unit, state or ZIP): 'Dr Smith'."""
_NUMBER_AND_NAME = (
    r"(?:^|[\s,;:(])\d{1,6}[A-Za-z]?(?:-\d{1,5})?\s+(?:[NSEWnsew]\.?\s+)?"
    r"(?:[A-Z0-9][A-Za-z0-9'.\-]*\s+){1,4}"
)
STREET_IN_TEXT = (
    rf"{_NUMBER_AND_NAME}(?i:{'|'.join(_STREET_WORDS_STRICT)})\.?(?:$|[^A-Za-z])"
    rf"|{_NUMBER_AND_NAME}(?i:{'|'.join(_STREET_WORDS_LOOSE)})\.?\s*"
    rf"(?:$|[,;)#/]|\s+(?i:apt|suite|ste|unit|fl|floor|bldg|rm)(?:$|[^A-Za-z])"
    rf"|\s+(?:{_STATE_CODES})(?:$|[^A-Za-z])|\s+\d{{5}})"
)
"""A street address anywhere in a value: number, one to four capitalized words, street word."""
PO_BOX_IN_TEXT = r"(?:^|[\s,;:(])(?i:p\.?\s?o\.?\s*box|post office box)\s*#?\s*\d+"
STATE_ZIP_IN_TEXT = rf"(?:^|[\s,])(?:{_STATE_CODES})\s+\d{{5}}(?:-\d{{4}})?(?:$|[\s,;)])"
ADDRESS_HINTS = (STREET_IN_TEXT, PO_BOX_IN_TEXT, STATE_ZIP_IN_TEXT, STATE_IN_TEXT)
"""Prefilters of values that may hold an address (a place with a state needs a state word)."""
ADDRESS_HINT = "|".join(f"(?:{h})" for h in ADDRESS_HINTS)
"""The address prefilters as one regex (each alternative keeps its own flags)."""
_TWO_WORDS = r"\S\s+\S"

_WORD = r"[A-Za-z][A-Za-z']*"
_MAX_WORDS = 10
_MAX_NGRAM = 4
_SAMPLE = 1_000
"""How many candidate distinct values the place analysis reads per column (seeded sample)."""
PLACE_SHARE = 0.1
"""Share of a column's rows naming a place from which its facility names are geography."""
MIN_SHARE = 0.5

GENERIC_ORG_WORDS: frozenset[str] = frozenset({
    "HOSPITAL", "HOSPITALS", "CLINIC", "CLINICS", "INFIRMARY", "HOSPICE", "SANATORIUM",
    "MEDICAL", "MEDICINE", "MED", "CTR", "CENTER", "CENTRE", "CENTERS", "HEALTH", "HEALTHCARE",
    "CARE", "SYSTEM", "SYSTEMS", "SERVICES", "SERVICE", "GROUP", "ASSOCIATES", "PHYSICIANS",
    "PRACTICE", "PARTNERS", "SURGERY", "SURGICAL", "URGENT", "NURSING", "HOME", "HOMES",
    "REHABILITATION", "REHAB", "FAMILY", "PEDIATRICS", "PEDIATRIC", "INTERNAL", "GENERAL",
    "COMMUNITY", "REGIONAL", "MEMORIAL", "UNIVERSITY", "CHILDRENS", "CHILDREN", "WOMENS",
    "WOMEN", "MENS", "VETERANS", "VA", "DIALYSIS", "OUTPATIENT", "INPATIENT", "AMBULATORY",
    "PRIMARY", "SPECIALTY", "SPECIALTIES", "PLAZA", "CAMPUS", "MAIN", "NORTH", "SOUTH",
    "EAST", "WEST", "CENTRAL", "UPPER", "LOWER", "NORTHEAST", "NORTHWEST", "SOUTHEAST",
    "SOUTHWEST", "INSTITUTE", "FOUNDATION", "NETWORK", "DEPARTMENT", "DEPT", "UNIT", "WARD",
    "WING", "FLOOR", "BUILDING", "TOWER", "PAVILION", "OFFICE", "OFFICES", "SITE", "LOCATION",
    "BRANCH", "ANNEX", "SATELLITE", "THE", "OF", "AND", "FOR", "AT", "IN", "ON", "EMERGENCY",
    "INTENSIVE", "BEHAVIORAL", "MENTAL", "PSYCHIATRIC", "DENTAL", "EYE", "VISION", "HEART",
    "CANCER", "KIDNEY", "VASCULAR", "SPINE", "ORTHOPEDIC", "ORTHOPAEDIC", "SPORTS",
    "MATERNITY", "BIRTH", "BIRTHING", "SLEEP", "PAIN", "WOUND", "INFUSION", "IMAGING",
    "RADIOLOGY", "LAB", "LABORATORY", "DIAGNOSTIC", "DIAGNOSTICS", "TELEHEALTH", "VIRTUAL",
    "WALK", "EXPRESS", "CITY", "LONG", "TERM", "SKILLED", "ACUTE", "SUBACUTE", "TRANSITIONAL",
    "ASSISTED", "LIVING", "SENIOR", "ADULT", "DAY", "PROGRAM", "CLINICAL", "TEACHING",
    "ACADEMIC", "RESEARCH", "PUBLIC", "PRIVATE", "STATE", "FEDERAL", "NATIONAL", "TRIBAL",
    "FREE", "CARDIOLOGY", "ONCOLOGY", "NEUROLOGY", "DERMATOLOGY", "UROLOGY", "OBSTETRICS",
    "GYNECOLOGY", "OBGYN", "OB", "GYN", "PSYCHIATRY", "GERIATRICS", "GERIATRIC", "NEPHROLOGY",
    "PULMONARY", "PULMONOLOGY", "GASTROENTEROLOGY", "ENDOCRINOLOGY", "HEMATOLOGY",
    "RHEUMATOLOGY", "OPHTHALMOLOGY", "ENT", "ICU", "NICU", "PICU", "ER", "ED", "OR", "MEDICARE",
    "MEDICAID", "AETNA", "CIGNA", "HUMANA", "ANTHEM", "TRICARE", "BLUE", "CROSS", "SHIELD",
    "UNITED", "UNITEDHEALTHCARE", "MOLINA", "CENTENE", "WELLCARE", "AMERIGROUP", "KAISER",
    "INSURANCE", "PLAN", "PLANS", "REFERRAL", "TRANSFER", "FROM", "TO", "A", "AN", "OTHER",
    "UNKNOWN", "NONE", "INC", "LLC", "PC", "PA", "PLLC", "LLP", "LTD", "CORP", "CO", "MD",
    "DO", "PHD", "RN", "NP",
})
"""Words that make no facility name on their own ('General Hospital', 'Cardiology Clinic')."""
_GENERIC_SERIES = pl.Series(sorted(GENERIC_ORG_WORDS), dtype=pl.String)

SITE_HEADER = Header(
    strong=("facility", "facility name", "hospital", "hospital name", "clinic", "clinic name",
            "site", "site name", "practice", "practice name", "location", "location name",
            "campus", "medical center", "provider organization", "organization",
            "service location", "place of service", "treating facility", "admitting facility",
            "health system", "care site", "office", "branch"),
    exclude=("id", "code", "type", "category", "class", "kind", "number", "npi", "zip",
             "state", "phone", "fax", "count"),
)
"""Headers under which every value is a site name (so a place in it is geography)."""


_STATE_CODE_SERIES = pl.Series(sorted(STATES), dtype=pl.String)
_STATE_NAME_SERIES = pl.Series(sorted(n for n in STATES.values() if " " not in n),
                               dtype=pl.String)


def place_table(values: pl.Series) -> pl.DataFrame:
    """Per value, in order: `facility`, `saint`, `proper`, `place`, `county`, `place_state`.

    `facility`: a facility word; `saint`: a saint's name read as a site ("St.
    Mary's", 'Saint Luke of ...'); `proper`: a capitalized word that is not
    generic, a state or a place; `place`: one to four capitalized words that
    are a US place; `county`: '<Name> County|Parish|Borough' inside the value;
    `place_state`: a place followed by a state code or name ('Dayton OH');
    `address`: a street address, PO box or state and ZIP among other words.
    """
    text = pl.col("v").str.strip_chars()
    frame = pl.LazyFrame({"v": values.cast(pl.String)}).with_row_index("i").select(
        "i",
        facility=text.str.contains(FACILITY_WORDS).fill_null(False),
        saint=(text.str.contains(_SAINT) & text.str.contains(_SAINT_SITE)).fill_null(False),
        county=text.str.contains(_COUNTY).fill_null(False),
        address=(text.str.contains(STREET_IN_TEXT) | text.str.contains(PO_BOX_IN_TEXT)
                 | text.str.contains(STATE_ZIP_IN_TEXT)).fill_null(False),
        short=(text.str.count_matches(r"\S+") <= _MAX_WORDS).fill_null(False),
        plain=plain_text(text),
    )
    words = (
        frame.select("i", w=pl.col("plain").str.extract_all(_WORD))
        .explode("w").drop_nulls("w")
        .with_columns(key=pl.col("w").str.to_uppercase().str.replace_all("'", ""),
                      cap=pl.col("w").str.contains(r"^[A-Z]"))
    )
    # n-grams of up to four capitalized words, from the rows that follow in the same value
    same = [pl.col("i").shift(-k) == pl.col("i") for k in range(1, _MAX_NGRAM + 1)]
    grams = [pl.col("key")]
    caps = [pl.col("cap")]
    for k in range(1, _MAX_NGRAM):
        grams.append(grams[-1] + " " + pl.col("key").shift(-k))
        caps.append(caps[-1] & pl.col("cap").shift(-k) & same[k - 1])
    state_words = _STATE_CODE_SERIES.implode()
    is_state = (pl.col("w").is_in(state_words)
                | (pl.col("cap") & pl.col("key").is_in(_STATE_NAME_SERIES.implode())))
    place_at = [has_class(word_class(g, only=WordClass.PLACE), WordClass.PLACE) & c
                for g, c in zip(grams, caps, strict=True)]
    state_after = [(is_state.shift(-k) & same[k - 1]).fill_null(False)
                   for k in range(1, _MAX_NGRAM + 1)]
    bits = word_class(pl.col("key"), only=WordClass.NOT_NAME)
    words = words.with_columns(
        place=pl.any_horizontal([p.fill_null(False) for p in place_at]),
        place_state=pl.any_horizontal([(p & s).fill_null(False)
                                       for p, s in zip(place_at, state_after, strict=True)]),
        proper=pl.col("cap") & (pl.col("key").str.len_chars() > 1)
        & ~pl.col("key").is_in(_GENERIC_SERIES.implode())
        & ~pl.col("key").is_in(state_words) & ~has_class(bits, WordClass.NOT_NAME),
    )
    per_value = words.group_by("i").agg(
        pl.col("place").any(), pl.col("place_state").any(), pl.col("proper").any())
    joined = frame.join(per_value, on="i", how="left").sort("i")
    return joined.select(
        facility=pl.col("facility") & pl.col("short"),
        saint=pl.col("saint") & pl.col("short"),
        proper=pl.col("proper").fill_null(False),
        place=pl.col("place").fill_null(False),
        county=pl.col("county"),
        place_state=pl.col("place_state").fill_null(False),
        address=pl.col("address"),
    ).collect()


def _site_header(column: ColumnSample) -> bool:
    return SITE_HEADER.score(column.header) > 0


@dataclass(frozen=True)
class ColumnPlaces:
    """`place_table` of a column's candidate distinct values, with row counts ('n').

    Candidates are the distinct values that match a prefilter (a facility word, a
    saint, a county, an address hint), or all of them under a site header; beyond
    `_SAMPLE` of them a seeded sample is read and `scale` turns its row counts
    into estimates for all candidates.
    """

    table: pl.DataFrame
    scale: float
    nonnull: int

    def share(self, predicate: pl.Expr) -> float:
        """Estimated share of the column's non-null rows whose value satisfies `predicate`."""
        if self.nonnull == 0 or self.table.height == 0:
            return 0.0
        rows = self.table.get_column("n").filter(self.table.select(predicate).to_series()).sum()
        return min(1.0, float(rows) * self.scale / self.nonnull)


def column_places(column: ColumnSample) -> ColumnPlaces:
    """The place analysis of a column's candidate values (memoized per column)."""
    def compute() -> ColumnPlaces:
        counts = column.counts
        if not _site_header(column):
            mask = (column.contains(FACILITY_OR_SAINT) | column.contains(_COUNTY)
                    | (column.contains(ADDRESS_HINT) & column.contains(_TWO_WORDS)))
            counts = pl.DataFrame([c.filter(mask) for c in counts.get_columns()])
        if counts.height == 0:
            return ColumnPlaces(pl.DataFrame(), 1.0, column.nonnull)
        scale = 1.0
        if counts.height > _SAMPLE:
            total = float(counts.get_column("n").sum())
            counts = counts.sample(n=_SAMPLE, seed=0)
            scale = total / float(counts.get_column("n").sum())
        table = place_table(counts.get_column("v")).with_columns(n=counts.get_column("n"))
        return ColumnPlaces(table, scale, column.nonnull)

    return column.memo("places:table", compute)


def _site_shares(column: ColumnSample) -> tuple[float, float]:
    """(share of rows that are site names, share of rows that are site names with a place)."""
    places = column_places(column)
    site = (pl.lit(_site_header(column)) | (pl.col("facility") & pl.col("proper"))
            | pl.col("saint") | (pl.col("facility") & (pl.col("place") | pl.col("county"))))
    return places.share(site), places.share(site & (pl.col("place") | pl.col("county")))


def _facility_place_gate(column: ColumnSample) -> tuple[Prefilter, ...] | None:
    if not column.is_string:
        return ()
    return None if _site_header(column) else (Prefilter((FACILITY_OR_SAINT,)),)


@uses(FACILITY_OR_SAINT, gate=_facility_place_gate)
def _facility_place_check(column: ColumnSample) -> ValueCheck | None:
    """Facility or site names, when a noticeable share of them names a US place or county."""
    if not column.is_string:
        return None
    site, named = _site_shares(column)
    if named < PLACE_SHARE:
        return ValueCheck(named, column.nonnull, "are facility or site names with a US city or "
                          "county in them", strength=0.95)
    return ValueCheck(site, column.nonnull, f"are facility or site names, {named:.0%} of rows "
                      "naming a US city or county (geography inside the value)", strength=0.95)


def _facility_gate(column: ColumnSample) -> tuple[Prefilter, ...]:
    return (Prefilter((FACILITY_OR_SAINT,)),) if column.is_string else ()


@uses(FACILITY_OR_SAINT, gate=_facility_gate)
def _facility_check(column: ColumnSample) -> ValueCheck | None:
    """Facility or practice names: a facility word and a proper name, or a saint's name."""
    if not column.is_string:
        return None
    share = column_places(column).share((pl.col("facility") & pl.col("proper")) | pl.col("saint"))
    return ValueCheck(share, column.nonnull, "are facility or practice names (a facility word "
                      "and a proper name)", strength=0.9)


def _address_gate(column: ColumnSample) -> tuple[Prefilter, ...]:
    return (Prefilter((ADDRESS_HINT,)),) if column.is_string else ()


@uses(ADDRESS_HINT, gate=_address_gate)
def _address_in_text_check(column: ColumnSample) -> ValueCheck | None:
    """Values holding an address among other words ('Clinic B, 12 Oak St, Dayton OH')."""
    if not column.is_string:
        return None
    share = column_places(column).share(pl.col("address") | pl.col("place_state"))
    return ValueCheck(share, column.nonnull, "hold a street address, PO box or city and state "
                      "inside the value", strength=0.9)


FACILITY_PLACE = Rule(
    name="facility_place",
    kind=Kind.CITY,
    value_check=_facility_place_check,
    min_share=MIN_SHARE,
)

FACILITY = Rule(
    name="facility_name",
    kind=Kind.OTHER_ID,
    header=Header(strong=("facility name", "hospital name", "clinic name", "practice name",
                          "treating facility", "admitting facility")),
    value_check=_facility_check,
    min_share=MIN_SHARE,
)

ADDRESS_IN_TEXT = Rule(
    name="address_in_text",
    kind=Kind.STREET_ADDRESS,
    header=Header(strong=("location", "location text", "service location", "site address",
                          "facility address", "place of service", "encounter location",
                          "where seen", "venue")),
    value_check=_address_in_text_check,
    min_share=0.3,
)
"""Kind STREET_ADDRESS: the value holds an address; a place with its state counts too."""

RECOGNIZERS = (FACILITY_PLACE, ADDRESS_IN_TEXT, FACILITY)
