"""Streamed XML parsing that refuses document type declarations and never fetches or expands."""

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from csc_validate.errors import InputError

DOCTYPE_PROBLEM = (
    "has a document type declaration (<!DOCTYPE>), which DfE returns never contain; "
    "refused for safety"
)
DOCTYPE_EXPECTED = "the XML declaration, then the root element, with no <!DOCTYPE> between"
CHUNK = 64 * 1024
# What lxml's iterparse reads at a time.
PARSE_CHUNK = 32 * 1024
# The XML specification's appendix F: the first bytes tell the encoding well enough to find
# "<!DOCTYPE" in the prolog. Anything else is ASCII-compatible, so latin-1 decodes its markup.
SIGNATURES = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xfe\xff", "utf-16"),
    (b"\xff\xfe", "utf-16"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"\x4c\x6f\xa7\x94", "cp500"),
)
WHITESPACE = " \t\r\n"
HUGE_HINT = re.compile(r",? *(use|try) XML_PARSE_HUGE( option)?")
TAG_MISMATCH = re.compile(r"Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)")


def open_events(
    path: Path, display: str, events: tuple[str, ...] = ("start", "end")
) -> Iterator[tuple[str, etree._Element]]:
    """Yield lxml iterparse (event, element) pairs for the file, parsed safely.

    The parser loads no DTD, resolves no entity, uses no network and keeps libxml2's limits on
    depth and text size. A file with a <!DOCTYPE> is refused before parsing, and malformed XML
    raises an InputError naming the line and column. Both are raised by the first next().
    Elements stay in the tree until the caller clears them.
    """
    for batch in open_batches(path, display, events):
        yield from batch


def open_batches(
    path: Path, display: str, events: tuple[str, ...] = ("start", "end"), tag: str | None = None
) -> Iterator[list[tuple[str, etree._Element]]]:
    """Parse the file safely as open_events does, yielding the events of each chunk read.

    A list is yielded after every chunk, empty when the chunk completed no event, so that the
    caller can free what the parser has finished with even while `tag` filters out every event.
    Only the elements named `tag` give events (all elements when None): for lxml, an event is
    costly, and a walk of an element's finished subtree is not.
    """
    try:
        stream = path.open("rb")
    except OSError as error:
        raise InputError(display, f"cannot be read: {error.strerror}") from None
    with stream:
        line = _doctype_line(stream, display)
        if line is not None:
            raise InputError(display, DOCTYPE_PROBLEM, line=line, expected=DOCTYPE_EXPECTED)
        stream.seek(0)
        etree.clear_error_log()
        # Fed by hand, as lxml's iterparse feeds its parser, from a file object rather than
        # the path: given a path, libxml2 would quietly gunzip the file.
        parser = etree.XMLPullParser(
            events,
            tag=tag,
            base_url=str(path),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
        )
        done = parser.read_events()
        first = True
        while True:
            failure: etree.XMLSyntaxError | None = None
            try:
                data = stream.read(PARSE_CHUNK)
                if data:
                    parser.feed(data)
                else:
                    parser.close()
            except etree.XMLSyntaxError as error:
                failure = error
            except OSError as error:
                raise InputError(display, f"cannot be read: {error.strerror}") from None
            # The events before a fault are given first, as iterparse does.
            batch = list(done)
            # A second guard, for an encoding the prolog scan does not decode (UTF-7, say):
            # the parser has read the DTD, but used none of it, by the first event.
            if first and batch:
                if batch[0][1].getroottree().docinfo.doctype:
                    raise InputError(display, DOCTYPE_PROBLEM, expected=DOCTYPE_EXPECTED)
                first = False
            yield batch
            if failure is not None:
                raise _syntax_error(failure, display, _last_line(stream)) from None
            if not data:
                return


def root_element(path: Path, display: str) -> tuple[str, int]:
    """The root element's tag (with its namespace, as lxml writes it) and line.

    Parses only as far as the root's start tag (and the rest of the chunk being read).
    """
    events = open_events(path, display, events=("start",))
    try:
        for _event, element in events:
            return str(element.tag), element.sourceline or 1
    finally:
        events.close()
    raise InputError(display, "has no root element", expected="an XML document")


def header_item(path: Path, display: str, route: tuple[str, ...]) -> tuple[str, int] | None:
    """The text and line of the element at `route` below the root (local names), reading no
    further than the end of the root's first child; None when the file has no such element
    there, or breaks before it (the reader then says where)."""
    events = open_events(path, display)
    trail: list[str] = []
    try:
        for event, element in events:
            name = etree.QName(element).localname
            if event == "start":
                trail.append(name)
                if len(trail) == 2 and name != route[0]:
                    return None  # the root's first child is not the header
                continue
            if trail[1:] == list(route):
                return (element.text or "").strip(), element.sourceline or 1
            trail.pop()
            if len(trail) <= 1:
                return None  # the header (or the root) ended without the item
    except InputError:
        return None
    finally:
        events.close()
    return None


def _doctype_line(stream: BinaryIO, display: str) -> int | None:
    """The line of a <!DOCTYPE in the prolog, reading no further than the first element."""
    try:
        prolog = _Prolog(stream)
        while True:
            prolog.skip_whitespace()
            if prolog.starts_with("<?"):
                prolog.skip_past("?>")
            elif prolog.starts_with("<!--"):
                prolog.skip_past("-->")
            else:
                # XML spells it in capitals; any spelling is refused.
                return prolog.line if prolog.starts_with("<!doctype", fold=True) else None
    except OSError as error:
        raise InputError(display, f"cannot be read: {error.strerror}") from None


class _Prolog:
    """The decoded head of a file, read a chunk at a time and dropped as it is passed."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        head = stream.read(4)
        encoding = next((name for sign, name in SIGNATURES if head.startswith(sign)), "latin-1")
        self.decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        self.text = self.decoder.decode(head)
        self.position = 0
        self.line = 1
        self.ended = False

    def _read(self) -> bool:
        """Append the next chunk, dropping what has been passed; False at the end of the file."""
        if self.ended:
            return False
        data = self.stream.read(CHUNK)
        self.ended = not data
        self.text = self.text[self.position :] + self.decoder.decode(data, final=self.ended)
        self.position = 0
        return not self.ended

    def _advance(self, to: int) -> None:
        self.line += self.text.count("\n", self.position, to)
        self.position = to

    def skip_whitespace(self) -> None:
        while True:
            rest = self.text[self.position :]
            self._advance(self.position + len(rest) - len(rest.lstrip(WHITESPACE)))
            if self.position < len(self.text) or not self._read():
                return

    def starts_with(self, marker: str, fold: bool = False) -> bool:
        while len(self.text) - self.position < len(marker) and self._read():
            pass
        head = self.text[self.position : self.position + len(marker)]
        return (head.lower() if fold else head) == marker

    def skip_past(self, terminator: str) -> None:
        while True:
            found = self.text.find(terminator, self.position)
            if found >= 0:
                self._advance(found + len(terminator))
                return
            # Keep a partial terminator that may end this chunk and finish in the next.
            self._advance(max(self.position, len(self.text) - len(terminator) + 1))
            if not self._read():
                return


def _last_line(stream: BinaryIO) -> int | None:
    """The number of the file's last line, or None when it cannot be read again."""
    try:
        stream.seek(0)
        breaks = 0
        while chunk := stream.read(CHUNK):
            breaks += chunk.count(b"\n")
    except (OSError, ValueError):
        return None
    return breaks + 1


def _syntax_error(
    error: etree.XMLSyntaxError, display: str, last_line: int | None = None
) -> InputError:
    """The parser's fatal error as one line, with what was expected where it is clear."""
    message = re.sub(r", line \d+, column \d+$", "", error.msg or "")
    line, column = error.position
    if not line:
        # NOTE: after some fatal errors lxml reports only a summary ("no element found") at
        # line 0; the error log, cleared when parsing began, holds the real error.
        fatal = [entry for entry in error.error_log if entry.level == etree.ErrorLevels.FATAL]
        if fatal:
            message, line, column = fatal[-1].message, fatal[-1].line, fatal[-1].column
    # The parser's own options are not the user's to set.
    message = HUGE_HINT.sub("", message).strip() or "unreadable"
    explanation, expected = _explain(message)
    if explanation == message and line and last_line and line >= last_line:
        # An error on the last line, with no reading of its own: a file cut off mid-element.
        explanation, expected = _explain("Premature end of data")
    if not line:
        return InputError(display, f"is not well-formed XML: {explanation}", expected=expected)
    problem = f"is not well-formed XML at column {column}: {message}"
    if explanation != message:
        problem += f"; {explanation}"
    return InputError(display, problem, line=line, expected=expected)


def _explain(message: str) -> tuple[str, str | None]:
    """A plain reading of libxml2's message, and what was expected, for the common mistakes."""
    mismatch = TAG_MISMATCH.match(message)
    if mismatch:
        opened, line, closed = mismatch.groups()
        return (
            f"<{opened}> opened on line {line} is closed by </{closed}>",
            f"</{opened}> before </{closed}>",
        )
    if message.startswith(("Premature end of data", "EndTag: '</' not found")):
        return (
            "the file ends before the root element is closed, so it may have been cut short",
            "the whole file, ending with the root element's closing tag",
        )
    if message == "no element found" or message.startswith("Document is empty"):
        return "the file holds no XML element", "an XML document with a root element"
    if message.startswith("Start tag expected"):
        return "this is not an XML document", "an XML document, starting with its root element"
    if message.startswith("Extra content at the end of the document"):
        return (
            "there is more after the root element's closing tag",
            "nothing but comments after the root element",
        )
    if "Text node too long" in message:
        return (
            "a value is longer than 10000000 characters",
            "values of ordinary length: a closing tag may be missing",
        )
    if message.startswith("Excessive depth in document"):
        return "elements are nested too deeply", "at most 256 levels of nested elements"
    if message.startswith("Entity '"):
        return message, "&amp; &lt; &gt; &quot; &apos; or a character reference such as &#233;"
    if message.startswith("Unsupported encoding"):
        return message, "UTF-8, as DfE asks"
    if "encoding" in message:
        return message, "text in the encoding the XML declaration names (UTF-8 if none)"
    return message, None
