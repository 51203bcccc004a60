"""Rule 379: a temporary placement for an unspecified reason lasted longer than seven days."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, days_between, rule, table


@rule(
    code="379",
    message=(
        "Temporary placements for unspecified reason (placement code T4) cannot exceed seven days."
    ),
    tables=["Episodes", "Header"],
    fields=["DECOM", "PLACE"],
    tags=["dates", "placements"],
)
def unspecified_temporary_over_seven_days(ctx: RuleContext) -> pl.LazyFrame:
    """A temporary placement for an unspecified reason (placement T4) lasted longer than 7 days.

    Check the episode's start date (DECOM) and end date (DEC) and correct any that was mistyped;
    such a temporary placement cannot last more than seven days.
    """
    # Seven days is DfE's limit. NOTE: only ended episodes are measured (DEC minus DECOM), as the
    # open-source peer validator does: an open episode has no DEC yet. Header is not read.
    placed = pl.col("PLACE").is_in(ctx.codes("PLACE_TEMPORARY_UNSPECIFIED"))
    too_long = days_between(pl.col("DECOM"), pl.col("DEC")) > 7
    return ctx.table("Episodes").filter(placed & too_long)


CASES = [
    Case(
        "an unspecified temporary placement of 8 days or more is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["2", "01/06/2024", "T4", "09/06/2024"],
                ["8", "31/05/2024", "T4", "09/06/2024"],
            )
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "7 days or fewer, or another or blank placement, is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["1", "01/06/2024", "T4", "08/06/2024"],
                ["7", "01/06/2024", "T4", "07/06/2024"],
                ["3", "01/06/2024", "U1", "09/06/2024"],
                ["6", "01/06/2024", "", "09/06/2024"],
            )
        },
        flagged={},
    ),
    Case(
        "an open episode, or a blank or unreadable date, is not measured",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["4", "01/06/2024", "T4", ""],
                ["5", "", "T4", "09/06/2024"],
                ["9", "31/06/2024", "T4", "30/07/2024"],
                ["10", "01/06/2024", "T4", "2024-07-30"],
            )
        },
        flagged={},
    ),
]
