"""Person names in running text: dictionaries, name shapes and context.

Capitalized words are grouped into runs ('Maria de la Cruz', 'Smith, John A.',
'J. Smith'). A run becomes a name when

- it follows strong context: a title ('Dr.', 'Mrs'), a relation ('his daughter',
  'wife,'), a label ('Patient:', 'Name:', 'Dear', 'Signed by'), a signature dash,
  or is followed by a credential (', MD', 'RN') or a relation in brackets; then
  even everyday words ('Hope', 'Young') and unknown surnames are names;
- or it holds a dictionary name that is not an everyday or clinical word
  (`Lexicon.is_strong_name`), possibly with unknown capitalized neighbours,
  initials and particles;
- or it is two dictionary names that are everyday words in the middle of a
  sentence ('Rose Young'), or an initial and a surname ('J. Brown');
- or a reporting verb precedes it ('spoke with', 'seen by') and it is not
  clinical vocabulary.

A word used as an eponym ("Parkinson's disease", 'Wilson disease', 'Foley
catheter') never counts without a title. Titles and credentials stay outside
the span (they are not identifying). All lookups are set lookups; the only
regexes run once per text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from veil.detect import vocab
from veil.text.lexicon import FUNCTION_WORDS as _TEXT_FUNCTION
from veil.text.lexicon import MONTH_WORDS, Lexicon, fold
from veil.text.places import COUNTRY_OR_REGION as REGIONS
from veil.text.spans import PhiType, Span
from veil.text.words import (
    english_words,
    is_english,
    name_shaped,
    near_english,
    pronounceable,
    term_shaped,
    unknown_stop,
)

_TOKEN = re.compile(r"(?<![\w'’])[A-ZÀ-ÖØ-Þ](?:[^\W\d_]|['’])*(?:-[^\W\d_](?:[^\W\d_]|['’])*)*"
                    r"(?![0-9])\.?")
"""A capitalized word (any Latin letters: 'Wiśniewski', 'Fernández'), hyphenated parts joined."""
_PARTICLE_GAP = re.compile(
    r"^\s+(?:de|del|de\s+la|de\s+los|van|van\s+der|van\s+den|von|der|den|la|le|da|di|du|dos|"
    r"das|bin|ibn|al|el|y|st\.?)\s+$")
_GAP = re.compile(r"^(?:[ \t]{1,2}|[ \t]?,[ \t]{0,2}|-)$")

_TITLE = (r"(?:dr|doctor|mr|mrs|ms|miss|mx|prof|professor|rev|reverend|fr|father|sister|"
          r"brother|pastor|rabbi|imam|nurse|officer|det|detective|judge|sgt|capt|lt|col|"
          r"attorney|atty|coach|mister|madam|dame|sir|lady|lord)")
_TITLE_CONTEXT = (
    r"(?<![0-9][ \t])(?<![0-9])(?P<title>(?:dr|mr|mrs|ms|mx|prof|rev|fr|det|sgt|capt|lt|col|"
    r"atty)\.?|(?:doctor|miss|professor|reverend|father|sister|brother|pastor|rabbi|imam|"
    r"nurse|officer|detective|judge|attorney|coach|mister|madam|dame|sir|lady|lord)"
    r"(?![.A-Za-z]))")
"""A title as context: an abbreviation may take a period, a whole word may not ('charge
nurse. Reason: ...' ends a sentence); never right after a number ('0.4 MS. P WAVE', a unit).
A title is followed by its name directly: no comma or bracket is skipped after it
('moderate MR, TAPSE 14 mm', 'Figueiredo, MS, CGC')."""
_RELATION = (r"(?:wife|husband|spouse|partner|son|daughter|mother|father|mom|dad|mum|"
             r"brother|sister|sibling|grandson|granddaughter|grandmother|grandfather|"
             r"grandma|grandpa|grandchild|niece|nephew|aunt|uncle|cousin|fianc[eé]e?|"
             r"boyfriend|girlfriend|friend|neighbou?r|caregiver|carer|roommate|guardian|"
             r"stepson|stepdaughter|stepmother|stepfather|in-law|son-in-law|daughter-in-law|"
             r"mother-in-law|father-in-law|child|children|kids?|baby|infant|twin|"
             r"poa|hcp|proxy|surrogate|representative|landlord|employer|coworker|co-worker|"
             r"boss|colleague|pastor|priest|sponsor|case\s+manager|social\s+worker|"
             r"therapist|counselor|interpreter|aide|roommate|housemate|ex-wife|ex-husband|"
             r"dtr|dau|hubby|stepmom|stepdad|godmother|godfather|goddaughter|godson|"
             r"daughters|sons|sisters|brothers|grandkids|grandchildren|grandsons|granddaughters|"
             r"great-grandson|"
             r"great-granddaughter|half-brother|half-sister)")
_STRONG_BEFORE = re.compile(
    r"(?i:(?:\b" + _RELATION + r"(?![A-Za-z])(?:'s)?\s*(?:,|\(|:|-|=)?\s*"
    r"(?:(?:is|was|named|called|name\s+is|"
    r"whose\s+name\s+is)\s+)?$)|"
    r"(?:\b" + _TITLE_CONTEXT + r"\s*$)|"
    r"(?:\b(?:now\s+named|baby\s+(?:girl|boy))\s*$)|"
    r"(?:\b(?:dear|sincerely|regards|thanks|cordially|respectfully|best)\b\s*,?\s*$)|"
    r"(?:(?:^|\n)[ \t]*(?:—|–|--|~|/s/)[ \t]*$))")
_MEDIUM_BEFORE = re.compile(
    r"(?i:\b(?:spoke|speaking|talked|talking|met|meeting|discussed|consulted|called|"
    r"phoned|texted|emailed|messaged|visited|seen|evaluated|examined|assessed|treated|"
    r"followed|managed|referred|signed|dictated|reviewed|performed|accompanied|"
    r"brought|driven|picked\s+up|escorted|cared\s+for|per|cc|thank|thanked|asked|told|"
    r"informed|notified|paged|texted|messaged|updated|referring|thank\s+you\s+for\s+"
    r"(?:referring|seeing|sending))(?:\s+(?:with|to|by|for|in|on))?"
    r"\s+$)")
_CARE_BEFORE = re.compile(
    r"(?i:\b(?:handed\s+(?:off|over)|hand(?:ed)?\s*off|signed\s+out|sign-?out|endorsed|"
    r"page|paging|reached|left\s+(?:a\s+)?(?:message|msg|vm|voicemail)|lm|lvm|relieved|"
    r"covered|covering|d/w|rounded|staffed|deferred|escalated|contacted|faxed|"
    r"conferenced|huddled|coordinated|reconciled|verified|confirmed|counseled|counselled|"
    r"introduced|re-?paged|callback|returned\s+call|attending|resident|fellow|intern|"
    r"hospitalist|intensivist|surgeon|pharmacist|chaplain|interpreter|translator|nurse|rn|"
    r"lpn|cna|np|pa|sw|cm|case\s+manager|social\s+worker|hi|hello|hey|(?:message|msg|vm|"
    r"voicemail)\s+(?:left\s+)?for|left\s+for|by|reviewer|tech|technician|technologist|doula|"
    r"midwife|scribe|sonographer|phlebotomist|paramedic|emt|dietitian|hygienist|therapist|"
    r"rt|pt|ot|slp|cma|attn|baby\s+(?:girl|boy)|now\s+named|named|its|it's|this\s+is|"
    r"i'm|im|i\s+am)"
    r"(?:\s+(?:to|with|by|for|from|on|of))?(?:\s*[:(]\s*|\s+)$)")
"""Hand-off and care verbs: an unknown capitalized word after them is a person
('Handed off to Randrianasolo', 'Page Gebremariam'); dictionary words are not taken here."""
_WORD_START = r"(?:(?<![A-Za-z])(?=[A-Za-z])|(?=[\n—–\-~/]))"
"""Every context alternative starts at a word start or a signature dash: trying only there
(a cheap lookaround first) makes the whole-text scan ~2x faster with the same matches."""
_STRONG_BEFORE_ALL = re.compile(_WORD_START + _STRONG_BEFORE.pattern.replace("$)", ")"))
_LABELS = frozenset({
    "a.k.a.", "advocate", "aka", "alias", "anesthesiologist", "assistant", "attending", "attn",
    "authenticated by", "author", "by", "c/o", "care of", "caseworker", "cc", "chaplain",
    "client", "clinician", "cma", "co-signed by", "coach", "contact", "coordinator",
    "cosigned by", "deceased", "decedent", "dentist", "dictated by", "dietitian", "doctor",
    "doula", "e-signed by", "electronically signed by", "emergency contact", "emt", "father",
    "father of baby", "fellow", "fob", "from", "full name", "goes by", "guarantor", "guardian",
    "historian", "hygienist", "informant", "insured", "intern", "interpreter", "known as",
    "legal name", "maiden name", "md", "member", "midwife", "mob", "mother", "name",
    "navigator", "next of kin", "nickname", "nok", "np", "nurse", "ot", "pa", "paramedic",
    "parent", "partner", "patient", "patient name", "pcp", "pharmacist", "phlebotomist",
    "physician", "preferred name", "provider", "pt", "referring", "referring physician",
    "resident", "reviewer", "rn", "rt", "scribe", "signed", "signed by", "slp", "sonographer",
    "source", "spouse", "subscriber", "supervisor", "surgeon", "tech", "technician",
    "technologist", "therapist", "to", "transcribed by", "translator", "witness", "worker",
})
_LABELS = _LABELS | frozenset({
    "prosector", "pathologist", "radiologist", "cardiologist", "oncologist", "neurologist",
    "consultant", "consulting", "consulting physician", "grossed by", "reported by", "read by",
    "performed by", "verified by", "reviewed by", "ordered by", "ordering provider",
    "ordering physician", "requested by", "entered by", "completed by", "collected by",
    "received by", "released by", "approved by", "updated by", "documented by",
    "recorded by", "interpreted by", "dictating physician", "attending physician",
    "primary care", "primary care physician", "primary care provider", "case manager",
    "social worker", "charge nurse", "primary nurse", "bedside nurse", "assigned nurse",
    "nurse practitioner", "physician assistant", "resident physician", "covering",
    "on call", "on-call", "proxy", "health care proxy", "healthcare proxy", "poa", "hcpoa",
    "power of attorney", "surrogate", "employer", "landlord", "sponsor", "owner", "examiner",
    "investigator", "officer", "detective", "agent", "attorney", "pastor", "priest", "imam",
    "rabbi", "teacher",
})
"""Labels after which a name follows ('Patient:', 'Signed by:', 'Tech:', 'Next of kin...'):
looked up in a set for the one to four words before each colon or leader (one scan for the
marks instead of a long regex alternation tried at every word)."""
_LABEL_MARK = re.compile(r":|\.{3,}|_{3,}|…+")
_ALPHA_RUN = re.compile(r"[A-Za-z]+")
_SIGNATURE_DASH = re.compile(r"(?:^|\n)[ \t]*(?:—|–|--|~|/s/)[ \t]*")
_STRONG_TRIGGERS = frozenset(
    chunk.lower() for chunk in re.findall(r"[A-Za-z]+", _TITLE + "|" + _RELATION.replace(
        r"\s+", " ").replace("fianc[eé]e?", "fianc").replace("neighbou?r", "neighbor|neighbour")
        .replace("kids?", "kid|kids"))
    if chunk not in ("s",)) | {"now", "baby", "dear", "sincerely", "regards", "thanks",
                               "cordially", "respectfully", "best"}
"""The words a strong-context match can start with: the whole-text regex is tried only at
those words (a set lookup per word), not at every word start."""
_MEDIUM_TRIGGERS = frozenset(
    chunk.lower() for chunk in re.findall(r"[A-Za-z]+", _MEDIUM_BEFORE.pattern.split(
        "(?:\\s+(?:with")[0].removeprefix("(?i:\\b(?:")))
_LABEL_WORD = re.compile(r"[A-Za-z][A-Za-z/.\-]*")
_SPACES = re.compile(r"\s*")
_MEDIUM_BEFORE_ALL = re.compile(_WORD_START + _MEDIUM_BEFORE.pattern.replace("$)", ")"))
"""The same context patterns run once over a whole text: a run whose first word starts
where one of their matches ends has that context (one scan per text, not one per run)."""
_HEADER_NAME = re.compile(
    r"(?m)^[ \t]*(?:(?i:patient|pt|name|re)[ \t]*:?[ \t]+)?([A-Z][A-Za-z'’\-]+,[ \t]*"
    r"[A-Z][A-Za-z'’\-]{2,}(?:[ \t]+[A-Z]\.?)?)(?=[ \t]{2,}|[ \t]+(?:DOB|MRN|[0-9(])|[ \t]*$)")
"""'SMITH, JOHN  123456  Rm 4B', 'Patient Weiss, Cindy DOB ...': a 'Last, First' header."""
_INTRO = re.compile(r"(?i:\b(?:my\s+name\s+is|name's|i\s+am|i'm|im|its|it's|this\s+is)\s+)"
                    r"([a-z][a-z'’\-]+)(?:[ \t]+([a-z][a-z'’\-]+))?")
_AFTER_CONTEXT = re.compile(r"[\s,(:\-\"']*")
_LOWER_TITLED = re.compile(r"(?<![A-Za-z])(dr\.?|mrs\.?|mr\.?|doctor)[ \t]+([a-z][a-z'’\-]+)"
                           r"(?:[ \t]+([a-z][a-z'’\-]+))?")
"""'dr okafor', 'mrs lee' in lower case (the title itself in lower case too)."""
_LOWER_LABEL = re.compile(r"(?i:\b(?:pt|patient|pt's|patient's|full|legal|preferred)\s+name"
                          r"\s*(?:is|:|-|=)\s*|\bname\s*:\s*)(?=[a-z])")
_LOWER_RELATION = re.compile(
    r"(?<![A-Za-z'’])([a-z]{2,}(?:[ \t][a-z]{2,})?)[ \t]*\("
    r"(?:(?:my|his|her|their|pt'?s|the\s+pt'?s|patient'?s)[ \t]+)?"
    r"(?:" + _RELATION + r")(?![A-Za-z])"
    r"(?:[ \t]+of[ \t]+(?:pt|patient|the\s+patient)[ \t]+([a-z]{2,}(?:[ \t][a-z]{2,})?))?")
"""Lower-case chat: 'paris jordan (daughter of pt may jordan)'."""
_HERE_INTRO = re.compile(r"(?m)(?:^|[.!?]\s+|,\s*|\b(?:hi|hello|hey)[,!]?\s+)"
                         r"([A-Z][a-z]+|[a-z]{3,})\s+here\b(?![ \t]+(?:is|are|was|at|in|on)\b)")
"""'Joy here, 90 years old', 'hi, bea here': a given name introducing itself."""
_LOWER_WORD = re.compile(r"[a-z][a-z'’\-]*")
_LOWER_PAIR = re.compile(r"(?:(?<=[ \t])w(?:/[ \t]*|[ \t]+))?([a-z][a-z'’\-]{2,})(?![A-Za-z])"
                         r"(?:[ \t]+([a-z][a-z'’\-]{1,})(?![A-Za-z]))?")
"""One or two lower-case words right after a context match ('w/' skipped: 'spoke w okafor')."""
_LOWER_TALK = re.compile(r"(?i:\b(?:spoke|speaking|talked|talking|chatted)[ \t]+(?:with|to)?[ \t]*|"
                         r"\b(?:met|discussed|d/w)[ \t]+with[ \t]+|\b(?:called|texted|messaged|"
                         r"paged|emailed|phoned)[ \t]+)$")
"""Of the communication verbs, those a lower-case person follows ('reviewed troponin' is no
person: lab names are missing from WordNet)."""
_POSSESSIVE = re.compile(
    r"(?<![A-Za-z'’\-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)['’]s\s+(?:(?:latest|last|recent|new|"
    r"current|repeat|old|morning|daily|home|blood|pain|fever|heart|kidney|liver|thyroid|"
    r"sugar|glucose|lab|imaging)\s+)?(?i:labs?|results?|scans?|ct|mri|x-?rays?|xr|us|"
    r"ultrasound|echo|ekg|ecg|wbc|hgb|hemoglobin|hba1c|a1c|inr|troponin|potassium|sodium|"
    r"creatinine|cr|tsh|bp|pressure|levels?|numbers|meds|medications?|pills|insulin|dose|"
    r"appointment|appt|visit|doctor|nurse|pcp|surgeon|oncologist|chart|records?|biopsy|"
    r"surgery|pain|fever|cough|rash|symptoms|wound|incision|swelling|readings?|vitals|"
    r"weight|temperature|temp|diet|therapy|infusion|chemo|dialysis|stent|pacemaker|"
    r"referral|prescription|refill|insurance|test|tests|panel|culture|swab|urine|stool|"
    r"sugars?|glucose|counts?)"
    r"(?![A-Za-z])")
"""A possessive before a word for results or care: the owner is a person."""
_APOSTROPHE_S = re.compile(r"['’]s(?![A-Za-z])")
_POSSESSIVE_ANY = re.compile(r"(?<![A-Za-z'’\-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)$")
"""Any possessive: the owner is a person when the word is unknown to every list and stands
in mid-sentence ('met Vakalahi's family')."""
_ROLE_THEN_NAME = re.compile(r"[ \t]+(?:RN|NP|MD|PA|PA-C|DO|LPN|CNA|RT|PT|OT)[ \t]+[A-Z]")
_CELL_NAME = re.compile(r"(?:^|\|)[ \t]*([A-Z][^\W\d_'’\-]+(?:[-'’][^\W\d_]+)?,[ \t]*"
                        r"[A-Z][^\W\d_'’\-]+(?:[ \t]+[A-Z]\.?)?)[ \t]*(?=\|)", re.MULTILINE)
_CELL_INITIAL = re.compile(r"(?:^|\|)[ \t]*([A-Z][^\W\d_'’\-]{2,}(?:-[A-Z][^\W\d_]+)?)[ \t]+"
                           r"([A-Z]\.?)[ \t]*(?=\|)", re.MULTILINE)
"""'| Kowalska J |': a surname and an initial alone in a table cell."""
_COORDINATED = re.compile(r"[ \t]+(?:and|&|or)[ \t]+([A-Z][a-z'’]+)(?![A-Za-z'’\-])")
_COORDINATED_BEFORE = re.compile(r"(?<![A-Za-z'’\-])([A-Z][a-z'’]+)[ \t]+(?:and|&)[ \t]+$")
"""'Tsiory and Mosese Vakalahi': an unknown word joined to a found name before it."""
_DICTATION_INITIALS = re.compile(
    r"(?m)(?<![A-Za-z0-9/])([A-Za-z]{2,3}/(?:[a-z]{2,3}|[A-Z]{2,3}))"
    r"(?=[ \t]*(?:$|D:|T:|DD:|DT:|d:|t:|cc:))")
_INITIALS_BEFORE = re.compile(r"(?:^|\n|\.)[ \t]*$")
_TYPIST_LABEL = re.compile(r"transcr|trans\b|typ(?:ed|ist)|dict|d/t|t/d")
"""Where a typist label may start, searched in the lower-cased text (a fast literal scan)."""
_TYPIST = re.compile(
    r"(?i:\b(?:transcribed|transcriptionist|transcr|trans|typed|typist|dictated|dict|"
    r"dictation|d/t|t/d)\b\.?(?:[ \t]+by)?[ \t]*[:\-]?[ \t]*)"
    r"([A-Za-z]{2,3}(?:/[A-Za-z]{2,3})?)(?![A-Za-z0-9/])")
"""Typist and dictation initials after their label ('Transcribed: KM/ts', 'transcr. by ab')."""
_INITIALS_LOWER = re.compile(r"/([a-z]{2,3})(?![A-Za-z0-9/])")
_INITIALS_UPPER = re.compile(r"(?<![A-Za-z0-9/.])([A-Z]{2,3})$")
"""Dictator/typist initials anywhere ('... in cassette 2. RLB/jh'), units and clinical
abbreviations excluded ('IU/ml', 'BP/hr')."""
_UNIT_WORDS = frozenset({
    "ML", "DL", "HR", "HRS", "MIN", "KG", "MG", "DAY", "WK", "MO", "YR", "MCG", "SEC", "HPF",
    "LPF", "MM", "CM", "LB", "OZ", "UL", "MOL", "MEQ", "IU", "DOSE", "TAB", "CAP", "QD", "BID",
    "TID", "PRN", "NEG", "POS", "WNL", "OK", "NA", "ND", "NT", "HX", "DAYS", "WKS", "YRS",
    "MOS", "MMOL", "NG", "PG", "FL", "GM", "KCAL", "CC", "TSP", "TBS", "AMP", "VOL", "AND",
    "OR", "NOT", "YES", "NO", "PER", "ADD", "MAX", "AVG", "SEE", "REF",
})
_INTRO_WORD = re.compile(r"(?<=[ \t,])(?:from|here|again)\b")
_LOWER_AFTER_INTRO = re.compile(
    r"(?:^|[.!?\n]\s*)([A-Za-z][a-z'’\-]{2,})(?:[ \t]+([a-z][a-z'’\-]{2,}))?"
    r"[ \t]*,?[ \t]+$")
"""'vakalahi from dallas again', 'Tsiory again, any news?': a self-introduction at the
start of a message."""
_LOWER_AFTER_PREP = re.compile(
    r"(?<![A-Za-z])(?:for|from|about)[ \t]+([a-z][a-z'’\-]{2,})(?:[ \t]+([a-z][a-z'’\-]{2,}))?"
    r"(?=[ \t]*(?:$|[,.?!;:)]|\n|(?:dob|re|about|pls|please|thanks|thx)\b))")
"""'appt for tsiory randrianasolo': a lower-case full name closing a clause after
'for'/'from'/'about' (two words, each no list knows or a dictionary name; one word alone
there is as often a drug brand: 'prior auth for nurtec')."""
_NICK_INSIDE = re.compile(
    r"(?<![A-Za-z'’\-])([A-Z][a-z'’\-]+)[ \t]+(?:[\"“'‘(]{1,2}[ \t]*)([A-Z][a-z]+)"
    r"(?:[ \t]*[\"”'’)]{1,2})[ \t]+([A-Z][a-z'’\-]+)(?![A-Za-z])")
"""'Tsiory "Tsi" Randrianasolo', 'Mosese (“Moss”) Vakalahi': a nickname between names."""
_PARTICLES_BEFORE = re.compile(
    r"(?i:\b(?:dr|mr|mrs|ms|prof|doctor)\.?)[ \t]+((?:(?:de|del|della|van|der|den|von|da|di|du|"
    r"dos|das|le|la|bin|ibn|al|el|ten|ter|y)[ \t]+){1,3})$")
"""Particles written in lower case between a title and a surname ('Dr. de la Vega')."""
_CALL_PHONE = re.compile(
    r"(?i:\bcall(?:ed)?|\btext(?:ed)?|\breach)[ \t]+([a-z][a-z'’\-]{2,})"
    r"(?:[ \t]+([a-z][a-z'’\-]{2,}))?[ \t]+(?:at[ \t]+|@[ \t]*|on[ \t]+)?\(?[0-9]{3}")
"""'pls call tsiory 4055550187': a lower-case name between 'call' and a phone number."""
_LOWER_SIGNOFF = re.compile(
    r"(?:[-—–~]+|\b(?:thanks|thank\s+you|thx|ty|regards|sincerely|love|cheers))[ \t,]*"
    r"([a-z][a-z'’\-]{1,})(?:[ \t]+([a-z][a-z'’\-]{1,}))?[ \t.!]*$")
"""A lower-case name signing off at the very end of a message ('... - maria lopez',
'thanks tsiory')."""
_LOWER_PT = re.compile(r"(?<![A-Za-z])(?:pt|patient)[ \t]+([a-z][a-z'’\-]{2,})[ \t]+"
                       r"([a-z][a-z'’\-]{2,})(?![A-Za-z])")
"""Lower-case 'pt tsiory randrianasolo': two name words after 'pt'."""
_OCR_RUN = re.compile(r"[A-Z][A-Za-z01]{1,30}(?:[ \t]*,?[ \t]*[A-Z][A-Za-z01]{1,30}){0,2}"
                      r"(?![A-Za-z0-9])")
_OCR_DIGIT = re.compile(r"[A-Za-z][01]|[01][A-Za-z]")
"""A capitalized run where 0/1 stand for O/l (OCR), and the test for a digit inside letters."""
_DOB_WORD = re.compile(r"(?<![A-Za-z])(?i:dob|d\.o\.b|date\s+of\s+birth|born)\b")
_LOWER_BEFORE_DOB = re.compile(
    r"(?<![A-Za-z])([a-z][a-z'’\-]{2,})(?:[ \t]+([a-z][a-z'’\-]{2,}))?[ \t]*[,(]?[ \t]*$")
"""'mosese vakalahi dob 3/4/1950': a lower-case name right before a birth date label."""
"""Dictation initials ('KM/ts', 'RLB/JH') at the end of a report, before 'D:'/'T:' stamps."""
_LOWER_STOP = frozenset({
    "SAID", "SAYS", "TOLD", "WANTS", "WANTED", "THINKS", "THOUGHT", "APPT", "APPOINTMENT",
    "OFFICE", "VISIT", "VISITS", "ORDERED", "ORDERS", "RECOMMENDED", "RECOMMENDS", "CALLED",
    "CALLS", "NOTE", "NOTES", "GAVE", "GIVES", "PRESCRIBED", "CHANGED", "STARTED",
    "STOPPED", "INCREASED", "DECREASED", "SENT", "REFERRED", "REFERRAL", "OK", "OKAY", "AND",
    "WHO", "ASKED", "WROTE", "MENTIONED", "NEVER", "JUST", "ALREADY", "STILL",
    "ON", "UNKNOWN", "WITHHELD", "REDACTED", "NONE", "NA", "TBD", "PENDING", "SEE", "SAME",
})
_ALIAS_AFTER = re.compile(r"[ \t]*[(\"“'‘]{1,2}[ \t]*([A-Z][a-z]+(?:['’\-][A-Za-z]+)*"
                          r"(?:[ \t]+[A-Z][a-z]+(?:['’\-][A-Za-z]+)*)?)[ \t]*[)\"”'’]{1,2}"
                          r"(?![A-Za-z])")


def _label_ends(text: str, ends: set[int]) -> set[int]:
    """Add where a label's mark ends (past blanks and the punctuation that may follow) to
    the context ends of `_STRONG_BEFORE_ALL`."""
    for mark in _LABEL_MARK.finditer(text):
        start = mark.start()
        window = text[max(0, start - 40):start].rstrip(" \t")
        if not window or not (window[-1].isalpha() or window[-1] == "."):
            continue
        words = [w.lower() for w in _LABEL_WORD.findall(window)[-4:]]
        for size in range(1, len(words) + 1):
            if " ".join(words[-size:]) in _LABELS:
                break
        else:
            continue
        end = mark.end()
        blank = _SPACES.match(text, end)
        end = blank.end() if blank else end
        ends.add(end)
        skip = _AFTER_CONTEXT.match(text, end)
        if skip:
            ends.add(skip.end())
    return ends


def _words(text: str) -> list[tuple[int, str]]:
    """Every run of ASCII letters with its start, lower-cased (for the trigger lookups)."""
    return [(m.start(), m.group().lower()) for m in _ALPHA_RUN.finditer(text)]


def _strong_ends(text: str, words: list[tuple[int, str]] | None = None) -> set[int]:
    """Where strong context (titles, relations, salutations, signature dashes) ends: the
    same matches as `_STRONG_BEFORE_ALL.finditer` at word starts, found by trying that
    pattern only at words of `_STRONG_TRIGGERS` and at signature dashes (~4x faster)."""
    starts = [start for start, word in (_words(text) if words is None else words)
              if word in _STRONG_TRIGGERS]
    starts.extend(m.start() for m in _SIGNATURE_DASH.finditer(text))
    starts.sort()
    return _ends_at(_STRONG_BEFORE_ALL, text, starts)


def _medium_ends(text: str, words: list[tuple[int, str]] | None = None) -> set[int]:
    """`_ends(_MEDIUM_BEFORE_ALL, text)` at word starts, tried only at its trigger words."""
    return _ends_at(_MEDIUM_BEFORE_ALL, text, [
        start for start, word in (_words(text) if words is None else words)
        if word in _MEDIUM_TRIGGERS])


def _ends_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> set[int]:
    """Match ends (and past the punctuation after them) of a context pattern tried at the
    given sorted starts, matches not overlapping (like `finditer`)."""
    ends: set[int] = set()
    last = -1
    for start in starts:
        if start < last:
            continue
        match = pattern.match(text, start)
        if not match:
            continue
        last = end = match.end()
        ends.add(end)
        if "title" in pattern.groupindex and match.group("title") is not None:
            continue  # a title takes its name directly ('MR, TAPSE' is no 'Mr. Tapse')
        skip = _AFTER_CONTEXT.match(text, end)
        if skip:
            ends.add(skip.end())
    return ends


def _ends(pattern: re.Pattern[str], text: str) -> set[int]:
    """Where matches of a context pattern end, also past the punctuation that may follow."""
    ends: set[int] = set()
    for match in pattern.finditer(text):
        end = match.end()
        ends.add(end)
        if "title" in pattern.groupindex and match.group("title") is not None:
            continue
        skip = _AFTER_CONTEXT.match(text, end)
        if skip:
            ends.add(skip.end())
    return ends


_STRONG_AFTER = re.compile(
    r"^(?:,?\s*(?:MD|M\.D\.|DO|D\.O\.|RN|R\.N\.|NP-C|FNP-C|AGNP-C|ANP-BC|AGACNP-BC|PMHNP-BC|"
    r"CRNP|CNP|CNS|RPh|LPC|LMHC|LMSW|MSW|AuD|BCBA|CCC-SLP|NP|N\.P\.|PA-C|PA|PhD|Ph\.D\.|DDS|DMD|DPM|"
    r"PharmD|MBBS|FNP|FNP-BC|APRN|ARNP|CRNA|LPN|LVN|MSN|BSN|FACP|FACS|FACC|MPH|LCSW|LICSW|"
    r"PsyD|DNP|CNM|CNA|MA|PT|DPT|OT|OTR|SLP|RD|RRT|LMFT|CMA|NNP|NNP-BC|RDH|RDA|CDA|CPhT|"
    r"CST|EMT|EMT-P|NRP|IBCLC|CLC|CRT|RDN|CDE|CDCES|CPNP|COTA|PTA|ATC|CCRN|CEN|RN-BC|RVT|"
    r"RDMS|RDCS|LMT|CHW|LADC|CADC|LSW|CCM|CPRS|Jr\.?|Sr\.?)\b|"
    r"\s*\((?i:" + _RELATION + r"|pcp|attending|patient|pt|self|mother|father)\)|"
    r"\s*\((?:RDH|CMA|RN|LPN|NP|PA|PA-C|MD|DO|RT|RRT|CNA|MA|NNP|CNM|IBCLC|PT|OT|SLP|EMT|"
    r"RD|RDN|LCSW|MSW|CRNA|DDS|DMD|PharmD|CPhT|SW|CM)\)|"
    r"\s*,\s*(?i:(?:his|her|their|pt'?s|patient'?s|the\s+patient'?s)\s+)?(?i:" + _RELATION
    + r")\s*\)|"
    r",\s+(?i:(?:his|her|their|pt'?s|patient'?s|the\s+patient'?s)\s+" + _RELATION + r")\b|"
    r"'s\s+(?i:" + _RELATION + r")\b|"
    r"\s+(?i:is\s+(?:his|her|their|the\s+patient'?s|pt'?s)\s+" + _RELATION + r")|"
    r",?\s+(?:is\s+)?(?:an?\s+)?[0-9]{1,3}[\s\-]*(?i:yo|y/o|y\.o\.|year)|"
    r"\s+\((?:DOB|MRN|age)\b|[ \t]+(?:DOB|D\.O\.B\.|MRN)\b)")
_MEDIUM_AFTER = re.compile(
    r"^\s+(?:said|says|stated|states|reported|reports|called|calls|visited|visits|agreed|"
    r"agrees|wants|wanted|asked|asks|brought|brings|declined|declines|consented|consents|"
    r"requested|requests|expressed|expresses|confirmed|confirms|feels|felt|noted|notes|"
    r"was\s+(?:at\s+)?bedside|is\s+(?:at\s+)?bedside|will\s+(?:call|visit|bring|pick))\b")
_EPONYM_AFTER = re.compile(
    r"^(?:['’]s?|s['’])?(?:[ \t]*(?:and|&|/|-)[ \t]*[A-Z][a-z]+(?:['’]s?)?)?[\s\-]+"
    r"(?:(?:I{1,3}|IV|V|[0-9]{1,2})[\s\-]+)?"
    r"(?i:(?:disease|diseases|syndrome|syndromes|sign|signs|test|"
    r"tests|testing|maneuver|manoeuvre|maneuvers|manoeuvres|score|scores|scale|criteria|"
    r"criterion|lift|boot|society|guidelines?|screen|contractions?|description|pupils?|"
    r"depth|thickness|iud|implant|"
    r"forceps|retractor|clamp|speculum|blade|collar|brace|pessary|stitch|suture|flap|graft|"
    r"classification|class|stage|staging|grade|grading|fracture|palsy|phenomenon|reflex|"
    r"triad|catheter|tube|stain|staining|lymphoma|sarcoma|tumou?r|procedure|operation|"
    r"repair|fundoplication|incision|point|nodes?|ulcers?|esophagus|contracture|cyst|"
    r"nodules?|rings?|lines?|index|ratio|formula|rules?|law|effect|angle|pouch|valve|"
    r"diverticulum|organ|body|bodies|cells?|needle|bag|mask|splint|view|position|"
    r"respirations?|breathing|encephalopathy|aphasia|area|ataxia|dystrophy|an(?:a)?emia|"
    r"thyroiditis|neuroma|neuralgia|hernia|gangrene|equation|questionnaire|inventory|"
    r"assessment|exam|examination|protocol|regimen|technique|approach|method|murmur|"
    r"pulse|spots?|lesions?|dementia|chorea|tremor|scar|ophthalmopathy|orbitopathy|"
    r"thyrotoxicosis|crisis|esophagitis|ileitis|colitis|node|hemorrhage|sclerosis|"
    r"cholangitis|cirrhosis|ulcer|pneumonia|arteritis|vasculitis|purpura|mole|plaque|"
    r"plaques|tangles|paralysis|block|bundle|sinus|duct|capsule|membrane|gland|glands|"
    r"canal|space|fossa|loop|shunt|drain|drains|bandage|stocking|stockings|monitor|"
    r"monitoring|pump|valve|line|mouth|fever|virus|infection|disorder|malformation|spotted|"
    r"adls?|iadls?|"
    r"anomaly|deformity|cycle|curve|law|principle|hypothesis|type|variant)\b)")


_PERSON_AFTER = re.compile(
    r"[ \t]+(?:denies|denied|reports|states|stated|says|said|understands|verbalized|"
    r"verbalizes|prefers|wishes|lives|works|smokes|drinks|complains|endorses|presents|"
    r"agrees|agreed|declines|declined|consents|consented|is\s+an?\s+[0-9]{1,3}|"
    r"was\s+seen|is\s+(?:his|her|their|the\s+patient'?s|pt'?s)\b)\b")
"""Verbs only a person is the subject of: one word no list knows before them is a name
('Randrianasolo denies pain', 'Vakalahi is a 45 y.o.'), even at a sentence start."""
_EPONYM_ONLY = re.compile(
    r"^(?:['’]s)?[\s\-]+(?i:disease|syndrome|contractions|maneuvers?|manoeuvres?|palsy|phenomenon|"
    r"reflex|triad|lymphoma|sarcoma|fracture|classification|criteria|staging|pupil|nodule|"
    r"encephalopathy|aphasia|ataxia|dystrophy|procedure|operation|fundoplication|"
    r"anomaly|malformation|sign|lift|boot)\b")
"""Words after which a run of dictionary names is eponyms, not a person ('Braxton Hicks
contractions', 'Argyll Robertson pupil'): the whole run stays."""
_EPONYM_WORDS = frozenset({
    "CLASS", "STAGE", "SCALE", "SCORE", "SIGN", "SIGNS", "TEST", "SOCIETY", "IADL", "ADL", "ADLS",
    "IADLS", "LIFT", "BOOT", "DISEASE", "SYNDROME", "CRITERIA", "CLASSIFICATION", "GRADE",
    "MANEUVER", "MANEUVERS", "MANOEUVRE", "MANOEUVRES", "REFLEX", "PROCEDURE", "OPERATION",
    "CATHETER", "SCREEN", "QUESTIONNAIRE", "INVENTORY", "INDEX", "PROTOCOL", "CONTRACTIONS",
    "PUPIL", "DESCRIPTION", "NODULE", "NODE", "TRIAD", "PHENOMENON", "FRACTURE", "PALSY",
    "LYMPHOMA", "SARCOMA", "TUMOR", "ULCER", "STAIN", "STAGING", "SCALES", "SCORES", "DEPTH",
    "THICKNESS", "IUD", "IMPLANT",
})
"""Words that make the capitalized word before them an eponym when they are in the same
run ('Lawton IADL', 'Angle Class II', 'Fleischner Society')."""


@dataclass(frozen=True, slots=True)
class _Tok:
    start: int
    end: int
    word: str
    key: str


def _runs(text: str, first: frozenset[str] = frozenset()) -> list[list[_Tok]]:
    runs: list[list[_Tok]] = []
    current: list[_Tok] = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        end = match.end()
        key = fold(word)
        # a period ends the word unless the word is an initial or a title ('J.', 'Dr.')
        if word.endswith(".") and len(word) > 2 and key.lower() not in _TITLE_WORDS:
            end -= 1
            word = word[:-1]
        if word[-2:] in ("'s", "’s") and len(word) > 3:
            end -= 2
            word = word[:-2]
            key = fold(word)
        elif word[-1:] in ("'", "’"):
            end -= 1
            word = word[:-1]
        tok = _Tok(match.start(), end, word, key)
        if key in _RUN_BREAKERS or (key in _CREDENTIALS and word.isupper() and len(key) > 1):
            if current:
                runs.append(current)
            current = []
            continue
        if current and key.lower() in _RUN_TITLES:
            runs.append(current)
            current = [tok]
            continue
        if current:
            gap = text[current[-1].end:tok.start]
            if gap[:1] == "," and key in _STATE_WORDS and len(key) > 2 and key not in first:
                runs.append(current)  # 'Fredtown, Maine': the state is not part of a name
                current = []
                continue
            if _GAP.match(gap) or _PARTICLE_GAP.match(gap) or (
                    gap in (" ", ". ") and len(current[-1].key) <= 1):
                current.append(tok)
                continue
            runs.append(current)
        current = [tok]
    if current:
        runs.append(current)
    return runs


_STATE_WORDS = vocab.STATE_WORDS
_RUN_BREAKERS = frozenset({
    "DOB", "DOD", "MRN", "SSN", "AGE", "SEX", "DOS", "FIN", "CSN", "NEEDS", "WANTS", "HAS",
    "AND", "OR", "THE", "OF", "TO", "WITH", "FOR", "AT", "IN", "ON", "BY", "FROM", "WAS", "IS",
    "HIS", "HER", "THEIR", "WIFE", "HUSBAND", "SON", "DAUGHTER", "MOTHER", "FATHER", "BROTHER",
    "SISTER", "NIECE", "NEPHEW", "AUNT", "UNCLE", "COUSIN", "GRANDSON", "GRANDDAUGHTER",
    "FRIEND", "NEIGHBOR", "CALLER", "CONTACT", "PATIENT", "NURSE", "CHARGE", "ONCOMING",
    "ENDORSED", "DISCUSSED", "REFERRAL", "PLACED", "ROUTED", "PER", "SEEN", "CALLED", "VIA",
})
"""Words that end a run of capitalized words (in capitals too): never a part of a name."""
_CREDENTIALS = frozenset({
    "MD", "DO", "RN", "NP", "PA", "PAC", "PA-C", "PHD", "DDS", "DMD", "DPM", "PHARMD", "MBBS",
    "FNP", "APRN", "ARNP", "CRNA", "LPN", "LVN", "MSN", "BSN", "FACP", "FACS", "MPH", "LCSW",
    "DNP", "CNM", "CNA", "DPT", "OTR", "SLP", "RRT", "CMA", "NNP", "RDH", "RDA", "CPHT", "CST",
    "EMT", "NRP", "IBCLC", "CRT", "RDN", "CDE", "CDCES", "CPNP", "COTA", "PTA", "CCRN", "RVT",
    "RDMS", "RDCS", "LMT", "CHW", "LADC", "CADC", "LSW", "CCM",
})
_RUN_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "rev", "miss", "doctor",
                         "professor", "dear"})
_TITLE_WORDS = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "rev", "fr", "st", "sgt",
                          "capt", "lt", "col", "det", "atty", "jr", "sr"})
_EPONYM_GAP = re.compile(
    r"[ \t]+((?:[a-z][a-z\-]{2,}[ \t]+){1,2})(?:scale|score|stage|staging|grade|class|"
    r"classification|criteria|sign|test|maneuver|manoeuvre|cyst|syndrome|disease|fracture|"
    r"reflex|index|questionnaire|inventory|assessment|exam|examination)\b")
_SCORE_AFTER = re.compile(
    r"(?:/[A-Z][a-z]+)?[ \t]*(?:(?P<num>[0-9]{1,3})[ \t]*/[ \t]*(?P<den>[0-9]{1,3})"
    r"(?![0-9/\-]|\.[0-9])|"
    r"(?:\+|-|\u2212)(?=[ \t]*(?:[,.;)]|$))|(?:neg|pos|negative|positive)\b)")
_ROMAN_STAGE = re.compile(r"(?:I{1,3}|IV|V)[A-C]?")
_EPONYM_BEFORE = re.compile(
    r"(?i:\b(?:stage|staging|grade|class|score|scale|classification|type|criteria|test|sign|"
    r"maneuver|manoeuvre|reflex)\b"
    r"(?:[ \t]+(?:is|was|of|per))?(?:[ \t]+(?:I{1,3}|IV|V|[0-9]{1,2})[a-c]?)?[ \t]*[,;:]?"
    r"[ \t]*(?:[A-Z][a-z]+[ \t]+(?:and|&|/)[ \t]+)?)$")
_LANGUAGE_BEFORE = re.compile(
    r"(?i:\b(?:speaks?|speaking|spoken|reads?|writes?|fluent|language|languages|translated|"
    r"translation|interpreted|interpreting|texts|messages|prefers|preferred|primary)"
    r"(?:[ \t]+(?:only|mostly|mainly|some|little|in|into|is|:))*[ \t]*:?[ \t]*"
    r"(?:[A-Z][a-z]+[ \t]*(?:,|and|or|/)[ \t]*)?$)")
_LANGUAGE_KEYS = re.compile(r"speak|spoken|read|writ|fluent|languag|translat|interpret|"
                            r"texts|messages|prefer|primary")
_EPONYM_BEFORE_KEYS = re.compile(r"stag|grade|class|scor|scal|type|criteri|test|sign|"
                                 r"maneuv|manoeuv|reflex")
_SCORE_LEADS = frozenset("0123456789+-\u2212/np")
"""First characters of what `_scored` reads (a cheap gate before the regex)."""
_INNER_CAP = re.compile(r"[a-z][A-Z]")
"""Cheap prefilters: the context regexes run only when a window holds one of these."""
_IN_BEFORE = re.compile(r"(?<![A-Za-z])in[ \t]+$")
_CLAUSE_END = re.compile(r"[ \t]*(?:[.;!?]|$)")
_LANGUAGE_AFTER = re.compile(
    r"(?:[ \t]+|-)(?i:interpreter|interpretation|speaker|speaking|speaks|translator|language|"
    r"translation)\b")
"""Languages named like people ('Karen', 'Ewe'): a lone word after a verb of speaking,
reading or writing, or followed by 'interpreter'/'speaking'."""
SHORT_SURNAME = "name_short_surname"
"""The source of a two- or three-letter East Asian surname in name case after strong
context that is also a clinical abbreviation ('Ng'/'NG', 'Do'): the scrubber's clinical
veto skips it."""
_NUMBER_BEFORE = re.compile(r"[0-9][ \t]?$")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;•\-*>\n]|\n\s*[0-9]+[.)])\s*$")


class NameFinder:
    """Finds person names in text (see the module docstring)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        english_words()  # the word list is loaded with the finder, not on the first text
        self._stop = unknown_stop()
        self._unknown_memo: dict[str, bool] = {}

    def _unknown(self, word: str, key: str) -> bool:
        """A capitalized word that no list knows and that is spelled like a name: not a
        dictionary name (the dictionary rules judge those), not English (WordNet, with
        inflections), not clinical vocabulary, a place, a title, a credential, an
        abbreviation or a drug/organism/Latin-shaped word; an ALL-CAPS word must also be
        pronounceable (acronyms are not: 'NSTEMI', 'CABG'). Answers are memoized per word
        (bounded: the memo is cleared past 50,000 words)."""
        memo = self._unknown_memo
        known = memo.get(word)
        if known is None:
            if len(memo) > 50_000:
                memo.clear()
            known = memo[word] = self._unknown_word(word, key)
        return known

    def _unknown_word(self, word: str, key: str) -> bool:
        lex = self.lex
        if len(key) < 3 or key in lex.first or key in lex.last or not self._usable(key):
            return False
        if key in lex.places or key in lex.titles or key in lex.suffixes \
                or key in _CREDENTIALS or key in _RUN_BREAKERS or key in REGIONS \
                or key in self._stop or key in lex.particles:
            return False
        if not name_shaped(word) or is_english(key) or term_shaped(key):
            return False
        return not word.isupper() or pronounceable(key)

    def find(self, text: str) -> list[Span]:
        spans: list[Span] = [*self._table_cells(text)]
        spans += [Span(m.start(1), m.end(1), PhiType.NAME, "name_header", 0.9)
                             for m in _HEADER_NAME.finditer(text)]
        words = _words(text)
        strong = _label_ends(text, _strong_ends(text, words))
        medium = _medium_ends(text, words)
        for run in _runs(text, self.lex.first):
            spans.extend(self._judge(text, run, strong, medium))
        spans.extend(self._lower_case_intro(text))
        spans.extend(self._lower_case_context(text))
        spans.extend(self._lower_unknown(text, strong, medium))
        spans.extend(self._ocr_names(text, strong))
        spans.extend(self._aliases(text, spans))
        spans.extend(self._coordinated(text, spans))
        spans.extend(self._possessive(text))
        spans.extend(Span(m.start(1), m.end(1), PhiType.NAME, "name_initials", 0.8)
                     for m in _DICTATION_INITIALS.finditer(text)
                     if _INITIALS_BEFORE.search(text, max(0, m.start(1) - 40), m.start(1))
                     and not any(fold(half) in _UNIT_WORDS or self.lex.is_clinical(fold(half))
                                 for half in m.group(1).split("/")))
        spans.extend(self._initials(text))
        spans.extend(self._nicknames(text))
        return self._with_particles(text, spans)

    def _with_particles(self, text: str, spans: list[Span]) -> list[Span]:
        """'Dr. de la Vega', 'Mr. van der Berg': lower-case particles between a title and a
        found name belong to the name."""
        out: list[Span] = []
        for span in spans:
            if span.type is PhiType.NAME and span.start > 3:
                match = _PARTICLES_BEFORE.search(text, max(0, span.start - 30), span.start)
                if match:
                    span = Span(match.start(1), span.end, span.type, span.source, span.score)
            out.append(span)
        return out

    def _ocr_names(self, text: str, strong: set[int]) -> list[Span]:
        """Scanned records with OCR damage ('R0DRIGUEZ, MAR1A' after 'Patient:'): after
        strong context, one to three capitalized words where a digit 0 or 1 stands inside
        the letters of at least one of them (the letter reading is a name shape)."""
        if "0" not in text and "1" not in text:
            return []
        spans: list[Span] = []
        for end in strong:
            if end >= len(text) or not text[end].isupper():
                continue
            match = _OCR_RUN.match(text, end)
            if not match or not _OCR_DIGIT.search(match.group()):
                continue
            stop = match.start()
            words: list[str] = []
            for word in re.finditer(r"[^ \t,]+", match.group()):
                if fold(word.group()) in _RUN_BREAKERS:
                    break  # 'R0DRIGUEZ, MAR1A  DOB ...': the label ends the name
                words.append(word.group())
                stop = match.start() + word.end()
            readable = [_ocr_reading(w, self.lex) for w in words]
            damaged = [r for w, r in zip(words, readable, strict=True) if w != r]
            lex = self.lex
            if words and damaged and all(len(r) >= 4 for r in damaged) and all(
                    r.isalpha() and name_shaped(r.capitalize()) and len(r) >= 2
                    and not lex.is_clinical(fold(r)) and not term_shaped(fold(r))
                    and (fold(r) in lex.first or fold(r) in lex.last or not is_english(fold(r)))
                    for r in readable):
                spans.append(Span(match.start(), stop, PhiType.NAME, "name_ocr", 0.92))
        return spans

    def _nicknames(self, text: str) -> list[Span]:
        """A nickname in quotes or brackets between a given name and a surname, each a
        dictionary name or a word no list knows (none clinical or an everyday word)."""
        lex = self.lex
        spans: list[Span] = []
        for match in _NICK_INSIDE.finditer(text) if ('"' in text or "“" in text or "(" in text
                                                     or "'" in text) else ():
            words = (match.group(1), match.group(3))
            if all(self._unknown(w, fold(w)) or (lex.is_name(fold(w)) and not lex.blocks_alone(
                    fold(w))) for w in words):
                spans.append(Span(match.start(1), match.end(3), PhiType.NAME, "name_nickname",
                                  0.8))
        return spans

    def _initials(self, text: str) -> list[Span]:
        """Typist initials after a transcription label, and 'RLB/jh' pairs anywhere whose
        halves are no unit or clinical abbreviation."""
        lex = self.lex
        spans: list[Span] = []
        for slash in _INITIALS_LOWER.finditer(text):
            lower = fold(slash.group(1))
            if lower in _UNIT_WORDS:
                continue
            upper_match = _INITIALS_UPPER.search(text, max(0, slash.start() - 3), slash.start())
            if not upper_match:
                continue
            upper = upper_match.group(1)
            if upper in _UNIT_WORDS or lex.is_clinical(upper) or upper in _TEXT_FUNCTION \
                    or upper in self._stop or upper in lex.states or upper in _CREDENTIALS:
                continue
            spans.append(Span(upper_match.start(1), slash.end(), PhiType.NAME, "name_initials",
                              0.75))
        lowered = text.lower()
        for label in _TYPIST_LABEL.finditer(lowered):
            match = _TYPIST.match(text, label.start())
            if not match:
                continue
            value = match.group(1)
            key = fold(value)
            if "/" not in value and (key in _TEXT_FUNCTION or key in _FUNCTION_KEYS
                                     or key in lex.titles or key in _CREDENTIALS
                                     or key in _UNIT_WORDS or key in lex.suffixes):
                continue
            spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "name_initials", 0.8))
        return spans

    def _possessive(self, text: str) -> list[Span]:
        """'Is Dagny's potassium ok?', "Temitope's scans": a capitalized word in mid-sentence
        with a possessive before a word for a patient's results, care or body is a person,
        unless it is an eponym, a clinical word, a month, a place word or a function word."""
        lex = self.lex
        spans: list[Span] = []
        for match in _POSSESSIVE.finditer(text):
            word = match.group(1)
            key = fold(word)
            if not self._usable(key) or key in lex.eponyms or key in lex.places \
                    or key in lex.titles or (word.isupper() and len(word) <= 4) \
                    or _RELATION_WORD.fullmatch(word):
                continue
            before = text[max(0, match.start(1) - 3):match.start(1)]
            if re.search(r"(?:^|[.!?\n]\s*)$", before) and not lex.is_name(key) \
                    and not self._unknown(word, key):
                continue  # a capital at a sentence start is no evidence
            spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "name_possessive", 0.75))
        for apostrophe in _APOSTROPHE_S.finditer(text):
            owner = _POSSESSIVE_ANY.search(text, max(0, apostrophe.start() - 40),
                                           apostrophe.start())
            if not owner:
                continue
            word = owner.group(1)
            if self._unknown(word, fold(word)) and not re.search(
                    r"(?:^|[.!?:;\n\-*•]\s*)$", text[max(0, owner.start(1) - 3):owner.start(1)]):
                spans.append(Span(owner.start(1), owner.end(1), PhiType.NAME, "name_possessive",
                                  0.7))
        return spans

    def _coordinated(self, text: str, spans: list[Span]) -> list[Span]:
        """'his daughters Faith and Joy', 'Dr. Ames or Dr. Lowe': a dictionary given name
        joined by 'and'/'or'/'&' to a name found by context is a name too, even when it is
        an everyday word; a word no list knows joined to any found name is one too ('Dr.
        Abara and Vakalahi', 'Tsiory and Mosese Vakalahi')."""
        extra: list[Span] = []
        lex = self.lex
        for span in spans:
            if span.type is not PhiType.NAME:
                continue
            match = _COORDINATED.match(text, span.end)
            if match:
                word = match.group(1)
                key = fold(word)
                if (span.source == "name_context" and key in lex.first
                        and not lex.is_clinical(key) and key not in MONTH_WORDS
                        and key not in _TEXT_FUNCTION) or self._unknown(word, key):
                    extra.append(Span(match.start(1), match.end(1), PhiType.NAME, "name_and",
                                      0.8))
            before = _COORDINATED_BEFORE.search(text, max(0, span.start - 40), span.start)
            if before and self._unknown(before.group(1), fold(before.group(1))):
                extra.append(Span(before.start(1), before.end(1), PhiType.NAME, "name_and", 0.75))
        return extra

    def _table_cells(self, text: str) -> list[Span]:
        """'| Okafor, Chidi |': a 'Last, First' table cell with a dictionary name in it and
        no clinical word ('| Hypertension, Essential |' stays)."""
        if "|" not in text:
            return []
        lex = self.lex
        spans: list[Span] = []
        for match in _CELL_NAME.finditer(text):
            keys = [fold(w) for w in re.findall(r"[^\W\d_][^\W\d_'’\-]*", match.group(1))]
            if keys and any(lex.is_name(k) for k in keys) and all(
                    self._usable(k) or len(k) == 1 for k in keys):
                spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "name_cell", 0.85))
        for match in _CELL_INITIAL.finditer(text):
            key = fold(match.group(1))
            if (lex.is_strong_name(key) and self._usable(key)) or self._unknown(
                    match.group(1), key):
                spans.append(Span(match.start(1), match.end(2), PhiType.NAME, "name_cell", 0.8))
        return spans

    def _usable(self, key: str) -> bool:
        """A word that may be a name part whatever its case: no function word, clinical
        term, month, state or everyday non-name word."""
        lex = self.lex
        return (len(key) >= 2 and key not in _TEXT_FUNCTION and key not in _FUNCTION_KEYS
                and not lex.is_clinical(key) and key not in MONTH_WORDS
                and key not in lex.not_name and key not in lex.states
                and key not in _LOWER_STOP)

    def _lower_case_context(self, text: str) -> list[Span]:
        """Lower-case names after strong context: 'dr okafor', 'mrs lee', 'pt name: ana
        reyes'. After 'dr'/'dr.' any usable word counts (a lower-case chat rarely puts
        another word there); after 'mr', 'mrs', 'doctor' only a dictionary name; after a
        name label up to three usable words."""
        lex = self.lex
        spans: list[Span] = []
        titled = _LOWER_TITLED.finditer(text) if ("dr" in text or "mr" in text
                                                  or "doctor" in text) else ()
        for match in titled:
            title = match.group(1).lower().rstrip(".")
            first = fold(match.group(2))
            closed = match.end(2) == len(text) or text[match.end(2)] in ",.;:!?)\n"
            if title == "dr" and lex.is_name(first) and first not in _LOWER_STOP and closed \
                    and not lex.is_clinical(first):
                pass  # 'hi dr may,', 'thanks dr will.': a name word closed by punctuation
            elif title == "dr" and first in _ASIAN_SURNAMES:
                pass  # 'dr ng said', 'thanks dr li.'
            elif not self._usable(first) or (title != "dr" and not lex.is_name(first)):
                continue
            end = match.end(2)
            if match.group(3):
                second = fold(match.group(3))
                if self._usable(second) and lex.is_name(second):
                    end = match.end(3)
            spans.append(Span(match.start(2), end, PhiType.NAME, "name_lower_title", 0.8))
        for match in _LOWER_RELATION.finditer(text) if "(" in text else ():
            for group in (1, 2):
                words = (match.group(group) or "").split()
                keys = [fold(w) for w in words]
                if words and all(self._usable(k) for k in keys) and (any(
                        lex.is_name(k) and (k in lex.first or not lex.blocks_alone(k))
                        for k in keys) or all(
                        self._lower_name_word(w, i == 0) for i, w in enumerate(words))):
                    spans.append(Span(match.start(group), match.end(group), PhiType.NAME,
                                      "name_lower_relation", 0.8))
        for match in _HERE_INTRO.finditer(text) if " here" in text else ():
            word = match.group(1)
            key = fold(word)
            if (key in lex.first and self._usable(key)) or (
                    pronounceable(key) and self._unknown(word.capitalize(), key)):
                spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "name_here", 0.8))
        labels = _LOWER_LABEL.finditer(text) if "ame" in text else ()
        for match in labels:
            start = end = -1
            for word in _LOWER_WORD.finditer(text, match.end(), min(len(text), match.end() + 60)):
                gap = text[end:word.start()] if end >= 0 else text[match.end():word.start()]
                if (end >= 0 and gap not in (" ", "  ", "\t")) or not self._usable(
                        fold(word.group())):
                    break
                if start < 0:
                    start = word.start()
                end = word.end()
                if word.start() - match.end() > 40:
                    break
            if start >= 0:
                spans.append(Span(start, end, PhiType.NAME, "name_lower_label", 0.8))
        return spans

    def _lower_name_word(self, word: str, first: bool, strict: bool = False) -> bool:
        """A lower-case chat word that is a surname (or a given name, for the first word), no
        everyday word, or a pronounceable word unknown to every list (strict: and not one
        edit away from an English word, a likely typo, where the context is weak)."""
        key = fold(word)
        lex = self.lex
        if (key in lex.last or (first and key in lex.first)) and not lex.blocks_alone(key) \
                and self._usable(key):
            return True
        return pronounceable(key) and self._unknown(word.capitalize(), key) \
            and not (strict and near_english(key))

    def _lower_unknown(self, text: str, strong: set[int], medium: set[int]) -> list[Span]:
        """Lower-case chat names right after strong context (a relation, a title, a label:
        'brother obinna ezeilo', 'my daughter tsiory'; a given name, then a surname) or
        after a communication verb ('spoke w okafor': one word no list knows). Reuses the
        context scans' match ends, so it costs no pass of its own."""
        spans: list[Span] = []
        for word_match in _INTRO_WORD.finditer(text):
            match = _LOWER_AFTER_INTRO.search(text, max(0, word_match.start() - 40),
                                              word_match.start())
            if not match or not self._lower_name_word(match.group(1), True) or (
                    match.group(1)[0].isupper() and not self._unknown(
                        match.group(1), fold(match.group(1)))):
                continue
            stop = match.end(1)
            if match.group(2) and self._lower_name_word(match.group(2), False):
                stop = match.end(2)
            spans.append(Span(match.start(1), stop, PhiType.NAME, "name_lower_intro", 0.75))
        for match in _LOWER_AFTER_PREP.finditer(text) if " f" in text or " a" in text else ():
            words = [w for w in (match.group(1), match.group(2)) if w]
            if len(words) == 2 and all(self._lower_name_word(w, i == 0, strict=True)
                                       and not lex_first_weak(self, w)
                                       for i, w in enumerate(words)):
                spans.append(Span(match.start(1), match.end(len(words)), PhiType.NAME,
                                  "name_lower_for", 0.7))
        for match in _CALL_PHONE.finditer(text) if "all" in text or "ext" in text \
                or "each" in text else ():
            words = [w for w in (match.group(1), match.group(2)) if w]
            if all(self._lower_name_word(w, i == 0) for i, w in enumerate(words)):
                spans.append(Span(match.start(1), match.end(len(words)), PhiType.NAME,
                                  "name_lower_call", 0.75))
        tail = _LOWER_SIGNOFF.search(text, max(0, len(text) - 60))
        if tail:
            words = [w for w in (tail.group(1), tail.group(2)) if w]
            if all(self._lower_name_word(w, i == 0) or (
                    i == 1 and fold(w) in _ASIAN_SURNAMES) for i, w in enumerate(words)):
                spans.append(Span(tail.start(1), tail.end(len(words)), PhiType.NAME,
                                  "name_lower_signoff", 0.75))
        for match in _LOWER_PT.finditer(text) if "pt" in text or "patient" in text else ():
            name_words = (match.group(1), match.group(2))
            if all(self._lower_name_word(w, i == 0, strict=True) and not lex_first_weak(self, w)
                   for i, w in enumerate(name_words)):
                spans.append(Span(match.start(1), match.end(2), PhiType.NAME, "name_lower_pt",
                                  0.7))
        for label in _DOB_WORD.finditer(text):
            match = _LOWER_BEFORE_DOB.search(text, max(0, label.start() - 40), label.start())
            if not match:
                continue
            words = [w for w in (match.group(1), match.group(2)) if w]
            if all(self._lower_name_word(w, i == 0) for i, w in enumerate(words)):
                spans.append(Span(match.start(1), match.end(len(words)), PhiType.NAME,
                                  "name_lower_dob", 0.75))
        for ends, is_strong in ((strong, True), (medium, False)):
            for end in ends:
                if end >= len(text) or not text[end].islower() or (
                        end and text[end - 1].isalpha()):
                    continue  # not a word start ('rev' of 'reviewed' is a title's match)
                pair = _LOWER_PAIR.match(text, end)
                if not pair:
                    continue
                word = pair.group(1)
                if is_strong and is_english(fold(word)) and _PLURAL_RELATION_BEFORE.search(
                        text, max(0, end - 30), end):
                    continue  # 'my sons records', 'her kids school': a possessive, a noun
                if is_strong:
                    second = pair.group(2)
                    everyday = fold(word) in self.lex.first and self._usable(fold(word))
                    if not self._lower_name_word(word, True) and not (
                            everyday and second and (
                                fold(second) in _ASIAN_SURNAMES
                                or self._lower_name_word(second, False))) and not (
                            everyday and _RELATION_BEFORE.search(text, max(0, end - 30), end)
                            and _CLAUSE_GOES_ON.match(text, pair.end(1))):
                        continue  # 'my daughter joy ho', 'my daughter hope is coming'
                    if not self._lower_name_word(word, True) and second and not (
                            fold(second) in _ASIAN_SURNAMES
                            or self._lower_name_word(second, False)):
                        second = None
                    stop = pair.end(1)
                    if second and (self._lower_name_word(second, False)
                                   or fold(second) in _ASIAN_SURNAMES):
                        stop = pair.end(2)
                    spans.append(Span(pair.start(1), stop, PhiType.NAME,
                                      "name_lower_relation", 0.75))
                elif len(word) >= 4 and self._lower_name_word(word, False, strict=True) \
                        and _LOWER_TALK.search(
                            text, max(0, end - 24), end):
                    spans.append(Span(pair.start(1), pair.end(1), PhiType.NAME,
                                      "name_lower_care", 0.7))
        return spans

    def _aliases(self, text: str, spans: list[Span]) -> list[Span]:
        """A nickname or a surname in brackets or quotes right after a found name:
        'Theodore Blackwood (Teddy)', 'Ana "Nena" Ruiz', 'her son Miles (Okonkwo)'."""
        extra: list[Span] = []
        for span in spans:
            if span.type is not PhiType.NAME:
                continue
            match = _ALIAS_AFTER.match(text, span.end)
            if not match:
                continue
            keys = [fold(w) for w in match.group(1).split()]
            if all(self._usable(k) for k in keys):
                extra.append(Span(match.start(1), match.end(1), PhiType.NAME, "name_alias", 0.85))
        return extra

    def _lower_case_intro(self, text: str) -> list[Span]:
        """'hi its maria again', 'my name is john smith': a dictionary given name written in
        lower case right after a self-introduction (and a surname after it)."""
        lex = self.lex
        spans: list[Span] = []
        for match in _INTRO.finditer(text):
            first = fold(match.group(1))
            if (first not in lex.first or lex.blocks_alone(first) or first in lex.weak) and \
                    not (pronounceable(first) and self._unknown(match.group(1).capitalize(), first)
                         and not near_english(first)):
                continue
            end = match.end(1)
            if match.group(2) and ((fold(match.group(2)) in lex.last and not lex.blocks_alone(
                    fold(match.group(2)))) or self._lower_name_word(match.group(2), False)):
                end = match.end(2)
            spans.append(Span(match.start(1), end, PhiType.NAME, "name_intro", 0.85))
        return spans

    def _judge(self, text: str, run: list[_Tok], strong_ends: set[int],
               medium_ends: set[int]) -> list[Span]:
        lex = self.lex
        # leading titles are context, not name
        titled = False
        while run and run[0].key in lex.titles:
            if len(run) > 1 and not self._title_here(text, run[0], run[1]):
                # 'moderate MR, TAPSE', '0.4 MS. P WAVE', 'in DR, FiO2': no title
                return self._judge(text, run[1:], strong_ends, medium_ends)
            titled = True
            run = run[1:]
        # trailing credentials / suffixes
        while run and run[-1].key in lex.suffixes and run[-1].word.isupper() and len(run) > 1:
            run = run[:-1]
        if not run:
            return []
        lone = run[0].key
        if not titled and len(run) == 1 and run[0].start not in strong_ends and (
                lone in _TEXT_FUNCTION or lex.is_clinical(lone) or lone in MONTH_WORDS
                or lone in lex.not_name):
            return []  # a lone heading or sentence word: no context can make it a name
        line_start = text.rfind("\n", 0, run[0].start) + 1
        after = text[run[-1].end:run[-1].end + 60]
        # a credential followed by a name is that name's role ('Triage RN J. Paris'), not
        # the suffix of the words before it
        role_before_name = bool(_ROLE_THEN_NAME.match(after))
        strong = titled or run[0].start in strong_ends or (
            bool(_STRONG_AFTER.match(after)) and not (
                role_before_name and len(run) == 1 and not lex.is_name(lone)))
        medium_after = bool(_MEDIUM_AFTER.match(after))
        medium = run[0].start in medium_ends or medium_after
        sentence_start = bool(_SENTENCE_END.search(text[max(0, run[0].start - 4):run[0].start])) \
            or run[0].start == line_start
        if medium and not strong and run[0].start not in medium_ends and sentence_start \
                and len(run) == 1 and not lex.is_name(lone):
            medium = False  # 'Autopsy declined.': a capital at a sentence start is no evidence
        eponym = not titled and (bool(_EPONYM_AFTER.match(after)) or (
            after[1:2].islower() and self._eponym_gap(after)) or (
            after[:2].strip(" \t")[:1] in _SCORE_LEADS
            and self._scored(after, strong or medium, text, run[0].start)))
        if not titled and not strong and (len(run) > 1 or lone in lex.first or lone in lex.last) \
                and self._eponym_family(text, run):
            return []
        single = len(run) == 1 or (len(run) == 2 and run[0].word in ("A", "An", "The"))
        if not titled and not strong and lex.is_name(run[-1].key) and ((single and (
                self._language_before(text, run[0].start)
                or _LANGUAGE_AFTER.match(after) or (
                    len(run) == 1 and _IN_BEFORE.search(text, max(0, run[0].start - 4),
                                                        run[0].start)
                    and _CLAUSE_END.match(after) and run[0].key not in lex.places))) or (
                len(run) == 2 and _LANGUAGE_BEFORE.fullmatch(run[0].word + " "))):
            return []  # 'prefers texts in Karen', 'a Karen interpreter': a language
        if not titled and (len(run) > 1 or run[0].word[1:] != run[0].word[1:].lower()) \
                and _INNER_CAP.search(text, run[0].start, run[-1].end) and any(
                t.word[1:] != t.word[1:].lower() and not t.word.isupper()
                and not name_shaped(t.word) and t.key not in _CREDENTIALS
                and t.key not in lex.suffixes for t in run):
            return []  # 'Dexcom G7', 'FreeStyle', a trial 'KEYNOTE' in mixed case: a brand
        whole = " ".join(t.key for t in run)
        if not titled and (whole in lex.eponyms or whole in REGIONS):
            return []
        if not titled and len(run) == 1 and _RELATION_WORD.fullmatch(run[0].word):
            return []  # 'Mom called.', 'Re: Mom's meds': a kinship noun, not a name
        if len(run) == 1 and text[run[0].end:run[0].end + 1] == "#":
            return []  # 'ID# 4471', 'Acct#': a label
        if strong and not eponym:
            if not titled and len(run) == 1 and self._not_a_name_here(text, run[0]):
                return []
            if not titled and len(run) <= 3 and _MAIL_LABEL.search(
                    text, max(0, run[0].start - 12), run[0].start) and all(
                    (t.key in _TEXT_FUNCTION or is_english(t.key)) and not lex.is_name(t.key)
                    for t in run):
                return []  # 'From: Nursing Station', 'To: Provider Pool'

            return self._strong_run(text, run, titled)
        for index in range(1, min(len(run), 3)):
            # 'Partner Tsiory', 'Baby Girl Vakalahi', 'Page Gebremariam': a capitalized
            # relation, role or verb starts the run, the name follows it
            if any(lex.is_name(t.key) and not lex.blocks_alone(t.key) for t in run[:index]):
                break
            tok = run[index]
            unknown = self._unknown(tok.word, tok.key)
            if tok.start in strong_ends and index == len(run) - 1 \
                    and self._not_a_name_here(text, tok):
                return []  # 'WELL CHILD VISIT'
            if tok.start in strong_ends and (unknown or lex.is_name(tok.key)):
                return self._strong_run(text, run[index:], False)
            if unknown and self._care_before(text, tok):
                run = run[index:]
                sentence_start = False
                break
        # split the run at words that can never be part of a name here
        parts: list[list[_Tok]] = [[]]
        for index, tok in enumerate(run):
            next_is_name = index + 1 < len(run) and lex.is_name(run[index + 1].key)
            if (index > 0 or next_is_name) and tok.key in MONTH_WORDS and lex.is_name(tok.key) \
                    and not re.match(r"\s*(?:[0-9]|of\b)", text[tok.end:tok.end + 4]):
                parts[-1].append(tok)
            elif index > 0 and parts[-1] and lex.is_name(parts[-1][-1].key) \
                    and tok.key in lex.first and tok.key not in MONTH_WORDS \
                    and len(tok.key) >= 2 and not lex.is_clinical(tok.key):
                parts[-1].append(tok)  # 'Nguyen Van An', 'Tran Thi Ha': a given name after one
            elif tok.key in _ASIAN_SURNAMES and self._asian_surname(run, index, text):
                parts[-1].append(tok)  # 'Wei He', 'Kevin Ng', 'Park Ji-hoon'
            elif index > 0 and tok.key in _EPONYM_WORDS and not titled:
                # 'Lawton IADL', 'Angle Class': the word before is an eponym; English words
                # between go with it ('Ramsey Agitation-Sedation Scale')
                while len(parts[-1]) > 1 and self._plain_word(parts[-1][-1]):
                    parts[-1].pop()
                if parts[-1]:
                    parts[-1].pop()
                parts.append([])
            elif self._blocking(tok):
                if parts[-1] and tok.key in lex.eponyms and parts[-1][-1].key in lex.first \
                        and _EPONYM_ONLY.match(text[tok.end:tok.end + 40]):
                    parts[-1].pop()  # 'Lou Gehrig's disease': the eponym's given name
                parts.append([])
            else:
                parts[-1].append(tok)
        spans: list[Span] = []
        for part_index, part in enumerate(p for p in parts if p):
            last_part = part[-1] is run[-1]
            if eponym and last_part and 2 <= len(part) <= 3 and _EPONYM_ONLY.match(after) and all(
                    lex.is_name(t.key) or t.key in lex.eponyms for t in part):
                continue  # 'Braxton Hicks contractions': two eponyms, no person
            if (eponym and last_part) or (not last_part and not titled and (
                    _EPONYM_AFTER.match(text[part[-1].end:part[-1].end + 60])
                    or self._eponym_gap(text[part[-1].end:part[-1].end + 60]))):
                part = part[:-1]
                if not part:
                    continue
            first_part = part[0] is run[0]
            spans.extend(self._dictionary_run(
                part, sentence_start=first_part and sentence_start and part_index == 0,
                medium=medium and first_part, text=text))
        return spans

    def _plain_word(self, tok: _Tok) -> bool:
        """An English word (each part of a hyphenated one) that is no dictionary name."""
        return not self.lex.is_name(tok.key) and all(
            is_english(part) for part in tok.key.split("-") if part)

    @staticmethod
    def _eponym_gap(after: str) -> bool:
        """An eponym word one or two lower-case words on ('Ramsey sedation scale', 'Rathke
        pouch cyst'): the words between are English nouns or adjectives, no function word
        and no verb form ('Okafor needs stress test' is a person)."""
        if after[:1] not in (" ", "\t") or not after[1:2].islower():
            return False
        match = _EPONYM_GAP.match(after)
        if not match:
            return False
        return all(is_english(fold(w)) and fold(w) not in _TEXT_FUNCTION
                   and not w.endswith(("ed", "s")) for w in match.group(1).split())

    @staticmethod
    def _scored(after: str, context: bool, text: str, start: int) -> bool:
        """A score, a result or a staging letter right after the word makes it a named scale,
        sign or test ('Lawton 5/8', 'Tinetti 19/28', 'Phalen +', 'Ortolani/Barlow neg',
        'Weber B ankle'). After name context no sign and only a score that cannot be a date;
        outside brackets too ('Pt Okafor 5/8 seen' is a date)."""
        lead = after.lstrip(" \t")[:1]
        if not lead or lead not in "0123456789+-\u2212/np":
            return False
        match = _SCORE_AFTER.match(after)
        if not match:
            return False
        if match.group("num") is None:
            return not context
        first, second = int(match.group("num")), int(match.group("den"))
        if context or text[start - 1:start] != "(":
            return first > 12 or second > 31
        return second > 0 and first <= second

    def _eponym_family(self, text: str, run: list[_Tok]) -> bool:
        """Classification words around the run: 'stage IIIB', 'type II, Binet B', 'grade is
        Hoehn and Yahr', a staging numeral with a letter ('Ann Arbor IIA')."""
        last = run[-1].word
        if len(run) > 1 and _ROMAN_STAGE.fullmatch(last) and last[-1] in "ABC":
            return True
        if len(run) > 1 and len(last) == 1 and last in "ABCD":
            # 'Weber B fibula fracture': a class letter, then what it classifies
            following = _LOWER_WORD.match(text, run[-1].end + 1)
            if following and text[run[-1].end:following.start()] == " " and is_english(
                    fold(following.group())) and fold(following.group()) not in _TEXT_FUNCTION \
                    and not following.group().endswith(("ed", "s")):
                return True
        lex = self.lex
        if len(run) > 3 or not any(t.key in lex.last or t.key in lex.first for t in run):
            return False
        window = text[max(0, run[0].start - 40):run[0].start]
        return bool(_EPONYM_BEFORE_KEYS.search(window.lower())) and bool(
            _EPONYM_BEFORE.search(window))

    @staticmethod
    def _language_before(text: str, start: int) -> bool:
        """A verb of speaking, reading or writing a few words before ('Speaks Karen')."""
        window = text[max(0, start - 40):start]
        return bool(_LANGUAGE_KEYS.search(window.lower())) and bool(
            _LANGUAGE_BEFORE.search(window))

    @staticmethod
    def _title_here(text: str, title: _Tok, after: _Tok) -> bool:
        """A title word is a title when its name follows it directly (no comma) and it
        does not follow a number (a unit: '0.4 MS.'); a whole word ('Nurse') takes no
        period ('charge nurse. Reason')."""
        gap = text[title.end:after.start]
        if "," in gap or _NUMBER_BEFORE.search(text, max(0, title.start - 3), title.start):
            return False
        return "." not in gap or len(title.key) <= 4
    def _asian_surname(self, run: list[_Tok], index: int, text: str = "") -> bool:
        """A short East Asian surname right after or right before a dictionary given name
        that is no everyday word ('Wei He', 'Kevin Ng', 'Li Wei'), or right after an
        unknown given name ('Meiling He'); not before an eponym word (the caller checks
        'NG tube')."""
        lex = self.lex
        tok = run[index]
        if not (tok.word[:1].isupper() and (tok.word[1:].islower() or tok.word.isupper())):
            return False
        if index > 0 and "," in text[run[index - 1].end:tok.start]:
            return False  # 'Caitlinview, MA': a state code after a comma
        for other in (index - 1, index + 1):
            if 0 <= other < len(run):
                key = run[other].key
                if key in lex.first and lex.is_strong_name(key) and len(key) >= 2:
                    return True
        # 'Meiling He': after a given name no list knows
        return index > 0 and self._unknown(run[index - 1].word, run[index - 1].key)

    def _blocking(self, tok: _Tok) -> bool:
        lex = self.lex
        key = tok.key
        if len(key) <= 1:
            return False
        if key in lex.first or key in lex.last:
            return (key in lex.eponyms or key in lex.drugs or key in lex.genes
                    or key in lex.clinical or key in lex.not_name or key in MONTH_WORDS
                    or key in _FUNCTION_KEYS or key in _TEXT_FUNCTION
                    or (key in _STATE_WORDS and key not in lex.last))
        return lex.blocks_alone(key)

    def _strong_run(self, text: str, run: list[_Tok], titled: bool) -> list[Span]:
        lex = self.lex
        kept: list[_Tok] = []
        for tok in run:
            initial = len(tok.key) == 1 and tok.word.endswith(".")
            if initial and kept:
                kept.append(tok)
                continue
            month = tok.key in MONTH_WORDS and not (lex.is_name(tok.key) and not re.match(
                r"\s*(?:[0-9]|of\b)", text[tok.end:tok.end + 4]))
            last_surname = tok is run[-1] and tok.key in lex.last
            if kept and not last_surname and (tok.key in lex.not_name
                                              or tok.key in _FUNCTION_KEYS
                                              or tok.key in lex.clinical or month):
                break
            if not kept and not titled and (tok.key in _FUNCTION_KEYS or tok.word[:2] in (
                    "I'", "I’")) and not (len(tok.key) == 1 and tok.word.endswith(".")) and not (
                    tok.key in _ASIAN_SURNAMES and tok.word[1:].islower()):
                continue  # "I'm Tsiory's daughter": the pronoun is no name part ('Uncle He' is)
            kept.append(tok)
        if not kept:
            return []
        if len(kept) == 1 and kept[0].key in _ASIAN_SURNAMES and len(kept[0].key) <= 3 \
                and kept[0].word[1:].islower() and lex.is_clinical(kept[0].key):
            # 'Patient: Ng', 'Attending: Do': a short surname in name case after strong
            # context; its own source, so the clinical veto ('NG tube') does not drop it
            return [Span(kept[0].start, kept[0].end, PhiType.NAME, SHORT_SURNAME, 0.95)]
        return [Span(kept[0].start, kept[-1].end, PhiType.NAME, "name_context", 0.95)]

    def _not_a_name_here(self, text: str, tok: _Tok) -> bool:
        """A lone word after strong context that is still no name: an acronym that is no
        dictionary name after a relation ("my son's ADHD"), or, after a mail or
        chief-complaint label ('To:', 'CC:'), a note word or an English word ('To: Clinic',
        'CC: SOB')."""
        lex = self.lex
        key = tok.key
        if (lex.is_name(key) and not lex.blocks_alone(key)) or key in _ASIAN_SURNAMES:
            return False
        relation = bool(_RELATION_NEAR.search(text, max(0, tok.start - 30), tok.start))
        if tok.word.isupper() and len(key) >= 2 and not lex.is_name(key) and (
                not pronounceable(key) or (len(key) <= 3 and (
                    is_english(key) or lex.is_clinical(key) or key in self._stop))) \
                and _RELATION_BEFORE.search(text, max(0, tok.start - 30), tok.start):
            return True  # after a label, capitals are initials ('Dictated by: JRM')
        if lex.is_name(key):
            return False
        # 'WELL CHILD VISIT' (an English word in capitals after a relation), '-- Reply from'
        # (after a signature dash), an OCR-damaged heading ('HlSTORY')
        english = is_english(key) or key in _TEXT_FUNCTION or (
            any(c in tok.word for c in "01l") and is_english(fold(_ocr_reading(
                tok.word.replace("l", "I") if tok.word[1:].replace("l", "").isupper()
                else tok.word, lex))))
        if english and len(key) >= 4 and ((relation and tok.word.isupper())
                                           or _SIGNATURE_DASH_BEFORE.search(
                                               text, max(0, tok.start - 12), tok.start)):
            return True
        return bool(_MAIL_LABEL.search(text, max(0, tok.start - 12), tok.start)) and english

    def _care_before(self, text: str, tok: _Tok) -> bool:
        """A hand-off or care verb right before the word ('signed out to', 'Page')."""
        return bool(_CARE_BEFORE.search(text, max(0, tok.start - 40), tok.start))

    def _dictionary_run(self, part: list[_Tok], *, sentence_start: bool,
                        medium: bool, text: str = "") -> list[Span]:
        lex = self.lex
        initials = sum(1 for t in part if len(t.key) == 1)
        core = [t for t in part if len(t.key) > 1]
        if not core:
            return []
        strong = sum(1 for t in core if lex.is_strong_name(t.key))
        known = sum(1 for t in core if lex.is_name(t.key))
        allcaps = all(t.word.isupper() for t in core)
        if allcaps and (len(core) < 2 or known < 2 or strong < 1 or (
                not any(t.key in lex.first for t in core)
                and any(is_english(t.key) for t in core))):
            # in capitals the case is no evidence: 'NEEDS PRIOR AUTH' is no 'Prior Auth'
            return self._unknown_run(part, core, sentence_start=sentence_start, text=text)
        score = 0.0
        if strong >= 1 and len(core) <= 5:
            score = 0.85
        elif initials and (known >= 1 or medium):
            score = 0.8
        elif known >= 2 and (not sentence_start or (
                core[0].key in lex.first and core[-1].key in lex.last)):
            score = 0.75
        elif medium and len(core) <= 3 and not all(
                (is_english(t.key) or t.key in self._stop or term_shaped(t.key)
                 or lex.is_clinical(t.key)) and not lex.is_name(t.key) for t in core):
            score = 0.7  # 'spoke with Okafor', not 'discussed with Nutrition', 'Per Os'

        if not score:
            return self._unknown_run(part, core, sentence_start=sentence_start, text=text)
        return [Span(part[0].start, part[-1].end, PhiType.NAME, "name_dictionary", score)]

    def _unknown_run(self, part: list[_Tok], core: list[_Tok], *,
                     sentence_start: bool, text: str) -> list[Span]:
        """Names no dictionary holds, by what they are not: two to four capitalized (or
        ALL-CAPS) words, each either unknown to every list (`_unknown`: no English word,
        clinical term, drug, organism, place, abbreviation) or a dictionary name, at least
        one unknown ('Tsiory Randrianasolo', 'CHIDI OKONKWO'); a dictionary name that is
        an everyday word only as the first word and not at a sentence start ('Grace
        Nwachukwu'); or an initial and one unknown word without a Latin ending
        ('T. Randrianasolo', not 'E. Faecium'); or one unknown word after a hand-off or
        care verb ('signed out to Vakalahi') or before a verb only a person does
        ('Randrianasolo denies pain')."""
        lex = self.lex
        unknown = [self._unknown(t.word, t.key) for t in core]
        if not any(unknown) or any(text[t.end:t.end + 1].isalnum() for t in core):
            return []  # no unknown word, or a word cut out of a code ('KNA' of 'KNAJ2H8...')
        commas = [i for i in range(1, len(part)) if "," in text[part[i - 1].end:part[i].start]]
        if len(commas) >= 2 or (commas and len(core) > 4):
            # a list of names ('Tsiory Randrianasolo, Mosese Vakalahi, Bolat ...'): each item
            pieces = [part[a:b] for a, b in zip([0, *commas], [*commas, len(part)], strict=True)]
            return [span for piece in pieces if len(piece) >= 2 for span in self._unknown_run(
                piece, [t for t in piece if len(t.key) > 1], sentence_start=False, text=text)]
        initials = len(part) - len(core)
        if len(core) == 1:
            key = core[0].key
            if (initials and part[0] is not core[0] and not key.endswith(_LATIN_TAIL)
                    and len(key) >= 4) or (not initials and (
                        self._care_before(text, part[0])
                        or _PERSON_AFTER.match(text, core[0].end, core[0].end + 40))):
                return [Span(part[0].start, part[-1].end, PhiType.NAME, "name_shape", 0.7)]
            return []
        if len(core) > 4:
            return []
        for index, (tok, new) in enumerate(zip(core, unknown, strict=True)):
            if new or (tok.key in _ASIAN_SURNAMES and index > 0 and unknown[index - 1]
                       and "," not in text[core[index - 1].end:tok.start]):
                continue  # a word no list knows, or 'He' after one ('Meiling He')
            key = tok.key
            if not lex.is_name(key) or not self._usable(key) or lex.is_clinical(key) \
                    or (key in lex.places and key not in lex.last and key not in lex.first):
                return []
            if lex.blocks_alone(key) and not (
                    index == 0 and key in lex.first and not tok.word.isupper()
                    and (not sentence_start or all(unknown[1:]))):
                return []
            if tok.word.isupper() and (len(key) < 3 or not pronounceable(key)):
                return []
        return [Span(part[0].start, part[-1].end, PhiType.NAME, "name_shape", 0.7)]


_ASIAN_SURNAMES = frozenset({
    "HE", "LI", "NG", "DO", "HO", "MA", "LEE", "PARK", "YE", "LO", "KO", "OH", "HA", "LY", "TA",
    "TU", "LAM", "NAM", "CHO", "GU", "KANG", "MIN", "NA", "CHA", "HONG", "LIM", "SHIN", "TAN",
    "TAY", "CHIN", "LAI", "PANG", "POON", "TAM", "TANG", "TONG", "WAN", "CHOW", "LIN", "MAO",
    "SHI", "YAN", "YIN", "DAO", "QUAN", "VI", "SONG", "HAN", "MOON", "SUN", "LONG", "FAN", "PAN",
    "WU", "XU", "YU", "LU", "HU", "VU", "VO", "KIM", "BUI", "CAO", "HUA", "MAI", "JI", "JO", "SU",
})
"""East Asian surnames that are English words or two letters ('He', 'Ng', 'Do', 'Park'):
a name part right next to a dictionary given name ('Wei He', 'Kevin Ng', 'Park Ji-hoon'),
a word elsewhere."""
_LATIN_TAIL = ("US", "IS", "AE", "II", "UM", "ANS", "ENS", "ICA", "ATA", "OSA", "IUM", "ES")
"""Endings of organism species and Latin terms: an unknown word with one after an initial
('E. Faecium') is no 'J. Okafor'."""

_CLAUSE_GOES_ON = re.compile(
    r"[ \t]*(?:[,.;:!?)]|$|(?:is|was|has|had|will|and|called|calls|said|says|wants|needs|"
    r"can|could|would|who|asked|told|texted)\b)")
"""What may follow an everyday given name used as a name after a relation word
('my daughter hope is coming', 'my son mark said'), not a verb ('my daughter rose early')."""
_RELATION_WORD = re.compile(r"(?i:" + _RELATION + r")")
_RELATION_BEFORE = re.compile(r"(?i:\b" + _RELATION + r"(?:['’]s)?[ \t]+)$")
_PLURAL_RELATION_BEFORE = re.compile(
    r"(?i:\b(?:sons|daughters|kids|grandkids|parents|brothers|sisters|grandsons|"
    r"granddaughters|childrens|moms|dads|wifes|husbands)[ \t]+)$")
_RELATION_NEAR = re.compile(r"(?i:\b" + _RELATION + r"(?:['’]s)?(?:[ \t]*[,(:=][ \t]*|[ \t]+))$")
_SIGNATURE_DASH_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:—|–|-{2,}|~)[ \t]*$")
_MAIL_LABEL = re.compile(r"(?i:\b(?:from|to|cc|bcc|sent|subject|re|fw|fwd)[ \t]*:[ \t]*)$")

_FUNCTION_KEYS = frozenset({
    "THE", "A", "AN", "AND", "OR", "OF", "IN", "ON", "AT", "TO", "FOR", "WITH", "FROM", "BY",
    "PATIENT", "PT", "HE", "SHE", "HIS", "HER", "THEY", "THEIR", "THIS", "THAT", "NO", "NOT",
    "PLAN", "HISTORY", "DR", "MR", "MRS", "MS", "SIGNED", "PER", "DEAR", "CC", "RE",
})


def _ocr_reading(word: str, lex: Lexicon) -> str:
    """The letters an OCR-damaged word stands for: 0 is O; 1 is I when that gives a vowel
    or a dictionary name ('MAR1A', 'SM1TH'), else l."""
    word = word.replace("0", "O")
    if "1" not in word:
        return word
    as_i = word.replace("1", "I" if word.isupper() else "i")
    if fold(as_i) in lex.first or fold(as_i) in lex.last:
        return as_i
    as_l = word.replace("1", "L" if word.isupper() else "l")
    return as_l if name_shaped(as_l.capitalize()) and any(
        c in "AEIOUY" for c in as_l.upper()) else as_i


def lex_first_weak(finder: NameFinder, word: str) -> bool:
    """A lower-case word that is an everyday-word given name ('hope', 'will'): after a
    preposition it is the word, not the name."""
    key = fold(word)
    return key in finder.lex.weak or key in _TEXT_FUNCTION

