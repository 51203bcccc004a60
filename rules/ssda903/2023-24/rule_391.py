"""Rule 391: care leaver information for a young person under 17."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, age_on, rule, table


@rule(
    code="391",
    message="Young person was not 17, 18, 19, 20 or 21 during the current collection year.",
    tables=["OC3"],
    fields=["DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
    tags=["dates", "age", "care-leavers"],
)
def care_leaver_under_17(ctx: RuleContext) -> pl.LazyFrame:
    """Care leaver information is given for a young person under 17 on 31 March.

    Whether the council is in touch, activity and accommodation are only recorded for young people
    aged 17 or over: check the date of birth (DOB), and leave these blank for someone under 17.
    """
    oc3 = ctx.table("OC3")
    # DfE's coding checks the lower bound: a young person under 17 at the end of the year should
    # have none of the three fields. A row with all three blank is not flagged, nor one with a blank
    # or unreadable DOB (its age is unknown).
    reported = pl.any_horizontal(pl.col(c).is_not_null() for c in ("IN_TOUCH", "ACTIV", "ACCOM"))
    return oc3.filter(reported & (age_on(pl.col("DOB"), ctx.end) < 17))


CASES = [
    Case(
        "any of the three answers for someone who turns 17 on 1 April or later is flagged",
        tables={
            "OC3": table(
                ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["2", "01/04/2008", "YES", "F1", "B1"],
                ["3", "01/04/2008", "", "", "B1"],
                ["8", "02/04/2008", "NO", "", ""],
                ["11", "01/04/2008", "", "F1", ""],
            )
        },
        flagged={"OC3": [0, 1, 2, 3]},
        period="2024-25",
    ),
    Case(
        "answers for someone 17 by 31 March, or none for someone younger, are not flagged",
        tables={
            "OC3": table(
                ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["1", "31/03/2008", "YES", "F1", "B1"],
                ["4", "01/04/2008", "", "", ""],
                ["9", "30/03/2008", "YES", "F1", "B1"],
                ["10", "31/03/2007", "YES", "F1", "B1"],
            )
        },
        flagged={},
        period="2024-25",
    ),
    Case(
        "a blank or unreadable date of birth is not compared",
        tables={
            "OC3": table(
                ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["5", "", "YES", "F1", "B1"],
                ["6", "31/02/2008", "YES", "F1", "B1"],
                ["7", "2008-04-01", "YES", "F1", "B1"],
            )
        },
        flagged={},
        period="2024-25",
    ),
]
