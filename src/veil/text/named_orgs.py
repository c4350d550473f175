"""Organizations named right after the word for their kind, or after a verb of working.

People name a home, a school, a church or an employer by a name that holds no facility word
and is in no list ('the nursing home (Cedar Crest)', 'her group home "The Pines"', 'at
church (Grace Fellowship)', 'our daycare, Bright Horizons', 'he used to work for Rockingham
Poultry'). The word for the kind of place is the evidence; the name is the capitalized
phrase that follows it, in quotes or parentheses, after a comma, or after 'called'/'named'.
Without quotes or parentheses the phrase must have two or more words, or one word that is
rare in English, so that 'the school nurse' or 'the pharmacy Monday' find nothing; the
word for the kind is in lower case, as in a sentence (a header 'PHARMACY PRIOR
AUTHORIZATION' or 'Pharmacy Appeals Unit' names a department). Spans
carry the source `named_org`. A field whose label names a kind of organization ('Employer:',
'School:', 'Pharmacy:') holds one too when its value is capitalized and more than generic
words. Nothing here logs text.
"""

from __future__ import annotations

import re

from veil.text import words
from veil.text.lexicon import FUNCTION_WORDS, MONTH_WORDS, Lexicon, fold
from veil.text.places.vocabulary import _GENERIC, _SERVICES, _UNITS, COUNTRY_OR_REGION
from veil.text.regex_lead import fast_compile
from veil.text.spans import PhiType, Span

__all__ = ["named_organizations"]

_KIND = (r"nursing[ \t]++home|group[ \t]++home|care[ \t]++home|rest[ \t]++home|foster[ \t]++home|"
         r"daycare|day[ \t]++care|preschool|school|church|parish|congregation|mosque|temple|"
         r"synagogue|shelter|agency|assisted[ \t]++living|memory[ \t]++care|rehab|employer|"
         r"company|plant|mill|factory|day[ \t]++program|workshop|home[ \t]++health|hospice|"
         r"pharmacy|practice|clinic|facility|gym|dialysis[ \t]++(?:unit|center)|caregiver"
         r"[ \t]++agency|home[ \t]++care|senior[ \t]++center|retirement[ \t]++(?:home|community)")
_NAME = (r"((?:[Tt]he[ \t]++)?(?:St\.?[ \t]++)?[A-Z][A-Za-z'’&.\-]*"
         r"(?:[ \t]++(?:of|the|de|la|on|at|and|&|[A-Z][A-Za-z'’&.\-]*)){0,5})")
_KIND_WORD = re.compile(r"(?<![A-Za-z])(?=[" + "".join(sorted({w[0] for w in _KIND.split("|")}))
                        + r"])(?:" + _KIND + r")(?![A-Za-z])")
"""The word for a kind of place, in lower case as in a sentence (one case-sensitive scan: a
header 'PHARMACY PRIOR AUTHORIZATION' or 'Pharmacy Appeals Unit' names a department)."""
_DELIMITED = re.compile(r"(?:[ \t]++(?:is|was|called|named))?[ \t]*+[:,]?[ \t]*+(?:\(|[\"“])"
                        r"[ \t]*+" + _NAME + r"[ \t]*+(?:\)|[\"”])")
"""'nursing home (Cedar Crest)', 'nursing home is "The Pines"'."""
_PLAIN = re.compile(r"(?:[ \t]++(?:called|named)[ \t]++|,[ \t]*+|[ \t]++)(?=[A-Z])" + _NAME)
"""'our daycare, Bright Horizons on Elm Street', 'daycare KinderCare', 'a group home called
Maple Ridge'."""
_WORKERS = ("i", "he", "she", "we", "they", "you", "who", "to", "still", "now", "currently",
            "also", "husband", "wife", "son", "daughter", "dad", "mom", "father", "mother",
            "brother", "sister", "partner", "boyfriend", "girlfriend", "pt", "patient")
_JOB_WORDS = ("[Ee]mployed", "employee", "contractor", "job", "visa")
_WORKED = re.compile(r"(?<![A-Za-z])(?=[" + "".join(sorted({w[0] for w in _WORKERS} | {
    "E", "e", "c", "j", "v"})) + r"])(?:(?:" + "|".join(_WORKERS) + r")[ \t]++(?:work|works|"
    r"worked|working)[ \t]++(?:for|at)|(?:" + "|".join(_JOB_WORDS) + r")[ \t]++(?:for|at|by|"
    r"with|of))[ \t]++(?=[A-Z])" + _NAME)
"""'used to work for Rockingham Poultry', 'a work visa for Genentech' (a person works for
it: 'does the Epley maneuver work for BPPV' asks whether a treatment helps)."""
_HOME_AT = fast_compile(r"(?<![A-Za-z])(?:(?:lives|live|living|resides|residing|stays|staying)"
                      r"[ \t]++at|moved[ \t]++into)[ \t]++(The[ \t]++[A-Z][A-Za-z'’\-]*"
                      r"(?:[ \t]++(?:at|of|on)?[ \t]*+[A-Z][A-Za-z'’\-]*){0,4})")
"""'Mom lives at The Terraces at Bonita Springs': a home named with 'The' after 'lives at' or
'moved into' (never 'moved to': 'The Netherlands' is a country)."""
_WARD = fast_compile(r"(?<![A-Za-z])([A-Z][a-z'’]+(?:[ \t][A-Z][a-z'’]+)?[ \t]++(?:Ward|Wing|wing|"
                   r"Block|Pavilion))(?![A-Za-z])")
"""'Caburn Ward', 'Waratah wing', 'Cauvery Block': a hospital's named ward or wing."""
_WARD_FIELD = fast_compile(r"(?<![A-Za-z])(?:Ward|WARD|Unit|UNIT)[ \t]*+:[ \t]*+([A-Z][A-Za-z'’\-]+"
                         r"(?:[ \t][A-Z0-9][A-Za-z0-9'’\-]*)?)")
"""'Ward: Yarty', 'Unit: Goldfine 4': the value of a ward or unit field (not 'Unit: 4B')."""
_PLAIN_WARD = frozenset({"NORTH", "SOUTH", "EAST", "WEST", "MAIN", "NEW", "OLD", "UPPER",
                         "LOWER", "FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "GROUND",
                         "MEDICAL", "SURGICAL", "MATERNITY", "CHILDRENS", "PAEDIATRIC",
                         "PEDIATRIC", "GENERAL", "ACUTE", "PRIVATE", "PUBLIC", "ISOLATION",
                         "ORTHOPAEDIC", "GERIATRIC", "PSYCH", "LABOUR", "LABOR", "DAY",
                         "BLOCK", "WARD", "WING", "THE", "A", "THIS", "THAT", "SAME", "OTHER"})
_DEPARTMENT_WORD = re.compile(r"(?:OLOGY|OLOGIE|IATRY|IATRICS|PEDICS|PAEDICS)$|^(?:CARE|HEALTH|"
                              r"MEDICINE|SURGERY|NURSING|LIVING|SERVICES?|HOUSING|INPATIENT|"
                              r"OUTPATIENT)$")
"""A department or service ('clinic (Cardiology)', 'Skilled Nursing'), not a place's name."""
_SCHEDULE = frozenset({"MWF", "TTS", "TTHS", "TTH", "MTWTF", "QD", "BID", "TID", "QID", "PRN",
                       "DAILY", "WEEKLY", "MONTHLY", "WEEKDAYS", "WEEKENDS"})
_THE_HOME = fast_compile(r"(?<=[a-z] )(?:from|to|at|in|into)[ \t]++the[ \t]++(Home)(?![A-Za-z])"
                      r"(?![ \t]++[A-Z])")
"""'his friend from the Home', 'back to the Home': a capitalized 'Home' inside a sentence is
the name people give their care home."""
_LABEL = fast_compile(
    r"(?<![A-Za-z])(?i:employer|employed[ \t]++by|company|workplace|place[ \t]++of[ \t]++"
    r"(?:employment|work)|school|daycare|day[ \t]++care|church|agency|home[ \t]++health(?:"
    r"[ \t]++agency)?|hospice(?:[ \t]++agency)?|nursing[ \t]++home|group[ \t]++home|facility|"
    r"pharmacy|law[ \t]++firm|firm|shelter|day[ \t]++program|dme[ \t]++"
    r"(?:company|vendor|supplier)|vendor)[ \t]*+$")
_LABEL_VALUE = re.compile(r"[ \t]*+([A-Z0-9][A-Za-z0-9'’&.\-]*(?:[ \t](?:[A-Za-z0-9'’&.\-]+|"
                          r"#[ \t]?[0-9]+)){0,7})")
"""'Employer: Zeeland Pallet & Crate', 'School: Jordan High School': the value of a field
whose label names a kind of organization, up to a comma, a bracket, two spaces or the end
of the line."""
_NOT_AN_ORG = frozenset({"NONE", "N/A", "NA", "UNKNOWN", "UNEMPLOYED", "RETIRED", "SELF",
                         "SELF-EMPLOYED", "DISABLED", "STUDENT", "HOMEMAKER", "NO", "YES",
                         "PENDING", "TBD", "DECLINED", "OTHER", "HOME", "NOT"})
_TRAIL = re.compile(r"(?:[ \t]++(?:of|the|de|la|on|at|and|&))+$")


class _Filter:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def keys(self, phrase: str) -> list[str]:
        return [fold(w) for w in re.findall(r"[A-Za-z][A-Za-z'’]*", phrase)]

    def plain_word(self, key: str) -> bool:
        """A word no name is made of: function, month, clinical, state or title words."""
        lex = self.lex
        return (key in FUNCTION_WORDS or key in MONTH_WORDS or lex.is_clinical(key)
                or key in lex.states or key in lex.titles or key in COUNTRY_OR_REGION)

    def trimmed(self, text: str, start: int, end: int) -> int:
        """The end of the name before a street or town after it ('Bright Horizons on Elm
        Street' ends at 'Horizons'), and before trailing joining words."""
        phrase = text[start:end]
        cut = re.search(r"[ \t]++(?:on|at|in)[ \t]++[A-Z]", phrase)
        if cut:
            phrase = phrase[:cut.start()]
        phrase = _TRAIL.sub("", phrase)
        return start + len(phrase)

    def service_word(self, key: str) -> bool:
        """A word of a service, unit, kind of care or schedule ('Heart Failure', 'Skilled
        Nursing', 'Mail Order', 'MWF'): a department or a plan, not a place's name."""
        if key in ("OF", "THE", "AND", "&", "AT", "ON", "IN", "FOR", "DE", "LA", "DEL"):
            return False
        return (key in _GENERIC or key in _SERVICES or key in _UNITS or key in _SCHEDULE
                or _DEPARTMENT_WORD.search(key) is not None or self.lex.is_clinical(key))

    def everyday(self, keys: list[str]) -> bool:
        """Every word an everyday English word, none a name or a place ('Long Term')."""
        return all(words.is_english(k) and not self.lex.is_name(k) and k not in self.lex.places
                   for k in keys) and max(words.zipf(k) for k in keys) >= 4.0

    def named(self, phrase: str, *, delimited: bool) -> bool:
        keys = [k for k in self.keys(phrase) if k not in ("THE", "ST")]
        if not keys or all(self.plain_word(k) for k in keys) \
                or any(self.service_word(k) for k in keys) or self.everyday(keys):
            return False
        if delimited:
            if len(keys) > 1:
                return True
            word = phrase.split()[-1]
            if not phrase.lower().startswith("the ") and (
                    self.lex.is_name(keys[0]) or not words.is_english(keys[0])):
                return False  # 'the clinic (Lovelie)' names the person at its desk
            return not (self.plain_word(keys[0]) or (word.isupper() and len(word) <= 4)
                        or (words.is_english(keys[0]) and words.zipf(keys[0]) >= 4.5))
        if len(keys) == 1:
            key = keys[0]
            return not self.plain_word(key) and not words.is_english(key) \
                and words.zipf(key) < 3.0 and not self.lex.is_name(key)
        return not any(self.plain_word(k) for k in keys[:1]) and not all(
            words.is_english(k) and words.zipf(k) >= 4.5 for k in keys)


def named_organizations(text: str, lexicon: Lexicon) -> list[Span]:
    """Organizations after the word for their kind, after a verb of working, or in a field
    labelled with their kind (see the module)."""
    spans: list[Span] = []
    check = _Filter(lexicon)
    for kind in _KIND_WORD.finditer(text):
        for regex, delimited in ((_DELIMITED, True), (_PLAIN, False)):
            match = regex.match(text, kind.end())
            if match is not None:
                span = _candidate(text, match, check, delimited=delimited)
                if span is not None:
                    spans.append(span)
                    break
    for match in _WORKED.finditer(text):
        span = _candidate(text, match, check, delimited=False)
        if span is not None:
            spans.append(span)
    for match in _HOME_AT.finditer(text):
        end = check.trimmed(text, match.start(1), match.end(1))
        if check.named(text[match.start(1):end], delimited=True):
            spans.append(Span(match.start(1), end, PhiType.FACILITY, "named_org", 0.8))
    for ward_regex, ward_last in ((_WARD, True), (_WARD_FIELD, False)):
        for match in ward_regex.finditer(text):
            keys = check.keys(match.group(1))
            name = keys[:-1] if ward_last else keys
            if name and not any(k in _PLAIN_WARD or check.plain_word(k) or k in _GENERIC
                                for k in name):
                spans.append(Span(match.start(1), match.end(1), PhiType.FACILITY, "named_org",
                                  0.8))
    spans.extend(Span(m.start(1), m.end(1), PhiType.FACILITY, "named_org", 0.75)
                 for m in _THE_HOME.finditer(text))
    spans.extend(_labelled(text, check))
    return spans


def _candidate(text: str, match: re.Match[str], check: _Filter, *,
               delimited: bool) -> Span | None:
    start = match.start(1)
    end = match.end(1) if delimited else check.trimmed(text, start, match.end(1))
    phrase = text[start:end]
    if end <= start or (phrase.isupper() and " " in phrase and not delimited) \
            or not check.named(phrase, delimited=delimited):
        return None
    return Span(start, end, PhiType.FACILITY, "named_org", 0.8)


def _labelled(text: str, check: _Filter) -> list[Span]:
    """'Employer: Zeeland Pallet & Crate': the value after a colon whose label names a kind
    of organization (each colon's label read from the 30 characters before it)."""
    spans: list[Span] = []
    at = text.find(":")
    while at >= 0:
        if _LABEL.search(text, max(0, at - 30), at):
            match = _LABEL_VALUE.match(text, at + 1)
            if match is not None:
                start, end = match.start(1), match.end(1)
                value = text[start:end]
                keys = check.keys(value)
                capitals = sum(1 for w in value.split() if w[:1].isupper())
                if keys and value[:1].isalpha() and keys[0] not in _NOT_AN_ORG and not all(
                        check.plain_word(k) or k in _GENERIC for k in keys) and not any(
                        check.service_word(k) for k in keys) and (capitals >= 2 or (
                        not words.is_english(keys[0]) and words.zipf(keys[0]) < 3.0)):
                    spans.append(Span(start, end, PhiType.FACILITY, "named_org", 0.8))
        at = text.find(":", at + 1)
    return spans
