"""Reads the CIN census XML (root Message) into one sheet per table, a child at a time."""

from pathlib import Path

from lxml import etree

from csc_validate.collections.cin.xml_mapping import (
    ASSESSMENT_ITEMS,
    ASSESSMENTS,
    CHARACTERISTICS_BLOCK,
    CHILD,
    CHILD_KEY,
    CHILDREN,
    CIN_DETAILS,
    CIN_ITEMS,
    CIN_RECORDS,
    COLLECTION_DETAILS,
    COLLECTION_DETAILS_BLOCK,
    COLUMNS,
    DISABILITIES,
    DISABILITY,
    ETHNICITY,
    FACTOR,
    FACTORS,
    HEADER,
    IDENTIFIERS,
    IDENTIFIERS_BLOCK,
    MESSAGE,
    PLAN_OF_PROTECTION_ITEMS,
    PROTECTION_PLANS,
    REVIEW_DATE,
    REVIEWS,
    SIMPLE_RECORDS,
    SOURCE,
    SOURCE_BLOCK,
)
from csc_validate.readers.sheets import Sheet
from csc_validate.readers.xml_notes import ElementNotes
from csc_validate.readers.xml_safety import open_batches, root_element

Element = etree._Element
Row = list[str | None]
FIRST_ONLY = "only the first is read"
ASSESSMENTS_SLOT = CIN_RECORDS.index(ASSESSMENTS)
PLANS_SLOT = CIN_RECORDS.index(PROTECTION_PLANS)
BLANK = object()
CHILD_PLACE = IDENTIFIERS.index(CHILD_KEY)


def read(path: Path, display: str) -> tuple[list[Sheet], list[str]]:
    """Flatten the census into its tables, with notes for the user on what was not read.

    Streamed: each Child is read once the parser has finished it, then dropped from memory, so
    memory grows with the tables' values only. Every table is returned, with its columns, even
    when it has no rows; PreProceedings too, whatever the year (its items are new in 2026-27),
    so that a rule on a table without rows runs rather than being skipped as missing. A file
    without a <Header> still gives one Header row, of blanks at the root element, for the
    header rules.
    """
    census = _Census(display)
    # Only the root gives an event: the rest is read from the tree after each chunk parsed.
    root_tag, _ = root_element(path, display)
    root: Element | None = None
    for batch in open_batches(path, display, events=("start",), tag=root_tag):
        if root is None and batch:
            root = batch[0][1]
            census.begin(root)
        if root is not None:
            census.read_finished(root, parsed=False)
    if root is not None:
        census.read_finished(root, parsed=True)
    census.finish()
    return census.sheets(), census.notes()


class _Shape:
    """What may appear directly inside one element: its items and its nested elements.

    Compiled once per file, so that reading an element is one dictionary look-up per part.
    `where` is the element's path without positions (Message/Children/Child), which names a
    note once for the whole file.
    """

    def __init__(
        self,
        where: str,
        items: tuple[str, ...] = (),
        single: tuple[str, ...] = (),
        repeating: tuple[str, ...] = (),
    ) -> None:
        self.where = where
        self.width = len(items)
        self.slots = range(len(single) + len(repeating))
        self.single = frozenset(range(len(single)))
        # An item's place in the row (0 and up), or a nested element's slot (-1 and down).
        self.places = {name: place for place, name in enumerate(items)}
        self.places.update({name: -1 - slot for slot, name in enumerate((*single, *repeating))})


class _Table:
    """The rows of one table, a row's cells after another, with each row's line and XPath.

    A row is the record's keys (LAchildID, then the IDs), then its items, as in COLUMNS.
    """

    def __init__(self, columns: tuple[str, ...]) -> None:
        self.names = columns
        self.cells: Row = []
        self.lines: list[int] = []
        self.xpaths: list[str] = []

    def add(self, row: Row, element: Element, xpath: str) -> None:
        self.cells.extend(row)
        self.lines.append(element.sourceline or 0)
        self.xpaths.append(xpath)

    def columns(self) -> dict[str, Row]:
        """The cells by column; the table's own list of cells is dropped as it is split."""
        cells, self.cells = self.cells, []
        width = len(self.names)
        return {name: cells[place::width] for place, name in enumerate(self.names)}


class _Census:
    """What has been read so far: the tables, the notes and the counters behind the IDs."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.root = MESSAGE
        self.root_line = 1
        self.tables = {name: _Table(columns) for name, columns in COLUMNS.items()}
        self.children = 0
        self.seen_top: set[str] = set()
        self.namespaces: set[str] = set()
        self.noted = ElementNotes(display)
        # One object per distinct value: codes and dates repeat across tens of thousands of rows.
        self.texts: dict[str, str] = {}
        self.numbers: list[str] = []
        self._compile()

    def begin(self, root: Element) -> None:
        """Start reading below this root element."""
        self.root, self.root_line = self.name(root), root.sourceline or 1
        self._compile()

    def _compile(self) -> None:
        # The shapes' paths name the root, so they are made again once the root is known.
        child = f"{self.root}/{CHILDREN}/{CHILD}"
        details = f"{child}/{CIN_DETAILS}"
        header = f"{self.root}/{HEADER}"
        self.header = _Shape(header, single=(COLLECTION_DETAILS_BLOCK, SOURCE_BLOCK))
        self.collection_details = _Shape(f"{header}/{COLLECTION_DETAILS_BLOCK}", COLLECTION_DETAILS)
        self.source = _Shape(f"{header}/{SOURCE_BLOCK}", SOURCE)
        self.child = _Shape(
            child, single=(IDENTIFIERS_BLOCK, CHARACTERISTICS_BLOCK), repeating=(CIN_DETAILS,)
        )
        self.identifiers = _Shape(f"{child}/{IDENTIFIERS_BLOCK}", IDENTIFIERS)
        characteristics = f"{child}/{CHARACTERISTICS_BLOCK}"
        self.characteristics = _Shape(characteristics, (ETHNICITY,), single=(DISABILITIES,))
        self.disabilities = _Shape(f"{characteristics}/{DISABILITIES}", repeating=(DISABILITY,))
        self.details = _Shape(details, CIN_ITEMS, repeating=CIN_RECORDS)
        assessments = f"{details}/{ASSESSMENTS}"
        self.assessment = _Shape(assessments, ASSESSMENT_ITEMS, single=(FACTORS,))
        self.factors = _Shape(f"{assessments}/{FACTORS}", repeating=(FACTOR,))
        self.records = [
            (
                element_name,
                CIN_RECORDS.index(element_name),
                self.tables[table],
                _Shape(f"{details}/{element_name}", items),
            )
            for element_name, table, items in SIMPLE_RECORDS
        ]
        plans = f"{details}/{PROTECTION_PLANS}"
        self.plan = _Shape(plans, PLAN_OF_PROTECTION_ITEMS, repeating=(REVIEWS,))
        self.reviews = _Shape(f"{plans}/{REVIEWS}", repeating=(REVIEW_DATE,))

    def name(self, element: Element | None) -> str:
        """The element's local name; a namespace is noted once, then ignored."""
        if element is None or not isinstance(element.tag, str):
            return ""
        tag = element.tag
        if tag[0] != "{":
            return tag
        namespace, _, local = tag[1:].partition("}")
        if namespace not in self.namespaces:
            self.namespaces.add(namespace)
            self._note(
                f"namespace {namespace}",
                element,
                f'the file declares the XML namespace "{namespace}" (on <{local}>), where '
                "DfE's CIN census XML has none; elements are read by their local names",
            )
        return local

    def read_finished(self, root: Element, parsed: bool) -> None:
        """Read, in document order, every element the parser has finished, and drop it.

        The units are those the census is read by: each element inside Children, then each
        element directly inside the root. Until the whole file is parsed, the last element at
        each of these levels may still be open, so it waits for the next call.
        """
        tops = [part for part in root if isinstance(part.tag, str)]
        for position, top in enumerate(tops):
            last = not parsed and position == len(tops) - 1
            if _local(top.tag) == CHILDREN:
                self._read_children(top, last)
            if last:
                return
            self.read_top(top)
            root.remove(top)

    def _read_children(self, children: Element, still_open: bool) -> None:
        parts = [part for part in children if isinstance(part.tag, str)]
        if still_open:
            parts = parts[:-1]
        for part in parts:
            # NOTE: named here, as each of its elements is read, so that a namespace note
            # falls where it did when the reader went by the parser's events.
            self.name(children)
            self.read_child_or_stray(part)
            children.remove(part)

    def read_top(self, element: Element) -> None:
        """An element directly inside the root: the Header, Children, or a stray."""
        name = self.name(element)
        where = self.root
        if name not in (HEADER, CHILDREN):
            self._unknown(element, name, where)
        elif name == HEADER:
            # NOTE: every Header is a row: two (last year's left in) stop the check unless
            # --year says which is meant, and the year's reading does that, naming both lines.
            self._read_header(element)
        elif name in self.seen_top:
            self._repeated(element, name, where, "all are read")
        self.seen_top.add(name)

    def read_child_or_stray(self, element: Element) -> None:
        """An element directly inside Children: a Child, or a stray to note."""
        name = self.name(element)
        if name == CHILD:
            self.children += 1
            self._read_child(element, f"/{self.root}/{CHILDREN}/{CHILD}[{self.children}]")
        else:
            self._unknown(element, name, f"{self.root}/{CHILDREN}")

    def finish(self) -> None:
        """A census without a Header gets a blank one, at the root, for the header rules."""
        if HEADER not in self.seen_top:
            header = self.tables[HEADER]
            header.cells = [None] * len(header.names)
            header.lines, header.xpaths = [self.root_line], [f"/{self.root}"]

    def sheets(self) -> list[Sheet]:
        return [
            Sheet(
                file=self.display,
                columns=table.columns(),
                lines=table.lines,
                table=name,
                xpaths=table.xpaths,
                source_format="xml",
            )
            for name, table in self.tables.items()
        ]

    def notes(self) -> list[str]:
        return self.noted.notes()

    def _read_header(self, header: Element) -> None:
        _, blocks = self._contents(header, self.header)
        row: Row = []
        for found, shape in zip(blocks, (self.collection_details, self.source), strict=True):
            if found:
                values, _ = self._contents(found[0], shape)
                row += values
            else:
                row += [None] * shape.width
        number = len(self.tables[HEADER].lines) + 1
        position = f"[{number}]" if number > 1 else ""
        self.tables[HEADER].add(row, header, f"/{self.root}/{HEADER}{position}")

    def _read_child(self, child: Element, path: str) -> None:
        _, (identifiers, characteristics, episodes) = self._contents(child, self.child)
        table = self.tables[IDENTIFIERS_BLOCK]
        if identifiers:
            values, _ = self._contents(identifiers[0], self.identifiers)
            table.add(values, identifiers[0], f"{path}/{IDENTIFIERS_BLOCK}")
            child_id = values[CHILD_PLACE]
        else:
            table.add([None] * self.identifiers.width, child, path)
            child_id = None
        self._read_characteristics(characteristics, child, path, child_id)
        for number, details in enumerate(episodes, start=1):
            episode = [child_id, self._number(number)]
            self._read_cin_details(details, f"{path}/{CIN_DETAILS}[{number}]", episode)

    def _read_characteristics(
        self, found: list[Element], child: Element, path: str, child_id: str | None
    ) -> None:
        table = self.tables[CHARACTERISTICS_BLOCK]
        if not found:
            table.add([child_id, None], child, path)
            return
        path = f"{path}/{CHARACTERISTICS_BLOCK}"
        values, (disabilities,) = self._contents(found[0], self.characteristics)
        table.add([child_id, *values], found[0], path)
        if disabilities:
            _, (items,) = self._contents(disabilities[0], self.disabilities)
            table = self.tables[DISABILITIES]
            where = self.disabilities.where
            for number, item in enumerate(items, start=1):
                xpath = f"{path}/{DISABILITIES}/{DISABILITY}[{number}]"
                table.add([child_id, self._leaf(item, where)], item, xpath)

    def _read_cin_details(self, details: Element, path: str, episode: Row) -> None:
        values, records = self._contents(details, self.details)
        self.tables[CIN_DETAILS].add(episode + values, details, path)
        for number, assessment in enumerate(records[ASSESSMENTS_SLOT], start=1):
            keys = [*episode, self._number(number)]
            self._read_assessment(assessment, f"{path}/{ASSESSMENTS}[{number}]", keys)
        for element_name, slot, table, shape in self.records:
            for number, record in enumerate(records[slot], start=1):
                values, _ = self._contents(record, shape)
                table.add(episode + values, record, f"{path}/{element_name}[{number}]")
        for number, plan in enumerate(records[PLANS_SLOT], start=1):
            keys = [*episode, self._number(number)]
            self._read_protection_plan(plan, f"{path}/{PROTECTION_PLANS}[{number}]", keys)

    def _read_assessment(self, assessment: Element, path: str, keys: Row) -> None:
        values, (factors,) = self._contents(assessment, self.assessment)
        self.tables[ASSESSMENTS].add(keys + values, assessment, path)
        if not factors:
            return
        _, (items,) = self._contents(factors[0], self.factors)
        table = self.tables["AssessmentFactorsList"]
        where = self.factors.where
        for number, item in enumerate(items, start=1):
            xpath = f"{path}/{FACTORS}/{FACTOR}[{number}]"
            table.add([*keys, self._leaf(item, where)], item, xpath)

    def _read_protection_plan(self, plan: Element, path: str, keys: Row) -> None:
        values, (reviews,) = self._contents(plan, self.plan)
        self.tables[PROTECTION_PLANS].add(keys + values, plan, path)
        table = self.tables[REVIEWS]
        where = self.reviews.where
        for number, review in enumerate(reviews, start=1):
            _, (dates,) = self._contents(review, self.reviews)
            review_path = f"{path}/{REVIEWS}[{number}]"
            # NOTE: every date is read (the peer keeps only the first), and a Reviews without
            # one still gives a row, blank, for the missing-review-date rule to flag.
            if not dates:
                table.add([*keys, None], review, review_path)
            for index, date in enumerate(dates, start=1):
                xpath = f"{review_path}/{REVIEW_DATE}[{index}]"
                table.add([*keys, self._leaf(date, where)], date, xpath)

    def _contents(self, element: Element, shape: _Shape) -> tuple[Row, list[list[Element]]]:
        """The element's items as values, and its nested elements by slot; the rest is noted.

        An item or single nested element that repeats is read once.
        """
        # NOTE: the hot loop of the reader, kept to a few steps per element: an item read is
        # marked BLANK until the end, so that a repeat of a blank item is still noted.
        values: list[str | object | None] = [None] * shape.width
        nested: list[list[Element]] = [[] for _ in shape.slots]
        places = shape.places
        texts = self.texts
        blanks = False
        for part in element:
            tag = part.tag
            place = places.get(tag)
            if place is None:
                if type(tag) is not str:
                    continue
                if tag[0] == "{":
                    tag = self.name(part)
                    place = places.get(tag)
                if place is None:
                    self._unknown(part, tag, shape.where)
                    continue
            if place >= 0:
                if values[place] is not None:
                    self._repeated(part, tag, shape.where, FIRST_ONLY)
                    continue
                if len(part):
                    self._inside_value(part, tag, shape.where)
                text = part.text
                if text is not None and (value := text.strip()):
                    if len(value) != len(text):
                        self._spaced(part, tag, shape.where, text)
                    values[place] = texts.setdefault(value, value)
                else:
                    values[place] = BLANK
                    blanks = True
            else:
                slot = -1 - place
                if nested[slot] and slot in shape.single:
                    self._repeated(part, tag, shape.where, FIRST_ONLY)
                else:
                    nested[slot].append(part)
        if blanks:
            return [None if value is BLANK else value for value in values], nested  # type: ignore[misc]
        return values, nested  # type: ignore[return-value]

    def _leaf(self, element: Element, where: str) -> str | None:
        """The element's text, stripped; an element within a value is noted, not read."""
        if len(element):
            self._inside_value(element, _local(element.tag), where)
        text = element.text
        if text is None:
            return None
        value = text.strip()
        if value and len(value) != len(text):
            self._spaced(element, _local(element.tag), where, text)
        return self._text(value)

    def _inside_value(self, element: Element, name: str, where: str) -> None:
        for part in element:
            inner = self.name(part)
            if inner:
                self._unknown(part, inner, f"{where}/{name}")

    def _number(self, number: int) -> str:
        """An ID counted in document order, as text: one object per number."""
        while number >= len(self.numbers):
            self.numbers.append(str(len(self.numbers)))
        return self.numbers[number]

    def _text(self, text: str) -> str | None:
        return self.texts.setdefault(text, text) if text else None

    def _unknown(self, element: Element, name: str, where: str) -> None:
        parent = where.rpartition("/")[2]
        self._note(
            f"{where}/{name}",
            element,
            f"element <{name}> inside <{parent}> is not part of the CIN census; ignored",
        )

    def _spaced(self, element: Element, name: str, where: str, text: str) -> None:
        """Spaces around a value are dropped; said once per item, at its first such value."""
        self._note(
            f"{where}/{name} spaces",
            element,
            f'<{name}> "{text}" is written with spaces around the value; such values of '
            f"<{name}> are read without the spaces, as DfE's codes and IDs have none",
        )

    def _repeated(self, element: Element, name: str, where: str, action: str) -> None:
        parent = where.rpartition("/")[2]
        self._note(
            f"{where}/{name} repeated",
            element,
            f"element <{name}> appears more than once inside <{parent}>; {action}",
        )

    def _note(self, key: str, element: Element, text: str) -> None:
        """One note per key, at the line where it first applies, naming the others."""
        self.noted.add(key, element, text)


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]
