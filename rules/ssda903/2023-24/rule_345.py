"""Rule 345: a care leaver in touch with the LA has activity or accommodation of 0."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="345",
    message=(
        "The data collection record shows the local authority is in touch with this young "
        "person, but activity and/or accommodation data items are zero."
    ),
    tables=["OC3"],
    fields=["IN_TOUCH", "ACTIV", "ACCOM"],
    tags=["care-leavers"],
)
def in_touch_without_activity_or_accommodation(ctx: RuleContext) -> pl.LazyFrame:
    """A care leaver the council is in touch with has activity (ACTIV) or accommodation (ACCOM) 0.

    If the council is in touch with the young person, record their actual main activity and
    accommodation; if it is not in touch, correct the in-touch answer (IN_TOUCH).
    """
    in_touch = pl.col("IN_TOUCH").is_in(ctx.codes("IN_TOUCH_YES"))
    # NOTE: a blank ACTIV or ACCOM is not zero; blanks are left to rules 132 and 133.
    zero = pl.col("ACTIV").is_in(ctx.codes("ACTIV_NONE")) | pl.col("ACCOM").is_in(
        ctx.codes("ACCOM_NONE")
    )
    return ctx.table("OC3").filter(in_touch & zero)


CASES = [
    Case(
        "a zero activity, a zero accommodation or both while in touch is flagged",
        tables={
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["1", "YES", "0", "B1"],
                ["2", "yes", "F1", "0"],
                ["7", "YES", "0", "0"],
            )
        },
        flagged={"OC3": [0, 2]},
    ),
    Case(
        "real or blank answers while in touch, or zeros when not in touch, are clear",
        tables={
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["3", "YES", "F1", "B1"],
                ["4", "YES", "", ""],
                ["5", "NO", "0", "0"],
                ["6", "", "0", "0"],
            )
        },
        flagged={},
    ),
]
