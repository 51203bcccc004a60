"""Which collection year the return is, and refusing a last year's return of another year."""

import polars as pl

from csc_validate import schemas
from csc_validate.collection import Collection
from csc_validate.errors import InputError, UsageError
from csc_validate.periods import parse_year, previous_year
from csc_validate.pipeline.naming import naming, wheres
from csc_validate.pipeline.recognise import all_tables
from csc_validate.pipeline.tables import spelling_problem
from csc_validate.readers.casting import foreign_date_spelling
from csc_validate.readers.detect import Detected
from csc_validate.readers.sheets import normalise_header
from csc_validate.schemas import ColumnType
from csc_validate.tables import InputFile


def choose_year(
    chosen: Collection, found: list[Detected], inputs: list[InputFile], forced: str | None
) -> tuple[str, str]:
    """The year, with how it was chosen: --year's, else the one the data say."""
    known = schemas.available_years(chosen.name)
    if forced is not None:
        try:
            parse_year(forced)
        except ValueError as error:
            raise UsageError(f"--year: {error}") from None
        if forced not in known:
            raise UsageError(f"no {chosen.name} rules for {forced} (supported: {', '.join(known)})")
        return forced, "chosen with --year"
    with naming(wheres(found)):
        inferred = chosen.infer_year(found)
    if inferred is None:
        # Often the dates are there but written another way: say so rather than only "no year".
        spelt = misspelt_dates(chosen, found)
        read = "; ".join(
            f"{given.file}: {', '.join(given.tables) or 'no table'}" for given in inputs
        )
        raise UsageError(
            f"cannot tell the collection year from the data: it is read from {chosen.year_from}, "
            f"and the files read hold these tables ({read})"
            f"{': ' if spelt else ''}{'; '.join(spelt)}; "
            f"or give the year with --year (supported: {', '.join(known)})"
        )
    year, why = inferred
    if year not in known:
        raise UsageError(
            f"the data look like the {year} return ({why}), but csc-validate has rules for "
            f"{', '.join(known)} only; give the year with --year"
        )
    return year, f"inferred: {why}"


def misspelt_dates(chosen: Collection, found: list[Detected]) -> list[str]:
    """What each date column written in a spelling the collection does not take holds."""
    tables = all_tables(chosen.name)
    problems = []
    for match in found:
        schema = tables.get(match.table)
        if schema is None:
            continue
        for column in schema.columns:
            values = match.sheet.columns.get(normalise_header(column.name))
            if column.type is not ColumnType.DATE or values is None:
                continue
            spelling = foreign_date_spelling(
                pl.Series(values, dtype=pl.String), chosen.date_formats
            )
            if spelling is not None:
                line = match.sheet.lines[spelling.row]
                problems.append(
                    f"{match.sheet.where}, line {line}, {column.name}: "
                    + spelling_problem(chosen, spelling)
                )
    return problems


def year_mix_ups(
    chosen: Collection,
    year: str,
    forced: str | None,
    current: list[Detected],
    last: list[Detected],
) -> list[str]:
    """Refuse last year's return when its data are not of the year before; say when --year
    disagrees with the data."""
    notes = []
    try:
        with naming(wheres(current)):
            inferred = chosen.infer_year(current)
    except InputError:
        if forced is None:
            raise
        inferred = None  # the data cannot tell the year, and --year says it
    if forced is not None and inferred is not None and inferred[0] != forced:
        notes.append(
            f"--year {forced} was given, but the data look like the {inferred[0]} return "
            f"({inferred[1]}): check that these are the files of {forced}"
        )
    if not last:
        return notes
    with naming(wheres(last)):
        last_inferred = chosen.infer_year(last)
    if last_inferred is None:
        return notes
    last_year, why = last_inferred
    expected = previous_year(year)
    if last_year == expected:
        return notes
    if last_year == year:
        problem = f"looks like the {year} return too ({why}), the same year as this return"
    elif last_year > year:
        problem = (
            f"looks like the {last_year} return ({why}), later than this {year} return: "
            "are this year's and last year's files swapped?"
        )
    else:
        problem = f"looks like the {last_year} return ({why}), not the year before {year}"
    raise UsageError(f"--previous: {problem} (expected the {expected} return)")
