"""Writes the CIN census XML from its tables: Message, Header (collection and source), Children."""

from collections import defaultdict

from lxml import etree

from csc_validate import __version__, schemas
from csc_validate.collections.cin.child_keys import KEY as RECORD_CHILD
from csc_validate.collections.cin.child_keys import UNTIED
from csc_validate.collections.cin.xml_mapping import (
    ASSESSMENT_ID,
    ASSESSMENT_ITEMS,
    ASSESSMENTS,
    CHARACTERISTICS_BLOCK,
    CHILD,
    CHILD_KEY,
    CHILDREN,
    CIN_DETAILS,
    CIN_DETAILS_SEQUENCE,
    CIN_ID,
    COLLECTION_DETAILS,
    COLLECTION_DETAILS_BLOCK,
    DISABILITIES,
    DISABILITY,
    ETHNICITY,
    FACTOR,
    FACTORS,
    HEADER,
    IDENTIFIERS,
    IDENTIFIERS_BLOCK,
    MESSAGE,
    PLAN_ID,
    PLAN_OF_PROTECTION_ITEMS,
    PROTECTION_PLANS,
    REVIEW_DATE,
    REVIEWS,
    SIMPLE_RECORDS,
    SOURCE,
    SOURCE_BLOCK,
)
from csc_validate.readers.casting import DateFormat
from csc_validate.returns import (
    ReturnFile,
    ReturnRequest,
    Unplaceable,
    UnwritableReturnError,
    refuse,
)
from csc_validate.returns.cells import cells
from csc_validate.returns.xml import item, serialise
from csc_validate.tables import LoadedTable

Row = dict[str, str | None]
Key = tuple[str | None, ...]
FACTORS_TABLE = "AssessmentFactorsList"
SHOWN = 5
# The year's XML schema, where one can be had: schemas/cin/<year>/census.xsd.
XSD = "census.xsd"
# Source values csc-validate fills when neither the user nor the extract gives them.
DEFAULT_SOURCE = {"SourceLevel": "L", "SoftwareCode": "csc-validate", "SerialNo": "001"}
# ReturnRequest.header keys, by the Source item they fill.
FROM_USER = {"LEA": "la_code", "SoftwareCode": "software_code", "SerialNo": "serial_number"}


def write(request: ReturnRequest, date_format: DateFormat) -> list[ReturnFile]:
    """The census as one XML file; raises UnwritableReturnError rather than lose a record."""
    tables = request.tables
    schema = schemas.load(tables.collection, tables.year)
    rows = {
        name: _rows(tables.tables[name], schema.tables[name], date_format)
        for name in schema.tables
        if name in tables
    }
    census = _Census(rows)
    root = etree.Element(MESSAGE)
    _header(root, request, rows.get(HEADER, []), schema.period.end.isoformat())
    children = etree.SubElement(root, CHILDREN)
    for identifiers in rows.get(IDENTIFIERS_BLOCK, []):
        census.child(children, identifiers)
    census.refuse_leftovers()
    return [ReturnFile(request.output, serialise(root), "the census", schema=XSD)]


def _rows(table: LoadedTable, schema: schemas.TableSchema, date_format: DateFormat) -> list[Row]:
    """The table's values as the XML spells them, with each record's child (ChildKey): records
    are placed under their child by that key, never by LAchildID, so that two children sharing an
    LAchildID, or both without one, stay two Child elements."""
    frame = cells(table, schema, date_format)
    if RECORD_CHILD in table.typed.columns:
        frame = frame.with_columns(table.typed.get_column(RECORD_CHILD))
    return frame.rows(named=True)


def _header(root: etree._Element, request: ReturnRequest, given: list[Row], end: str) -> None:
    """Collection details from the year; source values from the user, else the extract."""
    extract = given[0] if given else {}
    values: Row = {"Collection": "CIN", "Year": end[:4], "ReferenceDate": end}
    for name in SOURCE:
        chosen = request.header.get(FROM_USER.get(name, ""))
        values[name] = chosen or extract.get(name) or DEFAULT_SOURCE.get(name)
    values["Release"] = request.header.get("release") or extract.get("Release") or __version__
    # The same inputs must give the same bytes: the time is the user's, the extract's, or the
    # start of the reference date, never the clock's.
    values["DateTime"] = (
        request.header.get("created") or extract.get("DateTime") or f"{end}T00:00:00"
    )
    if not values["LEA"]:
        raise UnwritableReturnError(
            "the census header needs the council's 3-digit DfE LA number: give --la-code, "
            "or la-code in the [export] part of csc-validate.toml"
        )
    header = etree.SubElement(root, HEADER)
    for block, items in (
        (COLLECTION_DETAILS_BLOCK, COLLECTION_DETAILS),
        (SOURCE_BLOCK, SOURCE),
    ):
        element = etree.SubElement(header, block)
        for name in items:
            item(element, name, values[name], required=True)


# The columns that place each table's rows under their parent record; the child is the
# record's ChildKey (collections/cin/child_keys.py).
KEYS: dict[str, tuple[str, ...]] = {
    CHARACTERISTICS_BLOCK: (RECORD_CHILD,),
    DISABILITIES: (RECORD_CHILD,),
    CIN_DETAILS: (RECORD_CHILD,),
    ASSESSMENTS: (RECORD_CHILD, CIN_ID),
    FACTORS_TABLE: (RECORD_CHILD, CIN_ID, ASSESSMENT_ID),
    PROTECTION_PLANS: (RECORD_CHILD, CIN_ID),
    REVIEWS: (RECORD_CHILD, CIN_ID, PLAN_ID),
    **{table: (RECORD_CHILD, CIN_ID) for _, table, _ in SIMPLE_RECORDS},
}


class _Census:
    """The tables' rows by the keys that place them, taken as each is written."""

    def __init__(self, rows: dict[str, list[Row]]) -> None:
        self.rows = rows
        self.problems: list[Unplaceable] = []
        self.written_children: set[str | None] = set()
        self.groups = {table: _grouped(rows.get(table, []), keys) for table, keys in KEYS.items()}

    def take(self, table: str, key: Key, order: str | None = None) -> list[Row]:
        found = self.groups[table].pop(key, [])
        if order is None:
            return found
        numbers = [row.get(order) for row in found]
        if any(n is None or not n.isdigit() for n in numbers) or len(set(numbers)) < len(numbers):
            shown = ", ".join(n or "(blank)" for n in numbers)
            self.problems.append(
                Unplaceable(
                    table,
                    _named(table, key, found),
                    f"{order} {shown}: records under one parent need distinct whole numbers "
                    "to be placed",
                )
            )
            return found
        return sorted(found, key=lambda row: int(row[order] or 0))

    def child(self, children: etree._Element, identifiers: Row) -> None:
        child_id = identifiers.get(CHILD_KEY)
        record_child = identifiers.get(RECORD_CHILD)
        # Only CSV files can give one child twice: there LAchildID alone ties records to their
        # child, so two children with one ID could not be told apart.
        if record_child in self.written_children:
            self.problems.append(
                Unplaceable(
                    IDENTIFIERS_BLOCK,
                    ((CHILD_KEY, child_id),),
                    "is given twice; in CSV files the LA child ID is all that ties a child's "
                    "records to it",
                )
            )
            return
        self.written_children.add(record_child)
        key = (record_child,)
        child = etree.SubElement(children, CHILD)
        block = etree.SubElement(child, IDENTIFIERS_BLOCK)
        for name in IDENTIFIERS:
            item(block, name, identifiers.get(name), required=name == CHILD_KEY)
        characteristics = self.take(CHARACTERISTICS_BLOCK, key)
        if len(characteristics) > 1:
            self.problems.append(
                Unplaceable(
                    CHARACTERISTICS_BLOCK,
                    ((CHILD_KEY, child_id),),
                    f"has {len(characteristics)} rows; the XML holds one",
                )
            )
        block = etree.SubElement(child, CHARACTERISTICS_BLOCK)
        first = characteristics[0] if characteristics else {}
        item(block, ETHNICITY, first.get(ETHNICITY), required=True)
        disabilities = self.take(DISABILITIES, key)
        if disabilities:
            wrapper = etree.SubElement(block, DISABILITIES)
            for row in disabilities:
                item(wrapper, DISABILITY, row.get(DISABILITY), required=True)
        for details in self.take(CIN_DETAILS, key, order=CIN_ID):
            self._cin_details(child, details, (record_child, details.get(CIN_ID)))

    def _cin_details(self, child: etree._Element, details: Row, key: Key) -> None:
        element = etree.SubElement(child, CIN_DETAILS)
        for part in CIN_DETAILS_SEQUENCE:
            if part == ASSESSMENTS:
                for row in self.take(ASSESSMENTS, key, order=ASSESSMENT_ID):
                    self._assessment(element, row, (*key, row.get(ASSESSMENT_ID)))
            elif part == PROTECTION_PLANS:
                for row in self.take(PROTECTION_PLANS, key, order=PLAN_ID):
                    self._protection_plan(element, row, (*key, row.get(PLAN_ID)))
            elif records := [r for r in SIMPLE_RECORDS if r[0] == part]:
                name, table, items = records[0]
                for row in self.take(table, key):
                    record = etree.SubElement(element, name)
                    for column in items:
                        item(record, column, row.get(column))
            else:
                item(element, part, details.get(part))

    def _assessment(self, parent: etree._Element, row: Row, key: Key) -> None:
        element = etree.SubElement(parent, ASSESSMENTS)
        for name in ASSESSMENT_ITEMS:
            item(element, name, row.get(name))
        factors = self.take(FACTORS_TABLE, key)
        if factors:
            wrapper = etree.SubElement(element, FACTORS)
            for factor in factors:
                item(wrapper, FACTOR, factor.get(FACTOR), required=True)

    def _protection_plan(self, parent: etree._Element, row: Row, key: Key) -> None:
        element = etree.SubElement(parent, PROTECTION_PLANS)
        for name in PLAN_OF_PROTECTION_ITEMS:
            item(element, name, row.get(name))
        reviews = self.take(REVIEWS, key)
        if reviews:
            # One Reviews element holds every review date of the plan (the XSD allows one).
            wrapper = etree.SubElement(element, REVIEWS)
            for review in reviews:
                item(wrapper, REVIEW_DATE, review.get(REVIEW_DATE), required=True)

    def refuse_leftovers(self) -> None:
        """Rows whose parent record is not in the tables would be lost: say which, and stop."""
        for table, groups in self.groups.items():
            for key, rows in groups.items():
                problem = f"{len(rows)} row(s) with no parent record"
                if (key[0] or "").startswith(UNTIED):
                    problem += "; in CSV files a blank LA child ID ties a record to no child"
                self.problems.append(Unplaceable(table, _named(table, key, rows), problem))
        refuse(self.problems, SHOWN)


def _named(table: str, key: Key, rows: list[Row]) -> tuple[tuple[str, str | None], ...]:
    """The key's values with the names of the columns they come from, the child said by its
    LA child ID (the rows under one ChildKey share it), as the user knows the child."""
    child_id = rows[0].get(CHILD_KEY) if rows else None
    return ((CHILD_KEY, child_id), *zip(KEYS[table][1:], key[1:], strict=True))


def _grouped(rows: list[Row], keys: tuple[str, ...]) -> dict[Key, list[Row]]:
    grouped: dict[Key, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[tuple(row.get(key) for key in keys)].append(row)
    return grouped
