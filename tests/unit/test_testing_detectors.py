"""The verification pass's value detectors through `veil.testing.check_detector`: planted
positives are flagged alone in a cell and inside a sentence, hard negatives are not."""

from __future__ import annotations

import pytest

from veil.detect.patterns import DETECTORS, ValueDetector
from veil.testing import ConformanceError, check_detector

NEGATIVES = ("7.2", "E11.9", "negative", "120/80", "Metformin 500 mg", "n/a", "HbA1c 6.5 %")

POSITIVES: dict[str, tuple[str, ...]] = {
    "ssn": ("123-45-6789", "234 56 7890", "536-22-1234"),
    "email": ("jane.doe@example.org", "x_y@mail.co.uk"),
    "url": ("https://portal.example.org/p/123", "www.example.com"),
    "ipv4": ("192.168.10.5", "10.0.0.254"),
    "ipv6": ("2001:db8:85a3::8a2e:370:7334", "fe80::1ff:fe23:4567:890a"),
    "mac_address": ("00:1A:2B:3C:4D:5E", "a4-5e-60-c2-11-0f"),
    "phone": ("(617) 555-0142", "617-555-0142", "+1 617.555.0142"),
    "international_phone": ("+44 20 7946 0958", "+49 30 1234 5678"),
    "date_iso": ("2019-03-14", "1958-11-02"),
    "date_numeric": ("03/14/2019", "14.03.2019"),
    "date_written": ("March 14, 2019", "14 Mar 2019"),
    "month_year": ("03/2019", "March 2019"),
    "year_month": ("2019-03", "1987-11"),
    "month_with_number": ("March 14", "Nov 2"),
    "month_name": ("March", "November"),
    "iso_duration_age": ("P92Y", "P95Y3M"),
    "timestamp_compact": ("20190314T101500", "201903141015"),
    "age_over_89": ("92 years old", "95 yo", "101-year-old"),
    "street_address": ("123 Main Street", "42 Oak Ave"),
    "po_box": ("PO Box 1234", "P.O. Box 77"),
    "zip_with_state": ("MA 02139", "NY 10001"),
    "zip_plus_four": ("02139-4307", "10001-1234"),
    "coordinates": ("42.3601, -71.0589", "40.712776,-74.005974"),
    "county": ("Middlesex County", "Cook County"),
    "vin": ("1HGCM82633A004352", "1M8GDM9AXKP042788"),
    "udi": ("(01)00884838040706(17)141120(10)7654321D", "(01)10884521062856(11)141231"),
    "card_number": ("4111 1111 1111 1111", "5500-0055-5555-5559"),
    "labelled_record_number": ("MRN: 00123456", "medical record number 8812345"),
    "labelled_account": ("account no.: 12345678", "Acct #9988776655"),
    "labelled_plan_number": ("member ID: XYZ123456789", "subscriber no. 99887766"),
    "labelled_license": ("license no.: D1234567", "NPI: 1234567893"),
    "license_plate": ("plate no. 7ABC123", "license plate ABC-1234"),
    "name_last_first": ("Smith, John", "Garcia, Maria"),
    "name_first_last": ("John Smith", "Maria Garcia"),
    "titled_name": ("Dr. Patel", "Mrs. Johnson"),
    "facility_name": ("Boston Medical Center", "St. Mary's Hospital"),
}


@pytest.mark.parametrize("detector", DETECTORS, ids=lambda d: d.name)
def test_builtin_detector_conforms(detector: ValueDetector) -> None:
    check_detector(detector, positives=POSITIVES[detector.name], negatives=NEGATIVES)


def test_every_detector_has_positives() -> None:
    assert set(POSITIVES) == {d.name for d in DETECTORS}


def test_check_catches_a_blind_and_a_greedy_detector() -> None:
    blind = ValueDetector("blind", DETECTORS[0].category, r"^never$")
    with pytest.raises(ConformanceError, match="0 of 1 planted positive"):
        check_detector(blind, positives=["123-45-6789"])
    greedy = ValueDetector("greedy", DETECTORS[0].category, r"[0-9]")
    with pytest.raises(ConformanceError, match="hard negative"):
        check_detector(greedy, positives=["123-45-6789"], negatives=["7.2"])
