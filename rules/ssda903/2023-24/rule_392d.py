"""Rule 392d: home and placement postcodes are the same outside a placement with parents."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="392d",
    message="Home and placement postcodes should not be same unless the placement type is P1.",
    tables=["Episodes"],
    fields=["HOME_POST", "PL_POST", "PLACE"],
    tags=["postcodes"],
)
def same_postcodes_outside_parents(ctx: RuleContext) -> pl.LazyFrame:
    """The home and placement postcodes are the same, but the child is not placed with parents (P1).

    A child placed away from home lives at another address: check the home postcode (HOME_POST), the
    placement postcode (PL_POST) and the placement type (PLACE), and correct whichever is wrong.
    """

    # A child placed away from home lives at another address. Postcodes are compared without spaces
    # and case.
    def squeezed(column: str) -> pl.Expr:
        return pl.col(column).str.replace_all(r"\s", "").str.to_uppercase()

    # Two blank postcodes are not "the same" (rule 392b reports them); a blank PLACE is not P1, so
    # equal postcodes with it are flagged.
    with_parents = pl.col("PLACE").is_in(ctx.codes("PLACE_WITH_PARENTS")).fill_null(False)
    same = squeezed("HOME_POST") == squeezed("PL_POST")
    return ctx.table("Episodes").filter(same & ~with_parents)


CASES = [
    Case(
        "equal postcodes, however spaced, are flagged outside P1, a blank placement too",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "HOME_POST", "PL_POST"],
                ["2", "U1", "AB1 2CD", "ab12cd"],
                ["4", "", "AB1 2CD", "AB1 2CD"],
            )
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "equal postcodes in P1, different ones, or blanks are not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "HOME_POST", "PL_POST"],
                ["1", "P1", "AB1 2CD", "AB1 2CD"],
                ["3", "U1", "AB1 2CD", "AB1 2CE"],
                ["5", "U1", "", ""],
                ["6", "U1", "AB1 2CD", ""],
                ["7", "U1", "AB1 2CE", "AB1 2CD"],
            )
        },
        flagged={},
    ),
]
