"""Rule 1008: the URN is not on Ofsted's provider lists."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import OFSTED_COLUMNS
from csc_validate.collections.ssda903.rulekit.geography import with_provider
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="1008",
    message="Ofsted Unique Reference Number (URN) is not valid.",
    tables=["Episodes"],
    fields=["URN"],
    tags=["urn"],
    needs=["--ofsted"],
)
def urn_not_listed(ctx: RuleContext) -> pl.LazyFrame:
    """The URN is not on the Ofsted provider lists given with --ofsted.

    Blank URNs and XXXXXXX are not checked. Check the URN, and that the lists are Ofsted's
    latest children's homes and social care providers lists, closed providers included.
    """
    episodes = ctx.table("Episodes")
    listed = with_provider(ctx, episodes).select("_row")
    # XXXXXXX is compared exactly as written, as codes are everywhere else.
    urn = pl.col("URN")
    given = episodes.filter(urn.is_not_null() & (urn != "XXXXXXX"))
    return given.join(listed, on="_row", how="anti")


OFSTED = table(
    OFSTED_COLUMNS,
    ["SC100001", "Westminster", "K2", "PR1", "", "W1A 1AA"],
    ["SC100002", "Manchester", "K1, K2", "PR2/PR3", "", "M1 1AA"],
    ["SC100003", "Leeds", "R3", "PR3", "31/10/2024", "LS1 1AA"],
    ["2000004", "Westminster", "K3", "PR4", "", "SW1A 1AA"],
    ["SC100005", "Westminster", "", "", "", ""],
)

CASES = [
    Case(
        "a URN not on the lists is flagged, a mistyped XXXXXXXX placeholder too",
        tables={
            "Episodes": table(
                ["CHILD", "URN"],
                ["2", "SC999999"],
                ["6", "1234567"],
                ["7", "XXXXXXXX"],
            )
        },
        flagged={"Episodes": [0, 1, 2]},
        reference={"ofsted": OFSTED},
    ),
    Case(
        "listed URNs, blank and XXXXXXX are not flagged; in lower case they are not listed",
        tables={
            "Episodes": table(
                ["CHILD", "URN"],
                ["1", "SC100001"],
                ["3", ""],
                ["4", "XXXXXXX"],
                ["4", "xxxxxxx"],
                ["5", "sc100002"],
            )
        },
        reference={"ofsted": OFSTED},
        flagged={"Episodes": [3, 4]},
    ),
]
