"""Rule 8555Q: a CIN referral dated after the child's death."""

import polars as pl

from csc_validate.collections.cin.rulekit import with_child
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8555Q",
    message="Child cannot be referred after its recorded date of death",
    severity="query",
    tables=["CINdetails"],
    fields=["CINreferralDate"],
    tags=["dates", "episodes"],
)
def referral_after_death(ctx: RuleContext) -> pl.LazyFrame:
    """A CIN episode whose referral date is after the child's recorded date of death.

    A referral on the day of death is accepted. Check the referral date, and the child's date of
    death in ChildIdentifiers.
    """
    # NOTE: the peer flags the ChildIdentifiers row too; DfE's message is about the referral,
    # so only the episode is flagged (the death date is one per child, the referrals several).
    episodes = with_child(ctx.table("CINdetails"), ctx, ["PersonDeathDate"], name_it=True)
    # A blank or unreadable date on either side gives null, which the filter drops.
    return episodes.filter(pl.col("CINreferralDate") > pl.col("PersonDeathDate"))


CASES = [
    Case(
        "a referral the day after death is flagged; on the day or before is not",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "PersonDeathDate"],
                ["A", "2015-01-01", "2024-06-10"],
                ["B", "2015-01-01", ""],
                ["C", "2015-01-01", "2024-02-30"],
            ),
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["A", "1", "2024-06-09"],
                ["A", "2", "2024-06-10"],
                ["A", "3", "2024-06-11"],
                ["B", "1", "2024-06-11"],
                ["C", "1", "2024-06-11"],
                ["A", "4", ""],
                ["D", "1", "2024-06-11"],
            ),
        },
        flagged={"CINdetails": [2]},
        # The child's identifiers row, whose date was compared, is named beside it.
        related=(("CINdetails", 2, "ChildIdentifiers", 0),),
    ),
    Case(
        "a child listed twice is matched once, with its first listing",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "PersonDeathDate"],
                ["A", "2015-01-01", "01/09/2024"],
                ["A", "2016-01-01", "2024-05-01"],
            ),
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["A", "1", "2024-06-01"],
                ["A", "2", "2024-09-02"],
            ),
        },
        flagged={"CINdetails": [1]},
    ),
    Case(
        "an episode and a child whose ids are blank are not matched",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "PersonDeathDate"],
                ["", "2015-01-01", "2024-06-10"],
            ),
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["", "1", "2024-06-11"],
            ),
        },
        flagged={},
    ),
]
