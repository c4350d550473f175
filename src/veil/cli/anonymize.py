"""`veil anonymize` (optimal generalization) and `veil recode` (local recoding)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from veil.cli.common import (
    EngineOpt,
    FormatOpt,
    InputArg,
    JsonOpt,
    MasterOpt,
    OutDirOpt,
    OutFormatOpt,
    OverwriteOpt,
    SepOpt,
    SparkConfOpt,
    engine,
    names,
    out,
    output_format,
    print_json,
    spec,
)
from veil.errors import UsageError

KeepOpt = Annotated[str | None, typer.Option(
    "--keep", help="other columns to copy unchanged, comma-separated")]
DropOpt = Annotated[str | None, typer.Option(
    "--drop", help="other columns to remove, comma-separated")]


def anonymize(
    path: InputArg,
    output: OutDirOpt,
    policy: Annotated[Path | None, typer.Option(
        "--policy", help="policy YAML with an expert: section (instead of the target options)")
    ] = None,
    qi: Annotated[str | None, typer.Option("--qi", help="quasi-identifiers, comma-separated")
                  ] = None,
    hierarchies: Annotated[Path | None, typer.Option(
        "--hierarchies", help="directory of ARX hierarchy files <dataset>_hierarchy_<attr>.csv")
    ] = None,
    hierarchy: Annotated[list[str] | None, typer.Option(
        "--hierarchy", help="ATTR=FILE (an ARX hierarchy) or ATTR=auto; repeatable")] = None,
    k: Annotated[int | None, typer.Option("--k", help="k-anonymity: classes of k or more")
                 ] = None,
    l_models: Annotated[list[str] | None, typer.Option(
        "--l", help="l-diversity of a sensitive attribute, ATTR=N; repeatable")] = None,
    l_variant: Annotated[str | None, typer.Option(
        "--l-variant", help="distinct (default), entropy or recursive")] = None,
    c: Annotated[float | None, typer.Option("--c", help="c of recursive (c,l)-diversity")
                 ] = None,
    t_models: Annotated[list[str] | None, typer.Option(
        "--t", help="t-closeness of a sensitive attribute, ATTR=T; repeatable")] = None,
    t_distance: Annotated[str | None, typer.Option(
        "--t-distance", help="equal (default), ordered or hierarchical")] = None,
    max_risk: Annotated[float | None, typer.Option(
        "--max-risk", help="highest prosecutor risk allowed (1 / class size)")] = None,
    average_risk: Annotated[float | None, typer.Option(
        "--average-risk", help="average prosecutor risk allowed")] = None,
    suppression: Annotated[float | None, typer.Option(
        "--suppression", help="largest share of records that may be suppressed (default 0)")
    ] = None,
    metric: Annotated[str | None, typer.Option(
        "--metric", help="utility model: loss (default), entropy, entropy-nm, discernibility, "
        "discernibility-nm, precision, height or aecs")] = None,
    keep: KeepOpt = None,
    drop: DropOpt = None,
    explain: Annotated[int | None, typer.Option(
        "--explain", help="print the best N transformations (10 when N is left out)")] = None,
    as_json: JsonOpt = False,
    time_budget: Annotated[float | None, typer.Option(
        "--time-budget", help="stop the search after SECONDS (then maybe not optimal)")] = None,
    output_format_: OutFormatOpt = None,
    overwrite: OverwriteOpt = False,
    input_format: FormatOpt = None,
    sep: SepOpt = None,
    engine_: EngineOpt = "polars",
    master: MasterOpt = None,
    spark_conf: SparkConfOpt = None,
) -> None:
    """Generalize the quasi-identifiers, with the least information loss, until the data
    meets k-anonymity, l-diversity, t-closeness or a risk bound; write data and report."""
    from veil.anonymize.run import AnonymizeOptions, anonymize_file
    from veil.policy.expert_options import CommandLineTargets
    from veil.policy.load import load_expert

    targets = CommandLineTargets(
        qi=tuple(names(qi, "--qi")), hierarchies=hierarchies, hierarchy=tuple(hierarchy or ()),
        k=k, l=tuple(l_models or ()), l_variant=l_variant, c=c, t=tuple(t_models or ()),
        t_distance=t_distance, max_risk=max_risk, average_risk=average_risk,
        suppression=suppression, metric=metric, keep=tuple(names(keep, "--keep")),
        drop=tuple(names(drop, "--drop")))
    if explain is not None and explain < 1:
        raise UsageError(f"--explain must be a whole number of 1 or more; got {explain}")
    if time_budget is not None and not time_budget > 0:
        raise UsageError(f"--time-budget must be a number of seconds above 0; got {time_budget}")
    if policy is not None and targets.given():
        raise UsageError(f"give either --policy or target options, not both "
                         f"({', '.join(targets.given())})")
    expert, text = load_expert(policy) if policy is not None else (None, None)
    runner = engine(engine_, master, spark_conf)
    table = runner.open(spec(path, input_format, sep).source)
    if expert is None:
        expert = targets.to_expert(table.columns, source=path.name)
    summary = anonymize_file(
        table, expert, output, base=policy.parent if policy is not None else Path(),
        origin="policy" if policy is not None else "options", policy_text=text,
        options=AnonymizeOptions(output_format(output_format_), overwrite,
                                 max(10, explain or 0), time_budget, engine=runner))
    candidates = summary.pop("candidates")
    if explain is not None:
        summary["candidates"] = candidates[:explain]
    if as_json:
        print_json(summary)
        return
    _print_anonymization(summary)


def recode(
    path: InputArg,
    output: OutDirOpt,
    method: Annotated[str, typer.Option(
        "--method", help="mondrian (k-anonymous boxes: ranges and value sets), mdav "
        "(multivariate microaggregation of numbers) or univariate (per column, for big data)")],
    qi: Annotated[str, typer.Option(
        "--qi", help="the columns to recode (numeric for microaggregation), comma-separated")],
    k: Annotated[int, typer.Option("--k", help="smallest group size")],
    l_value: Annotated[int | None, typer.Option(
        "--l", help="Mondrian only: distinct values of --sensitive per box")] = None,
    sensitive: Annotated[str | None, typer.Option(
        "--sensitive", help="Mondrian only: the sensitive attribute for --l")] = None,
    keep: KeepOpt = None,
    drop: DropOpt = None,
    as_json: JsonOpt = False,
    output_format_: OutFormatOpt = None,
    overwrite: OverwriteOpt = False,
    input_format: FormatOpt = None,
    sep: SepOpt = None,
    engine_: EngineOpt = "polars",
    master: MasterOpt = None,
    spark_conf: SparkConfOpt = None,
) -> None:
    """Local recoding without hierarchies: Mondrian boxes or microaggregation to groups of
    at least k; writes data, recoding.json, report.html and manifest.json."""
    from typing import cast

    from veil.anonymize.recode import Method, RecodeTargets, recode_file

    if method not in ("mondrian", "mdav", "univariate"):
        raise UsageError(f"--method must be mondrian, mdav or univariate; got {method!r}")
    targets = RecodeTargets(cast(Method, method), tuple(names(qi, "--qi")), k, l_value,
                            sensitive, tuple(names(keep, "--keep")), tuple(names(drop, "--drop")))
    runner = engine(engine_, master, spark_conf)  # Mondrian and microaggregation: Polars only
    summary = recode_file(spec(path, input_format, sep).open(), targets, output,
                          output_format=output_format(output_format_), overwrite=overwrite,
                          engine=runner)
    if as_json:
        print_json(summary)
        return
    out.print(f"recoded {summary['records']:,} records by {method}: {summary['groups']:,} "
              f"groups, smallest {summary['smallest_group']:,}; information loss "
              f"{summary['information_loss']:.4g} ({summary['information_loss_model']})",
              highlight=False)
    out.print(f"output: {output} (data, recoding.json, report.html, manifest.json)",
              highlight=False)


def _print_anonymization(summary: dict[str, Any]) -> None:
    levels = summary["levels"]
    out.print(
        f"anonymized {summary['records']:,} records to {' and '.join(summary['models'])}: "
        f"{summary['classes']:,} classes, smallest {summary['smallest_class']:,}, "
        f"{summary['suppressed']:,} suppressed", highlight=False)
    out.print("levels: " + ", ".join(f"{q} {v}" for q, v in levels.items()), highlight=False)
    out.print(
        f"score {summary['score']:.6g} ({summary['metric']}); {summary['evaluated']:,} of "
        f"{summary['lattice_size']:,} transformations evaluated, "
        f"{'exhaustive' if summary['exhaustive'] else 'NOT exhaustive (stopped early)'}, "
        f"{summary['seconds']:.1f} s", highlight=False)
    candidates = summary.get("candidates")
    if candidates:
        table = Table(title=f"best {len(candidates)} transformations; levels of "
                      + ", ".join(levels))
        for name in ("rank", "levels", "score", "suppressed", "classes", "smallest"):
            table.add_column(name, justify="right")
        for c in candidates:
            table.add_row(str(c["rank"]), " ".join(str(c["levels"][q]) for q in levels),
                          f"{c['score']:.6g}", f"{c['suppressed']:,}", f"{c['classes']:,}",
                          f"{c['smallest_class']:,}")
        out.print(table)
    out.print(f"data:   {summary['data']}")
    out.print(f"report: {Path(summary['output']) / 'report.html'} "
              "(and anonymization.json, manifest.json)")
