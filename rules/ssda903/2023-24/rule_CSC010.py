"""Rule CSC010: a child in SWEpisodes has no Header record (csc-validate's own check)."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.integrity import missing_from_header
from csc_validate.rulekit import Case, RuleContext, rule, table

# NOTE: DfE's INT01-INT09 tie every other table's rows to a Header child; DfE publishes no such
# check for the social-worker episodes, so their orphans would pass in silence. This is
# csc-validate's own rule (code CSC…), worded as DfE's INT rules are.


@rule(
    code="CSC010",
    message="Internal Check: Child in SWEpisodes does not exist in Header.",
    tables=["SWEpisodes", "Header"],
    fields=["CHILD"],
    tags=["integrity"],
)
def social_worker_episode_child_missing_from_header(ctx: RuleContext) -> pl.LazyFrame:
    """A child with a social worker episode has no header record with the same child ID.

    Check the child's ID (CHILD) in both files and correct the one that is wrong (an ID written
    107840.0 or 0107840 is not the child 107840), or add the child's header record. This is
    csc-validate's own check: DfE has no rule of its own for it.
    """
    return missing_from_header(ctx, "SWEpisodes")


CASES = [
    Case(
        "a child absent from Header, or with a blank id, is flagged",
        tables={
            "Header": table(["CHILD"], ["1"], ["2"]),
            "SWEpisodes": table(
                ["CHILD", "SW_ID"], ["1", "SW1"], ["3", "SW1"], ["", "SW1"], ["2", "SW2"]
            ),
        },
        flagged={"SWEpisodes": [1, 2]},
    ),
    Case(
        "ids that differ only by .0, leading zeros or a power of ten are different children",
        tables={
            "Header": table(["CHILD"], ["107840"], ["107840000000"]),
            "SWEpisodes": table(
                ["CHILD", "SW_ID"],
                ["107840", "SW1"],
                ["107840.0", "SW1"],
                ["0107840", "SW1"],
                ["1.0784E+11", "SW1"],
                ["107840000000", "SW1"],
            ),
        },
        flagged={"SWEpisodes": [1, 2, 3]},
    ),
    Case(
        "every episode of a child in Header is clean",
        tables={
            "Header": table(["CHILD"], ["1"]),
            "SWEpisodes": table(["CHILD", "SW_ID"], ["1", "SW1"], ["1", "SW2"]),
        },
        flagged={},
    ),
]
