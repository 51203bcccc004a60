"""Rule SW19STG2: two social worker episodes of a child start on the same date."""

import polars as pl

from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, rule, table


@rule(
    code="SW19STG2",
    message="There are 2 social worker episodes for the child starting on the same date.",
    tables=["SWEpisodes"],
    fields=["SW_DEC", "SW_DECOM"],
    tags=["social-workers", "dates"],
)
def social_worker_episodes_start_same_day(ctx: RuleContext) -> pl.LazyFrame:
    """Two or more social worker episodes of a child start on the same date.

    Each episode of a child starts on its own date. Every episode that shares its start date
    is flagged: keep the right one, or correct the dates.
    """
    # DfE's coding, as the peer quotes it: SW_DECOM "must be distinct from any other social
    # worker episodes for this child". NOTE: every episode that fails that is flagged; the peer
    # flags only the second and later copies, which hides which record to compare. Blank or
    # unreadable starts are not dates and are not compared (SW04STG1 reports them).
    start = pl.col("SW_DECOM")
    dated = ctx.table("SWEpisodes").filter(start.is_not_null())
    # Each episode is paired with every other of the child's starting that day, which it names;
    # one with no such other has no pair and is not flagged. A blank CHILD matches no row.
    others = dated.select("CHILD", "SW_DECOM", pl.col("_row").alias(RELATED_ROW))
    # Equivalent mutant (ReplaceKeywordValue): a left join adds only rows with a blank CHILD,
    # whose related row is blank, so the filter drops them as the inner join does.
    return dated.join(others, on=["CHILD", "SW_DECOM"], how="inner").filter(
        pl.col(RELATED_ROW) != pl.col("_row")
    )


CASES = [
    Case(
        "episodes of one child starting the same day are all flagged; a day apart are not",
        period="2025-26",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC"],
                ["1", "01/05/2025", "01/06/2025"],
                ["1", "01/05/2025", ""],
                ["2", "01/05/2025", "02/05/2025"],
                ["2", "02/05/2025", ""],
                ["3", "01/05/2025", ""],
                ["4", "01/05/2025", "01/06/2025"],
                ["4", "01/06/2025", "01/07/2025"],
                ["4", "01/06/2025", "01/08/2025"],
                ["4", "01/06/2025", ""],
            )
        },
        flagged={"SWEpisodes": [0, 1, 6, 7, 8]},
        related=tuple(
            ("SWEpisodes", row, "SWEpisodes", other)
            for rows in ((0, 1), (6, 7, 8))
            for row in rows
            for other in rows
            if other != row
        ),
    ),
    Case(
        "blank or unreadable starts are not compared",
        period="2025-26",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC"],
                ["1", "", "01/06/2025"],
                ["1", "", ""],
                ["2", "31/04/2025", "01/06/2025"],
                ["2", "31/04/2025", ""],
                ["3", "01/05/2025", "01/06/2025"],
                ["3", "2025-05-01", ""],
            )
        },
    ),
    Case(
        "rows with a blank CHILD are no one child's: the same start on two is not flagged",
        period="2025-26",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC"],
                ["", "01/05/2025", ""],
                ["", "01/05/2025", ""],
                ["5", "01/05/2025", ""],
                ["5", "01/05/2025", ""],
            )
        },
        flagged={"SWEpisodes": [2, 3]},
    ),
]
