"""Rule 358: a child under 10 has a youth justice legal status."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import naming_at_most_first
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, age_on, rule, table


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
    # The Header row whose DOB gave the age is named beside the episode.
    births = ctx.table("Header").select(
        "CHILD", "DOB", pl.col("_row").alias(RELATED_ROW), pl.lit("Header").alias(RELATED_TABLE)
    )
    justice = ctx.table("Episodes").filter(pl.col("LS").is_in(ctx.codes("LS_YOUTH_JUSTICE")))
    return naming_at_most_first(
        # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no Header row a
        # blank DOB, so a blank age, and the filter drops the row as the inner join does.
        justice.join(births, on="CHILD", how="inner").filter(
            age_on(pl.col("DOB"), pl.col("DECOM")) < 10
        )
    )


CASES = [
    Case(
        "J1-J3 starting the day before the 10th birthday is flagged; another status is not",
        tables={
            "Header": table(["CHILD", "DOB"], ["20", "10/06/2014"], ["1", "10/06/2014"]),
            "Episodes": table(
                ["CHILD", "DECOM", "LS"],
                ["1", "09/06/2024", "J2"],
                ["1", "09/06/2024", "C2"],
                ["1", "", "J3"],
            ),
        },
        flagged={"Episodes": [0]},
        related=(("Episodes", 0, "Header", 1),),
    ),
    Case(
        "J1-J3 starting on, the day after or years after the 10th birthday is not flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["2", "10/06/2014"],
                ["6", "10/06/2014"],
                ["7", "10/06/2011"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "LS"],
                ["2", "10/06/2024", "J1"],
                ["6", "11/06/2024", "J2"],
                ["7", "01/01/2024", "J3"],
            ),
        },
        flagged={},
    ),
    Case(
        "a blank, unreadable or missing date of birth, or an unreadable start, is not compared",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["3", ""],
                ["5", "31/02/2014"],
                ["6", "10/06/2014"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "LS"],
                ["3", "01/01/2024", "J3"],
                ["4", "01/01/2024", "J1"],
                ["5", "01/01/2024", "J1"],
                ["6", "31/06/2024", "J1"],
            ),
        },
        flagged={},
    ),
]
