"""`veil risk` (measure re-identification risk) and `veil attack` (simulate a linkage)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from veil.cli.common import (
    EngineOpt,
    FormatOpt,
    InputArg,
    JsonOpt,
    MasterOpt,
    SepOpt,
    SparkConfOpt,
    engine,
    names,
    out,
    print_json,
    spec,
)
from veil.errors import UsageError

if TYPE_CHECKING:
    from veil.hierarchy import Hierarchy


def risk(
    path: InputArg,
    qi: Annotated[str, typer.Option("--qi", help="quasi-identifiers, comma-separated")],
    sensitive: Annotated[str | None, typer.Option(
        "--sensitive", help="sensitive attributes, comma-separated (l-diversity, t-closeness)")
    ] = None,
    population: Annotated[int | None, typer.Option(
        "--population", min=1, help="population size the data was sampled from")] = None,
    population_table: Annotated[Path | None, typer.Option(
        "--population-table", help="a file holding the population (same quasi-identifiers)")
    ] = None,
    sampling_fraction: Annotated[float | None, typer.Option(
        "--sampling-fraction", min=0.0, max=1.0, help="sample size / population size")] = None,
    threshold: Annotated[float, typer.Option(
        "--threshold", min=0.0, max=1.0, help="risk threshold (0.09: EMA / Health Canada)")
    ] = 0.09,
    as_json: JsonOpt = False,
    html: Annotated[Path | None, typer.Option("--html", help="write an HTML report here")] = None,
    pairs: Annotated[bool, typer.Option(help="also measure pairs of quasi-identifiers")] = True,
    hierarchies: Annotated[Path | None, typer.Option(
        "--hierarchies", help="directory of ARX hierarchy files <dataset>_hierarchy_<attr>.csv: "
        "hierarchical t-closeness and one-level generalization contributions")] = None,
    hierarchy: Annotated[list[str] | None, typer.Option(
        "--hierarchy", help="ATTR=FILE, an ARX hierarchy file; repeatable")] = None,
    input_format: FormatOpt = None,
    sep: SepOpt = None,
    engine_: EngineOpt = "polars",
    master: MasterOpt = None,
    spark_conf: SparkConfOpt = None,
) -> None:
    """Measure re-identification risk: k, prosecutor/journalist/marketer risk,
    population uniqueness, l-diversity, t-closeness and what drives the risk."""
    from veil.engines.types import Source
    from veil.risk import Population
    from veil.risk.assess import assess_table, records_from_counts

    given = [x is not None for x in (population, population_table, sampling_fraction)]
    if sum(given) > 1:
        raise UsageError("give at most one of --population, --population-table, "
                         "--sampling-fraction")
    if sampling_fraction == 0:
        raise UsageError("--sampling-fraction must be greater than 0")
    source = spec(path, input_format, sep)
    runner = engine(engine_, master, spark_conf)
    quasi, sensitive_names = names(qi, "--qi"), names(sensitive, "--sensitive")
    table = None
    if population_table is not None:  # its classes over the quasi-identifiers it holds
        reference = runner.open(Source(population_table))
        held = [q for q in quasi if q in reference.columns] or list(reference.columns[:1])
        table = records_from_counts(runner, reference, held)
    result = assess_table(
        runner, runner.open(source.source), quasi=quasi, sensitive=sensitive_names,
        population=Population(population, sampling_fraction, table), threshold=threshold,
        pairs=pairs,
        hierarchies=_risk_hierarchies([*quasi, *sensitive_names], hierarchies, hierarchy or []),
    )
    data = result.to_dict()
    if html is not None:
        from veil.io.write import atomic_file
        from veil.report.risk_html import render_risk_html

        with atomic_file(html) as staging:
            staging.write_text(render_risk_html(data, source=path.name), encoding="utf-8")
    if as_json:
        print_json(data)
        return
    _print_risk(data)
    if html is not None:
        out.print(f"report: {html}")


def _risk_hierarchies(attributes: list[str], directory: Path | None,
                      explicit: list[str]) -> dict[str, Hierarchy]:
    """Hierarchies given by --hierarchy ATTR=FILE, else found in --hierarchies DIR."""
    from veil.errors import HierarchyError
    from veil.hierarchy import find_hierarchies, read_arx_csv

    files: dict[str, Path] = {}
    for item in explicit:
        attribute, sep_, file = item.partition("=")
        if not sep_ or not attribute or not file:
            raise UsageError("--hierarchy must be ATTR=FILE", hint="e.g. --hierarchy age=age.csv")
        if attribute not in attributes:
            raise UsageError(f"--hierarchy names {attribute!r}, which is not among --qi or "
                             "--sensitive")
        files[attribute] = Path(file)
    if directory is not None:
        for attribute in attributes:
            if attribute in files:
                continue
            try:
                files.update(find_hierarchies(directory, [attribute]))
            except HierarchyError:
                continue  # optional here: attributes without a file are measured without
    read = {a: read_arx_csv(f, a) for a, f in files.items()}
    for note in (note for h in read.values() for note in h.notes):  # stderr: --json stays clean
        sys.stderr.write(f"veil: note: {note}\n")
    return read


def attack(
    release: Annotated[Path, typer.Argument(help="the released (de-identified) file")],
    auxiliary: Annotated[Path, typer.Option("--auxiliary", help="the adversary's table")],
    on: Annotated[str, typer.Option(
        "--on", help="matching columns, comma-separated; RELEASE=AUX when names differ")],
    release_id: Annotated[str | None, typer.Option(
        "--release-id", help="ground-truth id column of the release (not matched on)")] = None,
    auxiliary_id: Annotated[str | None, typer.Option(
        "--auxiliary-id", help="ground-truth id column of the auxiliary table")] = None,
    as_json: JsonOpt = False,
    sep: SepOpt = None,
) -> None:
    """Simulate a linkage attack: match an auxiliary table with identities to the release
    and compare the share re-identified with the estimated risk."""
    from veil.pipeline import InputSpec
    from veil.risk import assess
    from veil.risk.attack import link

    pairs = [name.split("=", 1) if "=" in name else [name, name] for name in names(on, "--on")]
    columns = [mine.strip() for mine, _ in pairs]
    released = InputSpec(release, None, sep).open().frame
    adversary = InputSpec(auxiliary, None, sep).open().frame.rename(
        {theirs.strip(): mine.strip() for mine, theirs in pairs if mine != theirs}, strict=False)
    result = link(released, adversary, on=columns,
                  release_id=release_id, auxiliary_id=auxiliary_id)
    estimate = assess(released, quasi=columns, pairs=False)
    data = result.to_dict() | {
        "estimated_prosecutor_risk": {"highest": estimate.prosecutor.highest,
                                      "average": estimate.prosecutor.average},
    }
    if as_json:
        print_json(data)
        return
    out.print(
        f"{result.auxiliary_records:,} auxiliary records attacked on {'+'.join(columns)}: "
        f"{result.share_unique:.1%} matched exactly one release record"
        + ("" if result.share_correct is None
           else f", {result.share_correct:.1%} matched correctly")
        + f"; expected success of a random pick {result.expected_success:.1%}. "
        f"Estimated prosecutor risk of the release: average {estimate.prosecutor.average:.1%}, "
        f"highest {estimate.prosecutor.highest:.2f}.", highlight=False)


def _print_risk(data: dict[str, object]) -> None:
    out.print(str(data["summary"]), highlight=False)
    table = Table(title="re-identification risk")
    for name in ("model", "highest", "average (success)", "records above threshold", "source"):
        table.add_column(name)
    for model in ("prosecutor", "journalist"):
        m = data[model]
        assert isinstance(m, dict)
        table.add_row(model, f"{m['highest']:.4f}", f"{m['average']:.4f}",
                      f"{m['records_at_risk']:.2%}", str(m["source"]))
    marketer = data["marketer"]
    assert isinstance(marketer, dict)
    table.add_row("marketer", "", f"{marketer['success_rate']:.4f}", "", "")
    out.print(table)
    out.print(
        f"records {data['records']:,}, classes {data['classes']:,}, smallest class (k) "
        f"{data['smallest_class']}, average size {float(str(data['average_class_size'])):.2f}, "
        f"sample uniques {data['sample_uniques']:,}", highlight=False)
    pop = data.get("population_uniqueness")
    if isinstance(pop, dict):
        chosen = pop["dankar"]
        out.print(f"population uniques ({pop['dankar_choice']}, Dankar rule): "
                  f"{chosen['uniques']:,.1f} ({chosen['fraction']:.4%})", highlight=False)
    for item in data["sensitive"]:  # type: ignore[attr-defined]
        out.print(f"{item['attribute']}: distinct l {item['distinct_l']}, entropy l "
                  f"{item['entropy_l']:.3f}, t (equal) {item['t_closeness_equal']:.4f}",
                  highlight=False)
    contributions = data["contributions"]
    assert isinstance(contributions, dict)
    for item in contributions["by_attribute"][:5]:
        out.print(f"without {'+'.join(item['attributes'])}: {item['uniques_removed']:,} "
                  f"uniques fewer ({item['share_removed']:.0%})", highlight=False)
