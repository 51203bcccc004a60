"""Rule 4014: CIN plans of one child overlap."""

import polars as pl

from csc_validate.collections.cin.rulekit import CHILD_KEY, rows_paired
from csc_validate.collections.cin.rulekit.cin_plans import (
    PLAN_ROW,
    days_in_open_plans,
)
from csc_validate.rulekit import Case, RuleContext, rule, table

# NOTE: DfE's coding: no CIN plan's start may fall from another plan's start to its end date (or
# to the reference date when it has none), with no exception for a plan starting on the day
# another ends, unlike the CIN plan / CPP rules 4016 and 4017; the peer agrees. Both plans of
# each overlap are flagged, as the peer does. Plans are compared across the child's episodes.


@rule(
    code="4014",
    message="CIN Plan data contains overlapping dates",
    tables=["CINplanDates"],
    fields=["CINPlanStartDate", "CINPlanEndDate"],
    tags=["dates", "plans"],
)
def cin_plans_overlap(ctx: RuleContext) -> pl.LazyFrame:
    """CIN plans of the same child whose dates overlap, each plan of the pair.

    A plan with no end date runs to 31 March. A plan starting on the day another one ends
    overlaps it by that day. A child has one CIN plan at a time: check the start and end dates
    of both plans, and remove a plan recorded twice.
    """
    plans = ctx.table("CINplanDates")
    overlaps = days_in_open_plans(
        plans.select(CHILD_KEY, "_row", "CINPlanStartDate"),
        "CINPlanStartDate",
        plans,
        ("CINPlanStartDate", "CINPlanEndDate"),
        ctx,
        on=[CHILD_KEY],
        hand_over_on_end_date=False,
    ).filter(pl.col("_row") != pl.col(PLAN_ROW))
    # Two plans overlap exactly when the later start falls in the other: flag both, each naming
    # the other.
    return pl.concat(
        [
            rows_paired(plans, overlaps, ("_row", PLAN_ROW)),
            rows_paired(plans, overlaps, (PLAN_ROW, "_row")),
        ]
    )


_COLUMNS = ["LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"]

CASES = [
    Case(
        "a plan starting on or before another's end date overlaps it; the day after does not",
        tables={
            "CINplanDates": table(
                _COLUMNS,
                ["A", "1", "2024-05-01", "2024-06-01"],
                ["A", "1", "2024-06-01", "2024-07-01"],
                ["B", "1", "2024-05-01", "2024-06-01"],
                ["B", "1", "2024-06-02", "2024-07-01"],
                ["C", "1", "2024-05-01", "2024-06-01"],
                ["C", "1", "2024-05-31", ""],
                ["D", "1", "2024-05-01", "2024-06-01"],
                ["D", "1", "2024-04-30", "2024-05-01"],
                ["E", "1", "2024-05-01", "2024-06-01"],
                ["E", "1", "2024-04-30", "2024-04-30"],
            )
        },
        flagged={"CINplanDates": [0, 1, 4, 5, 6, 7]},
        period="2024-25",
    ),
    Case(
        "a plan with no end date runs to 31 March; unknown dates are not compared",
        tables={
            "CINplanDates": table(
                _COLUMNS,
                ["A", "1", "2024-05-01", ""],
                ["A", "1", "2025-03-31", ""],
                ["B", "1", "2024-05-01", ""],
                ["B", "1", "2025-04-01", ""],
                ["C", "1", "2024-05-01", "2024-05-32"],
                ["C", "1", "2024-05-15", "2024-07-01"],
                ["D", "1", "", "2024-06-01"],
                ["D", "1", "2024-05-01", "2024-07-01"],
                ["D", "1", "2024-05-32", "2024-07-01"],
            )
        },
        flagged={"CINplanDates": [0, 1]},
        period="2024-25",
    ),
    Case(
        "plans in different episodes and plans recorded twice overlap; each flagged once",
        tables={
            "CINplanDates": table(
                _COLUMNS,
                ["A", "1", "2024-05-01", "2024-08-01"],
                ["A", "2", "2024-07-01", ""],
                ["B", "1", "2024-05-01", "2024-06-01"],
                ["B", "1", "2024-05-01", "2024-06-01"],
                ["C", "1", "2024-04-01", "2024-04-30"],
                ["C", "1", "2024-05-01", "2024-09-01"],
                ["C", "2", "2024-06-01", "2024-06-30"],
                ["C", "2", "2024-07-01", "2024-07-30"],
                ["D", "1", "2024-05-01", "2024-09-01"],
            )
        },
        flagged={"CINplanDates": [0, 1, 2, 3, 5, 6, 7]},
        # Each plan names every plan it overlaps; C's two later plans do not name each other.
        related=(
            ("CINplanDates", 0, "CINplanDates", 1),
            ("CINplanDates", 1, "CINplanDates", 0),
            ("CINplanDates", 2, "CINplanDates", 3),
            ("CINplanDates", 3, "CINplanDates", 2),
            ("CINplanDates", 5, "CINplanDates", 6),
            ("CINplanDates", 5, "CINplanDates", 7),
            ("CINplanDates", 6, "CINplanDates", 5),
            ("CINplanDates", 7, "CINplanDates", 5),
        ),
        period="2024-25",
    ),
    Case(
        "in the XML CIN plans overlap only within one Child element, whatever the LA child IDs",
        tables={
            "CINplanDates": table(
                ["ChildKey", *_COLUMNS],
                ["Child[1]", "", "1", "2024-05-01", "2024-07-01"],
                ["Child[2]", "", "1", "2024-06-01", "2024-08-01"],
                ["Child[3]", "A", "1", "2024-05-01", "2024-07-01"],
                ["Child[3]", "A", "1", "2024-06-01", "2024-08-01"],
                ["Child[4]", "A", "1", "2024-06-15", "2024-06-20"],
            ),
        },
        metadata={"file_format": "xml"},
        flagged={"CINplanDates": [2, 3]},
        period="2024-25",
    ),
    Case(
        "in a CSV extract CIN plans with a blank LA child ID are never one child's",
        tables={
            "CINplanDates": table(
                _COLUMNS,
                ["", "1", "2024-05-01", "2024-07-01"],
                ["", "2", "2024-06-01", "2024-08-01"],
            ),
        },
        period="2024-25",
    ),
]
