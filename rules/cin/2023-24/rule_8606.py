"""Rule 8606: a CIN referral more than 40 weeks before the child's (expected) birth."""

import polars as pl

from csc_validate.collections.cin.rulekit import with_child
from csc_validate.rulekit import Case, RuleContext, days_between, rule, table

# DfE's coding: the referral cannot be more than 280 days (40 weeks) before the birth.
MOST_DAYS_BEFORE_BIRTH = 280


@rule(
    code="8606",
    message="Child referral date is more than 40 weeks before DOB or expected DOB",
    tables=["CINdetails"],
    fields=["CINreferralDate"],
    tags=["dates", "episodes"],
)
def referral_long_before_birth(ctx: RuleContext) -> pl.LazyFrame:
    """A CIN referral more than 280 days (40 weeks) before the child's (expected) birth date.

    Either the date of birth or the expected date of birth can trigger it; exactly 280 days
    before is accepted. Check the referral date, and the child's dates of birth in
    ChildIdentifiers.
    """
    birth, expected = "PersonBirthDate", "ExpectedPersonBirthDate"
    episodes = with_child(ctx.table("CINdetails"), ctx, [birth, expected], name_it=True)
    referral = pl.col("CINreferralDate")
    # NOTE: the peer flags the ChildIdentifiers row too; DfE's message is about the referral.
    # Either date may trigger it; a blank or unreadable date gives null and is not compared.
    too_early = (days_between(referral, pl.col(birth)) > MOST_DAYS_BEFORE_BIRTH) | (
        days_between(referral, pl.col(expected)) > MOST_DAYS_BEFORE_BIRTH
    )
    return episodes.filter(too_early)


CASES = [
    Case(
        "281 days before the date of birth is flagged; 280 days or fewer is not",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "ExpectedPersonBirthDate"],
                ["A", "2024-12-31", ""],
                ["B", "2024-02-30", ""],
                ["C", "", ""],
            ),
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["A", "1", "2024-03-25"],
                ["A", "2", "2024-03-26"],
                ["A", "3", "2024-03-27"],
                ["A", "4", "2025-01-05"],
                ["B", "1", "2020-01-01"],
                ["C", "1", "2020-01-01"],
                ["A", "5", ""],
                ["A", "6", "2024-02-30"],
            ),
        },
        flagged={"CINdetails": [0]},
        # The child's identifiers row, whose date was compared, is named beside it.
        related=(("CINdetails", 0, "ChildIdentifiers", 0),),
    ),
    Case(
        "an unborn child's expected date of birth is tested the same way",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "ExpectedPersonBirthDate"],
                ["U", "", "2025-01-10"],
                ["V", "", "10/01/2025"],
            ),
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["U", "1", "2024-04-04"],
                ["U", "2", "2024-04-05"],
                ["V", "1", "04/04/2024"],
                ["V", "2", "2024-06-01"],
            ),
        },
        flagged={"CINdetails": [0, 2]},
    ),
    Case(
        "either date more than 280 days after the referral flags it",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "ExpectedPersonBirthDate"],
                ["A", "2024-06-01", "2025-01-10"],
                ["B", "2025-01-10", "2024-06-01"],
                ["C", "2024-06-01", "2024-06-15"],
            ),
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["A", "1", "2024-04-04"],
                ["B", "1", "2024-04-04"],
                ["C", "1", "2024-04-04"],
            ),
        },
        flagged={"CINdetails": [0, 1]},
    ),
]
