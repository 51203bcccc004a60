"""ChildKey: which child each CIN record belongs to, so that rules never join on LAchildID.

In the census XML a record belongs to the Child element it sits in, whatever its LAchildID says:
the key is that element's position (`Child[3]`), read from the record's XPath. Two children with
a blank or the same LAchildID stay two children, and a child with a blank ID keeps its episodes.

A CSV extract has no Child element: its tables are tied together by LAchildID alone. Rows with
the same filled-in LAchildID are one child (the files cannot tell two such children apart; rule
8510 reports the repeat), and a row with a blank LAchildID is tied to nothing else: it is a
child of its own, so a blank ID never joins another blank ID.

The records below a child follow the same principle. In the XML, CINdetailsID, AssessmentID and
CPPID are not in the file: the reader numbers the records in document order, so they are never
blank. In a CSV extract they are columns the council writes, and may be blank. Each gets a key
(EpisodeKey, AssessmentKey, PlanKey): the ID where it is readable, else a value of that row's
own, so a record with a blank ID is an episode (assessment, plan) of its own, never grouped or
joined with another blank. Rules group and join on the keys, never on the IDs, which stay data.
"""

import polars as pl

from csc_validate.readers.casting import raw_name
from csc_validate.tables import PREVIOUS_SUFFIX, LoadedTable

KEY = "ChildKey"
ID = "LAchildID"
# How the key of a CSV row with a blank LAchildID begins: such a row is tied to no other.
UNTIED = "untied "
# The Child element in a record's XPath: /Message/Children/Child[3]/CINdetails[1]/...
_CHILD_IN_XPATH = r"^/[^/]+/[^/]+/(Child\[[0-9]+\])"
# Each record ID's key, the table whose records it names, and what such a record is called.
RECORD_KEYS = {
    "CINdetailsID": ("EpisodeKey", "CINdetails", "CIN episode"),
    "AssessmentID": ("AssessmentKey", "Assessments", "assessment"),
    "CPPID": ("PlanKey", "ChildProtectionPlans", "child protection plan"),
}


def derive(frames: dict[str, pl.DataFrame], formats: dict[str, str]) -> dict[str, pl.DataFrame]:
    """Every table with an LAchildID gets its ChildKey (the Header has none)."""
    derived = dict(frames)
    for name, frame in frames.items():
        if KEY not in frame.columns:
            continue
        table = name.removesuffix(PREVIOUS_SUFFIX)
        by_id = pl.when(pl.col(ID).is_not_null()).then(pl.format("LAchildID {}", pl.col(ID)))
        # A blank ID: this row's own key, which no row of any table shares.
        untied = pl.format("{}{} row {}", pl.lit(UNTIED), pl.lit(table), pl.col("_row"))
        if formats.get(name) == "xml":
            # A rule case standing for an XML return names its children in ChildKey itself.
            from_element = pl.col("_xpath").str.extract(_CHILD_IN_XPATH, 1)
            key = pl.coalesce(from_element, pl.col(KEY), by_id, untied)
        else:
            key = pl.coalesce(by_id, untied)
        derived[name] = frame.with_columns(key.alias(KEY), *_record_keys(frame, name))
    return derived


def _record_keys(frame: pl.DataFrame, table: str) -> list[pl.Expr]:
    """The key of each record ID the table has: the ID, or this row's own value when it is
    blank (or unreadable), which no row of any table, this year's or last year's, shares."""
    untied = pl.format("{}{} row {}", pl.lit(UNTIED), pl.lit(table), pl.col("_row"))
    return [
        pl.coalesce(pl.col(column).cast(pl.String), untied).alias(key)
        for column, (key, _, _) in RECORD_KEYS.items()
        if column in frame.columns
    ]


def untied_notes(loaded: dict[str, LoadedTable]) -> list[str]:
    """One note per table and record ID column of a CSV extract with rows whose ID is blank or
    unreadable: each such row is tied to no other by it. (The XML numbers its records, and a
    rule reports a blank LAchildID row by row.)"""
    notes = []
    for name, table in loaded.items():
        if table.source_format == "xml":
            continue
        for column, (_, owner, record) in RECORD_KEYS.items():
            if column not in table.typed.columns:
                continue
            blank = table.typed.filter(pl.col(column).is_null())
            if blank.is_empty():
                continue
            own = name.removesuffix(PREVIOUS_SUFFIX) == owner
            first = blank.get_column("_line").min()
            written = raw_name(column)
            unreadable = (
                blank.get_column(written).is_not_null().sum() if written in blank.columns else 0
            )
            said = (
                f"no readable {column} ({unreadable} unreadable)" if unreadable else f"no {column}"
            )
            notes.append(
                f"{table.file}, {column}: {_untied(blank.height, said, record, own)} "
                f"(the first at line {first})"
            )
    return notes


def _untied(count: int, said: str, record: str, own: bool) -> str:
    """What rows with no ID are read as: records of their own, or tied to no record."""
    one = count == 1
    rows = "1 row has" if one else f"{count} rows have"
    if own:
        article = "an" if record[0] in "aeiou" else "a"
        each = "it is" if one else "each is"
        return f"{rows} {said}: {each} read as {article} {record} of its own"
    them = "it with its" if one else "them with their"
    return (
        f"{rows} {said}, so {'it belongs' if one else 'each belongs'} to no {record}: "
        f"the rules cannot compare {them} {record}"
    )
