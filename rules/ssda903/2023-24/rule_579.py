"""Rule 579: decisions to place for adoption overlap, or one starts while another is open."""

import datetime as dt

import polars as pl

from csc_validate.collections.ssda903.rulekit.overlaps import overlapping_earlier
from csc_validate.rulekit import Case, RuleContext, by_content, raw_name, rule, table

# A decision not yet ceased (blank ceased date) runs on indefinitely.
OPEN_END = dt.date(9999, 12, 31)


@rule(
    code="579",
    message=(
        "A new decision that the child should be placed for adoption this year cannot start when"
        " the previous decision is still open. Decisions to place the child for adoption should"
        " also not overlap. The date of any new decision to place the child for adoption must not"
        " be before the date placed ceased of previous decisions."
    ),
    tables=["PlacedAdoption"],
    fields=["DATE_PLACED", "DATE_PLACED_CEASED"],
    tags=["adoption", "dates"],
)
def decision_overlaps_earlier(ctx: RuleContext) -> pl.LazyFrame:
    """A decision to place for adoption starts before an earlier decision ceased.

    Each new decision should be dated on or after the day the previous one ceased: enter the missing
    date the earlier decision ceased, or correct the dates.
    """
    # The later decision of an overlapping pair is flagged; a decision dated the day the previous
    # one ceased is fine. Every earlier decision counts, not only the one just before, and one with
    # a blank ceased date is still open. An unreadable ceased date is taken as the decision's own
    # date (rule 116 reports it); decisions without a readable DATE_PLACED are not ordered.
    ceased = (
        pl.when(pl.col(raw_name("DATE_PLACED_CEASED")).is_null())
        .then(pl.lit(OPEN_END))
        .otherwise(pl.col("DATE_PLACED_CEASED").fill_null(pl.col("DATE_PLACED")))
    )
    ordered = ctx.table("PlacedAdoption").filter(pl.col("DATE_PLACED").is_not_null())
    # Of two starting the same day the one ending first comes first; then content, never file order.
    ordered = ordered.sort("CHILD", "DATE_PLACED", ceased, by_content())
    # Each earlier decision it overlaps is named beside it.
    return overlapping_earlier(ordered, "DATE_PLACED", ceased)


CASES = [
    Case(
        "a decision dated the day before an earlier one ceased is flagged; on or after it is not",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["1", "01/05/2023", "10/05/2024"],
                ["1", "10/05/2024", ""],
                ["3", "01/05/2023", "09/06/2024"],
                ["3", "08/06/2024", ""],
                ["5", "01/05/2023", "09/06/2024"],
                ["5", "10/06/2024", ""],
            )
        },
        flagged={"PlacedAdoption": [3]},
        related=(("PlacedAdoption", 3, "PlacedAdoption", 2),),
    ),
    Case(
        "a decision before any earlier one ceased, not only the one just before, is flagged",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["8", "01/05/2023", "30/06/2024"],
                ["8", "01/06/2024", "05/06/2024"],
                ["8", "10/06/2024", ""],
                ["9", "08/06/2024", ""],
                ["9", "01/05/2023", "09/06/2024"],
            )
        },
        flagged={"PlacedAdoption": [1, 2, 3]},
        related=(
            ("PlacedAdoption", 1, "PlacedAdoption", 0),
            ("PlacedAdoption", 2, "PlacedAdoption", 0),
            ("PlacedAdoption", 3, "PlacedAdoption", 4),
        ),
    ),
    Case(
        "a decision while an earlier one is still open is flagged, however late it is dated",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["2", "01/05/2023", ""],
                ["2", "01/06/2024", ""],
                ["10", "01/05/2023", ""],
                ["10", "30/12/9999", ""],
            )
        },
        flagged={"PlacedAdoption": [1, 3]},
        related=(
            ("PlacedAdoption", 1, "PlacedAdoption", 0),
            ("PlacedAdoption", 3, "PlacedAdoption", 2),
        ),
    ),
    Case(
        "a blank or unreadable DATE_PLACED is not ordered; an unreadable ceased date is its day",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["4", "", ""],
                ["4", "01/06/2024", ""],
                ["6", "01/05/2023", "31/02/2024"],
                ["6", "02/05/2023", ""],
                ["7", "01/05/2023", ""],
                ["7", "2024-06-01", ""],
            )
        },
    ),
]
