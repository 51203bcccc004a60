"""From the paths a user names to the Tables of one return: read, recognise, cast, derive."""

from pathlib import Path

from csc_validate import id_spellings, schemas
from csc_validate.errors import InputError, UsageError
from csc_validate.periods import previous_year
from csc_validate.pipeline.read import earlier_note, previous_years, read_files, refuse_no_rows
from csc_validate.pipeline.recognise import (
    all_tables,
    choose_collection,
    no_table,
    schema_or,
)
from csc_validate.pipeline.request import Request
from csc_validate.pipeline.sources import expand, sniff
from csc_validate.pipeline.tables import build, earlier_year, missing_tables
from csc_validate.pipeline.years import choose_year, year_mix_ups
from csc_validate.readers import standard_input
from csc_validate.readers.bulk import in_bulk
from csc_validate.tables import PREVIOUS_SUFFIX, InputFile, Tables


@in_bulk
def load(
    paths: list[Path],
    previous: list[Path] | None = None,
    collection: str | None = None,
    year: str | None = None,
) -> Tables:
    """Read the return (and last year's, if given) and cast it with the collection year's schema."""
    if sum(1 for path in [*paths, *(previous or [])] if standard_input.is_mark(path)) > 1:
        raise UsageError("`-` (standard input) can be given only once")
    sources, notes = expand(paths)
    if not sources:
        raise InputError(", ".join(map(str, paths)), "holds no CSV, XLSX or XML file")
    files = [sniff(source) for source in sources]
    chosen = choose_collection(collection, files)
    candidates = all_tables(chosen.name)
    current = read_files(files, chosen, candidates)
    if not current.found:
        raise no_table(chosen, files, [source.display for source in sources])
    refuse_no_rows(current.found)
    forced = year
    year, why = choose_year(chosen, current.found, current.inputs, forced)
    last, earlier, last_notes = previous_years(chosen, candidates, previous or [], year, current)
    year_notes = year_mix_ups(chosen, year, forced, current.found, last.found)
    found, settled = chosen.settle_year(current.found, year)
    loaded, issues, warnings = build(chosen, year, found, last.found)
    inputs = list(current.inputs)
    inputs += [
        InputFile(i.file, i.sha256, i.tables, previous=True)
        for read in [last, *(read for _, read in earlier)]
        for i in read.inputs
    ]
    year_schema = schemas.load(chosen.name, year)
    missing = missing_tables(chosen, year_schema, loaded, "")
    if last.inputs:
        last_schema = schema_or(chosen.name, previous_year(year), year_schema)
        missing += missing_tables(chosen, last_schema, loaded, PREVIOUS_SUFFIX)
    formats = {table.source_format for table in loaded.values() if table.name in year_schema.tables}
    return Tables(
        collection=chosen.name,
        year=year,
        tables=loaded,
        issues=tuple(issues),
        inputs=tuple(inputs),
        metadata={"file_format": "xml" if "xml" in formats else "csv", "year_source": why},
        notes=tuple(
            year_notes + settled + notes + current.warnings + last_notes + last.warnings + warnings
        )
        + tuple(id_spellings.notes(loaded, year_schema))
        + tuple(chosen.load_notes(loaded))
        + tuple(warning for _, read in earlier for warning in read.warnings)
        + earlier_note(earlier),
        missing=missing,
        from_files=True,
        earlier=tuple(earlier_year(chosen, year, read.found) for year, read in earlier),
    )


def tables_for(request: Request) -> Tables:
    """The Tables of the return a request names."""
    return load(list(request.paths), list(request.previous), request.collection, request.year)
