"""One workbook per team: the council's child-to-team lookup cuts the report and the tables."""

import re
from dataclasses import dataclass, replace
from pathlib import Path

import polars as pl

from csc_validate.errors import InputError, UsageError
from csc_validate.findings import Report, summarise
from csc_validate.severity import Severity
from csc_validate.tables import Tables


@dataclass(frozen=True)
class Lookup:
    """`teams` maps each team to its children; `source` says which columns were used."""

    teams: dict[str, frozenset[str]]
    source: str


def parse_spec(spec: str) -> tuple[Path, str]:
    """LOOKUP.csv:COLUMN, split at the last colon so that C:\\teams.csv:TEAM works."""
    path, sep, column = spec.rpartition(":")
    if not sep or not path or not column:
        raise UsageError(f"--split-by {spec}: expected LOOKUP.csv:COLUMN, e.g. teams.csv:TEAM")
    return Path(path), column


def read_lookup(spec: str, child_column: str) -> Lookup:
    """Children by team; child ids come from `child_column` if the lookup has it, else column 1."""
    path, column = parse_spec(spec)
    if not path.is_file():
        raise InputError(str(path), "does not exist", expected="a CSV of children and their teams")
    try:
        frame = pl.read_csv(path, infer_schema=False, encoding="utf8-lossy")
    except (pl.exceptions.PolarsError, OSError) as error:
        raise InputError(str(path), f"cannot be read as CSV ({error})") from None
    if column not in frame.columns:
        raise InputError(
            str(path), f"has no column {column!r}", expected=f"one of {', '.join(frame.columns)}"
        )
    ids = child_column if child_column in frame.columns else frame.columns[0]
    if ids == column:
        raise InputError(str(path), f"needs a {child_column} column beside {column!r}")
    pairs = frame.select(
        pl.col(ids).str.strip_chars().alias("child"),
        pl.col(column).str.strip_chars().fill_null("").alias("team"),
    ).filter(pl.col("child").is_not_null() & (pl.col("child") != ""))
    teams: dict[str, set[str]] = {}
    for child, team in pairs.iter_rows():
        teams.setdefault(team or "(no team)", set()).add(child)
    return Lookup(
        teams={team: frozenset(children) for team, children in sorted(teams.items())},
        source=f"{path.name}: children from {ids}, teams from {column}",
    )


def subset(
    report: Report, tables: Tables | None, children: frozenset[str], child_column: str
) -> tuple[Report, Tables | None]:
    """The report and the tables cut down to these children; nothing is checked again."""
    findings = tuple(f for f in report.findings if f.child in children)
    totals = {severity.value: 0 for severity in Severity}
    for finding in findings:
        totals[finding.severity.value] += 1
    kept_tables = None
    table_rows = report.table_rows
    if tables is not None:
        wanted = pl.Series(sorted(children), dtype=pl.String)
        loaded = {}
        for name, table in tables.tables.items():
            if child_column in table.raw.columns:
                ids = pl.col(child_column).str.strip_chars()
                rows = table.raw.filter(ids.is_in(wanted.implode()))
                keep = rows["_row"]
                table = replace(
                    table, raw=rows, typed=table.typed.filter(pl.col("_row").is_in(keep.implode()))
                )
            loaded[name] = table
        kept_tables = replace(tables, tables=loaded)
        table_rows = {name: loaded[name].raw.height for name in sorted(loaded)}
    cut = report.model_copy(
        update={
            "findings": findings,
            "totals": totals,
            "summary": tuple(summarise(list(findings))),
            "table_rows": table_rows,
            # Reasons name children too: a team sees its own only.
            "accepted": tuple(a for a in report.accepted if a.finding.child in children),
            "stale_acceptances": tuple(a for a in report.stale_acceptances if a.child in children),
        }
    )
    return cut, kept_tables


def team_paths(destination: Path, teams: list[str]) -> dict[str, Path]:
    """errors.xlsx -> errors-Team-A.xlsx, one distinct file name per team."""
    paths: dict[str, Path] = {}
    used: set[str] = set()
    for team in teams:
        slug = re.sub(r"[^A-Za-z0-9]+", "-", team).strip("-") or "team"
        name, number = slug, 2
        while name.lower() in used:
            name, number = f"{slug}-{number}", number + 1
        used.add(name.lower())
        paths[team] = destination.with_name(f"{destination.stem}-{name}{destination.suffix}")
    return paths
