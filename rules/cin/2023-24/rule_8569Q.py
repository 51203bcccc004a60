"""Rule 8569Q: a referral from before the census year is marked as no further action."""

import polars as pl

from csc_validate.collections.cin.rulekit import yes
from csc_validate.rulekit import Case, RuleContext, rule, table, working_days_before


@rule(
    code="8569Q",
    message=(
        "A case with referral date before one working day prior to the collection start date "
        "must not be flagged as a no further action case"
    ),
    severity="query",
    tables=["CINdetails"],
    fields=["ReferralNFA"],
    tags=["dates", "episodes", "working-days"],
)
def early_referral_marked_no_further_action(ctx: RuleContext) -> pl.LazyFrame:
    """A CIN episode marked NFA whose referral date is before the last working day before 1 April.

    The episode has ReferralNFA true (or 1) but a referral date earlier than the working day
    before the census year starts (for 1 April 2024, Easter Monday, that is Thursday 28 March).
    A referral carried over from an earlier year has had further action; check ReferralNFA and
    the referral date.
    """
    # NOTE: the peer's working-day helper shifts by n - 1 days, so it tests "before 1 April",
    # and when 1 April is a bank holiday the zero-day shift rolls on to 2 April: in 2024-25 it
    # flags NFA referrals made on Easter Monday 1 April 2024 itself (the CIN differential's
    # only-peer rows). DfE says one working day prior, e.g. Thursday 28 March 2024 for Easter
    # Monday 1 April 2024; DfE's wording decides.
    cutoff = working_days_before(ctx.start, 1)
    # NOTE: DfE's coding says ReferralNFA "must be false"; a blank or invalid flag is left to
    # rule 8568, since it does not mark the case as no further action.
    return ctx.table("CINdetails").filter(
        (pl.col("CINreferralDate") < pl.lit(cutoff, dtype=pl.Date)) & yes("ReferralNFA", ctx)
    )


CASES = [
    Case(
        "2024: Easter Monday 1 April puts the limit at Thursday 28 March",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate", "ReferralNFA"],
                ["A", "1", "2024-03-27", "true"],
                ["B", "1", "2024-03-28", "true"],
                ["C", "1", "2024-03-29", "1"],
                ["D", "1", "2024-04-01", "TRUE"],
                ["E", "1", "2024-03-27", "false"],
                ["F", "1", "2024-03-27", ""],
                ["G", "1", "2023-11-01", "1"],
                ["H", "1", "2024-04-01", "true"],
            )
        },
        flagged={"CINdetails": [0, 6]},
        period="2024-25",
    ),
    Case(
        "2023: Saturday 1 April puts the limit at Friday 31 March",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate", "ReferralNFA"],
                ["A", "1", "2023-03-30", "true"],
                ["A", "2", "2023-03-31", "true"],
                ["A", "3", "2023-04-03", "true"],
                ["B", "1", "30/03/2023", "1"],
                ["C", "1", "", "true"],
                ["D", "1", "2023-02-30", "true"],
            )
        },
        flagged={"CINdetails": [0, 3]},
        period="2023-24",
    ),
    Case(
        "2025: Tuesday 1 April puts the limit at Monday 31 March",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate", "ReferralNFA"],
                ["A", "1", "2025-03-30", "true"],
                ["A", "2", "2025-03-31", "1"],
                ["B", "1", "2025-03-28", "0"],
            )
        },
        flagged={"CINdetails": [0]},
        period="2025-26",
    ),
]
