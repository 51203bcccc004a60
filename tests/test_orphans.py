"""Rows that belong to no child of the Header are findings in every table, and ids spelt
another way (107840.0, 0107840, 1.0784E+11) are named once per column."""

from pathlib import Path

import pytest

from csc_validate import packs, schemas
from csc_validate.check import check
from tests.conftest import episodes_csv, header_csv

CHILD = "107840"
HEADER = header_csv(f"{CHILD},F,01/01/2015,WBRI,,,", "200001,M,01/01/2016,WBRI,,,")
SW_COLUMNS = "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON"
REVIEW_COLUMNS = "CHILD,DOB,REVIEW,REVIEW_CODE"

# How exports spell a number-like id: (name, spelling of 107840, the kind the note names)
SPELLINGS = [
    ("float", "107840.0", "a trailing .0"),
    ("float-two-places", "107840.00", "a trailing .0"),
    ("padded", "0107840", "leading zeros"),
    ("padded-twice", "00107840", "leading zeros"),
]
SCIENTIFIC = ["1.0784E+11", "1.0784e+11", "1E+5", "2.5E11"]
# Each table that holds children's rows, with a row of it for the given id.
TABLES = {
    "sw.csv": lambda child: f"{SW_COLUMNS}\n{child},01/01/2015,SW1,01/05/2025,,FCONTA\n",
    "e.csv": lambda child: episodes_csv(f"{child},01/05/2025,S,C2,N1,U1,PR1,,,,,,"),
    "r.csv": lambda child: f"{REVIEW_COLUMNS}\n{child},01/01/2015,01/06/2025,PN1\n",
}
ORPHAN_RULES = {"sw.csv": "CSC010", "e.csv": "INT03", "r.csv": "INT08"}


def _return(extract, child_in: dict[str, str]) -> Path:
    """Header with the two children; each other table's one row uses the id given for it."""
    files = {"h.csv": HEADER}
    files |= {name: TABLES[name](child_in.get(name, CHILD)) for name in TABLES}
    # The episodes table must hold an id the year is found from, whatever the test spells.
    if "e.csv" in child_in:
        files["e.csv"] += "200001,01/05/2025,S,C2,N1,U1,PR1,,,,,,\n"
    return extract(files)


def _check(folder: Path):
    return check([folder], partial=True, select=["CSC010", "INT03", "INT08"])


@pytest.mark.parametrize("table", list(TABLES))
@pytest.mark.parametrize(("kind", "spelt", "named"), SPELLINGS, ids=[s[0] for s in SPELLINGS])
def test_a_respelt_id_is_an_orphan_and_named_once(
    extract, table: str, kind: str, spelt: str, named: str
) -> None:
    report = _check(_return(extract, {table: spelt}))
    flagged = [(f.rule, f.child) for f in report.findings if f.file and f.file.endswith(table)]
    assert flagged == [(ORPHAN_RULES[table], spelt)]
    notes = [note for note in report.notes if f"{table}, CHILD:" in note]
    assert len(notes) == 1
    assert f"1 id differs from a Header child's only by {named} ({spelt} for {CHILD})" in notes[0]


@pytest.mark.parametrize("spelt", SCIENTIFIC)
def test_scientific_notation_is_named_even_without_a_match(extract, spelt: str) -> None:
    report = _check(_return(extract, {"sw.csv": spelt}))
    assert [(f.rule, f.child) for f in report.findings] == [("CSC010", spelt)]
    (note,) = [note for note in report.notes if "sw.csv, CHILD:" in note]
    assert f"1 id is in Excel's scientific notation ({spelt})" in note


def test_a_header_spelt_as_numbers_is_named_against_the_other_tables(extract) -> None:
    """The other direction: the Header exported as floats, the other tables as text."""
    folder = extract(
        {
            "h.csv": header_csv(f"{CHILD}.0,F,01/01/2015,WBRI,,,"),
            "e.csv": episodes_csv(f"{CHILD},01/05/2025,S,C2,N1,U1,PR1,,,,,,"),
            "sw.csv": TABLES["sw.csv"](CHILD),
        }
    )
    report = _check(folder)
    assert sorted(f.rule for f in report.findings) == ["CSC010", "INT03"]
    spelling_notes = [note for note in report.notes if "only by a trailing .0" in note]
    assert len(spelling_notes) == 2  # one for each table's CHILD column
    assert all(f"({CHILD} for {CHILD}.0)" in note for note in spelling_notes)


def test_many_respelt_ids_make_one_note_per_column_with_a_few_examples(extract) -> None:
    ids = [str(100000 + n) for n in range(8)]
    rows = "".join(f"{i}.0,01/01/2015,SW1,01/05/2025,,FCONTA\n" for i in ids)
    rows += "".join(f"0{i},01/01/2015,SW1,01/06/2025,,FCONTA\n" for i in ids[:2])
    folder = extract(
        {
            "h.csv": header_csv(*[f"{i},F,01/01/2015,WBRI,,," for i in ids]),
            "e.csv": episodes_csv(*[f"{i},01/05/2025,S,C2,N1,U1,PR1,,,,,," for i in ids]),
            "sw.csv": f"{SW_COLUMNS}\n{rows}",
        }
    )
    report = _check(folder)
    assert sum(1 for f in report.findings if f.rule == "CSC010") == 10
    (note,) = [note for note in report.notes if "sw.csv, CHILD:" in note]
    assert "sw.csv, CHILD: 10 ids differ from a Header child's only" in note
    assert (
        "by a trailing .0 (100000.0 for 100000, 100001.0 for 100001, 100002.0 for 100002, ...)"
        in note
    )
    assert "by leading zeros (0100000 for 100000, 0100001 for 100001)" in note


def test_a_clean_return_has_no_such_note_or_finding(extract) -> None:
    report = _check(_return(extract, {}))
    assert report.findings == ()
    assert not [note for note in report.notes if "CHILD:" in note]


def test_every_table_holding_children_is_tied_to_the_header() -> None:
    """Each year's tables with a CHILD column have a rule flagging rows of no Header child."""
    for year in packs.years("ssda903"):
        pack = packs.load("ssda903", year)
        tied = {
            table
            for rule in pack.rules.values()
            if "integrity" in rule.tags and "does not exist in Header" in rule.message
            for table in rule.tables
        }
        schema = schemas.load("ssda903", year)
        holding = {
            name
            for name, table in schema.tables.items()
            if "CHILD" in table.column_names and name != "Header"
        }
        assert holding <= tied, (year, holding - tied)
