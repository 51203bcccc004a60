"""The contract every collection (a DfE return such as SSDA903 or the CIN census) fulfils.

The engine, readers and reports are generic; each collection's package under `collections/`
fills one `Collection` and the registry there lists them. Nothing outside those packages names
a collection.
"""

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from csc_validate.periods import FINANCIAL_YEAR, Period, year_named
from csc_validate.readers.casting import DateFormat
from csc_validate.readers.detect import Detected
from csc_validate.readers.sheets import Sheet
from csc_validate.reference import ReferenceRequest, References, ReferenceSource
from csc_validate.returns import ReturnFile, ReturnRequest
from csc_validate.subject import CHILD, Subject
from csc_validate.tables import LoadedTable, Tables

# Reads one XML return: (path, name as the user gave it) -> (sheets, notes for the user).
XmlReader = Callable[[Path, str], tuple[list[Sheet], list[str]]]
# Adds columns DfE derives on load: ({table: typed frame}, {table: source format}) -> frames.
Derive = Callable[[dict[str, pl.DataFrame], dict[str, str]], dict[str, pl.DataFrame]]
# Writes the return DfE takes from loaded tables: the files, not yet on disk.
ReturnWriter = Callable[[ReturnRequest], list[ReturnFile]]


@dataclass(frozen=True)
class XmlIdentity:
    """How a collection's XML return is told from other XML with the same root element."""

    # The root's XML namespace; "" for none, as DfE's returns have.
    namespace: str = ""
    # For a root that other returns share (<Message> is the root of DfE's other COLLECT
    # returns too): the item below the root that names the return, and the name it holds.
    header: tuple[str, ...] = ()
    name: str = ""


@dataclass(frozen=True)
class ExampleRequest:
    """What `example-data` asks a collection to write."""

    out: Path
    children: int
    seed: int
    year: str
    error_rate: float


# The reference data a collection's rules may ask for, from what the user gave; the return's
# tables let a source load only the part of a large data set that the return uses.
ReferenceSources = Callable[[ReferenceRequest, Tables], Mapping[str, ReferenceSource]]


def no_reference_data(request: ReferenceRequest, tables: Tables) -> Mapping[str, ReferenceSource]:
    return {}


def nothing_to_settle(found: list[Detected], year: str) -> tuple[list[Detected], list[str]]:
    return found, []


def no_derivation(
    frames: dict[str, pl.DataFrame], formats: dict[str, str]
) -> dict[str, pl.DataFrame]:
    return frames


def no_load_notes(loaded: dict[str, LoadedTable]) -> list[str]:
    return []


@dataclass(frozen=True)
class Collection:
    """A DfE collection: its tables live in schemas/<name>/, its rules in rules/<name>/."""

    name: str
    title: str
    # Accepted date spellings, the one DfE asks for first (used in messages).
    date_formats: tuple[DateFormat, ...]
    # The collection year the data describe, with why, or None when the data cannot tell.
    infer_year: Callable[[list[Detected]], tuple[str, str] | None]
    # Writes a synthetic return for `example-data`; returns lines describing what was written.
    # None for a collection without a generator: `example-data` says so.
    write_examples: Callable[[ExampleRequest], list[str]] | None = None
    # XML returns by root element.
    xml_readers: Mapping[str, XmlReader] = field(default_factory=dict)
    # What else tells the return's XML by root element (default: no namespace, no header).
    xml_identities: Mapping[str, XmlIdentity] = field(default_factory=dict)
    derive: Derive = no_derivation
    # Notes on what the loaded tables hold that the user should know (CIN: blank record IDs).
    load_notes: Callable[[dict[str, LoadedTable]], list[str]] = no_load_notes
    # Where in the data the year is read from, for the message when it cannot be.
    year_from: str = "the data"
    # Once the year is known (given with --year), what of the data belongs to it, with notes:
    # (found tables, year) -> (tables kept, notes).
    settle_year: Callable[[list[Detected], str], tuple[list[Detected], list[str]]] = (
        nothing_to_settle
    )
    references: ReferenceSources = no_reference_data
    # A note on the reference data the user gave, when it does not seem to fit the return
    # (an --la most home postcodes lie outside), or None.
    reference_note: Callable[[ReferenceRequest, Tables, References], str | None] | None = None
    # The tables a complete return holds (those in a year's schema): without one of them the
    # check is incomplete (exit 2) unless the user asks for a partial check.
    required_tables: tuple[str, ...] = ()
    write_return: ReturnWriter | None = None
    # What `example-data --out` names: a folder or a file.
    example_out: str = "folder"
    # The period a collection year covers: "2025-26" -> its first and last day (a workforce
    # census would run to 30 September). Ask `collections.period` for it, which also takes
    # --as-at.
    period: Callable[[str], Period] = FINANCIAL_YEAR
    # The day an extract says it was taken on, with where it says so, if its files say (the CIN
    # census header's ReferenceDate): a day before the year's end makes it a year-to-date check.
    extract_date: Callable[[Tables], tuple[dt.date, str] | None] | None = None
    # The date columns that record something happening, by table: an extract whose latest such
    # date is well before the year's end gets a note suggesting --as-at.
    activity_dates: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Whom a row is about, as reports and messages name them.
    subject: "Subject" = field(default_factory=lambda: CHILD)
    # Where the collection's schemas/<year>/ and rules/<year>/ folders are, when they are not
    # csc-validate's own (a collection from another package).
    schemas_dir: Path | None = None
    rules_dir: Path | None = None

    def year_containing(self, day: dt.date) -> str:
        """The collection year whose period contains `day`."""
        for first in (day.year - 1, day.year, day.year + 1):
            whole = self.period(year_named(first))
            if whole.start <= day <= whole.end:
                return whole.year
        raise ValueError(f"no {self.name} collection year contains {day:%d/%m/%Y}")
