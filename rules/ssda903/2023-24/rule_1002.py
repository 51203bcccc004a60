"""Rule 1002: care leaver information for a young person with no episodes of care."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table

MESSAGE = (
    "This child has no previous episodes of care, therefore should not have care leaver information"
    " recorded."
)


@rule(
    code="1002",
    message=MESSAGE,
    tables=["OC3", "Episodes", "Episodes_last"],
    fields=["IN_TOUCH", "ACTIV", "ACCOM"],
    tags=["care-leavers"],
)
def care_leaver_data_without_episodes(ctx: RuleContext) -> pl.LazyFrame:
    """Care leaver (OC3) information is given for a young person with no episode of care.

    Only a young person who was looked after can be a care leaver: check that the child's ID matches
    the one on their episodes this year or last year, or add the missing episodes.
    """
    # NOTE: most care leavers have no episode this year, so without last year's episodes the rule
    # cannot tell and is skipped (the table is required).
    children = pl.concat(
        [ctx.table("Episodes").select("CHILD"), ctx.history("Episodes").select("CHILD")]
    )
    # An OC3 row whose three items (in touch, activity, accommodation) are all blank carries no
    # information and is not flagged.
    provided = pl.any_horizontal(
        pl.col("IN_TOUCH").is_not_null(),
        pl.col("ACTIV").is_not_null(),
        pl.col("ACCOM").is_not_null(),
    )
    return ctx.table("OC3").filter(provided).join(children, on="CHILD", how="anti")


CASES = [
    Case(
        "a care leaver with no episode in either year is flagged, even with one item given",
        tables={
            "Episodes": table(["CHILD"], ["1"]),
            "Episodes_last": table(["CHILD"], ["2"]),
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["3", "YES", "F1", "B1"],
                ["", "", "", "B1"],
                ["6", "NO", "", ""],
                ["7", "", "F2", ""],
            ),
        },
        flagged={"OC3": [0, 1, 2, 3]},
    ),
    Case(
        "a care leaver with an episode this year, last year or both is not flagged",
        tables={
            "Episodes": table(["CHILD"], ["1"], ["5"], ["5"]),
            "Episodes_last": table(["CHILD"], ["2"], ["5"]),
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["1", "YES", "F1", "B1"],
                ["2", "NO", "0", "0"],
                ["5", "YES", "F1", "B1"],
            ),
        },
    ),
    Case(
        "an OC3 row with all three items blank carries nothing and is not flagged",
        tables={
            "Episodes": table(["CHILD"], ["1"]),
            "Episodes_last": table(["CHILD"], ["2"]),
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["3", "YES", "F1", "B1"],
                ["4", "", "", ""],
                ["3", "", "", ""],
            ),
        },
        flagged={"OC3": [0]},
    ),
]
