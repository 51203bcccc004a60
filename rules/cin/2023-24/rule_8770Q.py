"""Rule 8770Q (to 2023-24): a child over 5 with further action has no UPN and no valid reason."""

import polars as pl

from csc_validate.collections.cin.rulekit.case_tables import (
    SCHOOL_AGE_UPN_CASES,
    UPN_CASE_CHILDREN,
    UPN_CASE_EPISODES,
)
from csc_validate.collections.cin.rulekit.identifiers import school_age_without_upn_or_reason
from csc_validate.rulekit import Case, RuleContext, rule, table

AGE_YEARS = 6


@rule(
    code="8770Q",
    message=(
        "Please check and either amend data or provide a reason: UPN or reason UPN missing "
        "expected for a child who is more than 5 years old"
    ),
    severity="query",
    tables=["ChildIdentifiers"],
    fields=["UPN", "UPNunknown"],
    tags=["identifiers", "upn"],
)
def child_over_five_without_upn(ctx: RuleContext) -> pl.LazyFrame:
    """A child aged 6 or more with no UPN and no reason for it other than UN1.

    The child is flagged when they are 6 or older on 31 March, the end of the census year, have a
    referral that led to further action, and have neither a UPN nor a reason it is unknown, or only
    UN1 (not of school age). Ask the child's school for the UPN, or give the reason it is unknown
    (UN2 to UN7).
    """
    # DfE: born on or before the reference date minus 6 years. A blank or unreadable date of
    # birth is null, so the child is not flagged.
    born_by = ctx.end.replace(year=ctx.end.year - AGE_YEARS)
    return school_age_without_upn_or_reason(ctx, born_by)


CASES = [
    Case(
        "in 2023-24 a child born on 31 March 2018 is over 5, one born on 1 April 2018 not",
        tables={
            "ChildIdentifiers": table(
                UPN_CASE_CHILDREN,
                ["A", "2018-03-31", "", ""],
                ["B", "2018-04-01", "", ""],
                ["C", "2018-03-30", "H801200001001", ""],
                ["D", "2012-08-31", "", ""],
                ["E", "", "", ""],
                ["F", "2018-02-30", "", ""],
            ),
            "CINdetails": table(
                UPN_CASE_EPISODES,
                ["A", "1", "false"],
                ["B", "1", "false"],
                ["C", "1", "false"],
                ["D", "1", "0"],
                ["E", "1", "0"],
                ["F", "1", "0"],
            ),
        },
        flagged={"ChildIdentifiers": [0, 3]},
        period="2023-24",
    ),
    # Reasons for a missing UPN, and which referrals count, are the same every year.
    *SCHOOL_AGE_UPN_CASES,
]
