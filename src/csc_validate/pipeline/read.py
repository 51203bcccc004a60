"""Reading the files of one return (and of earlier years') into the tables they hold."""

from dataclasses import dataclass, field
from pathlib import Path

from csc_validate.collection import Collection
from csc_validate.errors import InputError
from csc_validate.periods import previous_year
from csc_validate.pipeline.naming import naming
from csc_validate.pipeline.routing import owner, split_tag
from csc_validate.pipeline.sources import SniffedFile, expand, sheets_of, sniff
from csc_validate.pipeline.years import year_mix_ups
from csc_validate.readers import sha256
from csc_validate.readers.detect import Detected, detect, one_per_table
from csc_validate.schemas import TableSchema
from csc_validate.tables import InputFile


@dataclass(frozen=True)
class Read:
    """The tables found in the files of one year, the files as read, and notes for the user."""

    found: list[Detected]
    inputs: list[InputFile]
    warnings: list[str]
    # The files holding at least one row of a table: {sha256: file as named}.
    filled: dict[str, str] = field(default_factory=dict)


def read_files(
    files: list[SniffedFile], chosen: Collection, candidates: dict[str, TableSchema]
) -> Read:
    """Each file's tables, recognised by their headers among `candidates`; an XML file is read
    by the reader of its root, once `owner` has said it is the chosen collection's."""
    found: list[Detected] = []
    inputs: list[InputFile] = []
    warnings: list[str] = []
    filled: dict[str, str] = {}
    for file in files:
        display = file.source.display
        if file.root is not None:
            owner(file, chosen)
            with naming(display):
                _, root = split_tag(file.root)
                sheets, notes = chosen.xml_readers[root](file.source.path, display)
            warnings += notes
        else:
            sheets = sheets_of(file)
        warnings += [note for sheet in sheets for note in sheet.notes]
        matches, skipped = detect(sheets, candidates)
        found += matches
        warnings += skipped
        digest = sha256(file.source.path, display)
        inputs.append(InputFile(display, digest, tuple(m.table for m in matches), False))
        if any(match.sheet.height for match in matches):
            filled[digest] = display
        file.sheets = None  # read once; nothing keeps the cells but the tables built from them
    one_per_table(found)
    return Read(found, inputs, warnings, filled)


def merge(reads: list[Read]) -> Read:
    """Several paths of one year as one return: two files holding one table are refused."""
    found = [match for read in reads for match in read.found]
    one_per_table(found)
    return Read(
        found,
        [given for read in reads for given in read.inputs],
        [warning for read in reads for warning in read.warnings],
        {digest: file for read in reads for digest, file in read.filled.items()},
    )


def refuse_no_rows(found: list[Detected]) -> None:
    """Headers alone are no return to check: without this every rule would pass quietly."""
    if any(match.sheet.height for match in found):
        return
    first = found[0].sheet
    others = ", as has every other table given" if len(found) > 1 else ""
    raise InputError(
        first.where,
        f"has a header but no rows{others}",
        line=first.header_line if first.source_format != "xml" else None,
        expected="at least one row of data",
    )


def refuse_same_return(current: Read, last: Read) -> None:
    """This year's return, or one of its files, given again as last year's is a mix-up,
    whatever the files' names.

    Judged only on files that hold rows: a council with no adoptions in either year has the
    same header-only AD1 file both years, which is normal.
    """
    shared = [digest for digest in last.filled if digest in current.filled]  # in file order
    if not shared:
        return
    if set(last.filled) == set(current.filled):
        pairs = [f"{last.filled[digest]} = {current.filled[digest]}" for digest in shared]
        shown = ", ".join(pairs[:3]) + (f" and {len(pairs) - 3} more" if len(pairs) > 3 else "")
        raise InputError(
            last.filled[shared[0]],
            "and the rest of last year's return are this year's return again: every file that "
            f"holds rows is identical to one of this year's ({shown})",
            expected="last year's return after --previous",
        )
    digest = shared[0]
    raise InputError(
        last.filled[digest],
        f"is the same file as {current.filled[digest]} (identical contents, with rows), given "
        "both as this year's return and with --previous",
        expected="last year's return after --previous",
    )


def previous_years(
    chosen: Collection,
    candidates: dict[str, TableSchema],
    previous: list[Path],
    year: str,
    current: Read,
) -> tuple[Read, list[tuple[str, Read]], list[str]]:
    """Last year's return, and earlier years' (latest first), from what --previous names.

    Each path given is recognised by its year, as this year's return is; a path whose year the
    data cannot tell (a header file alone) is last year's. Files of one year are one return, so
    two holding the same table are refused, as are a return of this year or a later one.
    """
    by_year: dict[str, list[Read]] = {}
    notes: list[str] = []
    last = previous_year(year)
    for path in previous:
        sources, found_notes = expand([path])
        notes += found_notes
        read = read_files([sniff(source) for source in sources], chosen, candidates)
        inferred = chosen.infer_year(read.found) if read.found else None
        by_year.setdefault(inferred[0] if inferred is not None else last, []).append(read)
    merged = {group: merge(reads) for group, reads in by_year.items()}
    # The same file as this year's is the plainer mistake: said before any year.
    every_year = {digest: file for read in merged.values() for digest, file in read.filled.items()}
    refuse_same_return(current, Read([], [], [], every_year))
    for group, read in merged.items():
        if group > last:
            year_mix_ups(chosen, year, None, [], read.found)  # says why, and stops
    earlier = sorted(
        ((group, read) for group, read in merged.items() if group != last), reverse=True
    )
    return merged.get(last, Read([], [], [])), earlier, notes


def earlier_note(earlier: list[tuple[str, Read]]) -> tuple[str, ...]:
    """The note naming the earlier years given, and their files."""
    if not earlier:
        return ()
    years = ", ".join(
        f"{year} ({len(read.inputs)} file{'s' if len(read.inputs) != 1 else ''})"
        for year, read in earlier
    )
    return (f"earlier years given with --previous, for the rules that look further back: {years}",)
