"""Rule 348: a care leaver reported last year as having died is not reported as died now."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import naming_at_most_first
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table
from csc_validate.tables import PREVIOUS_SUFFIX


@rule(
    code="348",
    message="Care leaver has previously been reported as having died. ",
    tables=["OC3", "OC3_last"],
    fields=["IN_TOUCH"],
    tags=["care-leavers", "previous-year"],
)
def reported_died_last_year(ctx: RuleContext) -> pl.LazyFrame:
    """A care leaver reported last year as having died is not reported as died this year.

    Record DIED again for whether the local authority is in touch (IN_TOUCH), or check that the
    young person's ID is right.
    """
    # Flagged: IN_TOUCH was DIED last year and is not DIED this year. A blank IN_TOUCH this year is
    # not DIED and is flagged.
    died = ctx.codes("IN_TOUCH_DIED")
    # Last year's rows saying DIED are named beside this year's row.
    died_last_year = (
        ctx.table(f"OC3{PREVIOUS_SUFFIX}")
        .filter(pl.col("IN_TOUCH").is_in(died))
        .select(
            "CHILD",
            pl.col("_row").alias(RELATED_ROW),
            pl.lit(f"OC3{PREVIOUS_SUFFIX}").alias(RELATED_TABLE),
        )
    )
    in_touch = pl.col("IN_TOUCH")
    return naming_at_most_first(
        ctx.table("OC3")
        .filter(in_touch.is_null() | ~in_touch.is_in(died))
        # Equivalent mutant (ReplaceKeywordValue): a row a left join finds no match for names no
        # row, and naming_at_most_first keeps only rows that name one, as the inner join does.
        .join(died_last_year, on="CHILD", how="inner")
    )


CASES = [
    Case(
        "a young person who died last year and is now in touch or blank is flagged",
        tables={
            "OC3": table(
                ["CHILD", "IN_TOUCH"],
                ["1", "YES"],
                ["2", "DIED"],
                ["3", ""],
                ["4", "YES"],
                ["5", "NO"],
            ),
            "OC3_last": table(
                ["CHILD", "IN_TOUCH"],
                ["1", "DIED"],
                ["2", "DIED"],
                ["3", "DIED"],
                ["4", "YES"],
                ["5", ""],
            ),
        },
        flagged={"OC3": [0, 2]},
    ),
    Case(
        "any DIED row last year counts; each row this year that is not DIED is flagged",
        tables={
            "OC3": table(
                ["CHILD", "IN_TOUCH"],
                ["1", "NO"],
                ["2", "died"],
                ["3", "DIED"],
                ["3", "REFU"],
                ["4", "YES"],
            ),
            "OC3_last": table(
                ["CHILD", "IN_TOUCH"],
                ["1", "YES"],
                ["1", "DIED"],
                ["2", "DIED"],
                ["3", "DIED"],
                ["4", "died"],
                ["5", "DIED"],
            ),
        },
        flagged={"OC3": [0, 1, 3]},
        related=(("OC3", 0, "OC3_last", 1), ("OC3", 1, "OC3_last", 2), ("OC3", 3, "OC3_last", 3)),
    ),
]
