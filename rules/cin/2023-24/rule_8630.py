"""Rule 8630: CIN closure date before the referral date of the same episode."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8630",
    message="CIN Closure Date is before CIN Referral Date for the same CIN episode",
    tables=["CINdetails"],
    fields=["CINreferralDate", "CINclosureDate"],
    tags=["dates", "episodes"],
)
def closure_before_referral(ctx: RuleContext) -> pl.LazyFrame:
    """A CIN episode closed before the date of the referral that opened it.

    An episode may close on the day of its referral, but not earlier; check both dates.
    """
    # A blank or unreadable date on either side gives null, which the filter drops.
    return ctx.table("CINdetails").filter(pl.col("CINclosureDate") < pl.col("CINreferralDate"))


CASES = [
    Case(
        "a closure the day before the referral is flagged; on the day or after is not",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate", "CINclosureDate"],
                ["A", "1", "2024-06-10", "2024-06-09"],
                ["A", "2", "2024-06-10", "2024-06-10"],
                ["B", "1", "2024-06-10", "2024-06-11"],
                ["C", "1", "2024-06-10", ""],
                ["D", "1", "", "2024-06-09"],
                ["E", "1", "2024-06-10", "2024-02-30"],
                ["F", "1", "2024-02-30", "2024-01-01"],
                ["G", "1", "10/06/2024", "01/05/2024"],
            )
        },
        flagged={"CINdetails": [0, 7]},
    ),
    Case(
        "only the episode whose own dates are out of order is flagged",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate", "CINclosureDate"],
                ["A", "1", "2024-04-05", "2024-05-01"],
                ["A", "2", "2024-07-01", "2024-06-30"],
                ["A", "3", "2024-08-01", ""],
            )
        },
        flagged={"CINdetails": [1]},
    ),
]
