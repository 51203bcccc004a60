"""Rule 2888Q: no child in the return has more than one disability recorded."""

import polars as pl

from csc_validate.collections.cin.rulekit import CHILD_KEY
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="2888Q",
    message=(
        "Please check and either amend or provide a reason: Only one disability code is recorded "
        "per child and multiple disabilities should be recorded where possible."
    ),
    severity="query",
    tables=["Disabilities"],
    fields=["Disability"],
    tags=["codes", "disabilities", "return"],
)
def only_one_disability_per_child(ctx: RuleContext) -> pl.LazyFrame:
    """No child in the return has more than one disability code, NONE not counted.

    Some children have more than one disability, and each should be recorded. Check that
    children's disabilities are recorded in full, or give the reason none has more than one.
    """
    # DfE: excluding NONE, one or more children should have more than one disability; raised
    # for the return when every child with a disability has just one code. A return where no
    # child has a disability is left to 2887Q. Only codes from the list count (a blank or a
    # made-up code is 8540's), and a code repeated for a child (8794's) is still one code.
    # NOTE: the peer counts a child's rows, so a repeated code passes as two disabilities.
    disability = pl.col("Disability")
    counted = disability.is_in(ctx.codes("Disability")) & ~disability.is_in(
        ctx.codes("DISABILITY_NONE")
    )
    per_child = (
        ctx.table("Disabilities")
        .filter(counted)
        .group_by(CHILD_KEY)
        .agg(disability.n_unique().alias("codes"))
    )
    most = per_child.select(pl.col("codes").max().alias("most"))
    # NOTE: not rulekit.whole_table_when, whose select of a lone literal after the filter polars
    # 2.1 plans away, so that it flags every return; with_columns keeps the filtered height.
    # The maximum of no children is null, which the filter drops.
    return (
        # Equivalent mutant (ReplaceComparisonOperator_LtE_Eq): a child is grouped only from a
        # counted code, so each child has at least one code and the most is 1 or more (or null).
        most.filter(pl.col("most") <= 1)
        .with_columns(pl.lit(None, dtype=pl.Int64).alias("_row"))
        .select("_row")
    )


CASES = [
    Case(
        "one code per child is queried, NONE, a repeat and a made-up code not counted",
        tables={
            "Disabilities": table(
                ["LAchildID", "Disability"],
                ["A", "MOB"],
                ["B", "HAND"],
                ["B", "HAND"],
                ["C", "NONE"],
                ["D", "AUT"],
                ["D", "XYZ"],
                ["D", ""],
                ["E", "aut"],
            )
        },
        flagged={"Disabilities": [None]},
    ),
    Case(
        "one child with two different codes is enough",
        tables={
            "Disabilities": table(
                ["LAchildID", "Disability"],
                ["A", "MOB"],
                ["B", "HAND"],
                ["C", "NONE"],
                ["D", "AUT"],
                ["D", "BEH"],
            )
        },
        flagged={},
    ),
    Case(
        "a return where no child has a disability is left to 2887Q",
        tables={
            "Disabilities": table(
                ["LAchildID", "Disability"], ["A", "NONE"], ["B", "NONE"], ["C", "XYZ"]
            )
        },
        flagged={},
    ),
    Case(
        "codes are DfE's only as written: beh is not BEH, so no child has two",
        tables={
            "Disabilities": table(
                ["LAchildID", "Disability"],
                ["A", "MOB"],
                ["D", "AUT"],
                ["D", "beh"],
            )
        },
        flagged={"Disabilities": [None]},
    ),
]
