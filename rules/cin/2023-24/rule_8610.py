"""Rule 8610: a referral that led to further action has no primary need code."""

import polars as pl

from csc_validate.collections.cin.rulekit import no
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8610",
    message="Primary Need code is missing for a referral which led to further action.",
    tables=["CINdetails"],
    fields=["ReferralNFA", "PrimaryNeedCode"],
    tags=["codes", "episodes"],
)
def primary_need_missing_after_further_action(ctx: RuleContext) -> pl.LazyFrame:
    """A CIN episode that led to further action (ReferralNFA false or 0) with no primary need.

    Record the child's primary need (N0 to N9), or correct ReferralNFA if the referral in fact
    led to no further action.
    """
    # A blank ReferralNFA is rule 8568's finding; an invalid primary need code is rule 8650's.
    return ctx.table("CINdetails").filter(
        no("ReferralNFA", ctx) & pl.col("PrimaryNeedCode").is_null()
    )


CASES = [
    Case(
        "further action with no primary need is flagged; NFA or a blank flag is not",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "ReferralNFA", "PrimaryNeedCode"],
                ["A", "1", "false", ""],
                ["A", "2", "0", "N1"],
                ["B", "1", "0", ""],
                ["C", "1", "true", ""],
                ["D", "1", "1", ""],
                ["E", "1", "", ""],
                ["F", "1", "False", "N9"],
                ["G", "1", "FALSE", "X1"],
            )
        },
        flagged={"CINdetails": [0, 2]},
    ),
    Case(
        "among a child's episodes only the further-action one without a need code is flagged",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate", "ReferralNFA", "PrimaryNeedCode"],
                ["A", "1", "2024-04-10", "true", ""],
                ["A", "2", "2024-06-10", "false", " "],
                ["A", "3", "2024-09-10", "false", "N2"],
            )
        },
        flagged={"CINdetails": [1]},
    ),
]
