"""Word lists the recognizers compare values against, loaded once and upper-cased.

Person names and street suffixes come from Faker's en_US providers (public
lists of common US names); US states are the USPS codes; the city gazetteer is
a small data file (`veil/data/scan/us_cities.txt`) of large US cities, which
only supports the header, never replaces it.

Larger lists ship as data files made by `tools/make_scan_lists.py` (sources in
each file's header): first names and surnames from the U.S. Census (1990 first
names, the 50,000 most frequent Census 2000 surnames) and Faker, and US places
of 5,000+ people from GeoNames, for names and places inside longer values.
The small word sets below say which of those words are not evidence: titles,
credentials and particles around a name, words that block a value from being a
name (clinical and organization words), and category words that are also
surnames ('White', 'North', 'General'), which count as neither.
"""

from __future__ import annotations

import io
from enum import IntFlag
from functools import lru_cache
from importlib import resources

import polars as pl
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
KINDS_OF_WORKS: frozenset[str] = frozenset({
    "POWER", "COAL", "STEEL", "PAPER", "CHEMICAL", "NUCLEAR", "WATER", "TREATMENT", "SEWAGE",
    "PROCESSING", "MEAT", "PACKING", "POULTRY", "TEXTILE", "COTTON", "SAW", "LUMBER", "FEED",
    "GRAIN", "GOLD", "COPPER", "URANIUM", "SALT", "SILVER", "AUTO", "CAR", "GLASS", "RUBBER",
    "TIRE", "PLASTIC", "PLASTICS", "CHICKEN", "PORK", "BEEF", "FISH", "SEAFOOD", "PULP",
    "CEMENT", "GAS", "OIL", "SUGAR", "BOTTLING", "ASPHALT", "BRICK", "ZINC", "LEAD", "IRON"})
"""Words of a kind of works before 'plant', 'mine' or 'mill' ('the Power plant', 'a Coal
mine'): what is made there, no employer's name."""

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


WORLD_COUNTRIES: frozenset[str] = frozenset(c.upper() for c in _AddressProvider.countries)
"""Upper-cased names of the world's countries and territories (Faker en_US)."""


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


@lru_cache(maxsize=8)
def _data_series(name: str) -> pl.Series:
    """The entries of a word list under veil/data/scan, upper-cased ('#' lines are comments)."""
    data = resources.files("veil").joinpath(f"data/scan/{name}").read_bytes()
    frame = pl.read_csv(io.BytesIO(data), has_header=False, comment_prefix="#",
                        new_columns=["w"], separator="\t", quote_char=None,
                        schema_overrides={"w": pl.String})
    return frame.get_column("w").str.strip_chars().str.to_uppercase().drop_nulls()


def _data_words(name: str) -> frozenset[str]:
    return frozenset(_data_series(name).to_list())


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Upper-cased, ASCII-folded first names without apostrophes (Census 1990, Faker)."""
    return _data_words("first_names.txt")


@lru_cache(maxsize=1)
def last_names() -> frozenset[str]:
    """Upper-cased, ASCII-folded surnames without apostrophes (Census 2000 top 50,000, Faker)."""
    return _data_words("last_names.txt")


@lru_cache(maxsize=1)
def weak_name_words() -> frozenset[str]:
    """Names that are not evidence of a name: common English words and `WEAK_NAME_WORDS`."""
    return _data_words("name_words.txt") | WEAK_NAME_WORDS


@lru_cache(maxsize=1)
def us_places() -> frozenset[str]:
    """Upper-cased US places of 5,000+ people without periods ('ST LOUIS'), and the gazetteer."""
    return _data_words("us_places.txt") | _gazetteer_places()


def _gazetteer_places() -> frozenset[str]:
    return frozenset(c.replace(".", "") for c in cities())


NAME_TITLES: frozenset[str] = frozenset({
    "DR", "MR", "MRS", "MS", "MISS", "MX", "PROF", "PROFESSOR", "REV", "REVEREND", "FR", "SIR",
    "DAME", "CAPT", "SGT", "LT", "COL", "HON", "MSTR", "DOCTOR", "MME", "MLLE", "SRA", "SRTA",
    # military ranks written before a name in service members' and veterans' notes
    "SSG", "SFC", "PFC", "CPL", "PVT", "CSM", "SGM", "1SG", "SSGT", "TSGT", "MSGT", "A1C",
    "LCPL", "CDR", "LCDR",
})
"""Words before a name ('Dr. Okafor'): with a name-shaped word they make a name."""

NAME_SUFFIXES: frozenset[str] = frozenset({
    "JR", "SR", "II", "III", "IV", "MD", "DO", "RN", "NP", "PA", "PAC", "PHD", "DDS", "DMD",
    "DPM", "DC", "OD", "PHARMD", "MBBS", "FNP", "APRN", "ARNP", "CRNA", "LPN", "MSN", "BSN",
    "FACP", "FACS", "ESQ", "CNM", "LCSW", "PSYD", "DNP", "MPH", "FNPC", "CNP", "DVM", "LMFT",
    "APH", "BCPS", "BCOP", "BCACP", "BCGP", "BCPP", "BCCCP", "BCIDP", "CSCS",
})
"""Generational suffixes and credentials after a name ('Smith, John, MD')."""

NAME_PARTICLES: frozenset[str] = frozenset({
    "DE", "DEL", "DELA", "DELLA", "LA", "LE", "VAN", "VON", "DER", "DEN", "DA", "DOS", "DAS",
    "DI", "DU", "BIN", "BEN", "AL", "EL", "Y", "ST", "SAINT", "STE", "SAINTE", "MAC", "TER", "TEN",
    "DIT",
})
"""Surname particles ('van der Berg', 'De La Cruz'): neither names nor evidence against."""

NOT_NAME_WORDS: frozenset[str] = frozenset({
    # organizations, places of care, administration
    "HOSPITAL", "HOSPITALS", "CLINIC", "CLINICS", "CENTER", "CENTERS", "CENTRE", "MEDICAL",
    "MEDICINE", "HEALTH", "HEALTHCARE", "CARE", "DEPARTMENT", "DEPT", "UNIT", "FLOOR", "ROOM",
    "SUITE", "BUILDING", "CAMPUS", "OFFICE", "PRACTICE", "GROUP", "ASSOCIATES", "LEVEL",
    "INSTITUTE", "FOUNDATION", "UNIVERSITY", "COLLEGE", "SCHOOL", "COMPANY", "CORP", "INC",
    "LLC", "LTD", "SERVICES", "SERVICE", "SYSTEM", "SYSTEMS", "NETWORK", "PHARMACY", "LAB",
    "LABS", "LABORATORY", "INFIRMARY", "HOSPICE", "NURSING", "REHABILITATION", "REHAB",
    "FACILITY", "AGENCY", "PROGRAM", "INSURANCE", "MEDICARE", "MEDICAID", "PLAN", "REFERRAL",
    "TRANSFER", "ADMISSION", "DISCHARGE", "DISCHARGED", "ADMITTED", "EXPIRED", "ELECTIVE",
    "URGENT", "INPATIENT", "OUTPATIENT", "AMBULATORY", "TELEHEALTH", "VISIT", "ENCOUNTER",
    "CITY", "COUNTY", "STATE", "STREET", "AVENUE", "ROAD", "BOROUGH", "TOWNSHIP",
    # specialties and departments
    "CARDIOLOGY", "ONCOLOGY", "RADIOLOGY", "NEUROLOGY", "PEDIATRICS", "PEDIATRIC",
    "ORTHOPEDICS", "ORTHOPAEDICS", "SURGERY", "SURGICAL", "PSYCHIATRY", "DERMATOLOGY",
    "UROLOGY", "GASTROENTEROLOGY", "NEPHROLOGY", "PULMONOLOGY", "PULMONARY",
    "ENDOCRINOLOGY", "OBSTETRICS", "GYNECOLOGY", "OPHTHALMOLOGY", "HEMATOLOGY",
    "RHEUMATOLOGY", "ANESTHESIA", "ANESTHESIOLOGY", "PATHOLOGY", "EMERGENCY", "INTENSIVE",
    "INTERNAL", "GERIATRICS", "NEONATAL", "NEONATOLOGY", "MATERNITY", "LABOR", "DELIVERY",
    "ICU", "NICU", "PICU", "CCU", "PACU", "ER",
    # conditions and clinical words
    "DISEASE", "DISORDER", "DISORDERS", "SYNDROME", "CANCER", "CARCINOMA", "LYMPHOMA",
    "LEUKEMIA", "MELANOMA", "TUMOR", "INFECTION", "FEVER", "PAIN", "FRACTURE", "INJURY",
    "FAILURE", "PALSY", "DIABETES", "MELLITUS", "HYPERTENSION", "ASTHMA", "DEMENTIA",
    "DEPRESSION", "ANXIETY", "PNEUMONIA", "BRONCHITIS", "SEPSIS", "STROKE", "ARTHRITIS",
    "OBESITY", "ANEMIA", "VIRUS", "VIRAL", "BACTERIAL", "ACUTE", "CHRONIC", "SEVERE", "MILD",
    "MODERATE", "PRIMARY", "SECONDARY", "UNSPECIFIED", "BENIGN", "MALIGNANT", "ESSENTIAL",
    "TYPE", "STAGE", "GRADE", "LESION", "ULCER", "HERNIA", "ATTACK", "EPISODE", "HISTORY",
    "TABLET", "TABLETS", "CAPSULE", "CAPSULES", "INJECTION", "SOLUTION", "ORAL", "DAILY",
    "DOSE", "MG", "ML", "MCG",
    # values of flags and categories
    "MALE", "FEMALE", "YES", "NO", "TRUE", "FALSE", "NULL", "NONE", "UNKNOWN", "OTHER",
    "NORMAL", "ABNORMAL", "POSITIVE", "NEGATIVE", "PENDING", "ACTIVE", "INACTIVE",
    "RESOLVED", "COMPLETED", "CANCELLED", "CANCELED", "SCHEDULED", "DECLINED", "REFUSED",
    # function words (a name never has them)
    "OF", "AND", "THE", "FOR", "WITH", "WITHOUT", "FROM", "TO", "IN", "AT", "ON", "BY", "OR",
    "NOT", "DUE", "PER", "VIA", "IS", "WAS", "HAS",
    # greetings that open a message ('Bonjour, je suis...', 'Hola, mi hijo...')
    "BONJOUR", "BONSOIR", "SALUT", "HOLA", "BUENOS", "BUENAS", "CIAO", "HALLO", "HELLO",
    "NAMASTE", "SHALOM", "GREETINGS",
})
"""Words that keep a value from being a person name ('Parkinson disease', 'Mercy Hospital')."""

WEAK_NAME_WORDS: frozenset[str] = frozenset({
    "WHITE", "BLACK", "BROWN", "GREEN", "GRAY", "GREY", "RED", "BLUE", "ORANGE", "GOLD",
    "SILVER", "NORTH", "SOUTH", "EAST", "WEST", "CENTRAL", "MAIN", "UPPER", "LOWER", "LEFT",
    "RIGHT", "HIGH", "LOW", "MIDDLE", "NEW", "OLD", "GENERAL", "MEMORIAL", "REGIONAL",
    "COMMUNITY", "UNITED", "MERCY", "GRACE", "HOPE", "FAITH", "CHARITY", "PROVIDENCE",
    "TRINITY", "HOME", "HEART", "NURSE", "ENGLISH", "SPANISH", "FRENCH", "GERMAN",
    "ITALIAN", "CHINESE", "CHRISTIAN", "CATHOLIC", "BAPTIST", "METHODIST", "JEWISH",
    "SINGLE", "MARRIED", "DIVORCED", "WIDOWED", "SEPARATED", "JANUARY", "FEBRUARY", "MARCH",
    "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER",
    "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "SPRING",
    "SUMMER", "WINTER", "AUTUMN", "FALL", "DAY", "NIGHT", "MORNING", "EVENING", "LAKE",
    "PORT", "FORT", "MOUNT", "RIVER", "SAN", "SANTA", "LOS", "LAS", "VALLEY", "SPRINGS",
    "HILLS", "BEACH", "ISLAND", "HARBOR", "CREEK", "SAINT", "UNION", "LIBERTY", "VICTORY",
    "SENIOR", "JUNIOR", "MAJOR", "MINOR", "SHORT", "LONG", "SMALL", "LARGE", "STRONG",
    "DIAL", "CROSS", "SHIELD", "AETNA", "CIGNA", "HUMANA", "KAISER", "ANTHEM",
    "ED", "WARD", "WING", "AN", "PARISH", "SELF", "PAY", "PRIVATE", "PUBLIC", "AMERICAN",
    "ASIAN", "HISPANIC", "LATINO", "NATIVE", "AMBER", "STRAW", "CLEAR", "BRAIN", "KIDNEY",
    "LUNG", "BONE", "BLOOD", "HEAD", "HAND", "FOOT", "KNEE", "EYE", "BACK", "CHEST",
    *(w for state in STATES.values() for w in state.split()),
})
"""Category words that are also surnames or first names: in a name they count as neither."""


class WordClass(IntFlag):
    """Bits of `word_class`: which word lists an upper-case word is in."""

    FIRST = 1
    LAST = 2
    WEAK = 4  # `weak_name_words`: a name that is no evidence of one
    TITLE = 8
    SUFFIX = 16
    PARTICLE = 32
    NOT_NAME = 64
    PLACE = 128  # `us_places`, one to four words ('ST LOUIS')


@lru_cache(maxsize=1)
def _lexicon() -> tuple[tuple[WordClass, pl.Series, pl.Series | None], ...]:
    """Sorted word lists: (classes, words, per-word bits or None for one class), built once.

    The data files are read as they are (sorted by their generator; sorted
    again only if not), so loading costs one CSV read each, not a hash build;
    the small lists written in this module are merged into one list with bits.
    """
    def ordered(words: pl.Series) -> pl.Series:
        words = words.unique() if words.n_unique() < words.len() else words
        return words.set_sorted() if words.is_sorted() else words.sort()

    small: dict[str, int] = {}
    lists = ((WordClass.WEAK, WEAK_NAME_WORDS), (WordClass.TITLE, NAME_TITLES),
             (WordClass.SUFFIX, NAME_SUFFIXES), (WordClass.PARTICLE, NAME_PARTICLES),
             (WordClass.NOT_NAME, NOT_NAME_WORDS), (WordClass.PLACE, _gazetteer_places()))
    for flag, words in lists:
        for word in words:
            small[word] = small.get(word, 0) | int(flag)
    merged = pl.DataFrame({"w": list(small), "c": list(small.values())},
                          schema={"w": pl.String, "c": pl.UInt8}).sort("w")
    every = WordClass(sum(int(flag) for flag, _ in lists))
    return (
        (WordClass.FIRST, ordered(_data_series("first_names.txt")), None),
        (WordClass.LAST, ordered(_data_series("last_names.txt")), None),
        (WordClass.WEAK, ordered(_data_series("name_words.txt")), None),
        (WordClass.PLACE, ordered(_data_series("us_places.txt")), None),
        (every, merged.get_column("w").set_sorted(), merged.get_column("c")),
    )


def word_class(word: pl.Expr, *, only: WordClass | None = None) -> pl.Expr:
    """The `WordClass` bits (UInt8, 0 when unlisted) of upper-case words, vectorized.

    A binary search in each sorted list: no hash table is built per call, so
    classifying the few words of a small column costs microseconds. `only`
    restricts the search to the lists of those classes.
    """
    bits: pl.Expr = pl.lit(0, dtype=pl.UInt8)
    for flags, words, classes in _lexicon():
        if only is not None and not flags & only:
            continue
        index = pl.lit(words).search_sorted(word).clip(0, words.len() - 1)
        found = (pl.lit(words).gather(index) == word).fill_null(False)
        value = (pl.lit(int(flags), dtype=pl.UInt8) if classes is None
                 else pl.lit(classes).gather(index))
        bits = bits | pl.when(found).then(value).otherwise(pl.lit(0, dtype=pl.UInt8))
    return bits


def has_class(bits: pl.Expr, flag: WordClass) -> pl.Expr:
    """True where `bits` (from `word_class`) include `flag`."""
    return (bits & int(flag)) != 0
