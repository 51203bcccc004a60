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
    # Equivalent mutant (ReplaceMethod): testing blanks instead (is_null) flags the same rows, since
    # "some given and not all given" is "some blank and not all blank".
    given = [pl.col(item).is_not_null() for item in ITEMS]
    return ctx.table("OC3").filter(pl.any_horizontal(given) & ~pl.all_horizontal(given))


CASES = [
    Case(
        "a record with one or two of the three items blank is flagged",
        tables={
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["3", "YES", "F1", ""],
                ["4", "", "", "B1"],
                ["6", "", "F1", ""],
            )
        },
        flagged={"OC3": [0, 1, 2]},
    ),
    Case(
        "a record with all three items given, or all three blank, is not flagged",
        tables={
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["1", "YES", "F1", "B1"],
                ["2", "", "", ""],
                ["5", "DIED", "0", "0"],
            )
        },
        flagged={},
    ),
]
