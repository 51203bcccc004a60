"""Rule 8568: ReferralNFA is blank or not a yes/no value."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8568",
    message="RNFA flag is missing or invalid",
    tables=["CINdetails"],
    fields=["ReferralNFA"],
    tags=["codes", "episodes"],
)
def referral_nfa_missing_or_invalid(ctx: RuleContext) -> pl.LazyFrame:
    """A CIN episode whose ReferralNFA is blank or not one of true, false, 1 and 0.

    ReferralNFA says whether the referral led to no further action: record true (or 1) if it
    did, otherwise false (or 0).
    """
    nfa = pl.col("ReferralNFA")
    return ctx.table("CINdetails").filter(nfa.is_null() | ~nfa.is_in(ctx.codes("BOOLEAN")))


CASES = [
    Case(
        "true, false, 1 and 0 are accepted; TRUE, blank and other values are flagged",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "ReferralNFA"],
                ["A", "1", "true"],
                ["A", "2", "FALSE"],
                ["B", "1", "1"],
                ["B", "2", "0"],
                ["C", "1", ""],
                ["C", "2", "yes"],
                ["D", "1", "2"],
                ["D", "2", "False"],
            )
        },
        flagged={"CINdetails": [1, 4, 5, 6, 7]},
    ),
    Case(
        "a blank flag among several episodes of one child flags that episode only",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate", "ReferralNFA"],
                ["A", "1", "2024-05-01", "0"],
                ["A", "2", "2024-06-01", " "],
                ["A", "3", "2024-07-01", "N"],
            )
        },
        flagged={"CINdetails": [1, 2]},
    ),
]
