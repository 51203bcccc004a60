"""Rule 8794: a child has the same disability code more than once."""

import polars as pl

from csc_validate.collections.cin.rulekit import CHILD_KEY, rows_paired
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
    # Each copy names every other copy of the code; a blank code never matches in a join.
    disabilities = ctx.table("Disabilities")
    copies = disabilities.select(CHILD_KEY, "Disability", "_row")
    pairs = copies.join(copies.rename({"_row": "_other_row"}), on=[CHILD_KEY, "Disability"]).filter(
        pl.col("_row") != pl.col("_other_row")
    )
    return rows_paired(disabilities, pairs, ("_row", "_other_row"))


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
        # Each copy names the other copy; the same code of another child is not named.
        related=(
            ("Disabilities", 4, "Disabilities", 5),
            ("Disabilities", 5, "Disabilities", 4),
            ("Disabilities", 8, "Disabilities", 9),
            ("Disabilities", 9, "Disabilities", 8),
        ),
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
