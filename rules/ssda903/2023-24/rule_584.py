"""Rule 584: a new decision is not later than a decision that ceased last year."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    raw_name,
    rule,
    table,
)
from csc_validate.tables import PREVIOUS_SUFFIX


@rule(
    code="584",
    message=(
        "Date of decision that the child should be placed for adoption this year is different"
        " from that recorded last year, but the decision to placed the child for adoption changed"
        " and the child should no longer be placed for adoption."
    ),
    tables=["PlacedAdoption", "PlacedAdoption_last"],
    fields=["DATE_PLACED"],
    tags=["adoption", "previous-year"],
)
def decision_not_after_ceased_one(ctx: RuleContext) -> pl.LazyFrame:
    """A decision to place for adoption is not dated after a decision that ceased last year.

    Last year's return showed the child's decision as ceased, so a decision this year is a new one
    made later: correct its date, or remove a decision repeated from last year.
    """
    # DfE: if last year's DATE_PLACED was given with a ceased date or reason, this year's
    # DATE_PLACED must be later. An equal date is also rule 561's. A blank date this year is not
    # compared (rule 115 and 563 cover blanks).
    ceased = (
        ctx.table("PlacedAdoption_last")
        .filter(
            pl.col(raw_name("DATE_PLACED_CEASED")).is_not_null()
            | pl.col("REASON_PLACED_CEASED").is_not_null()
        )
        .filter(pl.col("DATE_PLACED").is_not_null())
        # Last year's latest ceased decision, the one compared, is named beside the decision.
        # Equivalent mutant (ReplaceComparisonOperator_Eq_GtE): no date is after the child's
        # latest, so `>=` the latest keeps what `==` keeps.
        .filter(pl.col("DATE_PLACED") == pl.col("DATE_PLACED").max().over(child_of_row()))
        .select(
            "CHILD",
            pl.col("DATE_PLACED").alias("ceased_decision"),
            pl.col("_row").alias(RELATED_ROW),
            pl.lit(f"PlacedAdoption{PREVIOUS_SUFFIX}").alias(RELATED_TABLE),
        )
    )
    current = ctx.table("PlacedAdoption")
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a decision with no ceased one last
    # year a blank ceased_decision, and a comparison with a blank is dropped, as the inner join
    # drops it.
    return current.join(ceased, on="CHILD", how="inner").filter(
        pl.col("DATE_PLACED") <= pl.col("ceased_decision")
    )


CASES = [
    Case(
        "a decision on or before last year's ceased one is flagged; the day after it is not",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED"],
                ["1", "30/04/2024"],
                ["3", "02/05/2024"],
                ["9", "30/04/2024"],
                ["9", "02/05/2024"],
            ),
            "PlacedAdoption_last": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
                ["1", "01/05/2024", "01/12/2024", "RD1"],
                ["3", "01/05/2024", "01/12/2024", ""],
                ["9", "01/05/2024", "01/12/2024", "RD1"],
            ),
        },
        flagged={"PlacedAdoption": [0, 2]},
        related=(
            ("PlacedAdoption", 0, "PlacedAdoption_last", 0),
            ("PlacedAdoption", 2, "PlacedAdoption_last", 2),
        ),
    ),
    Case(
        "last year's decision ceased if it has a reason or a ceased date, even an unreadable one",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED"],
                ["2", "01/05/2024"],
                ["4", "30/04/2024"],
                ["6", "01/05/2024"],
            ),
            "PlacedAdoption_last": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
                ["2", "01/05/2024", "", "RD1"],
                ["4", "01/05/2024", "", ""],
                ["6", "01/05/2024", "31/02/2025", ""],
            ),
        },
        flagged={"PlacedAdoption": [0, 2]},
    ),
    Case(
        "the latest of last year's ceased decisions is compared, not a later open one",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED"],
                ["7", "01/03/2024"],
                ["8", "01/03/2024"],
                ["10", "01/03/2023"],
            ),
            "PlacedAdoption_last": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
                ["7", "01/05/2023", "01/06/2023", "RD1"],
                ["7", "01/05/2024", "01/12/2024", "RD1"],
                ["8", "01/05/2023", "01/06/2023", "RD1"],
                ["8", "01/05/2024", "", ""],
                ["10", "01/05/2023", "01/06/2023", "RD1"],
                ["10", "01/05/2024", "01/12/2024", "RD1"],
            ),
        },
        flagged={"PlacedAdoption": [0, 2]},
        # Only the latest ceased decision is named, though 10's is before both.
        related=(
            ("PlacedAdoption", 0, "PlacedAdoption_last", 1),
            ("PlacedAdoption", 2, "PlacedAdoption_last", 5),
        ),
    ),
    Case(
        "a blank or unreadable date this year is not compared",
        tables={
            "PlacedAdoption": table(["CHILD", "DATE_PLACED"], ["5", ""], ["10", "2024-04-30"]),
            "PlacedAdoption_last": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
                ["5", "01/05/2024", "01/12/2024", "RD1"],
                ["10", "01/05/2024", "01/12/2024", "RD1"],
            ),
        },
    ),
]
