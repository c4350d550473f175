"""Known PHI, propagation, numbered tags, surrogates, Safe Harbor dates/ages, date shift."""

from __future__ import annotations

import polars as pl

from veil.actions.context import ActionContext
from veil.actions.secrets import Secret
from veil.actions.surrogates import fake
from veil.policy.models import Fake
from veil.text.replace import shift_days
from veil.text.scrubber import Scrubber, ScrubOptions, known_phi_from_table
from veil.text.spans import PhiType

SECRET = b"text-core-test-secret-0123456789"



def test_known_phi_found_in_every_written_form(scrubber: Scrubber) -> None:
    table = pl.DataFrame({
        "patient_id": ["p1"], "full_name": ["Xandrile Quorvath"], "dob": ["1958-03-14"],
        "phone": ["617-555-0134"], "mrn": ["QX1234567"], "sex": ["F"], "dx": ["E11.65"],
    })
    known = known_phi_from_table(table, "patient_id")
    text = ("QUORVATH, X. seen; Ms. Quorvath (X. Quorvath) born March 14th, 1958 (3/14/58), "
            "cb 617.555.0134, chart qx-1234567. Sex F. Dx E11.65.")
    out = scrubber.scrub(text, known["p1"])
    for leaked in ("QUORVATH", "Quorvath", "March", "3/14", "0134", "1234567"):
        assert leaked not in out
    assert "E11.65" in out and "Sex F" in out


def test_found_entity_is_replaced_everywhere(scrubber: Scrubber) -> None:
    text = "Dr. Okonkwo saw her. Later okonkwo and OKONKWO called again."
    out = scrubber.scrub(text)
    assert "konkwo" not in out.lower()


def test_tags_numbered_per_entity(scrubber: Scrubber) -> None:
    text = "John Smith met Maria Lopez. Mr. Smith then called Maria."
    out = scrubber.scrub(text)
    assert out == "[NAME_1] met [NAME_2]. Mr. [NAME_1] then called [NAME_2]."


def test_safe_harbor_dates_keep_year_and_ages_top_coded(scrubber: Scrubber) -> None:
    assert scrubber.scrub("Seen on March 3, 2021 and on 5/4.") == "Seen on 2021 and on [DATE_2]."
    assert scrubber.scrub("A 93-year-old man.") == "A 90+-year-old man."
    assert scrubber.scrub("She is ninety-two years old.") == "She is 90+ years old."
    # with an age over 89 in the text, a year could reveal it: years go too
    assert "1931" not in scrubber.scrub("Born in May 1931; now a 93 yo woman.")


def test_surrogates_consistent_across_notes_and_with_table_fake() -> None:
    scrub = Scrubber(ScrubOptions(replacement="surrogate", secret=SECRET))
    one, two = scrub.scrub_batch(["Patient John Smith was seen.", "Called John Smith today."])
    frame = pl.DataFrame({"name": ["John Smith"]})
    ctx = ActionContext(column="name", dtype=pl.String(), reference_date=__import__(
        "datetime").date(2024, 1, 1), secret=Secret(SECRET))
    table_fake = frame.select(fake(Fake(action="fake", provider="name"), ctx)).item()
    assert table_fake in one and table_fake in two
    assert "Smith" not in one + two


def test_date_shift_is_keyed_and_consistent() -> None:
    scrub = Scrubber(ScrubOptions(date_shift=True, secret=SECRET))
    assert not scrub.options.is_safe_harbor
    days = shift_days(SECRET, "p1")
    assert days != 0 and days == shift_days(SECRET, "p1")
    a, b = scrub.scrub_batch(["Seen 2021-05-03.", "Seen 2021-05-03."], patient_keys=["p1", "p1"])
    assert a == b and "2021-05-03" not in a


def test_find_batch_matches_find(scrubber: Scrubber) -> None:
    texts = ["Call 617-555-0134.", "SSN 078-05-1120", "nothing here"]
    assert scrubber.find_batch(texts) == [scrubber.find(t) for t in texts]
    assert [s.type for s in scrubber.find(texts[1])] == [PhiType.SSN]
