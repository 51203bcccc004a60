"""Rule 8510: two or more children share one LA child ID."""

import polars as pl

from csc_validate.collections.cin.rulekit import CHILD, with_each_other
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8510",
    message="More than one child record with the same LA Child ID",
    tables=["ChildIdentifiers"],
    fields=["LAchildID"],
    tags=["identifiers"],
)
def child_id_shared_by_several_records(ctx: RuleContext) -> pl.LazyFrame:
    """Every child record whose LA child ID is also given on another child record.

    Each child appears once, with all their CIN episodes under that one record. Merge the
    records if they are the same child, or give each child their own ID.
    """
    # Blank IDs are rule 8500's finding, not repeats; IDs compare exactly, as written.
    # Each record names the other records holding its ID.
    return with_each_other(
        ctx.table("ChildIdentifiers").filter(pl.col(CHILD).is_not_null()), [CHILD]
    )


CASES = [
    Case(
        "every record of a repeated ID is flagged; unique and blank IDs are not",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate"],
                ["A", "2015-01-01"],
                ["B", "2016-01-01"],
                ["A", "2017-01-01"],
                ["", "2018-01-01"],
                ["", "2019-01-01"],
                ["A", "2020-01-01"],
                ["a", "2021-01-01"],
                [" B ", "2022-01-01"],
            )
        },
        flagged={"ChildIdentifiers": [0, 1, 2, 5, 7]},
        # Each record names every other record holding its ID.
        related=(
            ("ChildIdentifiers", 0, "ChildIdentifiers", 2),
            ("ChildIdentifiers", 0, "ChildIdentifiers", 5),
            ("ChildIdentifiers", 1, "ChildIdentifiers", 7),
            ("ChildIdentifiers", 2, "ChildIdentifiers", 0),
            ("ChildIdentifiers", 2, "ChildIdentifiers", 5),
            ("ChildIdentifiers", 5, "ChildIdentifiers", 0),
            ("ChildIdentifiers", 5, "ChildIdentifiers", 2),
            ("ChildIdentifiers", 7, "ChildIdentifiers", 1),
        ),
    ),
    Case(
        "a return with every ID different is clean",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate"],
                ["A", "2015-01-01"],
                ["B", "2015-01-01"],
                ["C", "2015-01-01"],
            )
        },
    ),
]
