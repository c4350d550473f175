"""Five-digit numbers under a procedure header: content decides between CPT and ZIP.

A header word may raise suspicion, never lower it: ZIP codes under 'Procedure Code',
'px', 'svc_cd' must come out as ZIP codes (zip3 with a warning), whatever region they
come from (regional ZIPs all lie inside the CPT ranges), as text or as integers, and
however late in the file they appear; procedure codes with content evidence (letter
codes, frequently billed codes) are kept. The verification pass makes the same call on
the output, whatever the scanner said.
"""

from __future__ import annotations

import random

import polars as pl
import pytest

from veil.categories import Kind
from veil.policy.models import Keep, Zip3
from veil.policy.profiles import safe_harbor_proposal
from veil.scan import scan_frame
from veil.verify.model import ColumnExpectation, Expect
from veil.verify.run import verify_frame

ROWS = 4_000


def _regional_zips(rnd: random.Random, prefixes: tuple[int, ...], n: int) -> list[str]:
    """Residence ZIPs of one region, a few hundred distinct, repeated per patient visit."""
    pool = [f"{rnd.choice(prefixes)}{rnd.randrange(0, 100):02d}" for _ in range(300)]
    return [rnd.choice(pool) for _ in range(n)]


def _frame(header: str, values: list[str], *, late: bool) -> pl.DataFrame:
    """A visit table; with `late` the column is empty in its first three quarters."""
    rnd = random.Random(7)
    n = len(values)
    column: list[str | None] = list(values)
    if late:
        column = [None if i < 3 * n // 4 else v for i, v in enumerate(values)]
    return pl.DataFrame({
        "visit_seq": [str(i % 9 + 1) for i in range(n)],
        "units": [str(rnd.randint(1, 4)) for _ in range(n)],
        header: column,
        "charge": [f"{rnd.uniform(20, 900):.2f}" for _ in range(n)],
    })


@pytest.mark.parametrize(("header", "prefixes", "late"), [
    ("Procedure Code", (430, 431, 432, 440, 441, 452, 453), False),  # Ohio: all in CPT range
    ("px", (981, 982, 983, 986, 990), True),  # Washington, only late in the file
    ("svc_cd", (100, 104, 112, 113, 146), False),  # New York
    ("CPT", (606, 607, 608, 612, 617), True),
])
def test_zip_codes_under_a_procedure_header_are_zips(header: str, prefixes: tuple[int, ...],
                                                     late: bool) -> None:
    values = _regional_zips(random.Random(header), prefixes, ROWS)
    finding = scan_frame(_frame(header, values, late=late)).finding(header)
    assert finding.kind is Kind.ZIP
    proposal = safe_harbor_proposal(finding)
    assert isinstance(proposal.rule, Zip3)
    if header != "svc_cd":  # not a procedure header: nothing to warn about
        assert proposal.warning is not None and "procedure" in proposal.warning


def test_integer_zip_codes_under_a_procedure_header_are_zips() -> None:
    rnd = random.Random(3)
    values = [int(v) for v in _regional_zips(rnd, (750, 752, 760, 761, 770, 787), ROWS)]
    frame = pl.DataFrame({"proc": values, "qty": [rnd.randint(1, 3) for _ in range(ROWS)]})
    assert scan_frame(frame).finding("proc").kind is Kind.ZIP


@pytest.mark.parametrize("header", ["cpt_code", "px", "service"])
def test_billed_procedure_codes_are_kept(header: str) -> None:
    # an orthopaedic and imaging clinic's codes, not the generator's tuple
    codes = ("99214", "99204", "73562", "73030", "20610", "29881", "27447", "97110",
             "97140", "99213", "73721", "20611", "96372", "99024", "97161", "73610")
    rnd = random.Random(header)
    values = [rnd.choice(codes) for _ in range(ROWS)]
    finding = scan_frame(_frame(header, values, late=False)).finding(header)
    assert finding.kind is Kind.PROCEDURE_CODE
    assert isinstance(safe_harbor_proposal(finding).rule, Keep)


def test_bare_codes_with_hcpcs_letters_are_kept() -> None:
    rnd = random.Random(5)
    pool = ("64483", "62323", "J1030", "J2001", "77003", "64493", "G0463", "20552", "J3301")
    values = [rnd.choice(pool) for _ in range(ROWS)]
    finding = scan_frame(_frame("proc_cd", values, late=False)).finding("proc_cd")
    assert finding.kind is Kind.PROCEDURE_CODE


def _kept_as(kind: Kind) -> ColumnExpectation:
    return ColumnExpectation(Expect.ANY, None, clinical_code=kind is Kind.PROCEDURE_CODE)


@pytest.mark.parametrize("clinical", [False, True])
def test_verification_flags_zip_codes_kept_under_a_code_header(clinical: bool) -> None:
    """Kept as a procedure column or not, ZIP-shaped values not established as CPT codes
    fail the verification."""
    values = _regional_zips(random.Random(11), (440, 441, 442, 443), ROWS)
    frame = pl.LazyFrame({"hcpcs_cpt": values, "n": list(range(ROWS))})
    expect = {"hcpcs_cpt": ColumnExpectation(Expect.ANY, None, clinical_code=clinical)}
    found = verify_frame(frame, expectations=expect)
    assert not found.passed
    assert {r.detector for r in found.failures} == {"zip_code"}
    assert "hcpcs_cpt" in found.summary_line()


def test_verification_passes_frequent_cpt_codes_under_a_code_header() -> None:
    rnd = random.Random(2)
    codes = ("99213", "80053", "85025", "36415", "93000", "71046", "99285", "G0439")
    frame = pl.LazyFrame({"proc_code": [rnd.choice(codes) for _ in range(ROWS)]})
    assert verify_frame(frame).passed
