"""Rule 8790: a child's disabilities include NONE alongside other codes."""

import polars as pl

from csc_validate.collections.cin.rulekit import CHILD_KEY, rows_paired
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
    disabilities = ctx.table("Disabilities")
    is_none = pl.col("Disability").is_in(ctx.codes("DISABILITY_NONE"))
    coded = disabilities.filter(pl.col("Disability").is_not_null())
    pairs = (
        coded.filter(is_none)
        .select(CHILD_KEY, pl.col("_row").alias("_none_row"))
        .join(
            coded.filter(~is_none).select(CHILD_KEY, pl.col("_row").alias("_other_row")),
            on=CHILD_KEY,
        )
    )
    # Each NONE row names the child's other codes, and each of those the NONE row.
    return pl.concat(
        [
            rows_paired(disabilities, pairs, ("_none_row", "_other_row")),
            rows_paired(disabilities, pairs, ("_other_row", "_none_row")),
        ]
    )


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
        # NONE names the child's other code and that code NONE; the other child is not named.
        related=(
            ("Disabilities", 1, "Disabilities", 3),
            ("Disabilities", 3, "Disabilities", 1),
        ),
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
