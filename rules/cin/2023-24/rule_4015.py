"""Rule 4015: CIN plan starts before the referral of its CIN episode."""

import polars as pl

from csc_validate.collections.cin.rulekit import with_episode
from csc_validate.rulekit import Case, RuleContext, rule, table

# NOTE: only the CIN plan row is flagged, as the message is about its start date; the peer also
# flags the episode's CINdetails row.


@rule(
    code="4015",
    message="The CIN Plan start date cannot be before the referral date",
    tables=["CINplanDates"],
    fields=["CINPlanStartDate"],
    tags=["dates", "plans"],
)
def cin_plan_starts_before_referral(ctx: RuleContext) -> pl.LazyFrame:
    """CIN plans that start before the referral date of the CIN episode they belong to.

    A CIN plan follows the referral. Check the plan's start date and the episode's referral
    date; if the plan belongs to another episode of the child, record it there.
    """
    # A blank or unreadable date on either side gives null, which the filter drops; a plan
    # starting on the day of the referral is allowed.
    plans = with_episode(ctx.table("CINplanDates"), ctx, ["CINreferralDate"], name_it=True)
    return plans.filter(pl.col("CINPlanStartDate") < pl.col("CINreferralDate"))


CASES = [
    Case(
        "a plan starting the day before the referral is flagged; on and after it is not",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["A", "1", "2024-06-10"],
                ["B", "1", ""],
                ["C", "1", "2024-02-30"],
            ),
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate"],
                ["A", "1", "2024-06-09"],
                ["A", "1", "2024-06-10"],
                ["A", "1", "2024-06-11"],
                ["A", "1", ""],
                ["A", "1", "2024-06-31"],
                ["B", "1", "2024-06-09"],
                ["C", "1", "2024-01-01"],
                ["D", "1", "2024-01-01"],
            ),
        },
        flagged={"CINplanDates": [0]},
        # The plan names the episode whose referral it was compared with.
        related=(("CINplanDates", 0, "CINdetails", 0),),
    ),
    Case(
        "each plan is compared with its own episode's referral, once for a child listed twice",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["A", "1", "2023-05-01"],
                ["A", "2", "2024-05-01"],
                ["B", "1", "2024-05-01"],
                ["B", "1", "2024-05-01"],
            ),
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate"],
                ["A", "1", "2024-01-01"],
                ["A", "2", "2024-01-01"],
                ["B", "1", "2024-04-30"],
            ),
        },
        flagged={"CINplanDates": [1, 2]},
    ),
    Case(
        "in the XML each child's CIN plan meets its own referral, whatever the LA child IDs",
        tables={
            "CINdetails": table(
                ["ChildKey", "LAchildID", "CINdetailsID", "CINreferralDate"],
                ["Child[1]", "", "1", "2024-06-10"],
                ["Child[2]", "", "1", "2024-05-01"],
                ["Child[3]", "A", "1", "2024-06-10"],
                ["Child[4]", "A", "1", "2024-05-01"],
            ),
            "CINplanDates": table(
                ["ChildKey", "LAchildID", "CINdetailsID", "CINPlanStartDate"],
                ["Child[1]", "", "1", "2024-06-09"],
                ["Child[2]", "", "1", "2024-05-20"],
                ["Child[3]", "A", "1", "2024-06-09"],
                ["Child[4]", "A", "1", "2024-05-20"],
            ),
        },
        metadata={"file_format": "xml"},
        flagged={"CINplanDates": [0, 2]},
    ),
    Case(
        "in a CSV extract a blank LA child ID ties a CIN plan to no referral",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["", "1", "2024-06-10"],
            ),
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate"],
                ["", "1", "2024-06-09"],
            ),
        },
    ),
]
