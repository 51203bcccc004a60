"""Rule 227: the episode starts after the URN's provider closed."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import OFSTED_COLUMNS
from csc_validate.collections.ssda903.rulekit.geography import with_provider
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="227",
    message="Ofsted Unique reference number (URN) is not valid for the episode start date.",
    tables=["Episodes"],
    fields=["URN", "DECOM"],
    tags=["urn", "dates"],
    needs=["--ofsted"],
)
def episode_starts_after_provider_closed(ctx: RuleContext) -> pl.LazyFrame:
    """The episode starts on or after the day Ofsted lists the provider as closed."""
    providers = with_provider(ctx, ctx.table("Episodes"))
    return providers.filter(pl.col("DECOM") >= pl.col("REG_END"))


CASES = [
    Case(
        "an episode starting on or after the day the provider closed is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "DECOM"],
                ["2", "SC100003", "31/10/2024"],
                ["3", "SC100003", "01/11/2024"],
            )
        },
        flagged={"Episodes": [0, 1]},
        reference={
            "ofsted": table(
                OFSTED_COLUMNS,
                ["SC100003", "Leeds", "R3", "PR3", "31/10/2024", "LS1 1AA"],
            )
        },
    ),
    Case(
        "starting the day before closing, at an open provider, or with no readable start is clear",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "DECOM"],
                ["1", "SC100003", "30/10/2024"],
                ["4", "SC100001", "01/11/2024"],
                ["5", "SC100003", ""],
                ["6", "SC100003", "31/11/2024"],
            )
        },
        flagged={},
        reference={
            "ofsted": table(
                OFSTED_COLUMNS,
                ["SC100001", "Westminster", "K2", "PR1", "", "W1A 1AA"],
                ["SC100002", "Manchester", "K1, K2", "PR2/PR3", "", "M1 1AA"],
                ["SC100003", "Leeds", "R3", "PR3", "31/10/2024", "LS1 1AA"],
                ["2000004", "Westminster", "K3", "PR4", "", "SW1A 1AA"],
                ["SC100005", "Westminster", "", "", "", ""],
            )
        },
    ),
]
