"""Rule 8935: a child has more than one open child protection plan."""

import polars as pl

from csc_validate.collections.cin.rulekit import CHILD_KEY, with_each_other
from csc_validate.collections.cin.rulekit.plans import open_plan
from csc_validate.rulekit import Case, RuleContext, rule, table

# NOTE: open plans are counted per child across all CIN episodes, as DfE's message says ("this
# child"). The peer counts per child and CPPID, and CPPID restarts at 1 in each episode, so it
# misses two open plans in one episode and pairs up unrelated first plans of two episodes.


@rule(
    code="8935",
    message=(
        "This child is showing more than one open Child Protection plan, i.e. with no End Date"
    ),
    tables=["ChildProtectionPlans"],
    fields=["CPPendDate"],
    tags=["dates", "plans"],
)
def several_open_protection_plans(ctx: RuleContext) -> pl.LazyFrame:
    """Every open child protection plan (no end date) of a child who has more than one open
    plan, in the same or different CIN episodes.

    A child is on one child protection plan at a time: give the end date of each plan that has
    ended.
    """
    # An unreadable end date is not a missing one (CSC001 reports it). Plans are the child's
    # by its Child element: children with blank or repeated LAchildIDs stay apart.
    plans = ctx.table("ChildProtectionPlans").filter(open_plan())
    # Each open plan names the child's other open ones.
    return with_each_other(plans, [CHILD_KEY])


CASES = [
    Case(
        "every open plan of a child with two or more is flagged",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate"],
                ["A", "1", "1", "2024-05-01", ""],
                ["A", "1", "2", "2024-08-01", ""],
                ["A", "1", "3", "2024-01-01", "2024-04-30"],
                ["B", "1", "1", "2024-05-01", ""],
                ["B", "2", "1", "2024-09-01", ""],
                ["B", "3", "1", "2024-10-01", ""],
                ["C", "1", "1", "2024-05-01", ""],
                ["C", "2", "1", "2024-01-01", "2024-03-01"],
            ),
        },
        flagged={"ChildProtectionPlans": [0, 1, 3, 4, 5]},
        # Each open plan names the child's other open plans.
        related=(
            ("ChildProtectionPlans", 0, "ChildProtectionPlans", 1),
            ("ChildProtectionPlans", 1, "ChildProtectionPlans", 0),
            ("ChildProtectionPlans", 3, "ChildProtectionPlans", 4),
            ("ChildProtectionPlans", 3, "ChildProtectionPlans", 5),
            ("ChildProtectionPlans", 4, "ChildProtectionPlans", 3),
            ("ChildProtectionPlans", 4, "ChildProtectionPlans", 5),
            ("ChildProtectionPlans", 5, "ChildProtectionPlans", 3),
            ("ChildProtectionPlans", 5, "ChildProtectionPlans", 4),
        ),
    ),
    Case(
        "an unreadable end date is not an open plan, and blank ids are not one child",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate"],
                ["A", "1", "1", "2024-05-01", ""],
                ["A", "1", "2", "2024-08-01", "2024-02-30"],
                ["", "1", "1", "2024-05-01", ""],
                ["", "1", "2", "2024-05-01", ""],
                ["D", "1", "1", "2024-05-01", ""],
                ["E", "1", "1", "2024-05-01", ""],
            ),
        },
        flagged={"ChildProtectionPlans": []},
    ),
    Case(
        "a child listed twice with an open plan under each listing is flagged",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate"],
                ["A", "1", "1", "2024-05-01", ""],
                ["A", "1", "1", "2024-08-01", ""],
                ["B", "1", "1", "2024-05-01", ""],
            ),
        },
        flagged={"ChildProtectionPlans": [0, 1]},
    ),
    Case(
        "in the XML a child's open plans are counted by Child element, whatever the IDs",
        tables={
            "ChildProtectionPlans": table(
                ["ChildKey", "LAchildID", "CINdetailsID", "CPPID", "CPPstartDate"],
                ["Child[1]", "", "1", "1", "2024-05-01"],
                ["Child[1]", "", "1", "2", "2024-06-01"],
                ["Child[2]", "", "1", "1", "2024-05-01"],
                ["Child[3]", "", "1", "1", "2024-05-01"],
                ["Child[4]", "A", "1", "1", "2024-05-01"],
                ["Child[5]", "A", "1", "1", "2024-05-01"],
            ),
        },
        metadata={"file_format": "xml"},
        flagged={"ChildProtectionPlans": [0, 1]},
    ),
    Case(
        "in a CSV extract open plans with a blank LA child ID are never one child's",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate"],
                ["", "1", "1", "2024-05-01"],
                ["", "1", "2", "2024-06-01"],
            ),
        },
    ),
]
