"""Rule 205D: a child UASC this year was in last year's return but not as UASC."""

import polars as pl

from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table
from csc_validate.tables import PREVIOUS_SUFFIX


@rule(
    code="205D",
    message=(
        "Child identified as UASC this year but not identified as UASC status provided for the "
        "child last year."
    ),
    tables=["Header", "UASC", "Header_last", "UASC_last"],
    fields=["UASC", "CHILD"],
    tags=["previous-year", "uasc"],
)
def uasc_now_but_not_last_year(ctx: RuleContext) -> pl.LazyFrame:
    """A child who is UASC this year was in last year's return but not as UASC.

    Check whether the child was an unaccompanied asylum-seeking child last year, and correct this
    year's or last year's UASC status.
    """
    # NOTE: children new to the return are not checked. For CSV returns last year's UASC status
    # exists only as the UASC_last file, so without it the rule is skipped rather than reading every
    # child as not UASC last year.
    # Equivalent mutant (ReplaceComparisonOperator_Eq_LtE, ReplaceComparisonOperator_Eq_Is): the
    # loader sets file_format only to the interned literals "csv" or "xml", and "xml" <= "csv" is
    # false, so both test as == does.
    if ctx.metadata.get("file_format") == "csv":
        ctx.table("UASC_last")  # raises, so the engine skips the rule, when the file is absent
    yes = ctx.codes("FLAG_YES")
    not_uasc_last_year = (
        ctx.table("Header_last")
        .filter(pl.col("UASC").is_null() | ~pl.col("UASC").is_in(yes))
        # Last year's Header row is named beside this year's.
        .select(
            "CHILD",
            pl.col("_row").alias(RELATED_ROW),
            pl.lit("Header" + PREVIOUS_SUFFIX).alias(RELATED_TABLE),
        )
    )
    header = ctx.table("Header").filter(pl.col("UASC").is_in(yes))
    return header.join(not_uasc_last_year, on="CHILD", how="inner")


CASES = [
    Case(
        "a UASC child not UASC last year is flagged (CSV)",
        tables={
            "Header": table(["CHILD"], ["1"], ["2"], ["3"], ["4"]),
            "UASC": table(["CHILD", "DUC"], ["1", "01/06/2030"], ["2", "01/06/2030"], ["3", ""]),
            "Header_last": table(["CHILD"], ["1"], ["2"], ["4"]),
            "UASC_last": table(["CHILD", "DUC"], ["1", "01/06/2030"]),
        },
        flagged={"Header": [1]},
        related=(("Header", 1, "Header_last", 1),),
    ),
    Case(
        "a CSV return without last year's UASC file is not checked at all",
        tables={
            "Header": table(["CHILD"], ["1"], ["2"]),
            "UASC": table(["CHILD", "DUC"], ["1", "01/06/2030"], ["2", "01/06/2030"]),
            "Header_last": table(["CHILD"], ["1"], ["2"]),
        },
        skipped=True,
    ),
    Case(
        "a blank or 0 flag last year counts as not UASC (XML)",
        metadata={"file_format": "xml"},
        tables={
            "Header": table(["CHILD", "UASC"], ["1", "1"], ["2", "1"], ["3", "1"], ["4", "0"]),
            "Header_last": table(["CHILD", "UASC"], ["1", "1"], ["2", ""], ["3", "0"], ["4", "0"]),
        },
        flagged={"Header": [1, 2]},
        related=(
            ("Header", 1, "Header_last", 1),
            ("Header", 2, "Header_last", 2),
        ),
    ),
]
