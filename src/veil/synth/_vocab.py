"""Fixed tables behind the synthetic patients: states, area codes, codes, word lists.

Kept as Python constants (not fetched at run time) so a given veil version
generates the same rows; only the name and street word lists come from Faker's
en_US providers, read once at import.
"""

from __future__ import annotations

from typing import Final

from faker.providers.address.en_US import Provider as _Address
from faker.providers.person.en_US import Provider as _Person

# 2020 Census resident population in thousands, 50 states and DC: the weights
# for drawing a patient's state.
STATE_POPULATION: Final[dict[str, int]] = {
    "AL": 5024, "AK": 733, "AZ": 7152, "AR": 3012, "CA": 39538, "CO": 5774,
    "CT": 3606, "DE": 990, "DC": 690, "FL": 21538, "GA": 10712, "HI": 1455,
    "ID": 1839, "IL": 12813, "IN": 6786, "IA": 3190, "KS": 2938, "KY": 4506,
    "LA": 4658, "ME": 1362, "MD": 6177, "MA": 7030, "MI": 10077, "MN": 5706,
    "MS": 2961, "MO": 6155, "MT": 1084, "NE": 1962, "NV": 3105, "NH": 1378,
    "NJ": 9289, "NM": 2118, "NY": 20201, "NC": 10439, "ND": 779, "OH": 11799,
    "OK": 3959, "OR": 4237, "PA": 13003, "RI": 1097, "SC": 5118, "SD": 887,
    "TN": 6911, "TX": 29146, "UT": 3272, "VT": 643, "VA": 8631, "WA": 7705,
    "WV": 1794, "WI": 5894, "WY": 577,
}  # fmt: skip

STATES: Final[tuple[str, ...]] = tuple(STATE_POPULATION)

# Inclusive 5-digit ZIP ranges per state, from Faker's en_US address provider.
STATE_ZIP_RANGE: Final[dict[str, tuple[int, int]]] = {
    s: (int(lo), int(hi)) for s, (lo, hi) in _Address.states_postcode.items() if s in STATES
}

# ZIP3 prefixes Safe Harbor sets to 000: the union of HHS's 2000-Census list and
# the 2010-Census list (see DESIGN.md), with the state each prefix lies in.
RESTRICTED_ZIP3_STATE: Final[dict[str, str]] = {
    "036": "NH", "059": "VT", "063": "CT", "102": "NY", "203": "DC", "205": "DC",
    "369": "AL", "556": "MN", "692": "NE", "790": "TX", "821": "WY", "823": "WY",
    "830": "WY", "831": "WY", "878": "NM", "879": "NM", "884": "NM", "890": "NV",
    "893": "NV",
}  # fmt: skip

# Geographic area codes per state, as the `phonenumbers` geocoder (9.0) names them,
# keeping those where `phonenumbers` accepts every exchange (983, a new Colorado
# overlay, is only partly open).
AREA_CODES: Final[dict[str, tuple[int, ...]]] = {
    "AK": (907,), "AL": (205, 251, 256, 334, 659, 938), "AR": (327, 479, 501, 870),
    "AZ": (480, 520, 602, 623, 928),
    "CA": (209, 213, 279, 310, 323, 341, 350, 369, 408, 415, 424, 442, 510, 530, 559,
           562, 619, 626, 628, 650, 657, 661, 669, 707, 714, 738, 747, 760, 805, 818,
           820, 831, 840, 858, 909, 916, 925, 949, 951),
    "CO": (303, 719, 720, 748, 970), "CT": (203, 475, 860, 959), "DC": (202, 771),
    "DE": (302,),
    "FL": (239, 305, 321, 324, 352, 386, 407, 448, 561, 645, 656, 689, 727, 728, 754,
           772, 786, 813, 850, 863, 904, 941, 954),
    "GA": (229, 404, 470, 478, 678, 706, 762, 770, 912, 943), "HI": (808,),
    "IA": (319, 515, 563, 641, 712), "ID": (208, 986),
    "IL": (217, 224, 309, 312, 331, 447, 464, 618, 630, 708, 730, 773, 779, 815, 847,
           872),
    "IN": (219, 260, 317, 463, 574, 765, 812, 930), "KS": (316, 620, 785, 913),
    "KY": (270, 364, 502, 606, 859), "LA": (225, 318, 337, 504, 985),
    "MA": (339, 351, 413, 508, 617, 774, 781, 857, 978),
    "MD": (227, 240, 301, 410, 443, 667), "ME": (207,),
    "MI": (231, 248, 269, 313, 517, 586, 616, 734, 810, 906, 947, 989),
    "MN": (218, 320, 507, 612, 651, 763, 952),
    "MO": (235, 314, 417, 557, 573, 636, 660, 816, 975), "MS": (228, 601, 662, 769),
    "MT": (406,), "NC": (252, 336, 472, 704, 743, 828, 910, 919, 980, 984),
    "ND": (701,), "NE": (308, 402, 531), "NH": (603,),
    "NJ": (201, 551, 609, 640, 732, 848, 856, 862, 908, 973), "NM": (505, 575),
    "NV": (702, 725, 775),
    "NY": (212, 315, 329, 332, 347, 363, 516, 518, 585, 607, 631, 646, 680, 716, 718,
           838, 845, 914, 917, 929, 934),
    "OH": (216, 220, 234, 283, 326, 330, 380, 419, 440, 513, 567, 614, 740, 937),
    "OK": (405, 539, 572, 580, 918), "OR": (458, 503, 541, 971),
    "PA": (215, 223, 267, 272, 412, 445, 484, 570, 582, 610, 717, 724, 814, 835, 878),
    "RI": (401,), "SC": (803, 821, 839, 843, 854, 864), "SD": (605,),
    "TN": (423, 615, 629, 731, 865, 901, 931),
    "TX": (210, 214, 254, 281, 325, 346, 361, 409, 430, 432, 469, 512, 682, 713, 726,
           737, 806, 817, 830, 832, 903, 915, 936, 940, 945, 956, 972, 979),
    "UT": (385, 435, 801), "VA": (276, 434, 540, 571, 686, 703, 757, 804, 826, 948),
    "VT": (802,), "WA": (206, 253, 360, 425, 509, 564),
    "WI": (262, 274, 353, 414, 534, 608, 715, 920), "WV": (304, 681), "WY": (307,),
}  # fmt: skip

# Weighted person-name lists (name -> share of the US population).
FIRST_NAMES_FEMALE: Final[dict[str, float]] = dict(_Person.first_names_female)
FIRST_NAMES_MALE: Final[dict[str, float]] = dict(_Person.first_names_male)
FIRST_NAMES_OTHER: Final[dict[str, float]] = dict(_Person.first_names_nonbinary)
LAST_NAMES: Final[dict[str, float]] = dict(_Person.last_names)

STREET_SUFFIXES: Final[tuple[str, ...]] = tuple(dict.fromkeys(_Address.street_suffixes))
CITY_PREFIXES: Final[tuple[str, ...]] = tuple(dict.fromkeys(_Address.city_prefixes))
CITY_SUFFIXES: Final[tuple[str, ...]] = tuple(dict.fromkeys(_Address.city_suffixes))

# The most frequent US county names.
COUNTY_NAMES: Final[tuple[str, ...]] = (
    "Washington", "Jefferson", "Franklin", "Jackson", "Lincoln", "Madison", "Clay",
    "Montgomery", "Union", "Marion", "Monroe", "Wayne", "Greene", "Warren", "Grant",
    "Polk", "Carroll", "Adams", "Lake", "Marshall", "Johnson", "Clark", "Douglas",
    "Lawrence", "Scott", "Fayette", "Hamilton", "Morgan", "Shelby", "Benton", "Calhoun",
    "Harrison", "Lee", "Putnam", "Brown", "Cass", "Crawford", "Hancock", "Henry",
    "Logan", "Perry", "Pike", "Randolph", "Boone", "Butler", "Campbell", "Hardin",
    "Knox", "Orange", "Allen", "Columbia", "Howard", "Houston", "Mercer", "Sullivan",
    "Taylor", "Webster", "Wilson", "Richland", "Cumberland",
)  # fmt: skip

EMAIL_DOMAINS: Final[dict[str, float]] = {
    "gmail.com": 0.45, "yahoo.com": 0.18, "hotmail.com": 0.08, "outlook.com": 0.09,
    "aol.com": 0.05, "icloud.com": 0.08, "comcast.net": 0.07,
}  # fmt: skip

PORTAL_HOSTS: Final[tuple[str, ...]] = (
    "mychart.northbridgehealth.org", "portal.stlucasmedical.org",
    "myhealth.cedarvalleyhospital.com", "patient.riverbendclinic.net",
    "connect.lakeshore-health.org",
)  # fmt: skip

RACES: Final[dict[str, float]] = {
    "White": 0.60, "Black or African American": 0.13, "Asian": 0.06,
    "American Indian or Alaska Native": 0.01,
    "Native Hawaiian or Other Pacific Islander": 0.003, "Two or More Races": 0.04,
    "Other": 0.05, "Unknown": 0.107,
}  # fmt: skip

ETHNICITIES: Final[dict[str, float]] = {
    "Not Hispanic or Latino": 0.78, "Hispanic or Latino": 0.17, "Unknown": 0.05,
}  # fmt: skip

# Common ICD-10-CM codes (valid FY2022 onwards), weighted roughly by frequency.
ICD10_CODES: Final[dict[str, float]] = {
    "I10": 10, "E11.9": 7, "E78.5": 7, "J45.909": 3, "J44.9": 3, "I25.10": 3,
    "N18.9": 2, "F32.9": 3, "F41.1": 2, "K21.9": 3, "E03.9": 3, "M54.50": 2,
    "I48.91": 2, "J18.9": 2, "N39.0": 2, "I50.9": 2, "E66.9": 2, "G47.33": 2,
    "M17.11": 1, "K57.30": 1, "R07.9": 2, "R10.9": 2, "A41.9": 1, "J06.9": 2,
    "U07.1": 1, "S72.001A": 0.5, "I63.9": 0.7, "C34.90": 0.5, "C50.911": 0.5,
    "F10.20": 1, "D64.9": 1, "E87.1": 0.7, "N17.9": 1, "I21.4": 0.7, "K35.80": 0.5,
    "R55": 1, "G43.909": 1, "M81.0": 1, "E55.9": 1, "Z79.4": 1, "E11.65": 1.5,
    "I11.0": 1, "J96.01": 0.5, "R51.9": 1,
}  # fmt: skip

# World manufacturer identifiers (VIN positions 1-3) of common US-market makes.
VIN_WMIS: Final[tuple[str, ...]] = (
    "1FA", "1FT", "1G1", "1GC", "1HG", "1N4", "2HG", "2T1", "3FA", "3VW", "4T1",
    "5FN", "5NP", "5YJ", "JHM", "JN1", "JTD", "KMH", "KNA", "WBA", "WDD", "WVW",
)  # fmt: skip

# Made-up GS1 company prefixes for device identifiers (GTIN-14 digits 2-8).
GS1_COMPANY_PREFIXES: Final[tuple[str, ...]] = (
    "0812345", "0856012", "0889301", "0874410", "0860007", "0815529",
)  # fmt: skip

MONTH_ABBR: Final[tuple[str, ...]] = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip
MONTH_NAMES: Final[tuple[str, ...]] = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip
