"""Rule NoE: an episode started before this year but last year's episodes do not include it."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="NoE",
    message=(
        "This child has no episodes loaded for previous year even though child started to be "
        "looked after before this current year."
    ),
    tables=["Episodes", "Episodes_last"],
    fields=["DECOM"],
    tags=["previous-year"],
)
def early_episode_missing_from_last_year(ctx: RuleContext) -> pl.LazyFrame:
    """An episode started before 1 April, but the child has no episodes in last year's return.

    A child looked after before this year was in last year's return too: check the episode's start
    date (DECOM) and the child's ID against last year's return.
    """
    # The rule runs only when last year's episodes are supplied; it flags each such episode of a
    # child with no episode last year. A blank or unreadable start is not tested.
    children_last_year = ctx.table("Episodes_last").select("CHILD")
    return (
        ctx.table("Episodes")
        .filter(pl.col("DECOM") < ctx.start)
        .join(children_last_year, on="CHILD", how="anti")
    )


CASES = [
    Case(
        "an episode from before 1 April with no episodes last year is flagged",
        period="2025-26",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM"],
                ["1", "31/03/2025"],
                ["1", "01/04/2025"],
                ["2", "31/03/2025"],
                ["3", "01/04/2025"],
                ["4", ""],
            ),
            "Episodes_last": table(["CHILD", "DECOM"], ["2", "01/01/2025"]),
        },
        flagged={"Episodes": [0]},
    ),
    Case(
        "a start long before 1 April is flagged; a later or unreadable start is not tested",
        period="2025-26",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM"],
                ["1", "30/03/2025"],
                ["2", "02/04/2025"],
                ["3", "31/02/2025"],
                ["4", "2025-03-01"],
                ["5", "01/01/2020"],
                ["5", "31/03/2025"],
                ["6", "31/03/2025"],
                ["7", "31/03/2025"],
            ),
            "Episodes_last": table(
                ["CHILD", "DECOM"], ["6", ""], ["7", "01/01/2024"], ["7", "31/02/2025"]
            ),
        },
        flagged={"Episodes": [0, 4, 5]},
    ),
]
