"""Rule 8770Q: a child over 5 (until 2023-24) or of school age (from 2024-25) with further
action has no UPN and no valid reason."""

import datetime as dt

import polars as pl

from csc_validate.collections.cin.rulekit.case_tables import (
    SCHOOL_AGE_UPN_CASES,
    UPN_CASE_CHILDREN,
    UPN_CASE_EPISODES,
)
from csc_validate.collections.cin.rulekit.identifiers import school_age_without_upn_or_reason
from csc_validate.rulekit import Case, RuleContext, from_year, rule, table, years_before

AGE_YEARS = 6
FROM_2024 = from_year("cin", "2024-25")


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
# Equivalent mutant (ReplaceBinaryOperator_Mul_Div): `/` for the bare `*` still lets the pack give
# the parameter by name.
def child_over_five_without_upn(ctx: RuleContext, *, by_school_year: bool = False) -> pl.LazyFrame:
    """A child aged 6 or more with no UPN and no reason for it other than UN1.

    The child is flagged when they are 6 or older on 31 March, the end of the census year, have a
    referral that led to further action, and have neither a UPN nor a reason it is unknown, or only
    UN1 (not of school age). Ask the child's school for the UPN, or give the reason it is unknown
    (UN2 to UN7).
    """
    # DfE until 2023-24: born on or before the reference date minus 6 years. From 2024-25
    # (pack.toml: by_school_year): born on or before the reference date plus 4 months and 31 days
    # (31 August) minus 6 years. A blank or unreadable date of birth is null, so the child is not
    # flagged.
    if by_school_year:
        born_by = dt.date(ctx.end.year - AGE_YEARS, 8, 31)
    else:
        born_by = years_before(ctx.end, AGE_YEARS)
    return school_age_without_upn_or_reason(ctx, born_by)


CASES = [
    Case(
        "in 2023-24 a child born on 31 March 2018 is over 5, one born on 1 April 2018 not",
        years=("2023-24",),
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
    Case(
        "in 2024-25 a child born on 31 August 2019 is of school age, one born on 1 September not",
        years=FROM_2024,
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
    Case(
        "as at 29 February 2024 a child born on 28 February 2018 is 6, one born on 1 March not",
        years=("2023-24",),
        as_at="29/02/2024",
        tables={
            "ChildIdentifiers": table(
                UPN_CASE_CHILDREN,
                ["A", "2018-02-28", "", ""],
                ["B", "2018-03-01", "", ""],
            ),
            "CINdetails": table(UPN_CASE_EPISODES, ["A", "1", "false"], ["B", "1", "false"]),
        },
        flagged={"ChildIdentifiers": [0]},
    ),
    # Reasons for a missing UPN, and which referrals count, are the same every year.
    *SCHOOL_AGE_UPN_CASES,
]
