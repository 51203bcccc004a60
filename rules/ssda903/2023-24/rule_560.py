"""Rule 560: a decision still open last year is reported this year with another date."""

import polars as pl

from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    raw_name,
    rule,
    table,
)
from csc_validate.tables import PREVIOUS_SUFFIX


@rule(
    code="560",
    message=(
        "Date of decision that the child should be placed for adoption this year is different"
        " from that recorded last year but the decision to place the child for adoption did not"
        " change."
    ),
    tables=["PlacedAdoption", "PlacedAdoption_last"],
    fields=["DATE_PLACED", "DATE_PLACED_CEASED"],
    tags=["adoption", "previous-year"],
)
def open_decision_redated(ctx: RuleContext) -> pl.LazyFrame:
    """A decision to place for adoption still open last year has a different date this year.

    Last year's return showed the decision still in force, so this year's record should include it
    with the same date: correct the date if it was changed by mistake, or add the earlier decision
    with the date and reason it ceased.
    """
    # DfE: if last year's DATE_PLACED was given and DATE_PLACED_CEASED was blank, this year's
    # DATE_PLACED should equal it. A child can also have a newer decision this year, so the child's
    # rows are flagged only when none of them carries last year's open date.
    still_open = (
        ctx.table("PlacedAdoption_last")
        .filter(
            pl.col("DATE_PLACED").is_not_null() & pl.col(raw_name("DATE_PLACED_CEASED")).is_null()
        )
        .select(
            "CHILD", pl.col("DATE_PLACED").alias("open_date"), pl.col("_row").alias(RELATED_ROW)
        )
    )
    current = ctx.table("PlacedAdoption")
    lost = still_open.join(
        current.select("CHILD", "DATE_PLACED").filter(pl.col("DATE_PLACED").is_not_null()),
        left_on=["CHILD", "open_date"],
        right_on=["CHILD", "DATE_PLACED"],
        how="anti",
    )
    # Each of the child's rows names last year's open decision it did not carry on.
    return current.join(lost.select("CHILD", RELATED_ROW), on="CHILD", how="inner").with_columns(
        pl.lit(f"PlacedAdoption{PREVIOUS_SUFFIX}").alias(RELATED_TABLE)
    )


CASES = [
    Case(
        "a decision open last year given a day later or earlier is flagged; the same date is not",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED"],
                ["1", "02/05/2024"],
                ["2", "01/05/2024"],
                ["6", "30/04/2024"],
            ),
            "PlacedAdoption_last": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["1", "01/05/2024", ""],
                ["2", "01/05/2024", ""],
                ["6", "01/05/2024", ""],
            ),
        },
        flagged={"PlacedAdoption": [0, 2]},
        related=(
            ("PlacedAdoption", 0, "PlacedAdoption_last", 0),
            ("PlacedAdoption", 2, "PlacedAdoption_last", 2),
        ),
    ),
    Case(
        "a child whose decisions include last year's open date is not flagged",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED"],
                ["4", "01/05/2024"],
                ["4", "01/01/2025"],
                ["10", "01/05/2024"],
            ),
            "PlacedAdoption_last": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["4", "01/05/2024", ""],
                ["10", "01/01/2023", "01/02/2023"],
                ["10", "01/05/2024", ""],
            ),
        },
    ),
    Case(
        "a blank or unreadable date this year does not match last year's open date and is flagged",
        tables={
            "PlacedAdoption": table(["CHILD", "DATE_PLACED"], ["5", ""], ["8", "2024-05-01"]),
            "PlacedAdoption_last": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["5", "01/05/2024", ""],
                ["8", "01/05/2024", ""],
            ),
        },
        flagged={"PlacedAdoption": [0, 1]},
        related=(
            ("PlacedAdoption", 0, "PlacedAdoption_last", 0),
            ("PlacedAdoption", 1, "PlacedAdoption_last", 1),
        ),
    ),
    Case(
        "a decision ceased last year, with an unreadable date, or absent this year is not compared",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED"],
                ["3", "02/05/2024"],
                ["9", "01/05/2024"],
                ["11", "02/05/2024"],
            ),
            "PlacedAdoption_last": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["3", "01/05/2024", "01/12/2024"],
                ["7", "01/05/2024", ""],
                ["9", "31/02/2024", ""],
                ["11", "01/05/2024", "31/02/2025"],
            ),
        },
    ),
]
