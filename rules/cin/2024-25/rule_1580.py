"""Rule 1580: the LA child ID holds a character other than a letter or a digit."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table

ALPHANUMERIC = r"^[A-Za-z0-9]+$"


@rule(
    code="1580",
    message="LA Child ID must not contain any non-alphanumeric characters",
    tables=["ChildIdentifiers"],
    fields=["LAchildID"],
    tags=["identifiers"],
)
def child_id_not_alphanumeric(ctx: RuleContext) -> pl.LazyFrame:
    """A child whose LA child ID contains anything other than the letters A to Z and digits.

    A space, a hyphen, a slash or other punctuation, or an accented letter is not allowed. Remove
    the other characters from the ID, in every table of the return.
    """
    # NOTE: the peer uses Python's isalnum, which also accepts accented and other non-Latin
    # letters and digits; DfE's "alphanumeric" is read as A-Z, a-z and 0-9.
    # Spaces around the ID are trimmed on reading; a blank ID is rule 8500's finding.
    child = pl.col("LAchildID")
    return ctx.table("ChildIdentifiers").filter(~child.str.contains(ALPHANUMERIC))


CASES = [
    Case(
        "letters and digits are allowed; spaces, punctuation and accents are flagged",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate"],
                ["Ab12", "2015-01-01"],
                ["AB 12", "2015-01-01"],
                ["AB-12", "2015-01-01"],
                ["AB/12", "2015-01-01"],
                ["AB_12", "2015-01-01"],
                ["ÉB12", "2015-01-01"],
                ["", "2015-01-01"],
                [" AB12 ", "2015-01-01"],
                ["123", "2015-01-01"],
            )
        },
        flagged={"ChildIdentifiers": [1, 2, 3, 4, 5]},
    ),
    Case(
        "an ID with a full stop listed twice is flagged on both rows",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate"],
                ["A.1", "2015-01-01"],
                ["A.1", "2016-01-01"],
                ["A1", "2016-01-01"],
            )
        },
        flagged={"ChildIdentifiers": [0, 1]},
    ),
]
