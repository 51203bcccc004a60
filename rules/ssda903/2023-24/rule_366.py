"""Rule 366: a short-break episode does not start a new period of care."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="366",
    message=(
        "A child cannot change placement during the course of an individual short-term "
        "respite break."
    ),
    tables=["Episodes"],
    fields=["RNE"],
    tags=["codes"],
)
def short_break_episode_not_started_afresh(ctx: RuleContext) -> pl.LazyFrame:
    """A short-break episode (legal status LS V3) has a reason for new episode (RNE) other than S.

    Each short break is recorded as its own episode that starts a new period of care (S), and a
    child cannot change placement during a break: correct the reason for new episode, or the legal
    status if this was not a short break.
    """
    # Under V3 each break is its own episode, so any other reason for new episode means the child
    # moved placement part-way through a break. A blank RNE is not S and is flagged.
    started = pl.col("RNE").is_in(ctx.codes("RNE_STARTED_CARE")).fill_null(False)
    is_break = pl.col("LS").is_in(ctx.codes("LS_RESPITE_EPISODE"))
    return ctx.table("Episodes").filter(is_break & ~started)


CASES = [
    Case(
        "a V3 episode with any reason but S, or a blank one, is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "RNE"],
                ["2", "V3", "P"],
                ["3", "V3", ""],
            )
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "a V3 episode starting with S, or another or blank legal status, is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "RNE"],
                ["1", "V3", "S"],
                ["4", "V4", "P"],
                ["5", "", "P"],
            )
        },
        flagged={},
    ),
]
