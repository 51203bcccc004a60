"""Rule 376: a temporary placement for the foster carers' holiday lasted longer than three weeks."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, days_between, rule, table


@rule(
    code="376",
    message=(
        "Temporary placements coded as being due to holiday of usual foster carer(s) cannot "
        "exceed three weeks."
    ),
    tables=["Episodes", "Header"],
    fields=["DECOM", "PLACE"],
    tags=["dates", "placements"],
)
def foster_carer_holiday_over_three_weeks(ctx: RuleContext) -> pl.LazyFrame:
    """A placement while the usual foster carers are on holiday (placement T3) lasted over 3 weeks.

    Check the episode's start date (DECOM) and end date (DEC) and correct any that was mistyped;
    such a temporary placement cannot last more than 21 days.
    """
    # Three weeks (21 days) is DfE's limit. NOTE: only ended episodes are measured (DEC minus
    # DECOM), as the open-source peer validator does: an open episode has no DEC yet. Header is not
    # read.
    placed = pl.col("PLACE").is_in(ctx.codes("PLACE_TEMPORARY_HOLIDAY"))
    too_long = days_between(pl.col("DECOM"), pl.col("DEC")) > 21
    return ctx.table("Episodes").filter(placed & too_long)


CASES = [
    Case(
        "a foster carer's holiday placement of 22 days or more is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["2", "01/06/2024", "T3", "23/06/2024"],
                ["8", "31/05/2024", "T3", "23/06/2024"],
            )
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "a holiday placement of 21 days or fewer, or another or blank placement, is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["1", "01/06/2024", "T3", "22/06/2024"],
                ["7", "01/06/2024", "T3", "21/06/2024"],
                ["3", "01/06/2024", "U1", "23/06/2024"],
                ["6", "01/06/2024", "", "23/06/2024"],
            )
        },
        flagged={},
    ),
    Case(
        "an open episode, or a blank or unreadable date, is not measured",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["4", "01/06/2024", "T3", ""],
                ["5", "", "T3", "23/06/2024"],
                ["9", "31/06/2024", "T3", "30/07/2024"],
                ["10", "01/06/2024", "T3", "2024-07-30"],
            )
        },
        flagged={},
    ),
]
