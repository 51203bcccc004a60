"""Rule 210: a child looked after for more than a week at 31 March has the UPN code UN4."""

import datetime as dt

import polars as pl

from csc_validate.collections.ssda903.rulekit import periods_of_care
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table


@rule(
    code="210",
    message=(
        "Children looked after for more than a week at 31 March should not have an unknown "
        "Unique Pupil Number (UPN) code of UN4."
    ),
    tables=["Header", "Episodes"],
    fields=["UPN", "DECOM"],
    tags=["upn"],
)
def long_looked_after_child_coded_newly_looked_after(ctx: RuleContext) -> pl.LazyFrame:
    """A child looked after for more than a week at 31 March has the UPN code UN4.

    UN4 is for a child too newly looked after to have a UPN yet; this child's period of care began
    before 24 March: get the child's UPN, or use the unknown code that applies.
    """
    # NOTE: DfE's coding reads "if UPN = UN4 then no episode DECOM must be >= 24/03/YYYY", which
    # taken literally (as the peer validator does) flags exactly the newly looked-after children UN4
    # is for. We follow the message: looked after at 31 March (the period of care is still open) and
    # for more than a week (it started on or before 23 March). A period that started on 24 March has
    # lasted exactly a week and is not flagged.
    week_before_end = ctx.end - dt.timedelta(days=7)
    long_open = (
        periods_of_care(ctx)
        .filter(pl.col("period_end").is_null() & (pl.col("period_start") < week_before_end))
        # The episode that began the period is named beside the Header row.
        # Equivalent mutant (ReplaceComparisonOperator_Eq_LtE): period_start is the period's
        # earliest DECOM, so no DECOM of the period is below it.
        .filter(pl.col("DECOM") == pl.col("period_start"))
        .select("CHILD", pl.col("_row").alias(RELATED_ROW), pl.lit("Episodes").alias(RELATED_TABLE))
    )
    coded_un4 = pl.col("UPN").is_in(ctx.codes("UPN_NEWLY_LOOKED_AFTER"))
    return ctx.table("Header").filter(coded_un4).join(long_open, on="CHILD", how="inner")


CASES = [
    Case(
        "UN4 for a period of care open at 31 March and begun by 23 March is flagged",
        period="2024-25",
        tables={
            "Header": table(["CHILD", "UPN"], ["1", "UN4"], ["4", "UN4"]),
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "DEC"],
                ["1", "23/03/2025", "S", ""],
                ["4", "01/01/2024", "S", "26/03/2025"],
                ["4", "26/03/2025", "P", ""],
            ),
        },
        flagged={"Header": [0, 1]},
        related=(("Header", 0, "Episodes", 0), ("Header", 1, "Episodes", 1)),
    ),
    Case(
        "UN4 for an open period begun on 24 or 25 March is not flagged",
        period="2024-25",
        tables={
            "Header": table(["CHILD", "UPN"], ["2", "UN4"], ["6", "UN4"]),
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "DEC"],
                ["2", "24/03/2025", "S", ""],
                ["6", "25/03/2025", "S", ""],
            ),
        },
        flagged={},
    ),
    Case(
        "closed periods, other codes, unreadable starts and no episodes are not flagged",
        period="2024-25",
        tables={
            "Header": table(
                ["CHILD", "UPN"],
                ["3", "UN4"],
                ["5", "UN3"],
                ["7", ""],
                ["8", "UN4"],
                ["9", "UN4"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "DEC"],
                ["3", "01/01/2024", "S", "28/03/2025"],
                ["5", "01/01/2024", "S", ""],
                ["7", "01/01/2024", "S", ""],
                ["8", "31/02/2025", "S", ""],
            ),
        },
        flagged={},
    ),
]
