"""The vocabulary shared by the scanner, the policy and the report.

`Category` is the 18 identifiers of 45 CFR 164.514(b)(2)(i), lettered (A)-(R)
as in the regulation. `Role` says what a column is for the privacy analysis, and
`Kind` is the finer semantic type the scanner detects (a ZIP code, a birth
date...), which decides the default Safe Harbor action.
"""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    """A Safe Harbor identifier category, 45 CFR 164.514(b)(2)(i)(A)-(R)."""

    NAMES = "A"
    GEOGRAPHY = "B"
    DATES = "C"
    TELEPHONE = "D"
    FAX = "E"
    EMAIL = "F"
    SSN = "G"
    MRN = "H"
    HEALTH_PLAN = "I"
    ACCOUNT = "J"
    LICENSE = "K"
    VEHICLE = "L"
    DEVICE = "M"
    URL = "N"
    IP = "O"
    BIOMETRIC = "P"
    PHOTO = "Q"
    OTHER_UNIQUE = "R"

    @property
    def number(self) -> int:
        """1-18, the position in the regulation's list."""
        return ord(self.value) - ord("A") + 1

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS: dict[Category, str] = {
    Category.NAMES: "Names",
    Category.GEOGRAPHY: "Geographic subdivisions smaller than a state (ZIP3 rule)",
    Category.DATES: "Dates (except year) and ages over 89",
    Category.TELEPHONE: "Telephone numbers",
    Category.FAX: "Fax numbers",
    Category.EMAIL: "Electronic mail addresses",
    Category.SSN: "Social security numbers",
    Category.MRN: "Medical record numbers",
    Category.HEALTH_PLAN: "Health plan beneficiary numbers",
    Category.ACCOUNT: "Account numbers",
    Category.LICENSE: "Certificate/license numbers",
    Category.VEHICLE: "Vehicle identifiers and serial numbers, including license plates",
    Category.DEVICE: "Device identifiers and serial numbers",
    Category.URL: "Web Universal Resource Locators (URLs)",
    Category.IP: "Internet Protocol (IP) address numbers",
    Category.BIOMETRIC: "Biometric identifiers, including finger and voice prints",
    Category.PHOTO: "Full face photographic images and any comparable images",
    Category.OTHER_UNIQUE: "Any other unique identifying number, characteristic, or code",
}


class Role(StrEnum):
    """What a column is for the privacy analysis."""

    DIRECT = "direct"  # one of the 18 categories
    QUASI = "quasi"  # indirect identifier (age, sex, ZIP3, race, year...)
    SENSITIVE = "sensitive"  # clinical content (diagnosis, lab value, outcome)
    TEXT = "text"  # free text that may hide identifiers
    OTHER = "other"


class Kind(StrEnum):
    """The semantic type of a column, as detected by the scanner.

    Each kind maps to one role and, for direct identifiers, one category
    (see `KIND_ROLE` and `KIND_CATEGORY`).
    """

    # (A) names
    PERSON_NAME = "person_name"
    # (B) geography
    STREET_ADDRESS = "street_address"
    CITY = "city"
    COUNTY = "county"
    ZIP = "zip"
    GEO_COORDINATE = "geo_coordinate"
    # (C) dates and ages
    BIRTH_DATE = "birth_date"
    DEATH_DATE = "death_date"
    DATE = "date"
    AGE = "age"
    # (D)-(R)
    PHONE = "phone"
    FAX = "fax"
    EMAIL = "email"
    SSN = "ssn"
    MRN = "mrn"
    HEALTH_PLAN_ID = "health_plan_id"
    ACCOUNT_NUMBER = "account_number"
    LICENSE_NUMBER = "license_number"
    VIN = "vin"
    LICENSE_PLATE = "license_plate"
    DEVICE_ID = "device_id"
    URL = "url"
    IP_ADDRESS = "ip_address"
    BIOMETRIC_ID = "biometric_id"
    PHOTO = "photo"
    OTHER_ID = "other_id"
    # quasi-identifiers that Safe Harbor allows
    STATE = "state"
    SEX = "sex"
    RACE = "race"
    ETHNICITY = "ethnicity"
    HEIGHT = "height"
    WEIGHT = "weight"
    YEAR = "year"
    # sensitive / clinical
    DIAGNOSIS_CODE = "diagnosis_code"
    PROCEDURE_CODE = "procedure_code"  # CPT, HCPCS
    CLINICAL_CODE = "clinical_code"  # LOINC, NDC, SNOMED CT
    LAB_VALUE = "lab_value"
    LENGTH_OF_STAY = "length_of_stay"
    CLINICAL = "clinical"
    # free text
    FREE_TEXT = "free_text"
    # anything else
    OTHER = "other"


KIND_CATEGORY: dict[Kind, Category] = {
    Kind.PERSON_NAME: Category.NAMES,
    Kind.STREET_ADDRESS: Category.GEOGRAPHY,
    Kind.CITY: Category.GEOGRAPHY,
    Kind.COUNTY: Category.GEOGRAPHY,
    Kind.ZIP: Category.GEOGRAPHY,
    Kind.GEO_COORDINATE: Category.GEOGRAPHY,
    Kind.BIRTH_DATE: Category.DATES,
    Kind.DEATH_DATE: Category.DATES,
    Kind.DATE: Category.DATES,
    Kind.AGE: Category.DATES,
    Kind.PHONE: Category.TELEPHONE,
    Kind.FAX: Category.FAX,
    Kind.EMAIL: Category.EMAIL,
    Kind.SSN: Category.SSN,
    Kind.MRN: Category.MRN,
    Kind.HEALTH_PLAN_ID: Category.HEALTH_PLAN,
    Kind.ACCOUNT_NUMBER: Category.ACCOUNT,
    Kind.LICENSE_NUMBER: Category.LICENSE,
    Kind.VIN: Category.VEHICLE,
    Kind.LICENSE_PLATE: Category.VEHICLE,
    Kind.DEVICE_ID: Category.DEVICE,
    Kind.URL: Category.URL,
    Kind.IP_ADDRESS: Category.IP,
    Kind.BIOMETRIC_ID: Category.BIOMETRIC,
    Kind.PHOTO: Category.PHOTO,
    Kind.OTHER_ID: Category.OTHER_UNIQUE,
}

_QUASI = {
    Kind.STATE, Kind.SEX, Kind.RACE, Kind.ETHNICITY, Kind.HEIGHT, Kind.WEIGHT, Kind.YEAR,
}
_SENSITIVE = {Kind.DIAGNOSIS_CODE, Kind.PROCEDURE_CODE, Kind.CLINICAL_CODE, Kind.LAB_VALUE,
              Kind.LENGTH_OF_STAY, Kind.CLINICAL}


def role_of(kind: Kind) -> Role:
    """The role a column of this kind plays."""
    if kind in KIND_CATEGORY:
        return Role.DIRECT
    if kind in _QUASI:
        return Role.QUASI
    if kind in _SENSITIVE:
        return Role.SENSITIVE
    if kind is Kind.FREE_TEXT:
        return Role.TEXT
    return Role.OTHER
