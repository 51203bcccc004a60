"""Rule 8790: a child's disabilities include NONE alongside other codes."""

import polars as pl

from csc_validate.collections.cin.rulekit import CHILD_KEY
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8790",
    message="Disability information includes both None and other values",
    tables=["Disabilities"],
    fields=["Disability"],
    tags=["codes", "disabilities"],
)
def disability_none_with_others(ctx: RuleContext) -> pl.LazyFrame:
    """A child recorded as having no disability (NONE) who also has other disability codes.

    Every disability row of such a child is shown. Either remove NONE, or remove the other
    codes if the child in fact has no disability.
    """
    # DfE: if a Disability of NONE is present, no other Disability value may be present for the
    # child. Any other value counts, even one not in the list; a blank is no value.
    # NOTE: the peer flags only the other codes; both sides of the conflict are shown here, as
    # either may be the one to correct.
    disability = pl.col("Disability")
    is_none = disability.is_in(ctx.codes("DISABILITY_NONE"))
    none_and_other = (is_none.any() & (~is_none).any()).over(CHILD_KEY)
    return ctx.table("Disabilities").filter(disability.is_not_null() & none_and_other)


CASES = [
    Case(
        "NONE with another code flags all the child's disabilities",
        tables={
            "Disabilities": table(
                ["LAchildID", "Disability"],
                ["A", "NONE"],
                ["A", "MOB"],
                ["B", "NONE"],
                ["C", "MOB"],
                ["C", "HAND"],
                ["D", "none"],
                ["D", "XYZ"],
                ["D", ""],
                ["E", "NONE"],
                ["E", ""],
                ["F", "NONE"],
                ["F", "NONE"],
            )
        },
        flagged={"Disabilities": [0, 1]},
    ),
    Case(
        "children are judged apart even when their rows are interleaved",
        tables={
            "Disabilities": table(
                ["LAchildID", "Disability"],
                ["A", "NONE"],
                ["B", "MOB"],
                ["A", "NONE"],
                ["B", "NONE"],
            )
        },
        flagged={"Disabilities": [1, 3]},
    ),
    Case(
        "in the XML NONE and another code conflict only within one Child element",
        tables={
            "Disabilities": table(
                ["ChildKey", "LAchildID", "Disability"],
                ["Child[1]", "", "NONE"],
                ["Child[2]", "", "LD"],
                ["Child[3]", "A", "NONE"],
                ["Child[4]", "A", "LD"],
                ["Child[5]", "", "NONE"],
                ["Child[5]", "", "LD"],
            ),
        },
        metadata={"file_format": "xml"},
        flagged={"Disabilities": [4, 5]},
    ),
    Case(
        "in a CSV extract rows with a blank LA child ID are never one child's codes",
        tables={
            "Disabilities": table(
                ["LAchildID", "Disability"],
                ["", "NONE"],
                ["", "LD"],
            ),
        },
    ),
]
