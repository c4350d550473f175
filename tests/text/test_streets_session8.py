"""Streets named without a number, streets and postcodes abroad (session 8)."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text.scrubber import Scrubber


@pytest.mark.parametrize(("text", "value"), [
    ("his neighbor gus from w shields ave called asking about him", "w shields ave"),
    ("rear-ended at light on Jericho Tpke, Mineola", "Jericho Tpke"),
    ("Pedestrian struck on NW 7th Ave near the market", "NW 7th Ave"),
    ("LOC: FM 1488 @ KUYKENDAHL RD, THE WOODLANDS", "KUYKENDAHL RD"),
    ("can u refill to the walgreens on main st in town", "main st"),
    ("Claimant resides: General Delivery, Vicco, KY 41773", "General Delivery"),
    ("Address: Rancho del Sol Mobile Home Park, Sp. 41, Indio CA 92201", "Sp. 41"),
    ("Klinik für Kardiologie · Ismaninger Str. 22 · 81675 München", "Ismaninger Str. 22"),
    ("Klinik für Kardiologie · Ismaninger Str. 22 · 81675 München", "81675 München"),
    ("Facharzt für Allgemeinmedizin Hauptstraße 41, 85354 Freising", "Hauptstraße 41"),
    ("Facharzt für Allgemeinmedizin Hauptstraße 41, 85354 Freising", "85354 Freising"),
    ("Vit seule au 2240, rue des Érables, app. 5, Québec.", "2240, rue des Érables"),
])
def test_streets_without_numbers_and_abroad(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Lives in town; 2024 Annual review done.",
    "Bridge order obtained from on-call Dr. Nobody.",
    "new 1.2 cm L adrenal lesion on surveillance CT today; biopsy",
    "seen by the covering dr for this",
    "2+ pitting edema BLE. O2 2L via NC, SpO2 94%.",
    "arrived US 2019 via Kenya with family",
    "ST elevation on the ECG in lead II. He is on IV Drip.",
    "patient was found down on the floor by his wife",
])
def test_clinical_phrases_with_street_words_stay(scrubber: Scrubber, text: str) -> None:
    assert [text[s.start:s.end] for s in scrubber.find(text)
            if s.type.value == "ADDRESS"] == []


@pytest.mark.parametrize(("text", "value"), [
    ("Dispatched 0318 to 11992 Avenue C, Ste 110, Faribault for fall", "11992 Avenue C, Ste 110"),
    ("Genomic Medicine 900 Woodward Ave, 6th Floor Detroit, MI 48226",
     "900 Woodward Ave, 6th Floor"),
    ("in 1 week at the clinic, 618 B Ave, Kalona IA 52247.", "618 B Ave"),
    ("Lives at Calle Las Palmas 412, colonia in Alton.", "Calle Las Palmas 412"),
    ("Residence: 3302 W Calle Cenizo, Tucson, AZ 85746", "3302 W Calle Cenizo"),
    ("homeplace on Rt 2 Box 118 to begin sorting", "Rt 2 Box 118"),
    ("clinic in Oklahoma City (2.5 h) without renting", "Oklahoma City"),
    ("Law office, 300 Fifth Ave, Suite 1210, Huntington, WV 25701", "Huntington"),
    ("PCP: Dr. H. F. (Delta Family Practice, Greenwood)  CC: chest", "Greenwood"),
    ("2) 8B-15  T. H. L.  0049102251  94F Illness severity: STABLE", "94F"),
    ("Unit: 2-5 CAV   SSN L4: 4471 Screener: SGT M.", "4471"),
])
def test_units_letter_streets_and_towns(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Huntington disease, HD. Huntington's chorea in the family.",
    "give 2 A Ave dose now",
    "Seen at (Mercy Hospital, Main) today",
])
def test_eponyms_and_everyday_words_are_no_towns(scrubber: Scrubber, text: str) -> None:
    assert [text[s.start:s.end] for s in scrubber.find(text)
            if s.type.value in ("CITY", "ADDRESS")] == []


@pytest.mark.parametrize(("text", "value"), [
    ("CURP: X Domicilio: Calle Padre Mier 1420 Int. 5, Col. Obispado, Monterrey Tel. 81 8342",
     "Calle Padre Mier 1420 Int. 5, Col. Obispado"),
    ("Endereço: Rua Domingos de Morais, 2187, ap. 52 – Vila Mariana, São Paulo/SP",
     "Rua Domingos de Morais, 2187, ap. 52"),
    ("Residenza: Via della Giustiniana 412, 00188 Roma   Tel. 06 3368 4471",
     "Via della Giustiniana 412, 00188"),
    ("geb. 14.06.1948, wohnhaft Am Anger 4, 85737 Ismaning Versichertennr.: K2",
     "Am Anger 4, 85737"),
    ("Address: B-702, Shanti Kunj CHS, Veera Desai Road, Andheri West, Mumbai Contact: +91",
     "B-702, Shanti Kunj CHS, Veera Desai Road"),
    ("a restraining order (Milwaukee Co. case 2025CV004417)", "Milwaukee Co"),
    ("Toppenish WA 98948 (Yakima Co.)", "Yakima Co"),
])
def test_address_fields_and_county_abbreviations(scrubber: Scrubber, text: str,
                                                 value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Address concerns about diet at next visit.",
    "Home: 2 cats and a dog. Home health 3x/week.",
    "Residence: assisted living; home 2 days a week",
])
def test_address_words_without_an_address_stay(scrubber: Scrubber, text: str) -> None:
    assert [s for s in scrubber.find(text) if s.type.value == "ADDRESS"] == []
