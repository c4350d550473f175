"""Low-cardinality columns: positive evidence only when their values are not names, and
kept as the allow-list of their frequent values, so a few typed-in identifiers (seen in
the sample or only late in the file) are emptied cell by cell, not the whole column.

Names here are not in the dictionaries (Vietnamese, Spanish with accents, hyphenated
capitals), repeat on every visit of a longitudinal table, and sit in the last rows.
"""

from __future__ import annotations

import random

import polars as pl
import pytest

from veil.categories import Kind, Role
from veil.policy.models import Drop, Generalize
from veil.policy.profiles import safe_harbor_proposal
from veil.scan import scan_frame
from veil.verify.run import verify_frame

PEOPLE = ("Nguyễn Thị Hằng", "Trần Văn Khoa", "Lê Minh Tuấn", "Phạm Ngọc Ánh",
          "Xóchitl Guzmán Ruiz", "Itzel Zúñiga", "Begoña Etxeberria", "Oluwaseun Adébáyọ̀",
          "QUISPE-MAMANI, YESSENIA", "HUAMANÍ, ROSALÍA", "Đặng Quốc Bảo", "Yolotl Cuauhtli")


def _visits(rows: int, who: tuple[str, ...]) -> pl.DataFrame:
    rnd = random.Random(1)
    owner = sorted(rnd.randrange(len(who)) for _ in range(rows))
    return pl.DataFrame({
        "enc": [str(i % 7 + 1) for i in range(rows)],
        "companion": [who[o] for o in owner],  # the same few names on every visit
        "triage": [rnd.choice(("1", "2", "3", "4", "5")) for _ in range(rows)],
    })


@pytest.mark.parametrize("rows", [60, 3_000])
def test_a_few_names_repeated_per_visit_are_names_not_a_category(rows: int) -> None:
    finding = scan_frame(_visits(rows, PEOPLE)).finding("companion")
    assert finding.role is Role.DIRECT, finding.to_dict()
    assert isinstance(safe_harbor_proposal(finding).rule, Drop)


def test_one_patients_constant_name_is_a_name() -> None:
    finding = scan_frame(_visits(300, ("VÕ-HUỲNH, THANH",))).finding("companion")
    assert finding.role is Role.DIRECT


def test_short_categories_with_a_two_word_value_stay_a_category() -> None:
    rnd = random.Random(2)
    values = ("Home", "Skilled nursing", "Haitian Creole", "AMA", "Left without being seen",
              "Transfer", "Expired")
    frame = pl.DataFrame({"disp": [rnd.choice(values) for _ in range(2_000)]})
    finding = scan_frame(frame).finding("disp")
    assert finding.kind is Kind.OTHER
    assert set(finding.categories) == set(values)


def _contaminated(rows: int, start: float) -> tuple[pl.DataFrame, set[int]]:
    rnd = random.Random(3)
    base = ("Interpreter used", "No interpreter", "Declined", "Family interpreted")
    values = [rnd.choice(base) for _ in range(rows)]
    dirty = set(rnd.sample(range(int(rows * start), rows), 12))
    for j, i in enumerate(sorted(dirty)):
        values[i] = f"{values[i]} - {PEOPLE[j % len(PEOPLE)]} (cousin)"
    return pl.DataFrame({"lang_svc": values, "n": list(range(rows))}), dirty


@pytest.mark.parametrize("start", [0.0, 0.95])
def test_rare_values_of_a_category_are_emptied_cell_by_cell(start: float) -> None:
    frame, dirty = _contaminated(6_000, start)
    finding = scan_frame(frame, sample_rows=1_000).finding("lang_svc")
    proposal = safe_harbor_proposal(finding)
    rule = proposal.rule
    assert isinstance(rule, Generalize) and rule.mapping is not None and rule.other is None
    out = frame.select(pl.col("lang_svc").replace_strict(
        list(rule.mapping), list(rule.mapping.values()), default=rule.other,
        return_dtype=pl.String))["lang_svc"]
    emptied = set(out.is_null().arg_true().to_list())
    assert emptied == dirty  # only the offending cells; every clean row unchanged
    assert (out.drop_nulls() == frame["lang_svc"].gather(
        [i for i in range(frame.height) if i not in dirty])).all()
    assert not any(p in str(rule.mapping) for p in PEOPLE)


def test_verification_flags_name_shaped_values_without_dictionaries() -> None:
    found = verify_frame(_visits(2_000, PEOPLE).lazy())
    assert not found.passed
    assert {r.detector for r in found.failures} >= {"name_shaped_values"}
    clean = pl.LazyFrame({"dept": ["Cardiology", "Family medicine", "GI", "Ortho"] * 500})
    assert verify_frame(clean).passed


def test_a_few_unmarked_two_word_values_are_a_category_not_names() -> None:
    """Implant models ('Boston Scientific Accolade') are shaped like names; few distinct
    values with no name marks (comma, diacritics, capitals) stay a category."""
    rnd = random.Random(12)
    models = ("Boston Scientific Accolade", "Abbott Assurity MRI", "Zimmer Persona Knee",
              "Medtronic Azure XT DR")
    frame = pl.DataFrame({"model": [rnd.choice(models) for _ in range(1_500)]})
    finding = scan_frame(frame).finding("model")
    assert finding.kind is Kind.OTHER and set(finding.categories) == set(models)
    assert verify_frame(frame.lazy()).passed
