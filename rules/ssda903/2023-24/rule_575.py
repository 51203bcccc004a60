"""Rule 575: the placement a child went missing from ended but the missing period is open."""

import polars as pl

from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    raw_name,
    rule,
    table,
)


@rule(
    code="575",
    message=(
        "If the placement from which the child goes missing/away from placement without"
        " authorisation ends, the missing/away from placement without authorisation period in the"
        " missing module must also have an end date."
    ),
    tables=["Missing", "Episodes"],
    fields=["MIS_END"],
    tags=["missing"],
)
def open_missing_period_after_placement_ended(ctx: RuleContext) -> pl.LazyFrame:
    """A missing or away period has no end date, but the placement the child left from has ended.

    Enter the date the missing or away period ended, or check the dates of the placement.
    """
    # The placement the child went missing from is the episode running on MIS_START: from its DECOM
    # up to the day before its DEC. On the day an episode ends the next one has begun, so a period
    # starting that day belongs to the next episode.
    episodes = ctx.table("Episodes").filter(pl.col("DEC").is_not_null())
    # The episode the period started in is named beside it.
    episodes = episodes.select("CHILD", "DECOM", "DEC", pl.col("_row").alias(RELATED_ROW))
    open_periods = ctx.table("Missing").filter(pl.col(raw_name("MIS_END")).is_null())
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a period with no ended episode a
    # blank DECOM and DEC, and a comparison with a blank is dropped, as the inner join drops it.
    in_ended_episode = open_periods.join(episodes, on="CHILD", how="inner").filter(
        (pl.col("DECOM") <= pl.col("MIS_START")) & (pl.col("MIS_START") < pl.col("DEC"))
    )
    return in_ended_episode.with_columns(pl.lit("Episodes").alias(RELATED_TABLE))


CASES = [
    Case(
        "an open period from DECOM to the day before DEC is flagged; one starting on DEC is not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["1", "01/04/2024", "10/05/2024"],
                ["1", "10/05/2024", ""],
                ["5", "01/04/2024", "10/05/2024"],
                ["5", "10/05/2024", "20/05/2024"],
            ),
            "Missing": table(
                ["CHILD", "MIS_START", "MIS_END"],
                ["1", "01/04/2024", ""],
                ["1", "09/05/2024", ""],
                ["1", "10/05/2024", ""],
                ["1", "02/04/2024", "03/04/2024"],
                ["1", "11/05/2024", ""],
                ["5", "19/05/2024", ""],
                ["5", "20/05/2024", ""],
            ),
        },
        flagged={"Missing": [0, 1, 5]},
        related=(
            ("Missing", 0, "Episodes", 0),
            ("Missing", 1, "Episodes", 0),
            ("Missing", 5, "Episodes", 3),
        ),
    ),
    Case(
        "only a child's open period starting inside the ended episode is flagged",
        tables={
            "Episodes": table(["CHILD", "DECOM", "DEC"], ["2", "01/04/2024", "10/05/2024"]),
            "Missing": table(
                ["CHILD", "MIS_START", "MIS_END"],
                ["2", "31/03/2024", ""],
                ["2", "05/05/2024", ""],
                ["2", "", ""],
                ["2", "06/05/2024", "31/02/2024"],
                ["2", "2024-05-05", ""],
            ),
        },
        flagged={"Missing": [1]},
        related=(("Missing", 1, "Episodes", 0),),
    ),
    Case(
        "a child with no episodes, or whose only DEC is unreadable, is not compared",
        tables={
            "Episodes": table(["CHILD", "DECOM", "DEC"], ["4", "01/04/2024", "2024-05-10"]),
            "Missing": table(
                ["CHILD", "MIS_START", "MIS_END"], ["3", "05/05/2024", ""], ["4", "05/05/2024", ""]
            ),
        },
    ),
]
