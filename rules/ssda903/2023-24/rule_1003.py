"""Rule 1003: decision to place for adoption dated before the child started to be looked after."""

import polars as pl

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
    code="1003",
    message=(
        "Date of LA's decision that a child should be placed for adoption is before the child "
        "started to be looked after."
    ),
    tables=["PlacedAdoption", "Episodes"],
    fields=["DATE_PLACED", "DECOM", "RNE"],
    tags=["adoption", "dates"],
)
def adoption_decision_before_care_began(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """The decision to place for adoption is dated before the child started to be looked after.

    Compare the date of the decision to place for adoption with the start date (DECOM) of the
    episode in which the child started to be looked after (reason for new episode S), and correct
    whichever date is wrong.
    """
    # DfE compares DATE_PLACED with the DECOM of the first episode whose RNE is S; both the decision
    # and that episode are flagged. A child with no S episode this year is not tested.
    first_start = (
        ctx.table("Episodes")
        .filter(pl.col("RNE").is_in(ctx.codes("RNE_STARTED_CARE")) & pl.col("DECOM").is_not_null())
        .sort(["CHILD", "DECOM", by_content()])
        # Equivalent mutant (ReplaceTrueWithFalse): keep="first" picks by the sorted order
        # whatever the output order, and the join below does not depend on row order.
        .unique("CHILD", keep="first", maintain_order=True)
    )
    pairs = ctx.table("PlacedAdoption").join(
        first_start.select("CHILD", "DECOM", pl.col("_row").alias("episode_row")),
        on="CHILD",
        # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no S episode a
        # null DECOM, and the comparison with null drops the row just as the inner join does.
        how="inner",
    )
    early = pairs.filter(pl.col("DATE_PLACED") < pl.col("DECOM"))
    # Each of the two rows is named beside the other, as the row it was compared with.
    return {
        "PlacedAdoption": early.with_columns(
            pl.col("episode_row").alias(RELATED_ROW), pl.lit("Episodes").alias(RELATED_TABLE)
        ),
        "Episodes": early.select(
            pl.col("episode_row").alias("_row"),
            pl.col("_row").alias(RELATED_ROW),
            pl.lit("PlacedAdoption").alias(RELATED_TABLE),
        ),
    }


CASES = [
    Case(
        "a decision the day before care began is flagged with the episode; on or after is not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE"],
                ["1", "10/05/2024", "S"],
                ["1", "20/06/2024", "P"],
                ["2", "10/05/2024", "S"],
                ["5", "10/05/2024", "S"],
                ["6", "10/05/2024", "S"],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED"],
                ["1", "09/05/2024"],
                ["2", "10/05/2024"],
                ["2", ""],
                ["5", "11/05/2024"],
                ["6", "31/02/2024"],
                ["6", "2024-05-09"],
            ),
        },
        flagged={"PlacedAdoption": [0], "Episodes": [0]},
        related=(("PlacedAdoption", 0, "Episodes", 0), ("Episodes", 0, "PlacedAdoption", 0)),
    ),
    Case(
        "the decision is compared with the earliest readable DECOM among episodes with RNE S",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE"],
                ["3", "10/05/2024", "P"],
                ["4", "10/05/2024", "S"],
                ["4", "01/09/2024", "S"],
                ["8", "01/09/2024", "S"],
                ["8", "10/05/2024", "S"],
                ["9", "31/04/2024", "S"],
                ["9", "10/05/2024", "S"],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED"],
                ["3", "01/01/2024"],
                ["4", "01/06/2024"],
                ["7", "01/01/2024"],
                ["8", "01/06/2024"],
                ["9", "09/05/2024"],
            ),
        },
        flagged={"PlacedAdoption": [4], "Episodes": [6]},
        related=(("PlacedAdoption", 4, "Episodes", 6), ("Episodes", 6, "PlacedAdoption", 4)),
    ),
]
