"""Session 30 rules: initials that come before the name they stand for in brackets ('LOPA
(Louisiana Organ Procurement Agency)') recur as that facility; a number after a serial's label
is the device's whatever another rule typed it ('S/N 2933018821' is no phone) and the letter
of that label is no initial ('Roger Touchscreen S/N'); an amateur radio call sign after a word
of the radio hobby; a name spelled out in dictation; Hebrew calendar dates; a list of people
with their ages; carriers and truck stops; a surname that is also an eponym before a comma and
the next name ('Sandra Pugh, Marcus Leflore'); a name before a form's field gap and a label
('Student: Kit Abernethy   Grade: 10'); and the text each must leave alone."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered, touched
from veil.text import Scrubber
from veil.text.spans import PhiType

_SCRUBBER = Scrubber()


@pytest.mark.parametrize(("text", "value"), [
    ("He joined LOPA (Louisiana Organ Procurement Agency) in May. LOPA called back.", "LOPA"),
    ("She goes to RRDC (Rochester Recreation Deaf Club) on Fridays.", "RRDC"),
    ("Right: Cochlear Nucleus CI632 -- S/N 2933018821   Left: same", "S/N 2933018821"),
    ("My implant processor (S/N 4702193365) keeps saying coil off.", "S/N 4702193365"),
    ("loaner Nucleus 7 SN 4702210048 mapped and mailed", "SN 4702210048"),
    ("Remote mic Roger Touchscreen S/N 1908-33410.", "S/N 1908-33410"),
    ("My call sign is KI7QRM and the clinic wants to send results.", "KI7QRM"),
    ("relay through a ham operator, KE7WBZ. Is that allowed?", "KE7WBZ"),
    ("Witnesses: Sandra Pugh, Marcus Leflore", "Sandra Pugh"),
    ("Student: Tsiory Randrianasolo   Grade: 10", "Tsiory Randrianasolo"),
    ("INJURY REPORT  Student: Kit Abernethy-Sloane        Grade: 10", "Kit Abernethy-Sloane"),
    ("dictating a follow up on shayna perel halpert h-a-l-p-e-r-t date of birth", "halpert"),
    ("Patient Nussbaum, N U S S B A U M, seen today", "Nussbaum"),
    ("was born 1 Adar 5690. He is 95 now", "1 Adar 5690"),
    ("(Purim day / 14 Adar 5785) Time seen", "14 Adar 5785"),
    ("(24 Adar II) Vehicle: Unit 9", "24 Adar II"),
    ("DOB Kislev 1925 (civil date on ID)", "Kislev 1925"),
    ("DOB Tu B'Shvat 5689 (approx Feb 1929)", "Tu B'Shvat 5689"),
    ("Children: Yidel 13, Chana Sury 12, Lipa 10, Tziry 9, Toby 6, Mendy 4", "Lipa"),
    ("from the trucking company (H.B.R. Logistics) - note placed", "H.B.R. Logistics"),
    ("drives a reefer for K.L.M. Refrigerated out of Lexington", "K.L.M. Refrigerated"),
    ("dispatcher w/ OKT Express (405.555.3382)", "OKT Express"),
    ("Arrival 0312 by Rawlins Fire/EMS Medic 2", "Rawlins Fire/EMS"),
    ("called him from the Love's at exit 108 in Sayre", "Love's"),
    ("allergy referral for pt (760 Broadway). Mother", "760 Broadway"),
    ("CC: KIM", "KIM"),
    ("zeide Moishe is 95 and still walks", "Moishe"),
    ("dictating a follow up on shayna perel halpert h-a-l-p-e-r-t date of birth", "shayna perel"),
    ("Patient Nussbaum, N.U.S.S.B.A.U.M. seen today", "Nussbaum"),
    ("wound RN: s. abernathy / provider Elliot Wexler, DPM", "s. abernathy"),
    ("md: l. frisch  s: doing ok", "l. frisch"),
    ("Car plate per father: NY JRM 4410. Counseling on e-bike speed", "NY JRM 4410"),
])
def test_found(text: str, value: str) -> None:
    assert covered(_SCRUBBER, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("COPD (Chronic Obstructive Pulmonary Disease) was noted.", "COPD"),
    ("radio said A1C 7.2 and N2O given", "A1C"),
    ("radio said A1C 7.2 and N2O given", "N2O"),
    ("Hodgkin disease, Gleason grade 3", "Hodgkin"),
    ("Hodgkin   disease in remission", "remission"),
    ("Child-Pugh class B, MELD 14", "Child-Pugh"),
    ("MMSE: spell world W-O-R-L-D backwards", "world"),
    ("she takes kratom k-r-a-t-o-m daily", "kratom"),
    ("Ham radio operator; A1AT MZ phenotype, NS5A resistance", "A1AT"),
    ("Ham radio operator; A1AT MZ phenotype, NS5A resistance", "NS5A"),
    ("HAM-D 22 and HAM-A 18; NK1R antagonist given", "NK1R"),
    ("Status post 2 Av grafts, grade 2 Av nicking", "2 Av"),
    ("Patient in a gene study, 2 ADAR variants and 2 Adar variants", "ADAR"),
    ("Patient in a gene study, 2 ADAR variants and 2 Adar variants", "Adar"),
    ("Hunt Hess\tGrade 2, Spetzler Martin\tGrade III", "Martin"),
    ("Return to E.N.T. Clinic in 6 weeks; seen in I.D. Clinic", "Clinic"),
    ("CC: MVC, neck pain", "MVC"),
    ("Needs Medical Transport to dialysis; Wheelchair Transport arranged", "Transport"),
    ("loves 2 Broadway shows a year", "Broadway"),
    ("Home health SN 617-555-0134 visits weekly", "SN"),
    ("Risk: Tyrer Cuzick 18, Gail 2, Claus 12 per Dr. Mary Smith and John Jones", "Tyrer"),
    ("RN: a. aware of plan", "aware"),
    ("md: aware", "aware"),
    ("MoCA in Yiddish 22 of 30", "Yiddish"),
    ("Return to the C.F. Clinic in 3 months", "Clinic"),
    ("Travel to West Africa and the Middle East without prophylaxis", "Africa"),
])
def test_left_alone(text: str, value: str) -> None:
    assert not touched(_SCRUBBER, text, value)


def test_serial_label_types_the_number_as_a_device() -> None:
    text = "processor SN 4702210048 mailed"
    spans = [s for s in _SCRUBBER.find(text) if "4702210048" in text[s.start:s.end]]
    assert [(text[s.start:s.end], s.type) for s in spans] == [("SN 4702210048", PhiType.DEVICE)]


