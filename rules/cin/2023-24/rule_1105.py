"""Rule 1105: child protection plan starts before the referral date of its CIN episode."""

import polars as pl

from csc_validate.collections.cin.rulekit import with_episode
from csc_validate.collections.cin.rulekit.case_tables import REFERRALS_BY_CHILD_ELEMENT
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="1105",
    message="The child protection plan start date cannot be before the referral date",
    tables=["ChildProtectionPlans"],
    fields=["CPPstartDate"],
    tags=["dates", "plans"],
)
def protection_plan_starts_before_referral(ctx: RuleContext) -> pl.LazyFrame:
    """Child protection plans that start before the referral date of their own CIN episode.

    A plan may start on the referral date itself. Check the plan's start date, the episode's
    referral date, and that the plan is recorded under the right CIN episode.
    """
    plans = with_episode(ctx.table("ChildProtectionPlans"), ctx, ["CINreferralDate"], name_it=True)
    # A blank or unreadable date on either side compares as null and is not flagged here.
    return plans.filter(pl.col("CPPstartDate") < pl.col("CINreferralDate"))


CASES = [
    Case(
        "a plan starting the day before its episode's referral is flagged, on the day is not",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["A", "1", "2024-06-10"],
                ["A", "2", "2024-09-01"],
            ),
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate"],
                ["A", "1", "1", "2024-06-09"],
                ["A", "1", "2", "2024-06-10"],
                ["A", "1", "3", "2024-06-11"],
                ["A", "2", "1", "2024-06-11"],
                ["A", "2", "2", "2024-09-01"],
            ),
        },
        flagged={"ChildProtectionPlans": [0, 3]},
        # The plan names the episode whose referral it was compared with.
        related=(
            ("ChildProtectionPlans", 0, "CINdetails", 0),
            ("ChildProtectionPlans", 3, "CINdetails", 1),
        ),
    ),
    Case(
        "blank or unreadable dates and plans without an episode are not flagged",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["A", "1", "2024-06-10"],
                ["B", "1", ""],
                ["C", "1", "2024-02-30"],
            ),
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate"],
                ["A", "1", "1", ""],
                ["A", "1", "2", "2024-13-01"],
                ["B", "1", "1", "2024-01-01"],
                ["C", "1", "1", "2024-01-01"],
                ["D", "1", "1", "2024-01-01"],
                ["A", "1", "3", "2023-12-31"],
            ),
        },
        flagged={"ChildProtectionPlans": [5]},
    ),
    Case(
        "in the XML each child's plan meets its own referral, whatever the LA child IDs",
        tables={
            "CINdetails": REFERRALS_BY_CHILD_ELEMENT,
            "ChildProtectionPlans": table(
                ["ChildKey", "LAchildID", "CINdetailsID", "CPPID", "CPPstartDate"],
                ["Child[1]", "", "1", "1", "2024-06-09"],
                ["Child[2]", "", "1", "1", "2024-05-20"],
                ["Child[3]", "A", "1", "1", "2024-06-09"],
                ["Child[4]", "A", "1", "1", "2024-05-20"],
            ),
        },
        metadata={"file_format": "xml"},
        flagged={"ChildProtectionPlans": [0, 2]},
    ),
    Case(
        "in a CSV extract a blank LA child ID ties a plan to no referral",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["", "1", "2024-06-10"],
            ),
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate"],
                ["", "1", "1", "2024-06-09"],
            ),
        },
    ),
]
