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
    """A social worker episode's end date is written but is not a real dd/mm/yyyy date.

    Write the date the social worker episode ended as dd/mm/yyyy. Leave it blank while the
    episode is still open: a blank end date is not flagged.
    """
    # The message says "began" although the rule checks the end date (SW_DEC); it is DfE's
    # text as published.
    # NOTE: 2025-26 decision: the peer's 2025-26 change (changes.csv; dfe-updates.md §2.1) also
    # flags a blank SW_DEC. Not adopted: DfE's message is about a date that is "not a valid
    # date", and a blank is no date at all; an open episode has no end date, and from 2025-26
    # SW17STG2 requires the latest episode of a child in care to have none, so every correct
    # return would fail. This module therefore stays in force unchanged in 2025-26 and later.
    return ctx.table("SWEpisodes").filter(unreadable("SW_DEC"))


CASES = [
    Case(
        "impossible and wrongly shaped end dates are flagged, one of a child's several too",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DEC"],
                ["3", "30/02/2024"],
                ["4", "1/5/2023"],
                ["6", "01/05/2023"],
                ["6", "2023-06-01"],
                ["6", ""],
            )
        },
        flagged={"SWEpisodes": [0, 1, 3]},
    ),
    Case(
        "real end dates and blank ends (episode still open) are not flagged",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DEC"],
                ["1", "01/05/2023"],
                ["2", ""],
                ["5", "29/02/2024"],
            )
        },
    ),
]
