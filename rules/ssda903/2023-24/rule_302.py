"""Rule 302: an episode starts before the child was born."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import naming_at_most_first
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table


@rule(
    code="302",
    message="First episode starts before child was born.",
    tables=["Episodes", "Header"],
    fields=["DECOM", "DOB"],
    tags=["dates"],
)
def episode_starts_before_birth(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """An episode starts before the child's date of birth.

    Check the child's date of birth and the episode's start date (DECOM), and correct whichever is
    wrong.
    """
    # NOTE: DfE checks the first episode; any earlier episode starts earlier still, so checking
    # every episode flags the same children and points at the row to fix. Either date may be the
    # wrong one, so the child's Header row (where DOB is) is flagged too, as DfE lists both tables.
    # Each names the other beside it.
    header = ctx.table("Header")
    births = header.select("CHILD", "DOB", pl.col("_row").alias("header_row"))
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no Header row a blank
    # DOB, DECOM < DOB is then blank and the filter drops the row as the inner join does.
    episodes = ctx.table("Episodes").join(births, on="CHILD", how="inner")
    early = episodes.filter(pl.col("DECOM") < pl.col("DOB"))
    # Once each: an episode meets every Header row of its child.
    early_rows = early.select("CHILD", pl.col("_row").alias(RELATED_ROW)).unique()
    return {
        "Episodes": naming_at_most_first(
            early.with_columns(
                pl.col("header_row").alias(RELATED_ROW), pl.lit("Header").alias(RELATED_TABLE)
            )
        ),
        "Header": naming_at_most_first(
            header.select("_row", "CHILD")
            # Equivalent mutant (ReplaceKeywordValue): a row a left join finds no match for names no
            # row, and naming_at_most_first keeps only rows that name one, as the inner join does.
            .join(early_rows, on="CHILD", how="inner")
            .with_columns(pl.lit("Episodes").alias(RELATED_TABLE))
        ),
    }


CASES = [
    Case(
        "an episode starting the day before birth is flagged; the child's later one is not",
        tables={
            "Header": table(["CHILD", "DOB"], ["1", "10/05/2020"]),
            "Episodes": table(
                ["CHILD", "DECOM"],
                ["1", "09/05/2020"],
                ["1", "11/05/2020"],
            ),
        },
        flagged={"Episodes": [0], "Header": [0]},
        related=(("Episodes", 0, "Header", 0), ("Header", 0, "Episodes", 0)),
    ),
    Case(
        "an episode on the birthday, or with a blank, unreadable or missing date, is not flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["2", "10/05/2020"],
                ["3", ""],
                ["5", "31/02/2020"],
                ["6", "10/05/2020"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM"],
                ["2", "10/05/2020"],
                ["3", "01/01/2020"],
                ["4", "01/01/2000"],
                ["5", "01/01/2020"],
                ["6", "2020-05-09"],
            ),
        },
        flagged={},
    ),
    Case(
        "a child with two episodes before birth has both flagged and their Header row once",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["1", "10/05/2020"],
                ["2", "10/05/2020"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM"],
                ["1", "01/05/2020"],
                ["1", "09/05/2020"],
                ["1", "10/05/2020"],
                ["2", "10/05/2020"],
                ["2", "11/05/2020"],
            ),
        },
        flagged={"Episodes": [0, 1], "Header": [0]},
        related=(
            ("Episodes", 0, "Header", 0),
            ("Episodes", 1, "Header", 0),
            ("Header", 0, "Episodes", 0),
            ("Header", 0, "Episodes", 1),
        ),
    ),
]
