"""Declarative pattern recognizers: one regex, a type, a score and an optional validator.

A `PatternRule` is data: the regex (Python `re`, compiled once), the group that
holds the identifier (context words such as 'MRN:' stay outside the span), the
PHI type and score, and the name of a validator (checksums and number rules)
that runs over all candidates of a batch at once. Validators are the
verification pass's (`veil.detect.patterns`: SSN area rules, IPv4 octets, VIN
check digit), applied to a Polars Series of the candidates, so each rule is
written once for tables and text.

Dates cover written and numeric forms ('3rd of May', 'May 3', '03/05/21',
'2021-05-03', 'Tuesday the 4th', "Jan '19", 'spring of 2019', holidays);
a bare year is not a date element under Safe Harbor and is never matched
alone. Ages are matched only above 89, in digits or words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from veil.detect import vocab
from veil.text import rules_abroad
from veil.text.pattern_rule import PatternRule
from veil.text.regex_lead import FastRegex, LedRegex, compile_led
from veil.text.spans import PhiType
from veil.text.trie import trie_pattern
from veil.text.word_lead import WordIndex, word_keys

_MONTH = (r"(?:Jan(?:uary|urary|uray)?|Feb(?:ruary|uary|urary|raury)?|Mar(?:ch)?|Apr(?:il)?|May|"
          r"June?|July?|Aug(?:ust|est)?|Sep(?:t(?:ember|mber)?)?|Oct(?:ober|obor)?|"
          r"Nov(?:ember|mber)?|Dec(?:ember|mber)?)")
"""A month's name or abbreviation, also in its common misspellings ('Febuary', 'Septmber')."""
_MONTH_I = r"(?i:" + _MONTH + r")"
_MONTH_DOT = _MONTH_I + r"\.?"
_DAYNUM = r"(?:0?[1-9]|[12][0-9]|3[01])"
_ORD = r"(?i:st|nd|rd|th)"
_DAY = _DAYNUM + r"(?:" + _ORD + r")?"
_DAY_WORDS = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
              r"twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
              r"nineteenth|twentieth|twenty[- ](?:first|second|third|fourth|fifth|sixth|"
              r"seventh|eighth|ninth)|thirtieth|thirty[- ]first)")
_ANYDAY = r"(?:" + _DAY + r"|(?i:" + _DAY_WORDS + r"))"
_Y4 = r"(?:1[89][0-9]{2}|20[0-9]{2})"
_YEAR = r"(?:" + _Y4 + r"|'[0-9]{2}|’[0-9]{2})"
_MON = r"(?:0?[1-9]|1[0-2])"
_WEEKDAY = (r"(?i:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?|"
            r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)")
_WEEKDAY_FULL = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_SEASON = r"(?i:spring|summer|fall|autumn|winter)"
_HOLIDAY = (r"(?i:christmas(?:\s+(?:day|eve))?(?:\s+(?:morning|night|evening|afternoon))?|"
            r"new\s+year'?s(?:\s+(?:day|eve))?|thanksgiving"
            r"(?:\s+day)?(?:\s+(?:morning|night|evening|afternoon))?|easter(?:\s+sunday)?|"
            r"halloween|independence\s+day|memorial\s+day|"
            r"labou?r\s+day|valentine'?s\s+day|veterans\s+day|mother'?s\s+day|father'?s\s+day|"
            r"fourth\s+of\s+july|4th\s+of\s+july)")
_HOLIDAY_OTHER = (r"(?i:diwali|deepavali|chuseok|han+uk+ah|chanukah|"
            r"passover|purim|sukkot|rosh\s+hashanah?|yom\s+kippur|juneteenth|kwanzaa|"
            r"cinco\s+de\s+mayo|mardi\s+gras|(?:lunar|chinese)\s+new\s+year|"
            r"eid[\s\-]+(?:al|ul|el)[\s\-]+(?:fitr|adha)|nowruz|holi|vesak|songkran|"
            r"good\s+friday|ash\s+wednesday|palm\s+sunday|boxing\s+day|anzac\s+day|"
            r"australia\s+day|canada\s+day|remembrance\s+day|waitangi\s+day|bastille\s+day|"
            r"victoria\s+day|bonfire\s+night|guy\s+fawkes(?:\s+night)?|hogmanay|burns\s+night|"
            r"(?:st\.?|saint)\s+patrick'?s\s+day|mlk\s+day|martin\s+luther\s+king(?:\s+jr\.?)?"
            r"\s+day|presidents'?\s+day|columbus\s+day|indigenous\s+peoples'?\s+day|"
            r"black\s+friday|cyber\s+monday|super\s+bowl\s+sunday|groundhog\s+day|"
            r"election\s+day|ides\s+of\s+march|nochebuena|nochevieja|d[ií]a\s+de\s+(?:los\s+)?"
            r"(?:reyes|muertos|acci[oó]n\s+de\s+gracias)|tet\s+holiday|t[eế]t\s+nguy[eê]n\s+[dđ][aá]n|"
            r"seollal|obon|tu\s+b['’]?shvat|shavuot|simchat\s+torah|tisha\s+b['’]?av|"
            r"shavuos|sukkos|succos|pesach|simchas\s+torah|lag\s+b['’]?omer|"
            r"april\s+fools['’]?(?:\s+day)?|new\s+year['’]?s\s+weekend|"
            r"(?:thanksgiving|easter|christmas|labou?r\s+day|memorial\s+day)\s+weekend|"
            r"(?:(?<=during )|(?<=last )|(?<=this )|"
            r"(?<=next )|(?<=after )|(?<=before )|(?<=since )|(?<=over )|(?<=until )|"
            r"(?<=through ))(?:ramadan|eid)|p[aâ]ques|jour\s+de\s+l['’]an|"
            r"la\s+saint-jean(?:-baptiste)?|f[eê]te\s+nationale|action\s+de\s+gr[aâ]ce|"
            r"semana\s+santa|(?:(?<=for )|(?<=over )|(?<=on )|(?<=since )|(?<=after )|"
            r"(?<=before ))the\s+(?-i:Fourth)(?![ \t]+(?-i:[A-Z])|[ \t]+of\b))")
_HEBREW_MONTH_NAMED = (r"(?:Tishr?ei|Tishri|(?:Mar)?[CH]h?eshvan|Kislev|Tevet|Teves|Shevat|"
                       r"Sh['’]?vat|Adar|Iyy?ar|Tamm?uz|Elul|Menachem[ \t]+Av)")
"""Months of the Hebrew calendar no name, gene or abbreviation shares, in name case ('ADAR' is
a gene; 'Av', 'Nisan' and 'Sivan' are an abbreviation, a car and a name: `_HEBREW_MONTH_SHARED`)."""
_HEBREW_MONTH_SHARED = r"(?:Nisan|Sivan|Av)"
"""Months that are other words too: a date only with a day and a Hebrew year ('9 Av 5784')."""
_HEBREW_MONTH_PART = r"(?:[ \t]+(?:I{1,2}|Aleph|Alef|Bet|Beis|Sheni|Rishon))?"
"""A leap year's first or second Adar ('24 Adar II', 'Adar Sheni')."""
_HEBREW_YEAR = r"(?:5[67][0-9]{2})"
_RANGE_SEP = (r"(?:[ \t]*[\-–][ \t]*|[ \t]+(?i:to|through|thru|and|&|until|till)[ \t]+)"
              r"(?:(?i:the)[ \t]+)?")
"""Between the two days of a range ('March 4th-6th', 'May 3 to the 9th')."""
_UNIT_AFTER = (r"(?!\s*(?i:mg|mcg|ml|units?|u|iu|kcal|cal|meq|mmol|cells|%|mm|cm|kg|lbs?|"
               r"hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?|times|x|bpm|mmhg|percentile)\b|"
               r"\s*%)")
"""Not a day when a unit or a count follows ('March 4-6 weeks' keeps its range out)."""
_POLICE_NEXT = (r"(?:Ofc\.|Ofc(?![A-Za-z])|Officers?|officers?|Det\.|Detectives?|detectives?|"
                r"Sgt\.?|Sergeant|Trooper|P\.O\.|on[ \t]+scene|at[ \t]+(?:bed ?side|scene)|"
                r"Dist\.?[ \t]*[0-9]|District|Precinct|incident|Incident|arrived|responded|"
                r"(?:Squad|Engine|Ladder|Truck|Medic|Med|Amb\.?|Ambulance|ambulance|Rescue|Unit)"
                r"[ \t]*#?[ \t]*[0-9]|(?:case|report|incident|run)[ \t]*(?:#|no\.?|number)?"
                r"[ \t]*[A-Z0-9\-]*[0-9]|badge|star|Homicide|investigators?|Investigator)"
                r"(?![A-Za-z])")
"""Words of the police or the fire service after a department's initials ('CPD on scene', 'MFD
Engine 28', 'Chicago PD Ofc. Reyes')."""
_ROMAN_MON = r"(?:XII|XI|IX|X|VIII|VII|VI|IV|V|III|II|I)"
"""A month in Roman numerals ('03.XII.2023'), upper case only."""
_L = r"(?<![A-Za-z0-9])"
_LEAD_MONTH = r"(?=[JjFfMmAaSsOoNnDdTtWw])"
"""First letters of a month or weekday name: positions that cannot start one are skipped
at once (the same matches, about twice as fast)."""
_LEAD_DAY = r"(?=[0-9FfSsTtEeNnMmWw])"
"""First characters of a day number or word, a weekday or 'the'."""
_R = r"(?![A-Za-z0-9])"
_ROUTE_STATE = (r"(?:KY|WV|VA|TN|SC|OH|MI|WI|MN|MO|AR|NE|KS|TX|NM|AZ|NV|WY|MT|ND|WA|NY|NJ|NH|"
                r"AL)")
"""States whose codes name their routes ('KY-80'); codes that are clinical prefixes too ('CA-125',
'MD-', 'PA-', 'NC-2' of a cannula, 'IA-2', 'GA-28') are left out."""
_NOT_INITIALS = (r"(?!U\.S\.|A\.M\.|P\.M\.|D\.O\.|M\.D\.|N\.P\.|R\.N\.|A\.O\.|A\.A\.O|D\.C\.|"
                 r"S\.O\.B|C\.O\.|T\.I\.D|B\.I\.D|Q\.I\.D|P\.R\.N|N\.P\.O|D\.N\.R|B\.P\.|H\.R\.|"
                 r"A\.M\.A|O\.D\.|O\.S\.|O\.U\.|P\.O\.|I\.V\.|I\.M\.|E\.R\.|O\.R\.|P\.T\.|O\.T\.|"
                 r"H\.O\.H|U\.E\.|L\.E\.)")
"""Dotted abbreviations that are no one's initials ('M.D.', 'B.I.D.', 'U.S.')."""
_LD = r"(?<![0-9A-Za-z/.\-])"
_RD = r"(?![0-9A-Za-z/]|[.\-][0-9])"

NINETY = r"(?:ninety|ninty|nintey)"
"""'ninety' and the misspellings typed for it ('ninty one'): every age-in-words pattern
uses this one alternation."""
NINETY_NEEDS = ("ninety", "ninty", "nintey")
_NUM_UNIT_WORDS = (r"(?:one|two|three|four|five|six|seven|eight|nine)")
_SPOKEN_YEAR = (r"(?i:(?:nineteen|twenty)[ \t\-]+(?:hundred[ \t]+)?(?:"
                r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
                r"nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ \t\-]+"
                + _NUM_UNIT_WORDS + r")?|oh[ \t]+" + _NUM_UNIT_WORDS + r"|" + _NUM_UNIT_WORDS
                + r")|two[ \t]+thousand(?:[ \t]+(?:and[ \t]+)?(?:" + _NUM_UNIT_WORDS
                + r"|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|twenty(?:[ \t\-]+"
                + _NUM_UNIT_WORDS + r")?))?)")
"""A year said in words ('nineteen forty-one', 'twenty twenty four', 'two thousand and three')."""
_AGE_WORDS = (r"(?i:" + NINETY + r"(?:[\s\-]+" + _NUM_UNIT_WORDS + r")?|"
              r"(?:one[\s\-]+|a[\s\-]+)?hundred(?:[\s\-]+and)?(?:[\s\-]+(?:" + _NUM_UNIT_WORDS
              + r"|ten|eleven|twelve|"
              r"(?:thir|four|fif|six|seven|eigh|nine)teen|twenty(?:[\s\-]+"
              + _NUM_UNIT_WORDS + r")?))?)")
_EVENT_WORD_LIST = (
    "addendum", "administered", "admission", "admitted", "angiogram", "appointment", "appt",
    "arrived", "bal", "bcx", "biopsied", "biopsy", "booster", "born", "bronchoscopy", "called",
    "canceled", "cancelled", "cath", "changed", "collected", "colonoscopy", "completed",
    "consult", "contact", "converted", "covid", "ct", "cta", "culture", "cultured", "cultures",
    "cvc", "cx", "cxr", "debrided", "delivered", "departed", "dexa", "diagnosed", "died",
    "discharge", "discharged", "dispensed", "done", "dose", "drain", "drawn", "dtap", "due",
    "ecg", "echo", "eeg", "effective", "egd", "ekg", "emg", "endoscopy", "ercp", "eus",
    "evaluated", "excised", "expire", "expired", "expires", "explanted", "exposed", "exposure",
    "extubated", "f/u", "faxed", "filled", "fixed", "flu", "follow-up", "followup", "given",
    "held", "hepatitis", "hpv", "immunized", "implanted", "influenza", "infused", "injected",
    "inserted", "intubated", "involuntary", "issued", "kub", "labs", "line", "lp", "mammogram",
    "mmr", "mra", "mrcp", "mri", "notified", "obtained", "onset", "operated", "panel", "passed",
    "pcv", "performed", "pet", "picc", "placed", "port", "progress", "pulled", "readmitted",
    "refilled", "removed", "repaired", "replaced", "reported", "rescheduled", "resected",
    "restarted", "resulted", "resumed", "returned", "rounds", "rsv", "scan", "scheduled", "seen",
    "sent", "shot", "shots", "signed", "started", "stent", "stopped", "surgery", "tdap", "tee",
    "today", "tomorrow", "tonight", "transferred", "transfused", "travel", "tte", "tube", "ucx",
    "ultrasound", "update", "updated", "us", "vaccinated", "vaccine", "vaccines", "visit",
    "voluntary", "x-ray", "xray", "yesterday",
    # labs and tests dated by a bare month/day ('Last BM 11/2', 'BMP 2/3: Cr 2.1')
    "bm", "ua", "bmp", "cmp", "cbc", "bnp", "inr", "a1c", "hba1c", "lfts", "tsh", "abg",
    "lytes", "swab", "pcr", "aspiration", "aspirated", "coiled", "embolized", "ablated",
    "ablation", "telepsych", "telemed", "video", "tested", "presented", "presenting",
)
_EVENT_WORDS = trie_pattern(_EVENT_WORD_LIST)
_CONTEXT_WORD_LIST = (
    "on", "since", "from", "until", "till", "through", "thru", "dated", "by", "before", "after",
    "effective", "of", "due", "dos", "dob", "dod", "admitted", "discharged", "seen", "visit",
    "started", "stopped", "last", "next", "between", "and", "to", "dictated", "transcribed",
    "signed", "date", "exam", "d/t", "performed", "collected", "drawn", "received", "reported",
    "resulted", "scheduled", "appt", "appointment", "f/u", "follow-up", "fu", "rtc", "return",
    "surgery", "procedure", "starting", "ending", "faxed", "mailed", "emailed", "updated",
    "entered", "printed", "requested", "obtained", "for", "rebooked", "rescheduled", "booked",
    "moved", "postponed", "cancelled", "canceled", "phone", "call", "called", "meeting",
    "ward", "clinic", "review", "reviewed", "discussed", "contacted", "rang", "consult",
    "consulted", "telehealth", "televisit", "admission", "booking", "recheck", "approved",
    "denied", "pended", "expires", "expired", "valid", "closed", "opened", "reopened",
    "documented", "charted", "logged", "submitted",
)
_EVENT_SLASH_WORDS = trie_pattern((
    "onset", "reset", "resets", "retrieval", "resent", "transferred", "delivered", "born", "died",
    "initiated", "restarted", "discontinued", "switched", "refilled", "renewed", "consented",
    "transplanted", "injured"))
"""Events of care and of a life after which a month/day with a slash is the day ('Onset
8/9', 'Retrieval 7/10', 'fax resent 2/7', 'Deductible reset 1/1'): never with a dash (a
range: 'onset 3-4 days'), and only words no count or fraction follows ('placed 1/2 way',
'removed 2/3 staples', 'fell 3/4 flights', 'note 4/5 strength' stay out)."""
_CONTEXT_WORDS = trie_pattern(_CONTEXT_WORD_LIST)
_TEST_NAMES = (r"(?:UDS|U-?tox|UTOX|A1[cC]|HbA1c|INR|CBC|BMP|CMP|TSH|PSA|LFTs?|UA|CXR|CT|MRI|"
               r"EKG|ECG|[Ee]cho|ECHO|colonoscopy|[Mm]ammo(?:gram)?|P[Aa][Pp]|DEXA|HCV|[Ll]abs|"
               r"BNP|[Ll]ipids|UPT|hCG|PPD|CD4|VL|[Vv]iral[ \t]+load|[Vv]isit|[Aa]ppt|EGD|CTA|PET|"
               r"US|HD|[Dd]ialysis|HUS|[Ss]creen|RhoGAM|[Rr]hogam|GBS|NST|[Cc]ath|TEE|TTE|"
               r"[Hh]olter|MRA|[Aa]ngio(?:gram)?)")
"""Tests, visits and treatments by name: a month/day right after one is its date ('UDS 12/2:',
'Last A1c 3/4'; a test's value is never written as a month and a day)."""
_DM_CONTEXT_LIST = (
    "dated", "dos", "dob", "dod", "admitted", "discharged", "seen", "visit", "dictated",
    "signed", "date", "collected", "drawn", "scheduled", "appt", "appointment", "f/u",
    "follow-up", "rtc", "booked", "rebooked", "rescheduled", "phone", "call", "called",
    "meeting", "ward", "clinic", "review", "reviewed", "discussed", "contacted", "rang",
    "consult", "consulted", "telehealth", "televisit", "admission", "booking", "surgery",
    "procedure", "faxed", "mailed", "emailed", "received", "reported", "resulted", "due")
_DM_CONTEXT_WORDS = trie_pattern(_DM_CONTEXT_LIST)
"""Words before a day/month pair (day first) that make it a date (see
`date_event_day_month`)."""
"""Words right before a month/day that make it a date (see `date_context_short`)."""
"""Words after which a bare month/day is the date of an event (see `date_event_short`)."""
_NOT_DATE_AFTER = (
    r"strength|power|motor|murmur|pain|reflex(?:es)?|dtr|of|tabs?|tablets?|caps?|cups?|"
    r"bilaterally|bilat|throughout|proximally|distally|symmetric(?:ally)?|at[ \t]+(?:the[ \t]+)?"
    r"apex|[lr]usb|[lr]lsb|sem|hsm|"  # 'Strength 5/5 and 4/5 bilaterally', 'and 3/6 at apex'

    r"nodes?|cores?|positive|negative|pos|neg|lesions|segments|vessels|points?|ratio|"
    r"dilution|titer|inch|in|mm|cm|mg|ml|mcg|units?|x|times|sets|reps|sessions|visits|"
    r"dose|ns|nss|"  # 'started 1/2 NS', '1/2 dose'
    r"doses|cycles|treatments|fractions|days?|weeks?|wks?|months?|years?|yrs?|hrs?|hours?|"
    r"nights|bpm|mmhg|patients|scale|score|criteria|samples|specimens|biopsies|bottles|"
    r"items|questions|correct|recall|words|digits|total|lbs?|kg|oz|pounds|kilos|grams|"
    r"years?[ \t]+old|yo|y/o|month[ \t]+olds?|weeks?[ \t]+olds?|"
    # around the clock, counts of tries ('24/7 care', '2/3 attempts', '2/3 weekly')
    r"care|monitoring|access|support|cover|coverage|supervision|observation|obs|attempts|"
    r"tries|weekly|daily|bed|"
    # UK day counts ('3/7 ago', '2/7 post-op': days)
    r"ago|post[ \t-]?op|postop|post[ \t-]?operative|post[ \t-]?partum|pp"
)
_ROMANCE_MONTHS = (
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    r"noviembre|diciembre|janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|"
    r"novembro|dezembro|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|"
    r"septembre|octobre|novembre|décembre|decembre|janv\.|févr\.|fevr\.|avr\.|juil\.|"
    r"sept\.|oct\.|nov\.|déc\.|dec\.|ene\.|dic\.|ene|abr|dic"
)
"""Month names of Spanish, Portuguese and French (US notes and patient letters use them)."""
_ABROAD_NUMBER_LABELS = r"s[ée]curit[ée]\s+sociale|s[ée]cu|nir|afiliado|carteirinha"
"""Labels of plan and social-security numbers abroad, written in one piece or in small digit
groups (`national_id_abroad`, `national_spaced`)."""


def _after_words(words: tuple[str, ...], separators: tuple[str, ...]) -> str:
    """A look-behind (any case) for one of `words` then one of `separators` right before the
    match: the rule then runs from its cheap anchor, not from every word of the text."""
    return "(?i:" + "|".join(f"(?<=\\b{re.escape(w + sep)})" if w[-1].isalnum() else
                             f"(?<={re.escape(w + sep)})"
                             for w in words for sep in separators) + ")"


_GERMANIC_MONTHS = (
    r"januar|jänner|februar|märz|maerz|juni|juli|oktober|dezember|januari|februari|maart|"
    r"augustus|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
)
"""Month names of German, Dutch and Italian that English does not share ('2. Dezember')."""
_FOREIGN_MONTH_TRIE = trie_pattern(sorted({
    m.replace("\\", "") for m in (_ROMANCE_MONTHS + "|" + _GERMANIC_MONTHS).split("|")
    if m.replace("\\", "").isascii()}))
"""The month names of other languages as one prefix-factored alternation (the texts are read
in ASCII, so only the unaccented spellings can match)."""
_SPACED_VALUE = (r"((?=(?:[A-Z\- ]{0,40}+[0-9]){5})(?=[A-Z0-9\- ]{0,60}?[A-Z0-9]{2})"
                 r"[A-Z0-9]{1,6}(?:[ \t\-][A-Z0-9]{1,12}){1,5})(?![A-Za-z0-9])"
                 r"(?![ \t]*(?i:units?|u|mg|mcg|g|kg|ml|l|iu|meq|mmol|mm|cm)\b)")
"""A value in groups: capitals and digits, at least five digits in all, two to six groups,
one of two characters at least ('Plan: 1 2 3 4 5 steps' is a list), no dose after it
('Plan A 12345 units')."""
_ROAD = (r"(?:(?:[A-Z][a-z]+[ \t]+){1,2}(?:St|Ave|Rd|Dr|Blvd|Ln|Hwy|Pkwy|Way|Street|Avenue|"
         r"Road|Drive|Boulevard|Lane|Highway|Parkway|Pike|Trail|Trl)\.?|(?:Hwy|HWY|Highway|"
         r"Route|Rte|US|SR|I|FM|CR)[ \t\-]?[0-9]{1,4}(?:[ \t]+[NSEW](?![A-Za-z]))?)")
"""A road: capitalized words and a street word, or a numbered highway."""
_NOT_AFTER_VITAL = "".join(f"(?<!{word} )" for word in (
    "bp", "hr", "sat", "sats", "o2", "spo2", "pulse", "rate", "temp", "glucose", "sugar", "level",
    "levels", "peaked", "stable", "steady", "held", "kept", "set", "capped", "maxed", "pressure",
    "running", "systolic", "diastolic", "bg", "fsbg", "cbg", "reading", "readings", "map", "ef",
    "weight", "wt", "rr", "infusion", "drip", "platelets", "plt", "sodium", "na", "sbp", "dbp",
    "kps", "fev1", "dlco", "ns", "ivf", "count", "paced", "sinus", "tachycardic", "flow",
    "trending", "ldl", "score"))
"""Words before 'at 95' that make it a measurement ('BP at 95, she was dizzy'), not an age."""
_NOT_AGE_UNIT = (r"(?![0-9]|\.[0-9]|[ \t]*(?:%|/|[\-–][ \t]*[0-9]|(?i:mg|mcg|kg|lbs?|bpm|mm|"
                 r"mmhg|percent|degrees|units|miles|feet|ft|yards|meters|m|hours?|hrs?|"
                 r"min(?:ute)?s?|sec(?:ond)?s?|days?|weeks?|wks?|months?|mos?|years?|yrs?|"
                 r"beats|breaths|laps|steps|reps|k|f|c|w|th|st|nd|rd|[ap]\.?m)\b|°|:))")
"""After a number read as an age: no unit, percent, ratio, decimal or time follows it."""
_STREET_THEN_TOWN_POSTCODE = (
    r"(?<![A-Za-z0-9])[0-9]{1,5}[A-Za-z]?[ \t]++(?:[A-Z][a-z'’]++[ \t]++){1,3}(?:Road|Rd|Street|"
    r"St|Avenue|Ave|Drive|Dr|Place|Pl|Crescent|Cres|Terrace|Tce|"
    r"Lane|Ln|Way|Close|Parade|Grove|Highway|Hwy|Esplanade|Boulevard|Bvd)\.?,[ \t]++"
    r"([A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2})(?:[ \t]++(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT))?"
    r"[ \t]++([0-9]{4})(?![0-9])(?=[ \t]*+(?:[.,;)\n]|$))")
"""A street word, a comma, a town and a four-digit postcode: an Australian or New Zealand
address ('19 Aubrey Road, Wanaka 9305')."""
_KINDS_OF_WORKS = "|".join(sorted(vocab.KINDS_OF_WORKS))
"""'Power', 'Coal': a kind of works before 'plant' or 'mine', no employer."""
_UNIT_PART = (r"(?:[A-H]|HHC|HHB|HHT|HSC|FSC)[ \t]++(?:Co\.?|Company|Btry|Battery|Trp|Troop)|"
              r"[0-9]{1,2}-[0-9]{1,3}(?:st|nd|rd|th|d)?[ \t]++(?:IN|CAV|FA|AR|AV|EN|ADA|Cavalry|"
              r"Infantry|Armor|Aviation)|[0-9]{1,2}(?:IBCT|SBCT|ABCT|BCT|ID|CAB)|"
              r"[0-9]{1,3}(?:st|nd|rd|th|d)[ \t]++(?:ID|Bn|Bde|IN)|HHC|MAG-[0-9]{2}|"
              r"MAW-?[0-9]|[0-9](?:st|nd|rd|th|d)[ \t]++MAW")
"""One part of a unit's short form: a company or troop, a battalion of a regiment ('2-27
IN'), a brigade or division ('3IBCT', '25th ID'), a Marine aircraft group ('MAG-36')."""
_FRACTION_OF = (r"(?:1/[1-9]|2/[2-9]|3/[3-9]|4/[4-9]|5/[5-9]|6/[6-9]|7/[7-9]|8/[89]|9/9)"
                r"(?![0-9])[ \t]+(?i:of|way)\b")
"""'3/4 of goal', '2/2 of meds', '1/2 way': a fraction, never a date."""
_NOT_FORM_FILLER = (r"(?!(?:Unknown|UNKNOWN|None|NONE|N/A|NA|Same|SAME|Other|OTHER|Not|"
                    r"NOT|Out|Declined|Pending|Home|Yes|No|Unk|See|Refused|TBD|Multiple|"
                    r"Various|Same[ \t]+as)(?![A-Za-z]))")
"""A form's filler where a value should stand ('County: Unknown', 'City: Same as above')."""
_PLACE_VALUE = r"[A-Z][A-Za-z'’.\-]*+(?:[ \t][A-Z][A-Za-z'’.\-]*+){0,2}"
"""A place name of one to three capitalized words."""
_NUMBER_FILLER = (r"(?:[ \t]+(?:from|for|of|on|in|the|his|her|my|our|their|card|reads|listed|"
                  r"shows|DD-?214|DD[ \t]214|[A-Z][a-z]+)){0,3}?")
"""Words between a number's label and the number ('service number from Vietnam was ...', 'service
number on DD-214 RA ...', the military discharge form)."""
_SPACED_GROUPS = (r"((?=(?:[A-Z \t\-]{0,4}[0-9]){6})(?:[A-Z]{1,3}[ \t\-]?)?(?:[0-9]{1,5}"
                  r"(?:[ \t\-][0-9]{1,5}){1,5}|[0-9]{6,12})(?:[ \t][A-Z]{1,2}(?![A-Za-z0-9]))?)"
                  r"(?![0-9A-Za-z])")
"""A number in spaced groups with an optional letter prefix and version code ('RA 18 774
220', '5831 204 776 KT'), checked by the `spaced_number` validator."""
_NOT_AFTER_MEASURE = "".join(
    f"(?<!(?i:{word}){sep})" for word in (
        "hr", "heart rate", "pulse", "bp", "sat", "sats", "saturation", "saturations", "spo2",
        "o2", "oxygen", "rr", "resp", "temp", "temperature", "glucose", "sugar", "sugars", "bg",
        "weight", "wt", "score", "rate", "level", "count", "reading", "readings", "was", "of")
    for sep in (" ", ", ", ": ", " at ", " is ", " of "))
"""A measurement's name before a number in words ('HR ninety one', 'saturation, ninety two',
'sugar was ninety four'): a value, not an age."""
_AGE_WORDS_BEFORE = "(?:" + "|".join(
    [r"(?<=: )", r"(?<=\()", r"(?<=\")", r"(?<=“)", r"(?<=, )", r"(?<=-- )", r"(?<=— )",
     r"(?<=,\" )", r"(?<=,” )"]
    + [f"(?<=(?i:{word}) )" for word in (
        "pt", "patient", "is", "was", "on", "only", "nearly", "almost", "now", "turned",
        "turns", "age", "aged", "she", "he", "mom", "dad", "mother", "father", "resident",
        "grandma", "grandpa", "widow", "widower", "be", "being", "about", "over", "past",
        "for")]) + ")"
"""Where a number from ninety-one to ninety-nine in words stands as an age: after a colon,
a comma, a bracket or quote, a dash, or a word that goes before an age ('About Cecil:
Ninety-one,', '"ninety-three and still sharp"', 'pt ninety-four,', 'going on ninety-eight')."""
_AGE_NUM = r"(?:9[0-9]|1[0-1][0-9]|12[0-5])(?!\+)"
_AGE_CLAUSE_AFTER = (r"(?=[ \t]+(?:carries|carry|remains|still|lives|living|she|he|they|"
                     r"surgery|mortality|risk|with[ \t]+(?:her|his|their|good|poor|reasonable|"
                     r"limited|excellent|multiple|advanced|no|few|significant|severe|frailty|"
                     r"dementia)\b)\b)")
"""What follows an age after 'at' in prose ('at ninety-one carries a one-year mortality', 'At
91 with reasonable functional status'): a life's circumstances, never a reading's unit."""
"""An age over 89 in digits; '90+' is already the Safe Harbor top code and is not matched."""
_AGE_UNIT = (r"(?i:[\s\-]*(?:years?|yrs?\.?|yoa|yo|y/o|y\.o\.?|y\.?o|yr\.?|year|y(?![a-z])|"
             r"ans|a[nñ]os|anni|jahre|jaar|jr\.|tuoi|tuổi|lata|saal|sal|goda|let)"
             r"(?:[\s\-]*(?:old|young|of\s+age|alt|d'[aâ]ge|de\s+edad|oud))?)")
"""Years in English and the languages notes abroad are written in ('96 ans', '91 años',
'93 Jahre alt', '90 jaar oud')."""

_PHONE_US = (r"(?:\+?1[\s.\-]?)?(?:\([2-9][0-9]{2}\)|[2-9][0-9]{2})[\s.\-/]?[0-9]{3}[\s.\-/]?"
             r"[0-9]{4}(?:[ \t]*+,?[ \t]*+(?:x|ext\.?|extension|poste)[ \t]*+[0-9]{1,5})?")
_PHONE_INTL = r"\+[1-9][0-9]{0,2}[\s.\-]?\(?[0-9]{1,4}\)?(?:[\s.\-]?[0-9]{2,4}){2,5}"

_STORE_UNIT = (r"(?i:tank|dewar|can|canister|cane|goblet|rack|box|shelf|freezer|tower|slot|"
               r"position)[ \t]*#?[ \t]*[A-Z0-9]{1,3}(?:-[0-9]{1,3})?(?![A-Za-z0-9])")
"""One unit of a cryostore or biobank place and its number ('Cane 41', 'rack 3', 'box 7-9')."""
_ID_VALUE = (r"((?=[A-Za-z\-/.]{0,30}+[0-9])[A-Za-z0-9](?:[A-Za-z0-9]|[\-/.][A-Za-z0-9]){2,24}"
             r"(?: (?!(?:ICD|CPT|LOINC|SNOMED|NDC|HCPCS|DRG|CVX)(?![a-z]))(?=[A-Z\-]*[0-9])"
             r"[0-9A-Z](?:[0-9A-Z]|-[0-9A-Z]){0,11}(?![a-z])" + _UNIT_AFTER + r"){0,5}"
             r"|(?=[A-Z]{1,5}(?:[ \-]?[0-9]){5}|[A-Z]{2,6}(?:-[A-Z]{2,6})?(?:[ \-]?[0-9]){4})"
             r"[A-Z]{1,6}(?:-[A-Z]{2,6})?(?: [0-9](?:[0-9]|-[0-9]){0,13}){1,5}"
             r"(?![A-Za-z0-9])" + _UNIT_AFTER +
             r"|(?=(?: ?[0-9]){7})[0-9]{2,4}(?: [0-9]{2,4}){2,4}(?: [A-Z](?=[ \t]*(?:[).,;\n]|$)))?"
             r"(?![A-Za-z0-9])" + _UNIT_AFTER + r")")
"""A labelled identifier: one token with a digit ('E4471820', 'TN1180-07'), then the groups a
form prints it in ('887 4410 2291', 'W0366 26 118847 8'); or a letter prefix (an issuer's
code, 'KY-CPS') before digit groups of four digits or more, five after one letter ('CLM 2026
1104 88213', 'TREM 7254 0918', 'JPD 2281'; not 'T 37', 'BP 148'); or seven digits or more
in short groups ('DL 28 419 776').
One space between groups: a wider gap or a word without a digit ends it."""
_NOT_VISITS = r"(?![0-9]{1,2}[wW][0-9]{1,2}(?![A-Za-z0-9]))"
"""Not a home-health visit frequency ('SN 2w4': skilled nursing twice a week for 4 weeks)."""
_LABEL_TAIL = (r"(?:_(?:number|num|no|nbr|id|identifier)(?![A-Za-z0-9]))?"
               r"(?:[ \t]*\([A-Za-z0-9 .\-]{1,20}\)|[ \t]*[\"“][A-Za-z ]{1,24}[\"”])?")
"""What may follow a label word: a joined field suffix ('group_number') and a parenthesis
('NAM (RAMQ)', 'Member ID (primary)')."""
_LEADER = r"(?:\.{2,80}+[ \t]*+|_{2,80}+[ \t]*+)?"
"""Form leaders between a label and its value ('Group # ......... TN1180-07')."""
_MEASURE_WORDS = (r"count|level|levels|reading|readings|score|load|sugar|sugars|glucose|"
                  r"pressure|bp|weight|a1c|hba1c|cd4|inr|psa|egfr|gfr|platelet|platelets|ldl|"
                  r"hdl|cholesterol|triglycerides?|creatinine|potassium|sodium|hemoglobin|hgb|"
                  r"wbc|temp|temperature|heart|pulse|oxygen|o2|sat|sats|steps|calories|carbs?|"
                  r"lucky|favorite|room|bed|floor|seat|shoe|size|dose|unit|units|pills?|tablets?|"
                  r"phone|cell|fax|mobile|home|work|contact|callback|pager|telephone|emergency|"
                  r"office|direct|bmi|iq|vitamin|ferritin|tsh|labs?|blood|urine|kidney|liver|"
                  r"viral|white|red|lipid|iron|calcium|magnesium|protein|albumin|bilirubin|ast|"
                  r"alt|ketones?|pain|mood|peak|flow|fev1|spo2|rate|step|page|line|version|"
                  r"model|street|house|apartment|apt|zip|area|exit|highway|route|bus|"
                  r"lottery|jersey|table|track|row|stage|grade|class|category|tier|"
                  r"neutrophils?|lymphocytes?|anc|alc|troponin|bnp|nt-probnp|probnp|d-dimer|ck|"
                  r"hcg|afp|amylase|lipase|ige|cd34|total|ward|kit|batch|cpt|billing|revenue|"
                  r"hcpcs|ndc|rxnorm|icd|code|drg|loinc|snomed|cells|copy|copies|dilution|"
                  r"titer|titre|antibody|igg|igm|b12|folate|t4")
"""Words of a measurement, a telephone or a place before 'number': no identifier follows."""
_CAMP_UNIT = (r"(?:Camp|Block|Blk\.?|Shelter|Sector|Zone|Tent|Hut|Flat|Compound)[ \t]+"
              r"(?:No\.?[ \t]*)?[0-9A-Z]{1,4}(?:-?[0-9A-Z]{1,4})?")
"""A unit of a camp's or block's address: the word and its number or letter."""
_SEP = (r"(?>" + _LABEL_TAIL + r"(?:[ \t]*(?:number|num|no\.?|nbr|#|id|ID|identifier)\b\.?)?"
        r"[ \t]*#?[\"”]?[ \t]*(?:[:=]|is|was|of|says|reads|shows|ending(?:[ \t]+in)?)?[ \t]*#?"
        r"[ \t]*" + _LEADER
        + r")")
"""Atomic: taken once, never given back, so a label before a long run of blanks (an empty
form field) costs linear time, not a cubic backtrack over where each blank belongs."""
_ANY_PHONE = (r"((?=(?:[ ./\-()]*+[0-9]){8,13}(?![ ./\-]?[0-9]))\+?\(?[0-9]{1,5}\)?"
              r"(?:[ .\-/]?[0-9]{2,6}){1,4})(?![0-9])")
"""A phone number in any national layout after a phone word: 8 to 13 digits in groups."""
_SEP_REQUIRED = (r"(?>" + _LABEL_TAIL + r"(?:[ \t]*(?:number|num|no\.?|nbr|#|id|identifier)\b"
                 r"\.?[ \t]*(?:[:#=]|is|was)?|[ \t]*[:#=]{1,2})[ \t]*#?[ \t]*" + _LEADER + r")")
_NO_CASE_KIND = (r"(?:MG|ML|MCG|KG|IU|MM|HR|HRS|BPM|BP|ICD|CPT|CVX|NDC|DRG|HCPCS|LOINC|RVU|MEQ|"
                 r"PPD|AM|PM|EST|CST|PST|MST|EDT|CDT|PDT|MDT|UTC|GMT|MIN|SEC|DAY|DAYS|WK|WKS|MO|"
                 r"YR|YRS|Y|X|CC|UNITS?|TAB|TABS|CAP|CAPS|AND|OR|TO|CFR|USC|FR|STAT|PUB|CCR|"
                 r"NYCRR|TAC|WAC|ILCS|ORS|RCW|OAC|AAC)"
                 r"(?![A-Z])")
"""Capitals between two numbers that are a unit, a time zone or a code system: no case kind."""
STATE_CODES = (r"(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|"
               r"MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|"
               r"PR|GU|VI)")
_STATE_NAMES = (r"(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|"
                r"Florida|Georgia|Hawai['’‘ʻ]?i|HAWAI['’‘ʻ]?I|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|"
                r"Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|"
                r"Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|"
                r"North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|"
                r"South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|"
                r"Wisconsin|Wyoming|Puerto Rico|District of Columbia|Guam|GUAM|American Samoa|"
                r"Am\. Samoa|(?:U\.?S\.? )?Virgin Islands|"
                r"(?:Commonwealth of the )?Northern Mariana Islands|CNMI)")
"""The states, the District and the territories a ZIP code is written after (USPS)."""
_STREET_SUFFIX = (r"(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|"
                  r"Court|Ct|Place|Pl|Terrace|Ter|Terr|Parkway|Pkwy|Highway|Hwy|Circle|Cir|"
                  r"Trail|Trl|Square|Sq|Plaza|Plz|Alley|Aly|Route|Rte|Pike|Crescent|Cres|Loop|"
                  r"Run|Row|Path|Pass|Point|Pt|Crossing|Xing|Expressway|Expy|Freeway|Fwy|"
                  r"Turnpike|Tpke|Cove|Cv|Bend|Ridge|Heights|Hts|Hill|Hollow|Landing|Manor|"
                  r"Mews|Close|Green|Walk|Commons|Center|Ctr|Park|Estates|Junction|Jct|Wy|"
                  r"Rdg|Holw|Crk|Cyn|Hbr|Mdw|Mdws|Mnr|Orch|Rnch|Spgs|Spg|Vly|Vw|Vlg|Trce|Grv|"
                  r"Gdns|Gln|Ests|Crst|Lndg|Mtn|Bnd|Brk|Byp|Cswy|Ctrs|Cts|Dl|Dm|Fls|Frd|Frst|"
                  r"Frk|Ft|Hls|Hvn|Knl|Knls|Lck|Mlls|Psge|Pln|Plns|Prt|Radl|Shl|Shr|Skwy|Smt|"
                  r"Sta|Stra|Strm|Tunl|Un|Via|Xrd|"
                  # British, Irish, Australian and New Zealand street words
                  r"Tce|Pde|Parade|Esplanade|Esp|Wynd|Chase|Brae|Vale|"
                  r"Quay|Wharf|Promenade|Glade|Bvd|Boulevarde|Copse|Garth|"
                  r"Croft|Nook|Gdn|Gds|Hwy)")
_UNIT = (r"(?:,?[ \t]*(?i:Apt|Apartment|Unit|Suite|Ste|Bldg|Building|Floor|Fl|Rm|Room|Lot|Space|"
         r"Trlr|Trailer|Spc|app|appt|appartement|bureau|local|piso|depto)\.?[ \t]*+(?:#[ \t]*+)?"
         r"[A-Za-z0-9\-]{1,6}|"
         r",?[ \t]*[0-9]{1,2}(?i:st|nd|rd|th)[ \t]+(?i:floor|fl)\.?(?![A-Za-z])|"
         r",?[ \t]*#[ \t]*[0-9]{1,5}[A-Za-z]?)")
_HOUSE = (r"(?<![A-Za-z0-9.,:/])(?:[NSEW][0-9]{1,3}[NSEW](?=[0-9]{3,6}[ \t])|[NSEW]"
          r"(?=[0-9]{3,6}[ \t]))?(?:[0-9]{1,6}|(?=[0-9OlI]{2,6}[ \t])(?=[OlI]*[0-9])[0-9OlI]{2,6})"
          r"[A-Za-z]?(?:-(?:[0-9]{1,4}|[A-Z](?![A-Za-z])))?"
          r"(?:[ \t]?(?:½|¼|¾|1/2|1/4|3/4)(?![0-9]))?")
"""A house number: digits, a letter, a dash part or a fraction ('123½', '45 1/2'), or a rural
grid number with its compass letter ('N1234')."""
_STREET_WORD = r"(?:[A-Z0-9][A-Za-z0-9'’\-]+\.?|[0-9]+(?:st|nd|rd|th))"


_HIGHWAY_STATES = (r"(?:WY|SD|ND|NE|MT|KS|NM|AZ|UT|NV|IA|WI|AK|KY|TN|AR|NC|SC|WV|VT|NH|NJ|NY|"
                   r"WA|TX|FL|OH|MN|MI|ID|IL|GA|AL|OK|MO|NB)")
"""State codes before a state road's number ('WY 120', 'SD-44'); not those that are also
clinical abbreviations or words ('CA 125', 'MS', 'MD', 'PA', 'OR', 'IN', 'CT', 'ME')."""
_ROAD_STATES = (r"(?:WY|SD|ND|MT|KS|NM|AZ|UT|NV|IA|WI|KY|TN|AR|WV|VT|NH|NJ|NY|WA|TX|FL|OH|MN|MI|"
                r"ID|GA|AL|OK|MO)")
"""The codes of `_HIGHWAY_STATES` a road's number may follow without 'near' after it: not 'NC'
(nasal cannula), 'NE' (norepinephrine), 'SC' (subcutaneous), 'IL' (interleukin), 'NB', 'AK'."""


_KAREN = ("Eh Paw Say Saw Naw Htoo Hser Moo Ler Lah Wah Htee Blu Doh Thaw Khu Nay Poe Soe Tha "
          "Dah Klo Nyaw Hsa Mya Kyi Pah Shee Bway Kaw Plo Taw Gay Mu")
_BURMESE = ("Aung Kyaw Thu Zaw Myo Htet Win Naing Oo Ye Min Lwin Thant Hnin Wai Su Myat Phyo "
            "Thiri Nyein Ei Khin Maung Daw Tun Nwe Thet Sandar Yin Thein Hla Sein Nandar Nu Zin "
            "Mar")
_HMONG = ("Pa Nhia Xee Kou Mai Chue Tou Nou Pang Yia Bao Ka Mee Yer Xia Vang Lor Thao Moua Xiong "
          "Vue Khang Kue Cha Fue Choua Ger Neng Pheng Shoua Txawj Youa Zoua Houa Dia Ntxhi Nao "
          "Lia Kia Nalee Sheng Va")
_SYLLABLE_NAMES = " ".join((_KAREN, _BURMESE, _HMONG)).split()
"""Syllables of Karen, Burmese and Hmong given names, each a word ('Naw Paw Say', 'Saw Eh',
'Pa Nhia'): alone most are English words or too short for the name lists."""


def _street_suffixes() -> str:
    """Street suffixes: the USPS forms above and every suffix Faker writes ('Port', 'Views')."""
    words = {w for w in vocab.street_suffixes() if w[:1].isupper()}
    listed = _STREET_SUFFIX[3:-1].split("|")
    words |= set(listed)
    words |= {w.upper() for w in words}
    return "(?:" + "|".join(sorted(words, key=lambda w: (-len(w), w))) + ")"


def _rules() -> tuple[PatternRule, ...]:
    d = PhiType.DATE
    r = PatternRule
    return (
        # --- dates ---
        r("date_iso", d, _LD + _Y4 + r"[\-/.](?:0?[1-9]|1[0-2])[\-/.](?:0?[1-9]|[12][0-9]|3[01])"
          r"(?:[T ][0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?"
          r"(?:Z|[+\-][0-9]{2}:?[0-9]{2})?)?"
          + _RD, 1.0),
        r("date_numeric", d, _LD + r"(?:" + _MON + r"|" + _DAYNUM + r")([/\-.])(?:" + _MON + r"|"
          + _DAYNUM + r")\1(?:" + _Y4 + r"|[0-9]{2})" + _RD, 0.95),
        r("date_numeric_dots", d, _LD + _DAYNUM + r"\.\s?" + _MON + r"\.\s?" + _Y4 + _RD, 0.95),
        r("date_roman", d, r"(?=[0-9XIV])" + _LD + r"(?:" + _DAYNUM + r"([./\- ])" + _ROMAN_MON
          + r"\1|" + _ROMAN_MON + r"([./\-])" + _DAYNUM + r"\2)(?:" + _Y4 + r"|[0-9]{2})" + _RD,
          0.9),
        # '(2023/3)', 'since 2021/11': a year and a month (the month is a date element)
        r("date_year_month", d, r"(?<![0-9A-Za-z/.\-])(?i:(?<!ratio )(?<!titer )(?<!dilution )"
          r"(?<!dose )(?<!score )(?<!count )(?<!bp ))"
          r"(?:19[5-9][0-9]|20[0-9]{2})/(?:0?[1-9]|1[0-2])"
          r"(?![0-9/]|[.,][0-9])(?![ \t]*(?i:" + _NOT_DATE_AFTER + r"|cells|hpf)\b)", 0.8),
        # 'tested 2023-11', '(since 2021-04)': a year and month with a dash after a word of an
        # event or in parentheses; never a range of years ('2011-12 season': `year_month`)
        # 'Last UDS 2/27 pos', 'prior A1c 3/4': a month and day after 'last' and a test's
        # acronym (a value of that test is never a month and a day after the acronym)
        r("date_last_test", d, r"(?i:\b(?:last|prior|previous|most[ \t]+recent|repeat|next)[ \t]+)"
          + _TEST_NAMES + r"[ \t]+(" + _MON + r"/" + _DAYNUM + r")"
          + _RD + _UNIT_AFTER + r"(?![ \t]*(?i:of|tabs?|items?|points?|score)\b)", 0.8, group=1),
        # 'last tx 3/8;', 'margin marked 12/8 --', 'first tx 7/10 MWF': a month/day (slash
        # only) after a word of a treatment or procedure, where the phrase ends or a schedule
        # follows ('placed 2-3 L', 'infused 1/2 bag', 'tx 2/2 pneumonia' are amounts or 'due to')
        r("date_treatment_short", d, r"(?i:\b(?:tx|marked|placed|removed|changed|infused|"
          r"transfused|dispensed|filled|refilled|implanted|inserted|vaccinated|immunized|"
          r"biopsied|onset)[ \t]++)(?!2/2(?![0-9]))(" + _MON + r"/" + _DAYNUM + r")" + _RD
          + r"(?=[ \t]*(?:[,;.)\n]|$|--|—|–|\(|(?:MWF|TTS|TThS|M/W/F|T/Th/S)\b|(?i:and|at|by|with|"
          r"per|via)\b))", 0.8, group=1),
        # 's/p SVD 10/6 of healthy girl', 'C/S 11/3 at Touro', 'delivered 5/14,': a birth's
        # month/day after the word of the delivery
        r("date_delivery_short", d, r"(?i:\b(?:n?svd|c/s|c-section|cesarean|ltcs|vbac|"
          r"delivered|delivery|born)[ \t]++(?:on[ \t]++)?)(?!" + _FRACTION_OF + r")(" + _MON
          + r"/"
          + _DAYNUM + r")" + _RD + r"(?=[ \t]*+(?:[,;.):\n]|$|--|—|–|(?i:of|at|in|by|with|via|to|"
          r"and|for)\b))", 0.8, group=1),
        # 'HepB 2/6,', 'vaccines 5/14': a shot's or a series test's month/day; a dose of a
        # series or a count of values ('HepB 2/3', 'OGTT 2/4', 'Rota 3/3') is no date
        r("date_series_short", d, r"(?<![A-Za-z])(?:HepB|Hep[ \t]B|Tdap|DTaP|MMR|HPV|[Vv]accines?|"
          r"[Ii]mmunizations|[Ss]hots|GTT|OGTT|[Gg]lucola)[ \t]++"
          r"(?!(?:1/[1-4]|2/[2-4]|3/[34]|4/4|5/5|[0-9]{1,2}/10)(?![0-9]))"
          r"(" + _MON + r"/" + _DAYNUM + r")" + _RD
          + r"(?=[ \t]*(?:[:;,)]|\.(?![0-9])|$|\n|(?:and|&)\b))", 0.8, group=1),
        # 'UDS 12/2: bup +', 'HUS #1 3/7 and #2', 'Newborn screen #1 6/5 and': a month/day
        # after a test's name (and its number) that ends the phrase
        r("date_test_short", d, r"(?<![A-Za-z])" + _TEST_NAMES + r"[ \t]+(?:#[0-9][ \t]+)?"
          r"(?!(?:1/1|2/2|3/3|4/4|5/5|[0-9]{1,2}/10)(?![0-9]))(" + _MON + r"/" + _DAYNUM + r")"
          + _RD + r"(?=[ \t]*(?:[:;,)]|\.(?![0-9])|$|\n|(?:and|&)\b))", 0.8, group=1),
        r("date_year_month_dash", d, r"(?:(?i:\b(?:" + _CONTEXT_WORDS + r"|in|tested|"
          r"diagnosed|dx|since)(?:[ \t]*+:)?[ \t]++)|\()"
          r"((?:19[5-9][0-9]|20[0-9]{2})-(?:0[1-9]|1[0-2]))"
          r"(?![0-9\-/]|[.,][0-9])(?=[ \t]*[),;.\n]|[ \t]*$|[ \t]+(?i:and|to|through|when|at|in|"
          r"with|for)\b)", 0.8, group=1, validator="year_month"),
        r("date_iso_week", d, r"(?=[12][0-9]{3}-?W)" + _LD + _Y4
          + r"-?W(?:0[1-9]|[1-4][0-9]|5[0-3])(?:-?[1-7])?" + _RD, 0.9),
        # '3/4-3/9', '3/4 - 3/9/24': a range of month/day pairs (never a fraction of a unit)
        r("date_short_range", d, r"(?=[0-9]{1,2}/[0-9]{1,2}[ \t]*(?:[\-–]|(?i:to|thru|through|"
          r"until)[ \t]))" + _LD + _MON + r"/" + _DAYNUM + r"[ \t]*(?:[\-–]|(?i:to|thru|through|"
          r"until)[ \t])[ \t]*" + _MON + r"/" + _DAYNUM + r"(?:/(?:" + _Y4
          + r"|[0-9]{2}))?" + _RD + r"(?![ \t]*(?i:in\b|inch|\"|"
          r"mm|cm|mg|tabs?|tablets?|of\b|strength|cups?|tsp|tbsp))", 0.85),
        # 'D: 3/4 T: 3/5' transcription stamps; 'DOB 030419'; a month/day in a table's first cell
        r("date_stamp_short", d, r"(?<![A-Za-z])[DT]:[ \t]*(" + _MON + r"/" + _DAYNUM
          + r"(?:/(?:" + _Y4 + r"|[0-9]{2}))?)" + _RD, 0.85, group=1),
        r("date_dob_compact", d, r"(?i:\b(?:dob|d\.o\.b\.?|birth\s*date|date\s+of\s+birth|born)"
          r"[ \t]*[:#]?[ \t]*)((?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?:[0-9]{2}|(?:19|20)"
          r"[0-9]{2}))(?![0-9])", 0.9, group=1),
        # a month/day cell in a table row that also holds a clock time
        r("date_cell_timed", d, r"\|[ \t]*(" + _MON + r"/" + _DAYNUM + r")[ \t]*(?=\|[^\n]*"
          r"(?<![0-9])[0-2]?[0-9]:[0-5][0-9](?![0-9]))", 0.8, group=1),
        r("date_first_cell", d, r"(?m:^[ \t]*+\|?[ \t]*+(" + _MON + r"/" + _DAYNUM
          + r")[ \t]*(?:\||\t|"
          r" {2,}))", 0.8, group=1),
        # OCR damage: letter O for zero, l or I for one ('O3/l4/2O21'), at least one of each kind
        r("date_ocr", d, r"(?<![A-Za-z0-9/])(?=[0-9OlI/]{6,10}(?![A-Za-z0-9/]))(?=[^ \t\n]*[OlI])"
          r"(?=[^ \t\n]*[0-9])(?:[0O]?[1-9lI]|[1lI][0-2OlI])/"
          r"(?:[0O]?[1-9lI]|[12lI][0-9OlI]|3[01OlI])"
          r"/(?:[12lI][09O][0-9OlI]{2}|[0-9OlI]{2})(?![A-Za-z0-9/])", 0.8),
        # 'on l2/28', 'scheduled l/8': a scanned month/day whose one is read as 'l' or 'I',
        # after a word of time
        r("date_ocr_short", d, r"(?i:\b(?:on|by|since|until|due|dated|scheduled|from|to|"
          r"before|after)[ \t]+)((?=[^ \t\n]*[lI])(?=[^ \t\n]*[0-9])(?:[0O]?[1-9lI]|[1lI][0-2OlI])/"
          r"(?:[0O]?[1-9]|[12lI][0-9OlI]|3[01OlI]))(?![A-Za-z0-9/])"
          r"(?![ \t]*+(?i:tabs?|tablets?|caps?|dose|strength)\b)", 0.8, group=1),
        # 'on 04.09.', 'cleared from 16.09.;', 'am 3.5.': a day and month with the dots of
        # German, Scandinavian and Central European writing, after a word of time
        r("date_dotted_short", d, r"(?i:\b(?:on|since|until|till|dated|vom|bis|seit|le|du|den|"
          r"fra|til|od)[ \t]+)((?:0?[1-9]|[12][0-9]|3[01])\."
          r"(?:0?[1-9]|1[0-2])\.)(?![0-9])", 0.8, group=1),
        # 'chart says 2/20': month/day with a day over 12 (no score, fraction or node count)
        r("date_short_bare", d, r"(?=[0-9]{1,2}/[1-3][0-9](?![0-9]))(?<![0-9A-Za-z/.\-:+])"
          r"(?<!GCS )(?<!GCS: )(?<!MMSE )(?<!MoCA )(?<!score )(?<!scored )(?<!PHQ-9 )(?<!Apgar )"
          r"(?<!APGAR )(?<!fx )(?<!fraction )(?<!Fraction )(?<!Fx )(?<!FX )(?<!nodes )(?<!ratio )"
          r"(?<!SLUMS )(?<!BIMS )(?<!MOCA )(?<!GDS )(?<!EPDS )(?<!SAGE )(?<!GAD-7 )(?<!PHQ-2 )"
          + _MON + r"/(?:1[3-9]|2[0-9]|3[01])"
          r"(?![0-9A-Za-z/]|[.\-][0-9])(?![ \t]*(?i:nodes?|LNs?\b|lymph|cores?|positive|pos\b|"
          r"neg|points?|pts?\b|of\b|ratio|dilution|titer|inch|in\b|\"|mm|cm|mg|ml|mcg|units?|%|"
          r"x\b|times|days?|weeks?|wks?|months?|years?|yrs?|hrs?|hours?|nights|bpm|mmhg|"
          r"patients|scale|score|criteria|sx|symptoms|samples|specimens|biopsies|vessels|"
          r"segments|lesions|items|questions|correct|recall|words|digits|total|fractions|"
          r"sessions|visits|doses|cycles))", 0.8),
        r("date_compact", d, _LD + r"(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
          + _RD, 0.7),
        r("date_mon_name_year", d, _LEAD_MONTH + _L + r"(?:" + _WEEKDAY + r",?\s+)?" + _MONTH_DOT
          + r"\s*+(?:-\s*+)?" + _ANYDAY + r"(?:" + _RANGE_SEP + _ANYDAY + r")?[,\s]++"
          r"(?:of\s++)?" + _YEAR + _R, 1.0),
        r("date_day_mon_year", d, _LEAD_DAY + _L + r"(?:" + _WEEKDAY + r",?\s+)?(?:(?i:the)\s+)?"
          + _ANYDAY
          + r"(?:\s+(?i:of))?[\s\-]*+" + _MONTH_DOT + r"[,\s\-]*+" + _YEAR + _R, 1.0),
        r("date_compact_mon", d, _L + _DAYNUM + _MONTH_I + r"(?:" + _Y4 + r"|[0-9]{2})" + _R, 0.95),
        r("date_mon_day", d, _LEAD_MONTH + _L + r"(?:" + _WEEKDAY + r",?\s+)?" + _MONTH_DOT
          + r"(?:\s+|-)(?:the\s+)?" + _ANYDAY + r"(?![0-9])(?!\s*(?:mg|mcg|ml|units?|%|mm|cm|kg|"
          r"lbs?|hours?|days?|weeks?|months?|years?)\b)(?:" + _RANGE_SEP + _ANYDAY
          + r"(?![0-9])" + _UNIT_AFTER + r")?" + _R, 0.9),
        r("date_day_of_mon", d, _LEAD_DAY + _L + r"(?:" + _WEEKDAY + r",?\s+)?(?:(?i:the)\s+)?"
          + _ANYDAY
          + r"\s+(?i:of)\s+" + _MONTH_DOT + _R, 0.95),
        r("date_day_mon", d, _L + r"(?:" + _DAYNUM + r"(?:" + _ORD + r")?" + _RANGE_SEP + r")?"
          + _DAYNUM + r"(?:" + _ORD + r")?[\s\-]" + r"(?:Jan|Feb|Mar|Apr|"
          r"May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|"
          r"August|September|October|November|December)\.?" + _R, 0.85),
        # lower-case or capital day-month where the month cannot be a word ('lab del 20 nov',
        # '03 DEC'): 'may', 'mar', 'jun' and 'march' stay with the case-sensitive rule above
        r("date_day_mon_any", d, _L + _DAYNUM + r"(?:" + _ORD + r")?[ \t\-](?i:jan|feb|apr|aug|"
          r"sept?|oct|nov|dec|january|february|april|august|september|october|november|"
          r"december)\.?" + _R + _UNIT_AFTER, 0.85),
        # '1949 Dec 30', '2026 Dec 01': year, month, day
        r("date_year_mon_day", d, _LD + _Y4 + r"[ \t]+" + _MONTH_DOT + r"[ \t]+" + _DAYNUM
          + r"(?:" + _ORD + r")?" + _R, 0.95),
        # 'DEC 01, 2026@10:42': a time joined to a date by '@' is part of it (VA CPRS)
        r("date_at_time", d, r"(?<=(?:19|20)[0-9]{2})@[0-2]?[0-9]:?[0-5][0-9](?::?[0-5][0-9])?"
          r"(?![0-9])", 0.8),
        # 'vom 24.11. bis', 'le 3.12.': a day.month. after a word of time (German, French)
        r("date_day_month_dots", d, r"(?i:\b(?:vom|bis|den|ab|seit|le|du|au)[ \t]+)"
          r"(" + _DAYNUM + r"\.(?:0?[1-9]|1[0-2])\.)(?![0-9])", 0.85, group=1),
        r("date_mon_year", d, _L + _MONTH_DOT + r"(?:\s*+(?:,\s*+)?(?:of\s++)?|\s*+[\-/]\s*+)"
          + _YEAR + _R, 0.95),
        # the year first, then the month ('hx C. diff 2022 Aug'; 'May' only before no word in
        # lower case: 'in 2019 May have' is a modal)
        r("date_year_then_month", d, r"(?<![0-9A-Za-z/\-])(?:19|20)[0-9]{2}[ \t]+(?:"
          + _MONTH.replace("May|", "") + r"|May(?![ \t]+[a-z]))\.?(?![A-Za-z0-9])", 0.85),
        r("date_num_mon_year", d, _LD + r"(?:0?[1-9]|1[0-2])/(?:" + _Y4 + r")" + _RD, 0.9),
        # 'reviewed 02-2023': a two-digit month and a year with a dash after a word of when
        # (a year range '2010-12' starts with the year, a date '02-14-2023' has its day; a
        # range '10-2000 mL', a shift '07-1900' or 'Room 12-2001' has no such word)
        r("date_num_mon_year_dash", d, r"(?i:\b(?:dated|reviewed|revised|updated|signed|since|"
          r"effective|expires?|exp|renewed|onset|started|stopped|diagnosed|dx|seen|visit|"
          r"admitted|discharged|born|last|until|through|from|in|on|as[ \t]+of|date[ \t]*:)"
          r"[ \t]+)((?:0[1-9]|1[0-2])-(?:19[0-9]{2}|20[0-2][0-9]))" + _RD, 0.85, group=1),
        # '09/2024-03/2025': a range of months (each side alone is a month/year)
        r("date_num_mon_year_range", d, _LD + r"(?:0?[1-9]|1[0-2])/(?:" + _Y4 + r")[ \t]*[\-–]"
          r"[ \t]*(?:0?[1-9]|1[0-2])/(?:" + _Y4 + r")" + _RD, 0.9),
        r("date_weekday_day", d, _L + _WEEKDAY_FULL + r",?\s+(?:the\s+)?" + _ANYDAY + _R, 0.9),
        r("date_month_alone", d, r"(?=[JFMASOND])(?<![A-Za-z])(?:January|February|March|"
          r"April|June|July|"
          r"August|September|October|November|December|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|"
          r"AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|(?:(?<=in )|(?<=of )|(?<=by )|"
          r"(?<=since )|(?<=until )|(?<=early )|(?<=late )|(?<=mid-))May)(?![A-Za-z])", 0.75),
        # 'His May hospitalization', 'NB, Oct--Nov.', 'MMSE 17/30 (août)', 'depuis mars': a
        # month after a possessive, two months as a range, a French month after its
        # preposition or alone in parentheses (read over the ASCII reading: 'aout')
        r("date_month_possessive", d, r"(?:(?<=[Hh]is )|(?<=[Hh]er )|(?<=[Tt]heir )|"
          r"(?<=[Oo]ur )|(?<=[Mm]y ))May(?=[ \t]+[a-z]{3,})", 0.75),
        r("date_month_range_alone", d, r"(?<![A-Za-z])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
          r"Sept|Oct|Nov|Dec)[a-z]{0,6}\.?[ \t]*+(?:-{1,2}|–|—|/)[ \t]*+(?:Jan|Feb|Mar|Apr|May|"
          r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?(?![A-Za-z0-9]|[ \t/\-]*+[0-9])", 0.75,
          validator="month_pair"),
        r("date_french_month_alone", d, r"(?:(?<=\()|(?<=\ben )|(?<=depuis )|(?<=fin )|"
          r"(?<=debut )|(?<=mi-))(?:janvier|fevrier|avril|juin|juillet|aout|septembre|octobre|"
          r"novembre|decembre|mars|mai)(?=[ \t]*+[).,;]|[ \t]+(?:dernier|prochain)\b)", 0.75),
        # 'stopped it mid-Nov', 'the fiesta in Oct', 'to Pampanga in Sept', '(Feb 99.0)': a
        # month abbreviated after a word that dates it ('Mar' and 'May' left to the rules
        # above: a verb and a word)
        r("date_month_abbrev_alone", d, r"(?:\b(?:in|since|until|till|by|last|next|early|late|"
          r"this|of|from|through|thru|before|after|during|mid|In|Since|Until|By|From|due|Due|"
          r"negative|positive|neg|pos|at)[ \t\-]+|"
          r"\b[Mm]id-|\((?=[A-Za-z.]{3,5}[ \t]+[0-9]))((?:Jan|Feb|Apr|Jun|Jul|Aug|Sep|Sept|Oct|"
          r"Nov|Dec)\.?)(?![A-Za-z])(?=[ \t]*(?:$|[.,;:!?)\]\n\-–]|[0-9]|(?:and|or|to|with|because|"
          r"when|so|but|then|until|through|of|for|at|in|on|after|before|while|last|this|next|"
          r"she|he|they|we|i|the|per|visit|appt|appointment|labs|f/u|follow-up|recheck)\b))"
          r"(?![ \t]*[0-9]{1,2}(?:st|nd|rd|th)?\b(?![.,][0-9]))", 0.75, group=1),
        # a month in lower case (chat, dictation) after a word that dates it, where the
        # clause ends ('had it in october and', 'turning 98 in may,', 'in november period')
        r("date_month_lower", d, r"(?<![A-Za-z])(?:in|since|until|till|by|last|next|early|"
          r"late|mid-?|this|of)[ \t]+(january|february|march|april|may|june|july|august|"
          r"september|october|november|december|sept|oct|nov|dec|jan|feb|aug)"
          r"(?=[ \t]*(?:[.,;:!?)\"]|$|"
          r"\n|(?:and|or|but|when|so|then|period|comma|of|they|we|she|he|[0-9]{4})\b))", 0.75,
          group=1),
        # a month abbreviated alone in capitals ('increased in Dec.', '(Nov, Jan)', 'prior cx
        # Feb', 'last seen Sept.'): Safe Harbor removes a month without its day too ('Jan' before
        # a capitalized word is a given name)
        r("date_month_abbrev", d, r"(?<![A-Za-z0-9\-/])(?:Feb|Aug|Sept?|Oct|Nov|Dec|"
          r"Jan(?![ \t]+[A-Z][a-z])|(?:(?<=in )|(?<=since )|(?<=by )|(?<=of )|(?<=until )|"
          r"(?<=last )|(?<=early )|(?<=late )|(?<=mid-))(?:Apr|Jun|Jul|Mar))\.?"
          r"(?![A-Za-z0-9])(?![ \t]*[0-9])(?=[ \t]*(?:[.,;:)\]]|$|\n|[A-Z]))", 0.75),
        r("date_the_day", d, r"(?i:\b(?:on|since|until|till|by|from|before|after|through|"
          r"(?:yesterday|today|tomorrow|tonight)(?=\s+the\s+[0-3]?[0-9](?:st|nd|rd|th))|"
          r"(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:day|\.)?(?=\s+the\s+[0-3]?[0-9]"
          r"(?:st|nd|rd|th)))\s+)"
          r"(the\s+(?:(?:uh|um|er),?\s+)?(?:[0-3]?[0-9](?:st|nd|rd|th)|" + _DAY_WORDS + r"))\b"
          r"(?![ \t]+(?i:benefit|period|trimester|dose|doses|cycle|week|month|year|time|round|"
          r"line|visit|episode|attempt|floor|grade|stage|degree|generation|child|baby|pregnancy|"
          r"session|course|infusion|injection|shot|of|one|decade)\b)", 0.85, group=1),
        # 'scheduled for the 27th.', 'Interview the 23rd with pt', 'Visit the 9th (Thurs)':
        # an ordinal day after a word of an event, where no noun follows ('the 3rd time')
        r("date_the_day_event", d, r"(?i:\b(?:(?:scheduled|booked|set|planned|moved|surgery|"
          r"appt|appointment)\b[^.\n]{0,30}?\bfor|visit|interview|interviewed|appt|appointment|"
          r"seen|meeting|scheduled|rescheduled|booked|call|called|surgery|procedure|admitted|"
          r"discharged|due|f/u|follow-up|expires?|expired)\s++)"
          r"(the\s++[0-3]?[0-9](?:st|nd|rd|th))\b"
          r"(?![ \t]*+(?:,|and|or|&|-|to)[ \t]*+(?:the[ \t]++)?[0-9]{1,2}(?:st|nd|rd|th))"
          r"(?=[ \t]*+(?:[.,;:)(!?]|$|\n|(?:at|with|and|or|when|if|so|but|then|in\s++the|"
          r"of\s++(?:this|next|last|the)\s++month)\b))", 0.8, group=1),
        # a weekday named alone; not one named relative to today ('since last Tuesday', 'next
        # Friday', 'every Monday'), which the corpora's writers and 45 CFR 164.514 leave
        r("date_weekday", d, r"(?<![A-Za-z])(?<!(?i:last) )(?<!(?i:next) )(?<!(?i:this) )"
          r"(?<!(?i:every) )(?<!(?i:each) )(?<!(?i:past) )(?<!(?i:coming) )"
          r"(?<!(?i:following) )(?<!(?i:previous) )(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
          r"Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)"
          r"(?:'s)?(?![A-Za-z])", 0.8),
        # 'Tues', 'Thurs.'; the ambiguous short forms after 'on'/'last'... or before a date
        # or with a period ('Tue 11/19', 'Fri.'), never 'Mon 8%' (monocytes) or 'Sat 95%'
        r("date_weekday_abbr", d, r"(?=[TWMFS])(?<![A-Za-z])(?:Tues|Thurs|Weds|TUES|THURS|WEDS|"
          r"(?:(?<=on )|(?<=last )|(?<=next )|(?<=this )|(?<=by )|(?<=until )|(?<=since )|"
          r"(?<=from )|(?<=every )|(?<=before )|(?<=after )|(?<=On )|(?<=Last )|(?<=Next ))"
          r"(?:Mon|Tue|Wed|Thu|Thur|Fri|Sat|Sun)|(?:Tue|Wed|Thu|Thur|Fri)(?=\.|,?[ \t]+[0-9]{1,2}"
          r"(?:/|[ \t]+[A-Z])))\.?(?![A-Za-z0-9])(?![ \t]*[0-9]{1,3}[ \t]*%)", 0.8),
        # 'Next visit Thurs 11th', 'finished Mon 1st', 'prochaine visite: lundi 12'
        r("date_weekday_number", d, r"(?<![A-Za-z])(?:(?:Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|"
          r"Sat|Sun)(?:day)?|MON|TUE|TUES|WED|THU|THUR|THURS|FRI|SAT|SUN)\.?,?[ \t]+(?:the[ \t]+)?"
          r"(?:[1-9]|[12][0-9]|3[01])(?i:st|nd|rd|th)(?![A-Za-z0-9])(?![ \t]+(?i:degree|place|"
          r"time|trimester|line|floor|dose|grade|generation|cousin|attempt|round|cycle|visit|"
          r"opinion|week|day|month|year|stage))"
          r"|(?<![A-Za-z])(?i:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|"
          r"mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)[ \t]+(?:le[ \t]+)?"
          r"(?:[1-9]|[12][0-9]|3[01])(?![0-9:/]|[.,][0-9]|[ \t]*(?:h\b|%|mg|ans|años))", 0.85),
        r("date_weekday_numeric", d, _L + _WEEKDAY + r",?\s+(?:" + _MON + r"/" + _DAYNUM + r"|"
          + _DAYNUM + r"/" + _MON + r"|" + _MON + r"-" + _DAYNUM + r"(?=[ \t]*(?:@|"
          r"(?:[01]?[0-9]|2[0-3]):[0-5][0-9])))" + _RD + r"(?![ \t]*(?i:" + _NOT_DATE_AFTER
          + r")\b)",
          0.95),
        r("date_context_short", d, r"(?i:\b(?:" + _CONTEXT_WORDS + r")(?:[ \t]++(?:here|there|"
          r"date(?:[ \t]++(?:is|was|of))?))?(?:[ \t]*+:)?[ \t]++)"
          r"(?i:(?<!apgar of )(?<!apgars of )(?<!score of )(?<!ratio of ))("
          + _MON + r"[/\-]" + _DAYNUM + r")" + _RD + r"(?![ \t]*+(?i:" + _NOT_DATE_AFTER + r")\b)",
          0.85, group=1),
        r("date_event_slash", d, r"(?i:\b(?:" + _EVENT_SLASH_WORDS + r")(?:[ \t]*+:)?[ \t]++)("
          + _MON + r"/" + _DAYNUM + r")" + _RD + r"(?![ \t]*+(?i:" + _NOT_DATE_AFTER
          + r"|l|ft|feet|minutes?|mins?)\b)(?![ \t]*\+)", 0.8, group=1),
        # day/month order ('Fracture clinic 25/6', 'meeting 14/08') only after a word of an
        # event, never after 'from'/'to' ('titrated from 15/5 to 18/8' are pressures)
        r("date_event_day_month", d, r"(?i:\b(?:" + _DM_CONTEXT_WORDS + r")(?:[ \t]*+:)?[ \t]++)("
          + _DAYNUM + r"[/\-]" + _MON + r")" + _RD + r"(?![ \t]*+(?i:" + _NOT_DATE_AFTER
          + r")\b)", 0.8, group=1),
        r("date_field_short", d, r"(?i:\b(?:date\s++of\s++(?:service|birth|exam|visit|admission|"
          r"discharge|death|procedure|injury|onset|surgery)|comparison|compared\s++(?:to|with)|"
          r"prior\s++(?:study|exam)|dob|dos|dod|doi)[ \t]*+[:|=\-]?[ \t]*+\|?[ \t]*+)("
          + _MON + r"[/\-]" + _DAYNUM + r")" + _RD, 0.85, group=1),
        r("date_part_month", d, r"(?i:\b(?:early|mid|late|end\s+of|beginning\s+of)[\s\-]+"
          r"(?:january|february|march|april|june|july|august|september|october|november|"
          r"december))(?![A-Za-z])", 0.85),
        r("date_paren_short", d, r"\((" + _MON + r"/" + _DAYNUM + r")\)", 0.85, group=1),
        # (a day over 12 first only in a table's cell or at a line's start: 'BiPAP 16/8 2200'
        # is pressures)
        r("date_time_short", d, _LD + r"(" + _MON + r"/" + _DAYNUM + r"|(?:(?<=\| )|(?<=\|)|"
          r"(?<![^\n]))(?:1[3-9]|2[0-9]|3[01])/" + _MON + r")[ \t]+(?:[0-2]?[0-9]:[0-5][0-9]|"
          r"(?:[01][0-9]|2[0-3])[0-5][0-9](?![0-9]|[ \t]*"
          r"(?i:mg|ml|mcg|units?|cc|g|kg|lbs?|hrs?|hours?|min|ms|mm|cm|%|x\b|times)))", 0.85,
          group=1),
        r("date_line_short", d, r"(?m:^[ \t]*(" + _MON + r"/" + _DAYNUM + r")[ \t]*$)", 0.85,
          group=1),
        # a month/day right after a clinical event or procedure ('PICC placed 4/8', 'EGD 1/9:',
        # 'BAL 3/9 MSSA', 'hepatitis B 10/1'): notes date events this way; scores and fractions
        # ('strength 4/5', 'pain 3/10', '1/2 tab') have no event word before them
        r("date_event_short", d, r"(?i:\b(?:" + _EVENT_WORDS
          + r")(?:[ \t]++[A-Za-z][A-Za-z0-9]{0,2})?[ \t]*+[:(]?[ \t]*+(?:on[ \t]++)?)(?<![0-9])"
          r"(?!(?:1/[1-4]|2/[2-4]|3/[34]|4/4|5/5)(?![0-9]))("
          + _MON + r"/" + _DAYNUM + r")" + _RD
          + r"(?![ \t]*+(?i:" + _NOT_DATE_AFTER + r")\b)", 0.8, group=1),
        # 'out on RR 3', 'lives on Rural Route 2' (never 'RR 18', the breathing rate)
        r("rural_route_on", PhiType.ADDRESS, r"(?i:\b(?:(?:out|lives?|living|located|house|farm|"
          r"home|trailer)[ \t]++(?:on|off|along)|off)[ \t]++)("
          r"(?:RR|R\.R\.|[Rr]ural[ \t]++[Rr]oute)[ \t]*+#?[ \t]*+[0-9]{1,3})(?![0-9])", 0.8,
          group=1),
        # a procedure named by its suffix, then a month/day: 's/p hemiarthroplasty 12/2'
        r("date_procedure_short", d, r"(?i:(?<=[a-z]{2})(?:ectomy|plasty|otomy|ostomy|oscopy|"
          r"ogram|ography|pexy|desis|rrhaphy)\b(?:[ \t]++(?:on|of))?[ \t]*+[:(]?[ \t]*+)(?<![0-9])"
          r"(?!(?:1/[1-4]|2/[2-4]|3/[34]|4/4|5/5)(?![0-9]))("
          + _MON + r"/" + _DAYNUM + r")" + _RD
          + r"(?=[ \t]*+(?:[.,;:)(\-]|$|\n|(?:with|and|by|at|in|on|for|by|was|c/b|s/p|then|"
          r"complicated|without|w/|w/o)\b))", 0.8, group=1),
        # ('BCx 2/2', '1/4 bottles': a fraction of bottles or samples, never a date)
        # '2/11/24-2/12/24': two numeric dates joined by a dash
        r("date_numeric_range", d, _LD + r"(" + _MON + r"([/\-.])" + _DAYNUM + r"\2(?:" + _Y4
          + r"|[0-9]{2}))[ \t]*[\-–][ \t]*(" + _MON + r"([/\-.])" + _DAYNUM + r"\4(?:" + _Y4
          + r"|[0-9]{2}))" + _RD, 0.95),
        # '04 / 18 / 1930' on scanned or typed forms
        r("date_spaced_slashes", d, _LD + _MON + r"[ \t]+/[ \t]+" + _DAYNUM + r"[ \t]+/[ \t]+"
          + _Y4 + _RD, 0.9),
        # 'Date : 11 / 18 / 24', 'Collected : 05 /03 /2024': a scanned form's spaced slashes
        # after a date label (not 'Grip strength 20 / 25 / 30 kg', 'PEEP 05 / 10 / 15')
        r("date_spaced_slashes_any", d, r"(?i:\b(?:date|dated|dob|d0b|birth|collected|received|"
          r"seen|dos|visit|signed|admitted|discharged|on)\b[^\n0-9]{0,12}?)(" + _LD + r"(?:"
          + _DAYNUM + r"(?:[ \t]+/[ \t]*|[ \t]*/[ \t]+)" + _DAYNUM + r"(?:[ \t]+/[ \t]*|"
          r"[ \t]*/[ \t]+)(?:" + _Y4 + r"|[0-9]{2})))" + _RD + r"(?![ \t]*(?:%|[a-zA-Z]))", 0.85,
          group=1),
        # 'DOB 5 fév 1938', 'le 3 avr 2024': a French month cut without its dot, in lower case
        # and with a year (not '2 AVR 2010', an aortic valve replacement)
        r("date_french_short_month", d, _L + _DAYNUM + r"(?:er)?[ \t]+(?:janv|févr|fevr|fév|fev|"
          r"avr|juil)[ \t]+" + _Y4 + _R, 0.85),
        # 'on 18 may.', '3 may 2024': 'may' in lower case is a month only after a day number
        # and before a clause's end or a year (not '18 may be')
        r("date_day_may", d, r"(?i:\b(?:on|since|by|until|before|after|from)[ \t]+)("
          + _DAYNUM + r"(?:st|nd|rd|th)?[ \t]+may)(?=[ \t]*(?:[.,;:)!?]|$|\n))", 0.85, group=1),
        r("date_day_may_year", d, _L + _DAYNUM + r"(?:st|nd|rd|th)?[ \t]+may[ \t]+" + _Y4 + _R,
          0.85),
        # 'en janvier', 'depuis septembre': a French month after 'en', 'depuis', 'fin', 'mi-'
        r("date_french_month", d, r"(?i:\b(?:en|depuis|fin|debut|début|mi-|jusqu'en)[ \t]*)"
          r"((?i:janvier|fevrier|février|mars|avril|mai|juin|juillet|aout|août|septembre|"
          r"octobre|novembre|decembre|décembre))(?![A-Za-z])", 0.8, group=1),
        # 'Sept-Nov 2023', 'June to August 2024': a range of months in a year
        r("date_month_range", d, _LEAD_MONTH + _L + _MONTH_DOT + r"[ \t]*(?:[\-–/]|(?i:to|"
          r"through|thru|until))[ \t]*" + _MONTH_DOT + r",?[ \t]+" + _YEAR + _R, 0.9),
        # Spanish, Portuguese and French dates ('18 de octubre', '3 de mayo de 2017',
        # '14 juillet 2024', 'el 5 de março')
        r("date_romance", d, _L + _DAYNUM + r"(?:º|°|er|\.)?[ \t]+(?:de[ \t]+)?(?i:"
          + _ROMANCE_MONTHS + r"|" + _GERMANIC_MONTHS + r")(?:[ \t]+(?:de[ \t]+|del[ \t]+)?"
          + _Y4 + r")?" + _R, 0.9),
        # 'enero 2026', 'Dezember 2025', 'maio de 2024': a month of another language and a year
        r("date_foreign_month_year", d, _L + r"(?!Mayo\b|MAYO\b|MARS\b|Mars\b)(?i:"
          + _FOREIGN_MONTH_TRIE + r")[ \t]+(?:de[ \t]+|del[ \t]+)?" + _Y4 + _R, 0.85),
        # 'on 26/9', 'next meeting 27/02': a day over 12 before the month after a date word
        r("date_context_day_month", d, r"(?=[123][0-9][/\-])" + _after_words(
            ("on", "since", "until", "till", "dated", "by", "before", "after", "due", "dos", "dob",
             "admitted", "discharged", "seen", "visit", "next", "last", "review", "meeting",
             "appt", "appointment", "f/u", "rtc", "return", "scheduled", "booked", "date", "am",
             "le", "el", "il", "op"), (" ", ": ", "  ", ":  "))
          + r"(?!24/7)((?:1[3-9]|2[0-9]|3[01])[/\-](?:0?[1-9]|1[0-2]))" + _RD
          + r"(?![ \t]*(?i:" + _NOT_DATE_AFTER + r"|bipap|cpap|ps|peep|od|os|ou|graded|"
          r"strength|o2|oxygen|vision|acuity)\b)", 0.85, group=1),
        # 'DOB: 09 12 1961', 'ADMIT 02 03 2021', 'REVIEWED 12 30 24', a form's '02 03 25' cell:
        # a numeric date written with spaces after a date label or opening a table row
        r("date_spaced", d, r"(?=[0-3][0-9] [0-3][0-9] [0-9]{2})(?:" + _after_words(
            ("dob", "d.o.b.", "d.o.b", "date", "dated", "admit", "admitted", "discharge",
             "discharged", "reviewed", "signed", "dos", "born", "seen"),
            (" ", ": ", "  ", ":  ", "\t", ":\t", " # ", " #", "# "))
          + "".join(f"|(?<=[ \\t]{{{n}}})(?<![^\\n][ \\t]{{{n}}})(?=[0-9 ]{{6}}(?:19|20)[0-9]{{2}})"
                    for n in range(0, 5)) + ")"
          r"((?:0[1-9]|[12][0-9]|3[01]) (?:0[1-9]|[12][0-9]|3[01]) (?:(?:19|20)[0-9]{2}|[0-9]{2}))"
          r"(?![0-9]|[ \t][0-9]{2}(?![0-9]))" + _UNIT_AFTER, 0.85, group=1,
          validator="spaced_date"),
        # dictation: 'march third twenty twenty four', 'on june twenty first'
        r("date_spoken", d, _LEAD_MONTH + _L + r"(?i:" + _MONTH + r")[ \t]+(?i:the[ \t]+)?(?i:"
          + _DAY_WORDS + r")(?:[ \t]+" + _SPOKEN_YEAR + r")?" + _R, 0.9),
        # legal and letter forms: 'April the 8th, 2025', 'the 14th day of March, 2025', 'ninth
        # of February'; Japanese romaji: 'Reiwa 6-nen 10-gatsu', '11-gatsu 3-ka'
        r("date_month_the_nth", d, _L + _MONTH_I + r"[ \t]+the[ \t]+[0-3]?[0-9](?:st|nd|rd|th)"
          r"(?:,?[ \t]+" + _Y4 + r")?" + _R, 0.9),
        r("date_nth_day_of", d, _L + r"[0-3]?[0-9](?:st|nd|rd|th)[ \t]+day[ \t]+of[ \t]+"
          + _MONTH_I + r"(?:,?[ \t]+" + _Y4 + r")?" + _R, 0.9),
        # ('fifteenth August nineteen forty-one': without 'of' only before its year)
        r("date_dayword_of_month", d, _L + r"(?i:" + _DAY_WORDS + r")(?:[ \t]+of[ \t]+"
          + _MONTH_I + r"(?:,?[ \t]+(?:" + _Y4 + r"|" + _SPOKEN_YEAR + r"))?|[ \t]+" + _MONTH_I
          + r",?[ \t]+(?:" + _Y4 + r"|" + _SPOKEN_YEAR + r"))" + _R, 0.9),
        r("date_japanese", d, r"(?<![A-Za-z0-9])(?:(?:Showa|Heisei|Reiwa|Taisho|SHOWA|HEISEI|REIWA)"
          r"[ \t]+[0-9]{1,2}-nen(?:[ \t]+[0-9]{1,2}-gatsu(?:[ \t]+[0-9]{1,2}-(?:ka|nichi))?)?|"
          r"[0-9]{1,2}-gatsu(?:[ \t]+[0-9]{1,2}-(?:ka|nichi))?)(?![A-Za-z0-9])", 0.9),
        # military date-time groups and day-month stamps ('020715DEC26', '01DEC 1600')
        r("date_military", d, r"(?<![A-Za-z0-9])(?:[0-3][0-9](?:[0-2][0-9][0-5][0-9][A-Z]?)?)"
          r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)(?:[0-9]{2}(?:[0-9]{2})?)?"
          r"(?![A-Za-z0-9])", 0.85),
        # 'Date: Tuesday the 12th (Nov) 2024', 'Arrival: the 4th (Jan '25), 06:15': an
        # ordinal day with its month in parentheses after it
        r("date_the_day_month_parens", d, r"(?i:\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)"
          r"day[ \t]++)?the[ \t]++(?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)[ \t]*+\((?:jan|feb|"
          r"mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*+\.?(?:[ \t]++['’]?[0-9]{2,4})?\)"
          r"(?:[ \t]++(?:19|20)[0-9]{2}(?![0-9]))?)", 0.9),
        # the same spaced, with a two-digit year ('Requested: 03 MAR 25 0710L')
        r("date_military_spaced", d, r"(?<![A-Za-z0-9])(?:0?[1-9]|[12][0-9]|3[01])[ \t]"
          r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)[ \t][0-9]{2}(?![A-Za-z0-9])",
          0.85),
        # a month by itself in brackets or after 'next', 'last', 'since', 'in'...: '(Oct)',
        # '(Sept and Oct)', 'next May', 'en octubre'
        r("date_month_word", d, r"(?:\(|(?<![A-Za-z])(?i:next|last|since|until|this|early|late|"
          r"en|de|desde|hasta|and)[ \t]|(?i:mid)-|&[ \t])((?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|"
          r"Oct|Nov|Dec)\.?"
          # ('and Dec sensation', '(Dec erythema)', 'Mar review': decreased and the MAR)
          r"(?![ \t]+(?!(?:we|he|she|they|i|you|it|the|for|when|to|of|in|at|on|with|until|"
          r"till|was|is|and|or|but|this|that|after|before|through|thru|visit|appt)\b)[a-z])"
          r"|(?i:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
          r"setiembre|octubre|noviembre|diciembre)|May)(?![A-Za-z])"
          r"(?=[ \t]*(?:[).,;:]|and\b|&|$|\n|[A-Za-z]))", 0.8, group=1),
        r("date_season_year", d, _L + r"(?:(?:early|late|mid)[\s\-]?)?" + _SEASON
          + r"(?:\s+(?:of\s+)?)" + _YEAR + _R, 0.9),
        r("date_holiday", d, _L + _HOLIDAY + r"(?:(?:,|\s)+(?:of\s+)?" + _YEAR + r")?" + _R, 0.85),
        r("date_holiday_other", d, _L + _HOLIDAY_OTHER + r"(?:(?:,|\s)+(?:of\s+)?(?:" + _YEAR
          + r"|" + _HEBREW_YEAR + r"))?" + _R, 0.85),
        # '14 Adar 5785', '24 Adar II', 'Kislev 1925', 'Elul 5770': a date of the Hebrew
        # calendar (a day before its month, or a month with a year; 'Av', 'Nisan' and 'Sivan'
        # are also other words, so they need the day and the Hebrew year)
        r("date_hebrew", d, _L + r"(?:(?:[1-9]|[12][0-9]|30)(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?"
          r"(?:" + _HEBREW_MONTH_NAMED + _HEBREW_MONTH_PART + r"(?:,?[ \t]+" + _HEBREW_YEAR
          + r")?|" + _HEBREW_MONTH_SHARED + r",?[ \t]+" + _HEBREW_YEAR + r")|"
          + _HEBREW_MONTH_NAMED + _HEBREW_MONTH_PART + r",?[ \t]+(?:" + _HEBREW_YEAR + r"|" + _Y4
          + r"))" + _R + r"(?![ \t]+(?i:genes?|variants?|alleles?|mutations?|mg|mcg)\b)", 0.85),
        # --- ages over 89 ---
        r("age_digits", PhiType.AGE, _L + _AGE_NUM + _AGE_UNIT + _R, 1.0),
        r("age_words", PhiType.AGE, _L + _AGE_WORDS + _AGE_UNIT + _R, 1.0),
        # 'About Cecil: Ninety-one, never married', '"ninety-three and still sharp"': a
        # number from ninety-one to ninety-nine in words counts nothing else in a note
        # unless a unit or a countable noun follows it
        r("age_ninety_compound", PhiType.AGE, _AGE_WORDS_BEFORE + _NOT_AFTER_MEASURE
          + r"(?i:" + NINETY + r"[\s\-]+" + _NUM_UNIT_WORDS + r")(?![A-Za-z\-])"
          r"(?=[ \t]*(?:[,.;:)\"”!?]|--|—|$)|[ \t]+(?i:and|years?|yrs?|yo|y/o|now|then|but|"
          r"when|this|last|next|in|or|at|with|going|on|too)\b)"
          r"(?![ \t]*,[ \t]*(?i:eighty|seventy|sixty|ninety|one\s+hundred))", 0.85),
        r("age_label", PhiType.AGE, r"(?i:\b(?:age[ds]?|aged|age:|(?:edad|alter|idade)(?=\s*:)|"
          r"at\s+the\s+age\s+of|"
          r"age\s+of)\s*+(?::|\.{2,}+)?\s*+)(" + _AGE_NUM + r"|" + _AGE_WORDS + r")(?![0-9]|\.[0"
          r"-9])"
          + _R
          + r"(?![ \t\-]*(?i:days?|weeks?|wks?|months?|mos?|mo|hours?|hrs?)\b)"
          r"(?![ \t\-]*(?i:d|w|h)(?![A-Za-z]|\.[A-Za-z]))(?![ \t]*(?i:kg|lbs?|%|cm)\b)", 1.0,
          group=1),
        r("age_turned", PhiType.AGE, r"(?i:\b(?:turned|turning|turns|will\s+be|just\s+turned|"
          r"(?:will|to|would|gonna|going\s+to)\s+turn|'ll\s+turn|(?:i|he|she|you)['’]ll\s+be|"
          r"(?:someone|somebody|anyone|a\s+person)\s+(?:is|who\s+is)|"
          r"(?:he|she|i|dad|mom|father|mother|grandma|grandpa|grandmother|grandfather|husband|"
          r"wife|patient|pt)\s+(?:is|was|am)(?:\s+now)?|i'm|i\s+am|he's|she's|hes|shes|im|"
          r"he\s+is\s+now|she\s+is\s+now)\s+)("
          + _AGE_NUM + r"|" + _AGE_WORDS + r")(?![0-9]|\.[0-9]|\s*(?:%|mg|kg|lb|bpm|mm|/|"
          r"percent|degrees|°))" + _R + r"(?![ \t]+(?i:minutes?|mins?|seconds?|secs?|hours?|hrs?|"
          r"days?|weeks?|wks?|months?|dollars|bucks|cents|miles|feet|ft|inches|units|ml|cc|"
          r"pounds|lbs?|points|times|percent|degrees|km|kms|kilometers|kilometres|kilos|yards|"
          r"meters|metres|steps|pages|beats|bpm|out[ \t]+of|at[ \t]+rest|"
          r"or[ \t]+(?:older|over|above|more|higher)|on[ \t]+(?:room[ \t]+air|ra|nc|o2|oxygen|"
          r"bipap|cpap|the[ \t]+vent))\b)(?![ \t]+(?i:on|over)[ \t]+[0-9])", 0.9, group=1),
        # '96F with CHF' only where an age stands (line start, 'HPI:', 'a', 'is'), never a
        # temperature ('T 99F', 'temp 99 F')
        # ('Hanna K. (grandmother), 91 F' after a person's word in brackets, never a route
        # of a temperature: 'Temp (ax), 97 F')
        r("age_sex", PhiType.AGE, r"(?:(?m:^)|[:(|]|\((?i:grandmother|grandfather|grandma|"
          r"grandpa|mother|father|mom|dad|wife|husband|spouse|partner|sister|brother|aunt|uncle|"
          r"patient|pt|self|resident|son|daughter|neighbou?r|friend)\),|(?<![ \t])[ \t]{2,}+|"
          r"\b(?i:a|an|is|pt|patient|"
          r"this|hpi|cc|"
          r"id)\b)"
          r"[ \t]*(?<!\b[Ii]t is )(?<!\b[Ii]t's )(?<!\b[Ii]t was )(" + _AGE_NUM
          + r"\s?(?:yo\s?)?(?:[MF]|y/o\s*[MF]))(?![A-Za-z0-9°])", 0.9, group=1),
        # 'a woman of ninety-nine', 'age at signing: 94', 'she is "one hundred three"'
        r("age_person_of", PhiType.AGE, r"(?i:\b(?:woman|man|lady|gentleman|gent|person|patient|"
          r"widow|widower|veteran|resident)\s+of\s+)(" + _AGE_NUM + r"|" + _AGE_WORDS + r")"
          r"(?![0-9]|\.[0-9]|\s*(?:%|mg|kg|lb|/|percent|years?\s+(?:ago|of\s+(?:service|"
          r"marriage|experience))))" + _R, 0.85, group=1),
        r("age_label_phrase", PhiType.AGE, r"(?i:\bage\s+(?:at|on|when|of\s+patient\s+at)\s+"
          r"[a-z]+(?:\s+[a-z]+)?\s*:\s*)(" + _AGE_NUM + r"|" + _AGE_WORDS + r")(?![0-9]|\.[0-9])"
          + _R, 0.9, group=1),
        r("age_quoted", PhiType.AGE, r"(?i:\b(?:i'm|i\s+am|im|he\s+is|she\s+is|he's|she's|"
          r"i'll\s+be|turning|turned)\s+[\"“'‘])(" + _AGE_NUM + r"|" + _AGE_WORDS + r")"
          r"(?![0-9]|\.[0-9])" + _R, 0.9, group=1),
        # 'client D.W., 90,', '(initials on CRF: E.M.)': dotted initials after a person word
        r("name_dotted_initials", PhiType.NAME, r"(?i:\b(?:client|pt|patient|resident|member|"
          r"participant|subject|initials(?:[ \t]++on[ \t]++[a-z]+)?)[ \t]*+:?[ \t]*+)"
          + _NOT_INITIALS + r"([A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?)(?![A-Za-z'’])"
          r"(?=[ \t]*+(?:[,;)(]|$|\n|(?:is|was|has|had|and|who|age|aged|lives|[0-9]{1,3})\b))", 0.8,
          group=1),
        # 'CASE 1 -- D.T. (5M)', 'great-uncle L.P., 64,', 'K.M. (room 3)': dotted initials
        # with an age (and a sex) or a room or bed right after them are a person
        r("name_initials_age", PhiType.NAME, r"(?<![A-Za-z.'’\-])" + _NOT_INITIALS
          + r"([A-Z]\.(?:[ \t]?[A-Z](?:-[A-Z])?\.){1,3})(?=[ \t]*+(?:\([ \t]*+[0-9]{1,3}[ \t]*+"
          r"(?:[MF]|yo|y/o)(?![A-Za-z])|,[ \t]*+[0-9]{1,3}[ \t]*+(?:[MF]|yo|y/o)[ \t]*+[,;)]|"
          r"(?:(?<=[,:;\n][A-Z]\.[A-Z]\.)|(?<=[,:;][ \t][A-Z]\.[A-Z]\.)|(?<=^[A-Z]\.[A-Z]\.))"
          r"[ \t]*+\((?i:room|rm\.?|bed|apt\.?|unit|cell|bunk)[ \t]*+#?[ \t]*+[0-9]))",
          0.8, group=1, validator="initials"),
        # 'KK/TR 10:35' in a medication record: the giver's and the checker's initials before
        # the time they gave it
        r("name_initials_pair", PhiType.NAME, r"(?<![A-Za-z0-9/])([A-Z]{2,3}/[A-Z]{2,3})"
          r"(?![A-Za-z0-9/])(?=[ \t]+(?:[01]?[0-9]|2[0-3]):?[0-5][0-9](?![0-9])|[ \t]*\t|[ \t]*$)",
          0.75, group=1, validator="initials_pair"),
        # 'I'm Juniper Hale, 24,': a person introducing themselves with their age
        r("name_intro_age", PhiType.NAME, r"(?:\b(?:I'm|I’m|I\s++am|[Mm]y\s++name\s++is|"
          r"[Tt]his\s++is)"
          r"[ \t]++)([A-Z][a-z'’\-]+(?:[ \t]++[A-Z][a-z'’\-]+){0,2})(?=,[ \t]*+(?:a[ \t]++)?"
          r"[0-9]{1,3}(?![0-9]))", 0.8, group=1, validator="person_words"),
        # 'CRNA Will Tran', 'scribe Will Cooper', 'RN, May Chen': a modal that is a given name,
        # after a role, a credential or a list's word and before a surname no verb spells
        # ('Will Call', 'May Be', 'Patient Will Swallow' stay)
        r("modal_given_name", PhiType.NAME, r"(?:(?<=[A-Z]{2}[ \t])|(?<=[A-Z]{2},[ \t])|"
          r"(?i:(?<=scribe[ \t])|(?<=tech[ \t])|(?<=nurse[ \t])|(?<=aide[ \t])|"
          r"(?<=assist:[ \t])|(?<=by[ \t])|(?<=with[ \t])|(?<=per[ \t])|(?<=and[ \t])|"
          r"(?<=cc:[ \t])|(?<=assistant[ \t])|(?<=interpreter[ \t])|(?<=coordinator[ \t])|"
          r"(?<=coach,[ \t])|(?<=coach[ \t])|(?<=trainer[ \t])|(?<=trainer,[ \t])))"
          r"(?:Will|May)[ \t]+[A-Z][a-z'’\-]{2,}(?![A-Za-z])", 0.8, validator="modal_name"),
        # 'Cancer Support Community of Greater Pittsburgh', 'Catholic Charities of Central
        # Texas': an organization of a region (the place after 'Greater' or a direction must
        # be a town or a state of the gazetteer)
        r("org_of_region", PhiType.FACILITY, r"(?<![A-Za-z'’\-])(?:[A-Z][A-Za-z'’&\-]*[ \t]+"
          r"(?:(?:&|and)[ \t]+)?){1,5}of[ \t]+(?:the[ \t]+)?(?:Greater|Metro(?:politan)?|Central|"
          r"Northern|Southern|Eastern|Western|North|South|East|West|Northeast|Northwest|"
          r"Southeast|Southwest|Upstate|Downstate)[ \t]+[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?"
          r"(?![A-Za-z])", 0.8, validator="org_of_region"),
        # 'the clinic on N Rampart', 'lives off S Congress', 'on N Hwy 287': a street by a
        # compass letter and its name (a road's word with its number), no house number
        r("street_compass_name", PhiType.ADDRESS, r"(?<![A-Za-z])(?:(?<=on )|(?<=off )|"
          r"(?<=along )|(?<=near ))(?:[NSEW]\.?|NE|NW|SE|SW)[ \t]+(?:(?:Hwy|Highway|Route|Rte|Road|"
          r"Rd|Loop|Spur)\.?[ \t]+[0-9]{1,4}[A-Z]?(?![A-Za-z0-9])|[A-Z][a-z]{2,}"
          r"(?:[ \t]+[A-Z][a-z]{2,})?(?![A-Za-z0-9]))", 0.8, validator="compass_street"),
        # 'St. Rose of Lima', 'St. Michael the Archangel', 'St. Vincent de Paul': a saint's
        # whole name, which a parish, school or hospital carries
        r("saint_full_name", PhiType.FACILITY, r"(?<![A-Za-z])(?:St\.?|Saint|Ste\.?)[ \t]+"
          r"[A-Z][a-z]+[ \t]+(?:of[ \t]+[A-Z][a-z]+|de[ \t]+Paul|the[ \t]+(?:Archangel|Apostle|"
          r"Evangelist|Baptist|Great|Divine|Martyr))(?![A-Za-z])", 0.8),
        # 'Kang, Seo-yeon', 'Park Jae-won', 'Ji-ho Kim', 'Chen, Wei-ling': a Korean or Chinese
        # given name of two syllables joined by a hyphen (the second in lower case) beside an
        # East Asian surname, in either order, ending a field or a clause ('Tui-na Ma massage',
        # 'Hwa-byung Lee syndrome' and 'Do Re-eval in 2 weeks' run on into their sentence)
        r("hyphen_given_name", PhiType.NAME, r"(?<![A-Za-z'’\-])(?:[A-Z][a-z]{1,5},?[ \t]+"
          r"[A-Z][a-z]{1,4}-[a-z]{2,5}|[A-Z][a-z]{1,4}-[a-z]{2,5}[ \t]+[A-Z][a-z]{1,5})"
          r"(?![A-Za-z'’\-])(?=[ \t]*+(?:[,;:)(\n|]|$|[0-9]|--?[ \t]))", 0.85,
          validator="hyphen_given_name"),
        # 'DOB: 2006. 3. 15.': a Korean date, year first with a period after each part (the
        # last one too: '2015. 2. 10 units' is a year, a list number and a dose)
        r("date_dotted_year_first", d, r"(?<![0-9.])(?:19|20)[0-9]{2}\.[ \t](?:1[0-2]|0?[1-9])\."
          r"[ \t](?:3[01]|[12][0-9]|0?[1-9])\.(?![ \t]*[0-9(])", 0.85),
        # 'Leland House 412', 'Allison Hall, 3W-09', 'Thorne Residence Hall, Rm 912': a room
        # of a residence hall (the hall's name is the facility rules' to find)
        r("residence_room", PhiType.ADDRESS, r"(?<![A-Za-z'’\-])[A-Z][A-Za-z'’\-]+[ \t]+"
          r"(?:Residence[ \t]+)?(?:Hall|House|Flats|Commons|Quad),?[ \t]+"
          r"(?:(?i:rm|room|unit|apt|suite)\.?[ \t]*+)?#?(?:[0-9]{1,2}[A-Z]?-[0-9]{2,3}|"
          r"[0-9][A-Z]-?[0-9]{2}|[0-9]{3,4}[A-Z]?|[0-9]{1,2}(?:st|nd|rd|th)[ \t]+(?:floor|fl))"
          r"(?![ \t]+(?:[0-9]|[A-Z][a-z]))"
          r"(?![0-9A-Za-z]|[ \t]*(?i:mg|ml|units?|am|pm|hours?|hrs?|days?|people|patients|"
          r"students|beds|seats|m|meters?|metres?|feet|ft|stor(?:y|ies)|floors|plans?|miles?|"
          r"km|acres?|sq)\b)", 0.8, validator="residence_room"),
        # 'the 1917 Clinic', 'UAB 1917 Clinic': a clinic named by a four-digit number (after
        # 'the', an acronym or at a line's start; never a recent year, a round clock time or
        # a visit, slot or line: 'the 1030 Clinic slot')
        r("numbered_clinic", PhiType.FACILITY, r"(?:(?<=\bthe[ \t])|(?<=\bThe[ \t])|"
          r"(?<=[A-Z]{2}[ \t])|(?m:^))(?!20[0-3][0-9][ \t])(?![0-2][0-9](?:00|15|30|45)[ \t])"
          r"[1-9][0-9]{3}[ \t]+(?:Clinic|CLINIC)(?![A-Za-z])(?![ \t]+(?i:visits?|notes?|days?|"
          r"appointments?|appts?|schedule|hours|slots?|line|plan|funding|start|time|education|"
          r"program|is[ \t]+booked)\b)(?![ \t]+[A-Z][a-z])", 0.8),
        # 'Can Nasreen, my wife, go', 'about Pedro, our son': a given name before the
        # speaker's relation word in apposition, inside a sentence (a known name that no
        # common word spells; a greeting starts the text and a people follows 'are':
        # 'Sorry, my husband', 'Bonjour, my father', 'We are Rohingya, my daughter' stay)
        r("name_my_relation", PhiType.NAME, r"(?<=[A-Za-z][ \t])(?<!\bare[ \t])(?<!\bis[ \t])"
          r"(?<!\bam[ \t])(?<!\bwas[ \t])(?<!\bwere[ \t])(?<!\bto[ \t])(?<!\bon[ \t])"
          r"(?<!\bwith[ \t])(?<!\bWith[ \t])(?<!\bfrom[ \t])(?<!\buse[ \t])(?<!\btry[ \t])"
          r"(?<!\btake[ \t])(?<!\bgot[ \t])(?<!\bhas[ \t])(?<!\bhave[ \t])"
          r"(?!(?:Nana|Nanna|Meemaw|Mamaw|Mom|Mommy|Dad|Daddy|Mama|Papa|Pop|Grandma|Grandpa|Granny|"
          r"Abuela|Abuelo|Auntie|Uncle|Aunt)\b)([A-Z][a-z'’\-]{2,})(?=,[ \t]+"
          r"(?i:my|our)[ \t]+(?i:wife|husband|spouse|partner|son|daughter|mother|father|mom|"
          r"dad|mum|brother|sister|grandson|granddaughter|grandmother|grandfather|niece|nephew|"
          r"aunt|uncle|cousin|fianc[eé]e?|boyfriend|girlfriend|neighbou?r|caregiver|friend)"
          r"(?![A-Za-z]))", 0.8, group=1, validator="given_name"),
        # '(Lurdes, 209-634-9951)', '(Marisol, cell 559.201.7781)': a name and its phone in
        # parentheses
        r("name_before_phone_parens", PhiType.NAME, r"\(([A-Z][a-z'’\-]{2,}(?:[ \t][A-Z]"
          r"[a-z'’\-]{2,})?)[ \t]*+,[ \t]*+(?=(?i:cell|mobile|home|work|ph|tel|c)?[ \t:.]*+"
          r"\+?1?[ \t.\-]?\(?[2-9][0-9]{2}\)?[ \t.\-]?[0-9]{3}[ \t.\-]?[0-9]{4}(?![0-9]))",
          0.8, group=1, validator="given_name"),
        # 'goes by "Dutch"', 'known as "Bubba"': a quoted name after a word of naming (an
        # everyday word or a nationality is a name there)
        # 'I go by Crystal', '(chosen name Rowan, they/them)', 'preferred name "Dre"': a name
        # a person chose, whatever word it is (never a weekday, month or term)
        r("name_chosen", PhiType.NAME, r"(?i:\b(?:i|he|she|they|who|also|now|and|but|pt|"
          r"patient|client|to)[ \t]++(?:go|goes|going)[ \t]++by[ \t]++|"
          r"\b(?:chosen|preferred|stage|drag)[ \t]++name(?:[ \t]++(?:is|of))?[ \t]*+:?"
          r"[ \t]*+)[\"“'‘]?([A-Z][a-z'’\-]+(?:[ \t]+[A-Z][a-z'’\-]+){0,2})[\"”'’]?(?![A-Za-z])",
          0.85, group=1, validator="chosen_name"),
        # 'preferred name "May"', 'prefers to be called "K.O."': a chosen name in quotes, even
        # a month's word or initials (a bare 'prefers "Morning"' is a preference, no name)
        r("name_chosen_quoted", PhiType.NAME, r"(?i:\b(?:(?:chosen|preferred)[ \t]++name"
          r"(?:[ \t]++is)?[ \t]*+:?|(?:prefers|likes|wants)[ \t]++to[ \t]++be[ \t]++called|"
          r"goes[ \t]++by)[ \t]*+)"
          r"[\"“]((?:[A-Z]\.){1,3}|[A-Z][a-z'’\-]+(?:[ \t]+[A-Z][a-z'’\-]+)?)[\"”]",
          0.85, group=1, validator="quoted_chosen"),
        # 'athletic trainer Crystal Redbird', 'ATC: Crystal Redbird', 'coach Will Hartigan': a
        # dictionary given name and a surname after a sports role ('Trainer Gatorade given',
        # 'teammate Hockey puck', 'ATC Code J01CA04' are no one)
        r("name_after_sport_role", PhiType.NAME, r"(?:(?i:\b(?:trainer|coach|teammate))|"
          r"\bATC)(?::[ \t]*+|[ \t]++)([A-Z][a-z'’\-]+[ \t]+[A-Z][a-z'’\-]+)(?![A-Za-z])", 0.8,
          group=1, validator="first_last"),
        # 'my athletic trainer, Crystal, to tell', 'her coach, Will, said': a given name set off
        # by commas after the word for a person (a dictionary given name, however common)
        r("name_after_role_commas", PhiType.NAME, r"(?i:\b(?:trainer|coach|nurse|aide|friend|"
          r"roommate|teammate|neighbou?r|boss|caseworker|therapist|counselor|counsellor|sponsor|"
          r"partner|boyfriend|girlfriend|husband|wife|son|daughter|sister|brother|mom|dad|mother|"
          r"father|cousin|aunt|uncle|niece|nephew|grandson|granddaughter|caregiver|advocate|"
          r"navigator|interpreter),[ \t]++)([A-Z][a-z'’\-]{2,})(?=,)", 0.8, group=1,
          validator="first_name"),
        # 'Log taken by R.M.', 'Collected by T.R.': dotted initials after the verb of who did it
        # (never an abbreviation: 'taken by P.O.', 'received by U.S. Mail')
        r("initials_by", PhiType.NAME, r"(?i:\b(?:taken|entered|logged|recorded|completed|"
          r"checked|documented|qc['’]?d|qc|verified|witnessed|scanned|collected|drawn|obtained|"
          r"performed)[ \t]++by:?"
          r"[ \t]++)((?:[A-Z]\.[ ]?){1,2}[A-Z]\.)(?![A-Za-z])", 0.8, group=1,
          validator="person_initials"),
        # 'a male rower (H.L.) had', 'Subject: Linkage - A.W.': dotted initials in brackets
        # after the word for a person or a record's number of four digits or more ('Subject
        # 115-2213 (H.K.)', 'screening # S104-036 (G.E.O.)'; not a range: 'L4-5 (P.L.F.)'),
        # or after a dash on a message's subject line
        r("initials_of_person", PhiType.NAME, r"(?:(?i:\b(?:rower|student|athlete|player|"
          r"teammate|roommate|man|woman|boy|girl|male|female|partner|friend|contact|client|"
          r"victim|peer|minor|child|suspect|assailant|perpetrator|coworker|co-worker|"
          r"neighbou?r))"
          r"|(?<![A-Za-z0-9])(?=(?:[A-Z\-]*[0-9]){4})(?![0-9]{1,3}-[0-9]{1,3}[ \t])"
          r"[A-Z]{0,3}[0-9][0-9A-Z]*-[0-9A-Z\-]*[0-9])"
          r"[ \t]+"
          r"\(((?:[A-Z]\.){2,3})\)", 0.75, group=1, validator="person_initials"),
        r("initials_in_subject", PhiType.NAME, r"(?im:^[> \t]*(?:subject|re|fw|fwd):[^\n]{0,60}?"
          r"[\-–][ \t]+)((?:[A-Z]\.){2,3})(?=[ \t]*(?:\(|\n|$))", 0.75, group=1,
          validator="person_initials"),
        # 'front desk (kiara)', 'caller = shefali das (daughter-in-law', 'dictated by erin
        # mcguire rrt': a lower-case name in a person's place
        r("lower_name_in_role", PhiType.NAME, r"(?i:\b(?:desk|operator|scheduler|receptionist|"
          r"clerk|registration|staff|ma|rn))[ \t]*+\(([a-z]{3,})\)", 0.75, group=1,
          validator="lower_given_name"),
        # '[csr tamara g]', '[jess w]': a staff member's tag in a call or message log, a given
        # name and an initial in brackets
        r("staff_tag", PhiType.NAME, r"\[(?:(?i:csr|agent|rep|op|rn|ma|tech|user)[ \t]+)?"
          r"([A-Za-z][a-z]{2,}[ \t]+[A-Za-z]\.?)\]", 0.8, group=1, validator="staff_tag"),
        # '3. mary grace dela cruz -- spa therapist', '1. dewi kartika - fever': a lower-case
        # name opening a numbered list's item before a dash or a bracket (a census or log)
        r("lower_name_list_item", PhiType.NAME, r"(?m:^[ \t]*[0-9]{1,2}[.)][ \t]+)([a-z]{2,}"
          r"(?:[ \t]+[a-z'’\-]{2,}){1,4})(?=[ \t]*(?:--|–|—|-[ \t]|\())", 0.75, group=1,
          validator="lower_name_list"),
        r("lower_name_relation", PhiType.NAME, r"(?<![A-Za-z'’\-])([a-z]{3,}[ \t]+"
          r"[a-z]{2,})[ \t]*+\((?i:daughter|son|wife|husband|mother|father|mom|dad|"
          r"sister|brother|niece|nephew|grand|caregiver|friend|neighbou?r|partner|aunt|uncle|"
          r"cousin|guardian|poa|hcp)", 0.75, group=1, validator="lower_name_loose"),
        r("lower_name_credential", PhiType.NAME, r"(?i:\b(?:dictated|transcribed|signed|"
          r"reviewed|entered|taken|seen|called|written|done)[ \t]++by:?[ \t]++)"
          r"([a-z]{3,}[ \t]+[a-z]{2,})(?=,?[ \t]+(?:rrt|rn|md|np|pa|do|lpn|"
          r"cna|ma|rt|pt|ot|slp|lcsw|msw|pharmd|rph|crna|emt)\b)", 0.75, group=1,
          validator="lower_given_name"),
        r("name_goes_by", PhiType.NAME, r"(?i:\b(?:goes[ \t]++by|known[ \t]++as|aka|a\.k\.a\.|"
          r"(?:chosen|preferred|stage|drag)[ \t]++name(?:[ \t]++is)?|"
          r"nicknamed?|prefers?[ \t]++to[ \t]++be[ \t]++called|"
          r"likes[ \t]++to[ \t]++be[ \t]++called|"
          r"calls[ \t]++(?:him|her|them)sel(?:f|ves))[ \t]*+[:,]?[ \t]*+)[\"“'‘]"
          r"([A-Z][A-Za-z'’\-]{1,20}(?:[ \t][A-Z][A-Za-z'’\-]{1,20})?)[.,!]?[\"”'’]", 0.85,
          group=1),
        # 'dispatcher "Beto"', 'calls me "Lulu."': a quoted word after a role or 'calls me' is
        # a name only when it is one ('calls me "Honey"', 'Tech "STAT"' are not)
        r("name_quoted_after_role", PhiType.NAME, r"(?i:\b(?:calls?[ \t]++(?:me|him|her|us|them)|"
          r"dispatcher|driver|aide|caregiver|scheduler|coordinator|caseworker|"
          r"case[ \t]++worker|worker|receptionist|operator|neighbou?r|friend|volunteer|"
          r"sitter|nanny|landlord|roommate|boyfriend|girlfriend)[ \t]*+[:,]?[ \t]*+)[\"“'‘]"
          r"([A-Z][a-z'’\-]{1,20})[.,!]?[\"”'’]", 0.8, group=1, validator="given_name"),
        # 'scheduler Yesenia at ext 2241', 'paged via ext 4-7720': an extension alone
        # a study's or an image's DICOM UID ('1.2.840.113619.2.55.3.2831164721.884'): an object
        # identifier of six parts or more, or under the DICOM root
        r("dicom_uid", PhiType.ID, r"(?<![0-9.])(?:1\.2\.840(?:\.[0-9]+){2,}|2\.25\.[0-9]{6,}|"
          r"[0-2](?:\.[0-9]+){5,})(?![0-9]|\.[0-9])", 1.0),
        # 'via LifeFlight N417LF', 'helicopter N731LT': an aircraft's registration after a word
        # of air transport
        # (after a flight's or a plane's word, a model's number between: 'Learjet 35 N117G',
        # 'Beech King Air 200, N211AR', 'floatplane N4207K')
        r("aircraft_after_flight", PhiType.ID, r"(?i:\b(?:life ?flight|air ?med|air ?evac|"
          r"air ?care|medflight|helicopter|aircraft|airlift|flight|rotor|fixed[ \t\-]wing|"
          r"king[ \t]+air|learjet|lear|jet|plane|floatplane|seaplane|cessna|piper|beaver|"
          r"otter|caravan|navajo|citation|pilatus|beech(?:craft)?|cherokee|bonanza|skyhawk|"
          r"super[ \t]+cub|cub)(?:[ \t]+[0-9]{2,3}[A-Z]?)?[ \t]*+,?[ \t]*+(?:#|no\.?)?[ \t]*+)"
          r"(N[1-9][0-9]{0,4}[A-Z]{0,2})(?![A-Za-z0-9])", 0.85, group=1),
        # 'King Air N927LM', 'Learjet N82GF', 'Beaver N67KA': a US aircraft's registration by
        # its shape (N, two to four digits, two letters; not 'N95', 'N2O', 'N18.3', nor a
        # protein change 'N370S', which has one letter: that needs a plane's word before it,
        # `aircraft_after_flight`)
        r("aircraft_registration", PhiType.ID, r"(?<![A-Za-z0-9\-/.])(N[1-9][0-9]{1,3}[A-Z]{2})"
          r"(?![A-Za-z0-9]|[.\-/][0-9])", 0.75, group=1),
        # a phone's IMEI ('IMEI recorded: 35 209900 176148 1')
        r("imei", PhiType.DEVICE, r"(?i:\bimei\b[^0-9\n]{0,20})([0-9](?:[ \-]?[0-9]){14,16})"
          r"(?![0-9])", 0.9, group=1),
        r("pager_number", PhiType.PHONE, r"(?i:\b(?:pgr|pager|beeper|bleep|vocera)\.?[ \t]*+"
          r"(?:#|no\.?)?[ \t]*+:?[ \t]*+)([0-9]{1,2}-[0-9]{4}|[0-9]{4,7})(?![0-9])", 0.8,
          group=1),
        r("phone_extension", PhiType.PHONE, r"(?i:\b(?:ext|extension)\.?[ \t]*+#?[ \t]*+)"
          r"([0-9]{1,2}-[0-9]{4}|[0-9]{3,5})(?![0-9])", 0.8, group=1),
        # 'MPD notified', 'CCPD officer', 'CPD on scene', 'MFD Engine 28', 'CPD and CFD
        # responded': a police or fire department by its initials, with a word of the service
        # right after it or a word of the police in the clause; medical initials that end so
        # (RAPD, CAPD, COPD, PPD, BPD, LPD, IUFD, SFD...) never count
        r("police_department", PhiType.FACILITY, r"(?<![A-Za-z0-9\-])"
          r"(?:(?=[A-Z]{1,3}(?:PD|FD)[ \t]+(?i:ofc|officers?|det\.|detectives?|sgt|sergeant|"
          r"trooper|p\.o\.|on[ \t]+scene|responded|arrived|(?:was|were)[ \t]+called)"
          r"(?![A-Za-z]))|"
          r"(?!(?:R?APD|C[AC]PD|COPD|[BGILNOPSTUV]PD|EPD|PPPD|[EY]OPD|OCPD|IUFD|[AFGHKLPS]FD)"
          r"(?![A-Za-z])))(?:NYPD|FDNY|LAPD|LAFD|[A-Z]{1,3}(?:PD|FD))"
          r"(?:[ \t]+(?:and|&|/)[ \t]+(?:[A-Z]{1,3}(?:PD|FD)|EMS))?(?![A-Za-z0-9\-])"
          r"(?=[ \t]+(?:notified|(?:was|were)[ \t]+called|" + _POLICE_NEXT + r")|[^\n]{0,30}?"
          r"(?i:officer|police|detective|deputy|badge|sergeant|sgt)\b)", 0.8),
        # 'Gate code 1947#', 'lockbox code is 4471': the code that opens a patient's home
        r("entry_code", PhiType.ID, r"(?i:\b(?:gate|door|lockbox|lock[ \t]++box|keypad|"
          r"key[ \t]++pad|"
          r"entry|alarm|garage|building|key[ \t]++safe)[ \t]++code[ \t]*+(?:is|:|=|#)?[ \t]*+)"
          r"(#?[0-9]{3,8}#?|\*[0-9]{3,8}#?)(?![0-9])", 0.85, group=1),
        # 'via CoverMyMeds, key BHK7M2QX': a prior-authorization request key
        r("request_key", PhiType.ID, r"(?:\b(?:[Kk]ey|KEY)[ \t]*+:?[ \t]*+)((?=[A-Z0-9]*[0-9])"
          r"(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,10})(?![A-Za-z0-9])", 0.8, group=1),
        # 'Co. Galway', 'County Sligo': an Irish county (the island's 32, by name)
        r("county_ireland", PhiType.COUNTY, r"(?<![A-Za-z])(?:Co\.|County)[ \t]++(?:Antrim|Armagh|"
          r"Carlow|Cavan|Clare|Cork|Derry|Donegal|Down|Dublin|Fermanagh|Galway|Kerry|Kildare|"
          r"Kilkenny|Laois|Leitrim|Limerick|Longford|Louth|Mayo|Meath|Monaghan|Offaly|"
          r"Roscommon|Sligo|Tipperary|Tyrone|Waterford|Westmeath|Wexford|Wicklow)(?![A-Za-z])",
          0.85),
        # 'Co. Cork  P31 YX82', 'Newcastle Road, Galway, H91 YR71': an Irish Eircode after a
        # county, 'Dublin', 'Ireland' or 'Eircode' on the same line
        r("eircode", PhiType.ZIP, r"(?:(?i:\bco\.|\bcounty\b|\beircode\b|\bireland\b)|"
          r"\b(?:Antrim|Armagh|Carlow|Cavan|Clare|Cork|Derry|Donegal|Down|Dublin|Fermanagh|"
          r"Galway|Kerry|Kildare|Kilkenny|Laois|Leitrim|Limerick|Longford|Louth|Mayo|Meath|"
          r"Monaghan|Offaly|Roscommon|Sligo|Tipperary|Tyrone|Waterford|Westmeath|Wexford|"
          r"Wicklow)\b)[^\n]{0,30}?(?<![A-Za-z0-9])((?:[AC-FHKNPRTV-Y][0-9]{2}|D6W)[ ]?"
          r"(?=[0-9AC-FHKNPRTV-Y]{0,3}[0-9])(?=[0-9AC-FHKNPRTV-Y]{0,3}[AC-FHKNPRTV-Y])"
          r"[0-9AC-FHKNPRTV-Y]{4})(?![A-Za-z0-9])", 0.85, group=1),
        # 'MCRN 018823' (Ireland), 'MSP 28814' (British Columbia): a clinician's registration
        r("registration_number", PhiType.LICENSE, r"(?<![A-Za-z])(?:MCRN|IMC|MSP|AACP|GMC|NMC|"
          r"AHPRA|CPSO|CPSBC)[ \t]*+(?:(?i:no)\.?|#)?[ \t]*+:?[ \t]*+([0-9]{4,8})(?![0-9])", 0.8,
          group=1),
        # 'Emp # 44718', 'UPN 51882', 'Site #: 0417', 'msg # 55831', 'store #6521'
        r("short_labelled_number", PhiType.ID, r"(?i:\b(?:emp|employee|upn|site|msg|message|"
          r"store|unit)[ \t]*+(?:#|no\.?)[ \t]*+:?[ \t]*+)([0-9]{3,8})(?![0-9])", 0.8, group=1),
        # 'Locker L-117', 'run # 24-118870', 'REDCap (record 0147)', 'airbill 7741 9920 3318':
        # the number of a thing that a label names (three digits at least, never 911)
        # 'OSIS #229 471 836', 'A-Number: A 212-448-907': a student's or an immigrant's number
        r("student_alien_number", PhiType.ID, r"(?i:\b(?:osis|a-?number|alien[ \t]+(?:"
          r"registration[ \t]+)?(?:number|no\.?|#))[ \t]*+(?:#|no\.?|number)?[ \t]*+:?[ \t]*+)"
          r"((?:[A-Z][ \t]?)?[0-9]{3}[ \-]?[0-9]{3}[ \-]?[0-9]{3})(?![0-9])", 0.85, group=1),
        # 'Band # 44817', 'band number was 44817', 'donor ID AGGF117', 'histo no. H/24/1872',
        # 'Hosp. No.: LUTH/DRM/22/04418', 'Enrollment # RST 2-11984', 'resident # BMCC-118':
        # a number under a label that only ever labels one
        r("labelled_number_more", PhiType.ID, r"(?i:\b(?:(?:id[ \t]+)?band|bracelet|wristband|"
          r"hugs[ \t]+tag|donor|histo(?:logy)?|cyto(?:logy)?|biopsy|specimen|block|slide|"
          r"hosp(?:ital)?\.?|chart|file|folio|case|(?:facility[ \t]+)?resident|enrol+ment|"
          r"registration|reg\.?)[ \t]*+(?:#|no\.?|number|id)[ \t]*+(?:(?:is|was)[ \t]++)?:?"
          r"[ \t]*+)((?:19|20)[0-9]{2}[ \-][A-Z]{1,5}[ \-][0-9]{3,8}(?![A-Za-z0-9])|"
          r"(?=[A-Z0-9/ \-]{0,40}[0-9]{3})"
          r"(?:[A-Z]{1,6}(?:[\-/]|[ ](?=[0-9])|(?=[0-9]))){0,3}"
          r"[0-9]"
          r"(?:[0-9A-Z]|[\-/][0-9A-Z]|[ ](?=[0-9]+-))*+)(?![A-Za-z0-9])", 0.8, group=1),
        # 'star #17734', 'Badge ......... 1931', 'badge no. 4471': a police officer's or a
        # worker's badge number under its own word, whoever's name stands before it
        r("badge_number", PhiType.ID, r"(?:(?<![A-Za-z])(?:[Bb]adge|BADGE|[Ss]hield|SHIELD)"
          r"(?:[ \t]*+(?:#|[Nn]o\.|[Nn]umber|NUMBER|ID))?[ \t.:]{0,20}+#?|(?<![A-Za-z])"
          r"(?:[Ss]tar|STAR)[ \t]*+(?:#|[Nn]o\.)|(?:\b(?:Officer|Ofc|P\.O\.|Det|Detective|Sgt|"
          r"Trooper|Deputy|Technician|Tech)\b[^\n]{0,40}?\b[Ss]tar[ \t:]*+#?))[ \t]*+([0-9]{3,6})"
          r"(?![0-9]|[.,][0-9])(?![ \t]*(?i:points|times|degrees?|mg|ml|units)\b)", 0.8, group=1),
        # 'shayna perel halpert h-a-l-p-e-r-t', 'Nussbaum, N U S S B A U M': a dictated name
        # and its letters spelled for the transcriber (the letters must spell the word)
        *(r(f"spelled_name{given}", PhiType.NAME, r"(?<![A-Za-z'’\-])"
            + r"(?:[A-Za-z][a-z'’\-]{1,24}[ \t]+)" * given + r"[A-Za-z][a-z'’\-]{2,24},?[ \t]+"
            r"(?:[A-Za-z](?:-|[ \t]|\.[ \t]?)){2,24}[A-Za-z]\.?(?![A-Za-z])", 0.85,
            validator="spelled_word") for given in (0, 1, 2)),
        # 'call sign is KI7QRM', 'ham operator, KE7WBZ': an amateur radio call sign (a licence
        # the FCC gives one person) after a word of the radio on the same line; its shape alone
        # is a code's or a gene's too ('A1C', 'N2O', 'A1AT', 'NS5A'), so a word of the radio
        # hobby is needed ('ham radio', 'call sign', not 'ham' alone: 'HAM-D'), an ITU prefix
        # of the US (K, N, W, AA-AL; 'A1AT' has none) and no gene's or code's letters ('NS5A')
        r("radio_call_sign", PhiType.LICENSE, r"\b(?i:call[ \-]?signs?|"
          r"ham[ \t]+(?:radio|operator)s?|amateur[ \t]+radio|radio[ \t]+operators?)\b"
          r"[^\n]{0,40}?(?<![A-Za-z0-9])"
          r"((?:[KNW][A-Z]|A[A-L])[0-9][A-Z]{1,3}|[KNW][0-9][A-Z]{2,3})"
          r"(?![A-Za-z0-9])", 0.8, group=1, validator="call_sign"),
        # 'Chicago PD on scene', 'Hamtramck PD Ofc. Kwiatkowski', 'Milwaukee PD Dist 7': a town's
        # police or fire department by its initials, with a word of the police or the fire
        # service after it (never 'Baxter PD cycler', 'idiopathic PD')
        r("town_police_initials", PhiType.FACILITY, r"(?<![A-Za-z])(?:[A-Z][a-z'’]+[ \t]+){1,2}"
          r"(?:PD|FD|P\.D\.|F\.D\.)(?=[ \t]+" + _POLICE_NEXT + r"|[ \t]+(?:and|&)[ \t]+(?:[a-z]+"
          r"[ \t]+)?(?:police|fire|EMS|PD|FD|deputies|troopers)(?![A-Za-z]))", 0.85,
          validator="police_town"),
        # '18th District', '8th Precinct', 'Dist 7' after a police department: a police district
        # is a place below the state
        r("police_district", PhiType.FACILITY, r"(?<![A-Za-z0-9])(?:[0-9]{1,2}(?:st|nd|rd|th)"
          r"[ \t]+(?:District|district|DISTRICT|Precinct|precinct|PRECINCT)|(?<=PD[ \t])"
          r"(?:Dist\.?|District|Precinct|Pct\.?)[ \t]*+#?[0-9]{1,2})(?![A-Za-z0-9])", 0.8),
        # 'Chart 04471', 'Last4 4409'
        # 'P.O. Aisha Rahman #17842', 'Ofc. Kowalczyk, star 11873': an officer's badge number
        r("officer_badge", PhiType.ID, r"(?:\b(?:[Oo]fficers?|[Oo]fc|OFC|P\.O\.|[Ss]gt|SGT|[Dd]et|"
          r"DET|[Dd]etective|DETECTIVE|[Ss]ergeant|SERGEANT|[Cc]orporal|"
          r"[Dd]eputy|DEPUTY|[Tt]rooper|TROOPER|[Cc]pl|CPL)\.?[ \t]+[A-Z][A-Za-z'’\-]*"
          r"(?:[ \t]+[A-Z][A-Za-z'’\-]*){0,2},?[ \t]*(?:#|(?i:star|badge)[ \t]*#?)[ \t]*)"
          r"([0-9]{3,6})(?![0-9])", 0.85, group=1),
        r("chart_number", PhiType.MRN, r"\b(?:Chart|CHART|chart)[ \t]++([0-9]{4,10})(?![0-9])",
          0.8, group=1),
        r("ssn_last4_label", PhiType.SSN, r"(?i:\blast[ \t\-]?(?:4|four)(?:[ \t]+(?:of[ \t]+)?"
          r"(?:ssn|social))?[ \t]*+[:#]?[ \t]*+)([0-9]{4})(?![0-9])", 0.85, group=1),
        # 'a password (hooyo07)'
        r("password_parens", PhiType.ID, r"(?i:\b(?:password|passcode|pin)[ \t]*+\()"
          r"([A-Za-z0-9!@#$%^&*._\-]{4,30})(?=\))", 0.85, group=1),
        # 'CDL PA 29 117 604', "Driver's CDL (GA 052 774 913)": a commercial driver's licence
        r("cdl_number", PhiType.LICENSE, r"(?:\bCDL|\b[Dd]river['’]?s[ \t]+[Ll]icen[cs]e)"
          r"[ \t]*+(?:#|(?i:no)\.?|number)?[ \t]*+:?[ \t]*+\(?(?:[A-Z]{2}[ \t]++)?"
          r"([0-9A-Z]{1,3}[ \t]?[0-9]{2,3}[ \t]?[0-9]{3}[ \t]?[0-9]{0,4})(?<=[0-9])(?![0-9A-Za-z])",
          0.85, group=1),
        # 'her age (past 95 with dementia)', 'age documented as 99', "Patient's age (93)"
        r("age_after_age_word", PhiType.AGE, r"(?i:\bage\b(?!-)[^\n.;:0-9]{0,25}?[(\[]?[ \t]*+"
          r"(?:past|over|almost|about|nearly|around|~)?[ \t]*+)"
          r"(9[0-9]|1[01][0-9]|12[0-5])(?![0-9]|[.,][0-9])(?![ \t]*+(?:%|(?i:th|st|nd|rd|"
          r"percentile|mg|kg|lbs?|bpm|mmhg|cm|mm|ml|days?|weeks?|wks?|months?|units?)\b|/))",
          0.8, group=1),
        # 'Sherbrooke QC', 'Moncton NB 2024': a city and its Canadian province's code without a
        # comma, in capitals, at a clause's end (the city a known one: 'Patient ON oxygen')
        r("city_province", PhiType.CITY, r"(?<![A-Za-z'’\-])([A-Z][a-zà-ÿ'’\-]+(?:[ \t\-]"
          r"[A-Z][a-zà-ÿ'’\-]+){0,2})[ \t]+(?:QC|ON|BC|AB|MB|NS|NB|NL|PE|PEI|SK|YT|NT|NU)"
          r"(?=[ \t]*(?:$|\n|[,;.)|]|[A-Z][0-9][A-Z]|[0-9]))", 0.8, group=1,
          validator="world_city"),
        # 'Duffel & Sons', 'Charbonnet & Son Funeral Home': a family firm by its surname
        r("firm_and_sons", PhiType.FACILITY, r"(?<![A-Za-z'’\-])((?:[A-Z][a-z'’]+[ \t]+)?"
          r"[A-Z][A-Za-z'’\-]+[ \t]*&[ \t]*Sons?(?:[ \t]+[A-Z][a-z]+){0,2})(?![A-Za-z])", 0.8,
          group=1,
          validator="firm_and_sons"),
        # 'DOB 11/09/1932   91': the age after a birth date in a header
        r("age_after_birth_date", PhiType.AGE, r"(?i:\b(?:dob|d\.o\.b\.?|born)[ \t]*:?[ \t]*"
          r"[0-9]{1,2}[/\-.][0-9]{1,2}[/\-.](?:19|20)?[0-9]{2}(?:[ \t]*[,;(][ \t]*|[ \t]{2,}|"
          r"[ \t]+(?:age|aged)[ \t:]*))(9[0-9]|1[01][0-9])(?![0-9]|[.,][0-9])(?![ \t]*+(?:%|/|°|"
          r"(?i:th|st|nd|rd|%ile|percentile|mg|kg|lbs?|pounds?|bpm|mmhg|cm|in|units?|f|c)\b))",
          0.8, group=1),
        # 'On the evening of 06-MAR', 'ICU 07-MAR to 09-MAR': a day and a month, hyphenated
        r("date_day_mon_hyphen", PhiType.DATE, r"(?<![A-Za-z0-9\-/.])(?:0?[1-9]|[12][0-9]|3[01])-"
          r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC|Jan|Feb|Mar|Apr|May|Jun|Jul|"
          r"Aug|Sept?|Oct|Nov|Dec)(?![A-Za-z0-9]|-[0-9])", 0.85),
        # 'last Friday (the 7th).', 'on the night of the 22nd.', 'I mean the 16th,': a day of
        # the month closing its phrase after a word of time or reference
        r("date_the_nth_closing", PhiType.DATE, r"(?:(?i:\b(?:on|of|mean|since|until|till|by|"
          r"before|after|from)[ \t]+)|\([ \t]*+)((?i:the)[ \t]++(?:[1-9]|[12][0-9]|3[01])"
          r"(?i:st|nd|rd|th))(?=[ \t]*+(?:[).,;!?]|$)|[ \t]++(?i:and|or)[ \t]++(?i:the[ \t]++)?"
          r"(?:(?:morning|evening|night|afternoon)[ \t]++of[ \t]++the[ \t]++)?(?:[1-9]|[12][0-9]"
          r"|3[01])(?i:st|nd|rd|th)(?=[ \t]*+(?:[).,;!?]|$))|[ \t]++of[ \t]++(?i:next|this|last|"
          r"the[ \t]++(?:next|following))[ \t]++month\b)", 0.8, group=1),
        # 'donor UNOS AFEQ447', 'offer AFRT212', 'OPTN AHNW480': an organ donor's id
        r("organ_donor_id", PhiType.ID, r"(?i:\b(?:unos|optn|donornet|offer|donor)(?:[ \t]++"
          r"(?:id|#|no\.?|number))?[ \t]*+[:#]?[ \t]*+)([A-Z]{4}[0-9]{3})(?![A-Za-z0-9])", 0.85,
          group=1),
        # 'Area Ambulance unit M-14', 'Hennepin EMS (unit Medic 427)': an ambulance's unit
        r("ems_unit", PhiType.ID, r"(?i:\b(?:ambulance|ems|medic|rescue|air[ \t]+med|flight)\b"
          r"[^\n]{0,50}?\bunit[ \t]*+#?[ \t]*+)((?:Medic|Engine|Ladder|Rescue|Squad|Truck|"
          r"Ambulance|Car)[ \t]++[0-9]{1,4}|[A-Z]{1,4}-?[0-9]{1,4})(?![A-Za-z0-9])", 0.8, group=1),
        # 'needed for NYC daycare', 'in the Bronx', 'Beaumont Road, Dublin 9': a city's short
        # name or borough that nothing else reads as a town, a Dublin postal district
        r("city_short_name", PhiType.CITY, r"(?<![A-Za-z0-9])(?:NYC|N\.Y\.C\.|Bronx|BRONX|"
          r"Dublin[ \t]++(?:[1-9]|1[0-9]|2[0-4]|6W)|DUBLIN[ \t]++(?:[1-9]|1[0-9]|2[0-4]|6W))"
          r"(?![A-Za-z0-9])", 0.85),
        r("item_labelled_code", PhiType.ID, r"(?i:\b(?:(?:locker|cubby|envelope|property|"
          r"belongings|valuables|airbill|waybill|air[ \t]+waybill|shipment|parcel|package|box|"
          r"kit|voucher|receipt|ticket|placard|wristband|tag)[ \t]*+(?:#|no\.?|number|id)?"
          r"|(?:run|trip|incident|job|batch|record|permit|pass)[ \t]*+(?:#|no\.?|number|id|"
          r"(?=\)))|redcap[ \t]*+\(?record)[ \t]*+:?[ \t]*+)"
          r"(?!911(?![0-9]))(?!(?:19|20)[0-9]{2}(?![0-9A-Za-z]))"
          r"((?=(?:[A-Z\-]{0,4}[0-9]){3})[A-Z]{0,4}-?[0-9]{1,10}"
          r"(?:[ \-][0-9]{2,8}){0,3}(?:-?[A-Z]{1,2})?)(?![A-Za-z0-9/])(?!-[0-9])"
          r"(?![ \t]*+(?i:cc|ft|m|km|miles?|min|ms|beats|of|ml|l|x)\b)" + _UNIT_AFTER, 0.75,
          group=1),
        # 'Trial subj. PNEUMO-VA-0412', 'Participant: HS-031-0147': a study subject's code
        # 'Visa # H2A 0218844710', 'ClinCard # CC 4417 2208 9130', 'barcode cover sheet (BC 7731
        # 0048 2219)', 'job 883104', 'permanent resident card (A-204 881 337)': the number of a
        # document, card or dictation job, letters before it allowed
        r("document_number", PhiType.ID, r"(?i:\b(?:visa|clin[ \t]?card|bar[ \t]?code(?:[ \t]+"
          r"cover[ \t]+sheet)?|(?<=[0-9][ \t])job|(?<=[0-9][ \t]{2})job|job(?=[ \t]*(?:#|no\b|"
          r"number))|green[ \t]+card|(?:permanent[ \t]+)?resident[ \t]+card|"
          r"i-94|uscis|interpreter[ \t]+id|work[ \t]+permit|ead[ \t]+card)[ \t]*+(?:#|no\.?|"
          r"number|id)?[ \t]*+:?[ \t]*+\(?)(?!(?:19|20)[0-9]{2}(?![0-9A-Za-z]))"
          r"(?![0-9]{4,5}-[0-9]{3,4}-[0-9]{1,2}(?![0-9]))(?=(?:[A-Z\- ]*[0-9]){5})"
          r"((?=[A-Z0-9 \-]{0,12}[0-9]{3})(?:[A-Z][A-Z0-9]{0,3}[ \-])?[0-9]{3,12}"
          r"(?:[ \-][0-9]{3,5}){0,3})(?![A-Za-z0-9]|[.,][0-9])" + _UNIT_AFTER, 0.85, group=1),
        # 'J.W. has attended 100%', '- C.R. -- used cold water', 'L.W., P.N. -- present',
        # 'Absent: G.H. (excused': dotted initials as the subject of a verb of a person or as
        # the items of a list of people (group and milieu notes name members so)
        # "I'm a Ukrainian nurse, Halyna, and": a name set off after 'I am a' and a role
        r("name_after_self_role", PhiType.NAME, r"(?i:\b(?:i['’]m|i[ \t]+am|im|this[ \t]+is)[ \t]+"
          r"(?:a|an|the)[ \t]+(?:[a-z\-]+[ \t]+){0,3}[a-z\-]+,[ \t]+)([A-Z][a-z'’\-]+"
          r"(?:[ \t]+[A-Z][a-z'’\-]+)?)(?=[ \t]*[,.;!?]|[ \t]+(?:and|here)\b)", 0.8, group=1,
          validator="given_name"),
        r("name_initials_subject", PhiType.NAME, _NOT_INITIALS + r"(?<![A-Za-z.])([A-Z]\.[ ]?"
          r"[A-Z]\.(?:[A-Z]\.)?)(?=[ \t]+(?:has|is|was|had|reports|reported|states|stated|said|"
          r"says|will|did|does|completed|attended|left|returned|shared|denies|denied|endorses|"
          r"endorsed|presented|arrived|agreed|declined|refused|participated|practiced|described|"
          r"got|went|came|called|texted|needs|wants|asked|continues|remains|appeared|appears|"
          r"identified|disclosed|complete|used|admits|admitted|became|cried|laughed|slept|ate|"
          r"tolerated|requested|expressed|verbalized|refuses|pending|awaiting|referred|missed|"
          r"signed|declines|consented|requires|prefers|woke|walked|threw|yelled|hit|"
          r"kicked|punched)\b)", 0.8,
          validator="initials", group=1),
        r("name_initials_listed", PhiType.NAME, r"(?:(?m:^)[ \t]*(?:[-*•][ \t]*)|(?i:\b(?:absent|"
          r"present|attendees|attending|members|participants|excused|late|residents|"
          r"(?:residents?|persons?|people|individuals?|clients?|youths?|patients?|peers?|"
          r"students?)[ \t]+involved|clients|witness(?:es)?|roommates?)[ \t]*:[ \t]*)|"
          r"(?<=[A-Z]\.[A-Z]\.,[ \t])|(?i:\b(?:member|members|client|peer|son|daughter|"
          r"resident|youth|teen)[ \t]+\(?))" + _NOT_INITIALS + r"([A-Z]\.[ ]?[A-Z]\.(?:[A-Z]\.)?)"
          r"(?=[ \t]*(?:--|—|–|-[ \t]|,|:|\(|\)|;|$)|[ \t]+(?:is|was|has)\b)", 0.8,
          validator="initials", group=1),
        # 'interpreter Luz, ID SP-119', '(ID V-203)': a code after the bare label 'ID' in
        # capitals (letters and digits, or five digits at least: 'ID 14 days' is a course)
        r("id_bare_label", PhiType.ID, r"(?<![A-Za-z])ID(?:[ \t]*+#)?[ \t]*+("
          r"(?:[A-Z]{1,4}-[0-9]{2,10}|"
          r"[A-Z]{2,4}[0-9]{5,10}|"
          r"[0-9]{5,12})(?:-[0-9A-Z]{1,6})?)(?![A-Za-z0-9]|[.,/][0-9])" + _UNIT_AFTER, 0.85,
          group=1),
        r("subject_code", PhiType.ID, r"(?i:\b(?:subj\.?|subject|participant|"
          r"(?:screening|randomi[sz]ation)[ \t]*+(?:id|no\.?|number|#|code))[ \t]*+"
          r"(?:id|no\.?|number|#|code)?[ \t]*+[:#]?[ \t]*+)"
          r"((?=[A-Z0-9\-]*[0-9][A-Z0-9\-]*[0-9])(?=[A-Z0-9]*-)(?=[A-Z0-9\-]*[A-Z0-9]{3})"
          r"[A-Z0-9]+(?:-[A-Z0-9]+)+)(?![A-Za-z0-9/])", 0.85, group=1, validator="subject_code"),
        # 'SAE -- subj 011', 'subject #0042': a trial subject's number of three digits or more
        r("subject_number", PhiType.ID, r"(?i:\bsubj(?:ect)?\.?[ \t]*+#?[ \t]*+)([0-9]{3,6})"
          r"(?![0-9A-Za-z]|[.,][0-9]|[ \t]*(?i:mg|ml|%|years?|yrs?|patients|subjects))", 0.8,
          group=1),
        # 'password for phone updates ("zebra14")', 'passcode: bluebird7'
        r("password", PhiType.ID, r"(?i:\b(?:password|passcode|pass[ \t]*+phrase|"
          r"code[ \t]++word|safe[ \t]++word|secret[ \t]++word)\b[^\n\"“]{0,40}?"
          r"(?:[:=][ \t]*+[\"“]?|[\"“]|\bis[ \t]++[\"“]?))"
          r"((?<=[\"“])[A-Za-z0-9!@#$%^&*._\-]{4,30}(?=[\"”])|"
          r"(?=[A-Za-z!@#$%^&*._\-]*[0-9!@#$%^&*_])[A-Za-z0-9!@#$%^&*._\-]{4,30}"
          r"(?=[ \t]*+(?:[).,;]|$)))",
          0.8, group=1),
        # a parcel's tracking number ('1Z 9W8 412 04 7731 0062'), a French 'n° 04127'
        r("ups_tracking", PhiType.ID, r"(?<![A-Za-z0-9])1Z(?:[ ]?[0-9A-Z]){16}(?![A-Za-z0-9])",
          1.0),
        r("numero_sign", PhiType.ID, r"(?<!(?i:loi) )(?<!(?i:cret) )(?<!(?i:rrêté) )"
          r"(?<!(?i:rrete) )(?<!(?i:ulaire) )(?<!(?i:ormule) )"
          r"(?:\b[Nn][°º]|\bN[Oo]\.?[ \t]*+[°º])[ \t]*+"
          r"(?!(?:19|20)[0-9]{2}[ \-])([0-9][0-9 \-]{2,14}[0-9])(?![0-9])", 0.8, group=1),
        # '$50 ClinCard ending 2208', 'Visa ending in 4471': the last digits of a card
        r("card_ending", PhiType.ACCOUNT, r"(?i:(?:card|acct|account|a/c|visa|mastercard|amex|"
          r"debit|credit)\b[^\n.;]{0,20}?\b(?:ending(?:[ \t]+in)?|ends[ \t]+in|last[ \t]+"
          r"(?:4|four)(?:[ \t]+digits)?)[ \t]*+:?[ \t]*+)([0-9]{4})(?![0-9])", 0.85, group=1),
        # 'phone interpreter #224871', 'Provider # 36-7721', 'tail N731LT': numbers of people
        # and craft that a label names
        r("interpreter_number", PhiType.ID, r"(?i:\b(?:interpreter|operator|agent|"
          r"representative|provider)[ \t]*+(?:id|no\.?|number)?[ \t]*+#[ \t]*+:?[ \t]*+)"
          r"([0-9][0-9\-]{2,12}[0-9])(?![0-9])", 0.8, group=1),
        # 'Mandarin interpreter Mr. Huang (#40217)', 'interpreter (iPad, Fabienne #11082)': the
        # interpreter's number later on the same line
        r("interpreter_number_later", PhiType.ID, r"(?i:\b(?:interpret(?:er|ers|or|ing)|interp|"
          r"translator)\b)[^\n#]{0,80}?(?:#|\b(?i:no\.?|number|id)[ \t]*+:?)[ \t]*+([0-9]{4,8})"
          r"(?![0-9])", 0.8, group=1),
        r("aircraft_tail", PhiType.ID, r"(?i:\btail(?:[ \t]++(?:number|no\.?|#))?[ \t]*+:?[ \t]*+)"
          r"(N[1-9](?:[0-9]{1,4}[A-Z]{0,2}|[A-Z]{1,2}))(?![A-Za-z0-9])", 0.8, group=1),
        # 'cruise, MS Aurora Meridian', 'Vessel: MV Seabright Serenade', 'F/V Northern Dawn':
        # a ship by its prefix, in a text about ships (`NEEDS`)
        r("vessel", PhiType.FACILITY, r"(?<![A-Za-z/])(?:MV|M/V|MS|M/S|SS|RMS|F/V|FV)[ \t]"
          r"(?!(?i:clinic|cent(?:er|re)|flare|relapse|society|nurse|team|program|specialist|"
          r"fatigue|attack|exacerbation|patients?|diagnosis|treatment|therapy|medications?|"
          r"drugs?|infusion|care|repair|replacement|prolapse|regurgitation|stenosis|annulus|"
          r"clip|leaflets?|mode|settings?|disease|symptoms?|lesions?|mri|dmt)\b)"
          r"(?:[A-Z][a-z'’]+|[A-Z]{3,})(?:[ \t](?:[A-Z][a-z'’]+|[A-Z]{3,}|of|the)){0,3}"
          r"(?<![ \t]of)(?<![ \t]the)", 0.75),
        # 'I'll be a hundred in the spring', 'almost a hundred': the age itself, not a count
        r("age_a_hundred", PhiType.AGE, r"(?i:(?:\b(?:be|is|turning|turns|turned|i'm|he's|"
          r"she's)[ \t]++(?:almost[ \t]++|nearly[ \t]++)?|[\"“](?:almost[ \t]++|nearly[ \t]++)?))"
          r"(a[ \t]++hundred)(?![ \t]*+(?:and|percent|%|times|"
          r"mg|ml|units|dollars|bucks|miles|pounds|lbs|people|patients|years[ \t]++ago|of|"
          r"[a-z]+s)\b)", 0.85, group=1),
        r("age_decade", PhiType.AGE, r"(?i:\b(?:in\s+(?:his|her|their|my|our|your)\s+"
          r"(?:(?:early|mid|late)[\s\-]+)?)(?:90s|90's|nineties)\b)", 0.9),
        # 'ages of residents range 78 to 98', 'aged 85-97': the top of an age range over 89
        r("age_range", PhiType.AGE, r"(?i:\bage[sd]?\b(?:[ \t]+of[ \t]+[a-z]+)?(?:[ \t]+(?:"
          r"range[sd]?|ranged|ranging|from|between|were|are|of))?[ \t]*+:?[ \t]*+[0-9]{1,3}[ \t]*+"
          r"(?:to|-|–|and|through)[ \t]*+)(9[0-9]|1[01][0-9])(?![0-9])" + _UNIT_AFTER, 0.85,
          group=1),
        r("age_died_at", PhiType.AGE, r"(?i:\b(?:died|passed(?:\s+away)?|deceased|death|"
          r"expired|lived\s+to(?:\s+be)?|living\s+to(?:\s+be)?|live\s+to\s+be|"
          r"alive\s+(?:and\s+well\s+)?at|a&w\s+at|living\s+at|"
          r"d\.)\s+(?:at\s+)?(?:(?:the\s+)?age\s+(?:of\s+)?)?)("
          + _AGE_NUM + r"|" + _AGE_WORDS + r")(?![0-9]|\.[0-9]|\s*(?:%|mg|kg|lb|/|percent))"
          + _R, 0.9, group=1),
        # 'was admitted at 93 from', 'diagnosed at 91', 'At ninety-two, he was': the age at
        # an event of a life (digits only after a verb of that event: 'fever at 101' is none)
        r("age_event_at", PhiType.AGE, r"(?i:\b(?:admitted|diagnosed|dx'?d|married|retired|"
          r"widowed|remarried|baptized|hospitalized|institutionalized|widowered)[ \t]+at[ \t]+)("
          + _AGE_NUM + r"|"
          + _AGE_WORDS + r")(?![0-9]|\.[0-9]|[ \t]*(?:%|mg|kg|lb|bpm|mm|/|percent|degrees|°|"
          r"units|[ap]\.?m\b|hours?|hrs?|o'clock|:))", 0.85, group=1),
        r("age_at_words", PhiType.AGE, r"(?:(?m:^)|(?<=[.!?;:\"“])|(?<=[.!?;:\"“][ \t]))[ \t]*"
          r"At[ \t]+(" + _AGE_WORDS + r")(?=[ \t]*,|[ \t]+(?:she|he|they|I|my|mom|dad|the[ \t]+"
          r"patient|pt)\b)", 0.85, group=1),
        # 'Gran, at 94, is independent': an age over 89 set off after a name or a word for
        # someone ('at' and commas on both sides), never after a measurement's name
        r("age_at_apposition", PhiType.AGE, r"(?i:\b(?:gran|granny|grandma|grandpa|grandmother|"
          r"grandfather|nana|papa|mother|father|mom|dad|mum|husband|wife|aunt|uncle|sister|brother|"
          r"widow|widower|she|he|patient|pt|resident|veteran|neighbor|neighbour)[\"”’']?),[ \t]+"
          r"at[ \t]+(9[0-9]|1[01][0-9])(?=[ \t]*,)", 0.8, group=1),
        # 'Lives alone, 91, on Medicare', 'retired farmer, 94, here with his son'
        r("age_apposition", PhiType.AGE, r"[,(](?=[ \t]*(?:9[0-9]|1[01][0-9])(?![0-9]))(?i:"
          + "|".join(
            rf"(?<=\b{w}[,(])|(?<=\b{w} [,(])" for w in (
              "alone", "widowed", "widow", "widower", "married", "divorced", "single", "retired",
              "living", "alive", "deceased",
              "female", "male", "woman", "man", "lady", "gentleman", "gent", "veteran",
              "resident", "patient", "pt", "mother", "father", "mom", "dad", "grandmother",
              "grandfather", "grandma", "grandpa", "wife", "husband", "aunt", "uncle", "farmer",
              "teacher", "nun", "priest", "sister", "brother")) + r")"
          r"[ \t]*(9[0-9]|1[01][0-9])(?=[ \t]*(?i:yo|y/o|yrs?|years?)?[ \t]*!*[ \t]*[,;)]|"
          r"[ \t]+(?i:and|with|on|who|lives|"
          r"living|now|here|presents|presenting|seen)\b)", 0.85, group=1),
        # 'DOB 04/05/1931 (95)', 'née le 22/06/1930, 96 ans', 'geb. 03.03.1934 (92 J.)': an
        # age over 89 right after a birth date whose year allows it
        r("age_after_birth_year", PhiType.AGE, r"(?:(?<![0-9])[0-9]{1,2}[\-/.][0-9]{1,2}[\-/.]"
          r"|(?<![0-9])[0-9]{1,2}[\- ](?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
          r"[a-z]{0,6}\.?[\- ]"
          r"|\b(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?[ \t]+[0-9]{1,2}"
          r"(?:st|nd|rd|th)?,?[ \t]+|(?i:\b(?:born|b\.|dob|"
          r"d\.o\.b\.?|geb\.?|n[ée]e?|nacid[oa]|nat[oa])[ \t]*:?[ \t]*))"
          r"(?:18[89][0-9]|19[0-3][0-9])(?![0-9])(?:[\-/.][0-9]{1,2}[\-/.][0-9]{1,2})?"
          r"[ \t]*[(,][ \t]*(9[0-9]|1[01][0-9]|12[0-5])"
          r"(?=[ \t]*(?i:y|yo|y/o|yrs?|years?(?:[ \t]+old)?|ans|a[nñ]os|anni|jahre|j\.|jaar|"
          r"jr\.?)?\.?[ \t]*(?:\)|,|;|\n|$))", 0.9, group=1),
        # 'Age/Sex: 93/F', 'F/93': an age over 89 and a sex marker joined by a slash
        r("age_sex_slash", PhiType.AGE, r"(?<![0-9/.])(9[0-9]|1[01][0-9])[ \t]?/[ \t]?"
          r"(?=[MF](?![A-Za-z0-9]))", 0.85, group=1),
        r("sex_age_slash", PhiType.AGE, r"(?<![A-Za-z0-9/])[MF][ \t]?/[ \t]?(9[0-9]|1[01][0-9])"
          r"(?![0-9/.])", 0.85, group=1),
        # 'F, 93' / 'female, 93' (a sex, then the age after a comma), never a temperature
        # ('101 F, 95 HR') nor a weight or percentage after it
        r("sex_age_comma", PhiType.AGE, r"(?<![A-Za-z0-9/°.])(?<![0-9][ \t])(?<!°[ \t])"
          r"(?:[MF]|(?i:female|male|woman|man))[ \t]*,[ \t]*(9[0-9]|1[01][0-9])(?![0-9/.,]|"
          r"[ \t]*(?:-|to)[ \t]*[0-9])" + _UNIT_AFTER, 0.8, group=1),
        # 'at 91 she still drives', 'at 96, he walks daily': 'at' opens its clause (not
        # 'MAP at 90 he was started on pressors', 'desaturated at 91 the patient ...')
        r("age_at_pronoun", PhiType.AGE, r"(?i:(?:^|(?<=[\n,;:(.!?])|(?<=[\n,;:(.!?][ \t])|"
          r"(?<=\band )|(?<=\bbut )|(?<=\byet )|(?<=\beven )|(?<=\bstill )|(?<=\bnow ))"
          + _NOT_AFTER_VITAL + r"\bat[ \t]+)"
          r"(9[0-9]|1[01][0-9])(?=,?[ \t]+(?i:she|he|i|my|mom|dad|mother|father|grandma|"
          r"grandpa|they|the\s+patient|pt)\b)", 0.85, group=1),
        r("age_birthday", PhiType.AGE, _L + r"(?:9[0-9]|1[01][0-9])(?:st|nd|rd|th)?\s+birthday"
          + _R, 1.0),
        # "her grandmother's 90th", "Dad's 100th was great", 'for his 92nd': whose ordinal it
        # is says it is a birthday (not 'the 90th percentile', '95th centile')
        r("age_possessive_ordinal", PhiType.AGE, r"(?i:(?:['’]s|\b(?:his|her|my|their|your|our))"
          r"[ \t]+)((?:9[0-9]|1[01][0-9])(?:st|nd|rd|th))" + _R
          + r"(?![ \t]*(?i:percentile|centile|%|time|visit|day|dose|cycle|week|wk|floor|"
          r"street|st\b|ave|fraction|session|attempt|admission)\b)", 0.85, group=1),
        # 'a "Happy 100th" letter', 'doing great for 96!', 'Age recorded: 93', 'Age should
        # read: 95': an ordinal after 'happy', a number after praise and 'for', a labelled age
        r("age_happy_ordinal", PhiType.AGE, r"(?i:\bhappy[ \t]+)(9[0-9]|1[01][0-9])(?:st|nd|rd|th)"
          + _R + r"(?=[ \t]*(?:[\"”'’!.,)]|$|\n|(?i:birthday|bday|b-day)\b))", 0.9, group=1),
        r("age_praise_for", PhiType.AGE, r"(?i:\b(?:good|great|well|amazing|sharp|spry|strong|"
          r"healthy|fit|active|independent|alert|remarkable|wonderful|fantastic)[ \t]+for[ \t]+"
          r"(?:a[ \t]+|an[ \t]+|being[ \t]+|someone[ \t]+|age[ \t]+)?)"
          r"((?:9[0-9]|1[01][0-9])(?:[ \t\-]*(?:years?|yrs?|yo|y/o)(?:[ \t\-]*old)?)?)"
          r"(?![0-9]|[.,][0-9])" + _UNIT_AFTER + r"(?![ \t]*(?i:min|mins|minutes|sec|secs|"
          r"seconds|feet|ft|foot|yards|meters|m|reps?|repetitions|steps|systolic|diastolic|"
          r"percent|percentile|th|st|nd|rd|days|weeks|beats)\b)", 0.85, group=1),
        r("age_label_words", PhiType.AGE, r"(?i:\bage[ \t]+(?:recorded|listed|stated|given|shown|"
          r"reported|documented|entered|printed|as[ \t]+(?:listed|recorded|entered|printed)|"
          r"on[ \t]+(?:form|record|certificate|chart|file)|should[ \t]+(?:read|be)|"
          r"of[ \t]+(?:the[ \t]+)?(?:decedent|deceased|patient|pt|client|resident|member)"
          r"(?:[ \t]+(?:on|at)[ \t]+(?:the[ \t]+)?(?:certificate|form|record|death|admission))?|"
          r"(?:is|was)[ \t]+(?:listed|recorded|entered|printed)[ \t]+as)[ \t]*+:?[ \t]*+)"
          r"(9[0-9]|1[01][0-9])(?![0-9]|[.,][0-9])" + _UNIT_AFTER, 0.9, group=1),
        # 'Age (yrs): 97', 'AGE (Y) 94', 'Age (in years): 101': a label with its unit
        r("age_label_unit", PhiType.AGE, r"(?i:\bage[ \t]*+\([ \t]*+(?:in[ \t]++)?(?:yrs?|years?|y|"
          r"yo)\.?[ \t]*+\)[ \t]*+[:=]?[ \t]*+)(9[0-9]|1[01][0-9])(?![0-9]|[.,][0-9])"
          + _UNIT_AFTER,
          0.9, group=1),
        # an age after 'at' in a judgement of surgery or frailty ('high surgical risk at 95',
        # 'at 93 surgical AVR likely prohibitive', 'too old at 92 to give up greens'): the
        # judgement before or after the number; never after a vital sign's name ('sat at 92')
        r("age_at_judgement", PhiType.AGE, r"(?i:\b(?:risk|candidate|prohibitive|too[ \t]+old|"
          r"frail(?:ty)?|life[ \t]+expectancy|not[ \t]+offered)\b[^\n.;:0-9%]{0,30}?"
          + _NOT_AFTER_VITAL + r"\bat[ \t]+)(9[0-9]|1[01][0-9])" + _NOT_AGE_UNIT, 0.8, group=1),
        r("age_at_then_judgement", PhiType.AGE, r"(?i:(?:^|(?<=[\n.;:,(])|(?<=[\n.;:,(][ \t]))"
          r"at[ \t]+)"
          r"(9[0-9]|1[01][0-9])" + _NOT_AGE_UNIT
          + r"(?=[ \t]*[,\-–—]?[ \t]+(?i:[a-z/]+[ \t]+){0,3}(?i:surgical|"
          r"surgery|candidate|prohibitive|not[ \t]+offered|too[ \t]+old|life[ \t]+"
          r"expectancy)\b)", 0.8, group=1),
        # 'At 91 with reasonable functional status': an age opening its clause before a life's
        # circumstances (never 'At 110, metoprolol given', a reading)
        r("age_at_clause_start", PhiType.AGE, r"(?:^|(?<=[\n.;:(])|(?<=[\n.;:(][ \t]))"
          r"(?i:at)[ \t]+(9[0-9]|1[01][0-9])" + _NOT_AGE_UNIT + _AGE_CLAUSE_AFTER, 0.8, group=1),
        # 'which at ninety-one carries', 'may not close at ninety-six with her intake': an age
        # in words after 'at', before what a life at that age holds ('Sats holding at
        # ninety-four on room air', 'Rate controlled at ninety and regular' are readings)
        r("age_words_after_at", PhiType.AGE, _NOT_AFTER_MEASURE + r"(?i:\bat[ \t]+)("
          + _AGE_WORDS + r")(?![A-Za-z\-])" + _AGE_CLAUSE_AFTER, 0.8, group=1),
        # 'IBEW Local 160', 'USW Local 2705 member', 'union Local 2705': a union's local by its
        # number (after the union's initials or the word 'union'; never 'Local 4 lidocaine')
        r("union_local", PhiType.FACILITY, r"(?<![A-Za-z])(?:[A-Z]{2,6}[ \t]+|(?<=union )|"
          r"(?<=Union )|(?<=union: )|(?<=Union: ))Local[ \t]+#?"
          r"[0-9]{1,5}(?:-[A-Z])?(?![0-9A-Za-z]|[ \t]*(?i:mg|ml|units?|%|cc|min|minutes|hours?)\b)",
          0.8),
        # 'GPS 47.4285 N 87.8971 W', 'coordinates 46.7867, -92.1005': a place by latitude and
        # longitude, finer than any geographic unit Safe Harbor allows
        r("gps_coordinates", PhiType.ADDRESS, r"(?<![0-9.])[0-9]{1,2}\.[0-9]{3,6}°?[ \t]*+[NS]"
          r"[ \t,]+[0-9]{1,3}\.[0-9]{3,6}°?[ \t]*+[EW](?![0-9A-Za-z])", 0.85),
        r("gps_labelled", PhiType.ADDRESS, r"(?i:\b(?:gps|coordinates|coords|lat[ \t/]*long?|"
          r"latitude[ \t/]*longitude)[ \t:]*+)(-?[0-9]{1,2}\.[0-9]{3,6},[ \t]*+-?[0-9]{1,3}"
          r"\.[0-9]{3,6})(?![0-9])", 0.85, group=1),
        # 'Photo: IMG_0417.jpg', 'SSHC_308B_0110_sacrum.jpg': a photo's or scan's file name
        # with a digit, unique to one picture of one patient (Safe Harbor's images and codes)
        r("image_file_name", PhiType.ID, r"(?<![A-Za-z0-9_.\-/])(?=[A-Za-z0-9_\-]*[0-9])"
          r"[A-Za-z0-9][A-Za-z0-9_\-]{2,80}\.(?i:jpe?g|png|heic|heif|tiff?|bmp|gif|dcm|webp)"
          r"(?![A-Za-z0-9])", 0.85),
        # 'wants to make it to 100', 'hopes to live past 100': a lifetime's mark as a wish
        # (never 'made it to 100 ft' of a walk or 'HR made it to 110')
        r("age_make_it_to", PhiType.AGE, r"(?i:\b(?:wants?|wanted|hopes?|hoping|hoped|plans?|"
          r"planning|going|gonna|determined|trying|means|intends?)[ \t]+to[ \t]+(?:make[ \t]+"
          r"it|live|get)[ \t]+(?:to|past)[ \t]+)"
          r"(9[0-9]|1[01][0-9])" + _NOT_AGE_UNIT, 0.85, group=1),
        # 'Is 96 too old for hip surgery?', 'at 93 she is very old', 'is 104 the oldest': an
        # age before a word of being old (not a room, bed or unit number)
        r("age_too_old", PhiType.AGE, r"(?i:\b(?:is|at|age|aged|turns|turning|she['’]s|"
          r"he['’]s|i['’]m|being|be)[ \t]++)(9[0-9]|1[01][0-9])"
          r"(?=[ \t]+(?:(?i:is|be|years?|yrs?)[ \t]+)?(?i:too|very|really|so|pretty|considered|"
          r"that)[ \t]+old\b|[ \t]+(?i:the[ \t]+oldest|old[ \t]+enough)\b)",
          0.85, group=1),
        # a scanned age whose zero was read as the letter O ('Age: 9O', '9O y/o F', 'age 9O+'):
        # only after an age label or before an age unit ('O2' and codes stay)
        r("age_ocr", PhiType.AGE, r"(?i:\bage[ \t]{0,3}:?[ \t]{0,3})(9[OolI]\+?|1[Oo][Oo0-9]|"
          r"10[Oo])(?![A-Za-z0-9])", 0.85,
          group=1),
        r("age_ocr_unit", PhiType.AGE, r"(?<![A-Za-z0-9])9[Oo](?=[ \t\-]*(?i:y/o|yo|y\.o\.|yrs?|"
          r"years?)(?![A-Za-z]))", 0.85),
        # 'his ninety-second birthday', 'her hundredth birthday', 'the 100th'
        r("age_birthday_words", PhiType.AGE, r"(?i:\b(?:" + NINETY + r"[\s\-]*(?:first|second|"
          r"third|fourth|fifth|sixth|seventh|eighth|ninth)|ninetieth|(?:(?:one|a)[\s\-]+)?"
          r"hundredth|(?:(?:one|a)[\s\-]+)?hundred(?:[\s\-]+and)?[\s\-]+(?:first|second|third|"
          r"fourth|fifth|sixth|seventh|eighth|ninth|tenth))(?=[\s\-]+birthday\b))", 0.95),
        # 'patient, at ninety-one, is independent', 'Hazel (herself ninety)': an age in
        # words after 'at' closing a phrase, or after 'herself'/'himself'
        r("age_words_at", PhiType.AGE, r"(?:(?<=,[ \t])|(?<=\())(?i:at|herself|himself)\s+("
          + _AGE_WORDS
          + r")(?=[ \t]*(?:[,)]|(?i:she|he|is|was|still|and|but)\b))", 0.85, group=1),
        r("age_digits_self", PhiType.AGE, r"(?:(?<=,[ \t])|(?<=\())(?i:herself|himself)\s+("
          + _AGE_NUM
          + r")(?=[ \t]*(?:[,)]|(?i:and|but|years?)\b))", 0.85, group=1),
        # 'pt at Cedars icu, ninety one, on 3 pressors': an age in words set off by commas
        r("age_words_apposition", PhiType.AGE, r"(?i:\b(?:pt|patient|mom|mother|dad|father|"
          r"grandma|grandmother|grandpa|grandfather|he|she|man|woman|lady|gentleman|resident|"
          r"widow|widower|aunt|uncle)\b)[^,.;:\n0-9]{0,30}[,(][ \t]*(" + _AGE_WORDS
          + r")(?=[ \t]*[,)])", 0.85, group=1),
        # 'RN 771204 license verification': a licence number right after the credential
        r("license_after_credential", PhiType.LICENSE, r"(?<![A-Za-z])(?:RN|LPN|LVN|APRN|CRNA|"
          r"CNA|RPh|RPH|EMT|EMT-P|LCSW|LMFT|LPC|ASW|LICSW|LMSW|LCPC|LADC|CADC|"
          r"(?<=[A-Z]{2}[ \t])FD)[ \t]*+(?:#[ \t]*+)?([0-9]{5,9}(?:-[0-9]{1,3})?|(?<=FD )[0-9]{4}|"
          r"[A-Z]{2}-[A-Za-z]{2,4}[ \t\-]?[0-9]{4,9})(?![0-9])(?=[ \t]*"
          r"(?i:licen[cs]e|lic\b|exp|expires|verification|verified|active|,|;|\(|\)|\n|$))",
          0.85,
          group=1),
        r("age_group_word", PhiType.AGE,
          r"(?i:\b(?:nonagenarian|centenarian|supercentenarian)s?\b(?:[ \t]+(?:of|aged)[ \t]+"
          r"(?:9[0-9]|1[01][0-9])(?![0-9]))?)", 0.9),
        # 'Ihre 93-jährige Patientin', '91jarige': an age over 89 as a German or Dutch adjective
        r("age_adjective_abroad", PhiType.AGE, _L + r"(?:9[0-9]|1[01][0-9])[ \-]?(?i:j[äa]hrig|"
          r"jarig)(?:e[rnms]?)?" + _R, 0.95),
        # --- contact ---
        r("email", PhiType.EMAIL, r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+"
          r"(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}" + _R, 1.0),
        # spelled-out addresses: bracketed '(at)'/'[at]' anywhere; a spaced ' at ' only with a
        # mail provider ('ana dot ruiz at gmail dot com') or a dotted/numbered local part
        r("email_spelled", PhiType.EMAIL, r"(?i:(?<![A-Za-z0-9._\-])[a-z0-9._\-]+(?:\s+dot\s+"
          r"[a-z0-9_\-]+)*\s*(?:\(at\)|\[at\]|\{at\})\s*[a-z0-9\-]+(?:\s*(?:\sdot\s|\(dot\)|"
          r"\[dot\]|\.)\s*[a-z0-9\-]+)*\s*(?:\sdot\s|\(dot\)|\[dot\]|\.)\s*"
          r"(?:com|org|net|edu|gov|us|io|me|co)\b)", 0.9),
        r("email_spelled_spaced", PhiType.EMAIL, r"(?i:(?<![A-Za-z0-9._\-])(?:[a-z0-9_\-]+(?:\s+dot"
          r"\s+[a-z0-9_\-]+)+|[a-z0-9_\-]*[._0-9][a-z0-9._\-]*|[a-z0-9._\-]+(?=\s+at\s+(?:gmail|"
          r"yahoo|hotmail|outlook|aol|icloud|proton|protonmail|comcast|msn|live|mail|ymail|"
          r"att|verizon|sbcglobal|bellsouth|cox|charter|earthlink)\b))\s+at\s+[a-z0-9\-]+"
          r"(?:\s+dot\s+[a-z0-9\-]+)*\s+dot\s+(?:com|org|net|edu|gov|us|io|me|co)\b)", 0.9),
        r("url", PhiType.URL, r"(?i:\b(?:https?|ftp)://[^\s<>\"')\]]+|"
          r"\bwww\.[a-z0-9\-]+(?:\.[a-z0-9\-]+)+(?:/[^\s<>\"')\]]*)?)", 1.0),
        # link shorteners and share links ('gofund.me/4c7a91e2', 'bit.ly/3xYz', 'forms.gle/..')
        r("url_short", PhiType.URL, r"(?i:(?<![A-Za-z0-9.@])(?:bit\.ly|goo\.gl|gofund\.me|"
          r"linktr\.ee|t\.co|tinyurl\.com|rb\.gy|ow\.ly|is\.gd|buff\.ly|forms\.gle|"
          r"photos\.app\.goo\.gl|youtu\.be|wa\.me|m\.me|venmo\.com|cash\.app|paypal\.me)"
          r"/[^\s<>\"')\]]+)", 0.9),
        # a host of three labels or more under a common or a country's second-level domain,
        # with or without a path ('pay.cvhs-example.org', 'reports.lab.co.in/verify')
        r("url_host", PhiType.URL, r"(?i:(?<![a-z0-9\-.@/])[a-z0-9][a-z0-9\-]*+(?:\.[a-z0-9\-]++)+"
          r"\.(?:com|org|net|edu|gov|health|care|info|io|(?:co|com|org|net|gov|ac|nhs|edu)\."
          r"[a-z]{2})(?=[/:]|[^a-z0-9\-.@]|\.(?![a-z0-9]))(?:[/:][^\s<>\"')\]]*)?)", 0.85),
        r("url_bare", PhiType.URL, r"(?i:(?<![a-z0-9\-.])[a-z0-9\-]++(?:\.[a-z0-9\-]+)*\."
          r"(?:com|org|net|edu|"
          r"gov|io|info|biz|us|health|care)/[^\s<>\"')\]]*)", 0.9),
        r("ipv4", PhiType.IP, r"(?<![0-9.])(?:[0-9]{1,3}\.){3}[0-9]{1,3}(?![0-9]|\.[0-9])", 0.95,
          validator="ipv4"),
        r("ipv6", PhiType.IP, r"(?i:(?<![0-9a-f:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|"
          r"(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:?){0,6}[0-9a-f]{1,4})(?![0-9a-f:]))", 0.9),
        r("mac", PhiType.DEVICE, r"(?<![0-9A-Fa-f:\-])[0-9A-Fa-f]{2}(?:[:\-][0-9A-Fa-f]{2}){5}"
          r"(?![0-9A-Fa-f:\-])", 0.95),
        r("fax", PhiType.FAX, r"(?i:\b(?:fax|facsimile|telefax|f(?=\s*[:.]))\b\s*"
          r"(?:number|no\.?|#)?\s*[:#.]?\s*(?:is\s+|at\s+|to\s+)?)(" + _PHONE_US + r")" + _RD,
          1.0, group=1),
        r("phone_us", PhiType.PHONE, r"(?<![0-9A-Za-z\-])" + _PHONE_US + r"(?![0-9]|-[0-9])", 0.95),
        # '773 . 202 . 6519', '555 - 201 - 8830': a US number with blanks around its marks
        r("phone_us_spaced", PhiType.PHONE, r"(?<![0-9A-Za-z.\-])\(?[2-9][0-9]{2}\)?[ \t]+[.\-·]"
          r"[ \t]+[0-9]{3}[ \t]+[.\-·][ \t]+[0-9]{4}(?![0-9]|[ \t]+[.\-·][ \t]+[0-9])", 0.85),
        r("phone_intl", PhiType.PHONE, r"(?<![0-9A-Za-z+])" + _PHONE_INTL + r"(?![0-9])", 0.85,
          validator="phone"),
        r("phone_local", PhiType.PHONE, r"(?i:\b(?:phone|tel|telephone|cell|mobile|pager|beeper|"
          r"ph|call(?:ed)?|reach(?:ed)?|contact|home|work|at|number)\b\.?(?>\s*[:#]?\s*"
          r"(?:at\s+|is\s+)?))"
          r"([0-9]{3}[\-.][0-9]{4})" + _RD, 0.9, group=1),
        # 'Tel 017687 55501', 'mobile 07700 900418', 'Tel. 08161 555 4471', 'pager 0400 555 912':
        # after a phone word, a number in any national layout (8 to 13 digits in groups)
        r("phone_labelled", PhiType.PHONE, r"(?i:\b(?:phone|tel|telephone|t[eé]l[eé]phone|"
          r"telefon|tel[eé]fono|cell|cellular|cellulaire|celular|mobile|mob|handy|m[oó]vil|"
          r"pager|beeper|contact|whatsapp)\b\.?(?>[ \t]*(?:no\.?|number|#)?[ \t]*[:.]?[ \t]*))"
          + _ANY_PHONE, 0.85, group=1, validator="phone_digits"),
        r("fax_labelled", PhiType.FAX, r"(?i:\b(?:fax|facsimile|t[eé]l[eé]copieur|telefax)\b\.?"
          r"(?>[ \t]*(?:no\.?|number|#)?[ \t]*[:.]?[ \t]*))"
          + _ANY_PHONE, 0.9, group=1, validator="phone_digits"),
        r("pager_ext", PhiType.PHONE, r"(?i:\b(?:pager|beeper|bleep|bleeper|blp|ext\.?|extension|x)"
          r"\s*+#?:?\s*+)"
          r"([0-9]-?[0-9]{3,5}|[0-9]{4,6})" + _RD, 0.85, group=1),
        # India's mobile numbers in two groups of five ('98410 55237')
        r("phone_india_mobile", PhiType.PHONE, r"(?:\([ \t]*|(?i:\b(?:mob(?:ile)?|ph(?:one)?|tel|"
          r"cell|contact|whatsapp)\.?[ \t]*+(?:no\.?[ \t]*+)?[:#\-]?[ \t]*+))"
          r"([6-9][0-9]{4} [0-9]{5})"
          r"(?![0-9]|[.,][0-9])", 0.8, group=1),
        # --- government and record numbers ---
        # Australian hospital UR numbers ('UR: 1173 0994', 'URN 0774 2281')
        r("ur_number", PhiType.MRN, r"\bUR(?:N|[ \t]*+No\.?|[ \t]*+#)?[ \t]*+[:#]?[ \t]*+"
          r"([0-9]{3,4}[ ]?[0-9]{3,5})(?![0-9])", 0.85, group=1),
        # Canadian health card and Australian pension/concession numbers by their label
        r("health_card", PhiType.HEALTH_PLAN, r"(?i:\b(?:hcn|health[ \t]+card(?:[ \t]+(?:no\.?|"
          r"number|#))?|(?:pension|concession)(?:[ \t]+card)?(?:/(?:pension|concession))?"
          r"(?:[ \t]+(?:no\.?|number|#))?)[ \t]*[:#]?[ \t]*)([0-9]{3,4}[ \-]?[0-9]{3}[ \-]?[0-9]{3}"
          r"(?:[ \-]?[A-Z]{1,2})?)(?![0-9A-Za-z])", 0.85, group=1),
        # a registration number after a regulator's acronym ('KMC Reg. 49231', 'CPBC reg #02817')
        r("regulator_registration", PhiType.LICENSE, r"\b[A-Z]{2,6}[ \t]+(?:[Rr]eg(?:istration)?"
          r"|REG)\.?[ \t]*(?:No\.?|#)?[ \t]*:?[ \t]*#?(?!(?:19|20)[0-9]{2}(?![0-9]))([0-9]{3,8})"
          r"(?![0-9])", 0.85, group=1),
        r("ssn", PhiType.SSN, _LD + r"[0-9]{3}[\- ][0-9]{2}[\- ][0-9]{4}" + _RD, 0.95,
          validator="ssn"),
        # a form's boxes or a scan spread the dashes ('518 - 66 - 2041')
        r("ssn_spaced", PhiType.SSN, r"(?i:\b(?:ssn|ss[ \t]*#|s[o0]c[il1]a[l1]|secur[il1]ty)\b"
          r"[^\n]{0,30}?)(?<![0-9])([0-9]{3}[ \t]*[-–—.][ \t]*[0-9]{2}[ \t]*[-–—.][ \t]*"
          r"[0-9]{4})" + _RD, 0.9, group=1),
        # the VA's 'L4' for the last four digits ('note for: Hope Redhouse   L4 0923')
        r("ssn_va_last4", PhiType.SSN, r"(?:(?<=[ \t]{2})|(?<=\t)|(?<=\()|(?<=,[ \t]))"
          r"(?<![A-Za-z0-9\-])[Ll]4[ \t]*[:#=]?[ \t]*([0-9]{4})"
          r"(?![0-9\-])", 0.85, group=1),
        r("ssn_labelled", PhiType.SSN, r"(?i:\b(?:ssn|ss#|ss\s+no|soc(?:ial)?\s+sec(?:urity)?"
          r"(?:\s+(?:number|no|#))?)\b\.?\s*[:#]?\s*(?:is\s+|of\s+|ending\s+(?:in\s+)?)?)"
          r"((?:[0-9Xx*]{3}[\- ]?[0-9Xx*]{2}[\- ]?)?[0-9]{4})" + _RD, 1.0, group=1),
        r("mrn", PhiType.MRN, r"(?i:\b(?:mrns?|mr(?=#)|mr\s+no|medical\s+record|accession|specimen|"
          r"fin|csn|har|empi|emr|ehr|hrn|chart\s+no|health\s+record)\b" + _SEP + r")"
          + _ID_VALUE + _R, 0.9,
          group=1, validator="record_number"),
        # 'MRN 123 456 789' (OCR or printed in groups), 'HRN: 0012 3456'
        r("mrn_grouped", PhiType.MRN, r"(?i:\b(?:mrn|m\.r\.n\.?|hrn|mr\s*#|med\.?\s*rec(?:ord)?"
          r"(?:\s*(?:number|n[o0]\.?|#))?|medical\s+record(?:\s+(?:number|n[o0]\.?|#))?)"
          r"[ \t]*[:#]?[ \t]*)((?=[0-9OlI \t]*[0-9])(?=(?:[ \t]?[0-9OlI]){5})[0-9OlI]{1,4}"
          r"(?:[ \t][0-9OlI]{1,4}){1,5})(?![0-9A-Za-z])", 0.9, group=1),
        # 'SSN on file ends in 4417', 'last 4 of SSN: 4417'
        r("ssn_last4", PhiType.SSN, r"(?i:\b(?:ssn|ss#|social)(?:[^\n]{0,30}?\(|[ \t]*)"
          r"(?:l4|last[ \t]?4)(?:[ \t]+(?:only|requested|given|provided|digits|on[ \t]+file)){0,2}"
          r"\)?[ \t]*[:#=]?"
          r"[ \t]*|\b(?:ssn|social(?:\s+security)?|ss#)\b[^.\n]{0,25}?"
          r"\b(?:ends?|"
          r"ending)(?:\s+(?:in|with))?\s*:?\s*|\blast\s+(?:4|four)(?:\s+(?:digits\s+)?of\s+"
          r"(?:the\s+|my\s+|his\s+|her\s+|their\s+|your\s+|pt'?s\s+|patient'?s\s+)?"
          r"(?:ssn|social(?:\s+security)?(?:\s+(?:number|no\.?|#))?))?\)?\s*(?:is|are|=|:|-)?\s*"
          r"\(?\s*)([0-9]{4})(?![0-9])", 0.9, group=1),
        # 'xxx-xx-8841', '***-**-4471': a masked SSN still shows its last four digits
        r("ssn_masked", PhiType.SSN, r"(?<![A-Za-z0-9])(?:[xX]{3}|\*{3}|#{3}|•{3})[\- ]?"
          r"(?:[xX]{2}|\*{2}|#{2}|•{2})[\- ]?[0-9]{4}(?![0-9])", 0.95),
        # an employer's tax number (EIN, two digits and seven: '48-1190327'), a shape no date,
        # phone, SSN or dose has
        r("employer_tax_number", PhiType.ID, r"(?<![A-Za-z0-9\-/.])(?<!range )(?<!range: )"
          r"(?<!Range )(?<!Range: )(?<!from )(?<!between )(?<!Batch )(?<!batch )[0-9]{2}-[0-9]{7}"
          r"(?![0-9\-/]|\.[0-9])(?![ \t]*(?i:copies|iu|cells|units?|ml|%|x|/)\b)", 0.75),
        # 'Case CR2023-00417', 'Booking # 23-11842', 'SO# 230417'
        # ('OTN: T 123456-7', 'SID 458812', 'PPN 1234567': a state's offense tracking, state
        # and photo numbers of a person in custody)
        r("case_number", PhiType.MRN, r"(?i:\b(?:case|cases(?=[ \t]*[:#])|booking|inmate|docket|"
          r"incident|citation|"
          r"warrant|so|file|otn|sid|ppn|work[ \t]?order|(?:police|pd|crash|accident)[ \t]+"
          r"report)\b[ \t]*(?:#|no\.?|number|id)?[ \t]*[:#]?[ \t]*)"
          r"((?:19|20)[0-9]{2}[ \t]+[A-Z]{1,3}[ \t]+(?:[0-9]{5,8}|0[0-9]{2,7})|"
          r"(?=[A-Za-z\-]*[ ]?[0-9][0-9\-]*[0-9])[A-Za-z]{0,4}(?:(?<=[A-Z])[ ])?[0-9]{2,10}"
          r"(?:[\-/][0-9]{2,8}|-[0-9](?![0-9])){0,2}[A-Za-z]?)"
          r"(?![A-Za-z0-9])(?![ \t]*(?i:mg|mcg|ml|units?|%|of\b|patients|cases|days?|weeks?|"
          r"years?|hours?|hrs?|minutes?|mins?|months?))",
          0.8, group=1, validator="has_digit"),
        # initials that sign an entry of a log, after its last sentence and a dash ('Mom
        # informed 10:05. -ck', 'completed separately.  -- AR', '-CK (Carrie Kowalski RN)')
        # (alone on its line only after a long dash: '- HTN' is an item of a list), or at a
        # table cell's end ('Corrected in diary. -PM |')
        r("sign_off_initials", PhiType.NAME, r"(?:(?:(?<=[.!?\"”][ \t])|(?<=[.!?\"”][ \t]{2}))"
          r"(?:--?|—|–)|(?:(?<=\n)|(?<=^))(?:--|—|–)(?=[ \t]?[A-Za-z]{2,3}[ \t]*(?:\n|\Z)))"
          r"[ \t]?([a-z]{2,3}|[A-Z]{2,3})(?=[ \t]*(?:\(|\n|\Z|\|)|,[ \t]*[a-z]{2,}[ \t]?[a-z]*"
          r"[ \t]*(?:\n|\Z))",
          0.8, group=1, validator="sign_off_initials"),
        # a court's case number: the year, the kind of case, the number ('No. 2024 COMH 003817',
        # 'Case 23 CR 0914402', 'People v. Gorski, 24 CF 1883'): a two-digit year only after a
        # word of a case on the same line, a four-digit one anywhere with 2-4 capitals
        r("court_case", PhiType.ID, r"(?:\b(?:[Cc]ase|CASE|[Cc]ause|CAUSE|[Dd]ocket|DOCKET|[Ff]ile|"
          r"FILE|[Mm]atter)\b[^\n]{0,20}?|\b(?:No|NO|Nos)\.[ \t]*|(?<![A-Za-z])(?:v|vs|V|VS)\."
          r"[^\n]{0,50}?)"
          r"(?<![A-Za-z0-9/.:\-])((?:19|20)?[0-9]{2}[ \t]?-?[ \t]?"
          r"(?!" + _NO_CASE_KIND + r")[A-Z]{1,4}[ \t]?-?[ \t]?[0-9]{3,8})(?![A-Za-z0-9])", 0.8,
          group=1, validator="court_case"),
        r("court_case_year", PhiType.ID, r"(?<![A-Za-z0-9/.:\-])(?:19|20)[0-9]{2}[ \t\-]?"
          r"(?!" + _NO_CASE_KIND + r")[A-Z]{2,4}[ \t\-]?[0-9]{5,7}(?![A-Za-z0-9])", 0.8,
          validator="court_case"),
        # an unknown label in capitals right before a long number ('UBI 602 118 447', 'RIN
        # 512 803 447'): a code system's label vetoes it (`_CODE_CONTEXT` of the scrubber)
        r("caps_label_number", PhiType.ID, r"(?<![A-Za-z0-9])(?!(?:LOT|REF|UPC|GTIN|CAS|ISBN|"
          r"NCT|CLIA|TEL|PH|FAX|CELL|HR|BP|RR|WBC|PLT)(?![A-Z]))[A-Z]{2,5}[ \t]*[#:]?[ \t]*"
          r"(?:[0-9]{3}[ \-][0-9]{3}[ \-][0-9]{3}(?:[0-9](?![ \-]?[0-9]))?|[0-9]{8,12})"
          r"(?:-[0-9A-Z](?![0-9A-Za-z]))?(?![0-9A-Za-z\-])" + _UNIT_AFTER, 0.8,
          validator="caps_label"),
        # a school district by its initials ('PSJA ISD', 'Katy ISD', 'SAN BENITO CONS ISD',
        # 'Fresno USD'): an employer and a school, named by the words before
        r("school_district_isd", PhiType.FACILITY, r"(?<![A-Za-z0-9])(?!(?:The|THE|Our|OUR|Your|"
          r"His|Her|Their|An?|Local|LOCAL)[ \t]+(?:C?ISD|[CU]?USD))(?:[A-Z][A-Za-z'’.\-]*[ \t]+)"
          r"{0,3}(?:[A-Z][A-Za-z'’.\-]*)[ \t]+(?:(?:Cons(?:olidated)?|CONS|Unified|"
          r"Ind(?:ependent)?)\.?[ \t]+)?(?:C?ISD|[CU]?USD)(?![A-Za-z])", 0.85),
        # a numbered agency of a region ('Area Agency on Aging 7', 'AAA Region IV'): that one
        # (an aneurysm's 'AAA 5.2 cm' is no agency: 'AAA' only with its region)
        r("area_agency_numbered", PhiType.FACILITY, r"(?:Area[ \t]+Agency[ \t]+on[ \t]+Aging"
          r"(?:[ \t]+(?:Region|District|PSA))?|AAA[ \t]+(?:Region|District|PSA))[ \t]+"
          r"(?:[0-9]{1,2}[A-Z]?|[IVX]{1,4})(?![A-Za-z0-9.])", 0.85),
        # a lawyer's bar number ('Esq., VSB 81377', 'DC Bar No. 478812'), a letter's reference
        # ('Ref. No.: EEW/CON/2024/0419') and the VA's last initial and four ('Last4: H5512')
        r("bar_number", PhiType.LICENSE, r"(?:\b(?:VSB|SBN)|\b[Bb]ar[ \t]*(?:No\.?|Number|#|ID))"
          r"[ \t]*[:#]?[ \t]*([0-9]{4,8})(?![0-9A-Za-z])", 0.85, group=1),
        r("reference_number", PhiType.ID, r"(?i:\b(?:our[ \t]+|your[ \t]+)?ref(?:erence)?\.?[ \t]*"
          r"(?:no\.?|number|#)[ \t]*[:#]?[ \t]*)" + _ID_VALUE + _R, 0.85, group=1,
          validator="record_number"),
        r("ssn_last4_letter", PhiType.SSN, r"(?i:\blast[ \t]?(?:4|four)[ \t]*[:#=][ \t]*)"
          r"([A-Z][0-9]{4}|[0-9]{4})(?![0-9A-Za-z])", 0.85, group=1),
        # a board's or a provider's licence ('Medical Board of California A 148302', 'Provider
        # # OR 104773'): an optional letter or state code, then the number
        r("board_license", PhiType.LICENSE, r"(?i:\b(?:(?:medical|nursing|dental|pharmacy)"
          r"[ \t]+board(?:[ \t]+of[ \t]+[a-z]+(?:[ \t]+[a-z]{4,})?)?(?:[ \t]*(?:number|no\.?|#|"
          r"lic(?:ense)?\.?))?|provider[ \t]*(?:number|no\.?|#|lic(?:ense)?\.?))[ \t]*[:#]?[ \t]*)"
          r"((?:[A-Z]{1,2}[ \t\-]?)?[0-9]{4,9})(?![A-Za-z0-9])" + _UNIT_AFTER, 0.85, group=1),
        # 'transmitter 8G4K2P', 'sensor SN 3MH01G2'
        r("device_transmitter", PhiType.DEVICE, r"(?i:\b(?:transmitter|sensor|receiver|tx)"
          r"(?:[ \t]++(?:id|sn|s/n|serial|#|no\.?))?[ \t]*+[:#]?[ \t]*+(?:(?:is|was|=)[ \t]++)?)"
          r"((?=[A-Z0-9]*[0-9])"
          r"(?=[A-Z0-9]*[A-Z])[A-Z0-9]{5,12})(?![A-Za-z0-9])", 0.85, group=1),
        # 'Vehicle (personal): 6BVR118', 'Truck: VT 7731RK': a vehicle's label, then a value
        # of letters and digits (five to eight, both kinds)
        r("plate_vehicle_label", PhiType.PLATE, r"(?<![A-Za-z])(?:[Vv]ehicle|VEHICLE|[Cc]ar|CAR|"
          r"[Tt]ruck|TRUCK|[Vv]an|VAN|[Mm]otorcycle)[ \t]*+\([a-z ]{1,20}\)[ \t]*+:[ \t]*+"
          r"((?:" + STATE_CODES + r"[ \t]+)?(?=[A-Z0-9]*[0-9])(?=[A-Z0-9]*[A-Z])[A-Z0-9]{5,8})"
          r"(?![A-Za-z0-9])", 0.85, group=1, validator="plate_value"),
        # a plate in parentheses after a vehicle word: 'her car (7KXR221)'
        r("plate_vehicle", PhiType.PLATE, r"(?i:\b(?:car|truck|van|vehicle|suv|sedan|pickup|"
          r"motorcycle|jeep|minivan)\b[^()\n]{0,30}\([ \t]*+)((?:(?i:" + STATE_CODES
          + r")[ \t]+)?(?!(?:19|20)[0-9]{2}[ \t])"
          r"(?=[A-Z0-9 \-]{0,12}[0-9])"
          r"(?=[A-Z0-9 \-]{0,12}[A-Z])[A-Z0-9]{1,4}[ \-]?[A-Z0-9]{1,4}[ \-]?[A-Z0-9]{0,3})"
          r"(?=[ \t]*+\)|[ \t]*+[,;][ \t]*+(?:now|since|sold|expired|exp|registered|reg|"
          r"plates?|tags?)\b)",
          0.85, group=1, validator="plate_value"),
        # 'lic. 123456', 'license RN 2345678', 'RPh lic #'
        # the credential is part of the number as written ('RN 2345678')
        r("license_credential", PhiType.LICENSE, r"(?i:\b(?:licen[cs]e|lic)\b\.?[ \t]*(?:#|no\.?)?"
          r"[ \t]*)((?:(?:RN|LPN|LVN|MD|DO|PA|NP|APRN|RPh|PharmD|DDS|DMD|LCSW|LMFT|CNA|EMT|PT|OT)"
          r"[ \t]*[:#]?[ \t]*)?(?=[A-Za-z]{0,3}[0-9])[A-Za-z]{0,3}[0-9][0-9\-]{3,11})"
          r"(?![A-Za-z0-9])", 0.85, group=1),
        # 'RVT (ARDMS 220184)', 'APRN 11928', 'cert. B-R 10442', 'commission # NP 2207811',
        # 'Bar Roll No. 29174', 'NABP e-Profile 3-220918': a registry's or a board's number
        r("credential_number", PhiType.LICENSE, r"\b((?:ARDMS|RDMS|RVT|RDCS|NREMT|NRP|CCRN|"
          r"APRN|CRNA|CNM|CNS|RRT|CRT|LCSW|LMSW|LPC|LMFT|NABP[ \t]+e-Profile|B-R|"
          r"(?i:bar[ \t]+roll|bar|commission|notary|registry|board[ \t]+cert(?:ification)?|"
          r"cert(?:ificate|ification)?)\.?(?:[ \t]+(?i:no\.?|number|#))?)[ \t]*[:#]?[ \t]*"
          r"(?:NP[ \t]*)?(?!(?:19|20)[0-9]{2}(?![0-9\-]))[0-9][0-9\-]{3,10})(?![0-9A-Za-z])", 0.8,
          group=1),
        # 'A# A219 447 083', 'alien number 219447083': a person's number with immigration
        r("alien_number", PhiType.ID, r"(?i:\b(?:a#|a-number|a[ \t]+number|alien[ \t]+(?:number|"
          r"no\.?|#)|uscis[ \t]*(?:#|number|no\.?)))[ \t]*:?[ \t]*((?:A[ \t\-]?)?[0-9]{3}"
          r"[ \t\-]?[0-9]{3}[ \t\-]?[0-9]{2,3})(?![0-9])", 0.9, group=1),
        # 'my donor is #2847', 'donor 4423', 'OR Book 5987 Page 2210': a donor's number at a
        # bank of gametes; a deed's book and page
        r("donor_number", PhiType.ID, r"(?i:\bdonor(?:[ \t]+(?:is|number|no\.?|id|#))?[ \t]*"
          r"#?[ \t]*)([0-9]{3,6}|#[0-9]{3,6})(?![0-9A-Za-z])", 0.8, group=1),
        r("deed_book_page", PhiType.ID, r"(?i:\b(?:(?:OR|O\.R\.|deed|official[ \t]+records?)[ \t]+"
          r"book[ \t]+[0-9]{1,6}|book[ \t]+[0-9]{3,6})"
          r",?[ \t]+(?:page|pg\.?)[ \t]+[0-9]{1,6})(?![0-9])", 0.8),
        # 'my id is MD12345678', 'Ins: TX Medicaid 512345678'
        r("plan_spoken", PhiType.HEALTH_PLAN, r"(?i:\b(?:my\s+(?:member\s+)?id\s+(?:is|#)|"
          r"ins(?:urance)?\s*[:#]|medicaid(?:\s+(?:id|#|number|no\.?))?\s*[:#]?)[ \t]*"
          r"(?:[A-Z][A-Za-z]+[ \t]+){0,2})((?=[A-Za-z]{0,4}[0-9])[A-Za-z]{0,4}[0-9]"
          r"[0-9A-Za-z\-]{4,16})"
          r"(?![A-Za-z0-9])", 0.85, group=1, validator="has_digit"),
        # state Medicaid and public programs by name ('Medi-Cal: 92418876E', 'AHCCCS A123...')
        r("plan_program", PhiType.HEALTH_PLAN, r"(?i:\b(?:medi-?cal|medicaid|medicare|chip|"
          r"tricare|ahcccs|masshealth|tenncare|soonercare|badgercare|husky|apple\s+health|"
          r"peachcare|kidcare|denali\s+kidcare|healthy\s+(?:louisiana|michigan|indiana|"
          r"connections)|medi-?kids|star\+?plus|champva|ihs|va\s+health)"
          r"(?:\s+(?:id|number|no\.?|#|member\s+id|card))?\s*[:#]?[ \t]*(?:is[ \t]+)?)"
          r"((?:[A-Z]{2}[ \t])?(?=[A-Za-z]{0,4}[0-9])[A-Za-z]{0,4}[0-9][0-9A-Za-z\-]{5,16})"
          r"(?![A-Za-z0-9])",
          0.9, group=1, validator="has_digit"),
        # 'Insurance Medicare A/B #099A272446', 'Coverage: BCBS PPO - 597B645303'
        r("plan_after_payer", PhiType.HEALTH_PLAN, r"(?i:\b(?:insurance|insurer|ins|coverage|"
          r"payer|payor|health\s+plan|primary\s+plan|secondary\s+plan)\b[ \t]*:?[ \t]*"
          r"(?:[A-Za-z][A-Za-z/&.\-]*[ \t]+){0,3}(?:[A-Za-z][A-Za-z/&.\-]*)?[ \t]*(?:#|[:\-]"
          r"[ \t]|(?:id|member\s+id|number|no\.?)[ \t]*[:#]?)[ \t]*)"
          r"((?=[A-Za-z]{0,4}[0-9])[A-Za-z]{0,4}[0-9][0-9A-Za-z\-]{5,16})(?![A-Za-z0-9])",
          0.85, group=1, validator="has_digit"),
        # 'moms tricare number ABH 3310 9984', 'Aetna ID W123456789': a payer's name, then the
        # word of its number
        r("plan_payer_number", PhiType.HEALTH_PLAN, r"(?i:\b(?:tricare|medicare|medicaid|"
          r"medi-cal|champva|chip|aetna|cigna|humana|bcbs|blue\s+cross(?:\s+blue\s+shield)?|"
          r"blue\s+shield|anthem|uhc|united\s*healthcare|kaiser|molina|centene|ambetter|"
          r"wellcare|caresource|amerigroup|highmark|oscar|emblem|healthfirst|fidelis|"
          r"masshealth|ahcccs|soonercare|badgercare|tenncare|peachcare|husky|denti-cal)"
          r"(?:[ \t]+(?:card|plan|member|insurance))?[ \t]*(?:number|no\.?|#|id|member[ \t]+id)"
          r"(?![A-Za-z0-9])[ \t]*(?:is[ \t]+)?[:#]?[ \t]*)" + _ID_VALUE + _R, 0.85, group=1,
          validator="has_digit"),
        # portal activation and access codes ('MyChart activation code: M2P-R8D-H3W')
        r("access_code", PhiType.ID, r"(?i:\b(?:activation|access|verification|enrollment|"
          r"invitation|invite|pairing|login|sign-?up|proxy)\s+(?:code|key|pin|token)\b[ \t]*"
          r"(?:\([^)\n]{0,30}\)[ \t]*)?[:#=]?[ \t]*(?:is[ \t]+)?)"
          r"((?=[A-Za-z0-9\-]*[0-9])[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){3,24})"
          r"(?![A-Za-z0-9])", 0.9, group=1),
        # identifiers printed in space-separated groups after a label ('MRN BWF 3320 4471',
        # 'Member ID: YRK 441 908 226', 'plate TX RKJ-4218', 'CDL NC 000042871163'): groups of
        # capitals and digits, five digits at least, up to the next lower-case word
        r("spaced_mrn", PhiType.MRN, r"(?i:\b(?:mrn|mr\s*#|medical\s+record(?:\s+(?:number|"
          r"no\.?|#))?|urn|chart\s*#?)\b(?>[ \t]*[:#]?[ \t]*))" + _SPACED_VALUE, 0.9, group=1),
        r("spaced_plan", PhiType.HEALTH_PLAN, r"(?i:\b(?:member|subscriber|policy|group|"
          r"medicare|medicaid|health\s+card|insurance|plan|beneficiary)\b(?>(?:\s+(?:id|no\.?|"
          r"number|#|card))?[ \t]*[:#]?[ \t]*(?:id[ \t]*[:#]?[ \t]*)?))" + _SPACED_VALUE, 0.85,
          group=1),
        r("spaced_account", PhiType.ACCOUNT, r"(?i:\b(?:acct|account)\b(?>(?:\s+(?:no\.?|number|"
          r"#))?[ \t]*[:#]?[ \t]*))" + _SPACED_VALUE, 0.85, group=1),
        r("spaced_plate", PhiType.PLATE, r"(?i:\b(?:plate|tag)\b(?:\s+(?:no\.?|number|#))?[ \t]*"
          r"[:#]?[ \t]*)((?:[A-Z]{2}[ \t]+)?(?=[A-Z0-9\- ]{0,16}[0-9])"
          r"(?=[A-Z0-9\- ]{0,16}[A-Z0-9]{2})"
          r"[A-Z0-9]{1,4}(?:[ \t\-][A-Z0-9]{1,5}){1,2}|[A-Z]{2}[ \t]+(?=[A-Z0-9]*[0-9])"
          r"[A-Z0-9]{4,8})(?![A-Za-z0-9])", 0.85, group=1),
        r("spaced_license", PhiType.LICENSE, r"(?i:\b(?:dl|cdl|driver'?s?\s+licen[cs]e|licen[cs]e|"
          r"lic)\b\.?(?:\s+(?:no\.?|number|#))?[ \t]*[:#]?[ \t]*)((?:[A-Z]{2}[ \t\-])?"
          r"(?=[A-Z0-9.\- ]*[0-9]{5})[A-Z0-9]{1,6}(?:[ \t.\-][A-Z0-9]{1,9}){0,3})"
          r"(?![A-Za-z0-9])", 0.85, group=1),
        r("spaced_serial", PhiType.DEVICE, r"(?i:\b(?:serial|s/n|sn)\b(?>(?:\s+(?:no\.?|number|"
          r"#))?[ \t]*[:#]?[ \t]*))" + _SPACED_VALUE, 0.85, group=1),
        # UK and Canadian postcodes ('Leeds LS8 4EX', 'Ottawa, ON K1Y 4E9')
        r("postcode_uk", PhiType.ADDRESS, r"(?<![A-Za-z0-9])(?:[A-Z]{1,2}[0-9][A-Z0-9]?[ \t]"
          r"[0-9][ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])", 0.8),
        # (never a TNM stage written as one token: 'T2N1M0')
        r("postcode_ca", PhiType.ADDRESS, r"(?<![A-Za-z0-9])(?!T[0-4]N[0-3]M[01X](?![A-Za-z0-9]))"
          r"(?:[ABCEGHJ-NPRSTVXY][0-9][A-Z][ \t]?"
          r"[0-9][A-Z][0-9])(?![A-Za-z0-9])", 0.8),
        r("mrn_prefixed", PhiType.MRN, r"(?<![A-Za-z0-9])MRN?[0-9]{6,10}(?![A-Za-z0-9])", 0.85),
        r("record_number", PhiType.MRN, r"(?i:\b(?:record|chart|patient|pt|hospital|unit|"
          r"encounter|enc|visit|admission|case|episode|lab|order|requisition|study|exam|report|"
          r"document|reference|ref|id|identifier|account)(?![A-Za-z0-9])" + _SEP_REQUIRED + r")"
          + _ID_VALUE + _R, 0.9, group=1, validator="record_number"),
        r("account", PhiType.ACCOUNT, r"(?i:\b(?:acct|account|billing|claim|invoice|bank|"
          r"card|credit\s+card|debit\s+card|routing|iban|checking|savings|payment|"
          r"financial|guarantor)(?![A-Za-z0-9])" + _SEP + r")" + _ID_VALUE + _R, 0.9, group=1,
          validator="has_digit"),
        # a short check-digit account ('acct 40217-3'): no validator, the LOINC shape
        # test of `has_digit` would drop it; a code-system word before it still vetoes it
        r("account_check_digit", PhiType.ACCOUNT, r"(?i:\b(?:acct|account|guarantor)\b" + _SEP
          + r")([0-9]{4,10}-[0-9]{1,2})" + _RD, 0.9, group=1),
        r("card_number", PhiType.ACCOUNT, _LD + r"[0-9]{4}[ \-][0-9]{4}[ \-][0-9]{4}[ \-][0-9]{1,7}"
          + _RD, 0.95),
        r("health_plan", PhiType.HEALTH_PLAN, r"(?i:\b(?:member|subscriber|policy|group|plan|"
          r"beneficiary|insurance|insured|medicare|medicaid|hicn|mbi|payer|payor|coverage|"
          r"health\s+plan|carrier|nam|ramq|ohip|phn|nhs|medicare\s+card|carte|grp|bic|"
          r"recipient|recip(?=[ \t]*id)|cin)(?![A-Za-z0-9])"
          + _SEP + r")" + _ID_VALUE + _R, 0.9, group=1,
          validator="has_digit"),
        # health numbers of Canada, Britain, Australia and the military written in spaced
        # groups, a version code after ('OHIP: 5831 204 776 KT', 'PHIN 118 774 002', 'HCF 0014
        # 7729 1', 'DBN 10 4477 2190 1'), a few words between ('his number was ...')
        r("health_number_spaced", PhiType.HEALTH_PLAN, r"(?i:\b(?:ohip|msi|phin|hsn|ghic|ehic|"
          r"dva|hcf|bupa|medibank|nib|mcp|ahcip|ramq|ihi|dbn|health\s+card|care\s+card|"
          r"hc\s*#|medicare(?:\s+card)?|(?:dod\s+)?benefits\s+number|gold\s+card|white\s+card)"
          r"(?![A-Za-z])(?:[ \t]*(?:number|no\.?|#|num))?" + _NUMBER_FILLER + r"[ \t]*[:#(=]?"
          r"[ \t]*(?:(?:is|was)[ \t]+)?)"
          + _SPACED_GROUPS, 0.85, group=1, validator="spaced_number"),
        # the same for service, file, status and claim numbers ('service number from Vietnam
        # was RA 18 774 220', 'VA file C-29 113 004', 'status number is 5790 0418 02')
        r("id_number_spaced", PhiType.ID, r"(?i:\b(?:service|file|status|treaty|band|claim|"
          r"c-file|edipi|dod\s+id|sponsor|registration)(?:[ \t]*(?:number|no\.?|#|num))"
          + _NUMBER_FILLER + r"[ \t]*[:#(=]?[ \t]*(?:(?:is|was)[ \t]+)?|\bva\s+file(?:\s+"
          r"(?:number|no\.?|#))?[ \t]*[:#]?[ \t]*)"
          + _SPACED_GROUPS, 0.85, group=1, validator="spaced_number"),
        r("license", PhiType.LICENSE, r"(?i:\b(?:licen[cs]e|lic|dea|npi|upin|dl|driver'?s?\s+"
          r"licen[cs]e|state\s+licen[cs]e|certificate|cert|registration|passport|permit|"
          r"badge|employee|permis|clia|certification)(?![A-Za-z0-9])" + _SEP + r")" + _ID_VALUE
          + _R, 0.9, group=1, validator="has_digit"),
        # a plate after its word, also with who gave it before the colon ('plate per father:
        # NY JRM 4410')
        r("plate", PhiType.PLATE, r"(?i:\b(?:licen[cs]e\s+plates?|plate|(?:(?<=with )|(?<=my )|"
          r"(?<=his )|(?<=her )|(?<=car )|(?<=truck )|(?<=their ))plates|tag|tags|vehicle\s+"
          r"registration|registration\s+plate)\b(?:\s*(?:number|no\.?|#))?"
          r"(?:[ \t]+per[ \t]+[a-z]+(?:[ \t]+[a-z]+)?(?=[ \t]*:))?\s*[:#]?\s*(?:is\s+|"
          r"of\s+|reading\s+|reads\s+|was\s+)?)((?:(?:[A-Z]{2}|[A-Z][a-z]{3,12})[ \t]+"
          r"(?=(?:[A-Z0-9]{5,8}|[A-Z0-9]{1,4}(?:[ \-][A-Z0-9]{1,5}){0,2})(?![A-Za-z0-9])"
          r"(?<=[0-9A-Z]))"
          r"(?=[A-Z0-9 \-]{0,10}[0-9]))?(?=[A-Za-z0-9](?:-?[A-Za-z0-9]|[ ][A-Z0-9]){2})"
          r"[A-Za-z0-9]{1,4}(?:-?[A-Za-z0-9]{1,5}|[ ][A-Z0-9]{1,5})?"
          r"(?:[\- ][A-Z0-9]{1,5})?)"
          + _R, 0.9, group=1, validator="has_digit"),
        # 'reg MA19 XKT', 'Kennzeichen M-JF 1951', 'parking pass (KA 05 MN 4412)', 'placa
        # ABC-123-D': registration words of other countries, a value of letters and digits
        r("plate_registration", PhiType.PLATE, r"(?i:\b(?:reg(?:istration)?|rego|number[ \t]?plate|"
          r"kennzeichen|amtliches[ \t]+kennzeichen|matr[ií]cula|immatriculation|placa|placas|"
          r"targa|parking[ \t]+pass)\b\.?(?:[ \t]*(?:no\.?|number|#))?[ \t]*+[:#(]?"
          r"[ \t]*+(?:is[ \t]+)?)((?=[A-Za-z0-9 \-]{0,22}[0-9])(?=[A-Za-z0-9 \-]{0,22}[A-Za-z])"
          r"(?:" + STATE_CODES + r"[ \t]+[A-Z0-9]{5,8}|"
          r"[A-Z0-9]{1,4}(?:[ \-][A-Z0-9]{1,4}){1,3}))(?![A-Za-z0-9]|[ \-][A-Z0-9])", 0.85,
          group=1, validator="plate_value"),
        r("vin", PhiType.VIN, _L + r"[A-HJ-NPR-Z0-9]{17}" + _R, 1.0, validator="vin"),
        # a Medicare Beneficiary Identifier by its format alone ('5TQ2-WN8-KX47'): CMS's
        # letters exclude S, L, O, I, B and Z, so the shape is rare outside the MBI
        r("mbi", PhiType.HEALTH_PLAN, _L + r"[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]-?"
          r"[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]-?[AC-HJKMNP-RT-Y]{2}[0-9]{2}" + _R, 0.9),
        r("vin_labelled", PhiType.VIN, r"(?i:\bVIN\b" + _SEP + r")([A-Za-z0-9]{11,17})" + _R,
          1.0, group=1),
        # a model or catalogue number names a product, not the patient's device: not matched
        r("device_serial", PhiType.DEVICE, r"(?i:\b(?:serial|s/n|sn|ser|device|udi|lot|"
          r"implant|pacemaker|icd|defibrillator|pump|generator|lead|imei|"
          r"meid|esn|udi-di|di)\b" + _SEP + r")" + _NOT_VISITS + _ID_VALUE + _R, 0.9, group=1,
          validator="has_digit"),
        # 'LOT MLK225', 'S/N AB123': after a serial or lot label the label decides, even for a
        # value shaped like a clinical code ('MLK225' reads like 'CD4' out of context)
        r("device_lot_serial", PhiType.DEVICE, r"(?i:\b(?:serial|s/n|sn|lot|udi|imei|meid|esn)"
          r"\b" + _SEP + r")" + _NOT_VISITS + r"((?=[A-Za-z]{0,4}[0-9])[A-Za-z0-9]"
          r"(?:[A-Za-z0-9]|[\-/.][A-Za-z0-9])"
          r"{3,24})" + _R, 0.85, group=1, validator="record_number"),
        r("udi_gs1", PhiType.DEVICE, r"\(01\)[0-9]{14}(?:\s?\([0-9]{2,4}\)[A-Za-z0-9\-./]+)*", 1.0),
        r("udi_gs1_plain", PhiType.DEVICE, _LD + r"01[0-9]{14}(?:1[0-7][0-9]{6}|10[A-Za-z0-9]{1,20}"
          r"|21[A-Za-z0-9]{1,20}){1,4}" + _R, 0.95),
        r("udi_hibcc", PhiType.DEVICE, r"(?<![A-Za-z0-9])\+[A-Z][0-9A-Z]{3}[0-9A-Z]{1,18}"
          r"(?:/[0-9A-Z$+%]{1,30})?" + _R, 0.9),
        # --- places ---
        r("street", PhiType.ADDRESS, _HOUSE + r"[ \t]+"
          r"(?:(?:[NSEW]|"
          r"N\.?[EW]|S\.?[EW]|North|South|East|West)\.?[ \t]+)?(?:" + _STREET_WORD + r"[ \t]+){1,4}"
          + _street_suffixes() + r"\.?(?:[ \t]+(?:N|S|E|W|NE|NW|SE|SW)\b\.?|[ \t]+(?:North|South|"
          r"East|West)(?![A-Za-z])(?![ \t]+of\b))?" + _UNIT + r"?" + _R,
          0.95),
        # '11992 Avenue C', '618 B Ave': a street named by a letter
        r("street_letter", PhiType.ADDRESS, _HOUSE + r"[ \t]+(?:(?:Avenue|Ave\.?|Street|St\.?)"
          r"[ \t]+[A-Z](?![A-Za-z0-9])|[B-HJ-Z][ \t]+(?:Avenue|Ave|Street|St)\.?(?![A-Za-z]))"
          + _UNIT + r"?", 0.85),
        # 'Calle Las Palmas 412', 'Avenida Reforma 222': the number after the street's name
        r("street_number_last", PhiType.ADDRESS, r"(?<![A-Za-z])(?:Calle|Avenida|Av\.|Rua|"
          r"Carrera|Camino|Paseo|Via|Viale|Rue)[ \t]+(?:(?:de|del|la|las|los|el|da|do|dos|das|"
          r"di|du|des|le|les)[ \t]+){0,2}[A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z][A-Za-z'’\-]+){0,2},?"
          r"[ \t]+(?:No\.?[ \t]*|#[ \t]*)?[0-9]{1,5}[A-Za-z]?(?![A-Za-z0-9])", 0.85),
        # '1234 N 500 W' (grid), '12 Rue de la Paix', '45 Calle del Sol'
        r("street_grid", PhiType.ADDRESS, _HOUSE + r"[ \t]+[NSEW]\.?[ \t]+[0-9]{1,5}[ \t]+[NSEW]"
          r"(?![A-Za-z0-9])\.?" + _UNIT + r"?", 0.9),
        r("street_foreign", PhiType.ADDRESS, _HOUSE + r",?[ \t]+(?:[NSEW]\.?[ \t]+)?"
          r"(?:Rue|Calle|Avenida|Avda\.?|"
          r"Camino|Chemin|Via|Viale|Paseo|Carrera|Rua|Strasse|Straße|Ruta|Carretera|Callej[oó]n|"
          r"Cerrada|Privada|Boulevard|Bd|rue|chemin|calle|avenida|rua|boulevard|boul\.|"
          r"avenue|montée|côte|allée|impasse|promenade|croissant|terrasse|ruelle)[ \t]+"
          r"(?:(?:de|del|la|las|los|el|da|do|dos|das|di|du|"
          r"des|le|les)[ \t]+){0,2}(?:(?:St|Ste|Sta|Sto|Mt)\.[ \t]+)?[A-Z0-9][A-Za-z0-9'’\-]*"
          r"(?:[ \t]+(?:(?:St|Ste|Sta|Sto|Mt)\.[ \t]+)?[A-Z0-9][A-Za-z0-9'’\-]*){0,3}"
          + _UNIT + r"?", 0.9),
        # 'off Old Mill Rd', 'from Route 9 turn left', 'mile marker 112 on I-80'
        r("road_after_prep", PhiType.ADDRESS, r"(?:\b(?:off|onto|along|down|past|via|take|"
          r"on|from|near)[ \t]+(?:the[ \t]+)?)((?:Old[ \t]+)?(?:[A-Z][a-z'’]+[ \t]+){1,3}"
          r"(?:Highway|Hwy|Road|Rd|Route|Rte)\.?[ \t]+[0-9]{1,4}[A-Z]?(?![A-Za-z0-9])|"
          r"(?:Old[ \t]+)?(?:[A-Z][a-z'’]+[ \t]+){1,3}"
          r"(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Drive|"
          r"Highway|Hwy\.?|Pike|Parkway|Pkwy\.?|Turnpike|Expressway)(?![A-Za-z])(?:[ \t]+(?:North|"
          r"South|East|West)(?![A-Za-z])(?![ \t]+of\b))?|(?:Old[ \t]+)?"
          r"(?:Highway|Hwy|Route|Rte|Rt\.?|County[ \t]+(?:Road|Rd)|State[ \t]+(?:Road|Route|Hwy)|"
          r"Interstate)[ \t\-]*[0-9]{1,4}[A-Z]?(?![A-Za-z0-9])|(?:US|U\.S\.|SR|CR|FM|RM|Rd)[ \t\-]*"
          r"[0-9]{1,4}[A-Z]?(?![A-Za-z0-9])(?![ \t]+(?!(?:near|outside|by|past|between|and|north|"
          r"south|east|west|at|in|where|toward|towards|last|this|that|yesterday|today|tonight|"
          r"when|while|after|before|around|about|heading|going|northbound|southbound|eastbound|"
          r"westbound)\b)(?:[a-z]|[0-9]))|I-[ \t]?"
          r"[0-9]{1,3}(?![0-9])(?![ \t]*(?i:therapy|uptake|scan|mibg|ablation|treatment|dose)))",
          0.8, group=1),
        # 'the house (307 N Main);': a house number, a direction and a street's bare name
        r("street_direction_name", PhiType.ADDRESS, r"(?<![0-9A-Za-z/.\-])[1-9][0-9]{1,5}[ \t]+"
          r"(?:N|S|E|W|NE|NW|SE|SW)\.?[ \t]+(?!(?:Tower|Wing|Unit|Ward|Pavilion|Campus|"
          r"Building|Bldg|Clinic|Hall|Floor|Side)\b)[A-Z][a-z]{2,}"
          r"(?=[ \t]*(?:[);,]|\.(?:[ \t]|$)|$)|[ \t]+(?:and|to|in|on|near|with|where|is|was)\b)",
          0.8),
        # 'del 10 al 31 de agosto': the first day of a Spanish range (the second is a date)
        r("date_spanish_range", PhiType.DATE, r"(?i:\bdel?[ \t]+)((?:[1-9]|[12][0-9]|3[01])[ \t]+"
          r"al)(?=[ \t]+(?:[1-9]|[12][0-9]|3[01])[ \t]+de[ \t]+(?i:" + _ROMANCE_MONTHS + r"))",
          0.85, group=1),
        # '(great-grandmother, ninety-two -- mother asks', 'DOB June 30, 1933  (ninety-one)',
        # '| Cholangiocarcinoma, ninety-one |': an age over 89 in words, set off on both sides
        r("age_words_set_off", PhiType.AGE, r"(?:(?<=[(|])|(?<=[(|][ \t])|(?<=,[ \t])(?="
          + _AGE_WORDS + r"[ \t]*\|)|(?i:\b(?:great-)*(?:grand)?(?:mother|father|mom|dad|ma|pa|mum|"
          r"daughter|son|aunt|uncle|husband|wife|sister|brother|patient|pt|resident|widow|"
          r"widower)),[ \t]+)("
          + _AGE_WORDS + r")(?=[ \t]*(?:[,)|;]|--|—|–))", 0.8, group=1),
        r("mile_marker", PhiType.ADDRESS, r"(?:\b(?i:exit|mile[ \t]+marker|mile[ \t]+post|"
          r"milepost)[ \t]*+(?:#[ \t]*+)?[0-9]{1,4}(?:\.[0-9](?![0-9]))?[A-Z]?\b|"
          r"\bMM[ \t]*[0-9]{1,4}(?=[ \t]+(?:on|of|off)[ \t]))(?:[ \t]+(?:on|of|off)[ \t]+"
          r"(?:I-?[ \t]?[0-9]{1,3}|(?:US|Hwy|Highway|Route|Rte|"
          r"SR|Interstate)[ \t\-]*[0-9]{1,4}))?", 0.8),
        r("street_lower", PhiType.ADDRESS, r"(?i:(?<![A-Za-z0-9.,:/])[0-9]{1,6}[a-z]?"
          r"(?:[ \t]?(?:½|1/2))?\s+"
          r"(?:[nsew]\.?\s+)?(?:(?!(?:to|who|the|of|in|at|and|on|for|with|was|is|a|an)\s)"
          r"[a-z0-9][a-z0-9'\-]*\s+){1,3}(?:street|avenue|road|boulevard|lane|drive|court|"
          r"terrace|parkway|highway|circle|trail)" + _R + r")", 0.85),
        # 'i live at 1140 w cermak rd apt 2r', '88 river bend rd': chat writes the street line in
        # lower case with the suffix abbreviated; lower case only ('2 mm ST depression' is not one)
        r("street_lower_abbrev", PhiType.ADDRESS, r"(?<![A-Za-z0-9.,:/])[0-9]{1,6}[a-z]?"
          r"(?:[ \t]?(?:½|1/2))?[ \t]+(?:(?:n|s|e|w|ne|nw|se|sw)\.?[ \t]+)?"
          r"(?:(?!(?:to|who|the|of|in|at|and|on|for|with|was|is|a|an|mm|mg|cm|ml|min|mins|hr|"
          r"hrs|hour|hours|day|days|wk|wks|week|weeks|mo|mos|month|months|yr|yrs|year|years|x|"
          r"times|tabs?|pills?|caps?|units?|more|less|other|different|diff|dr|drs|doctors?|"
          r"visits?|blocks?|miles?|mi|min|steps|flights|floors?|ct|count|vs|or|per)[ \t])"
          r"[a-z0-9][a-z0-9'\-]*[ \t]+)"
          r"{1,3}(?:st|rd|ave|av|blvd|ln|ct|pl|pkwy|hwy|cir|ter|terr|trl|way|pike|loop|dr)\.?"
          r"(?:[ \t]+(?:n|s|e|w|ne|nw|se|sw)\b\.?)?"
          r"(?![A-Za-z0-9])(?![ \t]+(?:[a-z]{2,}[ \t]+)?(?:said|says|told|wants|is|was|will|"
          r"prescribed|ordered|recommended|thinks|office|appt|appointment))"
          r"(?:,?[ \t]*(?:apt|apartment|unit|suite|ste|rm|room|lot|trlr|#)\.?[ \t]*+(?:#[ \t]*+)?"
          r"[a-z0-9\-]{1,6}(?![A-Za-z0-9]))?", 0.85),
        r("address_labelled", PhiType.ADDRESS, r"(?i:\b(?:address|addr|home\s+address|"
          r"mailing\s+address|lives\s+at|resides\s+at|residing\s+at)\b[ \t]*:?[ \t]*)"
          r"([0-9]{1,6}[A-Za-z]?[ \t]+[A-Z0-9][^\n,;]{2,60})", 0.9, group=1),
        # 'Domicilio: Calle Padre Mier 1420 Int. 5, Col. Obispado', 'Adresse : 2281, rue de la
        # Canardière, app. 4', 'HOME.........: RT 2 BOX 118-A': the whole value of an address
        # label, in any language, to the end of its line or the next field
        r("address_field", PhiType.ADDRESS, r"(?i:\b(?:address|addr|home\s+address|"
          r"mailing\s+address|residence|domicilio|direcci[oó]n|adresse|endere[cç]o|residenza|"
          r"indirizzo|adres|anschrift|wohnhaft|morada|home(?=[ \t]*\.{2}))\b(?>[ \t]*\.{0,40}+"
          r"[ \t]*[:=][ \t]*|(?<=wohnhaft)[ \t]+))"
          r"((?![\[(])(?=[^\n;|\[]{0,80}?[0-9])(?:[^\n:;|\[]|:(?![ \t]))+?)"
          # a sentence ends at '. Word' unless after a short abbreviation ('Av.', 'Mt.')
          # other than a last street word ('St.', 'Rd.') that no unit word follows
          r"(?=(?:(?<!\b[A-Za-z])(?<!\b[A-Za-z]{2})(?<!\b[A-Za-z]{3})|"
          r"(?<=\b(?:St|Rd|Dr|Ln|Ct|Pl|Sq))|(?<=\b(?:Ave|Way|Ter|Cir|Hwy)))\.[ \t]+"
          r"(?!(?:Apt|Unit|Suite|Ste|Flat|Fl|Floor|Piso|Depto|Bldg|Rm|Room)\b)[A-Z][a-z]|"
          r"[ \t]*(?:\n|$|;|\||[ \t]{2,}|,?[ \t]*(?i:tel|tel[eé]fono|"
          r"phone|ph|cell|mobile|contact|dob|born|geb|nasc|email|e-mail|versicherten\w*|cpf|nss|"
          r"bsn|mrn)\b))", 0.8, group=1),
        r("mbi_bare", PhiType.HEALTH_PLAN, r"(?<![A-Za-z0-9])[1-9][AC-HJKMNP-RT-Y]"
          r"[AC-HJKMNP-RT-Y0-9][0-9]-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]-?[AC-HJKMNP-RT-Y]{2}[0-9]{2}"
          r"(?![A-Za-z0-9])", 0.9),
        r("mixed_code", PhiType.ID, r"(?<![A-Za-z0-9\-])(?=[A-Z0-9]{8,20}(?![A-Za-z0-9]))"
          r"(?=(?:[A-Z]*[0-9]){3})(?=(?:[0-9]*[A-Z]){2})[A-Z0-9]{8,20}(?![A-Za-z0-9])", 0.7,
          validator="not_code"),
        r("rural_route", PhiType.ADDRESS, r"(?i:\b(?:rural\s+route|r\.?\s?r\.?|rte|rt|route|hc|"
          r"highway\s+contract|star\s+route|psc|cmr|unit)\s*+(?:#\s*+)?[0-9]{1,4}\s*+(?:,\s*+)?box\s*+"
          r"(?:#\s*+)?[0-9]{1,5}[a-z]?\b)", 0.9),
        # a camp's emergency (E911) fire number and its road ('Fire No. 114, Grand Lake Stream
        # Camp Road', 'Fire Road 41, #22, off Bog Road', 'fire # 2210 on the Pond Rd')
        r("fire_number", PhiType.ADDRESS, r"(?<![A-Za-z])(?i:fire)[ \t]*+(?:(?i:no\.?|number|#)|"
          r"Road|Rd\.?|Lane|Ln\.?)[ \t]*+#?[ \t]*+[0-9]{1,6}[A-Z]?(?![0-9])"
          r"(?:,?[ \t]*+#[ \t]*+[0-9]{1,4})?(?:,?[ \t]++(?:Co(?:unty)?[ \t]+(?:Rd|Road)|"
          r"(?:[A-Z][a-z'’]+[ \t]+){1,4}(?:Camp[ \t]+)?(?:Road|Rd|Lane|Ln|Trail|Trl|Way|Drive|Dr|"
          r"Ave|St)\.?|Hwy|Highway)(?![A-Za-z])(?:[ \t]+[0-9A-Z]{1,4}(?![A-Za-z0-9]))?)?", 0.85),
        # 'the Eastside neighborhood', 'Oak Hills subdivision'
        r("neighborhood", PhiType.ADDRESS, r"(?<![A-Za-z])(?!(?:The|A|An|This|That|Our|Their|His|"
          r"Her|My|Same|Safe|Quiet|Poor|Rural|Urban|Local|Nice|Rough|Old|New)\b)"
          r"((?:[A-Z][a-z'’]+[ \t]+){0,2}[A-Z][a-z'’]+)"
          r"[ \t]+(?:neighbou?rhood|subdivision|projects|housing[ \t]+project|"
          r"trailer[ \t]+park|mobile[ \t]+home[ \t]+park)(?![A-Za-z])", 0.8, group=1),
        # '4410 Highway 61 North', 'N1234 County Hwy K', '812 County Road 14'
        # 'Freeman Road, High Heaton', 'Apollo Hospitals, Greams Road, Chennai': a named street
        # without a number as an address line or a part of one (a line start or a comma on
        # both sides)
        r("street_named_line", PhiType.ADDRESS, r"(?m:(?:^[ \t]*+|,[ \t]*+))((?:[A-Z][a-z'’\-]+"
          r"[ \t]++)"
          r"{1,3}(?:Road|Rd|Street|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Drive|Highway|Hwy|Parkway|"
          r"Pkwy|Terrace|Crescent|Strasse|Straße|Gata|Gate|Vej|Weg))\.?(?=[ \t]*+(?:,|\n|$))",
          0.8, group=1, validator="street_name"),
        r("street_highway", PhiType.ADDRESS, r"(?=[0-9NSEW])(?<![A-Za-z0-9.,])"
          r"(?:[NSEW](?=[0-9]{3,6}\s))?"
          r"[0-9]{1,6}[A-Za-z]?(?:[ \t]?(?:½|¼|¾|1/2|1/4|3/4)(?![0-9]))?[ \t]+"
          r"(?:(?:[NSEW]|North|South|East|West)\.?[ \t]+)?"
          r"(?:(?:County|Cty|Co\.|State|US|U\.S\.|Interstate|Old|Township|Twp\.?|"
          r"Farm[ \t]+to[ \t]+Market|"
          r"Ranch[ \t]+to"
          r"[ \t]+Market)[ \t]+)?(?:Highway|Hwy|Road|Rd|Route|Rte|Trunk|FM|CR)\.?[ \t]+"
          r"(?:[0-9]{1,4}[A-Z]?|[A-Z]{1,2})(?![A-Za-z0-9])(?:[ \t]+(?:N|S|E|W|North|South|East|"
          r"West)(?![A-Za-z]))?" + _UNIT + r"?", 0.9),
        # 'lives on Mulberry Street', 'lives off Route 9': a street named after a home verb
        r("street_named", PhiType.ADDRESS, r"(?i:\b(?:lives|living|resides|residing|house|"
          r"home|apartment|apt|located|moved|trailer|farm|ranch|property)(?:[ \t]+(?:is|was|are|"
          r"right|just|somewhere|way))?[ \t]+(?:on|off|at|near|along)[ \t]+(?:the[ \t]+)?)"
          r"((?:Rural[ \t]+Route|(?:County|State|US|U\.S\.|Farm[ \t]+to[ \t]+Market)[ \t]+"
          r"(?:Road|Rd|Route|Rte|Highway|Hwy)|Route|Rte|Highway|Hwy|RR|CR|FM)[ \t]+[0-9]{1,4}"
          r"[A-Z]?(?![A-Za-z0-9])|(?:[A-Z][a-z'’]+[ \t]+){1,3}"
          + _street_suffixes() + r"\b\.?)", 0.85, group=1),
        r("intersection", PhiType.ADDRESS, r"(?:\b(?i:corner\s+of|intersection\s+of)\s+|"
          r"\b(?i:at|near)\s+(?=[0-9]{1,3}(?:st|nd|rd|th)\b))"
          r"((?:[0-9]{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+)(?:\s+" + _street_suffixes() + r")?\.?"
          r"\s+(?:and|&)\s+(?:[0-9]{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+)(?:\s+"
          + _street_suffixes() + r")?)(?![A-Za-z])", 0.75, group=1),
        # '760 Broadway', '1616 W. Broadway': a house number on the street that needs no
        # street word
        r("street_broadway", PhiType.ADDRESS, r"(?<![0-9A-Za-z/.\-])[0-9]{1,5}[ \t]+"
          r"(?:(?:[NSEW]|North|South|East|West)\.?[ \t]+)?(?:Broadway|BROADWAY)(?![A-Za-z])"
          r"(?![ \t]+(?i:shows?|musicals?|tunes|plays?|productions?|stars?|songs?|theat(?:er|re)s?|"
          r"actors?|actress(?:es)?|tickets?|hits?)\b)", 0.8),
        # 'on 4th Ave and 52nd St', 'at Flamingo and Maryland Pkwy', 'on SE 82nd and Foster':
        # two streets after a place preposition, one with its street word or a direction
        r("intersection_streets", PhiType.ADDRESS, r"(?:\b(?:at|on|near|of|by|off)[ \t]+"
          r"(?:the[ \t]+)?)((?:(?:[NSEW]|NE|NW|SE|SW)[ \t]+)?(?:[0-9]{1,3}(?:st|nd|rd|th)|"
          r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)(?:[ \t]+" + _street_suffixes() + r")?\.?"
          r"[ \t]+(?:and|&)[ \t]+(?:(?:[NSEW]|NE|NW|SE|SW)[ \t]+)?(?:[0-9]{1,3}(?:st|nd|rd|th)|"
          r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)(?:[ \t]+" + _street_suffixes() + r")?\.?)"
          r"(?![A-Za-z])(?<=[a-z.])", 0.75, group=1, validator="street_pair"),
        # 'Nygaard Hall rm 314', 'Dupre Hall 415', 'Mary Lyon Hall 2nd fl': a residence hall and
        # its room or floor; 'Bldg C Rm 214'; 'Dyckman Houses, Bldg 4': a building's unit
        r("hall_room", PhiType.ADDRESS, r"(?i:\b(?:dorm(?:itory)?|residence[ \t]+hall|resides?|"
          r"lives?|living|stays?|staying|housing|roommate|moved)\b)[^\n.;]{0,30}?(?<![A-Za-z])"
          r"((?:[A-Z][a-z'’\-]+[ \t]+){1,3}Hall"
          r"[ \t]*+,?[ \t]*+(?<=[ \t,])(?:(?:(?i:rm\.?|room|#|suite|ste\.?|apt\.?)[ \t]*+)?"
          r"[0-9]{1,4}"
          r"[A-Z]?"
          r"|[0-9](?:st|nd|rd|th)[ \t]+(?i:fl(?:oor)?\.?)))(?![A-Za-z0-9])", 0.8, group=1),
        r("building_unit", PhiType.ADDRESS, r"(?<![A-Za-z])(?:(?:[A-Z][a-z'’\-]+[ \t]+){1,2}Houses"
          r"[ \t]*+,[ \t]*+)?(?:Bldg\.?|Building|BLDG)[ \t]*+(?:#[ \t]*+)?[A-Z0-9]{1,3}"
          r"[ \t]*+,?[ \t]*+"
          r"(?:Rm\.?|Room|Apt\.?|Unit|Suite|Ste\.?)[ \t]*+(?:#[ \t]*+)?[0-9A-Z\-]{1,5}"
          r"(?![A-Za-z0-9])",
          0.8, validator="has_digit"),
        # 'Fire No. 4471 Co Rd 2', 'Fire Number 2290 Birch Point Rd': a rural fire number (the
        # house number of Wisconsin, Minnesota and Michigan addresses) and its road
        # 'E Charleston Blvd', 'S. Pulaski Rd': a street by its name and a suffix only a street
        # has (abbreviated, capitalized), wherever it stands
        r("street_strong_suffix", PhiType.ADDRESS, r"(?<![A-Za-z0-9'’\-])(?:(?:N|S|E|W|NE|NW|SE|"
          r"SW)\.?[ \t]+)?(?:(?:[A-Z](?:(?:c|ac|')[A-Z])?[a-z'’\-]+|[0-9]{1,3}(?:st|nd|rd|th))"
          r"[ \t]+){1,3}(?:Ave|Blvd|Rd|Hwy|Pkwy|Fwy|Expy|Tpke)\.?(?![A-Za-z0-9])"
          r"(?![ \t]*[0-9<>=~]|[ \t]+(?i:glucose|bp|hr|weight|induction|maintenance|"
          r"consolidation|regimen|cycles?|therapy|syndrome|disease)\b)", 0.75,
          validator="street_name"),
        # 'westbound I-94', 'the shoulder of I-90/94', 'I-55 NB at Pulaski Rd', 'I-696 EB near
        # exit 16': an interstate named by its number with a word of travel before or after
        # it (never a dose or a scan of iodine: 'I-131 therapy')
        r("interstate_travel", PhiType.ADDRESS, r"(?:\b(?:westbound|eastbound|northbound|"
          r"southbound|WB|EB|NB|SB|onto|along|via|(?:shoulder|side|median|lanes?|ramp|exit)"
          r"[ \t]+(?:of|to|from|off)|merging[ \t]+onto|crossing|over|under)[ \t]+(?:the[ \t]+)?"
          r"(?=I-)|(?<![A-Za-z0-9\-])(?=I-?[ ]?[0-9]{1,3}(?:/[0-9]{1,3})?[ \t]+(?:NB|SB|EB|WB|"
          r"N/B|S/B|E/B|W/B|northbound|southbound|eastbound|westbound|inbound|outbound|MM|exit|"
          r"(?:near|past|at|by)[ \t]+(?:the[ \t]+)?(?:exit|mile|[A-Z][a-z]))))"
          r"(I-?[ ]?(?!12[345](?![0-9])|131(?![0-9]))(?:[1-9][0-9]{1,2}|[458])(?:/[0-9]{1,3})?)"
          r"(?![0-9A-Za-z\-])(?![ \t]*(?i:therapy|uptake|"
          r"scan|mibg|ablation|dose|treatment|mci|seeds?|capsules?|labell?ed|tracer|study|"
          r"whole)\b)", 0.8, group=1),
        # '2700 block N. 38th St', 'the 4500 block of Elm': a street by its hundred block
        r("hundred_block", PhiType.ADDRESS, r"(?<![A-Za-z0-9])[1-9][0-9]{0,2}00[ \t]+(?i:block|blk)"
          r"[ \t]+(?:(?i:of)[ \t]+(?:the[ \t]+)?(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)"
          r"\.?[ \t]+)?(?:[A-Z][a-z'’\-]+|[0-9]{1,3}(?:st|nd|rd|th))(?:[ \t]+(?:[A-Z][a-z'’\-]+|"
          r"[0-9]{1,3}(?:st|nd|rd|th))){0,2}|(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)"
          r"\.?[ \t]+)?(?:(?:[A-Z][a-z'’\-]+|[0-9]{1,3}(?:st|nd|rd|th))[ \t]+){1,3}"
          + _street_suffixes() + r")\.?(?![A-Za-z0-9])", 0.85, validator="block_street"),
        # 'our place on 900 W in Murray', 'Dr Lund on 500 N': a street of a grid city (Utah,
        # Idaho) by its hundreds and its direction alone, after a word of place
        # the numbered roads of a rural grid ('Road 176 & Avenue 24', 'Road 24 SW', '21879 Ave
        # 18 1/2'): capitalized, one to three digits, an optional half and direction
        # ('Ave 130' alone is an average: 'Ave' needs a house number, a half or a direction)
        r("numbered_road", PhiType.ADDRESS, r"(?<![A-Za-z])(?:(?:[0-9]{1,6}[ \t]+)?(?:Road|ROAD|"
          r"Avenue|AVENUE)[ \t]+[0-9]{1,3}|[0-9]{1,6}[ \t]+(?:Ave\.?|AVE|Rd\.?|RD)[ \t]+[0-9]{1,3}|"
          r"(?:Ave\.?|AVE|Rd\.?|RD)[ \t]+[0-9]{1,3}(?=[ \t]+(?:1/2|[NSEW]{1,2}(?![A-Za-z]))))"
          r"(?:[ \t]+1/2)?(?:[ \t]+(?:[NS][EW]?|[EW])(?![A-Za-z]))?(?![0-9A-Za-z/%]|[.,][0-9])"
          r"(?=[ \t]*(?:[,;.)&\n]|$|(?:and|near|in|at|between|off|to)\b))", 0.8),
        r("grid_street", PhiType.ADDRESS, r"(?i:\b(?:on|off|near|corner[ \t]+of)[ \t]+)"
          r"((?:[0-9]{1,5}[ \t]+)?[1-9][0-9]{0,2}(?:00|50)[ \t]+(?:North|South|East|West|N|S|E|W)"
          r"\.?)(?![A-Za-z0-9])(?![ \t]*(?i:of|to|latitude|longitude|lat|long)\b)", 0.8,
          group=1),
        # 'Capital High School', 'Centennial Middle School', 'Lincoln Elementary': a school
        # named by any word, everyday ones too, once the kind of school follows it
        r("school_named", PhiType.FACILITY, r"(?<![A-Za-z'’\-])[A-Z][a-z'’\-]+(?:[ \t]+[A-Z]"
          r"[a-z'’\-]+)?[ \t]+(?:High[ \t]+School|Middle[ \t]+School|Junior[ \t]+High(?:[ \t]+"
          r"School)?|Jr\.?[ \t]+High|Elementary(?:[ \t]+School)?|Intermediate[ \t]+School|"
          r"Primary[ \t]+School)(?![A-Za-z])", 0.85, validator="school_name"),
        # 'my ninety-something grandma', 'a hundred-ish': an age over 89 told roughly
        # '"ninety or ninety-one,"', 'ninety to ninety-five': a hedged age, two numbers in
        # words over 89 (never a measure's reading: 'sats ninety to ninety-five percent')
        r("age_words_alternatives", PhiType.AGE, _NOT_AFTER_MEASURE + r"(?<![A-Za-z\-])"
          + _AGE_WORDS + r"(?:[ \t]+(?:or|to)[ \t]+|[ \t]*[/–][ \t]*)" + _AGE_WORDS
          + r"(?![A-Za-z\-])(?![ \t]*(?i:%|percent|mmhg|bpm|mg|ml|minutes|mins?|seconds|"
          r"beats|breaths|degrees|pounds|lbs?|kg|feet|ft|meters|miles|dollars|cents|units)\b)",
          0.85),
        r("age_roughly", PhiType.AGE, r"(?i:\b(?:" + NINETY + r"|a[ \t]+hundred)[ \t\-]*+"
          r"(?:something|ish)\b)", 0.85),
        # 'School: Ridgeway Middle', 'Raleigh-Egypt Middle sent a letter': a school by a rare
        # name and 'High' or 'Middle' alone, at the end of its clause
        r("school_short_rare", PhiType.FACILITY, r"(?<![A-Za-z'’\-])((?:[A-Z][a-z'’]+[ \t\-])?"
          r"[A-Z][a-z'’]+[ \t]+(?:High|Middle))(?=[ \t]*+(?:[,.;:)!?\n/]|$)|[ \t]+[\-–—][ \t])",
          0.8, group=1, validator="rare_school"),
        # 'football for Timpview High on Sept 15', 'at Centennial High in Boise': a high school
        # by its name and 'High' alone, after a word of where a pupil is (never 'HS' alone:
        # 'Axillary HS' is hidradenitis)
        r("school_high_short", PhiType.FACILITY, r"(?:\b(?:at|for|from|attends|attending|vs\.?|"
          r"against|School:|school:)[ \t]+)((?:[A-Z][a-z'’\-]+[ \t]+){1,2}High)"
          r"(?=[ \t]*(?:[,.;:)!?\n]|$)|[ \t]+(?:in|on|and|or|last|this|next|for|since|school|"
          r"football|basketball|soccer|volleyball|wrestling|baseball|softball|track|hockey|"
          r"swim(?:ming)?|team|varsity|JV|junior|senior|sophomore|freshman|student|where|"
          r"until|but|before|after)\b)", 0.8, group=1, validator="school_name"),
        # 'I-80 near exit 112', 'Hwy 2 past mile marker 40': one location
        r("highway_near_exit", PhiType.ADDRESS, r"(?<![A-Za-z0-9])(?:I-?[ \t]?[0-9]{1,3}|"
          r"(?:US|Hwy|Highway|Route|Rte|SR)[ \t\-]*[0-9]{1,4})[ \t]+(?:near|at|by|past)[ \t]+"
          r"(?i:exit|mile[ \t]+marker|mile[ \t]+post|milepost)[ \t]*+(?:#[ \t]*+)?[0-9]{1,4}[A-Z]?"
          r"(?![A-Za-z0-9])", 0.8),
        # 'Regional West', 'Regional One': a regional hospital named by a direction or a
        # number after the word (the usual order, 'Winner Regional', is the facility finder's)
        r("regional_named", PhiType.FACILITY, r"(?<![A-Za-z])Regional[ ](?:West|East|North|South|"
          r"Northwest|Northeast|Southwest|Southeast|One)(?![A-Za-z])", 0.8),
        # 'the VA in Palo Alto', 'the IHS in Pine Ridge': a federal system's hospital named by
        # the town after it (the town is found by the place rules)
        r("federal_facility_in_town", PhiType.FACILITY, r"(?<![A-Za-z])(?:the|The|at|to|from)"
          r"[ \t]+(VA|IHS|I\.H\.S\.)(?=[ \t]+(?:in|at)[ \t]+(?!(?:Spanish|English|Navajo|"
          r"Lakota|Dakota|French|Commissioned|Service|Charge|General|Person|Network|Total|"
          r"Addition|Partnership|Collaboration)\b)[A-Z][a-z])", 0.8, group=1),
        # two to four syllables of a Karen, Burmese or Hmong name in a row, one of them only
        # such a name has ('Naw Paw Say', 'Saw Eh has asthma', "I'm Pa Nhia")
        r("name_syllables", PhiType.NAME, r"(?<![A-Za-z'’\-])(?:" + "|".join(_SYLLABLE_NAMES)
          + r")(?:[ ](?:" + "|".join(_SYLLABLE_NAMES) + r")){1,3}(?![A-Za-z\-])", 0.8,
          validator="syllable_name"),
        # 'Hwy 59 south of Bishop Rd', 'US-83 near Stapleton', 'I-94 past Dickinson': a road
        # and the place it is near, one location
        r("highway_segment", PhiType.ADDRESS, r"(?<![A-Za-z0-9])(?:I-?[ \t]?[0-9]{1,3}|"
          r"(?:US|Hwy|Highway|Route|Rte|SR|SH|BIA[ \t]+(?:Rte|Route|Rd|Road|Hwy)|BIA|"
          + _HIGHWAY_STATES + r")[ \t\-]*[0-9]{1,4}[A-Z]?)[ \t]+(?:near|past|outside(?:[ \t]+of)?|"
          r"(?:just[ \t]+|about[ \t]+[0-9]{1,2}[ \t]+(?:mi|miles)[ \t]+)?(?:north|south|east|west)"
          r"[ \t]+of)[ \t]+(?:the[ \t]+)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}(?:[ \t]+"
          + _street_suffixes() + r")?\.?(?![A-Za-z0-9])", 0.8, validator="road_place"),
        # 'en route on WY 120', 'into the ditch on BIA 2', 'BIA Rte 7': a state's or a tribe's
        # road by its code after a preposition, with a word of the road or the trip before it
        # in the clause (not 'on NC 2' of oxygen, 'on NE 10' of a pressor, 'IL-2')
        r("highway_state_code", PhiType.ADDRESS, r"(?i:\b(?:drive|drove|driving|driven|crash|"
          r"crashed|wreck|wrecked|rollover|rolled|accident|collision|mvc|mva|headed|heading|"
          r"travel(?:l?ing|l?ed)?|northbound|southbound|eastbound|westbound|road|highway|"
          r"ambulance|en[ \t]+route|ditch|exit|mile|miles|ranch|farm|lives|living|house|home|"
          r"turnoff|junction)\b[^.\n;]{0,40}?\b(?:on|off|along|via|onto|from|at|near)[ \t]+)"
          r"((?:" + _ROAD_STATES + r"|BIA)[ ]?[0-9]{1,4})(?![A-Za-z0-9/%:\-]|[.,][0-9])"
          + _UNIT_AFTER + r"(?![ \t]*(?i:tabs?|tablets?|pills?|doses?|visits?|cycles?|liters?|"
          r"litres?|l|lpm|puffs?|drops?|sprays?)\b)",
          0.8, group=1),
        r("highway_tribal", PhiType.ADDRESS, r"(?<![A-Za-z])BIA[ \t]+(?:Rte|Route|Rd|Road|Hwy)"
          r"[ \t]*+(?:#[ \t]*+)?[0-9]{1,4}[A-Z]?(?![A-Za-z0-9])", 0.85),
        # a street named by its name alone after a word of home: 'We live on Wildemere in
        # Detroit', 'the WIC office on Broadway in Gary' (a town after it), 'The former home at
        # 12610 Mendota' (a house number before it)
        r("street_bare_name", PhiType.ADDRESS, r"(?:\b(?i:live|lives|lived|living|located|"
          r"office|house|home|apartment|apt|store|shop|staying|stays|moved)[ \t]+(?i:on)[ \t]+)"
          r"((?:[NSEW]\.?[ \t]+)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)(?=[ \t]+in[ \t]+[A-Z][a-z])",
          0.75, group=1, validator="bare_street"),
        r("street_bare_number", PhiType.ADDRESS, r"(?:\b(?i:live|lives|lived|living|located|"
          r"house|home|apartment|residence|resides|address)[ \t]+(?:(?i:is)[ \t]+)?(?i:at)[ \t]+)"
          r"([0-9]{2,6}[ \t]+(?:[NSEW]\.?[ \t]+)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)"
          r"(?![A-Za-z0-9])", 0.75, group=1, validator="bare_street"),
        # 'apt on E. Lake near Hennepin', 'on Grand Ave near Oak': a street and its cross street
        r("street_near", PhiType.ADDRESS, r"(?:\b(?:on|at|off)[ \t]+)((?:[NSEW]\.?[ \t]+"
          r"[A-Z][a-z'’]+(?:[ \t]+" + _street_suffixes() + r")?|[A-Z][a-z'’]+[ \t]+"
          + _street_suffixes() + r")\.?[ \t]+near[ \t]+[A-Z][a-z'’]+(?:[ \t]+"
          + _street_suffixes() + r")?)(?![A-Za-z])", 0.75, group=1),
        # 'live at 4410 Birch Unit C': a street named without its type word before a unit
        r("street_unit", PhiType.ADDRESS, r"(?<![A-Za-z0-9.,:/])[0-9]{1,6}[A-Za-z]?"
          r"(?:[ \t]?(?:½|1/2))?[ \t]+(?:[A-Z][a-z'’]+[ \t]+){1,2}(?:Apt|"
          r"Unit|Suite|Ste|Lot|Trlr|Spc)\.?[ \t]*+(?:#[ \t]*+)?[0-9A-Z][0-9A-Za-z\-]{0,5}"
          r"(?![A-Za-z0-9])", 0.8),
        r("po_box", PhiType.ADDRESS, r"(?i:\b(?:p\.?\s*o\.?\s*box|post\s+office\s+box|box)\s+#?"
          r"[0-9]{1,6}\b)", 0.9),
        r("unit", PhiType.ADDRESS, r"(?i:\b(?:apt|apartment|suite|ste|unit|trlr)\.?\s*+(?:#\s*+)?)"
          r"([0-9]{1,5}[A-Za-z]?|[A-Za-z][0-9]{1,4})" + _R + r"|(?i:\b(?:apt|apartment|suite|ste|"
          r"trlr)\.?\s*+(?:#\s*+)?)([0-9]{1,5}-[A-Za-z]{1,2}|[A-Za-z]{1,2}-?[0-9]{1,4}[A-Za-z]?)"
          + _R,
          0.8, group=0),
        # 'Room M-112', 'Rm MC-118A', 'Bed 212-W', 'Cabin 8142', 'room 214B': a resident's
        # room, bed or cabin by a code of three or more characters (not 'room 3', 'bed 30
        # degrees', 'Bed CT-1'), where a location stands (a line or field start, after 'in',
        # 'to', 'her'...), never after a word that names it ('Exam Room 104', 'IR room 214')
        r("room_number", PhiType.ADDRESS, r"(?:(?m:^)|(?<=[|,;(\t])|(?<=[|,;(:][ ])|(?<=[ ]{2})|"
          r"(?<=\bin )|(?<=\bto )|(?<=\bat )|(?<=\bis )|(?<=\bher )|(?<=\bhis )|"
          r"(?<=\btheir )|(?<=\bmy )|(?<=\bcare )|(?<=\bliving )|(?<=\bresident )|"
          r"(?<=\bfrom ))(?<![A-Za-z0-9])"
          r"(?:(?i:room|rm)(?:\.[ \t]*+#?|[ \t]++#?|[ \t]*+#)|(?i:bed|cabin|stateroom)"
          r"(?:[ \t]++#?|[ \t]*+#))[ \t]*+"
          r"(?=[A-Za-z0-9\-]{3,8}(?![A-Za-z0-9\-]))(?=[A-Za-z\-]{0,3}[0-9])"
          r"(?!(?:ED|ER|OR|CT|OB|IR|MR|US|LD|ICU|CCU|PACU|PICU|NICU|TR)-?[0-9])"
          r"(?![0-9]{2,3}[FC](?![A-Za-z0-9]))"
          r"(?:[A-Z]{1,3}-?[0-9]{1,4}[A-Z]?|[0-9]{1,4}(?:-?[A-Z]{1,2})?)"
          r"(?![A-Za-z0-9\-])(?![ \t]*(?i:°|%|/|deg|degrees|mg|ml|l\b|min|minutes|cm|kg|lbs?|"
          r"mmhg))", 0.75),
        # 'Lot 14, Shady Acres Mobile Home Park', 'Space 22 Sunny Acres RV Park'
        # 'on NW 7th Ave', 'rear-ended on Jericho Tpke', 'neighbor from w shields ave', 'the
        # walgreens on main st', '@ KUYKENDAHL RD': a street named without its number after a
        # word of place; the suffix must be a street's (USPS forms), any case
        r("street_after_place_word", PhiType.ADDRESS, r"(?i:(?:\b(?:on|off|onto|along|from|"
          r"near|by|past|at|down|crossing|across|corner\s+of|end\s+of)|@|\b(?:address|"
          r"scene)[ \t]*+(?::|\.{2,20}+|-{1,2})?)[ \t]+(?:the[ \t]+)?)"
          r"((?:(?i:n|s|e|w|ne|nw|se|sw|north|south|east|west)\.?[ \t]+)?"
          r"(?:(?!(?i:the|a|an|my|his|her|our|their|this|that|same|other|next|last|first|on|at|"
          r"in|to|by|of|from|near|off|onto|along|past|and|or|main\s+floor)[ \t])"
          r"(?:[A-Za-z](?:(?:c|ac|')[A-Z])?[a-z'’\-]+|[A-Z]{2,}|[0-9]{1,3}(?i:st|nd|rd|th))[ \t]+)"
          r"{1,3}"
          r"(?:(?i:street|st|avenue|ave|av|road|rd|boulevard|blvd|lane|ln|parkway|pkwy|"
          r"highway|hwy|turnpike|tpke|pike|expressway|expy|freeway|fwy|circle|cir|court|"
          r"terrace|ter|trail|trl|place|way)|Drive|DRIVE|Dr(?!\.?[ \t]+[A-Z][a-z])|"
          r"DR(?!\.?[ \t]+[A-Z])(?!\.?[ \t]*$)(?!\.[ \t]*\n))\.?)"
          r"(?![A-Za-z0-9])"
          r"(?![ \t]*(?i:said|says|told|wants|is|was|will|prescribed|ordered|recommended|"
          r"thinks|office|appt|appointment|clinic|exam|floor|unit|icu|dr\b))", 0.75, group=1,
          validator="street_name"),
        r("general_delivery", PhiType.ADDRESS, r"(?<![A-Za-z])(?i:general[ \t]+delivery)"
          r"(?![A-Za-z])", 0.9),
        # 'Ismaninger Str. 22', 'Hauptstraße 41', 'Via Roma 12': a street word of another
        # language joined to or after the name, then the number
        r("street_name_first", PhiType.ADDRESS, r"(?<![A-Za-z'’\-])[A-Z][A-Za-z'’\-]+"
          r"(?:straße|strasse|str\.|weg|gasse|platz|allee|damm|ufer|laan|straat|gade|vej|"
          r"gatan|vägen|vagen|veien|-Straße|-Strasse|-Str\.|-Weg|-Gasse|"
          r"-Platz|-Allee)[ \t]+[0-9]{1,4}[a-z]?(?![A-Za-z0-9])|(?<![A-Za-z'’\-])"
          r"[A-Z][A-Za-z'’\-]++[ \t]+(?:Str\.|Straße|Strasse|Weg|Gasse|Platz|Allee)[ \t]+"
          r"[0-9]{1,4}[a-z]?(?![A-Za-z0-9])", 0.85),
        r("lot_space", PhiType.ADDRESS, r"(?<![A-Za-z])(?:Lot|LOT|Space|SPACE|Spc|Sp\.|Site|SITE|"
          r"Trailer|TRAILER|Trlr)\.?[ \t]*+(?:#[ \t]*+)?[0-9]{1,4}[A-Za-z]?(?![A-Za-z0-9])"
          r"(?=[ \t]*,[ \t]*[A-Z0-9]|[ \t]+(?:[A-Z][a-z]+[ \t]+){1,3}(?:Mobile|Trailer|RV|MHP|"
          r"Park|Estates|Court|Village|Manor))", 0.85),
        # 'a neighbour in Lot 320', 'lives in an RV at Lot 318': a home's lot or space of two
        # or more digits after 'in' or 'at' (never a site: of a trial, an injection, a tooth)
        r("lot_in_at", PhiType.ADDRESS, r"\b(?:in|at|on|In|At|On)[ \t]++(?:the[ \t]++)?"
          r"((?:Lot|LOT|Space|SPACE|lot|space|Spc|spc)[ \t]*+#?[ \t]*+[0-9]{2,4}[A-Za-z]?)"
          r"(?![A-Za-z0-9]|[ \t]*(?i:%|mg|mcg|ml|mcl|l\b|mm|cm|ng|units?|patients|subjects|"
          r"participants|of[ \t]+the))", 0.75, group=1),
        # an Australian landline or mobile as printed ('02 9960 1144', '0412 345 678'): the
        # grouping alone is rare enough outside a phone number
        r("phone_au_grouped", PhiType.PHONE, r"(?<![0-9A-Za-z.,/\-])(?:0[2378][ ][0-9]{4}[ ]"
          r"[0-9]{4}|04[0-9]{2}[ ][0-9]{3}[ ][0-9]{3})(?![0-9A-Za-z]|[.,/\-][0-9])", 0.8),
        # 'we live in trailer 14', 'my apartment is #212', 'mom is in room 414 at Laurel
        # Manor', 'third trailer on the left, lot 22': a home's number after a home word
        r("home_number", PhiType.ADDRESS, r"(?i:\b(?:(?:live|lives|living|stay|stays|staying|"
          r"is|are|was|were)[ \t]++(?:in|at|on)[ \t]++(?:the[ \t]++|a[ \t]++)?|(?:apartment|apt|"
          r"unit|room)[ \t]++(?:is|was|number)[ \t]++|(?:left|right),[ \t]++))((?i:trailer|lot|"
          r"space|unit|apartment|apt|room|rm|cabin|site|#)[ \t]*+#?[ \t]*+[0-9]{1,4}[A-Za-z]?"
          r"|#[ \t]?[0-9]{1,4}[A-Za-z]?)(?![A-Za-z0-9])", 0.8, group=1),
        r("city_state_zip", PhiType.ZIP, r"(?=[A-Z][A-Za-z .'’‘ʻ]{1,40}[ ,][0-9]{5})"
          r"(?:(?<![A-Za-z])|(?<=US))(?:"
          + STATE_CODES + r"|" + _STATE_NAMES + r")\.?,?"
          r"\s+([0-9]{5}(?:-[0-9]{4})?)" + _RD, 1.0, group=1),
        # 'Tulsa, ok 74012': a state code in any case between a word and five digits (the
        # digits first, the code in fixed-width lookbehinds: fast), never a count or a dose
        # 'Apt 22, New York 10032': New York before a Manhattan or Bronx ZIP and after a street
        # line is the city (the state is never written so, without its code)
        # 'I live on Guemes Island', "the shelter on Randall's Island", 'ferry to Vashon
        # Island': an island named after a place preposition is a place below the state
        r("island_place", PhiType.CITY, r"(?<![A-Za-z])(?:on|to|from|in|off|at|near|via|of)"
          r"[ \t]+(?:the[ \t]+)?((?!Rhode[ \t])(?!RHODE[ \t])[A-Z][a-z'’\-]+"
          r"(?:[ \t]+[A-Z][a-z'’\-]+)?"
          r"[ \t]+(?:Island|Isle|Key|Cay)(?![A-Za-z]))", 0.85, group=1, validator="town_city"),
        # 'living on Oahu', 'grandmother on Ebeye', 'from Kauai', 'Kalaupapa, Molokai': an
        # island of a state, a territory or a freely associated state, named after a word of
        # place or a comma (the island is below the state, like a county)
        r("island_named", PhiType.CITY, r"(?:(?<![A-Za-z])(?:on|to|from|in|off|at|near|via|of|"
          r"visiting|across|around)[ \t]+(?:the[ \t]+)?|,[ \t]*+(?!Rota(?![A-Za-z])))((?:O['ʻ’]?"
          r"ahu|Maui|"
          r"Kaua['ʻ’]?i|Moloka['ʻ’]?i|L[aā]na['ʻ’]?i|Ni['ʻ’]?ihau|Kaho['ʻ’]?olawe|Big[ \t]+Island|"
          r"Saipan|Tinian|Rota|Tutuila|Kwajalein(?:[ \t]+Atoll)?|Kwaj|Ebeye|Majuro|"
          r"Enewetak|Kosrae|Pohnpei|Chuuk|Yap|Koror|Nantucket|Martha['’]s[ \t]+Vineyard|Kodiak|"
          r"Unalaska|Vieques|Culebra|St\.?[ \t]+(?:Croix|Thomas|John))(?![A-Za-z]))", 0.85,
          group=1),
        r("new_york_city_zip", PhiType.CITY, r"(?<=,[ \t])(New[ \t]+York|NEW[ \t]+YORK)(?=,?[ \t]+"
          r"10[0-4][0-9]{2}(?![0-9]))", 0.9, group=1),
        # 'attends P.S. 811', 'I.S. 318', 'JHS 22': a New York City public school by number
        r("nyc_school_number", PhiType.FACILITY, r"(?i:\b(?:attends?|attending|attended|goes[ \t]+"
          r"to|go[ \t]+to|went[ \t]+to|goes[ \t]+at|student[ \t]+at|enrolled[ \t]+(?:at|in)|"
          r"school[ \t]*:|teacher[ \t]+at|nurse[ \t]+at|transferred[ \t]+to|from|at)[ \t]+)"
          r"((?:P\.[ ]?S\.|I\.[ ]?S\.|"
          r"M\.[ ]?S\.|J\.[ ]?H\.[ ]?S\.|PS|IS|MS|JHS|HS)[ \t]?[0-9]{2,3}(?:[ \t]?[A-Z])?"
          r"(?![0-9A-Za-z.]|\.[0-9]|[ \t]*/)" + _UNIT_AFTER + r"(?<![A-Z][ \t][0-9]))"
          r"(?![ \t]*(?i:min|mins|minutes|more|refills?|above|over|peep|cm)\b)", 0.8,
          group=1, validator="school_number"),
        r("zip_state_any_case", PhiType.ZIP, r"(?<![0-9])(?=[0-9]{5}(?![0-9]))"
          r"(?<! in )(?<! or )(?<! me )(?<! hi )(?<! de )(?<! la )(?<! pa )(?<! ma )"
          r"(?<! oh )(?<! id )(?<! al )(?<! mo )(?<! ne )"
          r"(?<! wa )(?<! co )(?<! ms )(?<! md )(?:(?<=[A-Za-z] (?i:" + STATE_CODES
          + r") )|(?<=[A-Za-z], (?i:" + STATE_CODES + r") )|(?<=[A-Za-z],(?i:" + STATE_CODES
          + r") ))([0-9]{5}(?:-[0-9]{4})?)(?![0-9]|[ \t]*(?i:units?|u\b|mg|mcg|ml|iu|cells|"
          r"copies|/|%|x\b|times|people|patients|dollars))", 0.9, group=1),
        # 'ZIP: 41056', 'postcode 2481', 'PLZ 80807', 'CEP 01310-100', 'postal code V6B 4Y8':
        # after its label, in the shapes of the United States, Australia, Europe, Brazil,
        # Canada, Britain and Argentina
        r("zip_labelled", PhiType.ZIP, r"(?i:\b(?:zip|zipcode|zip\s+code|postal\s+code|"
          r"post\s*code|code\s+postal|c[oó]digo\s+postal)\b\s*+"
          r"(?:code\b)?\s*+[:#]?\s*+(?:is\s+|of\s+)?)([0-9]{5}(?:-[0-9]{4})?|"
          r"(?<=(?i:postcode) )[0-9]{4}|(?<=(?i:postcode): )[0-9]{4}|"
          r"(?<=(?i:postal code) )[0-9]{4}|[0-9]{5}-[0-9]{3}|[0-9]{6}|"
          r"[A-Z][0-9][A-Z][ \t]?[0-9][A-Z][0-9]|[A-Z]{1,2}[0-9][0-9A-Z]?[ \t]?[0-9][A-Z]{2}|"
          r"[A-Z][0-9]{4}[A-Z]{0,3})" + _RD, 1.0, group=1),
        # Germany's and Brazil's postcodes after their labels, in capitals ('PLZ 80807', 'CEP
        # 01310-100'; 'plz' is 'please', 'CEP 8' a centromere probe)
        r("zip_labelled_abroad", PhiType.ZIP, r"(?:\bPLZ[ \t]*+:?[ \t]*+|\bCEP[ \t]*+:?[ \t]*+"
          r"(?=[0-9]{5}-))([0-9]{5}(?:-[0-9]{3})?)" + _RD, 0.95, group=1),
        r("zip9", PhiType.ZIP, _LD + r"[0-9]{5}-[0-9]{4}" + _RD, 0.85),
        # '19 Aubrey Road, Wanaka 9305.', '60 Margaret Street, Sydney NSW 2000,': the town and
        # four-digit postcode of Australia or New Zealand after a street line
        r("town_after_street_abroad", PhiType.CITY, _STREET_THEN_TOWN_POSTCODE, 0.85, group=1),
        r("postcode_after_street_abroad", PhiType.ZIP, _STREET_THEN_TOWN_POSTCODE, 0.85,
          group=2),
        # 'Brgy. Bagong Silang', 'no bairro Bela Vista', 'Col. Coapa', 'Ortsteil Haidhausen':
        # the neighbourhood or town after a locality word of an address abroad
        r("locality_label", PhiType.CITY, r"(?:\b(?:Brgy\.?|Barangay|[Bb]airro|Colonia|Barrio|"
          r"Quartier|Ortsteil|Stadtteil|Municipio|Comuna|Corregimiento|Kelurahan|Kecamatan)"
          r"|\bCol\.(?=[ \t]+[A-Z][a-z]+"
          r"(?:[ \t]+[A-Z][a-z]+)?(?:[,.]|[ \t]*(?:\n|$))))[ \t]+"
          r"([A-Z][a-z'’\-]+(?:[ \t]+[A-Z][a-z'’\-]+){0,2})",
          0.85, group=1),
        # a house number, a compass letter and a street name with no street word, before a
        # town or a comma ('2201 N Halsted in Chicago', '410 W Belmont, apt 2')
        r("street_direction_bare", PhiType.ADDRESS, r"(?<![0-9A-Za-z/.\-])[0-9]{2,5}[ \t]+[NSEW]"
          r"\.?[ \t]+[A-Z][a-z]{2,}(?:[ \t]+[A-Z][a-z]{2,})?(?=[ \t]*(?:,|;|\(|\bin\b|"
          r"\bnear\b|\b(?i:apt|unit|suite)\b|#))", 0.8),
        # Australian and New Zealand unit/number street lines ('2/47 Gertrude St', '5A/12 Beach
        # Rd')
        r("street_unit_slash", PhiType.ADDRESS, r"(?<![0-9A-Za-z/.\-])[0-9]{1,4}[A-Za-z]?/"
          r"[0-9]{1,5}[A-Za-z]?[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?[ \t]+(?:St|Rd|Ave|Street|"
          r"Road|Avenue|Pde|Parade|Cres|Crescent|Dr|Drive|Pl|Place|Ct|Court|Tce|Terrace|Hwy|"
          r"Highway|Lane|Ln|Way|Cl|Close|Blvd|Gr|Grove|Sq|Square)(?![A-Za-z])\.?", 0.85),
        # two roads meeting ('Hwy 63 & Caraway Rd', 'Lamar Ave near Pendleton St', 'Memorial Dr
        # at Columbia Dr'): a crash or a fall site
        r("road_pair", PhiType.ADDRESS, r"(?<![A-Za-z0-9])" + _ROAD
          + r"[ \t]+(?:&|and|at|near|@|x|/)[ \t]+" + _ROAD + r"(?![A-Za-z0-9])", 0.85),
        # a numbered highway with a direction or a lot number ('Hwy 45 N', 'Hwy 1 E #33')
        r("highway_direction", PhiType.ADDRESS, r"(?<![A-Za-z0-9])(?:Hwy|HWY|Highway|Route|Rte|SR|"
          r"US|FM|CR)[ \t\-]?[0-9]{1,4}[ \t]+(?:[NSEW]|NB|SB|EB|WB)(?![A-Za-z0-9])"
          r"(?:[ \t]+#[ \t]?[0-9]{1,5})?", 0.8),
        # ages at death ('passed at home on march 8 at 102,') and after 'someone' ('someone 101?')
        r("age_at_death", PhiType.AGE, r"(?i:\b(?:died|passed(?:[ \t]+away)?|death|expired|"
          r"deceased)\b[^.\n]{0,40}?\bat[ \t]+)(9[0-9]|1[01][0-9])(?=[ \t]*[,.;!?)]|[ \t]+"
          r"(?i:years?|yrs?|yo|y/o)\b)", 0.85, group=1),
        r("age_someone", PhiType.AGE, r"(?i:\b(?:someone|somebody|a[ \t]+person|anyone)[ \t]+)"
          r"(9[0-9]|1[01][0-9])(?=[ \t]*[?.,!]|[ \t]+(?i:can|could|should|would|will|may|might|"
          r"is|has|have|had|who|that|getting|taking)\b)", 0.85, group=1),
        # 'kids with grandma-in-law (90)', 'Great-grandmother (97) lives with them': a
        # relative's age in parentheses after the word of the relation
        r("age_relation_parens", PhiType.AGE, r"(?i:\b(?:great-?)*(?:grand(?:ma|pa|mother|"
          r"father|parent|mom|dad|daughter|son|child)|mom|mother|mum|mama|momma|dad|father|papa|"
          r"parent|daughter|son|granny|nana|nanna|abuela|abuelo|aunt|auntie|uncle|husband|wife|"
          r"spouse|partner|sister|brother|neighbou?r|friend|godmother|mawmaw|pawpaw|mamaw|papaw|"
          r"tutu|lola|lolo|bubbe|bubby|nonna|nonno|oma|opa)(?:-in-law)?)[ \t]*+\([ \t]*+"
          r"(9[0-9]|1[01][0-9])[ \t]*+(?:y/?o|yrs?|years?)?[ \t]*+\)", 0.85, group=1),
        # 'my granny is like 100 and', 'her mother is already 94.': a relative's age after 'is'
        r("age_relative_is", PhiType.AGE, r"(?i:\b(?:my|his|her|our|their|your)[ \t]+(?:great-?)?"
          r"(?:mom|mother|mum|mama|momma|dad|father|papa|grandma|grandmother|granny|grammy|"
          r"grandpa|grandfather|granddad|nana|nanna|abuela|abuelo|aunt|auntie|uncle|husband|"
          r"wife|spouse|partner|sister|brother|neighbou?r|friend|godmother|stepmother|"
          r"stepfather|mother-in-law|father-in-law)[ \t]+(?:is|was|just[ \t]+turned|turned|"
          r"turns)[ \t]+(?:like[ \t]+|about[ \t]+|almost[ \t]+|nearly[ \t]+|around[ \t]+|"
          r"already[ \t]+|now[ \t]+|only[ \t]+)?)(9[0-9]|1[01][0-9])(?![0-9]|[.,][0-9])"
          + _UNIT_AFTER + r"(?![ \t]*(?i:pounds|percent|degrees|over|points|minutes|mins|feet|"
          r"ft|inches|miles|dollars|bucks|th|st|nd|rd)\b)(?![ \t]*[%/°])", 0.85, group=1),
        # dictation initials ('(dictated, not read -- bn/kls)', 'D/T ... -- WB/jr')
        r("dictation_initials", PhiType.NAME, r"(?i:\b(?:dictated|transcribed|not[ \t]+read|d/t)"
          r"[^\n]{0,40}?[\-–—(:][ \t]*)([A-Za-z]{2,3}/[A-Za-z]{2,3})(?![A-Za-z/])", 0.85,
          group=1),
        # Japanese wards, cities and towns by their suffix ('Shinjuku-ku', 'Kawasaki-shi',
        # 'Hakone-machi'; romanized, capitalized)
        r("ward_japan", PhiType.CITY, r"(?<![A-Za-z\-])[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?-"
          r"(?:ku|shi|cho|chō|machi|gun|mura|son)(?![A-Za-z\-])", 0.85),
        # a Japanese block address: chome-ban-go numbers, then the district ('2-14-5
        # Nishi-Shinjuku, Shinjuku-ku'; the ward after it is the evidence)
        r("address_japan", PhiType.ADDRESS, r"(?<![0-9\-])[0-9]{1,2}-[0-9]{1,2}(?:-[0-9]{1,3})?"
          r"[ \t]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?=,?[ \t]+[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?-"
          r"(?:ku|shi|cho|chō|machi|gun|mura)(?![A-Za-z]))", 0.85),
        # a house number label (India, Pakistan, Bangladesh: 'H.No. 221, Sector 15, Noida',
        # 'Flat No. 4B, Sai Residency'): the label and the line after it, to a sentence end
        r("house_number_label", PhiType.ADDRESS, r"(?<![A-Za-z])((?:H\.?[ \t]?No|House[ \t]+No|"
          r"Flat[ \t]+No|Plot(?:[ \t]+No)?|Door[ \t]+No|Qtr\.?[ \t]+No|Quarter[ \t]+No|"
          # a ward of a town, not of a hospital: a place word or a PIN code follows
          r"Khasra[ \t]+No|Ward[ \t]+No(?=[^\n]{0,60}?(?:(?i:\b(?:sector|road|rd|nagar|colony|"
          r"street|village|vill|post|dist|district|tehsil|taluka|mohalla|gali|lane|marg|"
          r"town|pin)\b)|\b[0-9]{6}\b)))\.?[ \t]*[:\-]?[ \t]*[0-9][0-9A-Za-z/\-]*"
          r"(?:,[ \t]*[^\n,;:()]{1,40}?){0,5})(?=[ \t]*(?:\n|$|;|\(|\.(?:[ \t]|$)|"
          r",?[ \t]*(?i:ph|tel|mob|mobile|phone|contact|dob|pin)\b)|,[ \t]*[0-9]{6}\b)", 0.85,
          group=1),
        # 'BMH ED', 'RNSH ED', 'seen in GSH ER': a hospital's acronym before its emergency
        # department (not a kind of department: 'PEDS ED', 'OB ED'), after a preposition, a
        # line start or a separator, never after a word ('IV NS ED bolus', 'the ACS ED
        # pathway')
        r("acronym_ed", PhiType.FACILITY, r"(?:^|(?<=[\n—–:|,(;/])|(?<=[\n—–:|,(;/\-][ \t])|"
          r"(?i:(?<=\bin )|(?<=\bat )|(?<=\bto )|(?<=\bof )|(?<=\bby )|(?<=\bfrom )|"
          r"(?<=\bvia )|(?<=\binto )))(?<![A-Za-z&/\-])(?!(?:PEDS|PED|ADULT|MAIN|OB|OBGYN|"
          r"PSYCH|PEDI|PICU|NICU|ICU|CCU|THE|AND|FOR|TO|IN|AT|NO|EMS|ALS|BLS|MD|DO|RN|NP|PA)\b)"
          r"[A-Z]{2,6}(?=[ \t]+(?:ED|ER|A&E)\b)", 0.75),
        # 'HRH cardiology', 'AVH fracture clinic', 'NVRH ED': a hospital's acronym (its last
        # letter H, or MC) before one of its departments, anywhere in a line; `acronym_ed`
        # takes any acronym before 'ED' but only after a line start, a separator or a
        # preposition (the shape of the acronym is the evidence here, the position there)
        r("acronym_department", PhiType.FACILITY, r"(?<![A-Za-z0-9&/\-])([A-Z]{2,4}(?:H|MC))"
          r"(?=[ \t]++(?:ED|ER|(?i:cardiology|oncology|orthopa?edics|ortho|radiology|"
          r"fracture[ \t]++clinic|d/c[ \t]++summary|emergency|"
          r"hospitalist|cath[ \t]++lab|wound[ \t]++clinic|pacemaker[ \t]++clinic|"
          r"birthing[ \t]++center|l&d|labor[ \t]++and[ \t]++delivery|maternity|"
          r"nursery))\b)", 0.75, group=1, validator="hospital_acronym"),
        # a company by its legal or trade suffix ('Tree Top Inc.', 'ACME FREIGHT LLC',
        # 'Cardinal Logistics'): an employer, which the notes name as a place
        # 'VFW Post 6441', 'American Legion Post 15', 'Elks Lodge #1203', 'Eagles Aerie 2150':
        # a club of veterans or a fraternal lodge by its number
        r("numbered_lodge", PhiType.FACILITY, r"(?<![A-Za-z])(?:American[ \t]+Legion|VFW|"
          r"V\.F\.W\.|AMVETS|DAV|Elks|Moose|Masonic|Eagles|Knights[ \t]+of[ \t]+Columbus|"
          r"Odd[ \t]+Fellows|Grange|Shriners)[ \t]++(?:(?:Post|Lodge|Chapter|Council|Aerie|"
          r"Club)[ \t]*+(?:#[ \t]*+|(?:No|NO)\.?[ \t]*+)?|#[ \t]*+|(?:No|NO)\.?[ \t]*+)[0-9]{1,5}"
          r"(?![0-9A-Za-z%])", 0.85),
        # 'Naples 3rd Ward', 'Spanish Valley 2nd Branch': a congregation by its place and number
        r("numbered_ward", PhiType.FACILITY, r"(?<![A-Za-z])(?!(?:The|THE|A|Our|My|His|Her|"
          r"Their|This|That|East|West|North|South|Medical|Surgical|General|Maternity)[ \t])"
          r"(?:[A-Z][a-z]+[ \t]+){1,2}[0-9]{1,2}(?:st|nd|rd|th)[ \t]+(?:Ward|Branch)"
          r"(?![A-Za-z])", 0.8, validator="place_words"),
        # 'plays D1 football at Utah State', 'a wrestler at Montana State', 'graduated from
        # Penn State': a university by its short name after a word of studying or playing
        r("university_state", PhiType.FACILITY, r"(?:\b(?:at|attends|attending|attended|"
          r"(?:plays|played|playing|wrestles|runs|swims)[ \t]+for|graduated[ \t]+from|"
          r"student[ \t]+at|enrolled[ \t]+at|(?:junior|senior|freshman|sophomore)[ \t]+at)"
          r"[ \t]+)(?!(?:Steady|Stable|Critical|Mental|Vegetative|Minimally|Persistent|Altered|"
          r"Refractory|Free|Solid|Ground|Resting|Fasting|Fed|Dream|Disease|Status|Post|The|"
          r"Same|This|That|Baseline|Current|Final|Initial|Steady-)[ \t])"
          r"((?:[A-Z][a-z]+[ \t]+){1,2}State)(?![ \t]*+[A-Z]|[A-Za-z'’\-])", 0.8, group=1,
          validator="place_words"),
        # 'worked Trane plant 22 years', 'at the Alcoa smelter', 'retired from the Ford
        # plant': an employer before a lower-case word of its works
        r("employer_works", PhiType.FACILITY, r"(?:\b(?:worked|works|working|work|retired|"
          r"employed|job|jobs|years|shift|shifts)[ \t]+(?:(?:at|for|in|from|on)[ \t]+)?"
          r"(?:the[ \t]+)?)(?!(?i:" + _KINDS_OF_WORKS + r"|the|this|that|"
          r"local|old|new|main|same)(?:[ \t]|$))"
          r"((?:[A-Z][A-Za-z&'’\-]+[ \t]+){0,2}[A-Z][A-Za-z&'’\-]+)(?=[ \t]+(?:plant|factory|"
          r"mill|refinery|smelter|cannery|shipyard|foundry|mine|plant's)\b)", 0.75, group=1,
          validator="place_words"),
        # '1st Marine Division', '173rd Airborne Brigade', '36th Contingency Response Group',
        # '442nd RCT', '11th Marines': a military unit by its number, where someone serves
        r("military_unit", PhiType.FACILITY, r"(?<![A-Za-z0-9])[0-9]{1,3}(?:st|nd|rd|th|d)"
          r"[ \t]++(?:(?:[A-Z][A-Za-z]++[ \t]++){0,3}(?:Response|Forces|Operations|Maintenance|"
          r"Mobility|Logistics|Affairs|Aircraft|Fighter|Airlift|Bomb|Medical|Support|Signal)"
          r"[ \t]++Group(?<![Ss]upport[ \t]Group)|(?:(?!Floor|East|West|North|South|Tower)"
          r"[A-Z][A-Za-z]++[ \t]++){0,4}"
          r"(?:Division|Brigade|Battalion|Regiment|Wing|"
          r"Squadron|Bn|BCT|IBCT|SBCT|(?<=[0-9]{3}(?:st|nd|rd|th)[ \t])RCT|"
          r"Marines|Cavalry|Infantry|Airborne|Fleet|"
          r"Expeditionary[ \t]++Force|MEU|MEF|Airlift|Bomb[ \t]++Wing))(?:[ \t]++Combat[ \t]++"
          r"Team)?(?![A-Za-z])", 0.8),
        # 'B Co, 2-27 IN, 3IBCT, 25ID', 'HHC, 2-35 IN', 'C Trp, 3-4 CAV', 'MAG-36': a company,
        # battalion and brigade in the Army's and Marines' short forms
        r("military_unit_short", PhiType.FACILITY, r"(?<![A-Za-z0-9\-])(?:MAG-[0-9]{2}|(?:"
          + _UNIT_PART + r")(?:,[ \t]*+(?:" + _UNIT_PART + r")){1,4})(?![A-Za-z0-9])", 0.8,
          validator="unit_chain"),
        # 'aboard USS Pennsylvania', 'USNS Mercy': a ship, where a sailor served or works
        r("ship_name", PhiType.FACILITY, r"(?<![A-Za-z])(?:USS|USNS|USCGC|HMS|HMCS)[ \t]++"
          r"[A-Z][a-z]++(?:[ \t]++[A-Z][a-z.]++){0,2}(?![A-Za-z])", 0.85),
        # 'Camp Foster, Okinawa', 'Pohakuloa Training Area', 'JB Pearl Harbor-Hickam': a base
        r("military_base_named", PhiType.FACILITY, r"(?<![A-Za-z])(?:Camp[ \t]++[A-Z][a-z]++"
          r"(?:[ \t]++[A-Z][a-z]++)?|(?:[A-Z][a-z]++[ \t]++){1,2}Training[ \t]++(?:Area|Center|"
          r"Range)|(?:JB|JBSA|Joint[ \t]++Base)[ \t]++[A-Z][A-Za-z]++"
          r"(?:[ \t\-][A-Z][A-Za-z]++){1,3})(?![A-Za-z])", 0.8, validator="base_name"),
        # "Women's & Children's", "Our Lady of Lourdes Women's & Children's", "Children's of
        # Mississippi", "Children's of the Crescent": a children's hospital by its short name
        r("childrens_hospital", PhiType.FACILITY, r"(?<![A-Za-z])(?:(?!Director|Chief|Head|Manag"
          r"er)(?:[A-Z][A-Za-z.]*+|of)"
          r"[ \t]++){0,4}(?:Women['’]s[ \t]*+(?:&|and)[ \t]*+Children['’]s|Children['’]s"
          r"[ \t]*+(?:&|and)[ \t]*+Women['’]s)(?:[ \t]++(?:Hospital|Cent(?:er|re)|Medical[ \t]++"
          r"Cent(?:er|re)|Pavilion))?(?![A-Za-z])(?![ \t]++(?:Services|Nursing|Division|Department|"
          r"Program|Unit|Health))|(?<![A-Za-z])Children['’]s[ \t]++of[ \t]++"
          r"(?:the[ \t]++)?[A-Z][a-z]+(?:[ \t]++[A-Z][a-z]+)?(?:[ \t]++(?:NICU|PICU|CICU|ED|ER|"
          r"Hospital|Clinic))?(?![A-Za-z])", 0.85),
        # 'healthy girl (Willow)', 'SVD of viable female "Magnolia"', 'Boy, "Ti-Jean"': a
        # newborn's name in parentheses or quotes after the word of the baby
        r("name_of_baby", PhiType.NAME, r"(?i:\b(?:baby|infant|newborn|boy|girl|twin[ \t]+[AB12]|"
          r"(?:viable|liveborn|live|healthy|term|preterm)[ \t]+(?:male|female))[ \t]*+,?"
          r"[ \t]*+)(?<![0-9][ \t](?i:boy)[ \t])(?<![0-9][ \t](?i:girl)[ \t])(?:\(|[\"“])((?-i:["
          r"A-Z][a-z'’]+"
          r"(?:-[A-Z][a-z'’]+)?(?:[ \t][A-Z][a-z'’]+)?))(?:\)|[\"”])", 0.8, group=1,
          validator="baby_name"),
        r("company_suffix", PhiType.FACILITY, r"(?<![A-Za-z'’\-])(?!(?:The|THE|A|An|This|That|Our|"
          r"Your|Their|His|Her|My|Each|Every|Any)\b)(?:[A-Z][A-Za-z'’\-]++|[A-Z]{2,})"
          r"(?:[ \t]+(?:[A-Z][A-Za-z'’\-]++|&|and|of)){0,3}?(?:(?:,?[ \t]+|,)(?:Inc\.?|INC\.?|"
          r"LLC|L\.L\.C\.|L\.P\.|LLP|L\.L\.P\.|Corp\.?|CORP\.?|Ltd\.?|LTD\.?)(?![A-Za-z])|"
          r"[ \t]+(?:Corporation|Company|Logistics|LOGISTICS|"
          r"Freight|FREIGHT|Industries|INDUSTRIES|Manufacturing|Trucking|TRUCKING|Construction|"
          r"Enterprises|Holdings)(?![A-Za-z])){1,2}", 0.75),
        # 'Harlan Co. Crew:', 'Maben, Wyoming Co<tab>': a county abbreviated after its place
        # 'Parish: Plaquemines', 'County of residence: Tangipahoa', 'City: Foley': a place
        # after its form label (not 'County: Unknown')
        r("county_labelled", PhiType.COUNTY, r"(?<![A-Za-z])(?:County|COUNTY|Parish|PARISH|"
          r"Borough|Cnty)(?:[ \t]+of[ \t]+(?:residence|res\.?|birth))?[ \t]*+:[ \t]*+"
          + _NOT_FORM_FILLER + r"(" + _PLACE_VALUE + r"(?:[ \t]+(?:County|Parish|Co\.))?)"
          r"(?![A-Za-z])", 0.85, group=1, validator="labelled_place"),
        r("city_labelled", PhiType.CITY, r"(?<![A-Za-z])(?:City|CITY|Town|TOWN|Village|"
          r"Municipality|Hometown|City/Town|Town/City|Suburb|Locality|City[ \t]+of[ \t]+"
          r"(?:residence|birth)|"
          r"Place[ \t]+of[ \t]+(?:birth|residence))[ \t]*+:[ \t]*+"
          + _NOT_FORM_FILLER + r"(" + _PLACE_VALUE + r")(?![A-Za-z])", 0.85, group=1,
          validator="labelled_place"),
        r("county_abbrev", PhiType.COUNTY, r"(?<![A-Za-z'’.\-])((?:[A-Z][a-z'’]+[ \t]){1,2}Co)"
          r"(?=\.?[ \t]*(?:[)\n,;|]|$)|\.?\t|\.[ \t]++[A-Z])", 0.8, group=1,
          validator="county_words"),
        # creeks, forks and hollows a person lives up or along ('lives alone up Caney Fork',
        # 'left on Hurts Creek'): the place of a rural home
        r("holler", PhiType.ADDRESS, r"(?:\b(?:up|down|out|on|off|past|along|onto|at[ \t]++the"
          r"[ \t]++(?:head|mouth|forks)[ \t]++of|lives?|living)[ \t]++(?:the[ \t]++)?)"
          r"(?!(?:Obtuse|Marginal|Diagonal|Bundle|Septal|Anion|Osmolal|Osmolar|Air|Bone|Alveolar|"
          r"Left|Right|First|Second|Third|Posterior|Anterior|Circumflex|Ramus|Aortic|Pulmonary|"
          r"Arterial|Venous|Cardiac|Hepatic|Portal|Renal|Splenic|Auscultatory)[ \t]+"
          r"(?:Marginal[ \t]+|Diagonal[ \t]+|Bundle[ \t]+|Bone[ \t]+)?(?:Branch|Gap|Run)\b)"
          r"(?!(?:Left|Right)[ \t]+Bundle)"
          r"((?:[A-Z][a-z'’]+[ \t]){1,2}(?:Fork|Creek|Branch|Hollow|Holler|Lick|Run|Gap|Cove|"
          r"Bottom|Knob)(?:[ \t]+(?:Rd|Road))?)(?![A-Za-z])", 0.75, group=1),
        # a state route by its state's code ('KY-80 to Hindman', 'on WV-10'): codes that are
        # also clinical prefixes ('CA-125', 'MD-', 'PA-') are left out
        r("state_route", PhiType.ADDRESS, r"(?<![A-Za-z0-9\-])(" + _ROUTE_STATE
          + r"-[0-9]{1,4})(?![0-9A-Za-z\-])"
          r"(?=[ \t]+(?:to|toward|towards|north|south|east|west|[NSEW]|NB|SB|EB|WB|near|past|"
          r"mile|MM|MP)\b|,[ \t]*(?:approx|near|mile|MM|MP))", 0.75, group=1),
        r("state_route_prep", PhiType.ADDRESS, r"(?:\b(?:on|off|onto|along|take|via|up|down|from|"
          r"near|past)[ \t]++)(" + _ROUTE_STATE + r"-[0-9]{1,4})(?![0-9A-Za-z\-])"
          r"(?![ \t]+(?:at|on)[ \t]+[0-9])", 0.75, group=1),
        # a numbered route before a word of place ('Rt. 643 near Big Rock', 'rt 1428 at allen')
        r("route_near", PhiType.ADDRESS, r"(?<![A-Za-z0-9])((?:rt|Rt|Rte|rte|Route|route|Hwy|hwy|"
          r"Highway|highway)\.?[ \t]?(?:[0-9]{3,4}[A-Z]?(?=[ \t]+(?:near|at|past|by|outside)"
          r"[ \t]+[A-Za-z]{3})|[0-9]{1,2}[A-Z]?(?=[ \t]+(?:near|at|past|by|outside)[ \t]+"
          r"(?:the[ \t]+)?[A-Z][a-z]{2})))(?![0-9A-Za-z])", 0.75, group=1),
        # a road and its milepost ('N-12 MP 44', 'US-421 MM 7.4')
        r("road_milepost", PhiType.ADDRESS, r"(?<![A-Za-z0-9])(?:(?:US|SR|CR|FM|RR|N|[A-Z]{2})-"
          r"[0-9]{1,4}[A-Z]?|(?:US|SR|CR|Hwy|Route|Rte)[ \t]?[0-9]{1,4}|I-?[0-9]{1,3})[ \t]+"
          r"(?:MP|MM|mile[ \t]+(?:marker|post)|milepost)[ \t]*+(?:#[ \t]*+)?"
          r"[0-9]{1,4}(?:\.[0-9])?(?![0-9])", 0.8),
        # 'Caloocan City', 'Quezon City', 'Ho Chi Minh City': a town named with 'City'
        r("town_city", PhiType.CITY, r"(?<![A-Za-z])((?:[A-Z][a-z'’\-]+[ ]){1,3}City)(?![A-Za-z])"
          r"(?![ \t]+(?i:cardiomyopathy|questionnaire|score|scale|criteria|index|protocol|rule))",
          0.8, group=1, validator="town_city"),
        r("county", PhiType.COUNTY, r"(?:(?<![A-Za-z'.\-])[A-Z][A-Za-z'.\-]++"
          r"(?:[ \t]+[A-Z][A-Za-z'.\-]++){0,2}[ \t]+"
          r"(?:County|Parish|Borough|COUNTY|PARISH|county|parish)\b|"
          r"\b[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?[ \t]+Co\.(?=[ \t]*[)\n,;]|[ \t]+(?:case|court|"
          r"jail|sheriff|health|DHS|CPS|tag|plates?|clerk|schools?|native|resident|"
          r"fair|extension|coroner|EMS|hospital|dispatch)\b)|\b(?:County|Parish)\s+of\s+[A-Z][A-Za-z'.\-]+"
          r"(?:\s+[A-Z][A-Za-z'.\-]+){0,2})", 0.9),
        # --- long numbers with no label ---
        # national and hospital identifiers abroad by their labels ('CPF: 402.118.957-31',
        # 'NSS: 4307 72 1148-3', 'BSN: 1841.02.377', 'UHID: KH.1188402', 'Prontuário nº ...')
        r("national_id", PhiType.ID, r"(?i:\b(?:nss|curp|cpf|rfc|dni|nie|nif|bsn|aadhaar|aadhar|"
          r"pan|cip|tsi|cip/tsi|cart[aã]o\s+sus|sus|uhid|ip\s+no\.?|op\s+no\.?|folder\s+no\.?|"
          r"prontu[aá]rio(?:\s+n[ºo°])?|n[ºo°]\s+dossier|no\s+dossier|dossier|nhc|historia\s+"
          r"cl[ií]nica|expediente|matr[ií]cula|matricola|codice\s+fiscale|tessera\s+sanitaria|"
          r"pesel|nric|svnr|ahv|sin|versichertennr|versichertennummer|ihi|chi|c[eé]dula|rut|"
          r"pps|ppsn|nino|burgerservicenummer)(?![A-Za-z0-9])" + _SEP + r")" + _ID_VALUE + _R,
          0.85, group=1, validator="reference"),
        # plan and social numbers abroad ('PhilHealth No.: 12-050123456-7', 'Kigou-bangou:')
        r("national_id_abroad", PhiType.ID, r"(?i:\b(?:" + _ABROAD_NUMBER_LABELS + r"|philhealth"
          r"(?:\s+no\.?)?|hokensho\s+bangou|kigou-bangou|kigou|bangou|num[ée]ro\s+de\s+s[ée]cu|"
          r"karute\s+no\.?)(?![A-Za-z0-9])" + _SEP + r")" + _ID_VALUE + _R, 0.85, group=1,
          validator="reference"),
        # national numbers written in small groups ('N° de sécurité sociale : 2 79 11 33 063 045
        # 12', 'Nº afiliado 61 188032 4 01', 'carteirinha 775 001 234567 001')
        r("national_spaced", PhiType.ID, r"(?i:\b(?:" + _ABROAD_NUMBER_LABELS + r"|cns|"
          r"cart[aã]o\s+sus|insee|ssn|aadhaar|aadhar|medicare(?:\s+(?:card|no\.?|number))?|ihi|"
          r"nhs\s+(?:no\.?|number)|chi)(?![A-Za-z0-9])" + _SEP + r")"
          r"([0-9]{1,4}(?:[ ][0-9]{1,7}){2,7})(?![0-9A-Za-z]|[ ][0-9])", 0.85, group=1,
          validator="national_digits"),
        # 'had a card, NB 710 338 214', 'Assurance-maladie N.-B. 108 447 219': a card's number
        # in digit groups (a province's code before it)
        r("health_card_number", PhiType.HEALTH_PLAN, r"(?i:\b(?:card(?=[ \t]*+[,:#]?[ \t]*+"
          r"(?:(?:is|was)[ \t]+)?(?-i:[A-Z]{2})[ \t]+[0-9])|carte(?:[ \t]+soleil)?|"
          r"assurance[ \t\-]+maladie(?:[ \t]+(?-i:N\.?-?[BÉE]\.?|[A-Z]{2}))?|health[ \t]+card)"
          r"(?:[ \t]+(?:no\.?|number|#))?[ \t]*+[,:#]?[ \t]*+(?:(?:is|was)[ \t]+)?)"
          r"((?:(?-i:[A-Z]{2})[ \t]+)?[0-9]{3,4}(?:[ \-][0-9]{3,4}){2,3})(?![0-9A-Za-z])",
          0.85, group=1, validator="national_digits"),
        # a Quebec health card by its shape ('GOSY 3159 1208'; the validator reads the birth
        # date inside it)
        r("ramq_number", PhiType.HEALTH_PLAN, r"(?<![A-Za-z0-9])[A-Z]{4}[ ]?[0-9]{4}[ ]?[0-9]{4}"
          r"(?![A-Za-z0-9])", 0.85, validator="ramq"),
        # professional registries ('CPSO 118420', 'CRM-SP 188.204', 'HPCSA MP 0772194', 'nº col.
        # 08-44172', 'AGB-code 01-047882', 'Reg. No. MMC 2009/04/1873', 'WSBA #40177')
        r("registry_license", PhiType.LICENSE, r"(?i:\b(?:cpso|cmq|crm(?:-[a-z]{2})?|hpcsa|mmc|"
          r"gmc|gdc|gphc|hcpc|ahpra|nmc|big|agb(?:-code)?|wsba|bar|n[ºo°]\s*col\.?|colegiado|col\.|"
          r"prov\.?\s+no\.?|provider\s+no\.?|reg\.?\s+no\.?(?:\s+[a-z]{2,5})?|registration\s+no\.?|"
          r"psy|lic\.?\s+no\.?|cpsbc|cpsa|cpsm|cpss|cpsns|kba|mdcn(?:\s+folio)?|folio|"
          r"m\.\s?n\.|m\.\s?p\.|c[eé]d\.?(?:\s+prof\.?)?|c[eé]dula\s+profesional|kmc|"
          r"imr|pmdc|bmdc|slmc|mcnz|hcpc|coren|crefito)(?![A-Za-z0-9])" + _SEP
          + r")" + _ID_VALUE + _R, 0.85, group=1,
          validator="reference"),
        # postcodes abroad: Dutch '3511 PB Utrecht' (before the town), Australian 'NT 0810'
        r("postcode_nl", PhiType.ADDRESS, r"(?:(?m:^)|,|(?i:postcode|postal\s+code)[ \t]*+:?)[ "
          r"\t]*+"
          r"([1-9][0-9]{3}[ ]?(?!SA|SD|SS)[A-Z]{2})(?=[ \t]+[A-Z][a-z])", 0.8, group=1),
        r("postcode_au", PhiType.ADDRESS, r"(?<![A-Za-z])(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)[ \t]+"
          r"([0-9]{4})(?![0-9])", 0.8, group=1),
        # 'Aadhaar: xxxx xxxx 4410', 'card **** **** **** 1234': a masked number shows its end
        r("masked_number", PhiType.ID, r"(?<![A-Za-z0-9])(?:(?:[xX]{4}|\*{4}|•{4})[ \-]){1,3}"
          r"[0-9]{4}(?![0-9])", 0.9),
        # 'payment method ending in 4471', 'card ends 1234': the last digits of an account
        r("account_last4", PhiType.ACCOUNT, r"(?i:\b(?:card|payment(?:\s+method)?|account|acct|"
          r"visa|mastercard|amex|debit|credit)\b[^.\n]{0,20}?\b(?:ending|ends?)(?:\s+(?:in|with))?"
          r"\s*:?\s*)([0-9]{4})(?![0-9])", 0.85, group=1),
        # 'username: sunflower_mama77', 'user kjohannsen', 'MHV login bmcallister11B': the word
        # after a user-name label (a handle with a digit, a dot or an underscore, or a word no
        # dictionary holds; 'user reports pain' has an English word there)
        # 'medical record number 1 1 0 0 4 4 7 1 8 2', 'RX 6 6 1 0 4 4 7': a number read out
        # or typed digit by digit (seven digits or more; no count or list: validator)
        r("spaced_digits", PhiType.ID, r"(?<![A-Za-z0-9])(?:[A-Z]{1,4}[ \t])?[0-9](?: [0-9]){6,15}"
          r"(?![0-9A-Za-z])", 0.75, validator="spaced_digits"),
        r("username", PhiType.ID, r"(?i:\b(?:user(?:[ _\-]?name)?|user[ _\-]?id|login|log-in|"
          r"handle|screen[ _\-]?name|account[ _\-]?name|sign-?in)\b"
          r"(?:[ \t]+(?:on|for|at|in)[ \t]+(?:the[ \t]+|my[ \t]+|your[ \t]+)?[a-z]{3,12})?"
          r"[ \t]*[:=#]?[ \t]*(?:is[ \t]+)?[\"“'‘]?)"
          r"([A-Za-z0-9][A-Za-z0-9._\-]{1,40}[A-Za-z0-9])(?![A-Za-z0-9@])", 0.8,
          group=1, validator="handle"),
        # 'session 887 4410 2291', 'auth PT88104471', 'REQ#: 0042-7718-19', 'Police report:
        # NCPD 2026-118804': a reference number after the word that names it (the label says
        # what it is, so a code-system shape counts; at least four digits)
        r("labelled_reference", PhiType.ID, r"(?i:\b(?:session|meeting|webinar|trace|"
          r"transaction|authorization|auth|prior\s+auth|req|requisition|police\s+report|"
          r"incident\s+report|report\s+number|icn|confirmation|tracking|reference|ref|ticket|"
          r"(?:air[ \t]?)?waybill|awb|"
          r"police\s+(?:form|file)|rcmp|opp|chp|nypd|lapd|file\s+no|ws|workstation|terminal|"
          r"certified\s+mail|"
          r"hostname|"
          r"case|claim|order|ord|rx|prescription|script|id|(?:with|access|payment|pay|"
          r"verification|confirmation|security|invite|invitation|activation|enrol+ment|portal|"
          r"pin|auth|authorization|approval|org|organization|agency|interpreter|operator)"
          r"[ \t]+code)(?![A-Za-z0-9])" + _SEP + r")" + _ID_VALUE
          + _R + _UNIT_AFTER, 0.8, group=1, validator="reference"),
        # a number someone names as theirs ('My A-number is A 220 419 867', 'his case number
        # with the Milwaukee Police is 24-117702', 'my CSA number is CSA 2 914 337'): one to
        # three words of a label before 'number', never a measurement's ('my platelet number
        # was 150000') or a telephone's (the phone rules' to find)
        r("declared_number", PhiType.ID, r"\b(?:[Mm]y|MY|[Hh]is|[Hh]er|[Tt]heir|[Yy]our|[Oo]ur|"
          r"[Tt]he)[ \t]+(?:(?!(?i:" + _MEASURE_WORDS + r")(?![A-Za-z]))[A-Za-z][A-Za-z0-9]*"
          r"(?:[ \t]+|-)){1,3}(?:number|no\.|#|ID|id)(?![A-Za-z])(?:[ \t]+(?:with|from|for|at|"
          r"on)[ \t]+(?:the[ \t]+)?(?:[A-Za-z][A-Za-z'’\-]*[ \t]+){1,3}?)?[ \t]*(?:is|was|=|:)"
          r"[ \t]*#?[ \t]*((?:[A-Z]{1,4}[ \-]?)?[0-9](?:[0-9]|[ \-](?=[0-9])){3,16}[A-Z0-9]?)"
          + _R + _UNIT_AFTER, 0.8, group=1, validator="reference"),
        # an ambulance run's number ('Run # 24-003817', 'EMS run report 23-118244'): a run
        # named in capitals or with its report, a year's dashed serial or six digits or more
        r("run_number", PhiType.ID, r"(?<![A-Za-z])(?<!(?i:QC|qc)[ \t])(?<!(?i:batch|assay)[ \t])"
          r"(?<!(?i:dialysis)[ \t])(?<!(?i:sequencing)[ \t])(?<!(?i:treadmill)[ \t])"
          r"(?<!(?i:gel)[ \t])"
          r"(?:Run|RUN|[Rr]un[ \t]+(?:[Rr]eport|[Ss]heet"
          r"|[Nn]umber|#))(?:[ \t]*+(?:#|[Nn]o\.|[Nn]umber|NUMBER))?[ \t]*+[:#]?[ \t]*+"
          r"([0-9]{2}-[0-9]{4,8}|[0-9]{6,10})(?![0-9A-Za-z\-_])"
          r"(?![ \t]*(?i:ml|l|cc|mg|steps|min|hours?|hrs?|ml/hr)\b)", 0.8, group=1,
          validator="reference"),
        # a camp's or block's address abroad, two kinds of unit or more ('Camp 2W, Block
        # B-14, Shelter 0718', 'Flat 3B, Block C'; not 'Zone 2, Zone 3' of a wound)
        r("camp_block_address", PhiType.ADDRESS, r"(?<![A-Za-z])" + _CAMP_UNIT + r"(?:,[ \t]*"
          + _CAMP_UNIT + r"){1,4}(?![A-Za-z0-9])", 0.85, validator="camp_units"),
        # who speaks in a text-message log ('6/3 10:14 J: hey', '12:51 D: yea'): a letter or
        # initials after a time at a line's start, then a colon
        r("chat_speaker", PhiType.NAME, r"(?m)^(?:[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{2,4})?[ \t]+)?"
          r"[0-9]{1,2}:[0-9]{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?[ \t]+(?:-[ \t]+)?([A-Z][a-z]?)"
          r"[ \t]*:(?=[ \t]+[A-Za-z\"“'])", 0.8, group=1, validator="chat_speaker"),
        # a house of the ballroom scene, a shelter or a ministry named 'House of' ('House of
        # Ebony', 'House of Ruth'; never a legislature or a house of worship)
        r("house_of", PhiType.FACILITY, r"(?i:(?<=the[ \t])|(?<=at[ \t])|(?<=in[ \t])|"
          r"(?<=from[ \t])|(?<=with[ \t])|(?<=for[ \t])|(?<=to[ \t])|(?<=by[ \t])|(?<=\()|"
          r"(?<=\"))House[ \t]+of[ \t]+(?!(?:Representatives|"
          r"Delegates|Lords|Commons|Assembly|Worship|Prayer|God|the[ \t]+Lord|Blues|Cards|"
          r"Pain|Horrors|Dreams|Mirrors|Usher|Gucci|Leaves|Mirth|Payne|Spirits|Wax|Dragon|"
          r"Sand|Fog|Seven|Games|Flying)(?![A-Za-z]))[A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z]"
          r"[A-Za-z'’\-]+)?(?![A-Za-z])", 0.8),
        # a town of Quebec or Acadia by its hyphenated French form ('Saint-Ludger', 'Lac-
        # Mégantic', 'Val-d'Or', 'Notre-Dame-du-Lac', 'Trois-Rivières'); a surname so formed
        # ('Saint-Fleur') is as much an identifier
        r("french_hyphen_place", PhiType.CITY, r"(?<![A-Za-z\-])(?:Saint|Sainte|St|Ste|Lac|Mont|"
          r"Notre-Dame|Val|Pointe|Rivi[eè]re|Baie|Cap|Port|Trois|[IÎ]le|Grande|Petite)-(?:d['’]|"
          r"(?:de|du|des|la|le|aux)-)?[A-ZÉÎ][a-zéèêëàâçîïôû'’]+(?:-(?:de|du|des|la|le|sur|en|"
          r"aux|les|[A-ZÉ][a-zéèêëàâçîïôû'’]+))*(?![A-Za-z\-])(?<!['’]s)"
          r"(?!(?:['’]s)?[ \t]+(?i:wort))", 0.75, validator="french_place"),
        # an Indian postal code after its label ('PIN 523001', 'home PIN 388001', 'PIN code:
        # 560 069'): six digits, the first never 0
        r("pin_code", PhiType.ZIP, r"(?<![A-Za-z])(?:PIN(?:[ \t]*(?:[Cc]ode|CODE|[Nn]o\.?))?|"
          r"(?:Pin|pin)[ \t]*(?:[Cc]ode|CODE))[ \t]*[:#\-]?[ \t]*([1-9][0-9]{2}[ \t]?[0-9]{3})"
          r"(?![0-9])", 0.85, group=1),
        # a login after the role that logs in ('Registrar: tlaporte', 'scribe mgarza',
        # 'entered by jkowalski'): an initial and a surname in one word of lower case
        r("login_after_role", PhiType.NAME, r"(?i:\b(?:registrar|scribe|clerk|entered[ \t]+by|"
          r"keyed[ \t]+by|user|operator|transcriptionist|transcribed[ \t]+by|logged[ \t]+by|"
          r"author|reviewer|updated[ \t]+by|modified[ \t]+by|created[ \t]+by|signed[ \t]+by|"
          r"by)[ \t]*[:\-]?[ \t]*)([a-z]{1,2}[a-z]{3,18})(?![A-Za-z0-9@.])", 0.75, group=1,
          validator="login_name"),
        # an asset's tag after what it tags ('loaner cuff BFHC-BP-07', 'kit # MESC-HK-09',
        # 'Station REG-03', 'Camera ID FVH-ICU3-CAM'): capitals and digits in dashed parts
        r("asset_tag", PhiType.DEVICE, r"(?i:\b(?:kit[ \t]*#|cuff|cart|camera|station|asset|"
          r"loaner|ipad|laptop|gateway|equipment|tag)"
          r"(?:[ \t]+(?:id|#|no\.?|number|tag))?[ \t]*[:#]?[ \t]*)([A-Z][A-Z0-9]{1,9}"
          r"(?:-[A-Z0-9]{1,9}){1,4})(?![A-Za-z0-9\-])", 0.8, group=1, validator="asset_tag"),
        # a number read off a thing ('the number on the bottom is BPM 0044 7719', 'Number on
        # the bottle is 611 0832'): no label but the thing it is printed on
        r("number_on_thing", PhiType.ID, r"(?i:\b(?:number|serial|#)[ \t]+on[ \t]+(?:the|my|"
          r"his|her|its)[ \t]+(?:[a-z]+[ \t]+)?(?:bottom|back|side|front|label|box|bottle|card|"
          r"sticker|tag|lid|cap|device|machine|monitor|cuff|pump|pill[ \t]+bottle|"
          r"paperwork|letter)[ \t]*(?:is|was|says|reads|:)[ \t]*)(?!(?:19|20)[0-9]{2}-[0-9]{2}"
          r"(?![0-9]))((?:[A-Z]{1,4}[ \-]?)?"
          r"[0-9](?:[0-9]|[ \-](?=[0-9])){3,16}[A-Z0-9]?)" + _R + _UNIT_AFTER, 0.8, group=1,
          validator="reference"),
        # 'Mission No. TCSAR 24-0187', 'FLT# BSMF 250301-1': a mission's or flight's number,
        # with a letter (not a time: 'Callout 0230:')
        r("mission_number", PhiType.ID, r"(?i:\b(?:mission|sortie|flt)(?![A-Za-z0-9])" + _SEP
          + r")(?=[A-Za-z0-9\- ]{0,8}[A-Za-z])" + _ID_VALUE + _R + _UNIT_AFTER, 0.8, group=1,
          validator="reference"),
        # 'flight PQ 2290', 'flt PQ 627', 'Flight #: BCX 9012': a flight's number, the airline's
        # two or three letters and one to four digits (with a date, it names who was aboard)
        r("flight_number", PhiType.ID, r"(?:(?<![A-Za-z])(?:[Ff]light|FLIGHT|[Ff]lt|FLT)"
          r"(?:[ \t]*(?:#|[Nn]o\.?|[Nn]umber))?[ \t]*:?[ \t]*)((?:[A-Z]{2,3}|[A-Z][0-9]|[0-9][A-Z])"
          r"[ \t\-]?[0-9]{1,4}[A-Z]?)(?![A-Za-z0-9])(?![ \t]*(?:/[ \t]*[0-9]|%|(?i:min|mins|"
          r"minutes|l|lpm|mg|mcg|ml|bpm|mmhg|kg|h|hr|hrs|hours|sec|s|units?)\b))", 0.8, group=1,
          validator="issuer_code"),
        # 'emp LCR 28417', 'crew BCX 6118', 'badge ORD-A 338190', 'Emp. no ...... JLF 0521',
        # 'kit FRA-K 24-10934': a worker's or a kit's number, an issuer's capitals, a space and
        # digits, after its word (with or without 'no.' or '#' and a form's dot leaders)
        r("worker_code", PhiType.ID, r"(?:(?<![A-Za-z])(?:[Ee]mpl?|EMPL?|[Ee]mployee|EMPLOYEE|"
          r"[Cc]rew|CREW|[Bb]adge|BADGE|[Kk]it|KIT|[Ss]taff|STAFF)\.?(?:[ \t]*(?:[Nn]o\.?|#|"
          r"[Ii][Dd]|[Nn]umber))?[ \t]*[:.]*[ \t]*)([A-Z]{2,5}(?:-[A-Z])?[ \-][0-9]{2}[0-9\-]{1,12}"
          r"[0-9])(?![A-Za-z0-9])", 0.8, group=1, validator="issuer_code"),
        r("study_id", PhiType.ID, r"(?i:\b(?:subject|participant|study|enrollment|trial|"
          r"research|client|resident|inmate|member|case|patient|tracking|confirmation|"
          r"reference|claim|ticket|badge|employee|student|worker|staff|agent|operator|"
          r"transcriptionist|dictation|job)[ \t]+(?:id|number|no\.?|#|code)\b"
          r"\.?[ \t]*+[:#=]?[ \t]*+)" + _ID_VALUE + _R, 0.9, group=1, validator="has_digit"),
        # 'bulk carrier Arcadia Dawn', 'cruise ship Azure Promenade', 'M/V KESTREL BAY': a
        # vessel's name after its kind (where a seafarer works and lives)
        r("vessel_name", PhiType.FACILITY, r"(?:(?i:\b(?:vessel|ship|tanker|freighter|trawler|"
          r"tugboat|tug|barge|reefer|ro-ro|(?:bulk|car|lpg|lng|gas|ore|container|heavy-lift|"
          r"cargo|chemical|crude)[ \t]+(?:carrier|tanker))\b)|\b(?:M/V|M/T|F/V|S/S|MV|OSV))"
          r"[ \t]+[\"“]?((?:[A-Z][a-z'’\-]+|[A-Z]{2,})(?:[ \t]+(?:[A-Z][a-z'’\-]+|[A-Z]{2,}|"
          r"[0-9]{1,3}(?![0-9/:.,]?[0-9])|II|III|IV)){0,3})(?![A-Za-z0-9])", 0.8, group=1,
          validator="vessel_name"),
        # 'Dewar 6 / Can 2 / Cane 41', 'Tank B, rack 3, box 7-9': a stored specimen's place in
        # a cryostore, two or more of its units, one of them a cryostore's own (dewar,
        # canister, cane, goblet; or a tank with its rack, can or box) -- a freezer's shelf or
        # an analyser's rack and slot name no one's specimen
        r("storage_position", PhiType.ID, r"(?<![A-Za-z0-9])(?=(?:[A-Za-z0-9 \t/,#\-]{0,60}?)"
          r"(?<![A-Za-z])(?i:dewar|canister|cane|goblet)[ \t]*#?[ \t]*[A-Za-z0-9]|(?i:tank)"
          r"[ \t]*#?[ \t]*[A-Za-z0-9]{1,3}(?:[ \t]*[/,][ \t]*|[ \t]+)(?i:rack|can|box)\b)"
          + _STORE_UNIT + r"(?:(?:[ \t]*[/,][ \t]*|[ \t]+)" + _STORE_UNIT + r"){1,5}", 0.85),
        # 'Cane T5-C3-K12', 'labels ZW-LX-19-B1', 'embryo IDs MHF-MZ-03', '| T3-C5-K22 |': three
        # to six capital groups, a digit and two letters among them, after the word of what
        # they label or alone in a table's cell (out of such a place the shape is as often a
        # lead, a stage, an assay or a regimen: 'V4-V5-V6', 'T1A-N0-M0', 'HPV-16-18')
        r("segmented_code", PhiType.ID, r"(?:(?i:\b(?:embryos?|straws?|canes?|labels?|"
          r"labell?ed|vials?|specimens?|donor|tank|stored|storage|location|position|box|ids?|"
          r"identifiers?)\b)(?:[ \t]+[a-z]{2,8}){0,2}[ \t]*+[:#=]?[ \t]*+[\"(]?[ \t]*+|"
          r"\|[ \t]*+)(?<![A-Za-z0-9\-/.])"
          r"((?=[A-Z0-9\-]*[0-9])(?=(?:[0-9\-]*[A-Z]){2})[A-Z0-9]{1,6}(?:-[A-Z0-9]{1,6}){2,5})"
          r"(?![A-Za-z0-9]|-[A-Za-z0-9])", 0.6, group=1, validator="segmented_code"),
        r("dashed_code", PhiType.ID, r"(?<![A-Za-z0-9\-])(?=(?:[A-Za-z\-]*[0-9]){5})"
          r"(?=[0-9\-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+(?![A-Za-z0-9])", 0.6,
          validator="not_code"),
        # 'units W0367 24 118449 0': a blood unit's donation number (ISBT 128: a facility
        # letter and four digits, the year in two, a six-digit serial, a check character)
        r("blood_unit_number", PhiType.ID, r"(?<![A-Za-z0-9])[A-Z][0-9]{4}[ \t][0-9]{2}[ \t]"
          r"[0-9]{6}(?:[ \t][0-9A-Z])?(?![A-Za-z0-9])", 0.85),
        r("long_number", PhiType.ID, _LD + r"[0-9]{7,}" + _RD, 0.7),
        # never a dental procedure code (CDT 'D0120')
        r("code_number", PhiType.ID, r"(?<![A-Za-z0-9\-])(?!D[0-9]{4}(?![A-Za-z0-9\-]))"
          r"(?=[A-Za-z0-9\-]*[0-9]{4})"
          r"(?=[A-Za-z0-9\-]*[A-Za-z])(?:[A-Z]{1,4}-){0,2}[A-Za-z]{1,4}-?[0-9]{4,}"
          r"[A-Za-z0-9\-]*(?![A-Za-z0-9])",
          0.6, validator="not_code"),
        # never a range of two three-digit values ('glucose 120-180')
        r("numeric_code", PhiType.ID, _LD + r"(?![0-9]{3}-[0-9]{3}(?![0-9\-]|[.\-][0-9]))"
          r"[0-9]{3,6}-[0-9]{3,8}(?:-[0-9A-Za-z]{1,6})*" + _RD,
          0.6, validator="not_code"),
        r("numeric_code_dashes", PhiType.ID, _LD + r"[0-9]{2,6}(?:-[0-9]{2,8}){2,}" + _RD, 0.6,
          validator="not_code"),
        r("date_instant", d, _L + r"[0-3]?[0-9](?i:st|nd|rd|th)\s+(?i:inst|ult|prox)\.?", 0.9),
    )


RULES: tuple[PatternRule, ...] = _rules() + rules_abroad.RULES
"""The built-in pattern rules (with those of `veil.text.rules_abroad`), compiled once by
`CompiledRules`."""


@dataclass(frozen=True)
class Candidate:
    """A rule match before validation: the span and the text the validator sees."""

    start: int
    end: int
    rule: PatternRule


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
NEEDS: dict[str, tuple[str, ...]] = {
    "date_day_mon_any": _MONTHS, "date_year_mon_day": _MONTHS, "date_at_time": ("@",),
    "date_mon_name_year": _MONTHS, "date_day_mon_year": _MONTHS, "date_compact_mon": _MONTHS,
    "date_mon_day": _MONTHS, "date_day_of_mon": _MONTHS, "date_day_mon": _MONTHS,
    "date_mon_year": _MONTHS, "date_month_alone": _MONTHS, "date_month_lower": _MONTHS,
    "date_month_abbrev_alone": ("jan", "feb", "apr", "jun", "jul", "aug", "sep", "oct", "nov",
                                "dec"),
    "date_weekday_day": _DAYS,
    "date_weekday": _DAYS, "date_weekday_numeric": _DAYS,
    "date_season_year": ("spring", "summer", "fall", "autumn", "winter"),
    "date_holiday": ("christmas", "new year", "thanksgiving", "easter", "halloween",
                     "independence", "memorial day", "labor day", "labour day", "valentine",
                     "veterans", "mother's", "father's", "mothers day", "fathers day",
                     "mother’s", "father’s", "of july"),
    "date_holiday_other": (
        "diwali", "deepavali", "chuseok", "hanuk", "hannuk", "chanuk", "passover", "purim",
        "sukkot", "rosh", "kippur", "juneteenth", "kwanzaa", "cinco", "mardi", "lunar new",
        "chinese new", "eid al", "eid ul", "eid el", "eid-", " eid", "nowruz", " holi ",
        " holi,", " holi.", "vesak",
        "songkran", "good friday", "ash wed", "palm sun", "boxing day", "patrick's",
        "patricks", "mlk", "luther king", "presidents", "president's", "columbus day",
        "peoples day", "peoples' day", "black friday", "cyber monday", "super bowl",
        "groundhog", "election day", "ides of", "ramadan", "anzac", "australia day",
        "canada day", "remembrance", "waitangi", "bastille", "victoria day", "bonfire",
        "guy fawkes", "hogmanay", "burns night", "nochebuena", "nochevieja", "reyes",
        "muertos", "de gracias", "tet", "seollal", "obon", "shvat", "shavuot", "simchat",
        "shavuos", "sukkos", "succos", "pesach", "simchas", "omer",
        "tisha", "fools", "weekend", "paques", "pâques", "jour de l", "saint-jean",
        "fete nationale", "fête nationale", "action de gr", "semana santa", "the fourth"),
    "date_iso_week": ("w",), "date_dob_compact": ("dob", "d.o.b", "birth", "born"),
    "date_stamp_short": ("d:", "t:"), "date_cell_timed": ("|",), "date_short_range": ("/",),
    "date_test_short": ("/",), "date_last_test": ("/",), "date_treatment_short": ("/",),
    "date_short_bare": ("/",), "date_year_month": ("/",), "date_year_month_dash": ("-",),
    "date_weekday_abbr": ("tue", "thu", "wed", "fri", "mon", "sat", "sun"),
    "age_words": (*NINETY_NEEDS, "hundred"),
    "age_decade": ("90s", "90's", "nineties"),
    "age_birthday": ("birthday",), "age_happy_ordinal": ("happy",),
    "age_praise_for": (" for ",), "age_label_words": ("age ",),
    "age_birthday_words": ("birthday",), "age_ocr": ("9o", "9l", "9i", "1o"),
    "age_ocr_unit": ("9o",),
    "age_group_word": ("nonagenarian", "centenarian"),
    "age_label": ("age", "edad", "alter", "idade"), "email": ("@",), "url": ("http", "ftp", "www."),
    "url_bare": (".com/", ".org/", ".net/", ".edu/", ".gov/", ".io/", ".info/", ".biz/",
                 ".us/", ".health/", ".care/"),
    "fax": ("fax", "facsim", "f:", "f."), "phone_intl": ("+",),
    "ssn_labelled": ("ssn", "ss#", "ss no", "soc"),
    "ssn_masked": ("xx", "**", "##", "••"),
    "phone_labelled": ("ph", "tel", "cell", "mob", "pager", "beeper", "contact", "handy",
                       "movil", "whatsapp"),
    "fax_labelled": ("fax", "facsim", "copieur"),
    "mrn": ("mrn", "mr#", "mr no", "medical record", "accession", "specimen", "fin", "csn",
            "har", "empi", "emr", "ehr", "hrn", "chart no", "health record"),
    "account": ("acct", "account", "billing", "claim", "invoice", "bank", "card", "routing",
                "iban", "checking", "savings", "payment", "financial", "guarantor"),
    "health_plan": ("member", "subscriber", "policy", "group", "plan", "beneficiary", "insur",
                    "medicare", "medicaid", "hicn", "mbi", "payer", "payor", "coverage",
                    "carrier", "nam", "ramq", "ohip", "phn", "nhs", "carte", "grp", "bic",
                    "recip", "cin"),
    "license": ("lic", "dea", "npi", "upin", "dl", "driver", "cert", "registration", "passport",
                "permit", "badge", "employee", "permis", "clia"),
    "plate": ("plate", "tag", "registration"), "vin_labelled": ("vin",),
    "udi_gs1": ("(01)",), "udi_hibcc": ("+",), "po_box": ("box",),
    "unit": ("apt", "apartment", "suite", "ste", "unit", "trlr"),
    "room_number": ("room", "rm", "bed", "cabin"),
    "lot_space": ("lot", "space", "spc", "sp.", "site", "trailer", "trlr"),
    "lot_in_at": (" lot", " space", " spc"),
    "zip_labelled": ("zip", "postal", "post code", "postcode", "digo postal"),
    "zip_labelled_abroad": ("plz", "cep"),
    "address_labelled": ("addr", "lives at", "resid"),
    "county": ("county", "parish", "borough", " co."),
    "general_delivery": ("delivery",),
    "address_field": ("addr", "resid", "domicil", "direcc", "adress", "ender", "indirizzo",
                      "anschrift", "wohnhaft", "morada", "home"),
    "masked_number": ("xxxx", "****", "••••"),
    "account_last4": ("end",),
    "device_lot_serial": ("serial", "s/n", "sn", "lot", "udi", "imei", "meid", "esn"),
    "street_number_last": ("calle", "avenida", "av.", "rua", "carrera", "camino", "paseo",
                           "via", "rue"),
    "username": ("user", "login", "log-in", "handle", "screen", "account", "sign"),
    "street_name_first": ("str", "weg", "gasse", "platz", "allee", "damm", "ufer", "laan",
                          "gade", "vej", "gatan", "vagen", "veien"),
    "date_day_month_dots": (".",), "age_range": ("age",),
    "ipv6": ("::",), "mac": (":", "-"),
    "email_spelled": ("(at)", "[at]", "{at}"), "email_spelled_spaced": (" dot ",),
    "rural_route": ("box",),
    "neighborhood": ("neighborhood", "neighbourhood", "subdivision", "projects",
                     "housing project", "trailer park", "mobile home park"),
    "street_highway": ("hwy", "highway", "road", "rd", "route", "rte", "trunk", "fm ", "cr "),
    "street_named": ("lives", "living", "resid", "house", "home", "apartment", "apt",
                     "located", "moved", "trailer", "farm", "ranch", "property"),
    "intersection": (" and ", "&"), "mrn_prefixed": ("mr",),
    "age_relative_is": (" is ", " was ", " turned ", " turns "),
    "age_died_at": ("died", "passed", "deceased", "death", "expired", "lived to", "living to",
                    "live to",
                    "alive", "a&w", "living at", "d."),
    "mile_marker": ("exit", "mile", "mm"),
    "highway_near_exit": ("exit", "mile marker", "milepost", "mile post"),
    "highway_segment": (" near ", " past ", "outside", " of "),
    "street_bare_name": (" on ",),
    "regional_named": ("regional ",),
    "federal_facility_in_town": ("va in", "va at", "ihs in", "ihs at", "i.h.s. in",
                                 "phs in"),
    "street_bare_number": (" at ",),
    "highway_state_code": tuple(f" {w} " for w in ("on", "off", "along", "via", "onto", "from",
                                                    "at", "near")),
    "highway_tribal": ("bia ",),
    "street_near": (" near ",),
    "street_unit": (" apt", " unit ", "suite", " ste ", " ste.", " lot ", "trlr", " spc"),
    "mrn_grouped": ("mrn", "hrn", "mr", "m.r.n", "med rec", "medrec", "medical record"),
    "ssn_last4": ("ssn", "social", "ss#", "last 4", "last four"),
    "case_number": ("case", "booking", "inmate", "docket", "incident", "citation", "warrant",
                    "so#", "so ", "file", "otn", "sid", "ppn", "order", "report"),
    "numbered_road": ("road", "rd", "ave"),
    "sign_off_initials": ("-", "—", "–"),
    "board_license": ("board", "provider"),
    "bar_number": ("vsb", "sbn", "bar"),
    "area_agency_numbered": ("aging", "aaa"),
    "school_district_isd": ("isd", "usd"),
    "reference_number": ("ref",),
    "ssn_last4_letter": ("last",),
    "device_transmitter": ("transmitter", "sensor", "receiver", "tx"),
    "name_before_phone_parens": ("(",),
    "acronym_department": ("h ", "c ", "h\t", "c\t"),
    "health_card_number": ("card", "carte", "maladie"),
    "name_quoted_after_role": ('"', "“", "'", "‘"),
    "plate_vehicle_label": ("vehicle", "car", "truck", "van", "motorcycle"),
    "plate_vehicle": ("car", "truck", "van", "vehicle", "suv", "sedan", "pickup", "motorcycle",
                      "jeep"),
    "license_credential": ("lic",),
    "account_check_digit": ("acct", "account", "guarantor"),
    "plan_spoken": ("my id", "my member id", "ins", "medicaid"),
    "street_foreign": ("rue", "calle", "avenida", "avda", "camino", "chemin", "via", "paseo",
                       "carrera", "rua", "strasse", "straße", "ruta", "carretera", "callej",
                       "cerrada", "privada", "boulevard", "bd", "boul.", "avenue",
                       "montée", "côte", "allée", "impasse", "promenade", "croissant",
                       "terrasse", "ruelle"),
    "date_part_month": ("early", "mid", "late", "end of", "beginning of"),
    "date_field_short": ("date of", "comparison", "compared", "prior", "dob", "dos", "dod",
                         "doi"),
    "zip_state_any_case": tuple("0123456789"),
    "access_code": ("code", "key", "pin", "token"),
    "url_short": ("bit.ly", "goo.gl", "gofund.me", "linktr.ee", "t.co/", "tinyurl", "rb.gy",
                  "ow.ly", "is.gd", "buff.ly", "forms.gle", "youtu.be", "wa.me", "m.me/",
                  "venmo.com", "cash.app", "paypal.me"),
    "plan_after_payer": ("ins", "coverage", "payer", "payor", "plan"),
    "road_pair": (" st ", " st.", " st,", " ave", " rd", " blvd", " ln ", " ln.", " ln,", " hwy",
                  " highway", " pkwy", " street", " avenue", " road", " drive", " lane", " route",
                  " rte ", " parkway", " pike", " trail", " trl", " dr ", " dr.", " dr,", " us ",
                  " us-", " sr ", " i-", " fm ", " cr "),
    "highway_direction": ("hwy", "highway", "route", "rte", " sr ", " sr-", " us ", " us-",
                          " fm ", " fm-", " cr ", " cr-"),
    "age_at_death": ("died", "passed", "death", "expired", "deceased"),
    "age_someone": ("someone", "somebody", "person", "anyone"),
    "dictation_initials": ("dictated", "transcribed", "not read", "d/t"),
    "town_city": ("city",), "ur_number": (" ur ", " ur:", " ur#", " urn", " ur no"),
    "health_card": ("hcn", "health card", "pension", "concession"),
    "regulator_registration": (" reg ", " reg.", " reg#", " reg:", "registration"),
    "age_at_pronoun": (" at 9", " at 10", " at 11"),
    "sex_age_comma": (", 9", ",9", ", 10", ", 11", ",10", ",11"),
    "company_suffix": (" inc.", " inc ", " inc,", ",inc", "llc", "l.l.c", " corp", ",corp", "ltd",
                       "l.p.", "llp", "l.l.p.",
                       "company", "logistics", "freight", "industries", "manufacturing",
                       "trucking", "construction", "enterprises", "holdings"),
    "acronym_ed": (" ed ", " ed,", " ed.", " ed)", " ed:", " er ", " er,", " er.", " er)",
                   " er:", "a&e"),
    "ward_japan": ("-ku", "-shi", "-cho", "-chō", "-machi", "-gun", "-mura", "-son"),
    "address_japan": ("-ku", "-shi", "-cho", "-chō", "-machi", "-gun", "-mura"),
    "house_number_label": ("h.no", "h. no", "h no", "house no", "flat no", "plot", "door no",
                           "qtr", "quarter no", "khasra", "ward no"),
    "age_adjective_abroad": ("hrig", "jarig"),
    "age_after_birth_year": ("188", "189", "190", "191", "192", "193"),
    "age_words_apposition": ("ninety", "hundred"),
    "age_words_at": ("ninety", "hundred"),
    "age_digits_self": ("herself", "himself"),
    "plate_registration": ("reg", "plate", "kennzeichen", "matr", "immatric", "placa", "targa",
                           "parking"),
    "license_after_credential": ("rn", "lpn", "lvn", "aprn", "crna", "cna", "rph", "emt",
                                 "lcsw", "lmft", "lpc", "asw", "msw", "licsw", "lmsw", "lcpc",
                                 "ladc", "cadc", "fd "),
    "name_after_self_role": ("i'm", "i am", "im ", "i’m", "this is"),
    "name_initials_subject": (".",), "name_initials_listed": (".",),
    "intersection_streets": (" and ", " & "), "hall_room": ("hall",),
    "building_unit": ("bldg", "building"), "fire_number": ("fire",), "id_bare_label": ("id",),
    "new_york_city_zip": ("new york",), "island_place": (" island", " isle", " key", " cay"),
    "nyc_school_number": ("p.s", "p. s", "i.s", "m.s", "j.h.s", "ps", "is ", "ms ", "jhs",
                          "hs "),
    "document_number": ("visa", "card", "code", "job", "i-94", "uscis", "interpreter",
                        "permit"),
    "locality_label": ("brgy", "barangay", "bairro", "colonia", "barrio", "quartier", "ortsteil",
                       "stadtteil", "municipio", "comuna", "corregimiento", "kelurahan",
                       "kecamatan", "col."),
    "date_month_the_nth": (" the ",), "date_nth_day_of": (" day of ",),
    "date_dayword_of_month": _MONTHS, "date_japanese": ("-gatsu", "-nen"),
    "national_id_abroad": ("philhealth", "nir", "carteirinha", "afiliado", "bangou", "kigou",
                           "secu", "karute"),
    "national_spaced": ("secu", "nir", "afiliado", "carteirinha", "cns", "sus", "insee", "ssn",
                        "aadha", "medicare", "ihi", "nhs", "chi"),
    "plan_payer_number": ("care", "caid", "cal", "champ", "chip", "aetna", "cigna", "humana",
                          "bcbs", "blue", "anthem", "uhc", "united", "kaiser", "molina",
                          "centene", "ambetter", "highmark", "oscar", "emblem", "healthfirst",
                          "fidelis", "masshealth", "ahcccs", "sooner", "badger", "tenn", "peach",
                          "husky", "denti"),
    "plan_program": ("medi", "chip", "tricare", "ahcccs", "husky", "health", "care", "kid",
                     "star", "champva", "ihs", "va "),
    "age_person_of": (" of ",),
    "age_label_phrase": ("age ",),
    "age_quoted": ('"', "“", "'", "‘"),
    "date_spaced_slashes": (" / ",), "date_spaced_slashes_any": (" /", "/ "),
    "date_day_may": (" may",), "date_day_may_year": (" may ",),
    "date_french_short_month": ("janv", "fevr", "fev", "avr", "juil"),
    "date_french_month": ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet",
                          "aout", "septembre", "octobre", "novembre", "decembre"),
    "date_month_range": ("-", "–", "/", " to ", " through ", " thru ", " until "),
    "date_hebrew": ("tishr", "heshvan", "kislev", "tevet", "teves", "shevat", "vat", "adar",
                    "nisan", "nissan", "iyar", "iyyar", "sivan", "tamuz", "tammuz", " av",
                    "elul"),
    "radio_call_sign": ("call", "radio", "operator"),
    "street_broadway": ("broadway",),
}
"""Rule name -> lower-case substrings one of which a text must hold for the rule to run
(a substring test in C is far cheaper than a regex scan that cannot match)."""
_IPV6_FULL = 7
FIRST_CHARS: dict[str, str] = {
    "age_relative_is": "mhotyMHOTY",
    "date_numeric": "0-9", "date_compact_mon": "0-9", "date_day_mon": "0-9",
    "date_mon_year": "ADFJMNOSadfjmnos", "date_weekday_day": "FMSTWfmstw",
    "date_weekday": "FMSTW", "date_weekday_numeric": "FMSTWfmstw",
    "date_season_year": "AFSWaeflmsw", "date_holiday": "4CEFHILMNTVcefhilmntv",
    "date_holiday_other": "ABCDEFGHIJKLMNOPRSTVWYabcdefghijklmnoprstvwy", "age_words": "AHNOahno",
    "age_turned": "ADFGHIJMPSTWYadfghijmpstwy", "age_sex": "\\t (19:ACHIPTachipt",
    "url": "FHWfhw", "ipv4": "0-9", "ipv6": "0-9A-Fa-f", "phone_us": "(+1-9",
    "phone_us_spaced": "(2-9",
    "intersection": "ACINacin", "zip_state_any_case": "0-9", "numeric_code": "0-9",
    "date_ocr": "0-9OlI", "street": "0-9NSEWOlI", "street_grid": "0-9NSEW",
    "street_foreign": "0-9NSEW", "street_lower": "0-9", "street_lower_abbrev": "0-9",
    "ssn_last4": "LSls",
    "sex_age_slash": "MF", "age_sex_slash": "19", "date_year_month": "12",
    "sex_age_comma": "MFWfmw", "age_at_pronoun": "Aa", "acronym_ed": "A-Z",
    "company_suffix": "A-Z", "ward_japan": "A-Z", "address_japan": "0-9",
    "phone_india_mobile": "(MmPpTtCcWw", "ur_number": "U", "street_direction_bare": "0-9",
    "street_unit_slash": "0-9", "road_pair": "A-Z", "highway_direction": "HRSUFC",
    "regulator_registration": "A-Z",
    "house_number_label": "HFPDQKW",
    "mile_marker": "EMem", "unit": "ASTUastu", "phone_intl": "+",
    "street_unit": "0-9", "highway_near_exit": "IUHRS", "highway_segment": "IUHRSBWNMKATOGCFV",
    "street_bare_name": "lLoOhHaAsSmM", "street_bare_number": "lLhHaArR",
    "highway_state_code": "a-zA-Z", "highway_tribal": "B", "street_near": "ao",
    "road_after_prep": "adfnoptv",
}
"""Rule name -> every character a match of the rule can start with (a regex class body). A
look-ahead for them lets the regex engine skip every other position at once: the same
matches (tests/text/test_rules_fresh.py checks), a third less time for these rules. Rules
whose pattern starts with a literal character need none (the engine skips by itself)."""
FIRST_CHARS.update({
    "date_numeric_range": "0-9", "date_romance": "0-9", "date_spaced_slashes": "0-9",
    "date_month_range": "ADFJMNOSadfjmnos", "date_spoken": "ADFJMNOSadfjmnos",
    "street_lower_abbrev": "0-9",
})
FIRST_CHARS.update({
    "street_after_place_word": "oOfFaAnNbBpPcCeEdDlLsS@", "hundred_block": "1-9",
    "badge_number": "SsBbOPDT", "town_police_initials": "A-Z",
    "police_district": "0-9DP", "street_strong_suffix": "A-Z0-9", "school_short_rare": "A-Z",
    "school_named": "A-Z",
    "age_at_apposition": ",",
    "interstate_travel": "weEnNsSWoavmlrcuI",
    "street_name_first": "A-Z",
    "labelled_reference": "sSmMwWtTaApPrRiIcCoOnNlLfFhH", "mbi": "1-9", "ramq_number": "A-Z",
    "date_day_mon_any": "0-9",
    "date_year_mon_day": "12", "date_at_time": "@", "date_day_month_dots": "vVbBaAdDsSlLeE",
    "age_range": "aA", "phone_labelled": "pPtTcCmMhHbBwW", "fax_labelled": "fFtT",
    "ssn_masked": "xX*#•", "general_delivery": "gG", "employer_tax_number": "0-9",
    "username": "uUlLhHsSaA",
    "spaced_digits": "0-9A-Z", "postcode_au": "NVQSWTA", "street_letter": "0-9NSEW",
    "street_number_last": "ACRPV",
    "age_after_birth_year": "0-9JFMASONDjfmasondBbDdGgNn",
    "date_foreign_month_year": "EFMAJSONDGLefmajsondgl",
    "date_spaced": "0-3", "date_context_day_month": "1-3", "date_dayword_of_month": "fFsStTeEnN",
    "date_month_the_nth": "jJfFmMaAsSoOnNdD", "age_words_apposition": "pPmMdDgGhHwWlLrRaAuU",
    "locality_label": "BbCcQqOoSsMmKkLlTtVv", "town_city": "A-Z",
    "date_the_day": "oOsSuUtTbBfFaAmMwWyY",
    "registry_license": "cChHmMgGaAnNbBwWpPrRlLkKfFdDsSiI",
})
FIRST_CHARS["date_context_short"] = "".join(sorted(
    {w[0] for w in _CONTEXT_WORD_LIST} | {w[0].upper() for w in _CONTEXT_WORD_LIST}))
FIRST_CHARS["date_month_word"] = "(nlsuteEdhamM&NLSUTDHA"
FIRST_CHARS["date_event_day_month"] = "".join(sorted(
    {w[0] for w in _DM_CONTEXT_LIST} | {w[0].upper() for w in _DM_CONTEXT_LIST}))
FIRST_CHARS["date_procedure_short"] = "dDeEoOpPrR"
FIRST_CHARS["date_the_day_event"] = "abcdefimprsvABCDEFIMPRSV"
FIRST_CHARS["name_initials_age"] = "A-Z"
FIRST_CHARS["caps_label_number"] = "A-Z"
# gates of their own (regexes over the lower-case text): cheaper than the rule's scan
GATES: dict[str, re.Pattern[str]] = {
    "rural_route_on": re.compile(r"(?:on|off|along|near|past) (?:rr|r\.r\.|rural route)"),
    "date_the_day_event": re.compile(r"the\s+[0-3]?[0-9](?:st|nd|rd|th)\b"),
    "name_dotted_initials": re.compile(r"[a-z]\. ?[a-z]\."),
    "name_initials_age": re.compile(r"[a-z]\. ?[a-z](?:-[a-z])?\."),
    "date_month_lower": re.compile(r"\b(?:in|since|until|till|by|last|next|early|late|mid-?|"
                                   r"this|of)[ \t]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
                                   r"oct|nov|dec)"),
    "date_num_mon_year_range": re.compile(r"/(?:19|20)[0-9]{2} ?[\-–]"),
    "court_case": re.compile(r"[0-9]{2} ?-? ?[a-z]{1,4} ?-? ?[0-9]{3}"),
    "court_case_year": re.compile(r"(?:19|20)[0-9]{2}[ \-]?[a-z]{2,4}[ \-]?[0-9]{4}"),
}
NEEDS["declared_number"] = ("number", "no.", "#", "id")
NEEDS["run_number"] = ("run",)
NEEDS["flight_number"] = ("flight", "flt")
NEEDS["worker_code"] = ("emp", "crew", "badge", "kit", "staff")
NEEDS["chat_speaker"] = (":",)
NEEDS["house_of"] = ("house of",)
NEEDS["french_hyphen_place"] = ("-",)
NEEDS["pin_code"] = ("pin",)
NEEDS["login_after_role"] = ("registrar", "scribe", "clerk", "by", "user", "operator",
                             "transcri", "author", "reviewer")
NEEDS["asset_tag"] = ("kit", "cuff", "cart", "camera", "station", "asset", "loaner", "ipad",
                      "laptop", "gateway", "equipment", "tag")
NEEDS["number_on_thing"] = (" on ",)
NEEDS["modal_given_name"] = ("will ", "may ")
NEEDS["name_my_relation"] = (", my ", ", our ")
NEEDS["numbered_clinic"] = ("clinic",)
NEEDS["hyphen_given_name"] = ("-",)
NEEDS["org_of_region"] = (" of ",)
NEEDS["vessel_name"] = ("vessel", "ship", "tanker", "freighter", "trawler", "tug", "barge",
                        "reefer", "ro-ro", "carrier", "m/v", "m/t", "f/v", "s/s", "mv ", "osv")
NEEDS["storage_position"] = ("tank", "dewar", "canister", "cane", "goblet")
NEEDS["segmented_code"] = ("embryo", "straw", "cane", "label", "vial", "specimen", "donor",
                           "tank", "stored", "storage", "location", "position", "box", "id",
                           "|")
NEEDS["name_chosen"] = (" by ", " name")
NEEDS["name_chosen_quoted"] = ("name", "called", "goes by")
NEEDS["name_after_sport_role"] = ("trainer", "coach", "teammate", "atc")
NEEDS["name_after_role_commas"] = (", ",)
NEEDS["initials_by"] = (" by",)
NEEDS["initials_of_person"] = (".)",)
NEEDS["initials_in_subject"] = ("subject", "re:", "fw:", "fwd:")
NEEDS["lower_name_in_role"] = ("(",)
NEEDS["lower_name_relation"] = ("(",)
NEEDS["staff_tag"] = ("[",)
NEEDS["lower_name_list_item"] = ("1.", "2.", "3.", "4.", "5.", "1)", "2)", "3)")
NEEDS["lower_name_credential"] = (" by",)
NEEDS["saint_full_name"] = ("st", "saint")
NEEDS["street_compass_name"] = ("on ", "off ", "along ", "near ")
NEEDS["date_dotted_year_first"] = (". ",)
NEEDS["residence_room"] = ("hall", "house", "tower", "flats", "commons", "quad")
NEEDS["camp_block_address"] = (", ",)
NEEDS["name_intro_age"] = ("i'm", "i’m", "i am", "name is", "this is")
NEEDS["interpreter_number"] = ("#",)
NEEDS["interpreter_number_later"] = ("interp", "translator")
NEEDS["aircraft_tail"] = ("tail",)
NEEDS["age_event_at"] = (" at ",)
NEEDS["age_at_words"] = ("at ",)
NEEDS["credential_number"] = ("ardms", "rdms", "rvt", "rdcs", "nremt", "nrp", "ccrn", "aprn",
                              "crna", "cnm", "cns", "rrt", "crt", "lcsw", "lmsw", "lpc", "lmft",
                              "nabp", "b-r", "bar", "commission", "notary", "registry", "cert")
NEEDS["alien_number"] = ("a#", "a-number", "a number", "alien", "uscis")
NEEDS["donor_number"] = ("donor",)
NEEDS["deed_book_page"] = ("book",)
NEEDS["vessel"] = ("cruise", "ship", "vessel", "aboard", "embark", "voyage", "sailing", "boat",
                   "cabin", "port of call", "f/v", "fishing", "crew")
NEEDS["name_goes_by"] = ('"', "“", "'", "‘")
NEEDS["phone_extension"] = ("ext",)
NEEDS["county_ireland"] = ("co.", "county")
NEEDS["county_abbrev"] = (" co",)
NEEDS["holler"] = ("fork", "creek", "branch", "hollow", "holler", "lick", "run", "gap", "cove",
                   "bottom", "knob")
NEEDS["road_milepost"] = ("mp", "mm", "mile")
NEEDS["state_route"] = ("-",)
NEEDS["state_route_prep"] = ("-",)
NEEDS["route_near"] = ("rt", "route", "hwy", "highway")
NEEDS["name_initials_pair"] = ("/",)
NEEDS["age_words_set_off"] = (*NINETY_NEEDS, "hundred")
NEEDS["age_ninety_compound"] = NINETY_NEEDS
NEEDS["date_spanish_range"] = (" al ",)
GATES["street_direction_name"] = re.compile(r"[0-9] +(?:n|s|e|w|ne|nw|se|sw)\.? +[a-z]{3}")
GATES["eircode"] = re.compile(r"(?<![a-z0-9])(?:[ac-fhknprtv-y][0-9]{2}|d6w) ?[0-9ac-fhknprtv-y]{4}"
                              r"(?![a-z0-9])")
NEEDS["registration_number"] = ("mcrn", "imc", "msp", "aacp", "gmc", "nmc", "ahpra", "cpso",
                                "cpsbc")
NEEDS["short_labelled_number"] = ("#", "no")
GATES["item_labelled_code"] = re.compile(
    r"\b(?:locker|cubby|envelope|property|belongings|valuables|airbill|waybill|shipment|parcel|"
    r"package|box|kit|voucher|receipt|ticket|placard|wristband|tag)\b[ #:]*(?:no\.?|number|"
    r"id)?[ #:]*[a-z]{0,4}-?[0-9]|\b(?:run|trip|incident|job|batch|record|permit|pass)[ ]*"
    r"(?:#|no\b|number|id\b|\))|redcap")
NEEDS["subject_code"] = ("subj", "participant", "screening", "randomi")
NEEDS["subject_number"] = ("subj",)
NEEDS["age_at_clause_start"] = ("at ",)
NEEDS["age_words_after_at"] = (*NINETY_NEEDS, "hundred")
NEEDS["union_local"] = ("local",)
NEEDS["gps_coordinates"] = (".",)
NEEDS["gps_labelled"] = ("gps", "coord", "lat")
NEEDS["image_file_name"] = (".jp", ".png", ".hei", ".tif", ".bmp", ".gif", ".dcm", ".webp")
NEEDS["student_alien_number"] = ("osis", "number", "alien")
NEEDS["labelled_number_more"] = ("#", "no", "number", "id")
NEEDS["chart_number"] = ("chart",)
GATES["interstate_travel"] = re.compile(r"i-?[ ]?[0-9]")
NEEDS["hundred_block"] = ("block", "blk")
NEEDS["school_named"] = ("high", "middle", "elementary", "primary", "intermediate")
NEEDS["school_high_short"] = ("high", "hs")
NEEDS["age_at_apposition"] = (", at ",)
NEEDS["age_roughly"] = ("something", "ish")
NEEDS["age_words_alternatives"] = NINETY_NEEDS
NEEDS["school_short_rare"] = ("high", "middle")
NEEDS["street_strong_suffix"] = ("ave", "blvd", "rd", "hwy", "pkwy", "fwy", "expy", "tpke")
NEEDS["badge_number"] = ("star", "badge", "shield")
NEEDS["organ_donor_id"] = ("unos", "optn", "donornet", "offer", "donor")
NEEDS["ems_unit"] = ("unit",)
NEEDS["town_police_initials"] = ("pd", "fd", "p.d.", "f.d.")
NEEDS["police_district"] = ("district", "precinct", "pd")
NEEDS["officer_badge"] = ("officer", "ofc", "p.o.", "sgt", "det", "deputy", "trooper", "cpl",
                          "sergeant", "corporal")
NEEDS["ssn_last4_label"] = ("last4", "last 4", "last-4", "last four")
NEEDS["password_parens"] = ("password", "passcode", "pin")
NEEDS["cdl_number"] = ("cdl", "licen")
NEEDS["age_after_age_word"] = ("age",)
NEEDS["firm_and_sons"] = ("& son", "&son")
NEEDS["age_possessive_ordinal"] = ("9", "10", "11")
NEEDS["city_province"] = (" qc", " on", " bc", " ab", " mb", " ns", " nb", " nl", " pe", " sk",
                          " yt", " nt", " nu")
NEEDS["age_after_birth_date"] = ("dob", "d.o.b", "born")
NEEDS["date_day_mon_hyphen"] = ("-jan", "-feb", "-mar", "-apr", "-may", "-jun", "-jul", "-aug",
                               "-sep", "-oct", "-nov", "-dec")
NEEDS["date_the_nth_closing"] = ("st", "nd", "rd", "th")
NEEDS["city_short_name"] = ("nyc", "n.y.c", "bronx", "dublin")
NEEDS["password"] = ("password", "passcode", "pass", "code word", "safe word", "secret word")
NEEDS["ups_tracking"] = ("1z",)
NEEDS["numero_sign"] = ("n°", "nº", "no°", "noº", "no.°")
GATES["date_ocr_short"] = re.compile(r"[0-9lio]/[0-9lio]|[0-9]/[li]")
GATES["street_named_line"] = re.compile(r"(?:road|rd|street|avenue|ave|lane|ln|boulevard|blvd|"
                                   r"drive|highway|hwy|parkway|pkwy|terrace|crescent|strasse|straße|"
                                   r"gata|gate|vej|weg)\.?[ \t]*(?:,|\n|$)")
NEEDS["dicom_uid"] = (".",)
GATES["dicom_uid"] = re.compile(r"[0-9]\.[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+\.[0-9]")
NEEDS["aircraft_after_flight"] = ("flight", "med", "evac", "care", "helicopter", "aircraft",
                                  "airlift", "rotor", "wing", "air", "jet", "plane", "lear",
                                  "cessna", "piper", "beaver", "otter", "caravan", "navajo",
                                  "citation", "pilatus", "beech", "cherokee", "bonanza",
                                  "skyhawk", "cub")
NEEDS["imei"] = ("imei",)
NEEDS["pager_number"] = ("pgr", "pager", "beeper", "bleep", "vocera")
NEEDS["date_month_abbrev"] = ("feb", "aug", "sep", "oct", "nov", "dec", "jan", "apr", "jun",
                              "jul", "mar")
NEEDS["url_host"] = (".com", ".org", ".net", ".edu", ".gov", ".health", ".care", ".info",
                    ".io", ".co.", ".com.", ".org.", ".net.", ".gov.", ".ac.", ".nhs.", ".edu.")
GATES["date_dotted_short"] = re.compile(r"[0-9]\.[0-9]{1,2}\.(?![0-9])")
GATES["card_ending"] = re.compile(r"\b(?:ending|ends in|last (?:4|four))\b[^0-9]{0,8}[0-9]{4}")
NEEDS["entry_code"] = ("code",)
NEEDS["request_key"] = ("key",)
GATES["police_department"] = re.compile(r"[a-z](?:pd|fd)\b|fdny")
GATES["phone_au_grouped"] = re.compile(r"(?<![0-9])0[2-478][0-9]{0,2} [0-9]{3,4} [0-9]{3,4}")
GATES["home_number"] = re.compile(r"(?:trailer|lot|space|unit|apartment|apt|room|rm|cabin|site"
                                  r"|#) ?#? ?[0-9]")
NEEDS["age_a_hundred"] = ("hundred",)
NEEDS["date_procedure_short"] = ("ectomy", "plasty", "otomy", "ostomy", "oscopy", "ogram",
                                 "ography", "pexy", "desis", "rrhaphy")
FIRST_CHARS["date_event_short"] = "".join(sorted({w[0] for w in _EVENT_WORD_LIST}
                                                  | {w[0].upper() for w in _EVENT_WORD_LIST}))
NEEDS.update(rules_abroad.NEEDS)
FIRST_CHARS.update(rules_abroad.FIRST_CHARS)



def with_lead(pattern: str) -> str:
    """The pattern behind a look-ahead for the first letters of its leading keywords.

    A rule that starts with a case-insensitive keyword alternation, '(?i:\\b(?:on|since|...)',
    is tried at every position; a leading '(?=[OoSs...])' lets the regex engine skip
    every position that cannot start a keyword (2-3x faster, same matches). Patterns of
    any other shape are returned unchanged.
    """
    prefix = "(?i:\\b(?:"
    if not pattern.startswith(prefix):
        return pattern
    alternatives = [""]
    depth, i = 0, len(prefix)
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            alternatives[-1] += pattern[i:i + 2]
            i += 2
            continue
        if char == ")":
            if depth == 0:
                break
            depth -= 1
        elif char == "(":
            depth += 1
        elif char == "|" and depth == 0:
            alternatives.append("")
            i += 1
            continue
        alternatives[-1] += char
        i += 1
    # the keyword group must be the only way into the (?i: group: no '|' after it at its level
    depth, i = 0, i + 1
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                break
            depth -= 1
        elif char == "[":
            close = pattern.find("]", i + 2)
            i = close + 1 if close > 0 else i + 1
            continue
        elif char == "|" and depth == 0:
            return pattern
        i += 1
    letters: set[str] = set()
    for alternative in alternatives:
        if not alternative or not alternative[0].isalpha():
            return pattern
        letters |= {alternative[0].lower(), alternative[0].upper()}
    return "(?=[" + "".join(sorted(letters)) + "])" + pattern


def lead_pattern(rule: PatternRule) -> str:
    """The rule's pattern behind the look-ahead for its first characters (`FIRST_CHARS`, or
    `with_lead` for a leading keyword alternation)."""
    first = FIRST_CHARS.get(rule.name)
    return f"(?=[{first}])" + rule.pattern if first else with_lead(rule.pattern)


_BLANKS = str.maketrans("\n\t\r", "   ")
_GATE_SIZE = 16


def _needs_gate(needs: tuple[str, ...] | re.Pattern[str] | None
                ) -> tuple[str, ...] | FastRegex | None:
    """How a rule's needed words are looked up: by `in`, or, for many words that each start
    a word (' vive', ' el '), by one regex led by the space (the regex engine then skips
    to each space; measured 5-7x faster than 30-50 `in` scans); a rule may also give its
    own gate regex (searched in the lower-case text, led by its first characters)."""
    if isinstance(needs, re.Pattern):
        return FastRegex(needs.pattern, needs.flags)
    if needs is None or len(needs) <= _GATE_SIZE or not all(n[:1] == " " for n in needs):
        return needs
    words = sorted({n[1:] for n in needs}, key=len, reverse=True)
    return FastRegex(" (?:" + "|".join(re.escape(w) for w in words) + ")")


class CompiledRules:
    """The rules compiled once; `scan(text)` yields every match of every rule."""

    def __init__(self, rules: tuple[PatternRule, ...] = RULES) -> None:
        self.rules = rules
        # each rule led by a class of its first characters where that can be worked out
        # (veil.text.regex_lead: about a quarter less scan time), else by `lead_pattern`
        self._compiled: list[tuple[PatternRule, LedRegex | re.Pattern[str],
                                   tuple[str, ...] | FastRegex | None]] = []
        # a word-led rule is tried only at the word starts its first letters can begin
        # (veil.text.word_lead: about a quarter less scan time again, same matches)
        self._word_led: dict[int, re.Pattern[str]] = {}
        keys_by_rule: dict[int, frozenset[str]] = {}
        for number, rule in enumerate(rules):
            led = compile_led(rule.pattern, rule.flags)
            plain = rule.pattern if led else lead_pattern(rule)
            self._compiled.append((rule, led or re.compile(plain, rule.flags),
                                   _needs_gate(GATES.get(rule.name) or NEEDS.get(rule.name))))
            keys = word_keys(plain, rule.flags)
            if keys is not None:
                keys_by_rule[number] = keys
                self._word_led[number] = re.compile(plain, rule.flags)
        self._words = WordIndex(keys_by_rule)

    def scan(self, text: str) -> Iterator[Candidate]:
        # the needed words are looked up in lower case, with line breaks and tabs read as
        # spaces and a space around the text, so that ' el ' also finds a line's first word
        low = " " + text.lower().translate(_BLANKS) + " "
        word_starts: dict[int, list[int]] | None = None
        for number, (rule, regex, needs) in enumerate(self._compiled):
            if isinstance(needs, FastRegex):
                if needs.search(low) is None:
                    continue
            elif needs is not None:
                for need in needs:  # a plain loop: no generator per rule and text
                    if need in low:
                        break
                else:
                    if not (rule.name == "ipv6" and low.count(":") >= _IPV6_FULL):
                        continue
            plain = self._word_led.get(number)
            if plain is not None:
                if word_starts is None:
                    word_starts = self._words.positions(text)
                spans: Iterable[tuple[int, int]] = _matches_at(
                    plain, text, word_starts.get(number, ()), rule.group)
            elif isinstance(regex, LedRegex):
                spans = regex.spans(text, rule.group)
            else:
                spans = (match.span(rule.group) for match in regex.finditer(text))
            for start, end in spans:
                if end > start:
                    yield Candidate(start, end, rule)


def _matches_at(regex: re.Pattern[str], text: str, starts: Iterable[int], group: int
                ) -> Iterator[tuple[int, int]]:
    """`group`'s span of each match of `regex` at one of `starts` (ascending), without the
    ones that start inside an earlier match: what `finditer` gives when every match starts
    at one of `starts`."""
    last_end = -1
    for start in starts:
        if start < last_end:
            continue
        match = regex.match(text, start)
        if match is None:
            continue
        last_end = max(match.end(), start + 1)
        yield match.span(group)


Validator = Callable[[list[str]], list[bool]]
