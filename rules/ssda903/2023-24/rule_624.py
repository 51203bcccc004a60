"""Rule 624: the first child's date of birth differs from last year's return."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="624",
    message=(
        "Date of birth of the first child contradicts the date of birth of the first child"
        " previously recorded."
    ),
    tables=["Header", "Header_last"],
    fields=["MC_DOB"],
    tags=["header", "previous-year"],
)
def first_child_birth_date_changed(ctx: RuleContext) -> pl.LazyFrame:
    """When last year's return gave MC_DOB, this year's MC_DOB is the same date.

    Why: the first child's date of birth cannot change. A blank (or unreadable) MC_DOB this year
    where last year had a date is flagged too. The rule needs last year's Header.
    """
    previous = (
        ctx.table("Header_last")
        .filter(pl.col("MC_DOB").is_not_null())
        .select("CHILD", pl.col("MC_DOB").alias("previous_mc_dob"))
        .unique("CHILD", keep="first", maintain_order=True)
    )
    header = ctx.table("Header").join(previous, on="CHILD", how="inner")
    return header.filter((pl.col("MC_DOB") != pl.col("previous_mc_dob")).fill_null(True))


CASES = [
    Case(
        "a changed or removed MC_DOB is flagged",
        tables={
            "Header": table(
                ["CHILD", "MC_DOB"],
                ["1", "01/01/2024"],
                ["2", "02/01/2024"],
                ["3", ""],
                ["4", "01/01/2024"],
                ["5", "01/01/2024"],
            ),
            "Header_last": table(
                ["CHILD", "MC_DOB"],
                ["1", "01/01/2024"],
                ["2", "01/01/2024"],
                ["3", "01/01/2024"],
                ["4", ""],
            ),
        },
        flagged={"Header": [1, 2]},
    ),
]
