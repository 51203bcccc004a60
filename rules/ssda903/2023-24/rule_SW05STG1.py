"""Rule SW05STG1: social worker episode end is not a valid date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table, unreadable


@rule(
    code="SW05STG1",
    message="Date social worker episode began is not a valid date.",
    tables=["SWEpisodes"],
    fields=["SW_DEC"],
    tags=["social-workers", "dates"],
)
def social_worker_end_unreadable(ctx: RuleContext) -> pl.LazyFrame:
    """A social worker episode's end date, when written, is a real dd/mm/yyyy date.

    Why: a blank end date means the episode is still open, so it is not flagged. The message
    says "began" although the rule checks the end date (SW_DEC); it is DfE's text as
    published. NOTE: an unreleased 2025-26 peer change also flags blank end dates; that is
    doubtful (an open episode has no end date) and is not adopted.
    """
    return ctx.table("SWEpisodes").filter(unreadable("SW_DEC"))


CASES = [
    Case(
        "impossible and wrongly shaped end dates are flagged; blanks are not",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DEC"],
                ["1", "01/05/2023"],
                ["2", ""],
                ["3", "30/02/2024"],
                ["4", "1/5/2023"],
                ["5", "29/02/2024"],
            )
        },
        flagged={"SWEpisodes": [2, 3]},
    ),
]
