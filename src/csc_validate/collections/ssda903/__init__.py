"""The SSDA903 return (children looked after): its dates, XML, year and derived columns."""

from csc_validate.collection import Collection
from csc_validate.collections.ssda903 import examples, reference, xml_reader
from csc_validate.collections.ssda903.derive import derive
from csc_validate.collections.ssda903.year import infer_year
from csc_validate.readers.casting import DateFormat
from csc_validate.returns import ReturnFile, ReturnRequest

# DfE's XSD pattern for dates, in the XML and the CSV tables alike: dd/mm/yyyy.
DATE = DateFormat(pattern="%d/%m/%Y", shape=r"^\d{2}/\d{2}/\d{4}$", label="dd/mm/yyyy")


def write_return(request: ReturnRequest) -> list[ReturnFile]:
    """The return in DfE's XML; the writer is imported only when a return is written."""
    from csc_validate.collections.ssda903 import xml_writer

    return xml_writer.write(request, DATE)


COLLECTION = Collection(
    name="ssda903",
    title="the SSDA903 return (children looked after)",
    date_formats=(DATE,),
    infer_year=infer_year,
    write_examples=examples.write_examples,
    xml_readers={"EXPSSDA903": xml_reader.read},
    derive=derive,
    references=reference.sources,
    # DfE's upload takes every file, even one with no rows (DoLo from 2026-27).
    required_tables=(
        "Header",
        "Episodes",
        "Reviews",
        "UASC",
        "OC2",
        "OC3",
        "AD1",
        "PlacedAdoption",
        "PrevPerm",
        "Missing",
        "SWEpisodes",
        "DoLo",
    ),
    write_return=write_return,
    activity_dates={
        "Episodes": ("DECOM", "DEC"),
        "Reviews": ("REVIEW",),
        "Missing": ("MIS_START", "MIS_END"),
        "PlacedAdoption": ("DATE_PLACED", "DATE_PLACED_CEASED"),
        "SWEpisodes": ("SW_DECOM", "SW_DEC"),
        "DoLo": ("DOLO_START", "DOLO_END"),
    },
)
