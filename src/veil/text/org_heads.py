"""Organizations named in Title Case after a word that places someone there, by the noun of
their kind: as the name's last word ('volunteers at Meadowlark Cat Rescue', 'a keeper for
Cobalt Coast Aquarium', 'the kitchen of Hartwell Humane Society') or in lower case right after
it ('at Second Chance Paws shelter', 'works for Golden Vine packing').

Such names are made of everyday words ('Second', 'Chance', 'Heartland'), so neither the name
lists nor the rarity of a word find them; inside a sentence, after 'at', 'for', 'with' or a verb
of working, a capitalized phrase that ends in the noun of an organization is one. A phrase
whose words before the noun only say what kind of place it is ('Animal Control', 'the Humane
Society', 'Food Pantry', 'Legal Aid Society') names none, nor does a national body ('American
Cancer Society'). Spans carry the source `org_head`. Nothing here logs text.
"""

from __future__ import annotations

import re

from veil.text import words
from veil.text.lexicon import FUNCTION_WORDS, LANGUAGES, MONTH_WORDS, Lexicon, fold
from veil.text.places.vocabulary import (
    _GENERIC,
    _SERVICES,
    _UNITS,
    COUNTRY_OR_REGION,
    countries_and_languages,
)
from veil.text.regex_lead import fast_compile
from veil.text.spans import PhiType, Span

__all__ = ["organizations_by_head"]

ORG_HEADS = frozenset({
    # animals, nature and leisure
    "ZOO", "AQUARIUM", "OCEANARIUM", "SERPENTARIUM", "AVIARY", "SANCTUARY", "REFUGE", "RESCUE",
    "KENNEL", "KENNELS", "STABLES", "EQUESTRIAN", "GROOMING", "CONSERVANCY", "PRESERVE",
    "OUTFITTERS", "MARINA", "GYM", "FITNESS", "SPA", "SALON", "STUDIO", "STUDIOS", "ARENA",
    "STADIUM", "THEATER", "THEATRE", "MUSEUM", "GALLERY", "RESORT", "CAMP",
    # bodies of members and of giving
    "SOCIETY", "LEAGUE", "ASSOCIATION", "ALLIANCE", "COALITION", "CLUB", "GUILD", "FUND",
    "AGENCY", "MINISTRIES", "COOPERATIVE",
    # land, food and drink
    "CELLARS", "WINERY", "VINEYARD", "VINEYARDS", "ESTATE", "ESTATES", "RANCH", "RANCHES",
    "FARM", "FARMS", "DAIRY", "ORCHARDS", "NURSERY", "NURSERIES", "GREENHOUSES", "CREAMERY",
    "BREWERY", "DISTILLERY", "BAKERY", "PANTRY", "KITCHEN", "CAFE", "CAFÉ", "RESTAURANT",
    "DINER", "GRILL", "TAVERN", "MARKET", "CANNERY", "PACKERS", "FISHERIES", "SEAFOOD",
    # trades and companies
    "STORE", "SHOP", "DEPOT", "HARDWARE", "LUMBER", "FEED", "RENTALS", "MOTORS", "GARAGE",
    "LAUNDRY", "CLEANERS", "LANDSCAPING", "CONSTRUCTION", "CONTRACTORS", "BUILDERS", "ROOFING",
    "PLUMBING", "ELECTRIC", "ENERGY", "OILFIELD", "PIPELINE", "DRILLING", "SERVICES",
    "SOLUTIONS", "SYSTEMS", "GROUP", "PARTNERS", "COMPANY", "MANAGEMENT", "STAFFING", "LABOR",
    "PRODUCTIONS", "FILMS", "ROBOTICS", "AEROSPACE", "SHIPYARD", "PACKAGING", "RECYCLING",
    "SANITATION", "UTILITIES", "WAREHOUSE", "FACTORY", "WORKS", "MILL", "QUARRY", "MINE",
    "INC", "LLC", "CORP", "LTD", "CO",
})
"""Nouns an organization's name ends in; no place of care (those are `facilities`')."""
_GARDEN = frozenset({"GARDEN", "GARDENS"})
_SOLUTIONS = frozenset({"SOLUTIONS"})
_WEAK_HEADS = frozenset({"SERVICES", "SOLUTIONS", "SYSTEMS", "GROUP", "PARTNERS", "COMPANY",
                         "MANAGEMENT", "STAFFING", "LABOR", "AGENCY", "FUND", "ASSOCIATION",
                         "SOCIETY", "LEAGUE", "ALLIANCE", "COALITION", "CLUB", "MINISTRIES",
                         "ENERGY", "ELECTRIC", "UTILITIES", "WORKS", "MINE", "MILL", "CAMP"})
"""Nouns that also name an office or a programme inside a larger body ('Driver Services',
'Risk Management', 'Area Agency on Aging'): an organization only after a proper word (a name,
a place, a word no English dictionary holds or a rare one)."""

LOWER_KINDS = frozenset({
    "shelter", "rescue", "sanctuary", "refuge", "zoo", "aquarium", "kennel", "kennels",
    "farm", "ranch", "winery", "vineyard", "orchard", "orchards", "dairy", "camp", "shop",
    "store", "salon", "gym", "daycare", "school", "church", "mill", "warehouse",
    "packinghouse", "cannery", "feedlot", "restaurant", "bakery", "bar", "cafe", "hotel",
    "motel", "clinic", "pharmacy", "agency", "company", "crew",
})
"""Kinds of place written in lower case after a Title Case name ('Second Chance Paws
shelter')."""

_KIND_WORDS = frozenset({
    "ANIMAL", "ANIMALS", "HUMANE", "PET", "PETS", "DOG", "DOGS", "CAT", "CATS", "HORSE",
    "WILDLIFE", "MARINE", "FOOD", "LEGAL", "AID", "CHILD", "CHILDREN", "CHILDRENS",
    "PROTECTIVE", "YOUTH", "PUBLIC", "SUPPORT", "FARM", "FARMWORKER", "FARMWORKERS", "AG",
    "AGRICULTURAL", "WORKERS", "WORKER", "EMPLOYEE", "EMPLOYEES", "VOLUNTEER", "VOLUNTEERS",
    "SOBER", "STEP", "WOMEN", "WOMENS", "MEN", "MENS", "ALUMNI", "PARENT", "PARENTS",
    "TEACHERS", "NURSES", "PATIENT", "PATIENTS", "HOMELESS", "HOUSING", "REFUGEE", "REFUGEES",
    "IMMIGRANT", "IMMIGRANTS", "CRISIS", "SUICIDE", "ADDICTION", "DISABILITY", "DEAF",
    "BLIND", "SOCIAL", "SECURITY", "CONTROL", "WELFARE", "RESEARCH", "NATIONAL", "AMERICAN",
    "INTERNATIONAL", "UNITED", "WORLD", "GLOBAL", "FEDERAL", "STATE", "COUNTY", "CITY", "TOWN",
    "LOCAL", "REGIONAL", "DISTRICT", "US", "U.S.", "USA", "NEW", "OLD", "BIG", "LITTLE",
    "GENERAL", "MAIN", "CENTRAL", "NORTH", "SOUTH", "EAST", "WEST", "GROCERY", "CONVENIENCE",
    "DEPARTMENT", "HOME", "PAWN", "THRIFT", "BOOK", "GIFT", "COFFEE", "ICE", "CREAM",
    "AUTO", "BODY", "TIRE", "REPAIR", "NAIL", "BEAUTY", "HAIR", "BARBER", "TATTOO",
    "COAL", "OIL", "GAS", "STEEL", "TIMBER", "INFORMATION", "RISK", "SAFETY", "STUDENT",
    "STUDENTS", "ATHLETE", "DINING", "RESIDENTIAL", "DRIVER", "HUMAN", "FINANCIAL",
})
"""Words that only say what kind of organization a phrase names ('Animal Control', 'Food
Pantry', 'American Cancer Society'): a name needs another word."""

_NATIONAL = frozenset({"NATIONAL", "AMERICAN", "INTERNATIONAL", "UNITED", "WORLD", "GLOBAL",
                       "FEDERAL", "US", "U.S.", "USA"})
"""First words of national bodies ('American Heart Association'): no one's place."""
_FAITHS = frozenset({"CHRISTIAN", "ORTHODOX", "CATHOLIC", "BAPTIST", "METHODIST", "LUTHERAN",
                     "EVANGELICAL", "PENTECOSTAL", "ADVENTIST", "EPISCOPAL", "PRESBYTERIAN",
                     "JEWISH", "MUSLIM", "ISLAMIC", "HINDU", "SIKH", "BUDDHIST", "MORMON", "LDS",
                     "SATURDAY", "SUNDAY", "BIBLE", "GOSPEL"})
"""A faith or its day ('Korean Christian church', 'Ukrainian Saturday school')."""
_RARE = 3.0
_WEEKDAYS = frozenset({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
                       "SUNDAY"})

_CUE = (r"(?:(?<![A-Za-z])(?:at|for|with|from|by|of|to|via|through|volunteers?|volunteered|"
        r"volunteering|employed|employer|works|worked|working|owns|owned|runs|ran|manages|"
        r"joined|left|quit|en|con|para|desde)[ \t]++(?:the[ \t]++)?|(?<=[a-z])(?:,|[ \t]\()"
        r"[ \t]*+)")
_RUN = (r"((?:[A-Z][A-Za-z'’\-]*|[A-Z]\.(?:[A-Z]\.)*)(?:[ \t]++(?:&|(?:and|of|the|de|des|du|"
        r"del|di|da|la|le|los|las|van|von)(?![A-Za-z])|[A-Z][A-Za-z'’\-]*\.?|"
        r"[A-Z]\.(?:[A-Z]\.)*)){1,6})")
_PHRASE = fast_compile(_CUE + _RUN)
_LOWER_AFTER = re.compile(r"[ \t]++([a-z]+)(?![A-Za-z])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.\-]*|&")
_JOINERS = frozenset({"&", "AND", "OF", "THE", "DE", "DES", "DU", "DEL", "DI", "DA", "LA", "LE",
                      "LOS", "LAS", "VAN", "VON"})


def organizations_by_head(text: str, lexicon: Lexicon) -> list[Span]:
    """Title Case organizations ending in (or followed by) the noun of their kind, after a
    word that places someone there (see the module)."""
    spans: list[Span] = []
    for match in _PHRASE.finditer(text):
        start = match.start(1)
        tokens = list(_WORD.finditer(match.group(1)))
        keys = [fold(t.group().rstrip(".")) for t in tokens]
        head = max((i for i, k in enumerate(keys) if (k in ORG_HEADS or k in _GARDEN)
                    and i >= 1), default=-1)
        mark = text[match.start():start].strip() in (",", "(")
        if mark and (head < 1 or keys[head] in _WEAK_HEADS):
            continue  # after a comma or a bracket only a strong noun ('trainer, Bluewater
            # Oceanarium', '(Lionsgate Big Cat Refuge,'), never 'Smith, Jones Group'

        if match.group(1).isupper():
            continue  # a heading in capitals ('FOR COAL MINE WORKERS')
        if head >= 1 and tokens[head].group()[:1].isupper():
            name = keys[:head]
            after_head = text[start + tokens[head].end():start + tokens[head].end() + 4]
            if re.match(r"[ \t]*[0-9]", after_head):
                continue  # an apparatus or a unit ('Rescue 11', 'Camp 4')
            if keys[head] in _SOLUTIONS and not _company_of_solutions(name, lexicon):
                continue  # 'Plasmalyte Solutions', "Lactated Ringer's Solutions": fluids
            if _names_one(name, lexicon) and (keys[head] not in _WEAK_HEADS
                                              or _proper(name, lexicon)):
                spans.append(Span(start, start + tokens[head].end(), PhiType.FACILITY,
                                  "org_head", 0.85))
            continue
        after = _LOWER_AFTER.match(text, match.end(1))
        if after is not None and after.group(1) in LOWER_KINDS and len(keys) >= 2 \
                and keys[-1] not in _JOINERS and _names_one(keys, lexicon):
            spans.append(Span(start, match.end(1), PhiType.FACILITY, "org_head", 0.85))
    return spans


def _company_of_solutions(keys: list[str], lexicon: Lexicon) -> bool:
    """Two words or more before 'Solutions', none of medicine ('Kestrel Contract Solutions';
    not 'Plasmalyte Solutions', "Lactated Ringer's Solutions", IV fluids)."""
    own = [k.removesuffix("'S").removesuffix("’S") for k in keys if k not in _JOINERS]
    return len(own) >= 2 and not any(
        lexicon.is_clinical(k) or k in lexicon.drugs or words.term_shaped(k) for k in own)


def _proper(keys: list[str], lexicon: Lexicon) -> bool:
    """Some word is a name, a place, no English word or a rare one, and no state."""
    return any(k not in _JOINERS and k not in _KIND_WORDS and k not in lexicon.states and (
        lexicon.is_name(k) or k in lexicon.places or not words.is_english(k)
        or words.zipf(k) < _RARE) for k in keys)


def _names_one(keys: list[str], lexicon: Lexicon) -> bool:
    """Words before an organization's noun that name one: some word is more than a word of
    its kind, a joining word, a month, medicine, a state or a country ('Second Chance',
    'Hartwell', 'Heartland' though a virus is named after it; not 'Animal', 'Humane',
    'Legal Aid', 'American Cancer')."""
    own = [k for k in keys if k not in _JOINERS]
    if not own or own[0] in _NATIONAL:
        return False
    peoples = countries_and_languages()
    return any(not (k in _KIND_WORDS or k in _GENERIC or k in _SERVICES or k in _UNITS
                    or k in ORG_HEADS or k in FUNCTION_WORDS or k in MONTH_WORDS
                    or k in _WEEKDAYS or k in lexicon.clinical or k in lexicon.drugs
                    or k in lexicon.genes or k in LANGUAGES or k in peoples
                    or k in _FAITHS or (k in lexicon.eponyms and ("-" in k or "'" in k))
                    or k in lexicon.states
                    or k in lexicon.titles or k in COUNTRY_OR_REGION)
               for k in own)
