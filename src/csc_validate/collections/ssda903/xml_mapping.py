"""Where each SSDA903 table lives in DfE's XML: the one mapping the reader and the writer share.

Element names and order follow DfE's CLA XSD ("Expanded SSDA903 Return", formats.md §1.2); the
order matters because the XSD uses xs:sequence.
"""

from dataclasses import dataclass

ROOT = "EXPSSDA903"
CHILD = "CHILD"
HEADER = "HEADER"
EPISODE = "EPISODE"

# Element names are the CSV column names except these two (DfE CLA XSD).
RENAMED = {"CHILDID": "CHILD", "PL": "PLACE"}
ELEMENT_OF = {column: element for element, column in RENAMED.items()}


@dataclass(frozen=True)
class Record:
    """A repeated element holding one row of a table; `required` items are written even blank."""

    element: str
    table: str
    items: tuple[str, ...]
    required: tuple[str, ...] = ()


# Records nested in HEADER, each a row of its own table carrying the child's CHILD and DOB.
MISSING = Record(
    "AMISSING", "Missing", ("MISSING", "MIS_START", "MIS_END"), ("MISSING", "MIS_START")
)
REVIEW = Record("AREVIEW", "Reviews", ("REVIEW", "REVIEW_CODE"), ("REVIEW", "REVIEW_CODE"))
PERMANENCE = Record("PERMANENCE", "PrevPerm", ("PREV_PERM", "LA_PERM", "DATE_PERM"))
OC2 = Record(
    "OC2",
    "OC2",
    (
        "SDQ_SCORE",
        "SDQ_REASON",
        "CONVICTED",
        "HEALTH_CHECK",
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE",
        "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED",
    ),
)
PLACED = Record(
    "AD_PLACED",
    "PlacedAdoption",
    ("DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"),
    ("DATE_PLACED",),
)
NESTED = (MISSING, REVIEW, PERMANENCE, OC2, PLACED)
HEADER_RECORDS = {record.element: record.table for record in NESTED}

# Tables whose items sit directly in HEADER: a row exists when any of its items is present.
HEADER_GROUPS = {
    "UASC": ("DUC",),
    "OC3": ("IN_TOUCH", "ACTIV", "ACCOM"),
    "AD1": ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"),
}
HEADER_COLUMNS = ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB", "UASC")
CARRIED = {"UASC": ("CHILD", "SEX", "DOB"), "OC3": ("CHILD", "DOB"), "AD1": ("CHILD", "DOB")}

# HEADER's contents in XSD order: an item (by column name) or a nested record.
HEADER_SEQUENCE: tuple[str | Record, ...] = (
    "CHILD",
    "UPN",
    "SEX",
    "DOB",
    "ETHNIC",
    "UASC",
    "DUC",
    *HEADER_GROUPS["AD1"],
    *HEADER_GROUPS["OC3"],
    MISSING,
    REVIEW,
    "MOTHER",
    "MC_DOB",
    PERMANENCE,
    OC2,
    PLACED,
)
# Items the XSD requires in HEADER: written even when blank.
HEADER_REQUIRED = ("CHILD", "UPN", "SEX", "DOB", "ETHNIC", "UASC")
EPISODE_RECORD = Record(
    EPISODE,
    "Episodes",
    (
        "DECOM",
        "RNE",
        "LS",
        "CIN",
        "PLACE",
        "PL_POST",
        "HOME_POST",
        "URN",
        "PLACE_PROVIDER",
        "DEC",
        "REC",
        "REASON_PLACE_CHANGE",
    ),
    # NOTE: DEC and REC must be present on every episode, empty while it is open (DfE CLA XSD).
    ("DECOM", "RNE", "LS", "CIN", "PLACE", "DEC", "REC"),
)

# Social-worker episodes: from 2023-24 DfE asks for them in a file of their own, under its
# separate social worker XML schema; each child there has its id, date of birth and records.
SW_RECORD = Record(
    "SW_EPISODE",
    "SWEpisodes",
    ("SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"),
    ("SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"),
)
SW_IDENTITY = ("CHILD", "DOB")
# What identifies the child in a social-worker file: the rest of its header is the return's.
IDENTITY = set(SW_IDENTITY)
# Every table a return's children give, with or without rows: a table without rows is there.
RETURN_TABLES = ("Header", "Episodes", *HEADER_RECORDS.values(), *HEADER_GROUPS)
# Every column a record's element can hold: a table read from XML has them all, even when no
# record in the file writes an optional one.
RECORD_COLUMNS = {record.element: record.items for record in (*NESTED, EPISODE_RECORD, SW_RECORD)}


def element(column: str) -> str:
    """The XML element holding a table column."""
    return ELEMENT_OF.get(column, column)
