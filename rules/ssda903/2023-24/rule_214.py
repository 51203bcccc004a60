"""Rule 214: a short-break episode gives a placement postcode or URN."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="214",
    message="Placement location information not required.",
    tables=["Episodes"],
    fields=["PL_POST", "URN"],
    tags=["codes", "placements"],
)
def location_given_for_short_break(ctx: RuleContext) -> pl.LazyFrame:
    """A short-break episode gives a placement postcode or a URN.

    Episodes under a short-break legal status (V3, V4) leave the placement postcode (PL_POST) and
    URN blank: remove them, or correct the legal status.
    """
    short_break = pl.col("LS").is_in(ctx.codes("LS_RESPITE"))
    located = pl.col("PL_POST").is_not_null() | pl.col("URN").is_not_null()
    return ctx.table("Episodes").filter(short_break & located)


CASES = [
    Case(
        "a postcode, a URN, or both on a short break are flagged",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "PL_POST", "URN"],
                ["1", "V3", "AB1 2CD", ""],
                ["2", "V4", "", "SC123456"],
                ["6", "V4", "AB1 2CD", "SC123456"],
            )
        },
        flagged={"Episodes": [0, 1, 2]},
    ),
    Case(
        "a short break with neither, and other or blank legal statuses, are not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "PL_POST", "URN"],
                ["3", "V3", "", ""],
                ["4", "C2", "AB1 2CD", "SC123456"],
                ["5", "", "AB1 2CD", ""],
            )
        },
        flagged={},
    ),
]
