"""Rule 118: a reversed adoption decision is dated before the year or before care began."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    by_content,
    rule,
    table,
)


@rule(
    code="118",
    message=(
        "Date of decision that a child should no longer be placed for adoption is before the "
        "current collection year or before the date the child started to be looked after."
    ),
    tables=["PlacedAdoption", "Episodes"],
    fields=["DECOM", "LS"],
    tags=["dates", "adoption"],
)
def adoption_reversal_before_year_or_care(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """An adoption decision's reversal is dated before 1 April or before the child's care began.

    The date the decision was reversed (DATE_PLACED_CEASED) must fall in the collection year and on
    or after the start date (DECOM) of the child's first episode that is not a short break: correct
    whichever date is wrong.
    """
    # NOTE: DfE takes the start of care from the earliest episode with a legal status other than a
    # short break (LS V3 or V4). Both the decision and, when its DECOM is the reason, that episode
    # are blamed. A reversal of a child with no episodes is still checked against 1 April.
    episodes = ctx.table("Episodes").filter(
        pl.col("DECOM").is_not_null()
        & ~pl.col("LS").is_in(ctx.codes("LS_RESPITE")).fill_null(False)
    )
    # Of two episodes starting that day either gives the same date; content decides, not file order.
    in_order = pl.col("_row").sort_by(["DECOM", by_content()])
    earliest = pl.col("_row") == in_order.first().over(child_of_row())
    first_episodes = episodes.filter(earliest)
    care_began = first_episodes.select(
        "CHILD", pl.col("DECOM").alias("care_began"), pl.col("_row").alias("episode_row")
    )
    placed = ctx.table("PlacedAdoption").join(care_began, on="CHILD", how="left")
    reversal = pl.col("DATE_PLACED_CEASED")
    before_year = (reversal < ctx.start).fill_null(False)
    before_care = (reversal < pl.col("care_began")).fill_null(False)
    # A reversal before care began and that first episode are each named beside the other.
    early_for_care = placed.filter(before_care).select(
        "CHILD", pl.col("_row").alias(RELATED_ROW), pl.lit("PlacedAdoption").alias(RELATED_TABLE)
    )
    return {
        "PlacedAdoption": placed.filter(before_year | before_care).with_columns(
            pl.when(before_care).then(pl.col("episode_row")).alias(RELATED_ROW),
            pl.lit("Episodes").alias(RELATED_TABLE),
        ),
        "Episodes": first_episodes.join(early_for_care, on="CHILD", how="inner"),
    }


CASES = [
    Case(
        "reversals before 1 April are flagged, on 1 April they are not, with or without episodes",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "LS", "DEC", "REC"],
                ["1", "01/01/2020", "C2", "", ""],
                ["8", "01/06/2023", "C2", "", ""],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["1", "01/02/2023", "01/04/2023"],
                ["1", "01/02/2023", "31/03/2023"],
                ["1", "01/02/2023", ""],
                ["4", "01/02/2023", "31/03/2023"],
                ["4", "01/02/2023", "01/04/2023"],
                ["8", "01/02/2023", "01/05/2023"],
            ),
        },
        flagged={"PlacedAdoption": [1, 3, 5], "Episodes": [1]},
        # Only a reversal before care began names the episode.
        related=(("PlacedAdoption", 5, "Episodes", 1), ("Episodes", 1, "PlacedAdoption", 5)),
        period="2023-24",
    ),
    Case(
        "reversals before the first non-respite episode are flagged with it, on its DECOM are not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "LS", "DEC", "REC"],
                ["2", "01/06/2023", "V3", "05/06/2023", "E8"],
                ["2", "01/07/2023", "C2", "", ""],
                ["3", "01/06/2023", "C2", "", ""],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["2", "01/06/2023", "30/06/2023"],
                ["2", "01/06/2023", "01/07/2023"],
                ["3", "01/06/2023", "01/06/2023"],
                ["3", "01/06/2023", "02/06/2023"],
                ["3", "01/06/2023", "31/06/2023"],
            ),
        },
        flagged={"PlacedAdoption": [0], "Episodes": [1]},
        related=(("PlacedAdoption", 0, "Episodes", 1), ("Episodes", 1, "PlacedAdoption", 0)),
        period="2023-24",
    ),
    Case(
        "the first episode is the earliest by start date, whatever the file order",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "LS", "DEC", "REC"],
                ["5", "01/06/2023", "C2", "30/06/2023", "E8"],
                ["5", "01/08/2023", "C2", "", ""],
                ["6", "01/08/2023", "C2", "", ""],
                ["6", "01/06/2023", "C2", "30/06/2023", "E8"],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["5", "01/06/2023", "15/07/2023"],
                ["6", "01/06/2023", "15/07/2023"],
            ),
        },
        flagged={},
        period="2023-24",
    ),
    Case(
        "a first episode with a blank legal status is not a short break and starts care",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "LS", "DEC", "REC"],
                ["7", "01/06/2023", "", "30/06/2023", "E8"],
                ["7", "01/08/2023", "C2", "", ""],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["7", "01/06/2023", "15/07/2023"],
            ),
        },
        flagged={},
        period="2023-24",
    ),
    Case(
        "a reversal before both 1 April and the start of care is flagged, with the episode",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "LS", "DEC", "REC"],
                ["3", "01/06/2023", "C2", "", ""],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["3", "01/02/2023", "31/03/2023"],
            ),
        },
        flagged={"PlacedAdoption": [0], "Episodes": [0]},
        period="2023-24",
    ),
]
