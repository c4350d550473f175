"""Identifiers written the way other countries and languages write them
(`veil.text.rules_abroad`): CJK dates, ages and postcodes, Japanese era and honorific forms,
ages over 89 in Romance and German words, day-month dates after a weekday or a preposition,
and the town after a verb of living."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text.scrubber import Scrubber
from veil.text.spans import PhiType


@pytest.mark.parametrize(("text", "value"), [
    ("令和6年5月20日に入院した。", "令和6年5月20日"),
    ("昭和16年2月8日生まれの女性", "昭和16年2月8日"),
    ("令和元年5月1日に手術", "令和元年5月1日"),
    ("2024年1月16日 外来受診", "2024年1月16日"),
    ("11月3日に退院予定", "11月3日"),
    ("次回 1月16日(火) 再診", "1月16日(火)"),
    ("２０２４年３月５日 採血", "２０２４年３月５日"),
    ("2023年12月 転院", "2023年12月"),
    ("入院日 2024년 3월 5일", "2024년 3월 5일"),
    ("3월 5일 입원", "3월 5일"),
    ("R6.9.12 受診", "R6.9.12"),
    ("H31.4.30 退院", "H31.4.30"),
    ("生年月日 S16.2.8", "S16.2.8"),
    ("jueves 7/11/2024 control", "7/11/2024"),
    ("Turno 16/09 11:30 hs con cardiología.", "16/09"),
    ("Volver a control el 12/11.", "12/11"),
    ("On le revoit le 3/4 en consultation.", "3/4"),
    ("Nächster Termin am 3.4. in der Ambulanz.", "3.4"),
    ("Kontrolle vom 12.11. bis 15.11.", "12.11"),
    ("Consulta sábado 14/6 por la mañana.", "14/6"),
    ("Wiedervorstellung Dienstag 12.03.", "12.03"),
    ("retorno quinta-feira 12/03", "12/03"),
    ("Aufnahme am Montag, 3. März", "3. März"),
    ("geboren 12. Jänner 1931", "12. Jänner 1931"),
])
def test_dates_abroad(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.DATE)


@pytest.mark.parametrize(("text", "value"), [
    ("92歳 女性、独居", "92歳"),
    ("満98歳の男性", "満98歳"),
    ("九十二歳の女性", "九十二歳"),
    ("百歳を迎えた", "百歳"),
    ("95세 여자 환자", "95세"),
    ("만 101세 남자", "만 101세"),
    ("患者95岁，女性", "95岁"),
    ("Paciente que tiene noventa y cinco años.", "noventa y cinco años"),
    ("Señora de noventa y tantos años, vive sola.", "noventa y tantos años"),
    ("Cumplió cien años en mayo.", "cien años"),
    ("Varón de ciento dos años.", "ciento dos años"),
    ("Paciente tem noventa e dois anos.", "noventa e dois anos"),
    ("Elle a quatre-vingt-quinze ans.", "quatre-vingt-quinze ans"),
    ("La paziente ha novantadue anni.", "novantadue anni"),
    ("Sie ist zweiundneunzig Jahre alt.", "zweiundneunzig Jahre alt"),
    ("Die neunzigjährige Patientin", "neunzigjährige"),
    ("Er wird hundertundein.", "hundertundein"),
    ("Cumplió noventa y dos.", "noventa y dos"),
    ("Er ist zweiundneunzig.", "zweiundneunzig"),
    ("Elle a quatre-vingt-quinze, vit seule.", "quatre-vingt-quinze"),
])
def test_ages_abroad(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.AGE)


@pytest.mark.parametrize(("text", "value"), [
    ("〒602-8449 京都市上京区", "602-8449"),
    ("〒 1000001 東京都", "1000001"),
    ("서울시 (우) 06236", "06236"),
    ("우편번호 06236 서울", "06236"),
    ("邮编 100080", "100080"),
])
def test_cjk_postcodes(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Nakamura-san was seen in clinic.", "Nakamura"),
    ("Tanaka-sama called about the refill.", "Tanaka"),
    ("Yuki-chan visited with her mother.", "Yuki"),
    ("Kenji-kun came with his father.", "Kenji"),
])
def test_names_before_japanese_honorifics(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.NAME)


@pytest.mark.parametrize(("text", "value"), [
    ("Vive en Quilmes con su hija.", "Quilmes"),
    ("Elle vit à Lyon depuis 1990.", "Lyon"),
    ("Mora em Campinas com a filha.", "Campinas"),
    ("Er wohnt in Ulm bei seiner Tochter.", "Ulm"),
    ("Abita a Lecco con la moglie.", "Lecco"),
    ("Vive en San Isidro con su hija.", "San Isidro"),
    ("Lebt in Frankfurt am Main.", "Frankfurt am Main"),
    ("Nata a Reggio Emilia nel 1931.", "Reggio Emilia"),
    ("Habite à Aix-en-Provence.", "Aix-en-Provence"),
])
def test_town_after_a_verb_of_living(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Take 3/4 tab twice daily.",
    "Prendre le 3/4 du comprimé le soir.",
    "Dar el 1/2 de la dosis.",
    "Rate control 3/4 days.",
    "Hb 12.3 g/dL, K am 3.4",
    "GCS 15, pain 3/10.",
    "See S1.2.3 of the protocol.",
    "Section H2.1.5 applies.",
    "Release R1.2.0 installed.",
    "ICD-10 F03.90 coded.",
    "平成元年生まれ",
    "2024年の統計",
    "BP 120/80 el 40/5",
    "lunes 3/4 de la pastilla",
    "Patient ate 1/2 tray at lunch.",
    "BG at 9 am 3.5.",
])
def test_no_dates_in_doses_codes_and_years(scrubber: Scrubber, text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type is PhiType.DATE]


@pytest.mark.parametrize("text", [
    "Tiene noventa pulsaciones por minuto.",
    "FC de noventa lpm.",
    "Der Puls ist neunzig.",
    "Hat neunzig Minuten gewartet.",
    "Il a cent euros.",
    "Not worth a cent.",
    "Noventa por ciento de saturación.",
    "Cien por cien recuperado.",
    "Noventa mg al día.",
])
def test_no_ages_in_rates_and_amounts(scrubber: Scrubber, text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type is PhiType.AGE]


@pytest.mark.parametrize("text", [
    "Tokyo-to",
    "Osaka-fu",
    "Vive en Argentina.",
    "Wohnt in Deutschland.",
    "Vit A deficiency noted.",
    "PET-CT done.",
])
def test_no_towns_for_prefectures_countries_and_vitamins(scrubber: Scrubber, text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type is PhiType.CITY]
