"""Rule 233: an episode that has not ended gives a reason for placement change."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table


@rule(
    code="233",
    message="Reason for placement change is not required when the episode has not ceased.",
    tables=["Episodes"],
    fields=["REASON_PLACE_CHANGE"],
    tags=["episodes", "placements"],
)
def reason_given_for_open_episode(ctx: RuleContext) -> pl.LazyFrame:
    """An episode that has not ended gives a reason for placement change.

    The reason for placement change says why a placement ended: remove it, or enter the date the
    episode ended (DEC).
    """
    # NOTE: the peer reads a column DATE_EPISODE_CEASED, which Episodes does not have, and fails.
    # Flagged: a blank DEC with REASON_PLACE_CHANGE filled in. An unreadable DEC is not blank: the
    # episode may have ended, and rule 147 reports the date.
    open_episode = pl.col(raw_name("DEC")).is_null()
    return ctx.table("Episodes").filter(open_episode & pl.col("REASON_PLACE_CHANGE").is_not_null())


CASES = [
    Case(
        "a reason on an open episode is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REASON_PLACE_CHANGE"],
                ["1", "01/05/2025", "", "CARPL"],
                ["2", "01/05/2025", "01/06/2025", "CARPL"],
                ["3", "01/05/2025", "", ""],
                ["4", "01/05/2025", "31/06/2025", "CARPL"],
                ["5", "01/05/2025", "", "XYZ"],
            )
        },
        flagged={"Episodes": [0, 4]},
    ),
    Case(
        "only the open episode of a child with several is flagged; an unreadable DEC is not blank",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REASON_PLACE_CHANGE"],
                ["1", "01/05/2025", "01/06/2025", "CARPL"],
                ["1", "01/06/2025", "", "CARPL"],
                ["2", "01/05/2025", "2025-06-01", "CARPL"],
                ["3", "01/05/2025", "01/06/2025", ""],
                ["3", "01/06/2025", "", ""],
                ["4", "", "", "CARPL"],
            )
        },
        flagged={"Episodes": [1, 5]},
    ),
]
