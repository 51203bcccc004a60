"""Rule 228: the episode ends after the URN's provider closed."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import OFSTED_COLUMNS
from csc_validate.collections.ssda903.rulekit.geography import with_provider
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="228",
    message="Ofsted Unique reference number (URN) is not valid for the episode end date",
    tables=["Episodes"],
    fields=["URN", "DEC"],
    tags=["urn", "dates"],
    needs=["--ofsted"],
)
def episode_ends_after_provider_closed(ctx: RuleContext) -> pl.LazyFrame:
    """The episode ends after the day Ofsted lists the provider as closed.

    An episode still open at the end of the year counts as ending on 31 March.
    """
    providers = with_provider(ctx, ctx.table("Episodes"))
    ends = pl.coalesce(pl.col("DEC"), pl.lit(ctx.end))
    return providers.filter(ends > pl.col("REG_END"))


CASES = [
    Case(
        "ending after the closing day is flagged; on it is not; open counts as 31 March",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "DEC"],
                ["1", "SC100003", "31/10/2024"],
                ["2", "SC100003", "01/11/2024"],
                ["3", "SC100003", ""],
                ["4", "SC100001", ""],
            )
        },
        flagged={"Episodes": [1, 2]},
        period="2024-25",
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
    Case(
        "an open episode is not flagged when the provider closed after the year ended",
        tables={"Episodes": table(["CHILD", "URN", "DEC"], ["1", "SC100003", ""])},
        flagged={},
        period="2023-24",
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
    Case(
        "only XXXXXXX itself is never looked up, even if a list has a row for it",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "DEC"],
                ["1", "XXXXXXX", "01/11/2024"],
                ["2", "ZZ100006", "01/11/2024"],
            )
        },
        flagged={"Episodes": [1]},
        period="2024-25",
        reference={
            "ofsted": table(
                OFSTED_COLUMNS,
                ["XXXXXXX", "Westminster", "K2", "PR1", "31/10/2024", "W1A 1AA"],
                ["ZZ100006", "Westminster", "K2", "PR1", "31/10/2024", "W1A 1AA"],
            )
        },
    ),
]
