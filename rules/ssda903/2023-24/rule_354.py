"""Rule 354: an episode starts after the end of the collection year."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="354",
    message="Date episode ceased must be on or before the end of the current collection year.",
    tables=["Episodes"],
    fields=["DECOM"],
    tags=["dates"],
)
def episode_starts_after_year_end(ctx: RuleContext) -> pl.LazyFrame:
    """An episode's start date (DECOM) is after 31 March, the end of the collection year.

    Check the start date in the episode record: correct it if mistyped, or leave an episode that
    really starts after 31 March out of this year's return.
    """
    # NOTE: DfE gives 354 the same message as 385, which checks the date the episode ceased (DEC);
    # 354's check is on DECOM, the field DfE lists for it. A blank or unreadable DECOM is left to
    # rule 141.
    return ctx.table("Episodes").filter(pl.col("DECOM") > ctx.end)


CASES = [
    Case(
        "an episode starting the day after the year ends is flagged",
        period="2024-25",
        tables={"Episodes": table(["CHILD", "DECOM", "DEC"], ["2", "01/04/2025", ""])},
        flagged={"Episodes": [0]},
    ),
    Case(
        "an episode starting by 31 March is not flagged, even if it ends after",
        period="2024-25",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["1", "31/03/2025", ""],
                ["4", "01/01/2025", "01/04/2025"],
                ["5", "30/03/2025", ""],
            )
        },
        flagged={},
    ),
    Case(
        "a blank or unreadable start is left to rule 141",
        period="2024-25",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["3", "", ""],
                ["6", "31/04/2025", ""],
                ["7", "2025-04-01", ""],
            )
        },
        flagged={},
    ),
]
