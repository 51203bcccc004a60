"""Rule 105: UASC flag in the child's header is missing or not 0 or 1."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="105",
    message=(
        "Data entry for Unaccompanied Asylum-Seeking Children (UASC) status of child is invalid "
        "or has not been completed."
    ),
    tables=["Header"],
    fields=["UASC"],
    tags=["codes", "uasc"],
)
def uasc_flag_missing_or_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """The child's UASC flag is blank or not 0 or 1.

    Record 1 if the child is an unaccompanied asylum-seeking child, otherwise 0.
    """
    # NOTE: the XML return carries the flag in each child's header. CSV extracts have no such
    # column: csc-validate derives it from the UASC table (1 when the child is listed, else 0), so
    # in practice only XML returns can fail.
    uasc = pl.col("UASC")
    return ctx.table("Header").filter(uasc.is_null() | ~uasc.is_in(ctx.codes("FLAG")))


CASES = [
    Case(
        "an XML header with a blank or unknown flag is flagged",
        tables={
            "Header": table(
                ["CHILD", "UASC"],
                ["1", "0"],
                ["2", "1"],
                ["3", ""],
                ["4", "2"],
                ["5", "Y"],
            )
        },
        flagged={"Header": [2, 3, 4]},
        metadata={"file_format": "xml"},
    ),
    Case(
        "from CSV the flag is derived from the UASC table and always valid",
        tables={
            "Header": table(["CHILD"], ["1"], ["2"]),
            "UASC": table(["CHILD", "DUC"], ["1", ""]),
        },
        flagged={},
    ),
]
