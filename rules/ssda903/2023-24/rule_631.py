"""Rule 631: previous permanence option not in the code list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table


@rule(
    code="631",
    message="Previous permanence option not a valid value.",
    tables=["PrevPerm"],
    fields=["PREV_PERM"],
    tags=["codes", "permanence"],
)
def previous_permanence_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """The previous permanence option (PREV_PERM) is not one of the year's codes.

    Choose the child's previous permanence option from the DfE code list.
    """
    # A blank option is rule 630's concern, not this one's.
    return ctx.table("PrevPerm").filter(not_in_codes("PREV_PERM", ctx.codes("PREV_PERM")))


CASES = [
    Case(
        "unknown codes are flagged; blanks are not",
        tables={
            "PrevPerm": table(
                ["CHILD", "PREV_PERM"], ["1", "P1"], ["2", "z1"], ["3", "P5"], ["4", ""]
            )
        },
        flagged={"PrevPerm": [1, 2]},
    ),
    Case(
        "every code in the list passes; neighbours of a code do not, for each row of a child",
        tables={
            "PrevPerm": table(
                ["CHILD", "PREV_PERM"],
                ["1", "P1"],
                ["1", "P2"],
                ["1", "P3"],
                ["1", "P4"],
                ["1", "Z1"],
                ["2", "P0"],
                ["2", "Z2"],
                ["2", "P"],
                ["2", "P11"],
            )
        },
        flagged={"PrevPerm": [5, 6, 7, 8]},
    ),
]
