"""Rule 4220: ethnicity missing or not in the code list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="4220",
    message="Ethnicity is missing or invalid (see Ethnicity table)",
    tables=["ChildCharacteristics"],
    fields=["Ethnicity"],
    tags=["characteristics", "codes"],
)
def ethnicity_missing_or_invalid(ctx: RuleContext) -> pl.LazyFrame:
    """A child whose ethnicity is blank or not one of DfE's ethnicity codes (ABAN to WROM).

    Record the child's ethnicity with a code from the Ethnicity table; REFU (refused) and NOBT
    (information not yet obtained) are codes too.
    """
    ethnicity = pl.col("Ethnicity")
    return ctx.table("ChildCharacteristics").filter(
        ethnicity.is_null() | ~ethnicity.is_in(ctx.codes("Ethnicity"))
    )


CASES = [
    Case(
        "blank, unknown and lower-case codes are flagged",
        tables={
            "ChildCharacteristics": table(
                ["LAchildID", "Ethnicity"],
                ["A", "WBRI"],
                ["B", ""],
                ["C", "ABCD"],
                ["D", "wbri"],
                ["E", "REFU"],
                ["F", "NOBT"],
                ["G", "W BRI"],
                ["H", "WROM"],
            )
        },
        flagged={"ChildCharacteristics": [1, 2, 3, 6]},
    ),
    Case(
        "a child listed twice is judged on each row",
        tables={
            "ChildCharacteristics": table(
                ["LAchildID", "Ethnicity"],
                ["A", "ABAN"],
                ["A", "XXXX"],
            )
        },
        flagged={"ChildCharacteristics": [1]},
    ),
]
