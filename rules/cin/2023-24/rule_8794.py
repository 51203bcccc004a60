"""Rule 8794: a child has the same disability code more than once."""

import polars as pl

from csc_validate.collections.cin.rulekit import CHILD_KEY
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8794",
    message="Child has two or more disabilities with the same code",
    tables=["Disabilities"],
    fields=["Disability"],
    tags=["codes", "disabilities"],
)
def disability_code_repeated(ctx: RuleContext) -> pl.LazyFrame:
    """A child has the same disability code recorded twice or more; every copy is shown.

    Keep one record of each of the child's disabilities and remove the repeats.
    """
    # Codes are compared exactly as written; blanks are no code and are never repeats.
    disability = pl.col("Disability")
    # Equivalent mutant (ReplaceComparisonOperator_Gt_NotEq): each row counts in its own group,
    # so the count is never below 1 and "not 1" is "more than 1".
    repeated = pl.len().over(CHILD_KEY, "Disability") > 1
    return ctx.table("Disabilities").filter(disability.is_not_null() & repeated)


CASES = [
    Case(
        "a code repeated for one child is flagged, the same code for two children is not",
        tables={
            "Disabilities": table(
                ["LAchildID", "Disability"],
                ["A", "MOB"],
                ["A", "HAND"],
                ["A", "mob"],
                ["B", "MOB"],
                ["C", "NONE"],
                ["C", "NONE"],
                ["D", ""],
                ["D", ""],
                ["E", "XYZ"],
                ["E", "XYZ"],
                ["E", "AUT"],
            )
        },
        flagged={"Disabilities": [4, 5, 8, 9]},
    ),
    Case(
        "different codes for one child are not flagged",
        tables={
            "Disabilities": table(
                ["LAchildID", "Disability"], ["A", "MOB"], ["A", "HAND"], ["A", "VIS"]
            )
        },
        flagged={},
    ),
    Case(
        "in the XML a repeat is within one Child element, whatever the LA child IDs",
        tables={
            "Disabilities": table(
                ["ChildKey", "LAchildID", "Disability"],
                ["Child[1]", "", "NONE"],
                ["Child[2]", "", "NONE"],
                ["Child[3]", "", "LD"],
                ["Child[3]", "", "LD"],
                ["Child[4]", "A", "HAND"],
                ["Child[5]", "A", "HAND"],
            ),
        },
        metadata={"file_format": "xml"},
        flagged={"Disabilities": [2, 3]},
    ),
    Case(
        "in a CSV extract rows with a blank LA child ID are never one child's repeats",
        tables={
            "Disabilities": table(
                ["LAchildID", "Disability"],
                ["", "NONE"],
                ["", "NONE"],
                ["B", "NONE"],
                ["B", "NONE"],
            ),
        },
        flagged={"Disabilities": [2, 3]},
    ),
]
