"""Rule 2884: one initial conference recorded on both a Section 47 record and its CIN episode."""

import polars as pl

from csc_validate.collections.cin.rulekit import CHILD_KEY
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table


@rule(
    code="2884",
    message=(
        "An initial child protection conference is recorded at both the S47 and CIN Details "
        "level and it should only be recorded in one"
    ),
    tables=["Section47", "CINdetails"],
    fields=["DateOfInitialCPC"],
    tags=["section47", "conferences"],
)
def conference_recorded_twice(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """The same initial child protection conference date is recorded both on a Section 47
    record and on a CIN episode of the same child.

    A conference that followed a Section 47 enquiry belongs on the Section 47 record; the CIN
    episode's own conference date is only for a conference held without one. Remove the date
    from one of the two records. Both rows are flagged.
    """
    # NOTE: matched on the child, not the episode, as the peer does: a child has one initial
    # conference on a given day, so the same date at both levels is one conference recorded
    # twice whichever episodes hold it. Two different dates are two conferences and pass.
    episode_conferences = (
        ctx.table("CINdetails")
        .filter(pl.col("DateOfInitialCPC").is_not_null())
        .select(CHILD_KEY, "DateOfInitialCPC", pl.col("_row").alias("episode_row"))
    )
    twice = ctx.table("Section47").join(
        episode_conferences, on=[CHILD_KEY, "DateOfInitialCPC"], how="inner"
    )
    # Each record names the other holding the same conference.
    return {
        "Section47": twice.with_columns(
            pl.col("episode_row").alias(RELATED_ROW), pl.lit("CINdetails").alias(RELATED_TABLE)
        ),
        "CINdetails": twice.select(
            pl.col("episode_row").alias("_row"),
            pl.col("_row").alias(RELATED_ROW),
            pl.lit("Section47").alias(RELATED_TABLE),
        ),
    }


CASES = [
    Case(
        "the same date at both levels is flagged on both rows; different dates are not",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "DateOfInitialCPC"],
                ["A", "1", "2024-05-20"],
                ["B", "1", "2024-05-20"],
                ["C", "1", "2024-05-20"],
            ),
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
                ["A", "1", "2024-05-01", "2024-05-20"],
                ["B", "1", "2024-05-01", "2024-05-21"],
                ["C", "1", "2024-05-01", "2024-05-19"],
                ["D", "1", "2024-05-01", "2024-05-20"],
            ),
        },
        flagged={"Section47": [0], "CINdetails": [0]},
    ),
    Case(
        "the same conference recorded on another episode of the child is flagged",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "DateOfInitialCPC"],
                ["A", "1", ""],
                ["A", "2", "2024-09-02"],
                ["B", "1", "2024-09-02"],
            ),
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
                ["A", "1", "2024-08-20", "2024-09-02"],
                ["A", "2", "2024-08-20", ""],
                ["C", "1", "2024-08-20", "2024-09-02"],
            ),
        },
        flagged={"Section47": [0], "CINdetails": [1]},
        # Each record names the other holding the same conference.
        related=(
            ("CINdetails", 1, "Section47", 0),
            ("Section47", 0, "CINdetails", 1),
        ),
    ),
    Case(
        "blank and unreadable dates at both levels are not a conference recorded twice",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "DateOfInitialCPC"],
                ["A", "1", ""],
                ["B", "1", "2024-02-30"],
            ),
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
                ["A", "1", "2024-02-01", ""],
                ["B", "1", "2024-02-01", "2024-02-30"],
            ),
        },
    ),
]
