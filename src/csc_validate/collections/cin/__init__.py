"""The CIN census (children in need): its dates, XML, year and example data."""

import datetime as dt
from pathlib import Path

from csc_validate.collection import Collection, XmlIdentity
from csc_validate.collections.cin import child_keys, examples
from csc_validate.collections.cin.dates import DATE_FORMATS, ISO_DATE
from csc_validate.collections.cin.year import infer_year, keep_year_header
from csc_validate.readers.sheets import Sheet
from csc_validate.returns import ReturnFile, ReturnRequest
from csc_validate.tables import Tables


def read_xml(path: Path, display: str) -> tuple[list[Sheet], list[str]]:
    """The census XML as sheets; the reader is imported only when a census is read."""
    from csc_validate.collections.cin import xml_reader

    return xml_reader.read(path, display)


def write_return(request: ReturnRequest) -> list[ReturnFile]:
    """The census XML; the writer is imported only when a census is written."""
    from csc_validate.collections.cin import xml_writer

    return xml_writer.write(request, ISO_DATE)


def reference_date(tables: Tables) -> tuple[dt.date, str] | None:
    """The header's ReferenceDate: the day a census extract is as at (31 March for the return)."""
    if "Header" not in tables:
        return None
    days = tables.typed("Header")["ReferenceDate"].drop_nulls()
    return (days[0], f"the header's ReferenceDate is {days[0]:%d/%m/%Y}") if len(days) else None


COLLECTION = Collection(
    name="cin",
    title="the CIN census (children in need)",
    date_formats=DATE_FORMATS,
    infer_year=infer_year,
    year_from="the Header's Year, else its ReferenceDate",
    settle_year=keep_year_header,
    write_examples=examples.write_examples,
    xml_readers={"Message": read_xml},
    xml_identities={
        "Message": XmlIdentity(header=("Header", "CollectionDetails", "Collection"), name="CIN")
    },
    derive=child_keys.derive,
    load_notes=child_keys.untied_notes,
    example_out="file",
    # The census XML holds every table (read even without rows); CSV extracts may lack some.
    required_tables=(
        "Header",
        "ChildIdentifiers",
        "ChildCharacteristics",
        "Disabilities",
        "CINdetails",
        "Assessments",
        "AssessmentFactorsList",
        "CINplanDates",
        "Section47",
        "ChildProtectionPlans",
        "Reviews",
        "PreProceedings",
    ),
    write_return=write_return,
    extract_date=reference_date,
    activity_dates={
        "CINdetails": ("CINreferralDate", "CINclosureDate", "DateOfInitialCPC"),
        "Assessments": ("AssessmentActualStartDate", "AssessmentAuthorisationDate"),
        "CINplanDates": ("CINPlanStartDate", "CINPlanEndDate"),
        "Section47": ("S47ActualStartDate", "DateOfInitialCPC"),
        "ChildProtectionPlans": ("CPPstartDate", "CPPendDate"),
        "Reviews": ("CPPreviewDate",),
        "PreProceedings": ("PPStartDate", "StepDecisionDate"),
    },
)
