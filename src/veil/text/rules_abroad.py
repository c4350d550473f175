"""Pattern rules for identifiers written the way other countries and languages write them.

Joined to `veil.text.rules.RULES`; `NEEDS` and `FIRST_CHARS` are merged into that module's
tables of the same name (a rule is only run over a text holding one of its needed words; the
regex engine skips positions that cannot start a match).

The rules see the ASCII reading of a text (`veil.text.latin`): accented Latin letters are
their base letter ('à' is 'a', 'años' is 'anos', 'März' is 'Marz'); CJK characters stay.
Ages are only matched above 89; a year alone (Western or of a Japanese era) is never a date.
"""

from __future__ import annotations

from veil.text.pattern_rule import PatternRule
from veil.text.spans import PhiType
from veil.text.trie import trie_pattern

__all__ = ["FIRST_CHARS", "NEEDS", "RULES"]

_D = "[0-9０-９]"
"""A digit, ASCII or full-width (CJK notes write both)."""
_CJK_MON = r"(?:1[0-2]|0?[1-9]|１[０-２]|０?[１-９])"
_CJK_DAY = r"(?:[12][0-9]|3[01]|0?[1-9]|[１２][０-９]|３[０１]|０?[１-９])"
_ERA = r"(?:令和|平成|昭和|大正)(?:元|" + _D + r"{1,2})"
_CJK_WEEKDAY = r"(?:[ \t]*[(（][月火水木金土日][曜]?[日]?[)）])?"
"""'1月16日(火)', '（水曜日）'."""
_NOT_DIGIT_BEFORE = r"(?<![0-9０-９])"
_NOT_DIGIT_AFTER = r"(?![0-9０-９])"

_ES_UNITS = r"(?:uno|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)"
_PT_UNITS = r"(?:um|uma|dois|duas|tres|quatro|cinco|seis|sete|oito|nove)"
_FR_90S = r"(?:dix|onze|douze|treize|quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf)"
_FR_UNITS = r"(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf)"
_DE_UNITS = r"(?:ein|zwei|drei|vier|funf|fuenf|sechs|sieben|acht|neun)"
_AGE_WORDS_ABROAD = (
    # Spanish: 'noventa y cinco', 'noventa y tantos', 'cien', 'ciento dos'
    r"noventa(?:[ \t]+y[ \t]+(?:" + _ES_UNITS + r"|tantos|pico))?|"
    r"ciento[ \t]+(?:" + _ES_UNITS + r"|diez|once|doce)|cien|"
    # Portuguese: 'noventa e dois', 'cem', 'cento e um'
    r"noventa[ \t]+e[ \t]+(?:" + _PT_UNITS + r")|cento[ \t]+e[ \t]+(?:" + _PT_UNITS
    + r"|dez|onze|doze)|cem|"
    # French: 'quatre-vingt-quinze', 'quatre-vingt-dix', 'nonante-deux', 'cent un', 'cent'
    r"quatre[ \-]vingts?[ \-](?:et[ \-])?" + _FR_90S + r"|nonante(?:[ \-](?:et[ \-])?"
    + _FR_UNITS + r")?|cent(?:[ \-](?:et[ \-])?(?:" + _FR_UNITS + r"))?|"
    # Italian: 'novanta', 'novantadue', 'novantotto', 'cento', 'centodue'
    r"novant(?:a|uno|adue|atre|aquattro|acinque|asei|asette|otto|anove)|"
    r"cento(?:uno|due|tre|quattro|cinque|sei|sette|otto|nove|dieci)?|"
    # German: 'neunzig', 'zweiundneunzig', 'hundert', 'hundertundein(s)', 'einhundertzwei'
    r"(?:" + _DE_UNITS + r"und)?neunzig|(?:ein)?hundert(?:und)?(?:eins|ein|zwei|drei|vier|"
    r"funf|fuenf|sechs|sieben|acht|neun|zehn|elf|zwolf|zwoelf)?"
)
"""Ages over 89 in the words of Spanish, Portuguese, French, Italian and German (ASCII)."""
_AGE_NOUN_ABROAD = (r"(?:anos|ano|ans|anni|jahre|jahren)(?:[ \t]+(?:de[ \t]+edad|de[ \t]+idade|"
                    r"d'age|alt))?|j(?:a|ae)hrig(?:e[rnms]?)?")
"""Year nouns after an age ('años' reads 'anos'; 'jährige' reads 'jahrige')."""

_MONTHS_ABROAD = (
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    r"noviembre|diciembre|janeiro|fevereiro|marco|maio|junho|julho|setembro|outubro|novembro|"
    r"dezembro|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|"
    r"decembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    r"januar|janner|februar|marz|maerz|april|juni|juli|august|oktober|dezember"
)
_WEEKDAYS_ABROAD = (
    r"lunes|martes|miercoles|jueves|viernes|sabado|domingo|"
    r"segunda(?:-feira)?|terca(?:-feira)?|quarta(?:-feira)?|quinta(?:-feira)?|"
    r"sexta(?:-feira)?|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag"
)
"""Weekday names (ASCII reading: 'miércoles', 'sábado', 'terça', 'lunedì')."""
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])"
_MON = r"(?:1[0-2]|0?[1-9])"
_YEAR_TAIL = r"(?:(?:19|20)[0-9]{2}|[0-9]{2})"
_NOT_FRACTION_AFTER = (
    r"(?![ \t]*(?i:de|del|des|du|d'|da|do|dos|das|di|della|dello|der|dem|von|of|mg|ml|g|"
    r"dias?|days?|semanas?|weeks?|jours?|semaines?|tage|wochen|giorni|settimane|horas?|"
    r"hours?|hrs?|heures?|stunden|ore|mmhg|cmhg|bpm|lpm|pts?|puntos|points?|punkte|punti|"
    r"score|titer|titulo|titre|"
    r"comprimidos?|comprimes?|compresse?|cp|cps|tabs?|tablets?|tabletten?|cucharadas?|"
    r"partes?|parts?|teile?|dosis|doses?|dose|veces|vezes|fois|volte|mal|x|%)(?![A-Za-z]))"
)
"""No dose or fraction after a day/month ('le 3/4 du comprimé', 'el 1/2 de la dosis')."""
_DATE_NUMERIC_DM = (
    # slashes or dashes: '12/11', '16/09', '7/11/2024'; dots need a closing dot or a year
    r"(?:" + _DAY + r"/" + _MON + r"(?:/" + _YEAR_TAIL + r")?(?![0-9/])"
    r"|" + _DAY + r"-" + _MON + r"-" + _YEAR_TAIL + r"(?![0-9\-])"
    r"|" + _DAY + r"\." + _MON + r"\.(?:" + _YEAR_TAIL + r"(?![0-9.])|(?![0-9])))"
)

_PLACE_NOT = (
    # months, weekdays and what follows a place word without being a town
    _MONTHS_ABROAD + r"|" + _WEEKDAYS_ABROAD + r"|"
    r"hospital|clinica|clinique|klinik|residencia|residence|hogar|casa|lar|asilo|geriatrico|"
    r"ehpad|maison|foyer|heim|pflegeheim|altenheim|seniorenheim|haus|wohnung|familie|"
    r"armut|trennung|scheidung|partnerschaft|betreuung|begleitung|gemeinschaft|ruhe|"
    r"urgencias?|planta|domicilio|domicile|calle|rua|rue|avenida|avenue|via|strasse|"
    r"straße|the|this|his|her|their|a|an|[a-z]*(?:ung|heit|keit|schaft|tion)|"
    # German compound nouns of care and rooms ('in Pflege', 'in Einzelzimmer', 'in
    # Schädellage', 'in Betreutem Wohnen'; not towns in -heim or -hausen)
    r"[a-z]*(?:zimmer|geschoss|lage|pflege|wohnen|station|stube|gruppe)|"
    # countries and regions (a state or country is no identifier)
    r"argentina|bolivia|brasil|brazil|chile|colombia|costa[ \t]+rica|cuba|ecuador|"
    r"el[ \t]+salvador|espana|spain|"
    r"espanha|espagne|spanien|spagna|guatemala|honduras|mexico|mexique|nicaragua|panama|"
    r"paraguay|peru|puerto[ \t]+rico|republica|uruguay|venezuela|portugal|francia|franca|"
    r"france|"
    r"frankreich|italia|italie|italien|italy|alemania|alemanha|allemagne|deutschland|"
    r"germania|germany|osterreich|oesterreich|austria|autriche|schweiz|suiza|suisse|svizzera|"
    r"suica|belgique|belgica|belgien|belgio|inglaterra|angleterre|england|inghilterra|"
    r"estados[ \t]+unidos|etats|stati[ \t]+uniti|usa|eeuu|canada|kanada|china|japon|japan|"
    r"giappone|marruecos|"
    r"maroc|marokko|algerie|algerien|tunisie|senegal|angola|mocambique|mozambique|cabo[ \t]+verde|"
    r"rumania|roumanie|rumanien|romania|polonia|polen|pologne|turquia|turkei|tuerkei|"
    r"turquie|turchia|grecia|griechenland|grece|rusia|russland|russie|russia|ucrania|"
    r"ukraine|ucraina|europa|europe|america|amerika|africa|afrique|afrika|asia|asie|asien|"
    r"andalucia|cataluna|catalunya|galicia|bretagne|normandie|bayern|baviera|sachsen|"
    r"hessen|lombardia|toscana|sicilia|sardegna|provence|alsace|corse|canarias|baleares"
)
_PLACE_WORD = r"[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*"
_TOWN = (r"((?!(?i:" + _PLACE_NOT + r")(?![A-Za-z]))" + _PLACE_WORD
         + r"(?:(?:[ \t]+(?:de|del|de[ \t]+la|de[ \t]+los|do|da|dos|das|di|am|an[ \t]+der|"
         r"sur|la|las|los|le|les))?[ \t]+(?!(?i:" + _PLACE_NOT + r")(?![A-Za-z]))"
         + _PLACE_WORD + r"){0,2})(?![A-Za-z0-9])")
"""One to three capitalized words of a town ('Quilmes', 'San Isidro', 'Frankfurt am Main',
'Aix-en-Provence', 'Rio de Janeiro'), never a month, a weekday, a home or a country."""

_HONORIFICS = r"(?:san|sama|chan|kun|sensei|senpai|dono)"


_DATE_PREPS = ("el", "le", "il", "au", "dal", "del", "du", "em", "desde", "hasta",
               "no dia", "el dia", "do dia", "del dia", "al dia", "o dia", "turno", "cita",
               "retorno", "reconsulta", "rdv", "rendez-vous", "termin")
"""Words of Spanish, Portuguese, French, Italian and German before a day and month."""


_ES_ADDRESS_HEAD = (
    r"Urb\.?|URB\.?|Urbanizacion|URBANIZACION|Bo\.|BO\.|Barrio|BARRIO|Bda\.|Barriada|Sector|"
    r"Parcelas|Comunidad|Reparto|Colonia|Col\.|Fraccionamiento|Residencial|"
    r"(?:Res\.|Cond\.)(?=[ \t]+[A-Z][^\n]{0,40}?(?:Edif|Apt|Bloque|Blq))|Condominio|Edif\.|"
    r"Edificio|Calle|CALLE|calle(?=[ \t]+[A-Z][^\n]{0,30}?#?[ \t]*[0-9])|Callejon|Camino|"
    r"Paseo|Avenida|(?:Ave|Av|Blvd|Bvd)\.(?=[ \t]+[A-Z][a-z]+"
    r"(?:[ \t]+(?:de[ \t]+)?[A-Z][a-z]+){0,3}[ \t]+#?[0-9])|"
    # Catalan and Hebrew streets written in Latin letters ('Carrer de Provença 214', 'Rehov
    # Moriah 56', 'Sderot Ben Gurion 12')
    r"Carrer|Avinguda|Passeig|Rehov|Rechov|Sderot|Derech(?=[ \t]+[A-Z][^\n]{0,30}?[0-9])"
)
"""Words that open a Spanish address ('Res.' and 'Cond.' only with a building or flat after
the name: 'Res.' is also 'resident', 'Cond.' 'condition'; 'Ave.', 'Av.', 'Blvd.' only before
a house number: they open English streets and averages; a lower-case 'calle' only before a
number), and Catalan and Hebrew street words."""
_ES_NOT_SENTENCE = (r"(?!(?:The|Then|He|She|It|We|They|His|Her|Pt|Patient|I|A|An|This|That|"
                    r"No|Yes|On|In|At|To|For|And|But|So)(?![A-Za-z]))")
"""Not an English sentence after an abbreviation's dot ('spoke with Bo. Then ...')."""
_ES_HOUSE_NUMBERS = (r"(?:[ \t]*,?[ \t]*(?:#[ \t]*[0-9]{1,5}[A-Za-z]?|"
                     r"[0-9]{1,5}(?:[ºª°](?:[ \t]?[A-Z](?![A-Za-z]))?|[A-Za-z]?(?![0-9/.:]))|"
                     r"(?:Bloque|Blq\.?|Apt\.?|Apto\.?|Edif\.?|Casa|Num\.?|No\.)"
                     r"[ \t]*+(?:#[ \t]*+)?"
                     r"[0-9A-Z][0-9A-Z\-]{0,5})){0,4}")
"""House, block, building and flat numbers after a Spanish street or neighbourhood."""


def _verbs_with(verbs: str, preps: str) -> tuple[str, ...]:
    return tuple(f"{v} {p}" for v in verbs.split() for p in preps.split())


_LIVES_AT = (
    # Spanish
    _verbs_with("vive vivia reside residia residente radica radicado radicada domiciliado "
                "domiciliada", "en")
    + _verbs_with("natural oriundo oriunda procedente nacio nacido nacida", "de")
    # Portuguese
    + _verbs_with("mora morava vive vivia reside residia residente", "em no na")
    + _verbs_with("natural nasceu nascido nascida procedente", "de em")
    # French ('à' reads 'a')
    + _verbs_with("vit vivait habite habitait reside residait demeure domicilie domiciliee "
                  "ne nee", "a au")
    + ("originaire de",)
    # Italian
    + _verbs_with("abita abitava vive viveva risiede risiedeva residente nato nata "
                  "domiciliato domiciliata", "a ad in")
    # German
    + _verbs_with("wohnt wohnte lebt lebte wohnhaft geboren stammt", "in aus")
)
"""A verb of living or origin and its preposition, before a town."""


def _p(name: str, kind: PhiType, pattern: str, score: float, group: int = 0,
       validator: str | None = None) -> PatternRule:
    return PatternRule(name, kind, pattern, score, group, validator=validator)


RULES: tuple[PatternRule, ...] = (
    # Japanese, Chinese and Korean dates: '2024年1月16日', '令和6年5月20日', '11月3日(火)',
    # '2024年3月', '2024년 3월 5일', '3월 5일' (a year alone, '2024年', '平成元年', is no date)
    _p("date_cjk", PhiType.DATE, r"(?:" + _NOT_DIGIT_BEFORE + r"(?:(?:19|20|１９|２０)" + _D
       + r"{2}|" + _ERA + r")[ \t]*年[ \t]*" + _CJK_MON + r"[ \t]*月(?:[ \t]*" + _CJK_DAY
       + r"[ \t]*[日号])?|" + _NOT_DIGIT_BEFORE + _CJK_MON + r"[ \t]*月[ \t]*" + _CJK_DAY
       + r"[ \t]*[日号]|" + _NOT_DIGIT_BEFORE + r"(?:19|20)[0-9]{2}[ \t]*년[ \t]*" + _MON
       + r"[ \t]*월(?:[ \t]*" + _DAY + r"[ \t]*일)?|" + _NOT_DIGIT_BEFORE + _MON
       + r"[ \t]*월[ \t]*" + _DAY + r"[ \t]*일)" + _CJK_WEEKDAY, 0.95),
    # Japanese era-letter dates: 'R6.9.12', 'H31.4.30', 'S16.2.8', 'R6/9/12' (era years in
    # range: Reiwa 1-19, Heisei and Showa in two digits, 'H05', not section 'S1.2.3';
    # Taisho 'T' is left out: T-staging)
    _p("date_japanese_era_letter", PhiType.DATE, r"(?<![A-Za-z0-9.\-/])(?:R(?:1[0-9]|0?[1-9])|"
       r"H(?:3[01]|[12][0-9]|0[1-9])|S(?:6[0-4]|[1-5][0-9]|0[1-9]))"
       r"([./])" + _MON + r"\1" + _DAY + r"(?![0-9A-Za-z]|[./][0-9])", 0.9),
    # ages in Japanese, Chinese and Korean: '92歳', '満98歳', '95岁', '만 95세', '九十二歳'
    _p("age_cjk", PhiType.AGE, r"(?:(?:満|만)[ \t]*)?(?:" + _NOT_DIGIT_BEFORE + r"(?:9[0-9]|"
       r"1[01][0-9]|９[０-９]|１[０１][０-９])|(?<![一二三四五六七八九十百])(?:九十[一二三四五六七八九]?|"
       r"百(?:[一二三四五六七八九]|十[一二三四五六七八九]?)?))[ \t]*(?:歳|才|岁|歲|세)", 0.95),
    # Japanese, Korean and Chinese postcodes: '〒602-8449', '우) 06236', '우편번호 06236',
    # '邮编 100080'
    _p("zip_cjk", PhiType.ZIP, r"(?:〒|우\)|\(우\)|우편번호|郵便番号|邮编|邮政编码|郵遞區號)[ \t]*"
       r"[:：]?[ \t]*([0-9]{3}-?[0-9]{4}|[0-9]{5,6})(?![0-9\-])", 0.95, group=1),
    # a romanized name before a Japanese honorific: 'Nakamura-san', 'Tanaka-sama',
    # 'Yuki-chan', 'Kenji-kun' (the name is the span)
    _p("name_japanese_honorific", PhiType.NAME, r"(?<![A-Za-z\-])([A-Z][a-z]{2,}|[A-Z]{3,})"
       r"-(?i:" + _HONORIFICS + r")(?![A-Za-z\-])", 0.85, group=1),
    # ages over 89 in words with a year noun: 'noventa y cinco años', 'cien años',
    # 'noventa e dois anos', 'quatre-vingt-quinze ans', 'novantadue anni', 'zweiundneunzig
    # Jahre', 'hundertundein Jahre', 'neunzigjährige'
    _p("age_words_abroad", PhiType.AGE, r"(?i:(?<![A-Za-z\-])(?:" + _AGE_WORDS_ABROAD
       + r")[ \t\-]*(?:" + _AGE_NOUN_ABROAD + r")(?![A-Za-z]))", 0.95),
    # the same after an age verb, no noun: 'cumplió noventa y dos', 'tiene noventa y tantos'
    # (the words taken whole: not 'noventa' of 'tiene noventa y cinco de tensión'),
    # 'fez noventa e um', 'elle a quatre-vingt-quinze', 'ha compiuto novantadue',
    # 'er ist zweiundneunzig', 'wird hundertundein', and in mixed speech 'Abuela is noventa y
    # dos'
    # the same after an age label: 'Age noventa y tres (93)', 'Edad: cien', 'Alter: neunzig'
    _p("age_words_abroad_label", PhiType.AGE, r"(?i:(?<![A-Za-z])(?:age|edad|idade|alter|[aâ]ge)"
       r"[ \t]*+[:=]?[ \t]*+)((?i:(?>" + _AGE_WORDS_ABROAD + r")))"
       r"(?=[ \t]*(?:[.,;:!?()\n]|$|(?i:years|anos|años|ans|jahre)(?![A-Za-z])))", 0.9, group=1),
    _p("age_words_abroad_verb", PhiType.AGE, r"(?i:(?<![A-Za-z])(?:cumple|cumplio|cumplira|"
       r"cumplia|tiene|tenia|fez|faz|fara|completou|completa|tem|tinha|fete|fetera|"
       r"(?:il|elle)[ \t]+(?:a|avait|aura)|compie|compiuto|compira|(?:lui|lei)[ \t]+(?:ha|aveva)|"
       r"wird|wurde|feiert|feierte|(?:er|sie)[ \t]+(?:ist|war)|is|was|turned|turns|turning|"
       r"(?:he|she)['’]s|a[ \t]+los|aos)[ \t]+(?:(?:ya|ja|deja|"
       r"jetzt|bereits|schon|gia|deja)[ \t]+)?)((?i:(?>" + _AGE_WORDS_ABROAD + r")))"
       r"(?=[ \t]*(?:[.,;:!?)\n]|$|(?i:y|e|et|und|ed|pero|mas|mais|aber|ma|and|but|now|"
       r"years|anos|años)(?![A-Za-z])))", 0.9,
       group=1),
    # ages over 89 in digits after a Spanish or Portuguese verb of one's own age, a birthday
    # or a death ('Tengo 98.', 'murió a los 94,', 'ya cumplió 101'), or after a person and
    # 'de' ('una señora de 94.'); only before a clause end or a year noun. Not after 'tiene',
    # 'tem', 'fez' alone: 'la saturación tiene 93', 'a glicemia tem 96' are measurements
    _p("age_digits_abroad_verb", PhiType.AGE, r"(?i:(?<![A-Za-z])(?:tengo|cumple|cumpli|"
       r"cumplio|cumplira|cumplia|(?:murio|fallecio|morreu|faleceu)[ \t]+(?:a[ \t]+los|aos)|"
       r"tenho|completou|"
       r"(?:senora|senor|paciente|abuela|abuelo|bisabuela|bisabuelo|anciana|anciano|mujer|"
       r"hombre|madre|padre|tia|tio|viuda|viudo|dona|don|senhora|senhor|avo|idosa|idoso)"
       r"[ \t]+de)[ \t]+(?:(?:ya|ja)[ \t]+)?)" + _NOT_DIGIT_BEFORE
       + r"(9[0-9]|1[01][0-9])(?![0-9/%]|[.,][0-9])(?=[ \t]*(?:[.,;:!?)\n]|$|(?i:anos|ano|anitos)"
       r"(?![A-Za-z])))", 0.9, group=1),
    # a day and month after a weekday: 'jueves 7/11', 'sábado 14/6', 'Dienstag 12.03.',
    # 'lundi 3/4/2025', 'quinta-feira 12/03'
    _p("date_weekday_abroad", PhiType.DATE, r"(?i:(?<![A-Za-z])(?:" + _WEEKDAYS_ABROAD
       + r"),?[ \t]+(?:(?:el|le|il|den|dia)[ \t]+)?)(" + _DATE_NUMERIC_DM + r")"
       + _NOT_FRACTION_AFTER, 0.9, group=1),
    # a day and month after a preposition or an appointment word: 'el 12/11', 'le 3/4',
    # 'turno 16/09 11:30 hs', 'Termin: 05.09.', 'il 12/03', 'no dia 5/8', 'du 3/4 au 5/4'
    _p("date_prep_abroad", PhiType.DATE, r"(?i:(?<![A-Za-z])" + trie_pattern(_DATE_PREPS)
       + r"[ \t]*:?[ \t]+)(" + _DATE_NUMERIC_DM + r")" + _NOT_FRACTION_AFTER, 0.85, group=1),
    # German dates with dots after a preposition: 'am 3.4.', 'vom 12.11. bis 15.11.',
    # 'seit 05.09.2024' (slashes after 'am' may be English)
    # (not 'Hb am 12.1. pm 11.8.': a morning value after a short lab name, a 'pm' after it)
    _p("date_german_prep_dots", PhiType.DATE, r"(?<![A-Za-z])(?<![0-9][ \t])(?<!\bI )"
       r"(?<!\b[A-Z][A-Za-z][ \t])(?<!\b[A-Z][ \t])(?i:(?:am|vom|bis|seit|ab)[ \t]+)("
       + _DAY + r"\." + _MON + r"\.(?:" + _YEAR_TAIL + r")?)(?![0-9])"
       r"(?![ \t]*(?i:pm|p\.m)\b)", 0.85, group=1),
    # German months the ASCII reading changes: '3. März' ('3. Marz'), '12. Jänner 2024'
    _p("date_german_umlaut_month", PhiType.DATE, r"(?<![A-Za-z0-9])(?:" + _DAY
       + r"\.?[ \t]*)?(?:M(?:a|ae)rz|MARZ|J(?:a|ae)nner)(?:[ \t]+(?:19|20)[0-9]{2})?"
       r"(?![A-Za-z0-9])", 0.85),
    # the town after a verb of living or origin and its preposition: 'vive en Quilmes',
    # 'vit à Lyon', 'mora em Campinas', 'wohnt in Ulm', 'abita a Lecco', 'natural de Rosario'
    # Polish street prefixes ('ul. Dluga 17 m. 4', 'al. Jerozolimskie 44/12', 'os. Tysiaclecia
    # 5'; read without accents), a house number and a flat after it
    _p("street_polish", PhiType.ADDRESS, r"(?<![A-Za-z])(?:ul|al|os|pl|Ul|Al|Os|Pl|UL|AL)\.[ \t]*"
       r"[A-Z][A-Za-z'\-]+(?:[ \t]+[A-Z][A-Za-z'\-]+){0,3}[ \t]+[0-9]{1,4}[A-Za-z]?"
       r"(?:[ \t]*(?:/|m\.|lok\.)[ \t]*[0-9]{1,4}[A-Za-z]?)?(?![0-9])", 0.85),
    # a Polish postcode and its town ('31-147 Krakow', '90-001 Lodz')
    _p("postcode_polish", PhiType.ZIP, r"(?<![0-9\-/.])(?<!ratio )([0-9]{2}-[0-9]{3})(?=[ \t]+"
       r"(?!(?i:units?|mg|mcg|ml|cells|copies|patients|days|weeks|years|iu)\b)[A-Z][a-z]+)", 0.8,
       group=1),
    # Korean addresses in Hangul: a province or metropolitan city, a district, a road or
    # neighbourhood and numbers ('서울특별시 강남구 테헤란로 152, 1203호',
    # '부산광역시 해운대구 우동 1408')
    _p("address_korean", PhiType.ADDRESS, r"[가-힣]{1,8}"
       r"(?:특별시|광역시|특별자치시|특별자치도|도|시)"
       r"[ \t]+[가-힣]{1,8}(?:구|군|시)(?:[ \t]+[가-힣0-9]{1,12}(?:로|길|동|읍|면|리|가))*"
       r"(?:[ \t]*[0-9]{1,5}(?:-[0-9]{1,4})?)?(?:[ \t]*,?[ \t]*[0-9]{1,5}호)?", 0.85),
    # Korean road addresses romanized ('152 Teheran-ro', '81 Irwon-ro', '12 Bongeunsa-ro 68-gil')
    _p("street_korean", PhiType.ADDRESS, r"(?<![A-Za-z0-9\-])[0-9]{1,4}(?:-[0-9]{1,3})?[ \t]+"
       r"[A-Z][a-z]+(?:-[a-z]+)?-(?:ro|gil|daero)(?:[ \t]+[0-9]{1,3}(?:beon)?-gil)?(?![A-Za-z])",
       0.85),
    # Korean districts and neighbourhoods romanized ('Gangnam-gu', 'Haeundae-gu', 'Yeoksam-dong')
    _p("district_korean", PhiType.CITY, r"(?<![A-Za-z\-])[A-Z][a-z]{2,}-(?:gu|dong|eup|myeon|"
       r"gun)(?![A-Za-z\-])", 0.8),
    # Philippine block-and-lot addresses and neighbourhoods ('Blk 7 Lot 22', 'Purok 3')
    _p("address_block_lot", PhiType.ADDRESS, r"(?<![A-Za-z])(?:Blk|BLK|Block)\.?[ \t]*[0-9]{1,4}"
       r"[A-Za-z]?[ \t,]+(?:Lot|LOT)\.?[ \t]*[0-9]{1,4}[A-Za-z]?(?![0-9])", 0.85),
    _p("purok", PhiType.ADDRESS, r"(?<![A-Za-z])(?:Purok|PUROK|Sitio|SITIO)[ \t]+(?:[0-9]{1,3}|"
       r"[A-Z][a-z]+)(?![A-Za-z0-9])", 0.8),
    # a Mexican postcode after its label ('C.P. 87000', 'CP 06600')
    _p("postcode_mexico", PhiType.ZIP, r"(?<![A-Za-z])(?:C\.[ \t]?P\.|CP|Cod\.[ \t]?Postal|"
       r"C[oó]digo[ \t]+[Pp]ostal)[ \t:]*([0-9]{5})(?![0-9])", 0.9, group=1),
    # Spanish-speaking neighbourhoods, streets and buildings, as Puerto Rico and Mexico
    # write them ('Urb. Villa Carolina', 'Bo. Helechal', 'Res. Luis Llorens Torres Edif 45
    # Apt 872', 'Calle Luna 45', 'Col. Centro', 'Ave. Ponce de Leon 1203'); the name is one
    # to four capitalized words, numbers of the house, block or flat may follow
    _p("address_spanish", PhiType.ADDRESS, r"(?<![A-Za-z])(?:" + _ES_ADDRESS_HEAD + r")"
       r"[ \t]+(?:(?:(?<=Calle[ \t])|(?<=CALLE[ \t])|(?<=Carrer[ \t])|(?<=Avinguda[ \t])|"
       r"(?<=Passeig[ \t])|(?<=Avenida[ \t]))(?:de|del|de[ \t]+la|dels|d['’])[ \t]*)?"
       + _ES_NOT_SENTENCE
       + r"(?:[A-Z](?:[a-z'][A-Za-z'\-]*|[A-Z]{2,}[A-Za-z'\-]*)"
       r"|(?:(?<=Calle[ \t])|(?<=CALLE[ \t])|(?<=Edif\.[ \t])|(?<=Edificio[ \t]))[0-9]{1,4}[A-Z]?)"
       r"(?:[ \t]+(?:(?:de|del|de[ \t]+la|de[ \t]+los|de[ \t]+las|la|las|los|el)[ \t]+)?"
       + _ES_NOT_SENTENCE + r"[A-Z][A-Za-z'\-]+){0,4}" + _ES_HOUSE_NUMBERS
       + r"(?![A-Za-z0-9])", 0.85, validator="spanish_address"),
    # a Puerto Rican road and kilometre marker ('Carr. 152 Km 4.7', 'Carretera PR-2 km 12.3')
    _p("address_carretera", PhiType.ADDRESS, r"(?<![A-Za-z])(?:Carr\.?|CARR\.?|Carretera|"
       r"CARRETERA)[ \t]*(?:(?:PR|#)[ \t]*-?[ \t]*)?[0-9]{1,4}[A-Z]?(?:[ \t]*,?[ \t]*(?:Km|KM|km|K)"
       r"\.?[ \t]*[0-9]{1,3}(?:[.,][0-9]{1,2})?)?(?![0-9])", 0.85),
    _p("city_after_verb_abroad", PhiType.CITY, r"(?i:(?<![A-Za-z])" + trie_pattern(_LIVES_AT)
       + r")[ \t]+" + _TOWN, 0.8, group=1),
)

_AGE_NEEDS = ("noventa", " cien", "cento", " cem ", " cem-", "vingt", "nonante", " cent ",
              " cent-", "novant", "neunzig", "hundert")
"""Words one of which an age over 89 in these languages holds ('cent' alone is in 'percent')."""

NEEDS: dict[str, tuple[str, ...]] = {
    "street_polish": ("ul.", "al.", "os.", "pl."),
    "address_korean": ("구", "군"),
    "street_korean": ("-ro", "-gil", "-daero"),
    "district_korean": ("-gu", "-dong", "-eup", "-myeon", "-gun"),
    "address_block_lot": ("blk", "block"),
    "purok": ("purok", "sitio"),
    "postcode_mexico": ("c.p", "cp", "postal"),
    "address_spanish": ("urb", "bo.", "barri", "bda.", "sector", "parcelas", "comunidad",
                        "reparto", "col", "fracc", "res", "cond", "edif", "calle", "camino",
                        "paseo", "av", "blvd", "bvd", "carrer", "passeig", "rehov",
                        "rechov", "sderot", "derech"),
    "address_carretera": ("carr",),
    "date_cjk": ("月", "월"),
    "age_cjk": ("歳", "才", "岁", "歲", "세"),
    "zip_cjk": ("〒", "우", "郵", "邮"),
    "name_japanese_honorific": ("-san", "-sama", "-chan", "-kun", "-sensei", "-senpai",
                                "-dono"),
    "age_words_abroad": _AGE_NEEDS,
    "age_words_abroad_verb": _AGE_NEEDS,
    "age_digits_abroad_verb": ("tengo", "cumpl", "murio", "fallecio", "morreu", "faleceu",
                               "tenho", "completou", " de "),
    "date_weekday_abroad": tuple(" " + w for w in (
        "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "segunda",
        "terca", "quarta", "quinta", "sexta", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
        "samedi", "dimanche", "lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "sabato",
        "domenica", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
        "sonnabend", "sonntag")),
    # a word of its own (the scan reads a line start as a space)
    "date_prep_abroad": tuple(sorted({f" {w} " for w in _DATE_PREPS}
                                     | {f" {w}:" for w in _DATE_PREPS})),
    "date_german_prep_dots": (" vom ", " bis ", " seit ", " ab ",
                              *(f" am {d}" for d in "0123456789")),
    "date_german_umlaut_month": ("marz", "maerz", "janner", "jaenner"),
    # the verbs as words (the scan reads a line start as a space)
    "city_after_verb_abroad": tuple(sorted({f" {w.split()[0]} " for w in _LIVES_AT})),
}

FIRST_CHARS: dict[str, str] = {
    "street_polish": "uUaAoOpP", "postcode_polish": "0-9", "address_korean": "가-힣",
    "street_korean": "0-9", "district_korean": "A-Z", "address_block_lot": "Bb",
    "purok": "PS", "postcode_mexico": "C", "address_spanish": "UBSPCRFEAD",
    "address_carretera": "C",
    "date_cjk": "0-9０-９令平昭大",
    "date_japanese_era_letter": "RHS",
    "age_cjk": "0-9０-９満만九百",
    "name_japanese_honorific": "A-Z",
    "age_words_abroad": "nNcCqQhHzZdDvVeEaAsSfF",
    "date_weekday_abroad": "lLmMjJvVsSdDtTqQfFgG",
    "age_words_abroad_verb": "cCtTfFiIeElLwWsShHaA",
    "age_digits_abroad_verb": "tTcCfFsSpPbBmMhHvVdDiIaA",
    "zip_cjk": "〒우(郵邮",
    "date_german_umlaut_month": "0-9MJ",
    "date_prep_abroad": "".join(sorted({w[0] for w in _DATE_PREPS}
                                       | {w[0].upper() for w in _DATE_PREPS})),
    "date_german_prep_dots": "aAvVbBsS",
    "city_after_verb_abroad": "".join(sorted({w[0] for w in _LIVES_AT}
                                             | {w[0].upper() for w in _LIVES_AT})),
}
