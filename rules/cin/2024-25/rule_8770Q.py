"""Rule 8770Q: a school-age child with further action has no UPN and no valid reason."""

import datetime as dt

import polars as pl

from csc_validate.collections.cin.rulekit.case_tables import (
    SCHOOL_AGE_UPN_CASES,
    UPN_CASE_CHILDREN,
    UPN_CASE_EPISODES,
)
from csc_validate.collections.cin.rulekit.identifiers import school_age_without_upn_or_reason
from csc_validate.rulekit import Case, RuleContext, rule, table

SCHOOL_AGE_YEARS = 6


@rule(
    code="8770Q",
    message=(
        "Please check and either amend data or provide a reason: UPN is missing or reason UPN "
        "is missing or is UN1 for a child who is of school age."
    ),
    severity="query",
    tables=["ChildIdentifiers"],
    fields=["UPN", "UPNunknown"],
    tags=["identifiers", "upn"],
)
def school_age_child_without_upn(ctx: RuleContext) -> pl.LazyFrame:
    """A child of school age with no UPN and no reason for it other than UN1.

    The child is flagged when born on or before 31 August six years before the census year ends (31
    August 2019 for 2024-25), has a referral that led to further action, and has neither a UPN nor a
    reason it is unknown, or only UN1 (not of school age). Ask the child's school for the UPN, or
    give the reason it is unknown (UN2 to UN7).
    """
    # DfE: born on or before the reference date plus 4 months and 31 days (31 August) minus 6
    # years. A blank or unreadable date of birth is null, so the child is not flagged.
    born_by = dt.date(ctx.end.year - SCHOOL_AGE_YEARS, 8, 31)
    return school_age_without_upn_or_reason(ctx, born_by)


CASES = [
    Case(
        "in 2024-25 a child born on 31 August 2019 is of school age, one born on 1 September not",
        tables={
            "ChildIdentifiers": table(
                UPN_CASE_CHILDREN,
                ["A", "2019-08-31", "", ""],
                ["B", "2019-09-01", "", ""],
                ["C", "2019-08-30", "H801200001001", ""],
                ["D", "2019-03-31", "", ""],
                ["E", "", "", ""],
                ["F", "2019-02-30", "", ""],
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
        period="2024-25",
    ),
    # Reasons for a missing UPN, and which referrals count, are the same every year.
    *SCHOOL_AGE_UPN_CASES,
]
