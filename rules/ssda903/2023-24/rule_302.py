"""Rule 302: an episode starts before the child was born."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="302",
    message="First episode starts before child was born.",
    tables=["Episodes"],
    fields=["DECOM", "DOB"],
    tags=["dates"],
)
def episode_starts_before_birth(ctx: RuleContext) -> pl.LazyFrame:
    """An episode starts before the child's date of birth.

    Check the child's date of birth and the episode's start date (DECOM), and correct whichever is
    wrong.
    """
    # NOTE: DfE checks the first episode; any earlier episode starts earlier still, so checking
    # every episode flags the same children and points at the row to fix. The DOB comes from Header.
    births = ctx.table("Header").select("CHILD", "DOB")
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no Header row a blank
    # DOB, DECOM < DOB is then blank and the filter drops the row as the inner join does.
    episodes = ctx.table("Episodes").join(births, on="CHILD", how="inner")
    return episodes.filter(pl.col("DECOM") < pl.col("DOB"))


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
        flagged={"Episodes": [0]},
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
]
