"""Rule 367: more than 75 days of short breaks in the year."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.collections.ssda903.rulekit.groups import naming_each_other
from csc_validate.rulekit import Case, RuleContext, days_between, raw_name, rule, table


@rule(
    code="367",
    message="The maximum amount of respite care allowable is 75 days in any 12-month period.",
    tables=["Episodes"],
    fields=["LS", "DECOM", "DEC"],
    tags=["dates"],
)
def short_breaks_over_75_days_in_year(ctx: RuleContext) -> pl.LazyFrame:
    """A child's short breaks (legal status LS V3) add up to more than 75 days in the year.

    Check the start and end dates of the child's short-break episodes and correct any that was
    mistyped; a child looked after for longer than that is not on short breaks, so record the legal
    status that applied.
    """
    # DfE's 12-month period is read as the collection year, the only 12 months the return holds.
    # Each episode counts from DECOM to DEC, clipped to 1 April and 31 March; an open episode runs
    # to 31 March. An episode with no readable DECOM is left to rule 141.
    year_start = pl.lit(ctx.start, dtype=pl.Date)
    year_end = pl.lit(ctx.end, dtype=pl.Date)
    breaks = ctx.table("Episodes").filter(
        pl.col("LS").is_in(ctx.codes("LS_RESPITE_EPISODE")) & pl.col("DECOM").is_not_null()
    )
    start = pl.max_horizontal(pl.col("DECOM"), year_start)
    # A blank DEC is open (to 31 March); an unreadable one stays null and is not counted.
    end = (
        # Equivalent mutant (ReplaceComparisonOperator_Gt_GtE): a DEC on 31 March is cut to 31
        # March, the same day.
        pl.when(pl.col(raw_name("DEC")).is_null() | (pl.col("DEC") > year_end))
        .then(year_end)
        .otherwise(pl.col("DEC"))
    )
    counted = breaks.with_columns(_days=days_between(start, end)).filter(pl.col("_days") > 0)
    # Every V3 episode with days in the year is flagged for a child over the limit, each naming
    # the child's others.
    over = counted.filter(pl.col("_days").sum().over(child_of_row()) > 75)
    return naming_each_other(over.with_columns(_child=child_of_row()), "_child")


CASES = [
    Case(
        "75 days pass, 76 fail, summed over the child's V3 episodes",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "LS", "DEC"],
                ["1", "01/05/2024", "V3", "31/05/2024"],
                ["1", "01/07/2024", "V3", "15/08/2024"],
                ["2", "01/05/2024", "V3", "31/05/2024"],
                ["2", "01/06/2024", "C2", "30/06/2024"],
                ["2", "01/07/2024", "V3", "16/08/2024"],
                ["3", "01/05/2024", "V4", "01/09/2024"],
                ["4", "", "V3", "01/09/2024"],
                ["5", "01/05/2024", "V3", "31/09/2024"],
            )
        },
        flagged={"Episodes": [2, 4]},
        related=(("Episodes", 2, "Episodes", 4), ("Episodes", 4, "Episodes", 2)),
        period="2024-25",
    ),
    Case(
        "days outside the year do not count; an open episode runs to 31 March",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "LS", "DEC"],
                ["1", "01/01/2024", "V3", "15/06/2024"],
                ["2", "01/01/2024", "V3", "16/06/2024"],
                ["3", "01/03/2024", "V3", "31/03/2024"],
                ["3", "15/01/2025", "V3", ""],
                ["4", "14/01/2025", "V3", ""],
            )
        },
        flagged={"Episodes": [1, 4]},
        period="2024-25",
    ),
    Case(
        "an end after 31 March is cut there; days before the year and empty episodes do not count",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "LS", "DEC"],
                ["1", "15/01/2025", "V3", "16/04/2025"],
                ["2", "14/01/2025", "V3", "01/04/2025"],
                ["3", "01/01/2024", "V3", "01/03/2024"],
                ["3", "01/03/2024", "V3", "01/04/2024"],
                ["3", "10/04/2024", "V3", "11/04/2024"],
                ["3", "01/05/2024", "V3", "15/07/2024"],
                ["4", "01/05/2024", "V3", "11/05/2024"],
                ["5", "14/01/2025", "V3", "31/03/2025"],
            )
        },
        flagged={"Episodes": [1, 4, 5, 7]},
        related=(("Episodes", 4, "Episodes", 5), ("Episodes", 5, "Episodes", 4)),
        period="2024-25",
    ),
    Case(
        "rows with a blank CHILD are no one child's: their days are not summed together",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "LS", "DEC"],
                ["", "01/05/2024", "V3", "31/05/2024"],
                ["", "01/07/2024", "V3", "16/08/2024"],
                ["", "01/05/2024", "V3", "16/08/2024"],
                ["6", "01/05/2024", "V3", "31/05/2024"],
                ["6", "01/07/2024", "V3", "16/08/2024"],
            )
        },
        flagged={"Episodes": [2, 3, 4]},
        related=(("Episodes", 3, "Episodes", 4), ("Episodes", 4, "Episodes", 3)),
        period="2024-25",
    ),
]
