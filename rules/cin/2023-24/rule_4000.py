"""Rule 4000: CIN plan recorded on a referral with no further action."""

import polars as pl

from csc_validate.collections.cin.rulekit import EPISODE, rows_paired, yes
from csc_validate.rulekit import Case, RuleContext, rule, table

# NOTE: both sides of the contradiction are flagged, as the peer does: the CIN plan rows and the
# episode's CINdetails row, which holds ReferralNFA, the one field DfE's check names.


@rule(
    code="4000",
    message="CIN Plan details provided for a referral with no further action",
    tables=["CINplanDates", "CINdetails"],
    fields=["ReferralNFA"],
    tags=["plans", "codes"],
)
def cin_plan_on_referral_with_no_further_action(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """CIN plans on a CIN episode marked "no further action" (ReferralNFA), and that episode.

    A referral with no further action leads to no CIN plan. Either the referral did go further
    (set ReferralNFA to false) or the CIN plan belongs to another episode of the child.
    """
    # A blank ReferralNFA is not a yes (8568 reports it).
    no_further_action = ctx.table("CINdetails").filter(yes("ReferralNFA", ctx))
    plans = ctx.table("CINplanDates")
    pairs = plans.select(*EPISODE, pl.col("_row").alias("_plan_row")).join(
        no_further_action.select(*EPISODE, pl.col("_row").alias("_episode_row")), on=EPISODE
    )
    # Each plan names its episode, and the episode each of its plans.
    return {
        "CINplanDates": rows_paired(plans, pairs, ("_plan_row", "_episode_row"), "CINdetails"),
        "CINdetails": rows_paired(
            no_further_action, pairs, ("_episode_row", "_plan_row"), "CINplanDates"
        ),
    }


CASES = [
    Case(
        "plans on a no-further-action episode are flagged with the episode",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "ReferralNFA"],
                ["A", "1", "true"],
                ["A", "2", "1"],
                ["A", "3", "TRUE"],
                ["B", "1", "false"],
                ["B", "2", "0"],
                ["C", "1", ""],
                ["D", "1", "true"],
            ),
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate"],
                ["A", "1", "2024-05-01"],
                ["A", "1", "2024-09-01"],
                ["A", "2", "2024-05-01"],
                ["A", "3", ""],
                ["B", "1", "2024-05-01"],
                ["B", "2", "2024-05-01"],
                ["C", "1", "2024-05-01"],
                ["E", "1", "2024-05-01"],
            ),
        },
        flagged={"CINplanDates": [0, 1, 2], "CINdetails": [0, 1]},
        # Each plan names its episode, and the episode each of its plans.
        related=(
            ("CINdetails", 0, "CINplanDates", 0),
            ("CINdetails", 0, "CINplanDates", 1),
            ("CINdetails", 1, "CINplanDates", 2),
            ("CINplanDates", 0, "CINdetails", 0),
            ("CINplanDates", 1, "CINdetails", 0),
            ("CINplanDates", 2, "CINdetails", 1),
        ),
    ),
    Case(
        "a plan on another episode of the child is not flagged",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "ReferralNFA"],
                ["A", "1", "true"],
                ["A", "2", "false"],
            ),
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate"],
                ["A", "2", "2024-05-01"],
            ),
        },
        flagged={},
    ),
]
