"""Rule 353: an episode starts before 14 October 1991."""

import datetime as dt

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table

# The Children Act 1989 came into force on 14 October 1991; no episode under it is earlier.
CHILDREN_ACT_IN_FORCE = dt.date(1991, 10, 14)


@rule(
    code="353",
    message="No episode submitted can start before 14 October 1991.",
    tables=["Episodes"],
    fields=["DECOM"],
    tags=["dates"],
)
def episode_starts_before_children_act(ctx: RuleContext) -> pl.LazyFrame:
    """An episode's start date (DECOM) is before 14 October 1991.

    No episode can start before the Children Act 1989 came into force on that day: check the start
    date in the episode record and correct it.
    """
    # A blank or unreadable DECOM is left to rule 141.
    return ctx.table("Episodes").filter(pl.col("DECOM") < CHILDREN_ACT_IN_FORCE)


CASES = [
    Case(
        "an episode starting 13 October 1991 or earlier is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM"],
                ["1", "13/10/1991"],
                ["4", "01/01/1980"],
            )
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "an episode starting 14 October 1991 or later is not flagged",
        tables={"Episodes": table(["CHILD", "DECOM"], ["2", "14/10/1991"], ["5", "15/10/1991"])},
        flagged={},
    ),
    Case(
        "a blank or unreadable start is left to rule 141",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM"],
                ["3", ""],
                ["6", "31/09/1991"],
                ["7", "1991-10-13"],
            )
        },
        flagged={},
    ),
]
