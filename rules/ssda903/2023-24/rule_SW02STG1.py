"""Rule SW02STG1: social worker ID does not begin with SW or XX."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="SW02STG1",
    message="Social worker ID does not begin with the characters ‘SW’ or ‘XX’.",
    tables=["SWEpisodes"],
    fields=["SW_ID"],
    tags=["social-workers"],
)
def social_worker_id_badly_prefixed(ctx: RuleContext) -> pl.LazyFrame:
    """A social worker ID (SW_ID) is blank or does not begin with SW or XX.

    Enter the social worker's ID from the children's social work workforce census, which begins with
    SW, or an ID beginning with XX when it is not known.
    """
    # The ID links the child to the children's social work workforce census. A blank ID does
    # not begin with either, so it is flagged. The prefix is compared exactly as written, as
    # codes are everywhere else: DfE's prefixes are SW and XX in capitals.
    prefix = pl.col("SW_ID").str.slice(0, 2)
    return ctx.table("SWEpisodes").filter(~prefix.is_in(ctx.codes("SW_ID_PREFIX")).fill_null(False))


CASES = [
    Case(
        "IDs not starting SW or XX, and blank IDs, are flagged",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_ID"],
                ["4", "S123"],
                ["5", ""],
                ["6", "AB1234"],
                ["7", "1SW2"],
            )
        },
        flagged={"SWEpisodes": [0, 1, 2, 3]},
    ),
    Case(
        "IDs starting SW or XX are not flagged, however short; sw and xx are",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_ID"],
                ["1", "SW123456"],
                ["2", "XX"],
                ["3", "sw1"],
                ["3", "xx99"],
            )
        },
        flagged={"SWEpisodes": [2, 3]},
    ),
]
