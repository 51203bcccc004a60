"""Rule 153: some care-leaver items are given and others left blank."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table

ITEMS = ["IN_TOUCH", "ACTIV", "ACCOM"]


@rule(
    code="153",
    message=(
        "All data items relating to a child's activity or accommodation after leaving care "
        "must be coded or left blank."
    ),
    tables=["OC3"],
    fields=ITEMS,
    tags=["care leavers"],
)
def care_leaver_items_partly_completed(ctx: RuleContext) -> pl.LazyFrame:
    """A care leaver (OC3) record has some of its three items filled in and others left blank.

    Complete all three: whether the council is in touch (IN_TOUCH), the young person's activity
    (ACTIV) and accommodation (ACCOM), or leave all three blank.
    """
    given = [pl.col(item).is_not_null() for item in ITEMS]
    return ctx.table("OC3").filter(pl.any_horizontal(given) & ~pl.all_horizontal(given))


CASES = [
    Case(
        "a record with one or two items blank is flagged",
        tables={
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["1", "YES", "F1", "B1"],
                ["2", "", "", ""],
                ["3", "YES", "F1", ""],
                ["4", "", "", "B1"],
                ["5", "DIED", "0", "0"],
            )
        },
        flagged={"OC3": [2, 3]},
    ),
]
