"""Rule 523: the decision to place for adoption is dated differently from AD1's DATE_INT."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import in_order
from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.collections.ssda903.rulekit.related import beside
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table


@rule(
    code="523",
    message=(
        "Date of decision that the child should be placed for adoption should be the same date "
        "as the decision that adoption is in the best interest (date should be placed)."
    ),
    tables=["PlacedAdoption", "AD1"],
    fields=["DATE_PLACED", "DATE_INT"],
    tags=["dates", "adoption"],
)
def placement_decision_date_differs_from_adoption(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """The decision to place for adoption is dated differently from the best-interests decision.

    Both dates record the same decision: make the date of the latest decision to place the child for
    adoption (DATE_PLACED) match the date in the adoption record (DATE_INT).
    """
    # Both items record the same decision, that the child should be placed for adoption. A child may
    # have earlier decisions that were reversed (rule 558 expects this); only the most recent one
    # led to the adoption, so only it is compared, and it is flagged with the AD1 row. NOTE: the
    # peer compares every decision. Blank or unreadable dates are not compared.
    decisions = ctx.table("PlacedAdoption").filter(pl.col("DATE_PLACED").is_not_null())
    latest = (
        pl.col("_row")
        .sort_by(in_order("DATE_PLACED", "DATE_PLACED_CEASED"))
        .last()
        .over(child_of_row())
    )
    adoptions = ctx.table("AD1").filter(pl.col("DATE_INT").is_not_null())
    # The decision names the AD1 row it was compared with, and the AD1 row names the decision.
    compared = adoptions.select("CHILD", "DATE_INT", pl.col("_row").alias(RELATED_ROW))
    differing = (
        decisions.filter(pl.col("_row") == latest)
        # Equivalent mutant (ReplaceKeywordValue): a left join gives a decision with no AD1 row a
        # blank DATE_INT, and a comparison with a blank is dropped, as the inner join drops it.
        .join(compared, on="CHILD", how="inner")
        .filter(pl.col("DATE_PLACED") != pl.col("DATE_INT"))
    )
    flagged_adoptions = adoptions.join(differing.select("CHILD").unique(), on="CHILD", how="semi")
    return {
        "PlacedAdoption": differing.with_columns(pl.lit("AD1").alias(RELATED_TABLE)),
        "AD1": beside(flagged_adoptions, differing, "PlacedAdoption"),
    }


CASES = [
    Case(
        "a latest decision a day off DATE_INT is flagged with the AD1 row; the same day is not",
        tables={
            "AD1": table(
                ["CHILD", "DATE_INT"], ["1", "10/05/2023"], ["2", "10/05/2023"], ["3", "10/05/2023"]
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["1", "10/05/2023", ""],
                ["2", "09/05/2023", ""],
                ["3", "11/05/2023", ""],
            ),
        },
        flagged={"AD1": [1, 2], "PlacedAdoption": [1, 2]},
        related=(
            ("AD1", 1, "PlacedAdoption", 1),
            ("AD1", 2, "PlacedAdoption", 2),
            ("PlacedAdoption", 1, "AD1", 1),
            ("PlacedAdoption", 2, "AD1", 2),
        ),
    ),
    Case(
        "only the latest decision is compared, whatever the order of the rows",
        tables={
            "AD1": table(
                ["CHILD", "DATE_INT"],
                ["4", "10/05/2023"],
                ["9", "10/05/2023"],
                ["10", "10/05/2023"],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["4", "01/06/2021", "01/01/2022"],
                ["4", "10/05/2023", ""],
                ["9", "10/05/2023", ""],
                ["9", "01/06/2021", "01/01/2022"],
                ["10", "11/05/2023", ""],
                ["10", "10/05/2023", "11/05/2023"],
            ),
        },
        flagged={"AD1": [2], "PlacedAdoption": [4]},
        related=(("AD1", 2, "PlacedAdoption", 4), ("PlacedAdoption", 4, "AD1", 2)),
    ),
    Case(
        "a blank or unreadable date, or no AD1 row or decision, is not compared",
        tables={
            "AD1": table(
                ["CHILD", "DATE_INT"],
                ["5", ""],
                ["6", "10/05/2023"],
                ["8", "10/05/2023"],
                ["11", "10/05/2023"],
                ["12", "31/02/2023"],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["5", "01/04/2023", ""],
                ["6", "", ""],
                ["7", "01/04/2023", ""],
                ["8", "10/05/2023", ""],
                ["8", "2023-06-01", ""],
                ["12", "09/05/2023", ""],
            ),
        },
    ),
]
