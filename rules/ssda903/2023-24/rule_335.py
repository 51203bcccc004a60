"""Rule 335: adopted by former foster carer disagrees with the final adoption placement."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import pairs_naming_each_other
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="335",
    message=(
        "The current foster value (0) suggests that child is not adopted by current foster "
        "carer, but last placement is A2, A3, or A5. Or the current foster value (1) suggests "
        "that child is adopted by current foster carer, but last placement is A1, A4 or A6."
    ),
    tables=["Episodes", "AD1"],
    fields=["PLACE", "FOSTER_CARE"],
    tags=["adoption"],
)
def foster_carer_adoption_disagrees_with_placement(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """'Adopted by former foster carer' disagrees with the placement the child was adopted from.

    Set FOSTER_CARE to 1 when the adoption placement was with current foster carers (A3, A5) and to
    0 when it was not (A4, A6), or correct the placement type of the episode that ended in adoption.
    """
    # NOTE: the episode that ended in adoption has REC E11 or E12. A1 and A2 in DfE's message are
    # retired codes; the current lists come from the year's schema. A blank FOSTER_CARE is neither 0
    # nor 1 and is left to rule 114. No AD1 table means no adoptions. Both rows are flagged.
    foster_care = ctx.table_or_empty("AD1").select(
        pl.col("_row").alias("ad1_row"), "CHILD", "FOSTER_CARE"
    )
    adopted = ctx.table("Episodes").filter(pl.col("REC").is_in(ctx.codes("REC_ADOPTED")))
    # Equivalent mutant (ReplaceKeywordValue): a left join gives an adoption with no AD1 row a blank
    # FOSTER_CARE, so neither clash can be true, and the filter drops the row as the inner join
    # does.
    joined = adopted.join(foster_care, on="CHILD", how="inner")
    place = pl.col("PLACE")
    flag = pl.col("FOSTER_CARE")
    with_carer_but_no = place.is_in(ctx.codes("PLACE_ADOPTION_WITH_FOSTER_CARER")) & flag.is_in(
        ctx.codes("FLAG_NO")
    )
    without_carer_but_yes = place.is_in(ctx.codes("PLACE_ADOPTION_NOT_FOSTER_CARER")) & flag.is_in(
        ctx.codes("FLAG_YES")
    )
    # Equivalent mutant (ReplaceBinaryOperator_BitOr_BitXor): the two clashes need disjoint
    # placement lists and disjoint flags, so they are never both true (nor one blank while the other
    # is true), and xor is or.
    clashes = joined.filter(with_carer_but_no | without_carer_but_yes)
    # The episode and the AD1 row each name the other.
    return pairs_naming_each_other(clashes, "Episodes", "AD1", "ad1_row")


CASES = [
    Case(
        "FOSTER_CARE 0 on an A5 adoption or 1 on an A6 adoption is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "REC"],
                ["2", "A5", "E12"],
                ["4", "A6", "E12"],
            ),
            "AD1": table(
                ["CHILD", "FOSTER_CARE"],
                ["2", "0"],
                ["4", "1"],
            ),
        },
        flagged={"Episodes": [0, 1], "AD1": [0, 1]},
        related=(
            ("AD1", 0, "Episodes", 0),
            ("AD1", 1, "Episodes", 1),
            ("Episodes", 0, "AD1", 0),
            ("Episodes", 1, "AD1", 1),
        ),
    ),
    Case(
        "a matching FOSTER_CARE, a blank one, or an episode not ending in adoption is clear",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "REC"],
                ["1", "A3", "E11"],
                ["3", "A4", "E11"],
                ["5", "A3", "X1"],
                ["6", "A3", "E11"],
                ["7", "U1", "E11"],
                ["6", "A6", "X1"],
            ),
            "AD1": table(
                ["CHILD", "FOSTER_CARE"],
                ["1", "1"],
                ["3", "0"],
                ["5", "0"],
                ["6", ""],
                ["7", "1"],
                ["8", "0"],
            ),
        },
        flagged={},
    ),
]
