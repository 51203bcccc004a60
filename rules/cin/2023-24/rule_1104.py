"""Rule 1104: initial child protection conference dated before the referral."""

import polars as pl

from csc_validate.collections.cin.rulekit import with_episode
from csc_validate.collections.cin.rulekit.case_tables import REFERRALS_BY_CHILD_ELEMENT
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="1104",
    message=(
        "The date of the initial child protection conference cannot be before the referral date"
    ),
    tables=["Section47"],
    fields=["DateOfInitialCPC"],
    tags=["dates", "section47", "conferences"],
)
def conference_before_referral(ctx: RuleContext) -> pl.LazyFrame:
    """A Section 47 enquiry's initial child protection conference is dated before the referral
    date of its CIN episode.

    Check the conference date (DateOfInitialCPC) on the Section 47 record against the episode's
    referral date (CINreferralDate) and correct whichever is wrong. A conference on the day of
    the referral is accepted.
    """
    # NOTE: DfE places 1104 in the Section 47 module, so an episode-level DateOfInitialCPC (an
    # ICPC with no Section 47 record) is not tested here; the peer reads it the same way.
    # The flagged row is the conference's; blank or unreadable dates leave nothing to compare.
    enquiries = with_episode(ctx.table("Section47"), ctx, ["CINreferralDate"], name_it=True)
    return enquiries.filter(pl.col("DateOfInitialCPC") < pl.col("CINreferralDate"))


CASES = [
    Case(
        "a conference the day before the referral is flagged; on the day and after it is not",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["A", "1", "2024-06-10"],
                ["B", "1", "2024-06-10"],
            ),
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
                ["A", "1", "2024-06-10", "2024-06-09"],
                ["A", "1", "2024-06-10", "2024-06-10"],
                ["B", "1", "2024-06-10", "2024-06-11"],
            ),
        },
        flagged={"Section47": [0]},
        # The conference names the episode whose referral it was compared with.
        related=(("Section47", 0, "CINdetails", 0),),
    ),
    Case(
        "each enquiry is compared with the referral of its own episode",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["A", "1", "2023-01-05"],
                ["A", "2", "2024-09-01"],
            ),
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
                ["A", "1", "2024-05-01", "2024-05-20"],
                ["A", "2", "2024-05-01", "2024-05-20"],
                ["A", "2", "2024-09-01", "2024-09-20"],
            ),
        },
        flagged={"Section47": [1]},
    ),
    Case(
        "blank or unreadable dates, and an episode-level conference, are not compared",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate", "DateOfInitialCPC"],
                ["A", "1", "2024-06-10", "2024-06-01"],
                ["B", "1", "", ""],
                ["C", "1", "2024-02-30", ""],
            ),
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
                ["A", "1", "2024-06-10", ""],
                ["A", "1", "2024-06-10", "2024-06-31"],
                ["B", "1", "2024-06-10", "2024-06-01"],
                ["C", "1", "2024-02-20", "2024-02-28"],
            ),
        },
    ),
    Case(
        "in the XML each child's conference meets its own referral, whatever the LA child IDs",
        tables={
            "CINdetails": REFERRALS_BY_CHILD_ELEMENT,
            "Section47": table(
                ["ChildKey", "LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
                ["Child[1]", "", "1", "2024-05-01", "2024-06-09"],
                ["Child[2]", "", "1", "2024-05-01", "2024-05-20"],
                ["Child[3]", "A", "1", "2024-05-01", "2024-06-09"],
                ["Child[4]", "A", "1", "2024-05-01", "2024-05-20"],
            ),
        },
        metadata={"file_format": "xml"},
        flagged={"Section47": [0, 2]},
    ),
    Case(
        "in a CSV extract a blank LA child ID ties a conference to no referral",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["", "1", "2024-06-10"],
            ),
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
                ["", "1", "2024-05-01", "2024-06-09"],
            ),
        },
    ),
]
