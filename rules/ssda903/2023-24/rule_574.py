"""Rule 574: missing or away periods overlap, or one starts while another is open."""

import datetime as dt

import polars as pl

from csc_validate.collections.ssda903.rulekit.overlaps import overlapping_earlier
from csc_validate.rulekit import Case, RuleContext, by_content, raw_name, rule, table

# An open period (blank end) runs on indefinitely.
OPEN_END = dt.date(9999, 12, 31)


@rule(
    code="574",
    message=(
        "A new missing/away from placement without authorisation period cannot start when the"
        " previous missing/away from placement without authorisation period is still open."
        " Missing/away from placement without authorisation periods should also not overlap."
    ),
    tables=["Missing"],
    fields=["MIS_START", "MIS_END"],
    tags=["missing", "dates"],
)
def missing_period_overlaps_earlier(ctx: RuleContext) -> pl.LazyFrame:
    """A missing or away period starts before an earlier one has ended.

    Check the child's missing and away periods: each should start on or after the day the previous
    one ended, so correct the dates or add the end date of a period that has ended.
    """
    # The later-starting period of an overlapping pair is flagged; starting on the day the previous
    # period ended is fine. Every earlier period counts, not only the one just before, and an
    # earlier period with a blank end is still open. An unreadable end is taken as the period's
    # start (rule 1005 reports it); periods with no readable start are not ordered.
    end = (
        pl.when(pl.col(raw_name("MIS_END")).is_null())
        .then(pl.lit(OPEN_END))
        .otherwise(pl.col("MIS_END").fill_null(pl.col("MIS_START")))
    )
    ordered = ctx.table("Missing").filter(pl.col("MIS_START").is_not_null())
    # Of two starting the same day the one ending first comes first; then content, never file order.
    ordered = ordered.sort("CHILD", "MIS_START", end, by_content())
    # Each earlier period it overlaps is named beside it.
    return overlapping_earlier(ordered, "MIS_START", end)


CASES = [
    Case(
        "a period starting the day before an earlier one ended is flagged; on or after it is not",
        tables={
            "Missing": table(
                ["CHILD", "MIS_START", "MIS_END"],
                ["1", "01/05/2024", "10/05/2024"],
                ["1", "10/05/2024", "12/05/2024"],
                ["1", "11/05/2024", "11/05/2024"],
                ["5", "01/05/2024", "10/05/2024"],
                ["5", "09/05/2024", "09/05/2024"],
                ["5", "11/05/2024", ""],
            )
        },
        flagged={"Missing": [2, 4]},
        related=(("Missing", 2, "Missing", 1), ("Missing", 4, "Missing", 3)),
    ),
    Case(
        "a period inside any earlier one, not only the one just before, is flagged, by MIS_START",
        tables={
            "Missing": table(
                ["CHILD", "MIS_START", "MIS_END"],
                ["3", "01/05/2024", "31/05/2024"],
                ["3", "05/05/2024", "06/05/2024"],
                ["3", "20/05/2024", "21/05/2024"],
                ["8", "05/05/2024", "06/05/2024"],
                ["8", "01/05/2024", "31/05/2024"],
            )
        },
        flagged={"Missing": [1, 2, 3]},
        related=(
            ("Missing", 1, "Missing", 0),
            ("Missing", 2, "Missing", 0),
            ("Missing", 3, "Missing", 4),
        ),
    ),
    Case(
        "a period starting while an earlier one is still open is flagged, however late it starts",
        tables={
            "Missing": table(
                ["CHILD", "MIS_START", "MIS_END"],
                ["2", "01/05/2024", ""],
                ["2", "01/06/2024", "02/06/2024"],
                ["9", "01/05/2024", ""],
                ["9", "30/12/9999", ""],
            )
        },
        flagged={"Missing": [1, 3]},
        related=(("Missing", 1, "Missing", 0), ("Missing", 3, "Missing", 2)),
    ),
    Case(
        "a blank or unreadable start is not ordered; an unreadable end counts as the start day",
        tables={
            "Missing": table(
                ["CHILD", "MIS_START", "MIS_END"],
                ["4", "", "01/01/2024"],
                ["4", "01/05/2024", ""],
                ["6", "01/05/2024", "31/02/2024"],
                ["6", "02/05/2024", "03/05/2024"],
                ["7", "01/05/2024", "31/05/2024"],
                ["7", "2024-05-05", "06/05/2024"],
            )
        },
    ),
]
