"""Rule 635: order date or LA given although the previous permanence option is Z1."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="635",
    message=(
        "There are entries for date of order and local authority code where previous permanence"
        " option was arranged but previous permanence code is Z1"
    ),
    tables=["PrevPerm"],
    fields=["LA_PERM", "DATE_PERM", "PREV_PERM"],
    tags=["permanence"],
)
def order_details_without_permanence_option(ctx: RuleContext) -> pl.LazyFrame:
    """An order date or local authority is given, but the previous permanence option is Z1.

    Z1 means there was no previous permanence option, so there is no order date (DATE_PERM) or
    arranging local authority (LA_PERM): remove them, or correct the option.
    """
    # NOTE: DfE's message decides here: the peer instead flags LA_PERM or DATE_PERM given with a
    # blank PREV_PERM. Either item filled in is flagged.
    return ctx.table("PrevPerm").filter(
        pl.col("PREV_PERM").is_in(ctx.codes("PREV_PERM_NONE"))
        & (pl.col("LA_PERM").is_not_null() | pl.col("DATE_PERM").is_not_null())
    )


CASES = [
    Case(
        "Z1 with an order date or LA is flagged",
        tables={
            "PrevPerm": table(
                ["CHILD", "PREV_PERM", "LA_PERM", "DATE_PERM"],
                ["1", "Z1", "800", ""],
                ["2", "z1", "", "01/01/2015"],
                ["3", "Z1", "", ""],
                ["4", "P1", "800", "01/01/2015"],
                ["5", "", "800", "01/01/2015"],
            )
        },
        flagged={"PrevPerm": [0]},
    ),
    Case(
        "an unreadable order date with Z1 is still given; other options are not flagged",
        tables={
            "PrevPerm": table(
                ["CHILD", "PREV_PERM", "LA_PERM", "DATE_PERM"],
                ["1", "Z1", "", "31/02/2015"],
                ["2", "Z1", "", "ZZ/ZZ/ZZZZ"],
                ["3", "Z1", "800", "01/01/2015"],
                ["4", "P2", "", "01/01/2015"],
                ["5", "P3", "800", ""],
                ["6", "Z1", "E09000027", ""],
                ["7", "Z1", "", ""],
                ["7", "Z1", "", "2015-01-01"],
            )
        },
        flagged={"PrevPerm": [0, 1, 2, 5, 7]},
    ),
]
