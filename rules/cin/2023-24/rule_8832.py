"""Rule 8832: child protection plan on a referral with no further action."""

import polars as pl

from csc_validate.collections.cin.rulekit import with_episode, yes
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8832",
    message="Child Protection details provided for a referral with no further action.",
    tables=["ChildProtectionPlans"],
    fields=["CINdetailsID"],
    tags=["plans", "referrals"],
)
def protection_plan_on_no_further_action_referral(ctx: RuleContext) -> pl.LazyFrame:
    """Child protection plans recorded in a CIN episode whose referral led to no further action
    (ReferralNFA true or 1).

    Either the referral did lead to further action (set ReferralNFA to false or 0), or the plan
    belongs to another CIN episode of the child.
    """
    plans = with_episode(ctx.table("ChildProtectionPlans"), ctx, ["ReferralNFA"], name_it=True)
    # A blank ReferralNFA is not a yes (rule 8568 reports it).
    return plans.filter(yes("ReferralNFA", ctx))


CASES = [
    Case(
        "plans under a no-further-action episode are flagged, for true or 1",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "ReferralNFA"],
                ["A", "1", "true"],
                ["A", "2", "false"],
                ["B", "1", "1"],
                ["B", "2", "0"],
                ["C", "1", "True"],
                ["C", "2", ""],
                ["D", "1", "1"],
            ),
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate"],
                ["A", "1", "1", "2024-05-01"],
                ["A", "1", "2", "2024-08-01"],
                ["A", "2", "1", "2024-05-01"],
                ["B", "1", "1", "2024-05-01"],
                ["B", "2", "1", "2024-05-01"],
                ["C", "1", "1", "2024-05-01"],
                ["C", "2", "1", "2024-05-01"],
                ["E", "1", "1", "2024-05-01"],
            ),
        },
        flagged={"ChildProtectionPlans": [0, 1, 3]},
        # Each plan names its no-further-action episode.
        related=(
            ("ChildProtectionPlans", 0, "CINdetails", 0),
            ("ChildProtectionPlans", 1, "CINdetails", 0),
            ("ChildProtectionPlans", 3, "CINdetails", 2),
        ),
    ),
    Case(
        "a no-further-action episode without plans flags nothing",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "ReferralNFA"],
                ["A", "1", "1"],
                ["A", "2", "0"],
            ),
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate"],
                ["A", "2", "1", "2024-05-01"],
            ),
        },
    ),
]
