"""Rule SW14STG2: an earlier social worker episode has no end date."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.collections.ssda903.rulekit.related import beside
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="SW14STG2",
    message="Social worker episode date ceased is blank.",
    tables=["SWEpisodes"],
    fields=["SW_DEC"],
    tags=["social-workers"],
)
def earlier_social_worker_episode_without_end(ctx: RuleContext) -> pl.LazyFrame:
    """A social worker episode other than the child's latest has no end date (SW_DEC).

    Add the date the episode ended: only the child's latest social worker episode, the one current
    on 31 March, may be left open.
    """
    # Only the episode current on 31 March may be open; the latest is by start date. When
    # two episodes share the latest start date neither is counted as earlier. Episodes with
    # a blank or unreadable start cannot be ordered and are not tested; an unreadable end is
    # SW05STG1's concern.
    start = pl.col("SW_DECOM")
    dated = ctx.table("SWEpisodes").filter(start.is_not_null())
    # The child's latest episode (both, if two share its start) is named beside the open one.
    # Equivalent mutant (ReplaceComparisonOperator_Eq_GtE): no start is after the child's latest,
    # so `>=` the latest keeps what `==` keeps.
    latest = dated.filter(start == start.max().over(child_of_row()))
    open_earlier = (
        dated
        # Equivalent mutant (ReplaceComparisonOperator_Lt_NotEq): blank starts are gone and no start
        # is above its child's latest, so != the latest is < the latest.
        .filter((start < start.max().over(child_of_row())) & pl.col("SW_DEC#raw").is_null())
    )
    return beside(open_earlier, latest, "SWEpisodes")


CASES = [
    Case(
        "an earlier episode with a blank end is flagged, in any file order",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC"],
                ["1", "01/05/2023", ""],
                ["1", "01/08/2023", ""],
                ["5", "01/09/2023", ""],
                ["5", "01/06/2023", ""],
                ["5", "01/05/2023", "01/06/2023"],
            )
        },
        flagged={"SWEpisodes": [0, 3]},
        related=(("SWEpisodes", 0, "SWEpisodes", 1), ("SWEpisodes", 3, "SWEpisodes", 2)),
    ),
    Case(
        "the latest episode may be open, even two sharing its start; unordered ones are not tested",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC"],
                ["2", "01/05/2023", "01/08/2023"],
                ["2", "01/08/2023", ""],
                ["3", "01/05/2023", ""],
                ["3", "", ""],
                ["4", "01/05/2023", "99/99/2023"],
                ["4", "01/08/2023", ""],
                ["6", "01/08/2023", ""],
                ["6", "01/08/2023", ""],
            )
        },
    ),
]
