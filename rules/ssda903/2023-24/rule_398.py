"""Rule 398: postcodes given for a child on short breaks."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="398",
    message="Distance field completed but child looked after under legal status V3 or V4.",
    tables=["Episodes"],
    fields=["LS", "HOME_POST", "PL_POST"],
    tags=["postcodes"],
)
def postcodes_for_short_break(ctx: RuleContext) -> pl.LazyFrame:
    """A postcode is given for an episode under a short-break legal status (V3 or V4).

    Postcodes are not collected for short breaks: remove the home and placement postcodes, or
    correct the legal status if this was not a short break.
    """
    # DfE derives the placement distance from the two postcodes and does not collect it for short
    # breaks, so either postcode given is flagged. A blank LS is not flagged.
    respite = pl.col("LS").is_in(ctx.codes("LS_RESPITE"))
    given = pl.col("HOME_POST").is_not_null() | pl.col("PL_POST").is_not_null()
    return ctx.table("Episodes").filter(respite & given)


CASES = [
    Case(
        "a home postcode, a placement postcode or both on a V3 or V4 episode is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "HOME_POST", "PL_POST"],
                ["1", "V3", "AB1 2CD", ""],
                ["2", "V4", "", "AB1 2CD"],
                ["6", "V3", "AB1 2CD", "EF3 4GH"],
            )
        },
        flagged={"Episodes": [0, 1, 2]},
    ),
    Case(
        "a short break without postcodes, or postcodes under another or blank status, is clear",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "HOME_POST", "PL_POST"],
                ["3", "V4", "", ""],
                ["4", "C2", "AB1 2CD", "EF3 4GH"],
                ["5", "", "AB1 2CD", "EF3 4GH"],
            )
        },
        flagged={},
    ),
]
