"""Rule INT18: date of birth in UASC differs from Header."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="INT18",
    message="Internal Check: DOB in UASC is different to DOB in Header.",
    tables=["UASC", "Header"],
    fields=["DOB"],
    tags=["integrity", "dates"],
)
def uasc_birth_date_differs_from_header(ctx: RuleContext) -> pl.LazyFrame:
    """A child's UASC record gives the same date of birth as their Header record.

    Why: readable dates are compared as dates; otherwise the text is compared, so a blank
    DOB beside a Header date counts as different, and two identical blanks or typos do not
    (rule 102 reports those). Children absent from Header are INT checks of their own.
    """
    births = ctx.table("Header").select(
        "CHILD", pl.col("DOB").alias("header_dob"), pl.col("DOB#raw").alias("header_text")
    )
    both_dates = pl.col("DOB").is_not_null() & pl.col("header_dob").is_not_null()
    differs = (
        pl.when(both_dates)
        .then(pl.col("DOB") != pl.col("header_dob"))
        .otherwise(pl.col("DOB#raw").ne_missing(pl.col("header_text")))
    )
    return ctx.table("UASC").join(births, on="CHILD", how="inner").filter(differs)


CASES = [
    Case(
        "a different, blank or unmatched date of birth is flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["1", "01/05/2012"],
                ["2", "01/05/2012"],
                ["3", "01/05/2012"],
                ["4", ""],
                ["5", "31/02/2012"],
            ),
            "UASC": table(
                ["CHILD", "DOB"],
                ["1", "01/05/2012"],
                ["2", "02/05/2012"],
                ["3", ""],
                ["4", ""],
                ["5", "31/02/2012"],
                ["6", "01/01/2000"],
                ["1", "30/04/2012"],
            ),
        },
        flagged={"UASC": [1, 2, 6]},
    ),
]
