"""Rule 8940: a child's child protection plans overlap."""

import polars as pl

from csc_validate.collections.cin.rulekit import CHILD_KEY
from csc_validate.collections.cin.rulekit.plans import plan_runs_until
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, rule, table

# DfE's coding: where a child has more than one plan, no plan's CPPstartDate may fall within
# another plan's CPPstartDate to CPPendDate, or CPPstartDate to the reference date while that
# plan has no end date.
# NOTE: "within ... to ..." is read inclusively, as DfE's "1 April to 31 March" is, so a plan
# starting on the day another ends overlaps it (the peer agrees). Plans are compared across all
# of the child's CIN episodes; the peer tells plans apart by CPPID alone, which restarts in each
# episode, so it never compares the first plans of two episodes.


@rule(
    code="8940",
    message="Child Protection Plan data contains overlapping dates",
    tables=["ChildProtectionPlans"],
    fields=["CPPstartDate", "CPPendDate"],
    tags=["dates", "plans"],
)
def overlapping_protection_plans(ctx: RuleContext) -> pl.LazyFrame:
    """Both child protection plans of a child wherever one starts on or between the start and
    end dates of the other (up to 31 March if the other is still open).

    A child is on one child protection plan at a time, so a new plan starts after the day the
    previous one ended. Check the start and end dates of both plans.
    """
    # Plans are the child's by its Child element: children with blank or repeated LAchildIDs
    # stay apart.
    plans = ctx.table("ChildProtectionPlans")
    # A plan with a blank start, or an unreadable end, has no known span and is not compared.
    others = plans.select(
        CHILD_KEY,
        pl.col("_row").alias("_other_row"),
        pl.col("CPPstartDate").alias("_other_start"),
        plan_runs_until(ctx).alias("_other_until"),
    )
    # Equivalent mutant (ReplaceKeywordValue): every plan has a child key and matches itself,
    # so a left join adds no unmatched row.
    pairs = plans.join(others, on=CHILD_KEY, how="inner").filter(
        (pl.col("_row") != pl.col("_other_row"))
        & pl.col("CPPstartDate").is_between(
            pl.col("_other_start"), pl.col("_other_until"), closed="both"
        )
    )
    # Each plan of a pair is flagged, with the other named as its related row.
    overlapping = pl.concat(
        [
            pairs.select("_row", pl.col("_other_row").alias(RELATED_ROW)),
            pairs.select(pl.col("_other_row").alias("_row"), pl.col("_row").alias(RELATED_ROW)),
        ]
    ).unique()
    return plans.join(overlapping, on="_row", how="inner")


CASES = [
    Case(
        "plans overlapping by a day or more are both flagged; back-to-back plans are not",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate"],
                ["A", "1", "1", "2024-05-01", "2024-08-01"],
                ["A", "1", "2", "2024-08-02", "2024-10-01"],
                ["B", "1", "1", "2024-05-01", "2024-08-01"],
                ["B", "1", "2", "2024-08-01", "2024-10-01"],
                ["C", "1", "1", "2024-05-01", "2024-08-01"],
                ["C", "2", "1", "2024-07-31", "2024-10-01"],
                ["D", "1", "1", "2024-05-01", "2024-08-01"],
                ["D", "1", "2", "2024-05-01", "2024-06-01"],
                ["E", "1", "1", "2024-06-01", "2024-07-01"],
                ["E", "1", "2", "2024-05-01", "2024-09-01"],
            ),
        },
        flagged={"ChildProtectionPlans": [2, 3, 4, 5, 6, 7, 8, 9]},
        # Each plan names the plan it overlaps.
        related=tuple(
            ("ChildProtectionPlans", row, "ChildProtectionPlans", other)
            for row, other in ((2, 3), (3, 2), (4, 5), (5, 4), (6, 7), (7, 6), (8, 9), (9, 8))
        ),
        period="2024-25",
    ),
    Case(
        "an open plan runs to 31 March",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate"],
                ["A", "1", "1", "2024-05-01", ""],
                ["A", "2", "1", "2025-03-31", ""],
                ["B", "1", "1", "2024-05-01", ""],
                ["B", "2", "1", "2025-04-01", ""],
                ["C", "1", "1", "2024-05-01", ""],
                ["C", "2", "1", "2024-04-30", "2024-05-01"],
                ["D", "1", "1", "2024-05-01", ""],
                ["D", "2", "1", "2024-04-01", "2024-04-30"],
            ),
        },
        flagged={"ChildProtectionPlans": [0, 1, 4, 5]},
        period="2024-25",
    ),
    Case(
        "blank starts, unreadable ends, other children and blank ids do not overlap",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate"],
                ["A", "1", "1", "", "2024-08-01"],
                ["A", "1", "2", "2024-06-01", "2024-10-01"],
                ["B", "1", "1", "2024-05-01", "2024-02-30"],
                ["B", "1", "2", "2024-06-01", "2024-10-01"],
                ["C", "1", "1", "2024-05-01", "2024-08-01"],
                ["D", "1", "1", "2024-06-01", "2024-10-01"],
                ["", "1", "1", "2024-05-01", "2024-08-01"],
                ["", "1", "2", "2024-06-01", "2024-10-01"],
            ),
        },
        flagged={"ChildProtectionPlans": []},
        period="2024-25",
    ),
    Case(
        "a child listed twice with the same plan under each listing is flagged",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate"],
                ["A", "1", "1", "2024-05-01", "2024-08-01"],
                ["A", "1", "1", "2024-05-01", "2024-08-01"],
                ["A", "2", "1", "2024-09-01", ""],
            ),
        },
        flagged={"ChildProtectionPlans": [0, 1]},
        period="2024-25",
    ),
    Case(
        "in the XML plans overlap only within one Child element, whatever the IDs",
        tables={
            "ChildProtectionPlans": table(
                ["ChildKey", "LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate"],
                ["Child[1]", "", "1", "1", "2024-05-01", "2024-07-01"],
                ["Child[1]", "", "1", "2", "2024-06-01", "2024-08-01"],
                ["Child[2]", "", "1", "1", "2024-05-01", "2024-07-01"],
                ["Child[3]", "", "1", "1", "2024-06-01", "2024-08-01"],
                ["Child[4]", "A", "1", "1", "2024-05-01", "2024-07-01"],
                ["Child[5]", "A", "1", "1", "2024-06-01", "2024-08-01"],
            ),
        },
        metadata={"file_format": "xml"},
        flagged={"ChildProtectionPlans": [0, 1]},
        period="2024-25",
    ),
]
