"""Rule 148: an episode has an end date without a reason, or a reason without an end date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table


@rule(
    code="148",
    message=(
        "Date episode ceased and reason episode ceased must both be coded, or both left blank."
    ),
    tables=["Episodes"],
    fields=["DEC", "REC"],
    tags=["episodes"],
)
def episode_end_date_and_reason_unpaired(ctx: RuleContext) -> pl.LazyFrame:
    """An episode has an end date but no reason for ending, or a reason but no end date.

    If the episode ended, give both its end date (DEC) and the reason it ended (REC); if it is still
    open, leave both blank.
    """
    # A DEC that is given but unreadable still counts as given; rule 147 reports it.
    has_end = pl.col(raw_name("DEC")).is_not_null()
    has_reason = pl.col("REC").is_not_null()
    return ctx.table("Episodes").filter(has_end != has_reason)


CASES = [
    Case(
        "an end date without a reason, or a reason without an end date, is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["3", "01/05/2023", "01/06/2023", ""],
                ["4", "01/05/2023", "", "X1"],
                ["6", "01/05/2023", "31/06/2023", ""],
            )
        },
        flagged={"Episodes": [0, 1, 2]},
    ),
    Case(
        "both given, an unreadable end date counting as given, or both blank is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["1", "01/05/2023", "01/06/2023", "E11"],
                ["2", "01/05/2023", "", ""],
                ["5", "01/05/2023", "31/06/2023", "X1"],
            )
        },
        flagged={},
    ),
]
