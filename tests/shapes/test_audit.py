"""The auditor audited: it finds every planted value when the output is the input, finds
nothing when every planted column is removed (so kept clinical columns raise no false
alarm), sees values in reports and headers, and reads dates and ages in their forms."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path

import polars as pl
import pytest

from tests.shapes.audit import (
    audit_frames,
    audit_run,
    failed_closed,
    flatten,
    key,
    read_table,
    searchable,
    text_leaks,
)
from tests.shapes.extracts import EXTRACTS, build
from tests.shapes.match import candidate_days, find, parse_ages
from tests.shapes.model import Extract, Match

SMALL = {name: 2_000 if name == "late_contacts" else 400 for name in EXTRACTS}


@cache
def small(name: str) -> Extract:
    return build(name, rows=SMALL[name], seed=3)


def written(extract: Extract, tmp_path: Path) -> tuple[Path, pl.DataFrame]:
    path = extract.write(tmp_path)
    return path, read_table(path, has_header=extract.has_header)


def safe_output(extract: Extract, source: pl.DataFrame) -> pl.DataFrame:
    """What a correct run could write: planted columns redacted, ages over 89 as "90+",
    identifier headers renamed, everything else unchanged."""
    planted = {p.column.split(".")[0].removesuffix("[]"): p for p in extract.planted}
    columns = []
    for i, name in enumerate(source.columns):
        p = planted.get(name)
        if p is None:
            columns.append(pl.col(name))
        elif p.in_header:
            columns.append(pl.col(name).alias(f"column_{i}"))
        elif p.match is Match.AGE:
            ages = parse_ages(source[name])
            columns.append(pl.when(pl.lit(ages) > 89).then(pl.lit("90+"))
                           .otherwise(pl.col(name).cast(pl.String)).alias(name))
        else:
            columns.append(pl.lit("[REDACTED]").alias(name))
    return source.select(columns)


@pytest.mark.parametrize("name", list(EXTRACTS))
def test_every_planted_cell_is_recognized_in_its_own_column(name: str, tmp_path: Path) -> None:
    extract = small(name)
    _, source = written(extract, tmp_path)
    leaves = flatten(source)
    for p in extract.planted:
        if p.in_header:
            continue
        cells, planted = find(leaves[p.column], p).cells, p.cells
        assert cells == planted > 0, p.label


@pytest.mark.parametrize("name", list(EXTRACTS))
def test_identity_output_leaks_everything(name: str, tmp_path: Path) -> None:
    extract = small(name)
    _, source = written(extract, tmp_path)
    audit = audit_frames(extract, source, source, {})
    for entry in audit.entries:
        cells, planted = entry.cells, entry.planted_cells
        assert cells >= planted, entry.label
    assert audit.utility_lost() == 0, audit.utility_text()
    headers = [p for p in extract.planted if p.in_header]
    leaked = {leak.label for leak in audit.leaks if leak.where == "column names"}
    assert leaked == {p.label for p in headers}


@pytest.mark.parametrize("name", list(EXTRACTS))
def test_redacted_output_leaks_nothing_and_keeps_utility(name: str, tmp_path: Path) -> None:
    extract = small(name)
    _, source = written(extract, tmp_path)
    audit = audit_frames(extract, source, safe_output(extract, source), {})
    assert audit.surviving() == 0, audit.survivors_text()
    assert audit.leaks == (), audit.leaks_text()
    assert audit.utility_lost() == 0, audit.utility_text()


def test_changed_or_missing_utility_is_counted(tmp_path: Path) -> None:
    extract = small("clinical_codes")
    _, source = written(extract, tmp_path)
    cut = safe_output(extract, source).with_columns(pl.col("cpt").str.slice(0, 3)).drop("bp")
    audit = audit_frames(extract, source, cut, {})
    lost = {u.column: u for u in audit.utility if u.lost}
    assert set(lost) == {"cpt", "bp"}
    assert lost["bp"].missing and lost["cpt"].lost == source.height


def test_ages_lost_when_emptied(tmp_path: Path) -> None:
    extract = small("ages")
    _, source = written(extract, tmp_path)
    emptied = safe_output(extract, source).with_columns(pl.lit(None).alias("age_text"))
    audit = audit_frames(extract, source, emptied, {})
    lost = {u.column: u.lost for u in audit.utility}
    assert lost["age_text"] > 0.8 * source.height
    assert lost["age_years"] == 0


def test_audit_run_reads_a_directory_and_its_reports(tmp_path: Path) -> None:
    extract = small("visits")
    path, source = written(extract, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    safe_output(extract, source).write_csv(out / path.name)
    some_name = next(iter(sorted(extract.planted[1].raw)))
    (out / "report.json").write_text(json.dumps({"sample": [some_name], "rows": 400}))
    (out / "policy.yaml").write_text("columns:\n  patient: {action: drop}\n")
    audit = audit_run(extract, path, out)
    assert audit.surviving() == 0
    assert set(audit.leaked_into()) == {"report.json"}
    assert some_name not in audit.leaks_text()


def test_text_leaks_respect_word_boundaries() -> None:
    extract = small("numeric_dates")
    excel = next(p for p in extract.planted if p.column == "c3")
    serial = sorted(excel.raw)[0]
    assert text_leaks(f"min {serial}, max 1", [excel], "r")
    assert not text_leaks(f"x=0.{serial} y=a{serial}b {serial}1", [excel], "r")


def test_failed_closed(tmp_path: Path) -> None:
    extract = small("labs_mislabeled")
    source = extract.write(tmp_path)
    out = tmp_path / "out"
    good = "error: residual identifiers in 2 columns: hgb_a1c (ssn: 2738), notes_flag (12)"
    assert failed_closed(extract, tmp_path, out, source, good) == []
    ssn = sorted(next(p for p in extract.planted if p.column == "hgb_a1c").raw)[0]
    bad = failed_closed(extract, tmp_path, out, source, f"Traceback: bad value {ssn}")
    assert len(bad) == 3
    assert "the message holds 1 planted values of hgb_a1c [G ssn]" in bad
    assert all(ssn not in problem for problem in bad)
    out.mkdir()
    assert "the output directory exists" in failed_closed(extract, tmp_path, out, source, good)


def test_dates_in_every_form_are_one_day() -> None:
    forms = pl.Series(["04/17/2023", "2023-04-17T23:10:00Z", "17.04.2023 08:30", "20230417",
                       "17-Apr-2023", "April 17, 2023", "seen 4/17/2023 in clinic"])
    days = candidate_days(forms)
    assert set(days["day"]) == {"2023-04-17"}
    assert set(days["row"]) == set(range(forms.len()))
    for numbers in ([1681732800, 1681732900], [1681732800123, 1], ["45033", "45033.4375"],
                    [20230417, 20230417], [19464.0, 19464.5]):
        assert set(candidate_days(pl.Series(numbers))["day"]) == {"2023-04-17"}, numbers
    zoned = pl.Series([dt.datetime(2023, 4, 17, 21, 0)]).dt.replace_time_zone(
        "America/New_York")
    assert "2023-04-17" in set(candidate_days(zoned)["day"])


def test_numbers_that_are_not_dates_stay_numbers() -> None:
    cpt = ["99213", "36415", "45378", "99214", "93000", "71046", "80053", "150000"]
    for values in (cpt, ["132/63", "4.0-5.6", "E11.9"],
                   ["44054006", "195967001"], [1, 2, 89, 120]):
        assert candidate_days(pl.Series(values)).height == 0, values


def test_ages_are_read_from_words_and_abbreviations() -> None:
    ages = parse_ages(pl.Series(["19yo", "92 y/o", "ninety-two", "NINETY ONE", " 101 years old",
                                 "6 mos", "90+", "one hundred and two", "33 Y", None]))
    assert ages.to_list() == [19, 92, 92, 91, 101, 0.5, None, 102, 33, None]


def test_keys_are_loose() -> None:
    assert key("obs.code") == key("OBS_Code") == "obs_code"


def test_dense_needles_are_attributed_by_row(tmp_path: Path) -> None:
    extract = small("numeric_dates")
    _, source = written(extract, tmp_path)
    kept = safe_output(extract, source).with_columns(
        source["c5"], pl.from_epoch(source["c1"].cast(pl.Int64), "s").dt.date().alias("c1"))
    cells = {e.label: e.cells for e in audit_frames(extract, source, kept, {}).entries}
    assert cells["c1"] == cells["c5"] == source.height
    # only where two date columns hold the same day in the same row (about 1 in 4,000)
    assert cells["c2"] + cells["c3"] + cells["c4"] <= 3


def test_json_reports_are_searched_in_strings_and_identifier_like_numbers(
        tmp_path: Path) -> None:
    extract = small("eav")
    path, source = written(extract, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    safe_output(extract, source).write_csv(out / path.name)
    zip_entry = next(p for p in extract.planted if p.label == "value (zip)")
    a_zip = int(sorted(zip_entry.raw)[0])
    (out / "manifest.json").write_text(json.dumps({"outputs": [{"bytes": a_zip}]}))
    assert audit_run(extract, path, out).leaks == ()
    (out / "manifest.json").write_text(json.dumps({"note": f"zip {a_zip:05d}"}))
    assert set(audit_run(extract, path, out).leaked_into()) == {"manifest.json"}


def test_html_markup_is_not_searched(tmp_path: Path) -> None:
    extract = small("nested_jsonl")
    family = next(p for p in extract.planted if p.column == "patient.name.family")
    street = next(p for p in extract.planted if p.column == "patient.address.line")
    a_street = sorted(street.raw)[0]
    page = tmp_path / "report.html"
    page.write_text(f'<style>.small {{ white-space: nowrap }}</style><p class="small">'
                    f'<strong>x</strong></p><td title="{a_street}">y</td>')
    text = searchable(page)
    assert "white" not in text and "strong" not in text and "small" not in text
    assert [leak.label for leak in text_leaks(text, [family, street], "r")] == [street.label]
