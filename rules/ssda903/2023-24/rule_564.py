"""Rule 564: a missing or away period has no start date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table


@rule(
    code="564",
    message=(
        "Child was missing or away from placement without authorisation and the date"
        " started is blank."
    ),
    tables=["Missing"],
    fields=["MISSING", "MIS_START"],
    tags=["missing"],
)
def missing_period_without_start(ctx: RuleContext) -> pl.LazyFrame:
    """A period when the child was missing or away from placement has no start date.

    Enter the date the child went missing or away from placement (MIS_START), as dd/mm/yyyy.
    """
    # Only a blank MIS_START on a period coded missing (M) or away (A) is flagged; an unreadable one
    # is rule 1004's.
    return ctx.table("Missing").filter(
        pl.col("MISSING").is_in(ctx.codes("MISSING")) & pl.col(raw_name("MIS_START")).is_null()
    )


CASES = [
    Case(
        "a blank start on an M or A period is flagged on whichever row has it, as written",
        tables={
            "Missing": table(
                ["CHILD", "MISSING", "MIS_START"],
                ["1", "M", ""],
                ["2", "a", ""],
                ["9", "M", "01/05/2024"],
                ["9", "A", ""],
            ),
        },
        flagged={"Missing": [0, 3]},
    ),
    Case(
        "a readable start is fine, and an unreadable one is left to rule 1004",
        tables={
            "Missing": table(
                ["CHILD", "MISSING", "MIS_START"],
                ["3", "M", "01/05/2024"],
                ["5", "A", "32/05/2024"],
                ["6", "M", "31/02/2024"],
                ["7", "A", "2024-05-01"],
            ),
        },
    ),
    Case(
        "a period with a blank or unknown MISSING code is not checked",
        tables={
            "Missing": table(
                ["CHILD", "MISSING", "MIS_START"], ["4", "", ""], ["8", "X", ""], ["10", "", ""]
            ),
        },
    ),
]
