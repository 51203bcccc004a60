"""Rule 358: a child under 10 has a youth justice legal status."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, age_on, rule, table


@rule(
    code="358",
    message="Child with this legal status should not be under 10.",
    tables=["Episodes", "Header"],
    fields=["DECOM", "DOB", "LS"],
    tags=["dates", "age"],
)
def youth_justice_status_under_ten(ctx: RuleContext) -> pl.LazyFrame:
    """A child under 10 when an episode starts has a youth justice legal status (LS J1, J2 or J3).

    A child under 10 cannot be held under these legal statuses: check the child's date of birth
    (DOB), the episode's start date (DECOM) and its legal status, and correct whichever is wrong.
    """
    # 10 is the age of criminal responsibility in England. DfE's coding: where LS is J1-J3, DOB
    # should be at least 10 years before DECOM, so an episode on the 10th birthday is allowed. NOTE:
    # the peer validator also flags the birthday itself. Blank or unreadable dates are not compared.
    births = ctx.table("Header").select("CHILD", "DOB")
    justice = ctx.table("Episodes").filter(pl.col("LS").is_in(ctx.codes("LS_YOUTH_JUSTICE")))
    return justice.join(births, on="CHILD", how="inner").filter(
        age_on(pl.col("DOB"), pl.col("DECOM")) < 10
    )


CASES = [
    Case(
        "J1-J3 the day before the 10th birthday is flagged; on the birthday it is not",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["1", "10/06/2014"],
                ["2", "10/06/2014"],
                ["3", ""],
                ["5", "31/02/2014"],
                ["6", "10/06/2014"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "LS"],
                ["1", "09/06/2024", "J2"],
                ["2", "10/06/2024", "J1"],
                ["1", "09/06/2024", "C2"],
                ["3", "01/01/2024", "J3"],
                ["1", "", "J3"],
                ["4", "01/01/2024", "J1"],
                ["5", "01/01/2024", "J1"],
                ["6", "31/06/2024", "J1"],
                ["6", "11/06/2024", "J2"],
            ),
        },
        flagged={"Episodes": [0]},
    ),
]
