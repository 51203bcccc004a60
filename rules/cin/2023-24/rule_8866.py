"""Rule 8866: referral source missing or not in the code list."""

import datetime as dt

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table

# DfE's coding asks for a source only on referrals from 1 April 2013, when the item began.
SOURCE_REQUIRED_FROM = dt.date(2013, 4, 1)


@rule(
    code="8866",
    message="Source of Referral is missing or an invalid code",
    tables=["CINdetails"],
    fields=["CINreferralDate", "ReferralSource"],
    tags=["codes", "episodes"],
)
def referral_source_missing_or_invalid(ctx: RuleContext) -> pl.LazyFrame:
    """A CIN referral from 1 April 2013 on whose source is blank or not in the code list.

    Record who made the referral, using a code from the Source of Referral table.
    """
    source = pl.col("ReferralSource")
    bad_source = source.is_null() | ~source.is_in(ctx.codes("ReferralSource"))
    # A blank or unreadable referral date gives null and is not flagged: rule 8600 and
    # CSC001 report the date, and without it the 2013 condition cannot be tested.
    return ctx.table("CINdetails").filter(
        (pl.col("CINreferralDate") >= pl.lit(SOURCE_REQUIRED_FROM, dtype=pl.Date)) & bad_source
    )


CASES = [
    Case(
        "a blank, unknown or lower-case source is flagged; a valid code is not",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate", "ReferralSource"],
                ["A", "1", "2024-05-01", "1A"],
                ["A", "2", "2024-06-01", ""],
                ["B", "1", "2024-05-01", "5d"],
                ["C", "1", "2024-05-01", "11"],
                ["D", "1", "2024-05-01", "10"],
                ["E", "1", "2024-05-01", "3G"],
                ["F", "1", "2024-05-01", "4"],
            )
        },
        flagged={"CINdetails": [1, 2, 3, 5]},
    ),
    Case(
        "referrals before 1 April 2013 and blank or unreadable referral dates are not checked",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate", "ReferralSource"],
                ["A", "1", "2013-03-31", ""],
                ["A", "2", "2013-04-01", ""],
                ["B", "1", "2013-03-31", "ZZ"],
                ["B", "2", "2013-04-01", "ZZ"],
                ["C", "1", "", ""],
                ["D", "1", "2024-02-30", ""],
                ["E", "1", "2013-04-02", "2B"],
            )
        },
        flagged={"CINdetails": [1, 3]},
    ),
]
