"""Rule 1000: care leaver information for a child who died in care."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.history import every_year_named
from csc_validate.rulekit import Case, RuleContext, rule, table

MESSAGE = (
    "This child is recorded as having died in care and therefore should not have the care leaver "
    "information completed."
)


@rule(
    code="1000",
    message=MESSAGE,
    tables=["OC3", "Episodes", "Episodes_last"],
    fields=["IN_TOUCH", "ACTIV", "ACCOM"],
    tags=["care-leavers"],
)
def care_leaver_data_for_child_who_died_in_care(ctx: RuleContext) -> pl.LazyFrame:
    """Care leaver (OC3) information is given for a child who died while looked after.

    An episode this year or last year ended with reason E2 (died), so the child never left care:
    check the reason the episode ended (REC) and, if the death is right, remove the OC3 details.
    """
    # NOTE: REC E2 means the child died while looked after, so they never left care. This year's
    # and, when supplied, last year's episodes are searched.
    # The episode recording the death is named beside the OC3 row (when it is in this year's or
    # last year's return).
    died = ctx.codes("REC_DIED")
    episodes = every_year_named(
        ctx, "Episodes", ["CHILD", "REC"], ctx.history("Episodes", required=False)
    )
    deaths = episodes.filter(pl.col("REC").is_in(died)).drop("REC")
    # An OC3 row whose three items (in touch, activity, accommodation) are all blank carries no
    # information and is not flagged.
    provided = pl.any_horizontal(
        pl.col("IN_TOUCH").is_not_null(),
        pl.col("ACTIV").is_not_null(),
        pl.col("ACCOM").is_not_null(),
    )
    return ctx.table("OC3").filter(provided).join(deaths, on="CHILD", how="inner")


CASES = [
    Case(
        "a death recorded this year or last year is flagged",
        tables={
            "Episodes": table(["CHILD", "REC"], ["1", "E2"], ["2", "E11"], ["4", "E2"], ["5", ""]),
            "Episodes_last": table(["CHILD", "REC"], ["3", "e2"], ["2", "X1"], ["6", "E2"]),
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["1", "DIED", "0", "0"],
                ["2", "YES", "F1", "B1"],
                ["3", "", "", "Z1"],
                ["4", "", "", ""],
                ["5", "NO", "", ""],
                ["6", "YES", "", ""],
                ["7", "YES", "", ""],
            ),
        },
        earlier={"2021-22": {"Episodes": table(["CHILD", "REC"], ["7", "E2"])}},
        flagged={"OC3": [0, 5, 6]},
        related=(("OC3", 0, "Episodes", 0), ("OC3", 5, "Episodes_last", 2)),
    ),
    Case(
        "without last year's episodes only this year's are searched",
        tables={
            "Episodes": table(["CHILD", "REC"], ["1", "E2"]),
            "OC3": table(["CHILD", "IN_TOUCH"], ["1", "DIED"], ["2", "YES"]),
        },
        flagged={"OC3": [0]},
    ),
]
