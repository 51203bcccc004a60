"""ChildKey: which child each CIN record belongs to, so that rules never join on LAchildID.

In the census XML a record belongs to the Child element it sits in, whatever its LAchildID says:
the key is that element's position (`Child[3]`), read from the record's XPath. Two children with
a blank or the same LAchildID stay two children, and a child with a blank ID keeps its episodes.

A CSV extract has no Child element: its tables are tied together by LAchildID alone. Rows with
the same filled-in LAchildID are one child (the files cannot tell two such children apart; rule
8510 reports the repeat), and a row with a blank LAchildID is tied to nothing else: it is a
child of its own, so a blank ID never joins another blank ID.
"""

import polars as pl

from csc_validate.tables import PREVIOUS_SUFFIX

KEY = "ChildKey"
ID = "LAchildID"
# How the key of a CSV row with a blank LAchildID begins: such a row is tied to no other.
UNTIED = "untied "
# The Child element in a record's XPath: /Message/Children/Child[3]/CINdetails[1]/...
_CHILD_IN_XPATH = r"^/[^/]+/[^/]+/(Child\[[0-9]+\])"


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
        derived[name] = frame.with_columns(key.alias(KEY))
    return derived
