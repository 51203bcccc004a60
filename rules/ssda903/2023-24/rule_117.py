"""Rule 117: an adoption decision is dated after the year ended or after the child left care."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import in_order
from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table

DECISIONS = ["DATE_PLACED", "DATE_PLACED_CEASED"]


@rule(
    code="117",
    message=(
        "Date of decision that a child should/should no longer be placed for adoption is beyond "
        "the current collection year or after the child ceased to be looked after."
    ),
    tables=["PlacedAdoption", "Episodes"],
    fields=["DATE_PLACED_CEASED", "DATE_PLACED", "DEC", "REC", "DECOM"],
    tags=["dates", "adoption"],
)
def adoption_decision_after_year_or_care(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """An adoption decision, or its reversal, is dated after 31 March or after the child left care.

    The decision dates cannot be after the end of the collection year, nor after the end date (DEC)
    of the child's latest episode that ended their care (reason other than X1): correct whichever
    date is wrong.
    """
    # NOTE: DfE compares with the latest episode that did not end with the child staying looked
    # after (X1); when that episode is still open the child has not left care, so only the
    # collection end applies. Both the decision and, when its DEC is the reason, that episode are
    # blamed. A decision of a child with no episodes is still checked against 31 March.
    episodes = ctx.table("Episodes").filter(
        pl.col("DECOM").is_not_null()
        & ~pl.col("REC").is_in(ctx.codes("REC_CARE_CONTINUES")).fill_null(False)
    )
    latest = pl.col("_row") == pl.col("_row").sort_by(in_order("DECOM", "DEC")).last().over(
        child_of_row()
    )
    last_episodes = episodes.filter(latest)
    care_ended = last_episodes.select(
        "CHILD", pl.col("DEC").alias("care_ended"), pl.col("_row").alias("episode_row")
    )
    placed = ctx.table("PlacedAdoption").join(care_ended, on="CHILD", how="left")
    after_year = pl.any_horizontal([(pl.col(c) > ctx.end).fill_null(False) for c in DECISIONS])
    after_care = pl.any_horizontal(
        [(pl.col(c) > pl.col("care_ended")).fill_null(False) for c in DECISIONS]
    )
    # A decision after the end of care and that episode are each named beside the other.
    late_for_care = placed.filter(after_care).select(
        "CHILD", pl.col("_row").alias(RELATED_ROW), pl.lit("PlacedAdoption").alias(RELATED_TABLE)
    )
    return {
        "PlacedAdoption": placed.filter(after_year | after_care).with_columns(
            pl.when(after_care).then(pl.col("episode_row")).alias(RELATED_ROW),
            pl.lit("Episodes").alias(RELATED_TABLE),
        ),
        "Episodes": last_episodes.join(late_for_care, on="CHILD", how="inner"),
    }


CASES = [
    Case(
        "decisions after 31 March are flagged, on 31 March they are not, with or without episodes",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["1", "01/01/2020", "", ""],
                ["11", "01/01/2020", "01/09/2023", "E11"],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["1", "31/03/2024", ""],
                ["1", "01/04/2024", ""],
                ["1", "01/05/2023", "01/04/2024"],
                ["6", "01/04/2024", ""],
                ["6", "", ""],
                ["11", "01/10/2023", ""],
            ),
        },
        flagged={"PlacedAdoption": [1, 2, 3, 5], "Episodes": [1]},
        # Only a decision after the end of care names the episode.
        related=(("PlacedAdoption", 5, "Episodes", 1), ("Episodes", 1, "PlacedAdoption", 5)),
        period="2023-24",
    ),
    Case(
        "decisions after the latest ended episode are flagged with it, on its DEC they are not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["2", "01/01/2020", "01/09/2023", "E11"],
                ["3", "01/01/2020", "01/09/2023", "E11"],
                ["4", "01/01/2020", "01/09/2023", "E8"],
                ["4", "01/10/2023", "01/12/2023", "X1"],
                ["7", "01/01/2020", "01/06/2023", "E8"],
                ["7", "01/07/2023", "01/12/2023", "E11"],
                ["9", "01/07/2023", "01/12/2023", "E11"],
                ["9", "01/01/2020", "01/06/2023", "E8"],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["2", "01/09/2023", ""],
                ["2", "31/08/2023", ""],
                ["3", "01/05/2023", "02/09/2023"],
                ["4", "02/09/2023", ""],
                ["7", "01/08/2023", ""],
                ["9", "01/08/2023", ""],
            ),
        },
        flagged={"PlacedAdoption": [2, 3], "Episodes": [1, 2]},
        related=(
            ("PlacedAdoption", 2, "Episodes", 1),
            ("PlacedAdoption", 3, "Episodes", 2),
            ("Episodes", 1, "PlacedAdoption", 2),
            ("Episodes", 2, "PlacedAdoption", 3),
        ),
        period="2023-24",
    ),
    Case(
        "a child whose latest episode is open is checked against 31 March only",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["5", "01/01/2020", "01/09/2023", "X1"],
                ["5", "01/09/2023", "", ""],
                ["10", "01/01/2020", "01/06/2023", "E11"],
                ["10", "01/08/2023", "", ""],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["5", "01/12/2023", ""],
                ["10", "01/09/2023", ""],
            ),
        },
        flagged={},
        period="2023-24",
    ),
    Case(
        "a decision after both 31 March and the end of care is flagged, with the episode",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["2", "01/01/2020", "01/09/2023", "E11"],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["2", "01/04/2024", ""],
            ),
        },
        flagged={"PlacedAdoption": [0], "Episodes": [0]},
        period="2023-24",
    ),
    Case(
        "unreadable decision or end dates are not compared",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["2", "01/01/2020", "01/09/2023", "E11"],
                ["8", "01/01/2020", "31/02/2024", "E11"],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["2", "01/05/2023", "31/04/2024"],
                ["8", "01/03/2024", ""],
            ),
        },
        flagged={},
        period="2023-24",
    ),
    Case(
        "of two episodes starting the same day the open one is the latest, in any row order",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["1", "01/05/2023", "", ""],
                ["1", "01/05/2023", "10/05/2023", "E11"],
                ["2", "01/05/2023", "10/05/2023", "E11"],
                ["2", "01/05/2023", "", ""],
                ["3", "01/05/2023", "10/05/2023", "E11"],
                ["3", "01/05/2023", "12/05/2023", "E11"],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["1", "20/05/2023", ""],
                ["2", "20/05/2023", ""],
                ["3", "11/05/2023", ""],
            ),
        },
        flagged={},
        period="2023-24",
    ),
]
