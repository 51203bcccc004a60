"""Rule 8816: an open CIN episode that led to further action is not the child's latest."""

import polars as pl

from csc_validate.collections.cin.rulekit import CHILD_KEY
from csc_validate.collections.cin.rulekit.episodes import open_with_further_action
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, rule, table


@rule(
    code="8816",
    message=(
        "An open CIN episode is shown and case is not a referral with no further action, but it "
        "is not the latest episode."
    ),
    tables=["CINdetails"],
    fields=["CINreferralDate", "ReferralNFA"],
    tags=["dates", "episodes"],
)
def open_episode_not_latest(ctx: RuleContext) -> pl.LazyFrame:
    """An open further-action CIN episode referred before another of the child's episodes.

    An open episode has no closure date; further action means ReferralNFA false or 0. Only the
    child's latest episode (by referral date) can stay open after further action: close the
    earlier episode, or check its referral date.
    """
    details = ctx.table("CINdetails")
    referral = pl.col("CINreferralDate")
    # Blank and unreadable referral dates are left out of the latest (rules 8600 and CSC001).
    latest = details.group_by(CHILD_KEY).agg(referral.max().alias("latest_referral"))
    # NOTE: the peer also flags the latest episode, and treats an open episode that ties with
    # another for the latest date as not the latest; DfE asks that the open episode's date be
    # the latest, which a tie satisfies, and the open episode is what needs correcting.
    # The open episode names the child's latest episodes, referred on the latest date.
    latest_rows = details.join(
        latest.rename({"latest_referral": "CINreferralDate"}),
        on=[CHILD_KEY, "CINreferralDate"],
        how="semi",
    )
    flagged = (
        details.filter(open_with_further_action(ctx))
        # Equivalent mutant (ReplaceKeywordValue): every episode's child is in `latest`, whose
        # key is never blank.
        .join(latest, on=CHILD_KEY, how="left")
        # Equivalent mutant (ReplaceComparisonOperator_Lt_NotEq): the latest date is the maximum
        # of the child's dates, this one among them, so a date never exceeds it.
        .filter(referral < pl.col("latest_referral"))
    )
    return flagged.join(
        latest_rows.select(CHILD_KEY, pl.col("_row").alias(RELATED_ROW)), on=CHILD_KEY
    )


CASES = [
    Case(
        "an open episode referred a day before another is flagged; on the same day or after not",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate", "CINclosureDate", "ReferralNFA"],
                ["A", "1", "2024-05-31", "", "false"],
                ["A", "2", "2024-06-01", "2024-07-01", "false"],
                ["B", "1", "2024-06-01", "2024-07-01", "false"],
                ["B", "2", "2024-06-01", "", "0"],
                ["C", "1", "2024-06-01", "2024-07-01", "false"],
                ["C", "2", "2024-06-02", "", "0"],
                ["D", "1", "2024-05-01", "", "true"],
                ["D", "2", "2024-06-01", "", "false"],
            )
        },
        flagged={"CINdetails": [0]},
        # The open episode names the child's latest episode.
        related=(("CINdetails", 0, "CINdetails", 1),),
    ),
    Case(
        "an open episode before a later NFA referral is flagged; blank dates are not compared",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate", "CINclosureDate", "ReferralNFA"],
                ["A", "1", "2024-05-01", "", "0"],
                ["A", "2", "2024-08-01", "", "1"],
                ["B", "1", "", "", "0"],
                ["B", "2", "2024-08-01", "2024-09-01", "0"],
                ["C", "1", "2024-05-01", "", "0"],
                ["C", "2", "", "2024-09-01", "0"],
                ["C", "3", "2024-02-30", "", "0"],
                ["E", "1", "2024-05-01", "2024-02-30", "0"],
                ["E", "2", "2024-08-01", "", ""],
            )
        },
        flagged={"CINdetails": [0]},
    ),
    Case(
        "in the XML an episode is compared with its own child's episodes only",
        tables={
            "CINdetails": table(
                [
                    "ChildKey",
                    "LAchildID",
                    "CINdetailsID",
                    "CINreferralDate",
                    "CINclosureDate",
                    "ReferralNFA",
                ],
                ["Child[1]", "", "1", "2024-05-01", "", "false"],
                ["Child[2]", "", "1", "2024-06-01", "2024-07-01", "false"],
                ["Child[3]", "A", "1", "2024-05-01", "", "false"],
                ["Child[4]", "A", "1", "2024-06-01", "2024-07-01", "false"],
                ["Child[5]", "", "1", "2024-05-01", "", "false"],
                ["Child[5]", "", "2", "2024-06-01", "2024-07-01", "false"],
            ),
        },
        metadata={"file_format": "xml"},
        flagged={"CINdetails": [4]},
    ),
]
