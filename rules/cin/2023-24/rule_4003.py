"""Rule 4003: child protection plan review held while a CIN plan of the episode is open."""

import polars as pl

from csc_validate.collections.cin.rulekit import EPISODE, PLAN, rows_paired
from csc_validate.collections.cin.rulekit.cin_plans import (
    PLAN_ROW,
    days_in_open_plans,
)
from csc_validate.rulekit import Case, RuleContext, by_content, rule, table, unreadable

# NOTE: DfE's coding compares reviews with CIN plans of the same CIN episode, excusing a review on
# its CPP's end date (the step-down); as in 4016/4017 a CIN plan is closed on its end date and one
# with none runs to the reference date.
# NOTE: the peer matches CIN plans across the child's episodes, and never flags a review of a CPP
# with no end date, nor one during a CIN plan with no end date.


@rule(
    code="4003",
    message="A CPP review date is shown as being held at the same time as an open CIN Plan.",
    tables=["Reviews", "CINplanDates"],
    fields=["CPPreviewDate", "CINPlanStartDate", "CINPlanEndDate"],
    tags=["dates", "plans", "child-protection", "reviews"],
)
def review_held_during_cin_plan(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """Child protection plan reviews held while a CIN plan of the episode was open, and that plan.

    A CIN plan is open from its start date until the day before its end date, or to 31 March
    when it has no end date. A review on the day the child protection plan ends, when the CIN
    plan starts, is allowed. Check the review date and the CIN plan's dates.
    """
    reviews = ctx.table("Reviews")
    cin_plans = ctx.table("CINplanDates")
    # Each review with its own plan's end date; a plan listed twice counts with one listing,
    # chosen by what it holds, never by the order of the rows.
    plan_ends = (
        ctx.table("ChildProtectionPlans")
        .sort(by_content())
        # Equivalent mutant (ReplaceTrueWithFalse): maintain_order sets only the order of the
        # rows kept, which the join ignores.
        .unique(subset=PLAN, keep="first", maintain_order=True)
        .select(*PLAN, "CPPendDate", unreadable("CPPendDate").alias("_end_unknown"))
    )
    dated = reviews.select(*PLAN, "_row", "CPPreviewDate").join(plan_ends, on=PLAN, how="left")
    clashes = days_in_open_plans(
        dated,
        "CPPreviewDate",
        cin_plans,
        ("CINPlanStartDate", "CINPlanEndDate"),
        ctx,
        on=EPISODE,
        hand_over_on_end_date=True,
    ).filter(
        # An unreadable CPP end date might be the review's date: leave such reviews alone.
        ~pl.col("_end_unknown").fill_null(False)
        & pl.col("CPPreviewDate").ne_missing(pl.col("CPPendDate"))
    )
    # Each review and CIN plan names the other of its clash.
    return {
        "Reviews": rows_paired(reviews, clashes, ("_row", PLAN_ROW), "CINplanDates"),
        "CINplanDates": rows_paired(cin_plans, clashes, (PLAN_ROW, "_row"), "Reviews"),
    }


_CIN_COLUMNS = ["LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"]
_CPP_COLUMNS = ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate"]
_REVIEW_COLUMNS = ["LAchildID", "CINdetailsID", "CPPID", "CPPreviewDate"]

CASES = [
    Case(
        "reviews from a CIN plan's start to the day before its end are flagged",
        tables={
            "CINplanDates": table(
                _CIN_COLUMNS,
                ["A", "1", "2024-05-01", "2024-08-01"],
                ["B", "1", "2024-05-01", ""],
                ["C", "1", "2024-05-01", ""],
            ),
            "ChildProtectionPlans": table(
                _CPP_COLUMNS,
                ["A", "1", "1", "2024-02-01", "2024-09-01"],
                ["B", "1", "1", "2024-02-01", "2024-05-01"],
                ["C", "1", "1", "2024-02-01", ""],
            ),
            "Reviews": table(
                _REVIEW_COLUMNS,
                ["A", "1", "1", "2024-04-30"],
                ["A", "1", "1", "2024-05-01"],
                ["A", "1", "1", "2024-07-31"],
                ["A", "1", "1", "2024-08-01"],
                ["B", "1", "1", "2024-05-01"],
                ["B", "1", "1", "2024-04-30"],
                ["C", "1", "1", "2025-03-31"],
                ["C", "1", "1", "2025-04-01"],
            ),
        },
        flagged={"Reviews": [1, 2, 6], "CINplanDates": [0, 2]},
        period="2024-25",
    ),
    Case(
        "unknown dates are not compared, and CIN plans of other episodes do not count",
        tables={
            "CINplanDates": table(
                _CIN_COLUMNS,
                ["D", "1", "2024-05-01", ""],
                ["E", "1", "2024-05-01", "2024-05-32"],
                ["F", "1", "2024-05-01", "2024-08-01"],
                ["G", "2", "2024-05-01", ""],
                ["H", "1", "", "2024-08-01"],
            ),
            "ChildProtectionPlans": table(
                _CPP_COLUMNS,
                ["D", "1", "1", "2024-02-01", "2024-06-31"],
                ["E", "1", "1", "2024-02-01", ""],
                ["F", "1", "1", "2024-02-01", ""],
                ["G", "1", "1", "2024-02-01", ""],
                ["H", "1", "1", "2024-02-01", ""],
            ),
            "Reviews": table(
                _REVIEW_COLUMNS,
                ["D", "1", "1", "2024-06-01"],
                ["E", "1", "1", "2024-06-01"],
                ["F", "1", "1", "2024-06-31"],
                ["G", "1", "1", "2024-06-01"],
                ["H", "1", "1", "2024-06-01"],
            ),
        },
        flagged={},
        period="2024-25",
    ),
    Case(
        "a review in two CIN plans is flagged once; a CPP listed twice counts its first end",
        tables={
            "CINplanDates": table(
                _CIN_COLUMNS,
                ["A", "1", "2024-05-01", "2024-07-01"],
                ["A", "1", "2024-06-01", ""],
                ["B", "1", "2024-07-01", ""],
            ),
            "ChildProtectionPlans": table(
                _CPP_COLUMNS,
                ["A", "1", "1", "2024-02-01", ""],
                ["B", "1", "1", "2024-02-01", "2024-07-01"],
                ["B", "1", "1", "2024-02-01", "2024-08-01"],
            ),
            "Reviews": table(
                _REVIEW_COLUMNS,
                ["A", "1", "1", "2024-06-15"],
                ["B", "1", "1", "2024-07-01"],
                ["B", "1", "1", "2024-08-01"],
            ),
        },
        flagged={"Reviews": [0, 2], "CINplanDates": [0, 1, 2]},
        # Each review names every CIN plan open on its date, and each plan those reviews.
        related=(
            ("CINplanDates", 0, "Reviews", 0),
            ("CINplanDates", 1, "Reviews", 0),
            ("CINplanDates", 2, "Reviews", 2),
            ("Reviews", 0, "CINplanDates", 0),
            ("Reviews", 0, "CINplanDates", 1),
            ("Reviews", 2, "CINplanDates", 2),
        ),
        period="2024-25",
    ),
    Case(
        "a review of a plan missing from the plans table has no end date to excuse it",
        tables={
            "CINplanDates": table(_CIN_COLUMNS, ["A", "1", "2024-05-01", ""]),
            "ChildProtectionPlans": table(
                _CPP_COLUMNS, ["A", "1", "1", "2024-02-01", "2024-06-01"]
            ),
            "Reviews": table(
                _REVIEW_COLUMNS,
                ["A", "1", "1", "2024-06-01"],
                ["A", "1", "2", "2024-06-01"],
            ),
        },
        flagged={"Reviews": [1], "CINplanDates": [0]},
        period="2024-25",
    ),
    Case(
        "a review with a blank plan id is not excused by the end of a plan with a blank id",
        tables={
            "CINplanDates": table(_CIN_COLUMNS, ["A", "1", "2024-05-01", ""]),
            "ChildProtectionPlans": table(_CPP_COLUMNS, ["A", "1", "", "2024-02-01", "2024-06-01"]),
            "Reviews": table(_REVIEW_COLUMNS, ["A", "1", "", "2024-06-01"]),
        },
        flagged={"Reviews": [0], "CINplanDates": [0]},
        period="2024-25",
    ),
    Case(
        "a review and a CIN plan whose episode ids are blank are not taken as one episode",
        tables={
            "CINplanDates": table(_CIN_COLUMNS, ["A", "", "2024-05-01", ""]),
            "ChildProtectionPlans": table(_CPP_COLUMNS, ["A", "1", "1", "2024-02-01", ""]),
            "Reviews": table(_REVIEW_COLUMNS, ["A", "", "1", "2024-06-01"]),
        },
        flagged={},
        period="2024-25",
    ),
]
