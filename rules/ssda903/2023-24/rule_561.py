"""Rule 561: a decision that ceased last year is reported again this year."""

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
    code="561",
    message=(
        "Date of the decision that the child should be placed for adoption this year is the same"
        " as that recorded last year but records show that the decision changed, and the child"
        " should no longer be placed for adoption last year."
    ),
    tables=["PlacedAdoption", "PlacedAdoption_last"],
    fields=["DATE_PLACED"],
    tags=["adoption", "previous-year"],
)
def ceased_decision_reported_again(ctx: RuleContext) -> pl.LazyFrame:
    """A decision to place for adoption that ceased last year is reported again this year.

    Last year's return recorded this decision (same date) as ceased: remove it from this year's
    record, or correct its date if this is a new decision.
    """
    # DfE: if this year's DATE_PLACED equals last year's, last year's DATE_PLACED_CEASED and
    # REASON_PLACED_CEASED should be blank. Blank dates are not matched.
    ceased = (
        ctx.table("PlacedAdoption_last")
        .filter(
            pl.col(raw_name("DATE_PLACED_CEASED")).is_not_null()
            | pl.col("REASON_PLACED_CEASED").is_not_null()
        )
        .filter(pl.col("DATE_PLACED").is_not_null())
        .select("CHILD", "DATE_PLACED", pl.col("_row").alias(RELATED_ROW))
    )
    # Each repeated decision names last year's row that recorded it as ceased.
    return (
        ctx.table("PlacedAdoption")
        .join(ceased, on=["CHILD", "DATE_PLACED"], how="inner")
        .with_columns(pl.lit(f"PlacedAdoption{PREVIOUS_SUFFIX}").alias(RELATED_TABLE))
    )


CASES = [
    Case(
        "a decision ceased last year (a date, a reason or an unreadable date) repeated is flagged",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED"],
                ["1", "01/05/2024"],
                ["2", "01/05/2024"],
                ["7", "01/05/2024"],
            ),
            "PlacedAdoption_last": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
                ["1", "01/05/2024", "01/12/2024", "RD1"],
                ["2", "01/05/2024", "", "RD1"],
                ["7", "01/05/2024", "31/02/2025", ""],
            ),
        },
        flagged={"PlacedAdoption": [0, 1, 2]},
        related=(
            ("PlacedAdoption", 0, "PlacedAdoption_last", 0),
            ("PlacedAdoption", 1, "PlacedAdoption_last", 1),
            ("PlacedAdoption", 2, "PlacedAdoption_last", 2),
        ),
    ),
    Case(
        "a decision left open last year, or a ceased one with another date now, is not flagged",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED"],
                ["3", "01/05/2024"],
                ["4", "02/05/2024"],
                ["6", "30/04/2024"],
            ),
            "PlacedAdoption_last": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
                ["3", "01/05/2024", "", ""],
                ["4", "01/05/2024", "01/12/2024", "RD1"],
                ["6", "01/05/2024", "01/12/2024", "RD1"],
            ),
        },
    ),
    Case(
        "only the child's repeated decision is flagged, not a newer one",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED"], ["9", "01/06/2024"], ["9", "01/05/2024"]
            ),
            "PlacedAdoption_last": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
                ["9", "01/05/2024", "01/12/2024", "RD1"],
                ["9", "01/06/2024", "", ""],
            ),
        },
        flagged={"PlacedAdoption": [1]},
        related=(("PlacedAdoption", 1, "PlacedAdoption_last", 0),),
    ),
    Case(
        "blank or unreadable dates are not matched",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED"], ["5", ""], ["8", "2024-05-01"], ["10", "01/05/2024"]
            ),
            "PlacedAdoption_last": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
                ["5", "", "01/12/2024", "RD1"],
                ["8", "01/05/2024", "01/12/2024", "RD1"],
                ["10", "31/02/2024", "01/12/2024", "RD1"],
            ),
        },
    ),
]
