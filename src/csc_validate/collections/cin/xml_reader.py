"""Reads the CIN census XML (root Message) into one sheet per table, a child at a time."""

from pathlib import Path

from lxml import etree

from csc_validate.collections.cin.xml_mapping import (
    ASSESSMENT_ID,
    ASSESSMENT_ITEMS,
    ASSESSMENTS,
    CHARACTERISTICS_BLOCK,
    CHILD,
    CHILD_KEY,
    CHILDREN,
    CIN_DETAILS,
    CIN_ID,
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
    PLAN_ID,
    PLAN_OF_PROTECTION_ITEMS,
    PROTECTION_PLANS,
    REVIEW_DATE,
    REVIEWS,
    SIMPLE_RECORDS,
    SOURCE,
    SOURCE_BLOCK,
)
from csc_validate.readers.sheets import Sheet
from csc_validate.readers.xml_safety import open_batches, root_element

Element = etree._Element
Values = dict[str, str | None]
Nested = dict[str, list[Element]]


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
            census.root, census.root_line = census.name(root), root.sourceline or 1
        if root is not None:
            census.read_finished(root, parsed=False)
    if root is not None:
        census.read_finished(root, parsed=True)
    census.finish()
    return census.sheets(), census.notes()


class _Table:
    """The rows of one table, by column, with each row's line and XPath."""

    def __init__(self, columns: tuple[str, ...]) -> None:
        self.columns: dict[str, list[str | None]] = {name: [] for name in columns}
        self.lines: list[int] = []
        self.xpaths: list[str] = []

    def add(self, values: Values, element: Element, xpath: str) -> None:
        for name, cells in self.columns.items():
            cells.append(values.get(name))
        self.lines.append(element.sourceline or 0)
        self.xpaths.append(xpath)


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
        self.noted: dict[str, tuple[int, str]] = {}
        # One object per distinct value: codes and dates repeat across tens of thousands of rows.
        self.texts: dict[str, str] = {}

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

    def _read_children(self, children: Element, open_: bool) -> None:
        parts = [part for part in children if isinstance(part.tag, str)]
        if open_:
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
        elif name in self.seen_top:
            # NOTE: a second Children is still read (its children are data); a second Header is not.
            action = "only the first is read" if name == HEADER else "all are read"
            self._repeated(element, name, where, action)
        elif name == HEADER:
            self._read_header(element)
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
            header.columns = {name: [None] for name in header.columns}
            header.lines, header.xpaths = [self.root_line], [f"/{self.root}"]

    def sheets(self) -> list[Sheet]:
        return [
            Sheet(
                file=self.display,
                columns=table.columns,
                lines=table.lines,
                table=name,
                xpaths=table.xpaths,
                source_format="xml",
            )
            for name, table in self.tables.items()
        ]

    def notes(self) -> list[str]:
        return [text for _line, text in sorted(self.noted.values(), key=lambda note: note[0])]

    def _read_header(self, header: Element) -> None:
        where = f"{self.root}/{HEADER}"
        _, blocks = self._contents(header, where, single=(COLLECTION_DETAILS_BLOCK, SOURCE_BLOCK))
        values: Values = {}
        for block, items in (
            (COLLECTION_DETAILS_BLOCK, COLLECTION_DETAILS),
            (SOURCE_BLOCK, SOURCE),
        ):
            if blocks[block]:
                found, _ = self._contents(blocks[block][0], f"{where}/{block}", items=items)
                values.update(found)
        self.tables[HEADER].add(values, header, f"/{self.root}/{HEADER}")

    def _read_child(self, child: Element, path: str) -> None:
        where = f"{self.root}/{CHILDREN}/{CHILD}"
        _, blocks = self._contents(
            child,
            where,
            single=(IDENTIFIERS_BLOCK, CHARACTERISTICS_BLOCK),
            repeating=(CIN_DETAILS,),
        )
        identifiers: Values = {}
        if blocks[IDENTIFIERS_BLOCK]:
            block = blocks[IDENTIFIERS_BLOCK][0]
            identifiers, _ = self._contents(block, f"{where}/{IDENTIFIERS_BLOCK}", IDENTIFIERS)
            self.tables[IDENTIFIERS_BLOCK].add(identifiers, block, f"{path}/{IDENTIFIERS_BLOCK}")
        else:
            self.tables[IDENTIFIERS_BLOCK].add({}, child, path)
        keys: Values = {CHILD_KEY: identifiers.get(CHILD_KEY)}
        self._read_characteristics(blocks[CHARACTERISTICS_BLOCK], child, path, keys)
        for number, details in enumerate(blocks[CIN_DETAILS], start=1):
            episode = {**keys, CIN_ID: self._text(str(number))}
            self._read_cin_details(details, f"{path}/{CIN_DETAILS}[{number}]", episode)

    def _read_characteristics(
        self, found: list[Element], child: Element, path: str, keys: Values
    ) -> None:
        if not found:
            self.tables[CHARACTERISTICS_BLOCK].add(keys, child, path)
            return
        where = f"{self.root}/{CHILDREN}/{CHILD}/{CHARACTERISTICS_BLOCK}"
        path = f"{path}/{CHARACTERISTICS_BLOCK}"
        values, blocks = self._contents(found[0], where, (ETHNICITY,), single=(DISABILITIES,))
        self.tables[CHARACTERISTICS_BLOCK].add({**keys, **values}, found[0], path)
        if blocks[DISABILITIES]:
            _, items = self._contents(
                blocks[DISABILITIES][0], f"{where}/{DISABILITIES}", repeating=(DISABILITY,)
            )
            for number, item in enumerate(items[DISABILITY], start=1):
                values = {**keys, DISABILITY: self._leaf(item, f"{where}/{DISABILITIES}")}
                xpath = f"{path}/{DISABILITIES}/{DISABILITY}[{number}]"
                self.tables[DISABILITIES].add(values, item, xpath)

    def _read_cin_details(self, details: Element, path: str, episode: Values) -> None:
        where = f"{self.root}/{CHILDREN}/{CHILD}/{CIN_DETAILS}"
        values, records = self._contents(details, where, CIN_ITEMS, repeating=CIN_RECORDS)
        self.tables[CIN_DETAILS].add({**episode, **values}, details, path)
        for number, assessment in enumerate(records[ASSESSMENTS], start=1):
            keys = {**episode, ASSESSMENT_ID: self._text(str(number))}
            self._read_assessment(assessment, f"{path}/{ASSESSMENTS}[{number}]", keys)
        for element_name, table, items in SIMPLE_RECORDS:
            for number, record in enumerate(records[element_name], start=1):
                values, _ = self._contents(record, f"{where}/{element_name}", items)
                xpath = f"{path}/{element_name}[{number}]"
                self.tables[table].add({**episode, **values}, record, xpath)
        for number, plan in enumerate(records[PROTECTION_PLANS], start=1):
            keys = {**episode, PLAN_ID: self._text(str(number))}
            self._read_protection_plan(plan, f"{path}/{PROTECTION_PLANS}[{number}]", keys)

    def _read_assessment(self, assessment: Element, path: str, keys: Values) -> None:
        where = f"{self.root}/{CHILDREN}/{CHILD}/{CIN_DETAILS}/{ASSESSMENTS}"
        values, blocks = self._contents(assessment, where, ASSESSMENT_ITEMS, single=(FACTORS,))
        self.tables[ASSESSMENTS].add({**keys, **values}, assessment, path)
        if not blocks[FACTORS]:
            return
        where = f"{where}/{FACTORS}"
        factors = blocks[FACTORS][0]
        _, items = self._contents(factors, where, repeating=(FACTOR,))
        for number, item in enumerate(items[FACTOR], start=1):
            values = {**keys, FACTOR: self._leaf(item, where)}
            xpath = f"{path}/{FACTORS}/{FACTOR}[{number}]"
            self.tables["AssessmentFactorsList"].add(values, item, xpath)

    def _read_protection_plan(self, plan: Element, path: str, keys: Values) -> None:
        where = f"{self.root}/{CHILDREN}/{CHILD}/{CIN_DETAILS}/{PROTECTION_PLANS}"
        values, blocks = self._contents(plan, where, PLAN_OF_PROTECTION_ITEMS, repeating=(REVIEWS,))
        self.tables[PROTECTION_PLANS].add({**keys, **values}, plan, path)
        reviews = self.tables[REVIEWS]
        for number, review in enumerate(blocks[REVIEWS], start=1):
            _, dates = self._contents(review, f"{where}/{REVIEWS}", repeating=(REVIEW_DATE,))
            review_path = f"{path}/{REVIEWS}[{number}]"
            # NOTE: every date is read (the peer keeps only the first), and a Reviews without
            # one still gives a row, blank, for the missing-review-date rule to flag.
            if not dates[REVIEW_DATE]:
                reviews.add(keys, review, review_path)
            for index, date in enumerate(dates[REVIEW_DATE], start=1):
                value = self._leaf(date, f"{where}/{REVIEWS}")
                xpath = f"{review_path}/{REVIEW_DATE}[{index}]"
                reviews.add({**keys, REVIEW_DATE: value}, date, xpath)

    def _contents(
        self,
        element: Element,
        where: str,
        items: tuple[str, ...] = (),
        single: tuple[str, ...] = (),
        repeating: tuple[str, ...] = (),
    ) -> tuple[Values, Nested]:
        """The element's items as values, and its nested elements by name; the rest is noted.

        `where` is the element's path without positions (Message/Children/Child), which names a
        note once for the whole file. An item or single block that repeats is read once.
        """
        values: Values = dict.fromkeys(items)
        nested: Nested = {name: [] for name in (*single, *repeating)}
        seen: set[str] = set()
        for part in element:
            name = self.name(part)
            if name in nested:
                if name in single and nested[name]:
                    self._repeated(part, name, where, "only the first is read")
                else:
                    nested[name].append(part)
            elif name in values:
                if name in seen:
                    self._repeated(part, name, where, "only the first is read")
                else:
                    values[name] = self._leaf(part, where)
                    seen.add(name)
            elif name:
                self._unknown(part, name, where)
        return values, nested

    def _leaf(self, element: Element, where: str) -> str | None:
        """The element's text, stripped; an element within a value is noted, not read."""
        if len(element):
            for part in element:
                name = self.name(part)
                if name:
                    self._unknown(part, name, f"{where}/{self.name(element)}")
        text = element.text
        return self._text(text.strip()) if text is not None else None

    def _text(self, text: str) -> str | None:
        return self.texts.setdefault(text, text) if text else None

    def _unknown(self, element: Element, name: str, where: str) -> None:
        parent = where.rpartition("/")[2]
        self._note(
            f"{where}/{name}",
            element,
            f"element <{name}> inside <{parent}> is not part of the CIN census; ignored",
        )

    def _repeated(self, element: Element, name: str, where: str, action: str) -> None:
        parent = where.rpartition("/")[2]
        self._note(
            f"{where}/{name} repeated",
            element,
            f"element <{name}> appears more than once inside <{parent}>; {action}",
        )

    def _note(self, key: str, element: Element, text: str) -> None:
        """One note per key, at the line where it first applies."""
        if key not in self.noted:
            line = element.sourceline or 0
            self.noted[key] = (line, f"{self.display}, line {line}: {text}")


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]
