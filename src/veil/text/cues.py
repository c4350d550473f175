"""Strong cues that mark an entity in any case, for text written without capitals.

Questions and chat ('pt okafor in bed 12', 'mrs ng's INR', 'attention brenda', 'hi i'm
siobhan ni bhriain', 'my phone is four oh four, five five five...') carry no capital
letters to say where a name starts; what marks it is a cue that rarely precedes anything
else. Each cue below admits a filler only on evidence that does not depend on case:

- **title** ('dr', 'mrs', 'mr', 'ms', 'attn', 'attention') then a word that is a dictionary
  name or rare in English (Zipf frequency below 3.5: 'okafor', 'faleafa'); 'dr love' and
  'dr young' are names, 'dr office' and 'ms symptoms' are not;
- **patient** ('pt', 'patient', 'pt.') then a word that is rare in English, no clinical word
  and no shorthand ('pt xiong', not 'pt refused' or 'pt c/o');
- **introduction** ('my name is', 'hi i'm', 'hello this is') then one to three words up to a
  function word or punctuation: after 'my name is' any words; after a greeting a dictionary
  name or a rare word first;
- **spoken digits**: seven or more digit words in a row ('four oh four, five five five, one
  two one two') are a phone number;
- **personal web page**: a site under a blog or page host ('jenfightsflares.wordpress.com').

Spans carry the sources `cue_title`, `cue_patient`, `cue_intro`, `cue_spoken_phone` and
`cue_page`. Nothing here logs text.
"""

from __future__ import annotations

import re
from itertools import pairwise

from veil.detect.vocab import STATES
from veil.text import words
from veil.text.lexicon import (
    FUNCTION_WORDS,
    LANGUAGES,
    MONTH_WORDS,
    PEOPLES_AND_FAITHS,
    Lexicon,
    clinical_acronym,
    fold,
)
from veil.text.names.tokens import _ASIAN_SURNAMES as _ASIAN_SHORT
from veil.text.names.tokens import _CREDENTIALS
from veil.text.places.vocabulary import _GENERIC, _SERVICE_END, _SERVICES, _eponym_after
from veil.text.regex_lead import fast_compile
from veil.text.rules import NINETY
from veil.text.spans import PhiType, Span
from veil.text.validate import person_initials, phone_national_ok

__all__ = ["CueFinder"]

_W = r"[^\W\d_](?:[^\W\d_]|['’](?![sS](?![^\W\d_]))(?=[^\W\d_])|-(?=[^\W\d_]))*"
"""One word: letters, inner hyphens and apostrophes (any script); a possessive 's ends it."""
_TITLE = re.compile(r"(?=[DdMmAa])(?<![A-Za-z])(?i:dr|doctor|mrs|mr|ms|mx|attn|attention)"
                    r"(?:\.|:)?[ \t]+("
                    + _W + r")(?:[ \t]+(" + _W + r"))?")
_PATIENT = fast_compile(r"(?=[Pp])(?<![A-Za-z])(?:pt|Pt|pts|Pts|(?i:patient))\.?[ \t]+(" + _W
                      + r")(?![/'’])")
"""'PT' in capitals is physical therapy ('PT eval'), not the patient."""
_NATIONAL_NUMBER = fast_compile(
    r"(?<![0-9A-Za-z+.,/\-])(\(0[0-9]{1,4}\)[ \-]?[0-9]{2,4}(?:[ \-][0-9]{2,4}){1,2}|"
    r"0[0-9]{1,4}(?:[ \-][0-9]{2,4}){2,4})(?![0-9]|[.,/\-][0-9]|[ \-][0-9])"
    r"(?!\s*(?i:mg|mcg|ml|units?|u|iu|mmol|meq|%|mm|cm|kg|hours?|hrs?|days?|weeks?)\b)")
"""'06 12 34 56 78', '(03) 9555 0127', '0412 555 019', '020 7946 0958': a number in a national
layout with its trunk 0, in groups."""
_NATIONAL_LAYOUT = re.compile(r"0[1-9][0-9]{2,3} [0-9]{3} [0-9]{3,4}")
"""'0113 206 4417', '0484 255 1234': a trunk 0 and an area code of three or four digits, then
groups of three and three or four -- a phone number's layout no dose or code shares, enough
without a contact word once phonenumbers validates it."""
_PHONE_CONTEXT = re.compile(
    r"(?i:\b(?:call(?:ed|ing)?|phone[ds]?|ph|tel|t[ée]l|telefon|mobile|mob|cell|ring|rang|"
    r"contact(?:ed)?|reach(?:ed)?|informed|notified|text(?:ed)?|sms|whatsapp|number|handy|"
    r"portable|m[óo]vil|celular|fille|fils|son|daughter|wife|husband|nok|kin|on|at|home|work|"
    r"office|landline|secr[ée]tariat|t[ée]l[ée]copie|fax|emergency|mum|mom|dad|secretary|"
    r"switchboard|helpline|hotline|opd|line|reception|enquiries|inquiries|bleep|pager|"
    r"appointments?|direct|dial|desk|clinic|ward|unit|mother|father|sister|brother|partner|"
    r"friend|neighbou?r|carer|caregiver)\b"
    r"[^\n0-9]{0,24}$|\($)")
"""A contact word shortly before such a number: without one, grouped digits with a leading 0
are as often doses, codes or counts ('NDC 0088-2220-33', '02 04 06 09 12 units')."""
_HANDLE = fast_compile(r"(?<![\w.@])@[A-Za-z_][A-Za-z0-9_.]{2,29}[A-Za-z0-9_]")
_HANDLE_CONTEXT = re.compile(
    r"(?:\b(?:ig|IG(?=[ \t]+(?i:handle|account|is|@))|(?i:insta|instagram|twitter|tiktok|"
    r"grindr|tinder|hinge|bumble|whatsapp|linkedin|youtube|twitch|onlyfans|venmo|cashapp|"
    r"snap(?:chat)?|handle|facebook|fb|threads|reddit|discord|telegram|bluesky|mastodon|"
    r"account|username|user[ \t]?name))\b"
    r"[^\n@]{0,20}$)")
"""'IG handle @jojo.whitlock.art': a social-media handle after the network's name ('IG'
alone is immunoglobulin: 'Tetanus IG given @1430'), or after the account it names ('posted
on his account @northwoods_dyl', '(username @kay.b)'); an English word after '@' is a time
('@bedtime', '@risk')."""
_MAR_INITIALS = re.compile(r"(?m)(?<=[0-9]{4})[ \t]{2,}([A-Z]{2,3})(?:/([A-Z]{2,3}))?[ \t]*$")
"""Initials closing a row after a time in a medication-administration table ('0945  1330
KT/MG': who gave and who checked)."""
_NOT_INITIALS = frozenset({"IV", "IVP", "IVPB", "PO", "IM", "SC", "SQ", "SL", "PR", "PRN", "NG",
                           "GT", "ID", "TD", "INH", "NEB", "TOP", "OD", "OS", "OU", "AD", "AU",
                           "NPO", "BID", "TID", "QID", "QD", "HS", "AM", "PM", "STAT", "NS",
                           "LR", "DW", "ML", "HR", "BP", "RR", "OK", "NA", "ND", "NR",
                           "GIV", "HLD", "REF", "MAR", "PCA", "ECG", "EKG"})
"""Routes, frequencies and table words that close such rows too ('0900  PO')."""
_SIGN_OFF_INITIALS = re.compile(
    r"(?m)(?:(?<=[.!?)\]][ \t])|(?<=[.!?)\]][ \t]{2})|(?:--|—|–)[ \t]*|^[ \t]*)"
    r"((?:[A-Z]\.[ \t]?){2,3}|[A-Z]{2,3}(?![A-Za-z0-9.]))[ \t]*$")
"""Initials closing a line after a sentence, a dash or alone ('Review Fri. G.H.', '-- NE')."""
_INITIALS_LABEL = re.compile(r"(?i:\binitials\b[^:\n]{0,40}|\binits?\b\.?[ \t]*):[ \t]*")
_INITIALS_ITEM = re.compile(r"((?:[A-Z]\.){1,3}(?:[A-Z](?![.A-Za-z0-9]))?|[A-Z]{2,3}[0-9]?)"
                            r"(?![A-Za-z0-9])")
_LIST_GAP = re.compile(r"\.?[ \t]*[,/&][ \t]*|[ \t]+")
"""Between the items of a list of initials ('R.T., JB, M.A.S.', 'HZJ / MJC')."""
_TIME_BY_INITIALS = re.compile(r"(?:[0-9]{1,2}:[0-9]{2}|(?<![0-9])[0-9]{4})(?:[ \t]*[AaPp]\.?"
                               r"[Mm]\.?)?[ \t]+by[ \t]+([A-Za-z]{2,3})(?![A-Za-z0-9])"
                               r"(?![ \t]+[a-z])")
"""Initials after a clock time and 'by' ('Received 15:58 by jmb', 'at 11:48 by JW')."""
_NOT_BY = frozenset({"ME", "PT", "EMS", "RN", "MD", "DR", "HIM", "HER", "US", "YOU", "SW",
                     "CM", "NP", "PA", "OT", "SLP", "TEL", "FAX", "CAR", "BUS", "CAB", "AIR",
                     "MOM", "DAD", "SON", "SIS", "VIA", "THE", "ONE", "TWO", "LAB", "ED", "ER",
                     "ALL", "NOW", "FAR", "DAY", "AND", "LMP", "CT", "MRI", "EKG", "ECG"})
_ABBREVIATIONS = frozenset({
    "DM", "NKA", "NKDA", "OE", "NAD", "HTN", "AF", "RS", "CVS", "GI", "GU", "CNS", "PR", "PV",
    "BD", "TDS", "QDS", "OD", "ON", "NBM", "NFA", "TTO", "UE", "FBC", "LFT", "LFTS", "CRP",
    "CXR", "SOB", "HPC", "PC", "DH", "SH", "FH", "MSE", "GIT", "CN", "ESR", "ABG", "BM",
    "SLT", "SALT", "MDT", "TVN", "DN", "HCA", "SN", "SPR", "ANP", "ACP", "RMO", "RRT", "IR",
    "REG", "SHO", "FY", "GP", "AE", "AMU", "SAU", "CDU", "HDU", "ITU", "ICU", "NAS", "NOS",
    "WNL", "NIL", "PRN", "STAT", "OT", "PT", "SW", "RN", "MD", "NP", "PA", "CNA", "MA", "HH",
    "IV", "PO", "IM", "SC", "SL", "NG", "PEG", "TPN", "IVF", "UA", "UC", "CBC", "BMP", "CMP",
})
"""Clinical abbreviations that close a line or follow a clock time as initials would ('PMH:
asthma. D.M.', a heading 'HPC', 'Reviewed 14:30 by SpR'): no one's initials."""
_CREDENTIALS_ALONE = frozenset({"MD", "DO", "RN", "NP", "PA", "LPN", "LVN", "CNA", "GP", "PT",
                                "OT", "SLP", "SW", "CM", "MA", "PHD", "DDS", "DPM", "OD", "PHARMD",
                                "APRN", "CRNA", "EMT", "BSN", "MSN", "MBBS", "FRCP", "MPH",
                                "LCSW", "JR", "SR", "II", "III", "IV"})
_UNITS_ALONE = frozenset({"ICU", "ED", "ER", "OR", "GI", "ENT", "OB", "HEENT", "CVS", "CNS", "GU",
                          "MSK", "ROS", "PE", "AP", "LAT", "PA", "CT", "MRI", "US", "XR", "NO",
                          "YES", "OK", "NA", "TBD", "END", "FYI", "CC", "BCC", "RE", "PS", "NB",
                          "AM", "PM", "AND", "THE", "FOR", "SEE", "USA", "UK", "MDM", "HPI",
                          "PMH", "PSH", "FH", "SH", "HX", "DDX", "DX", "RX", "TX", "SX", "IMP",
                          "SOAP", "SBAR", "LOS", "DC", "DNR", "DNI", "POA", "ADL", "ADLS"})
_NOT_PT_NAME = PEOPLES_AND_FAITHS
"""Words after 'pt' that describe, not name ('pt Black, 67M')."""
_PT_NAME_AFTER = re.compile(r"[ \t]*(?:$|[,;.)(]|(?:in|at|on|is|was|has|had|refuses|refused|"
                            r"says|said|denies|reports|wants|needs|dob|mrn|bed|rm|room|[0-9])\b)")
"""What follows a name after 'pt' ('pt Young in 4B', 'pt Brown, DOB'), not a phrase it
begins ('pt Long term care', 'pt Rose from bed', 'pt Young for his stage')."""
_INTRO = fast_compile(
    r"(?=[MmNnHh])(?<![A-Za-z])(?i:(my[ \t]+name[ \t]+is|my[ \t]+name['’]s|name[ \t]+is)|"
    r"(?:hi|hey|hello|hiya)[ \t,!.]+(?:(?:it['’]?s|this[ \t]+is|i['’]?m|i[ \t]+am)))"
    r"[ \t]+(" + _W + r"(?:[ \t]+" + _W + r"){0,2})")
_UNDERSCORED = re.compile(r"(?<!_)_{2,}+[ \t]*+((?:[A-Z]\.[ \t]?){0,3}[A-Z][a-z'’\-]++"
                          r"(?:[ \t]+(?:[A-Z]\.?|[A-Z][a-z'’\-]++)){0,3}\.?)[ \t]*+_{2}")
"""Words on a signature rule between underscores ('____A. Ghuman____'). A rule starts only
where a run of underscores starts and is taken whole (possessive): a form's long blank line
costs one pass, not a retry at every underscore (100k underscores took 234 s)."""
_SELF_INTRO_GATE = re.compile(r"(?i)\bi(?:['’]?m| am)[ \t]+[A-Z]")
_SELF_INTRO = re.compile(r"(?<![A-Za-z])(?i:i['’]?m|i[ \t]+am)[ \t]+"
                         r"([A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)?(?:[ \t]+[A-Z][a-z'’]+){0,3})"
                         r"(?=[ \t]*(?:[,.!?;)]|$|--|—|-[ \t]|\n)|[ \t]+(?:and|here|from|again)\b)")
"""'I'm Wren and I have', 'i am Jun, my reader', "I'm Sun-Hee, a pharmacist": a capitalized
name right after 'I'm', before a comma, a stop or 'and'."""
_APPOSED_ROLE = re.compile(r",[ \t]+(?:a|an|the|your|his|her|their)[ \t]+(?:[a-z\-]+[ \t]+){0,2}"
                           r"(?:mom|mother|dad|father|parent|nurse|aide|caregiver|grandmother|"
                           r"grandma|grandfather|wife|husband|daughter|son|sister|brother|"
                           r"teacher|worker|volunteer|student|patient|guardian|aunt|uncle)\b")
"""A role set off after a name ("I'm Hope, a foster mom"; "I'm Grace, the charge nurse")."""
_DIGIT_WORD = (r"(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|cero|uno|dos|tres|"
               r"cuatro|cinco|seis|siete|ocho|nueve)")
"""A digit said aloud, in English or Spanish ('four oh four', 'dos cero ocho')."""
_SPOKEN_PHONE = re.compile(r"(?=[ZzOoTtFfSsEeNnCcUuDd])(?<![A-Za-z])(?i:" + _DIGIT_WORD
                           + r"(?:(?:[ \t]*[,\-.][ \t]*|[ \t]+(?:(?:dash|gui[oó]n)[ \t]+)?)"
                           + _DIGIT_WORD + r"){6,11})(?![A-Za-z])")
_DIGIT_VALUES = {"zero": 0, "oh": 0, "o": 0, "cero": 0, "one": 1, "uno": 1, "two": 2, "dos": 2,
                 "three": 3, "tres": 3, "four": 4, "cuatro": 4, "five": 5, "cinco": 5, "six": 6,
                 "seis": 6, "seven": 7, "siete": 7, "eight": 8, "ocho": 8, "nine": 9, "nueve": 9}


def _counting(spoken: str) -> bool:
    """Digits said one after another up or down ('uno, dos, tres, cuatro...', 'seven six five
    four...'): a count or a memory test, no phone number."""
    digits = [_DIGIT_VALUES[w] for w in re.findall(r"[a-z]+", spoken.lower())
              if w in _DIGIT_VALUES]
    steps = {b - a for a, b in pairwise(digits)}
    return len(digits) >= 3 and (steps == {1} or steps == {-1})


_INTERPRETER_CUE = re.compile(r"(?i:\binterp(?:reters?|reting|\.)?\b|language[ \t]*line|\bvri\b)")
_LINE = re.compile(r"[^\n]+")
_LANGUAGE_DASH = (r"(?:" + "|".join(sorted((w.capitalize() for w in LANGUAGES), key=len,
                                          reverse=True)) + r")[ \t]*(?:--|–|—|-|:)[ \t]*")
_INTERPRETER_NAME = re.compile(
    r"(?:(?<=[,(:][ ])|(?<=[,(:])|(?<=interp[ ])|(?<=interpreter[ ])|(?<=--[ ])|(?<=[–—][ ]))"
    r"(?P<name>[A-Z][a-z'’\-]{2,}"
    r"(?:[ ][A-Z]\.|[ ][A-Z][a-z'’\-]+)?)(?![A-Za-z'’\-])"
    r"(?=[ \t]*,?[ \t]*\(?[ \t]*(?:[A-Z][A-Za-z]+[ \t]+)?(?:#[ \t]*[A-Z0-9]|ID[ \t:#]|"
    r"id[ \t:#]|phone\b|video\b|via\b|by[ \t]+phone|in[ \t]+person))")
_LANGUAGE_THEN_NAME = re.compile(r"(?<![A-Za-z])" + _LANGUAGE_DASH
                                 + r"(?P<name>[A-Z][a-z'’\-]+(?:[ ][A-Z]\.)?)(?![A-Za-z'’\-])")
"""A given name before an interpreter's number or way of working ('Zalmai #V2281', 'Olena,
#UKR-1187', 'Naqibullah via video')."""
_INTERPRETER_VENDORS = frozenset({"STRATUS", "CYRACOM", "LANGUAGELINE", "MARTTI", "INDEMAND",
                                  "PROPIO", "GLOBO", "VOYCE", "BOOSTLINGO", "JEENIE", "AMN",
                                  "PACIFIC", "CERTIFIED", "VIDEO", "PHONE", "STAFF", "FAMILY"})
"""Interpreting services and ways of working, written where an interpreter's name goes."""
_RARE_INTERPRETER = 3.5
"""A word rarer than this in English may be an interpreter's given name ('Samer')."""
_INTERPRETER_NUMBER = re.compile(r"[ \t]*,?[ \t]*\(?[ \t]*(?:[a-z ,]{0,20}?)"
                                 r"(?:[A-Z][A-Za-z]+[ \t]+)?(?:#|ID[ \t:#]*|id[ \t:#]*)"
                                 r"[ \t]*([A-Z0-9][A-Za-z0-9\-]{1,12})(?![A-Za-z0-9])")
"""The interpreter's number after the name ('#V2281', '(LanguageLine ID 283144)', 'phone ID
RHG-1092')."""
_NUMBER_WORD = (r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
                r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|first|second|third|"
                r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
                r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
                r"thirtieth)")
_SPOKEN_BIRTH_DATE = re.compile(
    r"(?i:\b(?:date[ \t]+of[ \t]+birth|d\.?o\.?b\.?|birth[ \t]*date|birthday|born(?:[ \t]+on)?)"
    r"[ \t]*(?:is|was|of|:|,)?[ \t]*(?:(?:uh|um|er),?[ \t]+)?)"
    r"((?i:" + _NUMBER_WORD + r"(?:(?:[ \t]*[,\-][ \t]*|[ \t]+(?:of[ \t]+)?)" + _NUMBER_WORD
    + r"){2,5}))(?![A-Za-z])(?![ \t,]*(?i:weeks?|wks?|days?|months?|years?|yrs?|old|percent|"
    r"grams?|g|kg|lbs?|pounds?|children|siblings|twins|kids|today|gestation)\b)")
"""A birth date said aloud after its label ('date of birth six twelve seventy seven')."""
_PAGE = re.compile(
    r"(?i)(?<![A-Za-z0-9@.\-])[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:wordpress|blogspot|tumblr|"
    r"substack|wixsite|weebly|squarespace|medium|github|gitlab|neocities|carrd|typepad|"
    r"livejournal|webflow|ghost|mystrikingly|jimdofree|site123|gofundme|caringbridge)"
    r"\.(?:com|io|co|org|net|me|site)(?:/[^\s<>\"')\]]*)?(?![A-Za-z0-9])")
_PAGE_HOST = re.compile(r"\.(?i:wordpress|blogspot|tumblr|substack|wixsite|weebly|squarespace|"
                        r"medium|github|gitlab|neocities|carrd|typepad|livejournal|webflow|ghost|"
                        r"mystrikingly|jimdofree|site123|gofundme|caringbridge)\.")
"""A cheap test (a literal '.' first) whether a text names a page host at all."""
_RARE = 3.5
"""Zipf frequency below which a word is no everyday English ('okafor' 2.6, 'hassan' 3.7)."""
_NAME_COMMON = 4.2
"""Zipf frequency from which a dictionary name reads as an everyday word after 'pt'."""
_FAMILY = (r"wife|husband|hubby|son|daughter|sister|brother|sis|bro|mom|mother|mum|mama|mommy|"
           r"dad|father|papa|daddy|grandma|grandpa|grandmother|grandfather|granny|nana|gramma|"
           r"grandson|granddaughter|grandkid|aunt|auntie|uncle|niece|nephew|cousin|friend|"
           r"boyfriend|girlfriend|bf|gf|partner|fiance|fiancee|fiancé|baby|kid|child|toddler|"
           r"neighbor|neighbour|roommate|caregiver|stepson|stepdaughter|stepmom|stepdad|twin|"
           # everyday spellings and misspellings in typed questions
           r"neice|daugter|dauther|daughte|duaghter|grandmom|grandmum|granma|grampa|grandpop|"
           r"grandad|granddad|grandbaby|godson|goddaughter|stepsister|stepbrother|wifey")
_AGE_SUBJECT_WORDS = frozenset(fold(w) for w in (_FAMILY + "|grandad|granddad|gran|nan|"
                                                   "grandparent|she|he|who|patient|pt|resident|"
                                                   "client|veteran|widow|widower|i|i'm|im"
                                                   ).split("|"))
_AGE_AFTER_VERB = fast_compile(
    r"(?=[iIwWtTnN'’])(?:(?<![A-Za-z])(?:is(?:[ \t]+now)?|was|turned|turns|now)|"
    r"(?<=[A-Za-z])['’]s)[ \t]+"
    r"(?:[\"“‘][ \t]*)?(?P<age>(?:(?i:well[ \t]+over|over|nearly|almost|about|around|past|"
    r"pushing|a[ \t]+(?:sprightly|spry|healthy|young|feisty|frail|robust))[ \t]+)?"
    r"(?:9[0-9]|1[01][0-9]|(?i:" + NINETY + r"(?:[ \t\-]+(?:one|two|three|four|five|"
    r"six|seven|eight|"
    r"nine))?|(?:a|one)[ \t]+hundred(?:[ \t]+and)?(?:[ \t\-]+(?:one|two|three|four|five|six|"
    r"seven|eight|nine|ten))?)))(?![0-9.,]?[0-9])"
    r"(?P<tail>(?:[ \t\-]+(?i:plus)|\+|[ \t]+(?i:and[ \t]+(?:a[ \t]+half|counting))|"
    r"[ \t]+(?i:years?|yrs?)(?:[ \t]+(?i:old|young))?)?)"
    r"(?=[ \t]*(?:[.,;:!?)\"”]|$|\n)|[ \t]+(?i:and|but|now|yo|y/o|this|next|last|in|at|with|"
    r"who|living|lives|so|today|on|has|had|is|was|since)\b)"
    r"(?![ \t]+(?i:on[ \t]+(?:room[ \t]+air|ra|nc|o2|oxygen|bipap|cpap)\b|on[ \t]+[0-9]|"
    r"at[ \t]+rest\b))")
"""'grandma is 96', 'Nana Clover is 96 and sharp' (not a saturation: 'she is 94 on room air',
'is 92 on 2L')."""
_SUBJECT_BEFORE = re.compile(
    r"(?<![A-Za-z'’])(?P<subj>[A-Za-z'’]+)(?:-in-law)?(?:[ \t]+(?:in|at|from|of)[ \t]+[A-Z][a-z]+"
    r"(?:[ \t][A-Z][a-z]+)?)?,?[ \t]*$")
_AGE_GATE = fast_compile(r"(?<![0-9.])(?:9[0-9]|1[01][0-9])(?![0-9])|"
                         r"(?i:" + NINETY + r"|hundred)")
"""'grandpa Arnold in Halifax is 104 and', 'who is a hundred and two,', 'Mom is well over
ninety', 'she's ninety-nine and a half': an age over 89 after a person and a verb of being;
the subject is a relation word, a pronoun, 'patient', or a capitalized name (never a lab,
vital or clinical word: 'Glucose is 104 and' stays)."""
_MESSAGE = 600
"""A question or message, not a note: there a number over 89 set off by commas or a verb of
being next to a person is that person's age (`_MESSAGE_AGE`)."""
_PERSON_IN_MESSAGE = re.compile(
    r"(?i:\b(?:my|our|his|her|mom|mother|mum|dad|father|grand\w*|nan|nana|gran|aunt|uncle|"
    r"husband|wife|patient|pt|resident|client|neighbou?r|friend|he|she|who)\b)")
_MESSAGE_AGE = re.compile(
    r"(?:(?:\b(?:is|was|turned|turns|turning|now|aged?|at|like|about|around|almost|"
    r"nearly)|[,(—–]|--|\b(?:[A-Z][a-z]+|"
    r"mom|mum|dad|grandma|grandpa|gran|nan|nana|granny|mother|father|elder|uncle|aunt|wife|"
    r"husband|spouse|sister|brother|grandmother|grandfather|widow|widower|mil|fil))"
    r"[ \t]+|\()"
    r"((?:9[0-9]|1[01][0-9])(?![0-9.,]?[0-9])|(?i:" + NINETY + r"(?:[ \t\-]+(?:one|two|"
    r"three|four|five|"
    r"six|seven|eight|nine))?(?:[ \t\-]*something)?|(?:a|one)[ \t]+hundred(?:[ \t]+and)?"
    r"(?:[ \t\-]+(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
    r"(?:[ \t]+and[ \t]+a[ \t]+half)?)"
    r"(?=[ \t]*(?:[,.;:!?)\"”]|$|\n|—|--)|[ \t]+(?i:and|on|in|at|with|who|had|has|fell|got|"
    r"keeps|lives|living|still|from|is|was|but|now|yo|y/o|years?|yrs?|next|this|last|"
    r"tomorrow|today|per)\b)"
    r"(?![ \t]+(?i:on[ \t]+(?:room[ \t]+air|ra|nc|o2|oxygen|bipap|cpap|[0-9]+[ \t]*l)|at[ \t]+rest)"
    r"\b)")
"""'CoCo is 98 at Bayou Teche', 'DORIS (91) keeps', 'grandma Birdie 97 on lasix', 'lives in
Hilo and is 90.', 'Mrs. Hatfield here, 93, from Pikeville': a number over 89 (digits or
words) after a verb of being, a comma, a parenthesis or a person, closing its phrase."""
_RELATION_NEAR = re.compile(
    r"(?i:\b(?:wife|husband|sister|brother|mom|mother|mum|mama|dad|father|papa|grandma|grandpa|"
    r"grandmother|grandfather|granny|nana|gramma|grandmom|grandmum|granma|grampa|grandpop|"
    r"grandad|granddad|aunt|auntie|uncle|neighbou?r|mother-in-law|father-in-law|mil|fil|"
    r"babcia|dziadek|abuel[ao]|abuelit[ao]|nonn[ao]|oma|opa|bubbe|bubby|zayde|zeide|zaide|lola|lolo|tatay|nanay|"
    r"nonagenarian|centenarian|widow(?:ed|er)?)\b)")
"""A relation (or a word of great age) close before a number in a note: there the number
set off as in a message is that relative's age ('her mother -- 93, widowed', 'babcia died
last week at ninety-nine', 'grandmother (raised him) is 90 and')."""
_RELATION_TO_AGE = re.compile(
    r"(?:['’]s)?(?:[ \t]+[A-Z][a-z'’\-]+){0,3}(?:[ \t]*\([^()\n]{0,30}\))?[ \t]*"
    r"(?:,|--|—|–|\()?[ \t]*(?:(?:who[ \t]+)?(?:is|was|turned|turns)[ \t]+(?:now[ \t]+)?|"
    r"died[ \t]+(?:[a-z]+[ \t]+){0,3}at[ \t]+|at[ \t]+age[ \t]+|aged?[ \t]+|now[ \t]+)?"
    r"(?:(?:like|about|around|almost|nearly)[ \t]+)?[\"“]?")
"""What may stand between a relation and its age: the relative's name, an aside in brackets,
a comma or dash, a verb of being ('her mother -- 93', 'grandmother (raised him) is 90', 'babcia
died last week at ninety-nine'); never a measurement ('Wife: blood sugar was around 110',
'Mother reports it is now 102', 'son is taking Biology 101')."""
_LAB_WORDS = frozenset({
    "OX", "OXYGEN", "OXIMETER", "BS", "A1C", "HBA1C", "LDL", "HDL", "IRON", "FERRITIN", "B12",
    "HB", "HCT", "PLT", "PLATELET", "MCV", "RDW", "ANC", "GLU", "CR", "NA", "K", "CL", "CO2",
    "BPM", "BMI", "EGFR", "GFR", "CREATININE", "PLATELETS", "WBC", "HEMOGLOBIN", "HGB",
    "POTASSIUM", "SODIUM", "INR", "PSA", "TSH", "VITAMIN", "LEVELS", "READINGS", "NUMBER",
    "NUMBERS", "WEIGHS", "WEIGHED", "LBS", "POUNDS", "KG", "PERCENT", "TEMP", "DEGREES",
    "GLUCOSE", "SUGARS", "CHOLESTEROL", "TRIGLYCERIDES", "ALT", "AST", "BUN", "CALCIUM",
    "MAGNESIUM", "PHOSPHORUS", "ALBUMIN", "PROTEIN", "LIPASE", "TROPONIN", "BNP", "CK", "CRP",
    "ESR", "HEIGHT", "IQ", "SCORE", "SCORED", "EF", "FEV1", "FVC", "DLCO", "ROOM", "RM", "BED",
    "UNIT", "FLOOR", "ROUTE", "HIGHWAY", "HWY", "EXIT", "BUS", "FLIGHT", "CHANNEL", "PAGE",
    "LINE", "APT", "SUITE", "MILES", "MPH", "DOSE", "DOSES", "MG", "UNITS", "CLASS", "GRADE",
    "PERCENTILE", "SPEED", "OVER", "INDEX", "QUOTIENT", "COMPOSITE", "STANDARD", "SCALED",
    "RAW", "DQ", "SS"})
"""Words before a number that make it a measurement, a place or a count, not an age."""
_MEASURE_WORDS = frozenset({
    "PULSE", "RATE", "TEMP", "TEMPERATURE", "WEIGHT", "WT", "SAT", "SATS", "SATURATION",
    "GLUCOSE", "SUGAR", "LEVEL", "BP", "HR", "RR", "SPO2", "O2", "SCORE", "COUNT", "PRESSURE",
    "READING", "HEART", "SYSTOLIC", "DIASTOLIC", "MAP", "FEVER", "IQ", "PERCENTILE", "GRADE"})
"""Words of a measurement that may stand before 'is 94' ('Pulse is 94 and')."""
_NOT_AGE_WORDS = _MEASURE_WORDS | _LAB_WORDS
"""Either kind of word, once (checked for every number over 89 in a text)."""
_LETTER_WORD = re.compile(r"[A-Za-z'’]+")
_NOW_AGE = re.compile(r",[ \t]*now[ \t]+(9[0-9]|1[01][0-9])(?![0-9.])(?=[ \t]+(?:and|but|"
                      r"years?|yrs?|yo)\b|[ \t]*[,;.)])")
"""'Opal Sparrow, our pt, now 95 and home': an age after a person and ', now'."""
_RELATION_NAME = fast_compile(
    r"(?=[MmOoHhTtYyUu])(?<![A-Za-z])(?i:my|our|his|her|their|your|ur)[ \t]+"
    r"(?:(?i:little|older|younger|big|baby|"
    r"twin|oldest|youngest|middle|elderly|step|ex)[ \t\-]*)?(?i:" + _FAMILY + r")s?"
    r"(?:[ \t\-]+(?i:in)[ \t\-]+(?i:law))?[ \t]+("
    + _W + r")(?=(?:[ \t]+[a-z][a-z'’\-]{2,}(?=[ \t]))?[ \t]*(?:[,?!)]|$|[ \t](?i:is|was|has|had|"
    r"needs?|got|gets|went|goes|can|cant|"
    r"told|asked|called|"
    r"can't|should|will|would|did|does|doesnt|doesn't|didnt|didn't|just|also|keeps|kept|fell|"
    r"says|said|takes|took|started|stopped|turned|turns|wants|tested|woke|lives|lived|"
    r"passed|died|hasnt|hasn't|isnt|isn't|wasnt|wasn't|still|ever|never|already|and|born|"
    r"dob|drives|drove|works|worked|overdosed|fainted|collapsed|broke|hurt|cut|swallowed|ate|"
    r"developed|complains|complained|vomited|vomits|coughs|coughed|cries|cried|sleeps|slept)"
    r"\b))")
"""'does my sister grace need testing', 'my wife joy is 31 weeks': a relation, a given name
and what a person does next; the given name may be an everyday word."""
_LABEL_NOT_INITIALS = frozenset({"ID", "NO", "NUM", "NBR", "JOB", "CODE", "EXT", "PIN", "REF"})
"""A number's label after a typist's role ('transcriptionist id tx114'): no initials."""
_MODALS = frozenset({"WILL", "MAY", "CAN", "MIGHT", "MUST", "SHALL", "SHOULD", "WOULD", "COULD",
                     "JUST", "ALSO", "STILL", "NEVER", "EVER", "ALREADY", "ALWAYS", "ONLY"})
_CHILD_AGE = re.compile(r"(?:^|(?<=[,.;!?])[ \t]*|(?<=\n))(" + _W + r")[ \t]+is[ \t]+"
                        r"[0-9]{1,2}(?=[ \t]+(?i:and|yo|y/o|years?|yrs?|months?|mos?|weeks?|"
                        r"wks?)\b|[ \t]*(?:[,.!?]|$))")
"""'miles is 2 and got a DTaP', ', sunny is 3': a given name opening a clause, then an age."""
_EVERYDAY_NAME = fast_compile(
    r"(?<=[a-z,][ \t])([A-Z][a-z]{2,})(?=[ \t]*(?:[.,;!?)]|$)|[ \t]+(?:[A-Z][a-z]+(?![A-Za-z])"
    r"(?![ \t]+(?:Hospital|Clinic|Center|Centre|Health|Medical|Church|House|Hall|Street|St\b|"
    r"Road|Rd\b|Avenue|Ave\b|Lane|Drive|Court))|from|and|is|was|were|has|had|said|says|called|"
    r"calls|who|back|here|wants|asked)\b)")
_NICKNAMED = re.compile(
    r"(?<![A-Za-z'’])(?:[A-Z][a-z'’\-]+(?:[ \t]+[A-Z][a-z'’\-]+)?[ \t]+[\"“][ \t]*[A-Z][a-z'’\-]+"
    r"[ \t]*[\"”][ ][A-Z][a-zA-Z'’]+(?:[\- ][A-Z][a-zA-Z'’]+){0,2}|"
    r"[A-Z]{2,}(?:-[A-Z]{2,})?,[ \t]*"
    r"[A-Z]{2,}[ \t]+[\"“][A-Z]{2,}[\"”])(?![A-Za-z])")
_LOWER_NAME_ZIPF = 4.0
"""A lower-case word after 'my 3 yo' is a given name only when no common word shares it
('santiago' 3.7; not 'honey' 4.4, 'less' 5.5)."""
_LOWER_SURNAME = re.compile(r"[ \t]+([a-z][a-z'’\-]{2,})(?![A-Za-z])")
_NAME_LEAD_WORDS = frozenset({
    "call", "called", "calling", "tell", "told", "ask", "asked", "with", "and", "to", "by", "for",
    "thank", "thanks", "is", "was", "meet", "met", "see", "saw", "per", "named", "son", "daughter",
    "wife", "husband", "brother", "sister", "friend", "grandson", "granddaughter", "nephew",
    "niece", "cousin", "partner", "boyfriend", "girlfriend", "dad", "mom", "twins", "twin", "&"})
"""Lower-case words after which a capitalized everyday word is a person ('call Will', 'this is
Will', 'Hope and Will', 'married to Will Summers', 'her son Will')."""
_WORD_BEFORE_NAME = re.compile(r"([A-Za-z'’]+),?[ \t]+$")
_SURNAME_AFTER = re.compile(r"[ \t]+([A-Z][a-z'’\-]+)(?![A-Za-z])")
_NO_NAME_BEFORE = re.compile(r"(?i:\b(?:the|a|an|this|that|his|her|my|your|our|their|its|in|at|"
                             r"from|near|of|by|via|per)[ \t]+)$")
_AGED_CHILD_NAME = fast_compile(
    r"(?i:\b(?:my|our|his|her)[ \t]+(?:(?:[0-9]{1,2}|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)[ \t\-]*(?:year|yr|"
    r"month|mo|week|wk|day)s?[ \t\-]*old|[0-9]{1,2}[ \t]*(?:yo|y/o|y\.o\.|m/o))[ \t]++"
    r"(?:(?:son|daughter|boy|girl|grandson|granddaughter|"
    r"baby|kid|child|twin|nephew|niece|brother|sister)[ \t]+)?)"
    r"([A-Z][a-z'’\-]+|[A-Z]{2}(?=[ \t]+[a-z])|[a-z][a-z'’\-]+)(?![A-Za-z])")
"""'My 16-year-old Angel was caught vaping', 'my 5 year old Mason': the capitalized word after
a child's age is the child's name (an everyday word too: 'Angel', 'Journey')."""
_FAMILY_WORDS = frozenset(fold(w) for w in _FAMILY.split("|"))
"""Relation words ('baby', 'kid', 'son') that a name list may hold but that name no one alone
('baby is 3 weeks old')."""
_LOWER_PAIR = re.compile(r"(?<![A-Za-z'’\-])([a-z][a-z'’\-]+)[ \t]+([a-z][a-z'’\-]+)"
                         r"(?![A-Za-z'’\-])")
_UNIT_AFTER_FACILITY = re.compile(
    r"(?=[AaTtFfIi])(?<![A-Za-z])(?i:at|to|from|in|into)[ \t]+(?:the[ \t]+|The[ \t]+)?"
    r"((?:[A-Z][A-Za-z'’\-]*"
    r"[ \t]+){0,3}[A-Z][A-Za-z'’\-]*)[ \t]+(?:ICU|MICU|SICU|CCU|CVICU|NICU|PICU|ER|ED|L&D|"
    r"(?i:emergency[ \t]+(?:room|department)|icu|er\b|nicu|picu|cath[ \t]+lab|labor[ \t]+and"
    r"[ \t]+delivery))(?![A-Za-z])")
"""'Dad (91yo) at Bethesda ICU', 'at the Fargo VA ER': capitalized words before a hospital
unit name the hospital."""
_GENERIC_CARE = frozenset({"THE", "OUR", "MY", "YOUR", "HOSPITAL", "MEDICAL", "CENTER", "GENERAL",
                           "COMMUNITY", "LOCAL", "MAIN", "ADULT", "PEDIATRIC", "NEURO", "CARDIAC",
                           "SURGICAL", "TRAUMA", "BURN", "NEONATAL", "MEDICINE", "THIS", "THAT",
                           "SAME", "OTHER", "ANOTHER", "OUTSIDE", "NEAREST", "CLOSEST", "REGIONAL"})
_CAP = r"[A-Z](?:[^\W\d_]|['’](?=[^\W\d_])|-(?=[A-Z]))+"
_CAPITALIZED_PAIR = re.compile(r"(?=[A-Z])(?<![\w'’\-])(?<![A-Z][a-z]\s)(?<![A-Z][a-z][a-z]\s)("
                               + _CAP
                               + r") (" + _CAP + r")(?![\w'’\-])(?![ \t]+[A-Z])")
"""Two capitalized words standing alone (one space between; no capitalized word right before
or after: table columns and longer names are other rules' business)."""
_USER_NAME = re.compile(
    r"(?=[bBuUlLaAoOgGcCmMeEpPiI0-9 \t\n])(?:(?i:\b(?:by|user(?:name)?|login|log-in|analyst|"
    r"operator|author|generated_by|created_by|modified_by|entered_by|printed_by|user_id|"
    r"userid|uid)\b[ \t]*[:=]?[ \t]+)|"
    r"(?m:^)[ \t]*[0-9]{1,4}[/.\-][0-9]{1,2}[/.\-][0-9]{2,4}[ \tT]+[0-9]{1,2}:[0-9]{2}"
    r"(?::[0-9]{2})?(?:[ \t]*[AaPp][Mm])?[ \t]+(?=[a-z0-9._]+[ \t]+[—–\-:|]))"
    r"([a-z][a-z0-9._]{3,30}[a-z0-9])(?![A-Za-z0-9@])")
"""'printed ... by rkoenig', 'analyst gpatel2', 'generated_by: svc_clarity_rpt04', an audit
line's '07/02/24 10:14 kbroussard — Claim submitted': a login name in lower case (a
person's, or a service account that names a system) after a word of authorship or a time
stamp; an everyday or clinical word ('by mouth', 'by ambulance') is none."""
_HL7_PID_NAME = re.compile(r"(?:^|(?<=[\n\r]))PID\|(?:[^|\n\r]*\|){4}([^|\n\r]+)")
"""PID-5, the patient's name, wherever the segment stands: every part of it is PHI whatever
the dictionaries say ('DELA CRUZ^JOSEPHINE^M')."""
_HL7_NAME = re.compile(r"(?<=[|~^])([A-Z][A-Za-z'’\-]+)\^"
                       r"([A-Z][A-Za-z'’\-]+(?: [A-Z][A-Za-z'’\-]+)*)"
                       r"((?:\^[A-Z][A-Za-z.'’\-]*)?)(?=[|^~\n]|$)")
"""An HL7 v2 person name (XPN: 'NAKAMURA^HIROSHI^K') between field separators."""
_HL7_PLACE = re.compile(r"\^([A-Za-z][A-Za-z .'’\-]{1,40})\^([A-Z]{2})\^([0-9]{5}(?:-[0-9]{4})?)"
                        r"(?=[|^~\n]|$)")
"""An HL7 v2 address's city, state and ZIP ('^FORT SMITH^AR^72904')."""
_HL7_MSH = re.compile(r"MSH\|\^~\\&\|[^|\n]*\|([^|^\n]{2,40})[^|\n]*\|[^|\n]*\|([^|^\n]{2,40})")
"""An HL7 v2 header's sending and receiving facilities (MSH-4, MSH-6)."""
_HL7_AUTHORITY = re.compile(r"\^\^\^([A-Za-z][A-Za-z0-9 .&'\-]{1,30})\^(?:MR|MRN|PI|PT|AN|PN|VN)"
                            r"(?=[|^~\n]|$)")
"""The facility that assigned a patient identifier (PID-3.4: '12345^^^UWMC^MR')."""
_HL7_PERSON_ID = re.compile(r"(?<=\|)([A-Za-z0-9][A-Za-z0-9.\-]{2,20})\^(?=[A-Z][A-Za-z'’\-]+\^"
                            r"[A-Z][A-Za-z'’\-]+)")
"""The identifier before a person's name in an HL7 XCN field ('|JSMITH44^SMITH^JOANNA': an
operator's user name, a provider's number)."""
_HL7_PHONE = re.compile(r"\^(?:PRN|ORN|WPN|EMR|NET|BPN|VHN|ASN)\^(?:PH|CP|FX|BP|MD|Internet)"
                        r"\^[^|^\n]*\^([0-9]{0,3}\^[0-9]{3}\^[0-9]{7}(?:\^[0-9]{1,6})?)")
"""An HL7 XTN phone given in components (country^area^local^extension)."""
_HL7_AGE = re.compile(r"\|(?i:age|pt_age|patient_age)\|(9[0-9]|1[01][0-9])(?:\^[A-Za-z]+)?"
                      r"(?=[|\n]|$)")
"""An age over 89 as the value after an 'AGE' code in an HL7 segment ('ZPD|AGE|95|')."""
_HL7_APPLICATIONS = frozenset({"EPIC", "CERNER", "MEDITECH", "ALLSCRIPTS", "ATHENA", "SUNQUEST",
                               "LAB", "ADT", "RIS", "PACS", "HIS", "LIS", "EHR", "EMR", "SSA",
                               "CMS", "CDC", "HL7", "PI", "MR", "MRN", "PT", "AN", "PN", "VN", "SS",
                               "DL", "NPI", "SR", "XX", "NI"})
"""Applications and identifier-type codes: no facility ('A1^^^PI^MR' has no authority)."""
_GREETING = re.compile(r"(?m:^)[ \t]*(?i:hi|hello|hey|dear|good[ \t]+(?:morning|afternoon|"
                       r"evening))[ \t,]+([A-Z][a-z'’\-]+)(?=[ \t]*[!,.:;\n])")
_SIGN_OFF = re.compile(r"(?=[TtRrCcBbSsWwGgYy])(?i:thank[ \t]+you|thanks|thx|regards|cheers|best|"
                       r"sincerely|warmly|respectfully|take[ \t]+care|with[ \t]+(?:gratitude|"
                       r"appreciation|thanks)|gratefully|yours[ \t]+truly|blessings)"
                       r"[ \t]*[,!.]?[ \t]*(?:\n[ \t]*){0,2}"
                       r"(?:-+[ \t]*)?"
                       r"([A-Z][a-z'’\-]+(?:[ \t][A-Z][a-z'’\-]+)?)(?=[ \t]*(?:[\n,(]|[0-9(+]|$))")
"""'Hi Faith!' on a line's start, 'Thank you, Toyin 425-...': a greeting or sign-off names a
person (an everyday-word given name too)."""
_NOT_GREETED = frozenset({"TEAM", "ALL", "EVERYONE", "EVERYBODY", "DOCTOR", "NURSE", "THERE",
                          "FOLKS", "GUYS", "YALL", "SIR", "MADAM", "FRIENDS", "DR", "AGAIN",
                          "SO", "MUCH", "FOR", "AND", "OK", "OKAY", "WELL", "PLEASE", "YES", "NO",
                          "COLLEAGUES", "COLLEAGUE", "PROVIDER", "PHARMACY", "CLINIC", "STAFF"})
_CREDENTIAL_AFTER = re.compile(r"(?:,?[ \t]+|[ \t]*\([ \t]*)(?:" + "|".join(sorted(
    ("MD", "DO", "RN", "NP", "PA", "PA-C", "PhD", "DDS", "DMD", "PharmD", "LPN", "LVN", "CNA",
     "CNM", "CRNA", "LCSW", "MSW", "MLS", "MT", "DPT", "OTR", "SLP", "RRT", "EMT", "AuD", "OD",
     "APRN", "FNP", "BSN", "MSN", "CMA", "MBBS", "CHW", "RD", "RDN", "FRACS", "FRCPC",
     "FRCSC", "FRCS", "FRCP", "MRCP", "MRCGP", "FACEM", "FRANZCP", "FRACP", "LICSW", "LISW",
     "LISW-S", "LMSW", "LPC", "LMHC", "LMFT", "CPhT", "RDH", "CCRC", "CRC", "CG", "MLS",
     "CNS", "CNP", "ACNP", "NNP", "CPNP", "PMHNP", "DPM", "PsyD", "EdD", "MPH", "ANP",
     "RGN", "RMN", "RPN", "RPh", "BCPS", "CCRN", "CDCES", "IBCLC", "OTR/L", "PT", "DC",
     "CGC", "LGC", "CCC-A", "CCC-SLP", "LGSW", "CPM", "CCLS", "MT-BC", "NRP"),
     key=len, reverse=True))
    + r"|(?<=,[ \t])(?i:community[ \t]+health[ \t]+worker|peer[ \t]+(?:counsel+or|support[ \t]+"
    r"specialist|recovery[ \t]+coach)|case[ \t]+manager|care[ \t]+manager|social[ \t]+worker|"
    r"interpreter|pharmacist|chaplain|patient[ \t]+navigator|caseworker|home[ \t]+attendant)"
    r")(?![A-Za-z])")
"""A credential (or, after a comma, a role of care) after two capitalized words makes them a
person ('Tavita Faleolo, RN', 'Ritu Bhandari (CHW)', 'Ritu Bhandari, community health
worker')."""
_INITIAL_SURNAME = fast_compile(r"(?<![A-Za-z.])([A-Z]\.(?:[ \t]?[A-Z]\.)?)[ \t]?"
                             r"([A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)(?![A-Za-z])")
"""'M. Ebo, MSW', 'J.K. Abernathy-Lowe, RN': an initial and a surname before a credential
(`_CREDENTIAL_AFTER`), whatever the surname's origin."""
_ROLE_NAME = re.compile(
    r"(?=[RLCNPMEDTIASVHOdtcianpsmvroe])(?<![A-Za-z])(?:RN|LPN|LVN|CNA|NP|PA-C|PA|MD|CHR|CHW|EMT|MLS|"
    r"CNM|PSW|HCA|RPN|HHA|PCA|PCT|CCA|"
    r"(?i:dispatcher|driver|"
    r"tech|technician|coordinator|interpreter|chaplain|aide|caregiver|navigator|pharmacist|"
    r"therapist|counselor|counsellor|sitter|transporter|phlebotomist|paramedic|medic|"
    r"scribe|doula|midwife|volunteer|receptionist|adjuster|administrator|supervisor|"
    r"caseworker|custodian|examiner|investigator|abstractor|auditor|assessor|officer|ofc\.?|"
    r"deputy|trooper|detective|det\.|sgt\.?|mgr|manager|married[ \t]+to|engaged[ \t]+to|"
    r"counsel|attorney|lawyer|paralegal|ombudsman|notary|photographer|registrar|"
    r"transcriptionist|sonographer|technologist|"
    r"divorced[ \t]+from|separated[ \t]+from|widow(?:er)?[ \t]+of))(?:[ \t]*:)?[ \t]+"
    r"(?:(?:Ofc|Det|Sgt|Cpl|Lt|Dep)\.?[ \t]+)?"
    r"((?:[A-Z]\.[ \t]?)?[A-Z][a-z'’\-]+(?:(?<=-)[A-Z][a-z'’\-]+)*"
    r"(?:[ \t]+[A-Z][a-z'’\-]+(?:(?<=-)[A-Z][a-z'’\-]+)*){0,2})")
"""'RN Nicolette Bouchard', 'Dispatcher: Destiny Larkspur', 'tribal CHR Lorelei Two Crow': a
role or credential before capitalized words that read as a name."""
_HONORIFIC_SUFFIXES = frozenset({"SAN", "SAMA", "KUN", "CHAN", "JI", "SSI", "NIM", "SENSEI"})
"""Honorifics written after a hyphen ('Nakamura-san', 'Sharma-ji'): the name stays a name."""
_EVERYDAY_TAIL = 4.0
"""Zipf frequency from which the last part of a hyphenated word is everyday English ('Check',
'Pay'): the word is no surname ('Her-Lor', 'Ellis-Reed' are)."""
_OFFICE_AFTER_ROLE = frozenset({"GENERAL", "PUBLIC", "SPECIAL", "SENIOR", "JUNIOR", "CHIEF",
                                "PRESENT", "AT", "OF", "FOR"})
"""Words that make a role an office ('attorney General', 'notary Public'), no person after."""
_ROLE_INITIALS = re.compile(
    r"(?<![A-Za-z])(?:(?i:tech|technician|employee|pharmacist|rph|cpht|nurse|aide|cna|staff|"
    r"driver|officer|deputy|worker|caseworker|counselor|counsellor|interpreter|resident|"
    r"client|witness|observer|sitter|volunteer|inmate|detainee|participant|scribe|"
    r"coordinator|therapist|chaplain|caregiver|navigator)(?:[ \t]*:?[ \t]+"
    r"((?:[A-Z]\.[ ]?){1,2}[A-Z]\.)(?![A-Za-z])|[ \t]*\(([A-Z]{2,3})\))|"
    r"(?i:signed|initialed|initials)[ \t]+[\"“]([A-Z]{2,3})[\"”])")
"""Initials after a role ('tech A.R.', 'Employee T.H.', 'tech (JR)') or a signature ('signed
"BW"'): the person who did it."""
_NOT_PERSON_AFTER_ROLE = frozenset({
    "US", "USA", "UK", "EU", "UN", "UAE", "DC", "AM", "PM", "AD", "BC", "OK", "NO", "ASAP", "TBD",
    "CDL", "GED", "DOT", "PPE", "CPR", "BLS", "ACLS", "PALS", "SSA", "VA", "VIP", "LTD", "FMLA",
    "ADA", "HR", "IT", "PRN", "OJT", "FM", "PGY", "EVS", "DOC", "DCF", "CPD", "CO", "EAP", "TCM",
    "CNS", "LNA", "WOC", "POA", "MOU", "NKA", "SMI", "MHT", "BHT", "CST", "LPC", "RRT", "CNM",
    "DCFS", "DHS", "DSS", "ICE", "CBP", "FBI", "DEA", "ATF"})
"""Capitals in a role's brackets or after it that name a place, an agency, a licence, a form
or a training, no person ('driver (CDL)', 'Resident (FM)', 'Deputy (DOC)')."""
_ROLE_NAME_CAPS = fast_compile(
    r"(?=[RLCNPMEDTI])(?<![A-Za-z])(?:RN|LPN|LVN|CNA|PCT|NP|MD|EMT|EMT-P|MEDIC|PARAMEDIC|NURSE|CREW|"
    r"DRIVER|DISPATCHER|TECH|CHAPLAIN|INTERPRETER|PHARMACIST|CHARGE|ADMINISTRATOR|SUPERVISOR|"
    r"ADJUSTER|DON)"
    r"(?:[ \t]*:)?[ \t]+((?:[A-Z]\.[ \t]*)?[A-Z][A-Z'’\-]+(?:,?[ \t]+[A-Z][A-Z'’\-]+)?)"
    r"(?![A-Za-z])")
_ROLES_CAPS = frozenset({"RN", "LPN", "LVN", "CNA", "PCT", "NP", "PA", "MD", "DO", "EMT", "EMT-P",
                         "MEDIC", "PARAMEDIC", "NURSE", "CREW", "DRIVER", "DISPATCHER", "TECH",
                         "SW", "CM", "RT", "PT", "OT", "CHAPLAIN", "INTERPRETER", "PHARMACIST",
                         "CHARGE", "CERT", "EMTP", "ADMINISTRATOR", "SUPERVISOR", "ADJUSTER",
                         "DON"})
"""'REPORT TO RN SANTOS', 'CREW: J. PFEIFFER EMT-P': a role or credential before a name in
capitals (ALL-CAPS systems); the words must read as a name, not as English ('RN AWARE')."""
_CENSUS = fast_compile(
    r"(?=[RrBbPp])(?i:\b(?:rm|room|bed|bd|pt|patient)[ \t]*+(?:#[ \t]*+)?[0-9]{1,4}[a-z]?"
    r"[ \t]*[-–:][ \t]*"
    r"(?:(?:old[ \t]+)?(?:mr|mrs|ms|miss|mx)\.?[ \t]+)?)"
    r"((?:[A-Za-z]\.[ \t]?)?[A-Za-z][a-z'’\-]+(?:[ \t][A-Za-z][a-z'’\-]+)?)(?![A-Za-z])")
"""'rm 614 - kevin tran,', 'bed 3: Mrs Delgado': a census or board line names its patient
after the room or bed number."""
_AGE_SEX = fast_compile(r"(?<![0-9A-Za-z])[0-9]{1,3}[ \t]?(?i:yo|y/o|y\.o\.|yr|[mf])(?![A-Za-z])")
_NAME_BEFORE_AGE_SEX = re.compile(
    r"(?:^|[\n(;:,–\-][ \t]{0,2}|\b(?:pt|patient|resident|client)[ \t]+)"
    r"((?:[A-Za-z]\.[ \t]?)?[A-Za-z][a-z'’\-]+(?:[ \t][A-Za-z][a-z'’\-]+)?|"
    r"[A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?),?[ \t]+$")
"""Anchored at the end of the text before an age-and-sex shorthand (`_AGE_SEX_AFTER`)."""
"""'r. singh 45M', '- Dale Voss, 71F': a name right before an age-and-sex shorthand, at the
start of a line, list item or clause."""
_SIGNOFF_LABEL = fast_compile(
    r"\b(?:(?:Reviewed|REVIEWED|Verified|VERIFIED|Checked|CHECKED|Tech|TECH|Released|"
    r"RELEASED|Co-signed|Cosigned|[Ss]ign-?off|SIGN-?OFF|Tech[ \t]+on[ \t]+log)"
    r"(?:[ \t]+by)?[ \t]*:[ \t]*|"
    r"(?:Corrected|CORRECTED|Amended|AMENDED|Addended|Updated|Verified|Reviewed|Checked)[ \t]+"
    r"[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{2,4})?[ \t]+(?=[A-Z]{2,3}[.;]?[ \t]*(?:\n|$)))"
    r"([A-Z]{2,3})(?:[ \t]*/[ \t]*([A-Z]{2,3}))?(?![A-Za-z0-9])")
"""Initials after a sign-off label ('Reviewed: TL', 'Tech: CW / LJ', 'Coordinator sign-off:
KL'), or after a correction's date at the end of a line ('Corrected 9/25 OA.'): in capitals
only."""
_TYPIST = fast_compile(
    r"(?i:\b(?:typed|transcribed|transcr\.?|tr\.|transcriptionist|dictated|dict\.?|initials|"
    r"initialed|initial[ \t]+here|(?:scanned|keyed|entered)(?=[ \t]*+(?:by|:))|"
    r"(?<=[0-9][ \t])t(?=:[ \t]*+[0-9]))"
    r"(?:[ \t]*:)?(?:[ \t]+[0-9]{1,2}[/.][0-9]{1,2}(?:[/.][0-9]{2,4})?(?:[ \t]+[0-9]{1,2}:?"
    r"[0-9]{2})?)?(?:[ \t]+by)?(?:[ \t]*[:/][ \t]*|[ \t]+))(?!(?i:by|dr|mr|ms)\b)([A-Za-z]{2,3})"
    r"(?:([/:])([A-Za-z]{2,3}))?(?![A-Za-z0-9.])")
"""'Transcribed: HB/mt', 'typed JD:rt', 'transcr. by aa': the initials of the dictating
author and the typist after a word of transcription."""
_JOB_LINE_INITIALS = re.compile(r"(?m:[ \t]/([a-z]{2,3})[ \t]*+$)")
_JOB_LINE = re.compile(r"(?i:\b(?:job[ \t#:]*+[0-9]|dictat|transcr|dd\b|dt\b|doc[ \t]*+#|"
                       r"conf[ \t]*+#|d:[ \t]*+[0-9]{1,2}/|t:[ \t]*+[0-9]{1,2}/))")
"""'07/2024 06:02   Job 8812047   /lmq': a typist's initials after a slash ending a line of
transcription data (job number, dictation and typing dates)."""
_REFERENCE_INITIALS = fast_compile(r"(?<![A-Za-z0-9/])([A-Z]{2,3})[/:]([a-z]{2,3})(?![A-Za-z0-9/])")
"""'HB/mt' anywhere: capitals, a slash or colon, lower case: the typist's reference line
(never a unit: 'IU/ml', 'U/kg' are excluded by `_UNITS_LOWER`)."""
_UNITS_LOWER = frozenset({"ml", "dl", "kg", "hr", "hrs", "min", "mg", "mcg", "day", "wk", "mo",
                          "yr", "mm", "cm", "ul", "mmol", "meq", "sec", "kcal", "cc", "gm", "lb",
                          "lbs", "oz", "tab", "tabs", "dose", "vial", "bag", "amp", "inh"})
_SIGNOFF_DASH = fast_compile(
    r"(?:^|(?<=[\s.!?]))(?:--?|—|–)[ \t]*([a-z]{2,3}|[A-Za-z][a-z'’\-]+(?:[ \t][A-Za-z]\.?)?)"
    r"(?=[ \t]*(?:[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{2,4})?[ \t]*)?(?:\n|$|\([A-Za-z]+\)|[ \t]+"
    r"(?:in|from|at|@|with)[ \t]+[a-z]+(?:[ \t]+[a-z]+)?[ \t]*(?:\n|$|[.,])))")
"""'-- kt', '-nate b', '-- Mykola in call center': a dash and a name or initials that sign a
message, at the end of a line or before where the writer sits."""
_SIGNOFF_CAPS = fast_compile(r"(?:(?<=[.!?])[ \t]++(?=[A-Z]{2,3}[ \t]*+"
                           r"(?:\Z|\n[ \t]*+(?:\n|-{3,}|={3,})))"
                           r"|(?<=[.!?])[ \t]*+[\-/][ \t]*+"
                           r"|(?<=[.!?]\n\n)(?=[A-Z]{2,3}[ \t]*+\Z)"
                           r"|(?<=[.!?]\n)(?=[A-Z]{2,3}[ \t]*+\Z)"
                           r"|^(?=[A-Z]{2,3}[ \t]++(?:RN|LPN|LVN|CNA|MD|NP|PA|RT|SW|MSW|LCSW|"
                           r"PharmD)\b)"
                           r"|(?:^|(?<=[\s.!?]))(?:--|—|–)[ \t]*+)([A-Z]{2,3})"
                           r"(?=[ \t]*+(?:\n|$)|[ \t]++(?:RN|LPN|LVN|CNA|MD|NP|PA|RT|SW|MSW|LCSW|"
                           r"PharmD)\b)",
                           re.MULTILINE)
"""'-- QAD', 'pyloromyotomy. -BO', 'Closed. /DY', 'visit. RK' (the last line of a message): a
writer's initials in capitals that sign, after a double dash, after a finished sentence and a
dash or slash, or alone after the last sentence of the text or of a paragraph, or before a
credential at a line's start ('LB RN'; a bullet '- PNA' is none)."""
_LINE_INITIALS = re.compile(
    r"(?m:^(?:/([A-Z]{2,3})(?=[ \t])|([A-Z]{2,3})(?=[ \t]++[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}"
    r"[ \t]++[0-9]{1,2}:[0-9]{2}[ \t]*+$)))")
"""'/MF  Results called', 'SVZ 05/21/2025 16:40': initials that sign a line -- after a slash
at its start, or alone before a date and a time that fill the rest of it."""
_SIGNOFF_NOT_INITIALS = frozenset({
    "MAR", "EMR", "EHR", "QA", "QC", "LIS", "RIS", "PACS", "HIM",
    "BP", "RR", "HR", "CP", "ABD", "GI", "ENT", "SOB", "CV", "MSK", "EXT", "DM", "HTN", "AF",
    "RT", "SW", "CM", "DC", "DX", "TX", "HX", "RX", "SX", "FX", "AP", "QOD", "LTC", "HH", "DME",
    "OB", "GYN", "US", "LP", "UCX", "BCX", "GLU", "ALB", "AMB", "WNL", "AAO", "NT", "ND", "BS",
    "LE", "UE", "RUE", "LUE", "RLE", "LLE", "RUQ", "LUQ", "RLQ", "LLQ", "CN", "DTR", "ROM", "WB",
    "NWB", "FWB", "PWB", "ADL", "BMI", "NC", "RA", "VS", "VSS", "POC", "CVS", "PE", "MI", "OR",
    "ER", "ED", "IV", "IM", "PO", "SQ", "SC", "OD", "OS", "OU", "EOM", "CBG", "FYI", "PS", "NB",
    "RE", "CC", "TBD", "TBA", "NKA", "NKDA", "NSR", "SR", "ST", "MG", "MCG", "ML", "GM", "KG",
    "ATN", "AVR", "EGD", "PPI", "TKA", "THA", "ABX", "IVF", "HLD", "OA", "ASD", "VSD", "PFO",
    "LVH", "RVR", "SVT", "LHC", "RHC", "PFT", "ABI", "FNA", "IR", "SAH", "SDH", "ICH", "MVA",
    "GSW", "RSV", "HPV", "LMP", "GDM", "NST", "RDS", "IVH", "PNA", "CDI", "SBP", "DBP", "MAP",
    "UTI", "URI", "AKI", "CKD", "DKA", "HHS", "PEA", "VT", "VF", "AFL", "CAP", "HAP", "VAP",
    "TBI", "LOC", "DOE", "PND", "JVD", "BLE", "ROS", "HPI", "PMH", "PSH", "ADR",
    "NPO", "PRN", "BID", "TID", "QID", "QHS", "QAM", "QPM", "HS", "AC", "PC", "SL", "PR", "NG",
    "OG", "GT", "JT", "PEG", "TPN", "PPN", "DVT", "VTE", "CVA", "TIA", "CAD", "CHF",
    "HFREF", "HFPEF", "ACS", "NSTEMI", "STEMI", "CABG", "PCI", "TAVR", "ICD", "PPM", "CRT",
    "MRI", "CT", "CXR", "KUB", "EKG", "ECG", "EEG", "EMG", "IUD", "OCP", "HRT", "BPH",
    "OBGYN", "SNF", "ALF", "PT", "OT", "SLP"})
"""Clinical and chart abbreviations that end a line the way initials do ('vitals. BP')."""
_ORGANISM_WORDS = frozenset({"COLI", "AUREUS", "FLU", "DIFF", "DIFFICILE", "EPI", "EPIDERMIDIS",
                             "PNEUMONIAE", "AERUGINOSA", "FAECALIS", "FAECIUM", "MIRABILIS",
                             "INFLUENZAE", "CLOACAE", "PYLORI", "MARCESCENS", "MALTOPHILIA",
                             "ALBICANS", "GLABRATA", "PYOGENES", "AGALACTIAE", "OXYTOCA",
                             "BAUMANNII", "LISTERIA", "CATARRHALIS", "VIRIDANS", "JIROVECII"})
"""Species after a genus initial ('e. coli'): no signer's surname."""
_SIGNOFF_CREDENTIAL = fast_compile(r"(?:^|(?<=[\s.!?/,]))(?:(?:--?|—|–)[ \t]*)?"
                                 r"([a-z]\.[ \t]?[a-z][a-z'’\-]+)"
                                 r"(?=,?[ \t]+(?i:rn|lpn|lvn|cna|md|do|np|pa|pa-[cs]|pharmd|rph|"
                                 r"msw|lcsw|emt|bsn|aprn|crna|ms[34])\b)", re.MULTILINE)
"""'-- s. hollis LPN', '/ r. pham PA-S': an initial and a surname in lower case before a
credential."""
_CHAT_WORDS = frozenset({"OK", "OKAY", "THX", "TY", "TIA", "LOL", "PLS", "PLZ", "ASAP", "BTW",
                         "IMO", "FYI", "YES", "NO", "THANKS", "BYE", "END", "NA", "NONE", "SENT",
                         "DONE", "SEE", "AND", "THE", "ETC", "PRN", "BID", "TID", "QID", "QD",
                         "HS", "AM", "PM"})
_PARTICLE_NAME = fast_compile(
    r"(?<![A-Za-z])(?:([A-Z][a-z'’\-]+)[ \t]+|(?i:(?:baby[ \t]+(?:girl|boy)|family|mr\.?|mrs\.?|"
    r"ms\.?|miss|worker|dr\.?)[ \t]+))((?:de|van|von|van[ \t]+der|van[ \t]+den|de[ \t]+la|"
    r"del|della|da|di|du|le|dos|das|ter|ten|bin|ibn|al|el)[ \t]+[A-Z][a-z'’\-]+)(?![A-Za-z])")
"""'Pieter de Vries', 'family van Dijk', 'Baby Girl de Vries': a surname with its particle
after a given name or a word that names a family (not an eponym: 'de Quervain', 'von
Willebrand' are clinical)."""
_PAREN_PERSON = re.compile(r"\(([A-Z][a-z'’\-]{2,20})\)")
"""'the lady at the front desk of Hennepin (Rogério)': a capitalized word alone in
parentheses that is a given name no dictionary word ('(Spanish)', '(Lasix)' stay)."""
_PERSON_BEFORE = re.compile(r"(?i:\b(?:lady|man|woman|guy|girl|nurse|staff|desk|receptionist|"
                            r"tech|aide|clerk|agent|person|someone|doctor|therapist|"
                            r"interpreter|coordinator|navigator|worker|son|daughter|wife|"
                            r"husband|brother|sister|mother|father|mom|dad|niece|nephew|cousin|"
                            r"aunt|uncle|grandson|granddaughter|friend|neighbou?r|partner)\b)")
"""A word for a person shortly before a parenthesis: a word no dictionary holds in it is
that person's name ('the lady at the front desk (Lovelie)'), not a drug's brand."""
_CLAUSE_START = re.compile(r"[.;:)\n]")
_TELL_NAME = fast_compile(r"(?i:\b(?:tell|ask|remind|notify|inform|thank)[ \t]+)"
                        r"([A-Z][a-z'’\-]+(?:[ \t][A-Z][a-z'’\-]+)?)(?=[ \t]+(?:his|her|their|"
                        r"that|to|about|we|i|the)\b)")
"""'can you tell Will Stone his Holter results came back': capitalized words after 'tell'
and before whom the message is about."""
_NOT_AFTER_TITLE = frozenset({
    "SAID", "SAYS", "TOLD", "THINKS", "WANTS", "OFFICE", "OFFICES", "APPT", "APPOINTMENT",
    "VISIT", "VISITS", "NOTE", "NOTES", "ORDERS", "ORDER", "REFERRAL", "LETTER", "CALLED",
    "PRESCRIBED", "RECOMMENDED", "ORDERED", "GAVE", "PUT", "ASKED", "WILL", "WOULD", "CAN",
    "COULD", "SHOULD", "MAY", "MIGHT", "DID", "DOES", "HAS", "HAD", "IS", "WAS", "VISITED",
    "SCAN", "MRI", "ANGIO", "ANGIOGRAPHY", "CONTRAST", "SEQUENCE", "SIGNAL", "PATIENTS",
    "SYMPTOMS", "FLARE", "RELAPSE", "DIAGNOSIS", "MEDS", "MEDICATION", "TREATMENT", "AND",
    "PLEASE", "NOW", "TODAY", "TOMORROW", "YESTERDAY", "HERE", "THERE", "NOT", "NO", "ON",
    "OFF", "WHO", "WHAT", "ONLY", "JUST", "ALSO", "STILL", "ALWAYS", "NEVER", "TOO",
    "RE", "PER", "CC", "FYI", "DOCTOR", "DOCTORS", "NURSE", "NURSES", "CLINIC", "TEAM", "GROUP",
    "STAFF",
})
"""Words after 'dr'/'ms'/'mr' that continue a sentence about the doctor or the disease."""


_FAMILY_NAME = re.compile(r"(?<![A-Za-z])(?:the|The|THE)[ \t]+"
                          r"([A-Z][A-Za-z'’]+(?:-[A-Z][A-Za-z'’]+)?)"
                          r"[ \t]+(?:family|household|Family|Household|FAMILY|HOUSEHOLD)"
                          r"(?![A-Za-z])")
_SURNAME_ARTICLES = frozenset({"AL", "EL", "ABU", "ABD", "BIN", "BEN", "IBN", "BINT"})
_NOT_FAMILY_NAMES = frozenset({"HOST", "FOSTER", "ADOPTIVE", "BIRTH", "BIOLOGICAL", "EXTENDED",
                               "ENTIRE", "IMMEDIATE", "WHOLE", "ROYAL", "NUCLEAR", "RESOURCE"})
"""Words before 'family' that say what kind of family it is ('the host family')."""


_NUMBERED_CODE = re.compile(
    r"(?:#|(?<![A-Za-z])(?i:nos?\.|no(?=[ \t]*[:#])|num(?:ber)?|nbr)(?![A-Za-z]))"
    r"[ \t]*+(?:is[ \t]+|:[ \t]*+|#[ \t]*+)?"
    r"([A-Z]{2,5}[ ](?=[0-9]{3})[0-9]+(?:-[0-9]+)?|"
    r"(?=[A-Za-z0-9/\-.]{0,40}[0-9])[A-Z0-9][A-Za-z0-9]*(?:[\-/.:][A-Za-z0-9]+){0,6})"
    r"(?![A-Za-z0-9])(?![ \t]*(?i:mg|mcg|g|kg|lbs?|ml|l|units?|cells|copies|%|ft|f|kcal|"
    r"tablets?|tabs?|caps?|out[ \t]+of|per|x|times|degrees|mmhg|bpm|cc|hours?|hrs?|mins?|"
    r"minutes|am|pm|cans|bottles|strips|pads|sheets)(?![A-Za-z]))")
"""A number sign ('#', 'no.', 'number') and the code after it, also an issuer's letters and a
space before the digits ('crew # BCX 5530'); not a quantity: '#180 tablets', 'number 1500 mL'."""
_RECORD_LABELS = frozenset({
    "ID", "IDS", "MRN", "ACCOUNT", "ACCT", "CLAIM", "ORDER", "BAND", "BANDS", "REP", "CASE",
    "TICKET", "CONFIRMATION", "CLERK", "OPERATOR", "INCIDENT", "FILE", "CHART", "MEMBER",
    "POLICY", "BADGE", "EMPLOYEE", "STUDENT", "REGISTRATION", "LICENSE", "LICENCE", "PERMIT",
    "CERTIFICATE", "CHECK", "CHEQUE", "INVOICE", "RECEIPT", "TRACKING", "SERIAL", "DOCKET",
    "CAUSE", "BOOKING", "INMATE", "PATIENT", "PT", "VISIT", "ENCOUNTER", "ADMISSION", "REFERRAL",
    "AUTHORIZATION", "AUTH", "APPROVAL", "ENROLLMENT", "PARTICIPANT", "SUBJECT", "SCREENING",
    "IND", "IDE", "PROCESS", "PROTOCOL", "HPE", "SPECIMEN", "ACCESSION", "REQUISITION", "CARD",
    "PASSPORT", "VISA", "PAGER", "EXTENSION", "EXT", "OPR"})
"""Labels of a record's own number: a short number of digits only counts as one after them."""
_SHORTEST_BARE = 6
_LABEL_WORD = re.compile(r"([A-Za-z][A-Za-z\-]*)[ \t]*+(?:\([^)\n]{0,20}\)[ \t]*+)?$")
_YEAR_ONLY = re.compile(r"(?:19|20)[0-9]{2}")
_FRACTION_OR_DATE = re.compile(r"[0-9]{1,3}/[0-9]{1,3}(?:/[0-9]{2,4})?")
_DECIMAL_OR_ICD = re.compile(r"[0-9]+\.[0-9]+|[A-Z][0-9]{2}(?:\.[0-9A-Z]{1,4})?")
"""'symptom number 14/22', 'the new number 11/6': a score or a date, no record's code."""
_COUNTED_LABELS = frozenset({
    "TABLET", "TABLETS", "TAB", "TABS", "CAP", "CAPS", "CYCLE", "CYCLES", "DOSE", "DOSES", "DAY",
    "DAYS", "WEEK", "WEEKS", "STEP", "STEPS", "STAGE", "GRADE", "LEVEL", "PAGE", "PAGES",
    "LINE", "LINES", "ITEM", "ITEMS", "QUESTION", "GRAVIDA", "PARA", "VISIT", "VISITS", "ROOM",
    "RM", "BED", "BEDS", "FLOOR", "WARD", "EXHIBIT", "VERSION", "LOT", "SIZE", "GAUGE", "FR",
    "FRENCH", "TRIAL", "ATTEMPT", "SHOT", "SHOTS", "INJECTION", "BOTTLE", "BOTTLES", "VIAL",
    "VIALS", "POD", "PACK", "BOX", "REFILL", "REFILLS", "PHASE", "ARM", "COHORT", "CHAPTER",
    "SECTION", "TABLE", "FIGURE", "SLIDE", "BLOCK", "SPECIMEN", "SAMPLE", "TUBE", "TUBES",
    "LEAD", "LEADS", "CHANNEL", "POSITION", "ZONE", "CASSETTE", "APT", "APARTMENT", "SUITE",
    "STE", "UNIT", "BUS", "ROUTE", "EXIT", "FLIGHT", "GATE", "SEAT", "STORE", "STATION",
    "HOUSE", "STREET", "PO", "THE", "A", "AN", "OF", "AND", "OR", "IN", "ON", "AT",
    "TO", "FOR", "WITH", "BY", "MY", "HIS", "HER", "OUR", "THEIR", "YOUR", "IS", "WAS",
    "CRITERION", "CRITERIA", "GUIDELINE", "GUIDELINES", "RULE", "RECOMMENDATION", "CLASS",
    "TYPE", "CATEGORY", "PARAGRAPH", "CLAUSE", "ARTICLE", "PROTOCOL", "AMENDMENT", "STANDARD",
    "REFERENCE", "CITATION", "FOOTNOTE", "APPENDIX", "ANNEX", "MODEL", "CATALOG", "PART",
    "CODE", "CODES", "SCORE", "SCALE", "COUNT", "QTY", "QUANTITY", "FORM", "DISPENSE", "DISP",
    "SAID", "SAYS", "SAY", "ANSWERED", "REPLIED", "STATES", "STATED", "TOLD", "SOIT", "CALL",
    "DIALED", "DIAL", "CODON", "EXON", "INTRON"})
"""Words whose number counts, measures or places rather than names a record (a room or a bed
stays: clinical notes keep where a patient lay; streets and units are the address rules')."""


class CueFinder:
    """Finds names, phones and pages that a case-free cue marks (see the module docstring)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        # neighbouring parts of hyphenated eponyms ('KLIPPEL-TRENAUNAY', 'VOGT-KOYANAGI-HARADA'):
        # two such words written with a space are the eponym, not a person
        self.eponym_pairs = frozenset(
            (parts[i], parts[i + 1]) for entry in lexicon.eponyms if "-" in entry
            for parts in [entry.split("-")] for i in range(len(parts) - 1))

    def find(self, text: str) -> list[Span]:
        """All cue spans of one text (unmerged)."""
        spans = self._titles(text)
        spans.extend(self._patients(text))
        spans.extend(self._introductions(text))
        spans.extend(self._relation_names(text))
        spans.extend(self._everyday_given_names(text))
        spans.extend(self._nicknamed_names(text))
        if "amily" in text or "FAMILY" in text or "ousehold" in text or "OUSEHOLD" in text:
            spans.extend(self._family_names(text))
        if " is " in text or "old" in text or "yo" in text or "y/o" in text or "y.o." in text:
            spans.extend(self._child_ages(text))
        spans.extend(self._ages_after_subjects(text))
        spans.extend(self._user_names(text))
        if not any(c.isupper() for c in text[:2000]):
            spans.extend(self._lower_pairs(text))
        spans.extend(self._facilities_before_units(text))
        spans.extend(self._capitalized_pairs(text))
        if "^" in text:
            spans.extend(self._hl7(text))
        spans.extend(self._mar_initials(text))
        spans.extend(self._signed_initials(text))
        if "__" in text:
            spans.extend(self._underscored_signatures(text))
        spans.extend(self._numbers_by_context(text))
        spans.extend(self._greetings(text))
        spans.extend(self._role_names(text))
        if _INTERPRETER_CUE.search(text):
            spans.extend(self._interpreters(text))
        spans.extend(self._census_names(text))
        if "(" in text or "tell" in text or "ask" in text:
            spans.extend(self._addressed_names(text))
        spans.extend(self._signatures(text))
        spans.extend(Span(m.start(), m.end(), PhiType.PHONE, "cue_spoken_phone", 0.9)
                     for m in _SPOKEN_PHONE.finditer(text) if not _counting(m.group()))
        spans.extend(Span(m.start(1), m.end(1), PhiType.DATE, "cue_spoken_date", 0.9)
                     for m in _SPOKEN_BIRTH_DATE.finditer(text))
        if _PAGE_HOST.search(text):
            spans.extend(Span(m.start(), m.end(), PhiType.URL, "cue_page", 0.9)
                         for m in _PAGE.finditer(text))
        return spans

    def _family_names(self, text: str) -> list[Span]:
        """'We're the Al-Qasimi family', 'the Nguyen household': a surname before a word for a
        family (each part of a hyphenated one a listed name, or after an article such as 'Al-'
        a rare word; not 'the Hispanic family', 'the host family')."""
        spans: list[Span] = []
        for match in _FAMILY_NAME.finditer(text):
            parts = [fold(part) for part in match.group(1).split("-")]
            article = parts[0] in _SURNAME_ARTICLES and len(parts) > 1
            if article:
                parts = parts[1:]
            # a listed name, or after an article a rare word ('Al-Qasimi'); not a people's or a
            # language's name ('the Tigrinya family'), which no list holds as a name
            if not any(part in _NOT_FAMILY_NAMES for part in parts) and all(
                    self._name_like(part) and (article or self.lexicon.is_name(part))
                    for part in parts):
                spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "cue_family", 0.85))
        return spans

    def _blocked(self, key: str) -> bool:
        lex = self.lexicon
        return (key in FUNCTION_WORDS or key in MONTH_WORDS or key in _NOT_AFTER_TITLE
                or lex.is_clinical(key) or key in lex.states
                or (key in words.unknown_stop() and not lex.is_name(key)))

    def _name_like(self, key: str) -> bool:
        """A dictionary name, or a word rare in English that no list calls a term."""
        if self._blocked(key):
            return False
        return self.lexicon.is_name(key) or (
            words.zipf(key) < _RARE and not words.is_english(key) and not words.term_shaped(key)
            and not words.near_english(key) and words.pronounceable(key))

    def _titles(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for match in _TITLE.finditer(text):
            first = fold(match.group(1))
            title = text[match.start():match.start(1)].strip().rstrip(".:")
            courtesy = title.upper() in ("MRS", "MISS") or (
                title.upper() in ("MR", "MS", "MX") and "." in text[match.start():match.start(1)])
            # after 'Mrs'/'Mr.' even a term is a surname ('mrs ng', 'Mr. Bell')
            if not (self._name_like(first) or (courtesy and self.lexicon.is_name(first)
                                               and first not in FUNCTION_WORDS)):
                continue
            if title.upper() in ("MS", "MR", "MX") and not text[match.start():match.start(1)] \
                    .rstrip().endswith(".") and (title.isupper() or words.zipf(first) >= 4.0):
                continue  # 'MS' and 'MR' name a disease and a scan; 'ms doctor' is no name
            end = match.end(1)
            second = match.group(2)
            if second and self._name_like(fold(second)) and not (
                    second[:1].islower() and match.group(1)[:1].isupper()
                    and words.is_english(fold(second)) and words.zipf(fold(second)) >= 5.2):
                end = match.end(2)  # ('Mr Norton saw him': a common verb; 'Mrs Mary jones')
            spans.append(Span(match.start(1), end, PhiType.NAME, "cue_title", 0.85))
        return spans

    def _patients(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for match in _PATIENT.finditer(text):
            word = match.group(1)
            key = fold(word)
            if word.isupper() and not text.isupper():
                continue  # an abbreviation ('Patient SSN', 'pt ID')
            if len(key) < 2 or self._blocked(key) or not words.pronounceable(key) \
                    or words.term_shaped(key):
                continue
            known = self.lexicon.is_name(key) or ("-" in key and any(
                p in self.lexicon.last for p in key.split("-") if len(p) > 2))
            titled = text[match.start()].islower() and word[:1].isupper() and word[1:].islower()
            if titled and (known or key in self.lexicon.weak) and key not in _NOT_PT_NAME \
                    and _PT_NAME_AFTER.match(text, match.end(1)):
                pass  # a capitalized name after a lower-case 'pt', even 'Young', 'Brown'
            elif known:
                # a dictionary surname that is no everyday word ('hassan', 'al-sayed')
                if words.zipf(key) >= _NAME_COMMON or ("-" not in key and words.is_english(key)):
                    continue
            elif words.zipf(key) >= _RARE or words.is_english(key) or words.near_english(key):
                continue  # clipped words ('eval', 'ambulating' misspelt) are no surname
            spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "cue_patient", 0.85))
        return spans

    def _introductions(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for match in _INTRO.finditer(text):
            parts = list(re.finditer(_W, match.group(2)))
            keys = [fold(p.group()) for p in parts]
            taken = 0
            for part, key in zip(parts, keys, strict=True):
                named = bool(match.group(1)) and part.group()[:1].isupper() \
                    and self.lexicon.is_name(key) and not self.lexicon.is_clinical(key)
                # a gene or an acronym written in name case after 'my name is' ('Hla Hla
                # Win': 'HLA' is the gene) is a name
                titled = bool(match.group(1)) and part.group()[:1].isupper() \
                    and part.group()[1:].islower() and key in self.lexicon.genes
                if ((key in FUNCTION_WORDS or key in _NOT_AFTER_TITLE) and not named) \
                        or (self.lexicon.is_clinical(key) and not titled):
                    break  # months and seasons are given names here ('april', 'autumn rain');
                    # after 'my name is' a capitalized name that is also a word counts ('Will')
                if taken and not (self._name_like(key) or key in self.lexicon.particles
                                  or key in MONTH_WORDS or titled):
                    break
                taken += 1
            if not taken:
                continue
            if not match.group(1) and not self._name_like(keys[0]) and not (
                    taken >= 2 and parts[0].group()[:1].isupper()
                    and parts[1].group()[:1].isupper() and not words.is_english(keys[1])
                    and self._name_like(keys[1])):
                continue  # ('this is Seta Kalaydjian': a given name that is also a word,
                # before a surname no dictionary holds)
            base = match.start(2)
            spans.append(Span(base + parts[0].start(), base + parts[taken - 1].end(),
                              PhiType.NAME, "cue_intro", 0.85))
        lex = self.lexicon
        for match in _SELF_INTRO.finditer(text) if _SELF_INTRO_GATE.search(text) else ():
            keys = [fold(w) for w in match.group(1).split()]
            first = keys[0]
            gene_named = first in lex.genes and match.group(1)[:1].isupper() \
                and match.group(1)[1:2].islower()  # "I'm Hla Hla": the gene is written HLA
            # "I'm Hope, a foster mom": a given name set off before who one is, even a word
            apposed = first in lex.first and _APPOSED_ROLE.match(text, match.end(1)) is not None
            if first in _NOT_PT_NAME or first in FUNCTION_WORDS or (
                    lex.is_clinical(first) and not gene_named) \
                    or first in lex.states or not (
                    apposed or (first in lex.first and words.zipf(first) < 5.0)
                    or (lex.is_name(first) and not lex.blocks_alone(first))
                    or ("-" in first and not words.is_english(first))
                    or (not words.is_english(first) and words.zipf(first) < _RARE)):
                continue  # 'I'm Catholic', "I'm Black and", 'I'm Diabetic'
            spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "cue_intro", 0.85))
        return spans

    def _nicknamed_names(self, text: str) -> list[Span]:
        """A given name, a quoted nickname and a surname ('Ernest "Ernie" Bonnet', 'Terrence
        "Tee" Baker'), or a surname, a given name and a quoted nickname in capitals
        ('ABERNATHY, BERNARD "BUD"'): the nickname in quotes marks a person whatever the
        words mean."""
        spans: list[Span] = []
        lex = self.lexicon
        for match in _NICKNAMED.finditer(text) if ("\"" in text or "“" in text) else ():
            keys = [fold(w) for w in re.findall(r"[A-Za-z'’\-]+", match.group())]
            if any(k in FUNCTION_WORDS or k in _GENERIC or k in _SERVICES or k in MONTH_WORDS
                   or (lex.is_clinical(k) and k not in lex.last and k not in lex.first)
                   for k in keys):
                continue  # ('Baker', 'Bonnet' are clinical words and surnames)
            spans.append(Span(match.start(), match.end(), PhiType.NAME, "cue_nicknamed", 0.85))
        return spans

    def _everyday_given_names(self, text: str) -> list[Span]:
        """A given name that is also an everyday word ('Will', 'Hope', 'Summer'), capitalized in
        the middle of a sentence after a lower-case word and closing a phrase or followed by a
        surname or a verb ('call Will.', 'this is Will from the lab', 'Hope and Will were
        born', 'married to Will Summers'): the capital there is the evidence a word lacks."""
        spans: list[Span] = []
        lex = self.lexicon
        for match in _EVERYDAY_NAME.finditer(text):
            key = fold(match.group(1))
            if key not in lex.first or key in MONTH_WORDS or lex.is_clinical(key) \
                    or key in lex.states or not lex.blocks_alone(key) or key in _FAMILY_WORDS \
                    or key in lex.titles:
                continue  # names no word shares are the other finders'; months are dates
            if _NO_NAME_BEFORE.search(text, max(0, match.start() - 12), match.start()):
                continue  # 'the Will', 'in Hope', 'at Grace': a document or a place
            previous = _WORD_BEFORE_NAME.search(text, max(0, match.start() - 30), match.start())
            if previous is None or previous.group(1) not in _NAME_LEAD_WORDS:
                continue  # 'Living Will', 'speaks mostly French', 'Is there Hope?'
            end = match.end(1)
            surname = _SURNAME_AFTER.match(text, end)
            if surname:
                last = fold(surname.group(1))
                if last not in lex.last or last in _GENERIC or last in _SERVICES \
                        or lex.is_clinical(last):
                    continue  # 'Boston Scientific', 'Liberty Select': a brand
                end = surname.end(1)  # 'married to Will Summers'
            spans.append(Span(match.start(1), end, PhiType.NAME, "cue_everyday_name", 0.75))
        return spans

    def _relation_names(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for match in _RELATION_NAME.finditer(text):
            key = fold(match.group(1))
            unknown = not words.is_english(key) and words.zipf(key) < _RARE \
                and not self.lexicon.is_clinical(key)
            if key in _MODALS or self._blocked(key) or not (
                    key in self.lexicon.first
                    or (match.group(1)[:1].isupper() and (self._name_like(key) or unknown))
                    or (unknown and len(key) > 3 and words.zipf(key) < 1.0
                        and words.pronounceable(key))):
                continue  # a given name, or a word no dictionary knows ('Chidi', 'rahima')
            spans.append(Span(match.start(1), self._lower_surname_end(text, match.end(1)),
                              PhiType.NAME, "cue_relation", 0.85))
        return spans

    def _lower_surname_end(self, text: str, end: int) -> int:
        """Where a given name typed in lower case ends with its surname ('my kid rahima
        begum', 'my 1 yo santiago quituisaca'): one more lower-case word that no dictionary
        or clinical list holds; else `end`."""
        if not text[end - 1:end].islower():
            return end
        after = _LOWER_SURNAME.match(text, end)
        if after is None:
            return end
        key = fold(after.group(1))
        if self.lexicon.is_clinical(key) or key in FUNCTION_WORDS or words.zipf(key) >= _RARE \
                or (words.is_english(key) and key not in self.lexicon.last):
            return end
        return after.end(1)

    def _user_names(self, text: str) -> list[Span]:
        """Login names after a word of authorship (see `_USER_NAME`)."""
        spans: list[Span] = []
        lex = self.lexicon
        for match in _USER_NAME.finditer(text):
            value = match.group(1)
            key = fold(value)
            plain = key.replace("_", "").replace(".", "")
            if plain.isalpha() and (words.is_english(key) or lex.is_clinical(key)
                                    or key in FUNCTION_WORDS or words.zipf(key) >= 2.5):
                continue
            if plain.isalpha() and any(
                    words.is_english(key[:i]) and words.is_english(key[i:])
                    and min(words.zipf(key[:i]), words.zipf(key[i:])) >= 3.0
                    for i in range(3, len(key) - 2)):
                continue  # two English words run together ('livestream', 'telehealth')
            initial_surname = lex.is_name(key[1:]) or lex.is_name(key[2:])
            if not any(c.isdigit() or c in "._" for c in value) and not initial_surname and (
                    words.near_english(key) or not words.pronounceable(key)):
                continue  # a misspelt word ('by mouht'), not 'jsmith' or 'rkoenig'

            spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "cue_user_name", 0.8))
        return spans

    def _relative_ages(self, text: str) -> list[Span]:
        """In a note: a number over 89 set off as in a message (`_MESSAGE_AGE`) with a
        relation just before it in its line (`_RELATION_NEAR`) and nothing between them but
        what `_RELATION_TO_AGE` allows."""
        spans: list[Span] = []
        for match in _MESSAGE_AGE.finditer(text):
            line_start = text.rfind("\n", 0, match.start(1)) + 1
            window = text[max(line_start, match.start(1) - 45):match.start(1)]
            relations = list(_RELATION_NEAR.finditer(window))
            if not relations or not _RELATION_TO_AGE.fullmatch(window, relations[-1].end()):
                continue  # only a name, an aside or a verb of being between them
            words_before = [fold(w) for w in _LETTER_WORD.findall(window)[-3:]]
            if not _NOT_AGE_WORDS.isdisjoint(words_before) or any(
                    self.lexicon.is_clinical(w) and w not in _AGE_SUBJECT_WORDS
                    for w in words_before[-1:]):
                continue  # 'mother's sugar was 95', 'her ferritin 97 and'
            spans.append(Span(match.start(1), match.end(1), PhiType.AGE, "cue_age_relation",
                              0.8))
        return spans

    def _ages_after_subjects(self, text: str) -> list[Span]:
        """Ages over 89 after a person and a verb of being (`_AGE_AFTER_VERB`, the subject
        read backwards from the verb by `_SUBJECT_BEFORE`)."""
        spans: list[Span] = []
        if _AGE_GATE.search(text) is None:
            return spans
        lex = self.lexicon
        for verb in _AGE_AFTER_VERB.finditer(text):
            match = _SUBJECT_BEFORE.search(text, max(0, verb.start() - 60), verb.start())
            if match is None:
                continue
            subject = match.group("subj")
            key = fold(subject.rstrip("'’s"))
            before = [fold(w) for w in _LETTER_WORD.findall(
                text, max(0, match.start() - 30), match.start())][-2:]
            if key in _AGE_SUBJECT_WORDS or fold(subject) in _AGE_SUBJECT_WORDS:
                pass  # 'grandma is 96', 'who is a hundred and two'
            elif not subject[:1].isupper() or self._blocked(key) or key in _MEASURE_WORDS:
                continue
            elif not (any(w in _AGE_SUBJECT_WORDS for w in before) or (
                    lex.is_name(key) and not words.is_english(key))):
                continue  # a name after a relation ('Nana Clover is 96') or a rare name
            end = verb.end("tail") if verb.group("tail") else verb.end("age")
            spans.append(Span(verb.start("age"), end, PhiType.AGE, "cue_age_subject", 0.85))
        if len(text) <= _MESSAGE and _PERSON_IN_MESSAGE.search(text):
            for match in _MESSAGE_AGE.finditer(text):
                window = text[max(0, match.start(1) - 30):match.start(1)]
                words_before = [fold(w) for w in _LETTER_WORD.findall(window)[-3:]]
                if not _NOT_AGE_WORDS.isdisjoint(words_before) or any(
                        self.lexicon.is_clinical(w) and w not in _AGE_SUBJECT_WORDS
                        for w in words_before[-1:]):
                    continue  # 'my sugar was 95', 'ferritin 97 and'
                spans.append(Span(match.start(1), match.end(1), PhiType.AGE, "cue_age_message",
                                  0.8))
        if len(text) > _MESSAGE:
            spans.extend(self._relative_ages(text))
        for match in _NOW_AGE.finditer(text):
            window = text[max(0, match.start() - 60):match.start()]
            if re.search(r"(?i)\b(?:pt|patient|resident|mom|mother|dad|father|grand\w*|"
                         r"aunt|uncle|wife|husband|she|he|mrs?|ms|miss)\b", window):
                spans.append(Span(match.start(1), match.end(1), PhiType.AGE, "cue_age_now", 0.8))
        return spans

    def _child_ages(self, text: str) -> list[Span]:
        spans: list[Span] = []
        aged = "old" in text or "yo" in text or "y/o" in text or "y.o." in text
        for match in _AGED_CHILD_NAME.finditer(text) if aged else ():
            key = fold(match.group(1))
            if key in FUNCTION_WORDS or self.lexicon.is_clinical(key) or key in _FAMILY_WORDS \
                    or key in _MODALS or key in ("SHE", "HE", "WHO", "HAS", "IS", "WAS"):
                continue
            if match.group(1)[:1].islower() and not (
                    key in self.lexicon.first and words.zipf(key) < _LOWER_NAME_ZIPF):
                continue  # 'my 1 yo santiago', not 'my 3 yo less hungry', 'my 6 yo vyvanse'
            spans.append(Span(match.start(1), self._lower_surname_end(text, match.end(1)),
                              PhiType.NAME, "cue_child_name", 0.8))
        if " is " not in text:
            return spans
        for match in _CHILD_AGE.finditer(text):
            key = fold(match.group(1))
            if key in _MODALS or key not in self.lexicon.first or self._blocked(key) \
                    or key in _FAMILY_WORDS \
                    or key in ("SHE", "HE", "IT", "WHO", "THAT", "THIS", "WHICH"):
                continue
            spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "cue_child_age", 0.8))
        return spans

    def _lower_pairs(self, text: str) -> list[Span]:
        """'need a letter for work: marcus bell': in text without capitals, a given name that is
        no everyday word followed by a dictionary surname."""
        spans: list[Span] = []
        lex = self.lexicon
        for match in _LOWER_PAIR.finditer(text):
            first, last = fold(match.group(1)), fold(match.group(2))
            if (first, last) in self.eponym_pairs:
                continue
            if first not in lex.first or words.is_english(first) or words.zipf(first) >= 4.5 \
                    or self._blocked(first) or lex.is_clinical(first):
                continue
            if last not in lex.last or self._blocked(last) or last in lex.particles \
                    or words.zipf(last) >= 5.0:
                continue
            spans.append(Span(match.start(1), match.end(2), PhiType.NAME, "cue_lower_pair", 0.8))
        return spans

    def _facilities_before_units(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for match in _UNIT_AFTER_FACILITY.finditer(text):
            keys = [fold(w) for w in match.group(1).split()]
            if all(k in FUNCTION_WORDS or k in _GENERIC_CARE or k in _GENERIC or k in _SERVICES
                   or _SERVICE_END.search(k) for k in keys):
                continue
            spans.append(Span(match.start(1), match.end(1), PhiType.FACILITY, "cue_unit_facility",
                              0.85))
        return spans

    def _capitalized_pairs(self, text: str) -> list[Span]:
        """'Sathish Kulkarni': two capitalized words, one a dictionary name that is no English
        word, the other such a name too or a word no list holds (any origin's names)."""
        spans: list[Span] = []
        lex = self.lexicon
        for match in _CAPITALIZED_PAIR.finditer(text):
            if match.group(1).isupper() or match.group(2).isupper():
                continue
            keys = [fold(match.group(1)), fold(match.group(2))]
            # (the scanner's 'weak' list is not consulted: word frequency decides here)
            if any(lex.is_clinical(k) or k in lex.not_name or k in lex.places or self._blocked(k)
                   for k in keys):
                continue
            named = [self._dictionary_name(k) for k in keys]
            if (keys[0], keys[1]) in self.eponym_pairs or _eponym_after(
                    text[match.end():match.end() + 60]):
                continue  # 'Kikuchi Fujimoto disease', 'Klippel Trenaunay syndrome'
            credential = _CREDENTIAL_AFTER.match(text, match.end())
            if credential and not any(words.is_english(k) and not lex.is_name(k) for k in keys):
                pass  # 'Tavita Faleolo, RN': names before a credential, whatever their origin
            elif not any(named) or not all(
                    n or self._unknown(k) for n, k in zip(named, keys, strict=True)):
                continue
            spans.append(Span(match.start(1), match.end(2), PhiType.NAME, "cue_name_pair", 0.8))
        for match in _INITIAL_SURNAME.finditer(text):
            key = fold(match.group(2))
            # an eponym's surname is a person's too before a credential ('H. Scheuermann, CGC')
            if not _CREDENTIAL_AFTER.match(text, match.end()) or key in lex.drugs \
                    or key in lex.not_name or (words.is_english(key) and not lex.is_name(key)):
                continue
            spans.append(Span(match.start(1), match.end(2), PhiType.NAME, "cue_initial_credential",
                              0.8))
        return spans

    def _dictionary_name(self, key: str) -> bool:
        return self.lexicon.is_name(key) and words.zipf(key) < 4.0 and not words.is_english(key)

    @staticmethod
    def _unknown(key: str) -> bool:
        return (words.zipf(key) == 0.0 and not words.is_english(key)
                and not words.near_english(key) and words.pronounceable(key)
                and not words.term_shaped(key) and key not in words.unknown_stop())

    def _numbers_by_context(self, text: str) -> list[Span]:
        """National phone numbers after a contact word (valid for a country that writes its
        numbers with a trunk 0, by phonenumbers' metadata) and social-media handles after a
        network's name: the number or handle is found first, its context looked up in the
        few characters before it (a scan per word for the context would cost far more)."""
        spans: list[Span] = []
        if "0" in text:
            for match in _NATIONAL_NUMBER.finditer(text):
                start = match.start(1)
                if (text[start] == "(" or _PHONE_CONTEXT.search(text, max(0, start - 40), start)
                        or _NATIONAL_LAYOUT.fullmatch(match.group(1))) \
                        and phone_national_ok(match.group(1)):
                    spans.append(Span(start, match.end(1), PhiType.PHONE, "cue_phone_national",
                                      0.85))
        if "#" in text or "o." in text or "umber" in text or "NO." in text:
            spans.extend(self._numbered_codes(text))
        if "@" in text:
            for match in _HANDLE.finditer(text):
                handle = match.group()[1:]
                if _HANDLE_CONTEXT.search(text, max(0, match.start() - 40), match.start()) and (
                        any(c.isdigit() or c in "._" for c in handle)
                        or not words.is_english(fold(handle))):  # ('IG is @risk')
                    spans.append(Span(match.start(), match.end(), PhiType.ID, "cue_handle", 0.85))
        return spans

    def _numbered_codes(self, text: str) -> list[Span]:
        """A code after any word and a number sign ('rep # MDT-SD-0441', 'ID bands #40271',
        'IND #: 168847', 'our HPE no. H/2023/4417', 'process no. 5014472-88.2024.8.13.0024',
        'screening number is TW-SCR-0093'): a code of three digits or more is some record's
        unique number, unless the word before counts or measures ('tablet #2', 'cycle #3',
        'room # 412', 'lot #', 'page no. 104')."""
        spans: list[Span] = []
        for match in _NUMBERED_CODE.finditer(text):
            code = match.group(1)
            if " " in code and (not text[text.rfind("\n", 0, match.start()) + 1:match.start()]
                                .strip() or clinical_acronym(code.split()[0], self.lexicon)):
                continue  # '# HTN 160/100', 'Test # CMP 800': a problem list's or a panel's
            if sum(c.isdigit() for c in code) < 3 or _YEAR_ONLY.fullmatch(code) \
                    or _FRACTION_OR_DATE.fullmatch(code) or _DECIMAL_OR_ICD.fullmatch(code) \
                    or code == "911":
                continue
            label = _LABEL_WORD.search(text, max(0, match.start() - 30), match.start())
            key = fold(label.group(1)) if label else ""
            registry = (label is not None and label.group(1).isupper() and 3 <= len(key) <= 7
                        and len(code) >= 4 and key not in _LAB_WORDS
                        and key not in _MEASURE_WORDS)
            if label is None or key in _COUNTED_LABELS or self.lexicon.is_clinical(key) or (
                    code.isdigit() and len(code) < _SHORTEST_BARE and key not in _RECORD_LABELS
                    and not registry):  # ('RCDSO #80332', 'EMIS no. 88104': a registry's)
                continue  # ('qty #180', 'LDL # 130', 'said no. 300'; not 'ID bands #40271')
            spans.append(Span(match.start(1), match.end(1), PhiType.ID, "cue_numbered_code",
                              0.8))
        return spans

    def _underscored_signatures(self, text: str) -> list[Span]:
        """A name written on a form's signature rule ('____A. Ghuman____', '__Deepa S.__'):
        capitalized words between runs of underscores, one of them a name or no English
        word, none clinical."""
        lex = self.lexicon
        spans: list[Span] = []
        for match in _UNDERSCORED.finditer(text):
            keys = [fold(w) for w in re.findall(r"[A-Za-z'’\-]{2,}", match.group(1))]
            if keys and not any(lex.is_clinical(k) or k in FUNCTION_WORDS for k in keys) and any(
                    lex.is_name(k) or not words.is_english(k) for k in keys):
                spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "cue_signature",
                                  0.85))
        return spans

    def _signed_initials(self, text: str) -> list[Span]:
        """Initials that sign an entry at a line's end ('Review Fri. G.H.', '-- NE', a line
        of 'MT' alone), list the members of a group after an 'initials' label ('R.T., JB,
        M.A.S.'), or follow a clock time and 'by' ('15:58 by jmb')."""
        lex = self.lexicon
        spans: list[Span] = []

        def keep(value: str, dotted: bool) -> bool:
            key = value.replace(".", "").replace(" ", "").upper()
            return len(key) >= 2 and key not in _NOT_INITIALS and key not in _ABBREVIATIONS \
                and key not in _CREDENTIALS_ALONE and not lex.is_clinical(key) and (dotted or (
                    key not in FUNCTION_WORDS and key not in lex.titles
                    and key not in _UNITS_ALONE))

        for match in _SIGN_OFF_INITIALS.finditer(text):
            value = match.group(1)
            dotted = "." in value
            before = text[text.rfind("\n", 0, match.start()) + 1:match.start()].rstrip()
            dash = match.group(0)[:1] in "-—–" and (not before or before[-1] in ".!?)")
            alone = not text[text.rfind("\n", 0, match.start(1)) + 1:match.start(1)].strip() \
                and not text[match.end():match.end() + 2].strip("\r\n \t")  # a sign-off line
            if (dotted or dash or alone) and keep(value, dotted):
                spans.append(Span(match.start(1), match.start(1) + len(value.rstrip(" \t")),
                                  PhiType.NAME, "cue_initials", 0.8))
        for label in _INITIALS_LABEL.finditer(text):
            for item in _INITIALS_ITEM.finditer(text, label.end(), label.end() + 200):
                if item.start() > label.end() and not _LIST_GAP.fullmatch(
                        text, spans[-1].end if spans and spans[-1].start >= label.end()
                        else label.end(), item.start()):
                    break
                if keep(item.group(1), "." in item.group(1)):
                    spans.append(Span(item.start(1), item.end(1), PhiType.NAME, "cue_initials",
                                      0.8))
        for match in _TIME_BY_INITIALS.finditer(text):
            if keep(match.group(1), False) and fold(match.group(1)) not in _NOT_BY:
                spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "cue_initials", 0.8))
        return spans

    def _mar_initials(self, text: str) -> list[Span]:
        """Staff initials closing the rows of a medication-administration table."""
        spans: list[Span] = []
        for match in _MAR_INITIALS.finditer(text):
            groups = [g for g in (1, 2) if match.group(g)]
            if any(match.group(g) in _NOT_INITIALS for g in groups):
                continue
            spans.extend(Span(match.start(g), match.end(g), PhiType.NAME, "cue_initials", 0.8)
                         for g in groups)
        return spans

    def _hl7(self, text: str) -> list[Span]:
        """Names, towns and ZIPs in the fields of HL7 v2 messages pasted into notes."""
        spans: list[Span] = []
        lex = self.lexicon
        named: set[int] = set()
        for match in _HL7_NAME.finditer(text):
            keys = [fold(match.group(1)), *(fold(w) for w in match.group(2).split())]
            if any(lex.is_clinical(k) or k in FUNCTION_WORDS or words.term_shaped(k)
                   or (words.is_english(k) and not lex.is_name(k)) or len(k) < 2 for k in keys):
                continue  # coded elements ('GLU^GLUCOSE^LN') are no person
            spans.append(Span(match.start(1), match.end(3) if match.group(3) else match.end(2),
                              PhiType.NAME, "cue_hl7_name", 0.85))
            if any(lex.is_name(k) for k in keys):
                named.add(match.start(1))  # a dictionary name: the XCN id before it is a person's
        for match in _HL7_PID_NAME.finditer(text):
            offset = match.start(1)
            for part in re.finditer(r"[^~^&]+", match.group(1)):
                if any(c.isalpha() for c in part.group()) and part.group().strip():
                    lead = len(part.group()) - len(part.group().lstrip())
                    spans.append(Span(offset + part.start() + lead,
                                      offset + part.start() + len(part.group().rstrip()),
                                      PhiType.NAME, "cue_hl7_pid_name", 0.9))
        for regex in (_HL7_MSH, _HL7_AUTHORITY):
            for match in regex.finditer(text):
                for group in range(1, (match.lastindex or 0) + 1):
                    value = match.group(group).strip()
                    if value and fold(value) not in _HL7_APPLICATIONS and any(
                            c.isalpha() for c in value):
                        start = match.start(group) + (len(match.group(group))
                                                      - len(match.group(group).lstrip()))
                        spans.append(Span(start, start + len(value), PhiType.FACILITY,
                                          "cue_hl7_facility", 0.85))
        for match in _HL7_PERSON_ID.finditer(text):
            if match.end() in named and any(c.isdigit() for c in match.group(1)):
                spans.append(Span(match.start(1), match.end(1), PhiType.ID, "cue_hl7_id", 0.85))
        spans.extend(Span(m.start(1), m.end(1), PhiType.PHONE, "cue_hl7_phone", 0.9)
                     for m in _HL7_PHONE.finditer(text))
        spans.extend(Span(m.start(1), m.end(1), PhiType.AGE, "cue_hl7_age", 0.9)
                     for m in _HL7_AGE.finditer(text))
        for match in _HL7_PLACE.finditer(text):
            if match.group(2) in STATES:
                spans.append(Span(match.start(1), match.end(1), PhiType.CITY, "cue_hl7_city", 0.85))
                spans.append(Span(match.start(3), match.end(3), PhiType.ZIP, "cue_hl7_zip", 0.9))
        return spans

    def _signatures(self, text: str) -> list[Span]:
        """Typist initials, dash sign-offs and surnames with particles (see the regexes)."""
        spans: list[Span] = []
        lex = self.lexicon
        for match in _TYPIST.finditer(text):
            for group in (1, 3):
                value = match.group(group)
                if value and fold(value) not in _CHAT_WORDS and value.lower() not in _UNITS_LOWER \
                        and fold(value) not in _LABEL_NOT_INITIALS \
                        and not (len(value) > 2 and lex.is_clinical(fold(value))) \
                        and fold(value) not in FUNCTION_WORDS and fold(value) not in lex.titles \
                        and not (value.isupper() and fold(value) in _CREDENTIALS) \
                        and not (len(value) > 2 and words.is_english(fold(value))):
                    spans.append(Span(match.start(group), match.end(group), PhiType.NAME,
                                      "cue_typist", 0.8))  # (not 'Entered by RN')
        for match in _SIGNOFF_LABEL.finditer(text) if ":" in text or "/" in text else ():
            for group in (1, 2):  # 'Reviewed: TL', 'Tech: CW / LJ'
                value = match.group(group)
                key = fold(value) if value else ""
                if value and key not in _CHAT_WORDS and value.lower() not in _UNITS_LOWER \
                        and not lex.is_clinical(key) and key not in _CREDENTIALS \
                        and key not in FUNCTION_WORDS and key not in _SIGNOFF_NOT_INITIALS:
                    spans.append(Span(match.start(group), match.end(group), PhiType.NAME,
                                      "cue_typist", 0.8))
        for match in _JOB_LINE_INITIALS.finditer(text) if "/" in text else ():
            value = match.group(1)
            line_start = text.rfind("\n", 0, match.start()) + 1
            if not _JOB_LINE.search(text, line_start, match.start()):
                continue
            if value not in _UNITS_LOWER and fold(value) not in _SIGNOFF_NOT_INITIALS \
                    and fold(value) not in _CHAT_WORDS and not lex.is_clinical(fold(value)) \
                    and value not in ("lt", "rt", "wnl", "dtr", "ok", "nl") and not (
                    len(value) > 2 and words.is_english(fold(value))):
                spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "cue_typist",
                                  0.75))
        for match in _REFERENCE_INITIALS.finditer(text):
            if match.group(2) in _UNITS_LOWER or lex.is_clinical(match.group(1)):
                continue
            spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "cue_initials", 0.75))
            spans.append(Span(match.start(2), match.end(2), PhiType.NAME, "cue_initials", 0.75))
        for match in _SIGNOFF_DASH.finditer(text):
            value = match.group(1)
            first = fold(value.split()[0])
            if first in _CHAT_WORDS or first in FUNCTION_WORDS or lex.is_clinical(first) \
                    or first in MONTH_WORDS or words.term_shaped(first):
                continue  # ('denial -- belatacept (Nulojix)': a drug by its stem)
            if len(first) > 3 and not (lex.is_name(first) or (
                    words.zipf(first) < _RARE and not words.is_english(first))):
                continue
            spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "cue_signoff", 0.8))
        for match in _LINE_INITIALS.finditer(text) if ("/" in text) else ():
            group = 1 if match.group(1) else 2
            key = fold(match.group(group))
            if key in _CHAT_WORDS or key in _SIGNOFF_NOT_INITIALS or key in FUNCTION_WORDS \
                    or lex.is_clinical(key) or key in lex.states or key in lex.titles:
                continue
            spans.append(Span(match.start(group), match.end(group), PhiType.NAME,
                              "cue_signoff", 0.75))
        for match in _SIGNOFF_CAPS.finditer(text):
            key = fold(match.group(1))
            if key in _CHAT_WORDS or key in _SIGNOFF_NOT_INITIALS or key in FUNCTION_WORDS \
                    or lex.is_clinical(key) or key in lex.states or key in lex.titles \
                    or (len(key) > 2 and words.is_english(key)):
                continue
            spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "cue_signoff", 0.75))
        for match in _SIGNOFF_CREDENTIAL.finditer(text):
            surname = fold(match.group(1).split(".")[-1].strip())
            if surname in _ORGANISM_WORDS or lex.is_clinical(surname) \
                    or words.term_shaped(surname):
                continue  # 'e. coli, RN notified', 's. aureus' are organisms
            spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "cue_signoff", 0.8))
        for match in _PARTICLE_NAME.finditer(text):
            surname = fold(match.group(2).split()[-1])
            given = match.group(1)
            if lex.is_clinical(surname) or surname in lex.eponyms or (
                    given is not None and words.is_english(surname)):
                continue  # after a title or 'family' an English word is a surname ('van der Berg')
            if given is not None:
                key = fold(given)
                if key in FUNCTION_WORDS or lex.is_clinical(key) or not (
                        lex.is_name(key) or words.zipf(key) < _RARE):
                    continue
                spans.append(Span(match.start(1), match.end(2), PhiType.NAME, "cue_particle",
                                  0.8))
            else:
                spans.append(Span(match.start(2), match.end(2), PhiType.NAME, "cue_particle",
                                  0.8))
        return spans

    def _addressed_names(self, text: str) -> list[Span]:
        """Names in parentheses and after 'tell'/'ask' (see `_PAREN_PERSON`, `_TELL_NAME`)."""
        spans: list[Span] = []
        lex = self.lexicon
        for match in _PAREN_PERSON.finditer(text):
            key = fold(match.group(1))
            clause = _CLAUSE_START.split(text[max(0, match.start() - 48):match.start()])[-1]
            if (lex.is_name(key) or (words.zipf(key) == 0.0 and words.pronounceable(key)
                                     and _PERSON_BEFORE.search(clause))) \
                    and not words.is_english(key) and not lex.is_clinical(key) \
                    and not words.term_shaped(key) and key not in lex.states \
                    and key not in lex.places:
                spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "cue_paren_name",
                                  0.75))
        for match in _TELL_NAME.finditer(text):
            keys = [fold(w) for w in match.group(1).split()]
            if any((k in FUNCTION_WORDS and not lex.is_name(k)) or lex.is_clinical(k)
                   or k in lex.titles or k in MONTH_WORDS for k in keys) \
                    or not any(lex.is_name(k) for k in keys):
                continue
            spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "cue_tell", 0.8))
        return spans

    def _census_names(self, text: str) -> list[Span]:
        """Names on census and board lines and before an age-and-sex shorthand."""
        spans: list[Span] = []
        lex = self.lexicon
        matches = list(_CENSUS.finditer(text))
        for age in _AGE_SEX.finditer(text):
            window = max(0, age.start() - 48)
            before = _NAME_BEFORE_AGE_SEX.search(text, window, age.start())
            if before is not None:
                matches.append(before)
        if matches:
            for match in matches:
                parts = list(re.finditer(r"[A-Za-z][a-z'’\-]*", match.group(1)))
                keys = [fold(p.group()) for p in parts]
                names = [k for k in keys if len(k) > 1]
                if not names and re.fullmatch(r"(?:[A-Z]\.[ \t]?){2,3}", match.group(1)):
                    spans.append(Span(match.start(1), match.end(1), PhiType.NAME,
                                      "cue_census", 0.8))  # 'pt J.R. 58M'
                    continue
                if not names or any(
                        k in FUNCTION_WORDS or lex.is_clinical(k) or k in lex.titles
                        or k in MONTH_WORDS or k in lex.states or k in _ROLES_CAPS
                        for k in names):
                    continue
                if not all(lex.is_name(k) and not words.term_shaped(k) for k in names):
                    continue  # both words in the name lists ('kevin tran'; not 'tacrolimus')
                spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "cue_census",
                                  0.8))
        return spans

    def _role_names_caps(self, text: str) -> list[Span]:
        spans: list[Span] = []
        lex = self.lexicon
        position = 0
        while (match := _ROLE_NAME_CAPS.search(text, position)) is not None:
            position = match.start(1)  # the name may hold the next role ('SANTOS CREW: ...')
            parts = list(re.finditer(r"[A-Z][A-Z'’\-]+", match.group(1)))
            taken = 0
            for part in parts:
                key = fold(part.group())
                if key in _ROLES_CAPS or key in FUNCTION_WORDS or lex.is_clinical(key) \
                        or key in lex.titles \
                        or key in MONTH_WORDS or key in lex.states or not (
                            (lex.is_name(key) and words.zipf(key) < 4.5)
                            or (words.zipf(key) == 0.0 and not words.is_english(key)
                                and not words.term_shaped(key) and len(key) > 3
                                and words.pronounceable(key))):
                    break
                taken += 1
            if taken:
                base = match.start(1)
                spans.append(Span(base, base + parts[taken - 1].end(), PhiType.NAME,
                                  "cue_role_name", 0.85))
        return spans

    def _greetings(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for regex in (_GREETING, _SIGN_OFF):
            for match in regex.finditer(text):
                keys = [fold(w) for w in match.group(1).split()]
                if keys[0] in _NOT_GREETED or any(
                        k in FUNCTION_WORDS or self.lexicon.is_clinical(k) or k in MONTH_WORDS
                        or k in self.lexicon.states for k in keys):
                    continue
                if not (self.lexicon.is_name(keys[0]) or (
                        words.zipf(keys[0]) < _RARE and not words.is_english(keys[0])
                        and not words.term_shaped(keys[0])) or (
                        len(keys) == 2 and not words.is_english(keys[1])
                        and self._name_like(keys[1]))):
                    continue  # (a given name that is a word before a rare surname signs too)
                spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "cue_greeting",
                                  0.85))
        return spans

    def _interpreters(self, text: str) -> list[Span]:
        """On a line that names an interpreter ('Interpreter: Pashto via video, Zalmai
        #V2281', 'video interp Olena, #UKR-1187', 'Dari -- Shabnam ok'): a given name right
        before the interpreter's number or way of working, or right after a language and a
        dash; the number after '#' or 'ID' is the interpreter's identifier."""
        spans: list[Span] = []
        lex = self.lexicon
        for line in _LINE.finditer(text):
            if not _INTERPRETER_CUE.search(line.group()):
                continue
            for match in [*_INTERPRETER_NAME.finditer(text, line.start(), line.end()),
                          *_LANGUAGE_THEN_NAME.finditer(text, line.start(), line.end())]:
                start, end = match.span("name")
                keys = [fold(w) for w in re.findall(r"[A-Za-z'’\-]+", match.group("name"))]
                first = keys[0]
                if first in LANGUAGES or first.split("-")[0] in LANGUAGES \
                        or first in _INTERPRETER_VENDORS or first in FUNCTION_WORDS \
                        or first in MONTH_WORDS \
                        or lex.is_clinical(first) or first in _GENERIC or first in _SERVICES \
                        or not (lex.is_name(first) or words.zipf(first) < _RARE_INTERPRETER):
                    continue
                spans.append(Span(start, end, PhiType.NAME, "cue_interpreter", 0.85))
                number = _INTERPRETER_NUMBER.match(text, end)
                if number and any(c.isdigit() for c in number.group(1)):
                    spans.append(Span(number.start(1), number.end(1), PhiType.ID,
                                      "cue_interpreter", 0.85))
        return spans

    def _role_initials(self, text: str) -> list[Span]:
        """'tech A.R.', 'Employee T.H.', 'the pharmacy tech (JR)', 'signed "BW"': a role
        or a signature, then initials (no clinical abbreviation: 'staff (SW)', 'pt (DNR)')."""
        spans = []
        for match in _ROLE_INITIALS.finditer(text):
            group = next(g for g in (1, 2, 3) if match.group(g))
            letters = match.group(group).replace(".", "").replace(" ", "").upper()
            if not person_initials(letters, _NOT_PERSON_AFTER_ROLE) or letters in _CREDENTIALS:
                continue
            spans.append(Span(match.start(group), match.end(group), PhiType.NAME,
                              "cue_role_initial", 0.85))
        return spans

    def _role_names(self, text: str) -> list[Span]:
        spans: list[Span] = self._role_names_caps(text)
        spans.extend(self._role_initials(text))
        lex = self.lexicon
        for match in _ROLE_NAME.finditer(text):
            parts = list(re.finditer(r"[A-Za-z'’\-]+", match.group(1)))
            keys = [fold(p.group()) for p in parts]
            first = keys[0]
            if len(first) == 1 and len(keys) > 1:  # 'officer D. Ng', 'CRNA V. Obuya'
                first = keys[1]
            if first in _ASIAN_SHORT and keys[-1] == first:  # 'Ofc. Ng', 'officer D. Ng'
                spans.append(Span(match.start(1), match.end(1), PhiType.NAME,
                                  "cue_role_initial", 0.85))
                continue
            if first in FUNCTION_WORDS or lex.is_clinical(first) or first in MONTH_WORDS \
                    or first in lex.states or first in _GENERIC or first in _SERVICES \
                    or first in _OFFICE_AFTER_ROLE:
                continue
            tail = first.rsplit("-", 1)[-1]
            if "-" in first and words.zipf(tail) >= _EVERYDAY_TAIL and words.is_english(tail) \
                    and tail not in lex.first and tail not in _HONORIFIC_SUFFIXES:
                continue  # 'pharmacist Re-Check', 'Co-Pay': a hyphenated word, no surname
            if not (lex.is_name(first) or (words.zipf(first) < _RARE
                                           and not words.is_english(first))):
                continue
            taken = 1
            for key in keys[1:]:
                if parts[taken - 1].group().endswith(("'s", "’s")):
                    break  # a possessive ends the name ("Arjun's Kawasaki disease")
                # capitalized words after a name's first word continue it ('Two Crow'; an
                # eponym's surname too: 'Bouchard') unless they name a unit, month or state
                if (lex.is_clinical(key) and not lex.is_name(key)) or key in _GENERIC \
                        or key in _SERVICES or key in MONTH_WORDS or key in lex.states \
                        or key in ("THE", "AND", "OR", "AT", "IN", "ON", "TO", "FOR", "WITH"):
                    break
                taken += 1
            base = match.start(1)
            spans.append(Span(base + parts[0].start(), base + parts[taken - 1].end(),
                              PhiType.NAME, "cue_role_name", 0.85))
        return spans
