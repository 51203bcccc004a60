"""Rule 365: a single short-break episode lasted longer than 17 days."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, days_between, raw_name, rule, table


@rule(
    code="365",
    message="Any individual short- term respite placement must not exceed 17 days.",
    tables=["Episodes"],
    fields=["LS", "DECOM", "DEC"],
    tags=["dates"],
)
def short_break_over_17_days(ctx: RuleContext) -> pl.LazyFrame:
    """A single short-break episode (legal status LS V3) lasted longer than 17 days.

    Check the episode's start and end dates and correct any that was mistyped; a longer stay is not
    a short break, so record the legal status that applied.
    """
    episodes = ctx.table("Episodes")
    # V3 records each short break as its own episode, so each episode is one break. An open episode
    # (blank DEC) runs to 31 March; an unreadable DECOM or DEC is left to rules 141 and 147.
    still_open = pl.col(raw_name("DEC")).is_null()
    until = pl.when(still_open).then(pl.lit(ctx.end, dtype=pl.Date)).otherwise(pl.col("DEC"))
    is_break = pl.col("LS").is_in(ctx.codes("LS_RESPITE_EPISODE"))
    return episodes.filter(is_break & (days_between(pl.col("DECOM"), until) > 17))


CASES = [
    Case(
        "17 days or fewer pass, 18 fail; only V3 counts",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "LS", "DEC"],
                ["1", "01/06/2024", "V3", "18/06/2024"],
                ["2", "01/06/2024", "V3", "19/06/2024"],
                ["3", "01/06/2024", "V4", "19/06/2024"],
                ["4", "", "V3", "19/06/2024"],
                ["5", "01/06/2024", "", "19/06/2024"],
                ["6", "01/06/2024", "V3", "31/06/2024"],
                ["7", "01/06/2024", "V3", "06/06/2024"],
            )
        },
        flagged={"Episodes": [1]},
        period="2024-25",
    ),
    Case(
        "an open episode runs to the end of the year",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "LS", "DEC"],
                ["1", "14/03/2025", "V3", ""],
                ["2", "13/03/2025", "V3", ""],
            )
        },
        flagged={"Episodes": [1]},
        period="2024-25",
    ),
]
