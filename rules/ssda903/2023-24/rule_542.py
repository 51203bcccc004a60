"""Rule 542: conviction information given for a child under 10."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, age_on, rule, table


@rule(
    code="542",
    message="A child aged under 10 at 31 March should not have conviction information completed.",
    tables=["OC2"],
    fields=["CONVICTED"],
    tags=["outcomes"],
)
def conviction_given_for_child_under_10(ctx: RuleContext) -> pl.LazyFrame:
    """Conviction information (CONVICTED) is given for a child under 10 on 31 March.

    Conviction information is only collected from age 10, the age of criminal responsibility: check
    the child's date of birth (DOB), and leave the field blank for a child under 10.
    """
    # 10 is the age of criminal responsibility in England, so conviction information is collected
    # only from that age. A child whose 10th birthday is 31 March is 10. The age is taken from the
    # OC2 DOB. A blank or unreadable DOB cannot be checked.
    under_10 = age_on(pl.col("DOB"), ctx.end) < 10
    return ctx.table("OC2").filter(under_10 & pl.col("CONVICTED").is_not_null())


CASES = [
    Case(
        "conviction details are flagged if the 10th birthday is after 31 March, not on or before",
        tables={
            "OC2": table(
                ["CHILD", "DOB", "CONVICTED"],
                ["1", "01/04/2015", "0"],
                ["2", "31/03/2015", "0"],
                ["3", "30/03/2015", "1"],
                ["6", "01/04/2020", "1"],
                ["9", "01/04/2005", "1"],
                ["10", "02/04/2015", "9"],
                ["11", "29/02/2016", "0"],
            ),
        },
        flagged={"OC2": [0, 3, 5, 6]},
        period="2024-25",
    ),
    Case(
        "a blank CONVICTED, or a blank or unreadable DOB, is not flagged",
        tables={
            "OC2": table(
                ["CHILD", "DOB", "CONVICTED"],
                ["4", "01/04/2015", ""],
                ["5", "", "0"],
                ["7", "31/02/2015", "1"],
                ["8", "2015-04-01", "0"],
            ),
        },
        period="2024-25",
    ),
]
