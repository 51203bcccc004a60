"""Rule 375: a temporary placement in hospital lasted longer than six weeks."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, days_between, rule, table


@rule(
    code="375",
    message="Hospitalisation coded as a temporary placement exceeds six weeks.",
    tables=["Episodes", "Header"],
    fields=["DECOM", "PLACE"],
    tags=["dates", "placements"],
)
def hospital_stay_over_six_weeks(ctx: RuleContext) -> pl.LazyFrame:
    """A temporary placement for a hospital stay (placement T1) lasted longer than six weeks.

    Check the episode's start date (DECOM) and end date (DEC) and correct any that was mistyped; a
    hospital stay of more than six weeks cannot be recorded as a temporary placement.
    """
    # Six weeks (42 days) is DfE's limit for hospitalisation coded as temporary. NOTE: only ended
    # episodes are measured (DEC minus DECOM), as the open-source peer validator does: an open
    # episode has no DEC yet. Header is not read.
    placed = pl.col("PLACE").is_in(ctx.codes("PLACE_TEMPORARY_HOSPITAL"))
    too_long = days_between(pl.col("DECOM"), pl.col("DEC")) > 42
    return ctx.table("Episodes").filter(placed & too_long)


CASES = [
    Case(
        "a temporary hospital placement of 43 days or more is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["2", "01/06/2024", "T1", "14/07/2024"],
                ["8", "01/06/2024", "T1", "31/07/2024"],
            )
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "a hospital stay of 42 days or fewer, or another or blank placement, is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["1", "01/06/2024", "T1", "13/07/2024"],
                ["7", "01/06/2024", "T1", "12/07/2024"],
                ["3", "01/06/2024", "U1", "14/07/2024"],
                ["6", "01/06/2024", "", "14/07/2024"],
            )
        },
        flagged={},
    ),
    Case(
        "an open episode, or a blank or unreadable date, is not measured",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["4", "01/06/2024", "T1", ""],
                ["5", "", "T1", "14/07/2024"],
                ["9", "31/06/2024", "T1", "14/08/2024"],
                ["10", "01/06/2024", "T1", "2024-07-31"],
            )
        },
        flagged={},
    ),
]
