"""Rule 620: a mother under 11 at the start of the year."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, age_on, rule, table


@rule(
    code="620",
    message=(
        "Child has been recorded as a mother, but date of birth shows that the mother is under 11"
        " years of age."
    ),
    tables=["Header"],
    fields=["DOB", "MOTHER"],
    tags=["header", "dates"],
)
def mother_under_eleven(ctx: RuleContext) -> pl.LazyFrame:
    """A child recorded as a mother was under 11 on 1 April of the collection year.

    Check the young woman's date of birth (DOB) and her mother status (MOTHER), and correct
    whichever is wrong.
    """
    # A mother is MOTHER 1. DfE measures the age at the collection start. A blank DOB is not
    # compared.
    return ctx.table("Header").filter(
        pl.col("MOTHER").is_in(ctx.codes("FLAG_YES")) & (age_on(pl.col("DOB"), ctx.start) < 11)
    )


CASES = [
    Case(
        "a mother turning 11 after 1 April is flagged; one already 11 or older on 1 April is not",
        tables={
            "Header": table(
                ["CHILD", "DOB", "MOTHER"],
                ["1", "02/04/2014", "1"],
                ["2", "01/04/2014", "1"],
                ["6", "03/04/2014", "1"],
                ["7", "31/03/2014", "1"],
                ["10", "01/01/2020", "1"],
                ["12", "01/04/2009", "1"],
            )
        },
        flagged={"Header": [0, 2, 4]},
        period="2025-26",
    ),
    Case(
        "a young child not recorded as a mother (0, blank or another code) is not flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB", "MOTHER"],
                ["3", "02/04/2014", "0"],
                ["5", "01/01/2020", ""],
                ["11", "02/04/2014", "9"],
            )
        },
        period="2025-26",
    ),
    Case(
        "a mother with a blank or unreadable DOB is not flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB", "MOTHER"],
                ["4", "", "1"],
                ["8", "31/02/2014", "1"],
                ["9", "2014-04-02", "1"],
            )
        },
        period="2025-26",
    ),
]
