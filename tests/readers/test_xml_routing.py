"""XML returns are routed by root element, namespace and (for a shared root) the header item
that names the return, never by the root alone."""

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from csc_validate import collections
from csc_validate.collection import XmlIdentity
from csc_validate.collections import cin
from csc_validate.errors import InputError
from csc_validate.pipeline.recognise import choose_collection
from csc_validate.pipeline.sources import Source, sniff
from csc_validate.readers.xml_safety import header_item

CIN_TITLE = cin.COLLECTION.title
ROUTE = ("Header", "CollectionDetails", "Collection")


def _message(collection: str | None, opening: str = "<Message>") -> str:
    item = "" if collection is None else f"      <Collection>{collection}</Collection>\n"
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f"{opening}\n"
        "  <Header>\n"
        "    <CollectionDetails>\n"
        f"{item}"
        "      <Year>2026</Year>\n"
        "    </CollectionDetails>\n"
        "  </Header>\n"
        "  <Children/>\n"
        "</Message>\n"
    )


def _route(tmp_path: Path, text: str, forced: str | None = None, name: str = "return.xml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return choose_collection(forced, [sniff(Source(path, name))])


@pytest.mark.parametrize("named", ["CIN", "cin", " CIN ", "", None])
def test_a_census_naming_itself_or_nothing_is_the_cin_census(tmp_path: Path, named) -> None:
    assert _route(tmp_path, _message(named)).name == "cin"


def test_a_census_without_a_header_goes_by_its_root(tmp_path: Path) -> None:
    text = '<?xml version="1.0"?>\n<Message>\n  <Children/>\n</Message>\n'
    assert _route(tmp_path, text).name == "cin"


def test_an_ssda903_return_is_routed_by_its_root(tmp_path: Path) -> None:
    text = "<EXPSSDA903>\n  <CHILD><HEADER/></CHILD>\n</EXPSSDA903>\n"
    assert _route(tmp_path, text).name == "ssda903"


@pytest.mark.parametrize("named", ["SEN2", "School Census", "CINX", "903"])
def test_a_message_naming_another_return_is_refused_naming_it(tmp_path: Path, named) -> None:
    with pytest.raises(InputError) as caught:
        _route(tmp_path, _message(named), name="sen2.xml")
    assert str(caught.value) == (
        "sen2.xml, line 5: has the root element <Message>, but its "
        f'Header/CollectionDetails/Collection names the return "{named}", which is not a '
        f"return csc-validate reads (expected <Collection>CIN</Collection> for {CIN_TITLE})"
    )


def test_even_when_the_collection_is_given(tmp_path: Path) -> None:
    with pytest.raises(InputError, match='names the return "SEN2"'):
        _route(tmp_path, _message("SEN2"), forced="cin")


@pytest.mark.parametrize("namespace", ["urn:dfe:cin", "http://example.org/wrong"])
def test_a_namespace_the_return_does_not_use_is_refused_naming_it(
    tmp_path: Path, namespace: str
) -> None:
    text = _message("CIN", f'<Message xmlns="{namespace}">')
    with pytest.raises(InputError) as caught:
        _route(tmp_path, text)
    assert str(caught.value) == (
        f'return.xml, line 2: has the root element <Message> in the XML namespace "{namespace}", '
        "which DfE's returns do not use (expected <Message> with no xmlns attribute)"
    )


@pytest.mark.parametrize(
    ("opening", "closing", "said"),
    [
        ("<Census>", "</Census>", "<Census>"),
        (
            '<x:Message xmlns:x="urn:other">',
            "</x:Message>",
            '<Message> in the XML namespace "urn:other"',
        ),
        ('<Census xmlns="urn:other">', "</Census>", '<Census> in the XML namespace "urn:other"'),
    ],
)
def test_an_unknown_root_is_refused_naming_root_namespace_and_the_known_ones(
    tmp_path: Path, opening: str, closing: str, said: str
) -> None:
    with pytest.raises(InputError) as caught:
        _route(tmp_path, f"{opening}\n  <a/>\n{closing}\n")
    message = str(caught.value)
    if "Message" in said:
        assert message.startswith(f"return.xml, line 1: has the root element {said}, which DfE")
    else:
        assert message == (
            f"return.xml, line 1: has the root element {said}, which is not a return "
            "csc-validate reads (expected <EXPSSDA903> (ssda903), <Message> (cin))"
        )


def test_two_returns_sharing_a_root_are_told_apart_by_the_header(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A stand-in for a third return whose XML also has the root <Message> (as SEN2's has).
    other = dataclasses.replace(
        cin.COLLECTION,
        name="other",
        title="the other return",
        xml_identities={"Message": XmlIdentity(header=ROUTE, name="SEN2")},
    )
    known = {**collections.registry(), "other": other}
    monkeypatch.setattr(collections, "registry", lambda: known)
    assert _route(tmp_path, _message("SEN2")).name == "other"
    assert _route(tmp_path, _message("CIN")).name == "cin"
    with pytest.raises(InputError) as caught:
        _route(tmp_path, _message("School Census"))
    assert str(caught.value).endswith(
        f"(expected <Collection>CIN</Collection> for {CIN_TITLE} or "
        "<Collection>SEN2</Collection> for the other return)"
    )


def test_the_header_item_is_read_without_reading_past_the_header(tmp_path: Path) -> None:
    path = tmp_path / "cin.xml"
    broken = _message("CIN").replace(
        "<Children/>", "<Children>" + "<a>x</a>\n" * 50_000 + "<a></b>"
    )
    path.write_text(broken, encoding="utf-8")
    assert header_item(path, "cin.xml", ROUTE) == ("CIN", 5)
    # Broken before the item: nothing is said here; the reader names the line.
    path.write_text(
        _message("CIN").replace("<CollectionDetails>", "<CollectionDetails"), encoding="utf-8"
    )
    assert header_item(path, "cin.xml", ROUTE) is None
    path.write_text("<Message>\n  <Children/>\n  <Header/>\n</Message>", encoding="utf-8")
    assert header_item(path, "cin.xml", ROUTE) is None


def test_the_check_of_another_returns_message_exits_2_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "sen2.xml"
    path.write_text(_message("SEN2"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "csc_validate", "check", str(path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert 'its Header/CollectionDetails/Collection names the return "SEN2"' in " ".join(
        result.stderr.split()
    )
