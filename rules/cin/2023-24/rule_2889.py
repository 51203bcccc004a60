"""Rule 2889: Section 47 enquiry starting before the referral."""

import polars as pl

from csc_validate.collections.cin.rulekit import with_episode
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="2889",
    message="The S47 start date cannot be before the referral date.",
    tables=["Section47"],
    fields=["S47ActualStartDate"],
    tags=["dates", "section47"],
)
def enquiry_starts_before_referral(ctx: RuleContext) -> pl.LazyFrame:
    """A Section 47 enquiry starts before the referral date of its CIN episode.

    Check the enquiry's start date (S47ActualStartDate) against the episode's referral date
    (CINreferralDate) and correct whichever is wrong. An enquiry starting on the day of the
    referral is accepted.
    """
    # The enquiry's row is flagged, not the episode's: the message is about the S47 date.
    enquiries = with_episode(ctx.table("Section47"), ctx, ["CINreferralDate"], name_it=True)
    return enquiries.filter(pl.col("S47ActualStartDate") < pl.col("CINreferralDate"))


CASES = [
    Case(
        "an enquiry starting the day before the referral is flagged; on and after it is not",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["A", "1", "2024-06-10"],
                ["A", "2", "2024-11-01"],
            ),
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate"],
                ["A", "1", "2024-06-09"],
                ["A", "1", "2024-06-10"],
                ["A", "1", "2024-06-11"],
                ["A", "2", "2024-06-11"],
                ["A", "2", "2024-11-01"],
            ),
        },
        flagged={"Section47": [0, 3]},
        # The enquiry names the episode whose referral it was compared with.
        related=(
            ("Section47", 0, "CINdetails", 0),
            ("Section47", 3, "CINdetails", 1),
        ),
    ),
    Case(
        "blank or unreadable dates, or no episode, leave nothing to compare",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["A", "1", ""],
                ["B", "1", "2024-02-30"],
                ["C", "1", "2024-06-10"],
            ),
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate"],
                ["A", "1", "2024-01-01"],
                ["B", "1", "2024-01-01"],
                ["C", "1", ""],
                ["C", "1", "2024-06-00"],
                ["D", "1", "2024-01-01"],
            ),
        },
    ),
]
