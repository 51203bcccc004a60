"""Rule 4001: a CIN plan and a child protection plan both still open in one CIN episode."""

import polars as pl

from csc_validate.collections.cin.rulekit import EPISODE, rows_paired
from csc_validate.collections.cin.rulekit.cin_plans import no_end_date
from csc_validate.rulekit import Case, RuleContext, rule, table

# NOTE: DfE's coding asks only that a CIN episode with a child protection plan that has no end
# date holds no CIN plan without an end date; plans that overlap earlier are 4016's and 4017's.
# Both open plans are flagged, as the peer does. An unreadable end date is not a missing one.


@rule(
    code="4001",
    message="A CIN Plan cannot run concurrently with a Child Protection Plan",
    tables=["CINplanDates", "ChildProtectionPlans"],
    fields=["CINPlanEndDate", "CPPendDate"],
    tags=["dates", "plans", "child-protection"],
)
def cin_plan_open_with_open_child_protection_plan(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """CIN plans and child protection plans that both have no end date in the same CIN episode.

    A child protection plan replaces the CIN plan: when the child protection plan started, the
    CIN plan should have ended (usually on the same day). Give the CIN plan its end date, or the
    child protection plan its end date if that ended and the CIN plan followed it.
    """
    open_cin_plans = ctx.table("CINplanDates").filter(no_end_date("CINPlanEndDate"))
    open_protection_plans = ctx.table("ChildProtectionPlans").filter(no_end_date("CPPendDate"))
    pairs = open_cin_plans.select(*EPISODE, pl.col("_row").alias("_cin_row")).join(
        open_protection_plans.select(*EPISODE, pl.col("_row").alias("_cpp_row")), on=EPISODE
    )
    # Each open plan names every open plan of the other kind in its episode.
    return {
        "CINplanDates": rows_paired(
            open_cin_plans, pairs, ("_cin_row", "_cpp_row"), "ChildProtectionPlans"
        ),
        "ChildProtectionPlans": rows_paired(
            open_protection_plans, pairs, ("_cpp_row", "_cin_row"), "CINplanDates"
        ),
    }


CASES = [
    Case(
        "only plans both left without an end date are flagged",
        tables={
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"],
                ["A", "1", "2024-05-01", ""],
                ["B", "1", "2024-05-01", "2024-08-01"],
                ["C", "1", "2024-08-01", ""],
                ["D", "1", "2024-05-01", "2024-08-32"],
                ["E", "1", "2024-08-01", ""],
                ["F", "1", "2024-05-01", ""],
            ),
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate"],
                ["A", "1", "1", "2024-08-01", ""],
                ["B", "1", "1", "2024-08-01", ""],
                ["C", "1", "1", "2024-05-01", "2024-08-01"],
                ["D", "1", "1", "2024-08-01", ""],
                ["E", "1", "1", "2024-05-01", "2024-02-30"],
            ),
        },
        flagged={"CINplanDates": [0], "ChildProtectionPlans": [0]},
    ),
    Case(
        "plans are matched within a CIN episode, and only the open ones are flagged",
        tables={
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"],
                ["A", "1", "2024-05-01", ""],
                ["B", "1", "2024-04-01", "2024-05-01"],
                ["B", "1", "2024-09-01", ""],
            ),
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate"],
                ["A", "2", "1", "2024-06-01", ""],
                ["B", "1", "1", "2024-05-01", "2024-07-01"],
                ["B", "1", "2", "2024-07-15", ""],
            ),
        },
        flagged={"CINplanDates": [2], "ChildProtectionPlans": [2]},
        # Each open plan names the open plan of the other kind in its episode; closed ones are not.
        related=(
            ("CINplanDates", 2, "ChildProtectionPlans", 2),
            ("ChildProtectionPlans", 2, "CINplanDates", 2),
        ),
    ),
]
