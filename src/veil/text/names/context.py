"""Context around a name: titles, relations, labels, signature dashes, care and reporting verbs.

Strong context ('Dr.', 'his daughter', 'Patient:', a signature dash, ', MD' after) makes
even an everyday word a name; medium context ('spoke with', 'seen by') makes a dictionary
or unknown word one. The whole-text scans (`_strong_ends`, `_medium_ends`, `_label_ends`)
run once per text and return the offsets where context ends, so judging a run is a set
lookup instead of a regex per run.
"""

from __future__ import annotations

import re

from veil.text.regex_lead import fast_compile

_TITLE = (r"(?:dr|doctor|mr|mrs|ms|miss|mx|prof|professor|rev|reverend|fr|father|sister|"
          r"brother|pastor|rabbi|imam|nurse|officer|det|detective|judge|sgt|capt|lt|col|"
          r"attorney|atty|coach|mister|madam|dame|sir|lady|lord)")
_CREDENTIAL_WORD = (r"(?-i:(?<![A-Za-z0-9/.\-])(?:RN|LPN|LVN|RT|RRT|PT|OT|OTR|SLP|NP|"
                    r"PA-C|CNA|EMT|CNM|RPh|PharmD|LCSW|MSW|CHW))")
CREDENTIAL_BRACKET_AFTER = re.compile(r"[ \t]*\((?:RN|LPN|LVN|RT|RRT|CNA|NP|CNM|SLP|OT|PT|"
                                      r"RD|RDN|LCSW|MSW|CRNA|PharmD|CPhT|EMT|MD|DO)"
                                      r"[ \t]*[,;/][ \t]*[A-Za-z0-9]")
"""A credential in brackets that goes on after a name ('Makani (RN, care team)', 'Keoni (RN,
4 West)'): only after words that are a person's (`_RunJudge._person_words`: not 'Wound Care
(RN, per protocol)', 'Ambulation (PT, twice daily)': each word a name or no English word);
never 'PA' (a radiograph's view) or 'MA' (a state)."""
CREDENTIAL_BEFORE = re.compile(_CREDENTIAL_WORD + r"[ \t]$")
"""A role's credential in capitals right before a run of capitalized words, read as its title
when the words are a person's ('RT Faith Oyelaran', 'charge RN Will Fenton', 'PT Will Cook';
`_RunJudge._named_after_credential`): a credential after a name is a suffix instead
(`_STRONG_AFTER`); in capitals only, so 'pt' and 'ot' of running text are no title."""
CREDENTIAL_WORDS = frozenset(re.findall(r"[A-Za-z\-]+", _CREDENTIAL_WORD.split("(?:", 1)[1]))
"""The credentials of `CREDENTIAL_BEFORE`, as written."""
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
             r"nana|nanna|granny|gran|grammy|gramps|abuela|abuelo|tia|tio|auntie|"
             r"boyfriend|girlfriend|friend|neighbou?r|caregiver|carer|roommate|guardian|"
             r"stepson|stepdaughter|stepmother|stepfather|in-law|son-in-law|daughter-in-law|"
             r"mother-in-law|father-in-law|child|children|kids?|baby|infant|twin|"
             r"poa|hcp|proxy|surrogate|representative|landlord|employer|coworker|co-worker|"
             r"boss|colleague|pastor|priest|sponsor|case\s+manager|social\s+worker|"

             r"therapist|counselor|interpreter|aide|roommate|housemate|ex-wife|ex-husband|"
             r"dtr|dau|hubby|stepmom|stepdad|godmother|godfather|goddaughter|godson|"
             r"daughters|sons|sisters|brothers|grandkids|grandchildren|grandsons|granddaughters|"
             r"great-grandson|"
             r"great-granddaughter|half-brother|half-sister|"
             r"bubby|bubbe|bubbie|bobbe|zayde|zaide|zaidy|zeidy|zeide|zeidi|zaidie|tatty|tatti|"
             r"babushka|dadi|nani|lola|lolo|"
             r"yiayia|nonna|nonno|momma|mamaw|memaw|papaw|pawpaw|granddaddy|grandmama|"
             r"(?-i:tutu)|kupuna|mo['ʻ’]opuna|moopuna|obaachan|ojiichan|baachan|jiichan|"
             r"halmoni|halmeoni|halabeoji|"
             r"nanay|tatay|mawmaw|meemaw|gramma|grampa|abuelita|abuelito|babcia|dziadek|"
             # South Asian, Arabic, German and Scandinavian kin ('thatha Thangavel', 'jiddo
             # Mahmoud', 'khala Rubina', 'Oma Hilde')
             r"thatha|thaatha|paati|ammamma|ammachi|appachan|abbu|dada|chacha|chachi|"
             r"mamu|khala|khalu|phupho|phuppo|bhabhi|bhaiya|jiddo|jeddo|teta|sitto|sitti|"
             r"oma|opa|mormor|morfar|farmor|farfar|bestemor|bestefar|mummo|vaari|ukki|mummu)")
_RELATION_ABROAD_WORDS = (
    "esposa", "esposo", "hija", "hijo", "hermana", "hermano", "nieta", "nieto", "suegra",
    "suegro", "cunada", "cunado", "fille", "fils", "epouse", "epoux", "soeur", "frere", "neveu",
    "petite-fille", "petit-fils", "belle-fille", "gendre", "filha", "filho", "marido", "irma",
    "irmao", "neta", "neto", "mere", "pere", "madre", "padre")
"""(In their ASCII reading, which the name finder reads: 'frère' is 'frere', 'mère' 'mere'.)"""
_RELATION_ABROAD = "(?:" + "|".join(_RELATION_ABROAD_WORDS) + ")"
"""Relation words of Spanish, French and Portuguese notes ('esposa Chayo', 'son fils
Jean-Guy'): context for a capitalized name right after one blank only, in lower or name case
(a note written in the language puts verbs and capitals after them: 'Hija reporta que',
'ESPOSA DEBE EVALUARSE')."""
CHILD_WORDS = r"(?:newborn|toddler|grandbaby|preemie|little\s+(?:girl|boy|one))"
"""Words for a small child right before its name ('our newborn Noa', "Travis's little girl
Braelynn"); unlike a relation word, never with a colon or a dash between (a nursery's
'Newborn: Vitamin K given' is a heading) and never before a lower-case word."""
_BOSS_WORDS = ("supervisor", "manager", "mayordomo", "contractor", "superintendent", "foreman",
               "forewoman", "forelady", "boss")
_BOSS_BRACKET = r"(?:" + "|".join(_BOSS_WORDS) + r")[ \t]*\([ \t]*(?-i:(?=[A-Z][a-z]))"
"""A worker's boss with a name in brackets on the same line ('her supervisor (Will Grant)', 'the
foreman (Chepe)'); never without the bracket ('Ward Manager' ends signatures, 'per foreman
OSHA requires')."""
_STRONG_BEFORE = re.compile(
    r"(?i:(?:\b" + _RELATION + r"(?![A-Za-z])"
    r"(?:['’]s(?=\s*(?:[,(:=\-]|(?:is|was|named|called|name)\b)))?(?:\s+of\s+[0-9]{1,2}\s+years)?"
    r"\s*(?:,|\(|:|-|=)?\s*"
    r"(?:(?:is|was|named|called|name\s+is|"
    r"whose\s+name\s+is)\s+)?$)|"
    r"(?:\b" + _TITLE_CONTEXT + r"\s*$)|"
    r"(?:\b(?:now\s+named|baby\s+(?:girl|boy)|" + CHILD_WORDS + r"(?![ \t]*[:\-–—=(,]))\s*$)|"
    r"(?:\b(?:dear|sincerely|regards|thanks|cordially|respectfully|best)\b\s*,?\s*$)|"
    r"(?-i:\b" + _RELATION_ABROAD + r"[ \t](?=[A-Z][a-z]|\Z)$)|"
    r"(?:(?:^|\n)[ \t]*(?:—|–|--|~|/s/)[ \t]*$)|"
    r"(?:\b" + _BOSS_BRACKET + r"$))")
_MEDIUM_BEFORE = re.compile(
    r"(?i:\b(?:spoke|speaking|talked|talking|met|meeting|discussed|consulted|called|"
    r"phoned|texted|emailed|messaged|visited|seen|evaluated|examined|assessed|treated|"
    r"followed|managed|referred|signed|dictated|reviewed|performed|accompanied|"
    r"(?:prepared|written|completed|entered|documented|authored|submitted)(?=[ \t]+by\b)|"
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
    r"lpn|cna|np|pa|sw|cm|rd|rdn|dietitian|dietician|slp|case\s+manager|social\s+worker|hi|"
    r"hello|hey|(?:message|msg|vm|"
    r"voicemail)\s+(?:left\s+)?for|left\s+for|by|reviewer|tech|technician|technologist|doula|"
    r"midwife|scribe|sonographer|phlebotomist|paramedic|emt|dietitian|hygienist|therapist|"
    r"rt|pt|ot|slp|cma|attn|baby\s+(?:girl|boy)|now\s+named|named|its|it's|this\s+is|"
    r"coordinator|recipient|donor|pct|navigator|dispatcher|driver|transporter|sitter|"
    r"counselor|receptionist|scheduler|courier|volunteer|caseworker|advocate|liaison|"
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
    # session 8: person labels of forms, registries and claims
    "initials", "subject initials", "patient initials", "given name", "first name", "first",
    "last name", "last", "middle name", "middle", "surname", "family name", "other names",
    "other names used", "name last", "name first", "name middle", "name alias",
    "name--last", "name--first", "name--middle", "name--alias", "student", "examinee",
    "claimant", "specialist", "caller", "reporter",
    "requestor", "requester", "applicant", "enrollee", "participant", "victim", "passenger",
    "pet owner", "child", "infant", "son", "daughter", "wife", "husband", "sister", "brother",
    "grandmother", "grandfather", "aunt", "uncle", "friend", "neighbor", "neighbour",
    "roommate", "caregiver", "staff", "sm", "service member", "sponsor name",
})
"""Labels after which a name follows ('Patient:', 'Signed by:', 'Tech:', 'Next of kin...'):
looked up in a set for the one to four words before each colon or leader (one scan for the
marks instead of a long regex alternation tried at every word)."""
_LABEL_MARK = fast_compile(r":|\.{3,}|_{3,}|…+")
_ALPHA_RUN = re.compile(r"[A-Za-z]+")
_SIGNATURE_DASH = re.compile(r"(?:^|\n)[ \t]*(?:—|–|--|~|/s/)[ \t]*")
_STRONG_TRIGGERS = frozenset(
    chunk.lower() for chunk in re.findall(r"[A-Za-z]+", _TITLE + "|" + _RELATION.replace(
        r"\s+", " ").replace("fianc[eé]e?", "fianc|fiance|fiancee")
        .replace("neighbou?r", "neighbor|neighbour").replace("kids?", "kid|kids")
        .replace("(?-i:tutu)", "tutu"))
    if chunk not in ("s",)) | {"now", "baby", "dear", "sincerely", "regards", "thanks",
                               "cordially", "respectfully", "best", "newborn", "toddler",
                               "grandbaby", "preemie", "little"} | {
    part for word in _RELATION_ABROAD_WORDS for part in word.split("-")} | set(_BOSS_WORDS)
"""The words a strong-context match can start with: the whole-text regex is tried only at
those words (a set lookup per word), not at every word start."""
_MEDIUM_TRIGGERS = frozenset(
    chunk.lower() for chunk in re.findall(r"[A-Za-z]+", _MEDIUM_BEFORE.pattern.split(
        "(?:\\s+(?:with")[0].removeprefix("(?i:\\b(?:")))
_LABEL_WORD = re.compile(r"[A-Za-z][A-Za-z/.\-]*")
_LABEL_PAREN = re.compile(r"[ \t]*\([^()\n]{1,24}\)(?:[ \t]+(?:used|present|for|via|by)"
                          r"(?:[ \t]+[a-z]+){0,3})?$")
"""A parenthesis (and a short verb phrase) between a label and its colon: 'Interpreter (Hmong):',
'Interpreter (Karen) used for all teaching:'."""
_SPACES = re.compile(r"\s*")
_MEDIUM_BEFORE_ALL = re.compile(_WORD_START + _MEDIUM_BEFORE.pattern.replace("$)", ")"))
"""The same context patterns run once over a whole text: a run whose first word starts
where one of their matches ends has that context (one scan per text, not one per run)."""
_AFTER_CONTEXT = re.compile(r"[\s,(:\-\"']*")
_ROLE_THEN_NAME = re.compile(r"[ \t]+(?:RN|NP|MD|PA|PA-C|DO|LPN|CNA|RT|PT|OT)[ \t]+[A-Z]")


_SUBJECT_LINE = fast_compile(
    r"(?<![A-Za-z])(?:Re|RE|Regarding|REGARDING|Subject|SUBJECT)[ \t]*:[ \t]*"
    r"(?=(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+)?[A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z][A-Za-z'’.\-]*)"
    r"{0,3}[ \t]*(?:,[ \t]*(?:DOB|D\.O\.B|dob|n[ée]e?|born|MRN|age|[0-9])|\([ \t]*(?:DOB|MRN|"
    r"dob)|[ \t]{2,}(?:DOB|MRN|D\.O\.B)|[ \t]*\n|[ \t]*$))")
"""The subject line of a letter names the patient when a birth date, a record number or the
line's end follows the name ('Re: Réjean Bouchard, né le ...'); as often it is a topic
('Re: Prior Authorization for Humira')."""


def subject_line_ends(text: str, ends: set[int]) -> set[int]:
    """Add where a letter's subject label ends, when a name and a birth date follow."""
    if ":" in text:
        ends.update(m.end() for m in _SUBJECT_LINE.finditer(text))
    return ends


_ROLE_LABEL = re.compile(r"[a-z]*(?:ologist|ographer|ician|specialist)|analyst|manager|mgr|"
                         r"caller|assistant|officer|agent|student|coordinator|aide|attendant|"
                         r"worker|caregiver|counsel+or")
"""A label naming a person's role by its ending ('Cytotechnologist:', 'Analyst:', 'Case mgr:',
'Caller:', 'Student:'): the capitalized words after its colon are that person's name."""


_THING_NAMED = frozenset({"drug", "medication", "med", "medicine", "product", "brand", "generic",
                          "vaccine", "device", "test", "study", "trade", "proprietary",
                          "formulation", "supplement", "file", "user", "street", "program",
                          "plan", "protocol", "document", "form", "organism", "strain"})
"""Things a 'Name:' label can name: after them the label is no person's."""


def _label_ends(text: str, ends: set[int]) -> set[int]:
    """Add where a label's mark ends (past blanks and the punctuation that may follow) to
    the context ends of `_STRONG_BEFORE_ALL`."""
    for mark in _LABEL_MARK.finditer(text):
        start = mark.start()
        window = _LABEL_PAREN.sub("", text[max(0, start - 60):start].rstrip(" \t")).rstrip(" \t")
        if not window or not (window[-1].isalpha() or window[-1] == "."):
            continue  # ('Interpreter (Hmong):' reads as 'Interpreter:')
        words = [w.lower() for w in _LABEL_WORD.findall(window)[-4:]]
        if len(words) >= 2 and words[-1] == "name" and words[-2] in _THING_NAMED:
            continue  # 'Drug Name: Camila', 'Product Name: Heather': a thing's name
        for size in range(1, len(words) + 1):
            if " ".join(words[-size:]) in _LABELS:
                break
        else:
            if not (words and _ROLE_LABEL.fullmatch(words[-1])):
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
    r"RDMS|RDCS|LMT|CHW|LADC|CADC|LSW|CCM|CPRS|CGC|LGC|CCC-A|LGSW|CPM|CCLS|MT-BC|"
    r"Jr\.?|Sr\.?)\b|"
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
_ID_LABEL_AFTER = re.compile(
    r",[ \t]*(?:DOB|D\.O\.B\.?|MRN|MR#|SSN|DOD|(?i:medical[ \t]+record|date[ \t]+of[ \t]+birth|"
    r"born[ \t]+(?:on[ \t]+)?[0-9]))\b")
"""A person's identifier label after a comma ('Wren Hatch, MRN ...', 'Faith Walker, DOB ...'):
what stands before it is a person (of more than one letter: '7 mo F, DOB' is a sex)."""
_MEDIUM_AFTER = re.compile(
    r"^\s+(?:said|says|stated|states|reported|reports|called|calls|visited|visits|agreed|"
    r"agrees|wants|wanted|asked|asks|brought|brings|declined|declines|consented|consents|"
    r"requested|requests|expressed|expresses|confirmed|confirms|feels|felt|noted|notes|"
    r"was\s+(?:at\s+)?bedside|is\s+(?:at\s+)?bedside|will\s+(?:call|visit|bring|pick))\b")

_PERSON_AFTER = re.compile(
    r"[ \t]+(?:denies|denied|reports|states|stated|says|said|understands|verbalized|"
    r"verbalizes|prefers|wishes|lives|works|smokes|drinks|complains|endorses|presents|"
    r"agrees|agreed|declines|declined|consents|consented|is\s+an?\s+[0-9]{1,3}|"
    r"was\s+seen|is\s+(?:his|her|their|the\s+patient'?s|pt'?s)\b)\b")
"""Verbs only a person is the subject of: one word no list knows before them is a name
('Randrianasolo denies pain', 'Vakalahi is a 45 y.o.'), even at a sentence start."""
_SENTENCE_END = re.compile(r"(?:^|[.!?:;•\-*>\n]|\n\s*[0-9]+[.)])\s*$")

_CLAUSE_GOES_ON = re.compile(
    r"[ \t]*(?:[,.;:!?)]|$|(?:is|was|has|had|will|and|called|calls|said|says|wants|needs|"
    r"can|could|would|who|asked|told|texted|came|comes|drove|stopped|visited|brought|took|"
    r"left|helped|went|gave|found|picked|dropped|arrived|flew|stayed|sent|noticed|thinks|"
    r"thought|knows|knew|wrote|showed)\b)")
"""What may follow an everyday given name used as a name after a relation word
('my daughter hope is coming', 'my son mark said'), not a verb ('my daughter rose early')."""
RELATION_WORD = re.compile(r"(?i:" + _RELATION + r")")
_RELATION_BEFORE = re.compile(r"(?i:\b" + _RELATION + r"(?:['’]s)?[ \t]+)$")
_PLURAL_RELATION_BEFORE = re.compile(
    r"(?i:\b(?:sons|daughters|kids|grandkids|parents|brothers|sisters|grandsons|"
    r"granddaughters|childrens|moms|dads|wifes|husbands)[ \t]+)$")
_RELATION_NEAR = re.compile(r"(?i:\b" + _RELATION + r"(?:['’]s)?(?:[ \t]*[,(:=][ \t]*|[ \t]+))$")
_SIGNATURE_DASH_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:—|–|-{2,}|~)[ \t]*$")
_MAIL_LABEL = re.compile(r"(?i:\b(?:from|to|cc|bcc|sent|subject|re|fw|fwd)[ \t]*:[ \t]*)$")
