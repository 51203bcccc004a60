"""Rule 624: the first child's date of birth differs from last year's return."""

import polars as pl

from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table
from csc_validate.tables import PREVIOUS_SUFFIX


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
    """The date of birth of the mother's first child differs from last year's return.

    A first child's date of birth cannot change: compare the date (MC_DOB) with last year's return
    and correct whichever is wrong, or fill it in if it is blank this year.
    """
    # A blank (or unreadable) MC_DOB this year where last year had a date is flagged too. The rule
    # needs last year's Header.
    previous = (
        ctx.table("Header_last")
        .filter(pl.col("MC_DOB").is_not_null())
        # Last year's row compared is named beside the finding.
        .select(
            "CHILD", pl.col("MC_DOB").alias("previous_mc_dob"), pl.col("_row").alias(RELATED_ROW)
        )
        # A child in last year's Header twice is compared with the earlier date, whatever the
        # order of the rows.
        .sort("CHILD", "previous_mc_dob")
        # Equivalent mutant (ReplaceTrueWithFalse): maintain_order sets only the order of the rows
        # kept, which the join ignores.
        .unique("CHILD", keep="first", maintain_order=True)
    )
    header = ctx.table("Header").join(previous, on="CHILD", how="inner")
    return header.filter(
        (pl.col("MC_DOB") != pl.col("previous_mc_dob")).fill_null(True)
    ).with_columns(pl.lit(f"Header{PREVIOUS_SUFFIX}").alias(RELATED_TABLE))


CASES = [
    Case(
        "an MC_DOB a day later or earlier than last year's is flagged; the same date is not",
        tables={
            "Header": table(
                ["CHILD", "MC_DOB"],
                ["1", "01/01/2024"],
                ["2", "02/01/2024"],
                ["8", "31/12/2023"],
            ),
            "Header_last": table(
                ["CHILD", "MC_DOB"],
                ["1", "01/01/2024"],
                ["2", "01/01/2024"],
                ["8", "01/01/2024"],
            ),
        },
        flagged={"Header": [1, 2]},
        related=(("Header", 1, "Header_last", 1), ("Header", 2, "Header_last", 2)),
    ),
    Case(
        "an MC_DOB blank or unreadable this year after a date last year is flagged",
        tables={
            "Header": table(
                ["CHILD", "MC_DOB"],
                ["3", ""],
                ["6", "31/02/2024"],
            ),
            "Header_last": table(
                ["CHILD", "MC_DOB"],
                ["3", "01/01/2024"],
                ["6", "01/01/2024"],
            ),
        },
        flagged={"Header": [0, 1]},
        related=(("Header", 0, "Header_last", 0), ("Header", 1, "Header_last", 1)),
    ),
    Case(
        "no readable MC_DOB last year, or no row last year, leaves nothing to compare",
        tables={
            "Header": table(
                ["CHILD", "MC_DOB"],
                ["4", "01/01/2024"],
                ["5", "01/01/2024"],
                ["7", "01/01/2024"],
            ),
            "Header_last": table(
                ["CHILD", "MC_DOB"],
                ["4", ""],
                ["7", "31/02/2024"],
                ["9", "01/01/2024"],
            ),
        },
    ),
    Case(
        "when last year's Header holds the child twice, the earliest date is compared, in any "
        "row order",
        tables={
            "Header": table(
                ["CHILD", "MC_DOB"],
                ["10", "01/01/2024"],
                ["11", "05/01/2024"],
            ),
            "Header_last": table(
                ["CHILD", "MC_DOB"],
                ["10", "05/01/2024"],
                ["10", "01/01/2024"],
                ["11", ""],
                ["11", "05/01/2024"],
                ["11", "01/01/2024"],
            ),
        },
        flagged={"Header": [1]},
        related=(("Header", 1, "Header_last", 4),),
    ),
]
