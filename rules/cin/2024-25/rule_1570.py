"""Rule 1570: the LA child ID is longer than 20 characters."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table

MAX_LENGTH = 20


@rule(
    code="1570",
    message="LA Child ID must not be longer than 20 characters",
    tables=["ChildIdentifiers"],
    fields=["LAchildID"],
    tags=["identifiers"],
)
def child_id_too_long(ctx: RuleContext) -> pl.LazyFrame:
    """A child whose LA child ID has more than 20 characters.

    Use the council's own shorter identifier for the child, the same in every table of the
    return.
    """
    # Characters, not bytes; spaces around the ID are trimmed on reading; a blank is rule 8500's.
    return ctx.table("ChildIdentifiers").filter(pl.col("LAchildID").str.len_chars() > MAX_LENGTH)


CASES = [
    Case(
        "20 characters are allowed, 21 are flagged",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate"],
                ["A1234567890123456789", "2015-01-01"],
                ["A12345678901234567890", "2015-01-01"],
                ["A", "2015-01-01"],
                ["", "2015-01-01"],
                ["ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ", "2015-01-01"],
                ["  A1234567890123456789  ", "2015-01-01"],
            )
        },
        flagged={"ChildIdentifiers": [1]},
    ),
    Case(
        "a long ID listed twice is flagged on both rows",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate"],
                ["ABCDEFGHIJKLMNOPQRSTUVWXYZ", "2015-01-01"],
                ["ABCDEFGHIJKLMNOPQRSTUVWXYZ", "2016-01-01"],
                ["ABCDEFGHIJKLMNOPQRST", "2016-01-01"],
            )
        },
        flagged={"ChildIdentifiers": [0, 1]},
    ),
]
