"""Rule SW13STG1: reason for social worker change is missing or not a code from the list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="SW13STG1",
    message="The reason for social worker change is either not valid or has not been entered.",
    tables=["SWEpisodes"],
    fields=["SW_REASON"],
    tags=["social-workers", "codes"],
)
def social_worker_reason_missing_or_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """A social worker episode's reason for change (SW_REASON) is blank or not a code from DfE's
    list.

    Enter the reason the child's social worker changed, using one of DfE's codes for the year.
    """
    # In 2023-24 the reason is required for every episode, so a blank is flagged.
    reason = pl.col("SW_REASON")
    return ctx.table("SWEpisodes").filter(reason.is_null() | ~reason.is_in(ctx.codes("SW_REASON")))


CASES = [
    Case(
        "blank and unknown reasons are flagged, however early the episode started",
        years=("2023-24",),
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_REASON"],
                ["3", "01/01/2020", ""],
                ["4", "01/05/2023", "LEFT"],
            )
        },
        flagged={"SWEpisodes": [0, 1]},
    ),
    Case(
        "reasons on DfE's list are not flagged; lower case is",
        years=("2023-24",),
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_REASON"],
                ["1", "01/05/2023", "MANAGE"],
                ["2", "01/05/2023", "fconta"],
            )
        },
        flagged={"SWEpisodes": [1]},
    ),
]
