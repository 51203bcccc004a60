"""Rule 2887Q: the return uses fewer than 8 different disability codes."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="2887Q",
    message=(
        "Please check and either amend or provide a reason: Less than 8 disability codes have "
        "been used in your return"
    ),
    severity="query",
    tables=["Disabilities"],
    fields=["Disability"],
    tags=["codes", "disabilities", "return"],
)
def few_disability_codes_in_return(ctx: RuleContext) -> pl.LazyFrame:
    """The return as a whole uses fewer than 8 different disability codes, NONE not counted.

    A council's children in need usually have a wide range of disabilities. Check that each
    child's disabilities are recorded in full, or give the reason the range is narrow.
    """
    # DfE: excluding NONE, the LA should use more than 7 different codes. Only codes from the
    # Disability list count: a blank or a made-up code (rule 8540) is no disability code.
    # NOTE: the peer keeps only the NONE rows and counts rows rather than different codes; DfE
    # counts different codes other than NONE.
    disability = pl.col("Disability")
    counted = ctx.codes("Disability")
    codes = disability.filter(
        disability.is_in(counted) & ~disability.is_in(ctx.codes("DISABILITY_NONE"))
    )
    few = ctx.table("Disabilities").select((codes.n_unique() < 8).alias("few"))
    # NOTE: not rulekit.whole_table_when, whose select of a lone literal after the filter polars
    # 2.1 plans away, so that it flags every return; with_columns keeps the filtered height.
    return few.filter("few").with_columns(pl.lit(None, dtype=pl.Int64).alias("_row")).select("_row")


CASES = [
    Case(
        "seven different codes besides NONE are queried, however often they are used",
        tables={
            "Disabilities": table(
                ["LAchildID", "Disability"],
                ["A", "MOB"],
                ["A", "HAND"],
                ["B", "PC"],
                ["B", "INC"],
                ["C", "COMM"],
                ["C", "LD"],
                ["D", "HEAR"],
                ["E", "MOB"],
                ["E", "HAND"],
                ["F", "NONE"],
            )
        },
        flagged={"Disabilities": [None]},
    ),
    Case(
        "eight different codes are enough",
        tables={
            "Disabilities": table(
                ["LAchildID", "Disability"],
                ["A", "MOB"],
                ["A", "HAND"],
                ["B", "PC"],
                ["B", "INC"],
                ["C", "COMM"],
                ["C", "LD"],
                ["D", "HEAR"],
                ["D", "VIS"],
            )
        },
        flagged={},
    ),
    Case(
        "nine different codes, more than enough, are not queried",
        tables={
            "Disabilities": table(
                ["LAchildID", "Disability"],
                ["A", "MOB"],
                ["A", "HAND"],
                ["B", "PC"],
                ["B", "INC"],
                ["C", "COMM"],
                ["C", "LD"],
                ["D", "HEAR"],
                ["D", "VIS"],
                ["E", "BEH"],
            )
        },
        flagged={},
    ),
    Case(
        "NONE, a blank and a code not in the list do not make up the eighth",
        tables={
            "Disabilities": table(
                ["LAchildID", "Disability"],
                ["A", "MOB"],
                ["A", "HAND"],
                ["B", "PC"],
                ["B", "INC"],
                ["C", "COMM"],
                ["C", "LD"],
                ["D", "HEAR"],
                ["E", "NONE"],
                ["F", "XYZ"],
                ["G", ""],
            )
        },
        flagged={"Disabilities": [None]},
    ),
    Case(
        "a return with no disability at all is queried",
        tables={"Disabilities": table(["LAchildID", "Disability"], ["A", "NONE"], ["B", "NONE"])},
        flagged={"Disabilities": [None]},
    ),
    Case(
        "codes are DfE's only as written: vis is not VIS, so seven codes are queried",
        tables={
            "Disabilities": table(
                ["LAchildID", "Disability"],
                ["A", "MOB"],
                ["A", "HAND"],
                ["B", "PC"],
                ["B", "INC"],
                ["C", "COMM"],
                ["C", "LD"],
                ["D", "HEAR"],
                ["D", "vis"],
            )
        },
        flagged={"Disabilities": [None]},
    ),
]
