"""Rule 4017: child protection plan starts while a CIN plan of the child is open."""

import polars as pl

from csc_validate.collections.cin.rulekit import CHILD_KEY, rows_paired
from csc_validate.collections.cin.rulekit.cin_plans import (
    PLAN_ROW,
    days_in_open_plans,
)
from csc_validate.rulekit import Case, RuleContext, rule, table

# NOTE: DfE's coding: a CPP's start cannot fall from a CIN plan's start to its end (or to the
# reference date while it has none), unless it equals that CIN plan's end date, the step-up. So
# a CPP starting on the CIN plan's start day is flagged, one starting on its end day is not; the
# peer agrees. Both plans are flagged, as the peer does.


@rule(
    code="4017",
    message="A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
    tables=["CINplanDates", "ChildProtectionPlans"],
    fields=["CINPlanStartDate", "CINPlanEndDate", "CPPstartDate"],
    tags=["dates", "plans", "child-protection"],
)
def child_protection_plan_starts_during_cin_plan(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """Child protection plans that start while a CIN plan of the child is open, and that plan.

    A CIN plan is open from its start date until the day before its end date, or to 31 March
    when it has no end date. When a child protection plan starts, the CIN plan ends, normally on
    the same day: give the CIN plan that end date, or check the child protection plan's start.
    """
    cin_plans = ctx.table("CINplanDates")
    protection_plans = ctx.table("ChildProtectionPlans")
    clashes = days_in_open_plans(
        protection_plans.select(CHILD_KEY, "_row", "CPPstartDate"),
        "CPPstartDate",
        cin_plans,
        ("CINPlanStartDate", "CINPlanEndDate"),
        ctx,
        on=[CHILD_KEY],
        hand_over_on_end_date=True,
    )
    # Each plan names the other plan of its clash.
    return {
        "CINplanDates": rows_paired(cin_plans, clashes, (PLAN_ROW, "_row"), "ChildProtectionPlans"),
        "ChildProtectionPlans": rows_paired(
            protection_plans, clashes, ("_row", PLAN_ROW), "CINplanDates"
        ),
    }


_CPP_COLUMNS = ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate"]
_CIN_COLUMNS = ["LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"]

CASES = [
    Case(
        "a CPP starting from the CIN plan's start to the day before its end is flagged",
        tables={
            "CINplanDates": table(
                _CIN_COLUMNS,
                ["A", "1", "2024-04-01", "2024-06-01"],
                ["B", "1", "2024-04-01", "2024-06-01"],
                ["C", "1", "2024-04-01", "2024-06-01"],
                ["D", "1", "2024-04-01", "2024-06-01"],
                ["E", "1", "2024-04-01", "2024-06-01"],
            ),
            "ChildProtectionPlans": table(
                _CPP_COLUMNS,
                ["A", "1", "1", "2024-03-31", "2024-04-01"],
                ["B", "1", "1", "2024-04-01", ""],
                ["C", "1", "1", "2024-05-31", ""],
                ["D", "1", "1", "2024-06-01", ""],
                ["E", "1", "1", "2024-06-02", ""],
            ),
        },
        flagged={"CINplanDates": [1, 2], "ChildProtectionPlans": [1, 2]},
        period="2024-25",
    ),
    Case(
        "a CIN plan with no end date is open to 31 March; unknown dates are not compared",
        tables={
            "CINplanDates": table(
                _CIN_COLUMNS,
                ["A", "1", "2024-04-01", ""],
                ["B", "1", "2024-04-01", ""],
                ["C", "1", "2024-04-01", "2024-06-31"],
                ["D", "1", "", "2024-06-01"],
                ["E", "1", "2024-04-01", "2024-06-01"],
                ["F", "1", "2024-05-01", "2024-05-01"],
            ),
            "ChildProtectionPlans": table(
                _CPP_COLUMNS,
                ["A", "1", "1", "2025-03-31", ""],
                ["B", "1", "1", "2025-04-01", ""],
                ["C", "1", "1", "2024-05-01", ""],
                ["D", "1", "1", "2024-05-01", ""],
                ["E", "1", "1", "", "2024-05-01"],
                ["E", "1", "2", "2024-04-31", ""],
                ["F", "1", "1", "2024-05-01", ""],
                ["G", "1", "1", "2024-05-01", ""],
            ),
        },
        flagged={"CINplanDates": [0], "ChildProtectionPlans": [0]},
        period="2024-25",
    ),
    Case(
        "plans of all the child's episodes are compared, each flagged once",
        tables={
            "CINplanDates": table(
                _CIN_COLUMNS,
                ["A", "1", "2024-04-10", "2024-05-10"],
                ["A", "2", "2024-10-01", ""],
                ["A", "3", "2024-10-15", "2024-12-01"],
                ["B", "1", "2024-04-10", "2024-05-10"],
            ),
            "ChildProtectionPlans": table(
                _CPP_COLUMNS,
                ["A", "1", "1", "2024-05-10", "2024-09-30"],
                ["A", "4", "1", "2024-11-01", ""],
                ["B", "2", "1", "2024-05-09", ""],
            ),
        },
        flagged={"CINplanDates": [1, 2, 3], "ChildProtectionPlans": [1, 2]},
        # Each child protection plan names every CIN plan open on its start, and each such plan it.
        related=(
            ("CINplanDates", 1, "ChildProtectionPlans", 1),
            ("CINplanDates", 2, "ChildProtectionPlans", 1),
            ("CINplanDates", 3, "ChildProtectionPlans", 2),
            ("ChildProtectionPlans", 1, "CINplanDates", 1),
            ("ChildProtectionPlans", 1, "CINplanDates", 2),
            ("ChildProtectionPlans", 2, "CINplanDates", 3),
        ),
        period="2024-25",
    ),
]
