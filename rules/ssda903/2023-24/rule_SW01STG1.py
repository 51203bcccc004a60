"""Rule SW01STG1: a child looked after on 31 March has no social worker episode information."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="SW01STG1",
    message="Child looked after on 31 March, but no social worker episode information is reported",
    tables=["Episodes", "SWEpisodes"],
    fields=["DEC"],
    tags=["social-workers"],
)
def looked_after_at_year_end_without_social_worker(ctx: RuleContext) -> pl.LazyFrame:
    """A child looked after on 31 March has no social worker ID, no social worker start date or no
    reason for change in any of their social worker episodes.

    Add the child's social worker episodes with the social worker's ID (SW_ID), the date each
    episode began (SW_DECOM) and the reason for the change (SW_REASON). The flagged row is the care
    episode open on 31 March; a short break (legal status V3 or V4) does not count as care.
    """
    # DfE's check asks for at least one instance of each of SW_ID, SW_DECOM and SW_REASON
    # among the child's social worker episodes. Looked after on 31 March means an episode that
    # started by 31 March, is still open (or ended after it) and is not a short break (V3/V4);
    # that episode is flagged.
    at_year_end = (
        (pl.col("DECOM") <= ctx.end)
        & (pl.col("DEC").is_null() | (pl.col("DEC") > ctx.end))
        & ~pl.col("LS").is_in(ctx.codes("LS_RESPITE")).fill_null(False)
    )
    reported = (
        ctx.table("SWEpisodes")
        .group_by(child_of_row())
        .agg(
            complete=pl.col("SW_ID").is_not_null().any()
            & pl.col("SW_DECOM#raw").is_not_null().any()
            & pl.col("SW_REASON").is_not_null().any()
        )
        .filter(pl.col("complete"))
        .select("CHILD")
    )
    return ctx.table("Episodes").filter(at_year_end).join(reported, on="CHILD", how="anti")


CASES = [
    Case(
        "an episode open after 31 March with no social worker details is flagged",
        period="2023-24",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "LS"],
                ["3", "01/01/2023", "", "C2"],
                ["4", "01/01/2023", "31/03/2024", "C2"],
                ["5", "01/01/2023", "01/04/2024", "C2"],
                ["6", "01/01/2023", "", "V3"],
                ["7", "01/04/2024", "", "C2"],
                ["8", "31/03/2024", "", ""],
                ["11", "01/01/2023", "30/03/2024", "C2"],
            ),
            "SWEpisodes": table(
                ["CHILD", "SW_ID", "SW_DECOM", "SW_REASON"],
                ["9", "SW1", "01/01/2023", "MANAGE"],
            ),
        },
        flagged={"Episodes": [0, 2, 5]},
    ),
    Case(
        "an ID, a start and a reason are needed, on one social worker episode or across several",
        period="2023-24",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "LS"],
                ["1", "01/01/2023", "", "C2"],
                ["2", "01/01/2023", "", "C2"],
                ["10", "01/01/2023", "", "C2"],
                ["12", "01/01/2023", "", "C2"],
                ["13", "01/01/2023", "", "C2"],
            ),
            "SWEpisodes": table(
                ["CHILD", "SW_ID", "SW_DECOM", "SW_REASON"],
                ["1", "SW1", "01/01/2023", ""],
                ["1", "", "", "MANAGE"],
                ["2", "SW1", "01/01/2023", ""],
                ["10", "SW1", "01/01/2023", "MANAGE"],
                ["12", "SW1", "", "MANAGE"],
                ["13", "SW1", "31/02/2023", "MANAGE"],
            ),
        },
        flagged={"Episodes": [1, 3]},
    ),
]
