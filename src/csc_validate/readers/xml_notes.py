"""Notes on what an XML reader passes over: one per kind, naming every line it applies to."""

from lxml import etree

# Lines listed in a note; beyond them the note says how many more.
LISTED_LINES = 10


class ElementNotes:
    """One note per kind of oddity (an element the return does not have, an item given twice),
    at the line where it first appears, and naming each further line: every element passed
    over is named, so that rows in = rows read + rows named."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.noted: dict[str, tuple[str, list[int]]] = {}

    def add(self, key: str, element: etree._Element, text: str) -> None:
        line = element.sourceline or 0
        if key in self.noted:
            self.noted[key][1].append(line)
        else:
            self.noted[key] = (text, [line])

    def __contains__(self, key: str) -> bool:
        return key in self.noted

    def notes(self) -> list[str]:
        ordered = sorted(self.noted.values(), key=lambda note: note[1][0])
        return [self._render(text, lines) for text, lines in ordered]

    def _render(self, text: str, lines: list[int]) -> str:
        first, *others = lines
        note = f"{self.display}, line {first}: {text}"
        if others:
            listed = ", ".join(map(str, others[:LISTED_LINES]))
            beyond = len(others) - LISTED_LINES
            note += f"; again at line{'s' if len(others) > 1 else ''} {listed}"
            note += f" and {beyond} more" if beyond > 0 else ""
        return note
