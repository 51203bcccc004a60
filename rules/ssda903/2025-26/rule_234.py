"""Rule 234: a child under 10 changes placement because they were taken into custody."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import with_neighbours
from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    age_on,
    rule,
    table,
)


@rule(
    code="234",
    message="A child aged under 10 can not change placement due to being admitted to custody",
    tables=["Episodes", "Header"],
    fields=["REASON_PLACE_CHANGE", "DOB"],
    tags=["episodes", "placements", "age"],
)
def custody_move_under_ten(ctx: RuleContext) -> pl.LazyFrame:
    """A child under 10 changed placement because they were taken into custody.

    A child under 10 cannot be admitted to custody: check the reason for placement change (CUSTOD)
    on the episode, the start date of the next episode and the child's date of birth.
    """
    # DfE's coding: if DECOM < DOB + 10 years then the previous episode's REASON_PLACE_CHANGE cannot
    # be CUSTOD. The reason sits on the episode that ends, and the move happens when the next one
    # starts, so the child's age is taken at the next DECOM. The episode holding CUSTOD is flagged.
    #
    # NOTE: the peer validator compares the CUSTOD episode's own start date instead, which also
    # flags children who were 10 by the time of the move.
    births = ctx.table("Header").select("CHILD", "DOB", pl.col("_row").alias("header_row"))
    episodes = with_neighbours(ctx.table("Episodes"), ["DECOM", "_row"]).join(
        births,
        on="CHILD",
        # Equivalent mutant (ReplaceKeywordValue): an inner join drops only children with no Header
        # row, whose blank DOB gives a blank age that the filter drops anyway.
        how="left",
    )
    custody = pl.col("REASON_PLACE_CHANGE").is_in(ctx.codes("REASON_PLACE_CHANGE_CUSTODY"))
    flagged = episodes.filter(custody & (age_on(pl.col("DOB"), pl.col("next_DECOM")) < 10))
    # Named beside the flagged episode: the next episode (the move) and the Header row (the DOB).
    return pl.concat(
        [
            flagged.select(
                "_row",
                pl.col("next__row").alias(RELATED_ROW),
                pl.lit("Episodes").alias(RELATED_TABLE),
            ),
            flagged.select(
                "_row",
                pl.col("header_row").alias(RELATED_ROW),
                pl.lit("Header").alias(RELATED_TABLE),
            ),
        ]
    )


CASES = [
    Case(
        "a custody move starting the next episode the day before the 10th birthday is flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["1", "15/06/2016"],
                ["2", "15/06/2016"],
                ["3", ""],
                ["4", "15/06/2016"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "REASON_PLACE_CHANGE"],
                ["1", "01/05/2025", "CUSTOD"],
                ["1", "14/06/2026", ""],
                ["2", "01/05/2025", "CUSTOD"],
                ["2", "15/06/2026", ""],
                ["3", "01/05/2025", "CUSTOD"],
                ["3", "01/06/2025", ""],
                ["4", "01/05/2025", "CUSTOD"],
                ["4", "01/06/2025", "CARPL"],
                ["4", "01/07/2025", ""],
            ),
        },
        flagged={"Episodes": [0, 6]},
        related=(
            ("Episodes", 0, "Episodes", 1),
            ("Episodes", 0, "Header", 0),
            ("Episodes", 6, "Episodes", 7),
            ("Episodes", 6, "Header", 3),
        ),
    ),
    Case(
        "a move a day or years after the 10th birthday, or without a next move or DOB, is clear",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["1", "15/06/2016"],
                ["2", "15/06/2016"],
                ["3", "31/02/2016"],
                ["4", "2016-06-15"],
                ["6", "15/06/2016"],
                ["7", "15/06/2013"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "REASON_PLACE_CHANGE"],
                ["1", "01/05/2025", "CUSTOD"],
                ["1", "16/06/2026", ""],
                ["2", "01/05/2025", ""],
                ["2", "01/06/2025", "CUSTOD"],
                ["3", "01/05/2025", "CUSTOD"],
                ["3", "01/06/2025", ""],
                ["4", "01/05/2025", "CUSTOD"],
                ["4", "01/06/2025", ""],
                ["5", "01/05/2025", "CUSTOD"],
                ["5", "01/06/2025", ""],
                ["6", "01/06/2025", ""],
                ["6", "01/05/2025", "CUSTOD"],
                ["7", "01/05/2025", "CUSTOD"],
                ["7", "01/06/2025", ""],
            ),
        },
        flagged={"Episodes": [11]},
        related=(("Episodes", 11, "Episodes", 10), ("Episodes", 11, "Header", 4)),
    ),
]
